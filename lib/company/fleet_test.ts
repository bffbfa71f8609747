import assert from "node:assert/strict";
import { jPerTh, ths, usd, w } from "../units/mod.ts";
import type { FleetPlan } from "./fleet_plan.ts";
import { fleetSchedule } from "./fleet_schedule.ts";
import { assertAlmostEquals } from "../testing/assert_almost_equals.ts";

/** 1e-9 of the expected value, or 1e-9 absolute below 1. */
const TOLERANCE = { absolute: 1e-9, relative: 1e-9 };

// S19: 95 TH/s at 3,250 W (data/asic_models.csv Antminer S19); S21: 200 TH/s at 17.5 J/TH [S60].
const plan: FleetPlan = {
  horizonMonths: 12,
  deliveryLagMonths: 2,
  depreciationMonths: 28,
  models: [
    { name: "S19", hashrate: ths(95), power: w(3_250) },
    { name: "S21", hashrate: ths(200), efficiency: jPerTh(17.5) },
  ],
  installed: [{ model: "S19", units: 1_000, bookValueUsd: usd(950_000), remainingLifeMonths: 10 }],
  purchases: [{ month: 1, model: "S21", units: 500, usdPerTh: 14 }],
  retirements: [{ month: 5, model: "S19", units: 400 }],
  retireAbove: [{ month: 8, aboveJPerTh: jPerTh(30) }],
};

Deno.test("fleetSchedule: a reference plan computed by hand", async (t) => {
  const s = fleetSchedule(plan);
  // Hand computation:
  // - 1,000 S19 = 95,000 TH/s and 3.25 MW from month 0; book $950k over 10 months = $95k/month.
  // - 500 S21 ordered in month 1 at $14/TH: 500 × 200 × 14 = $1.4M paid in month 1; they hash
  //   from month 3 (lag 2): +100,000 TH/s and 100,000 × 17.5 = 1.75 MW; $1.4M ÷ 28 = $50k/month.
  // - Month 5: 400 S19 retired; book per unit then 950 − 5 × 95 = $475 → $190k written off;
  //   600 S19 left = 57,000 TH/s, 1.95 MW, $57k/month depreciation.
  // - Month 8: S19 (34.2 J/TH) above the 30 J/TH threshold: 600 retired at 950 − 8 × 95 = $190
  //   each → $114k written off.
  await t.step("hashrate and power", () => {
    assert.deepEqual(
      [...s.installedThs],
      [95e3, 95e3, 95e3, 195e3, 195e3, 157e3, 157e3, 157e3, 1e5, 1e5, 1e5, 1e5],
    );
    assertAlmostEquals(s.powerW[0]!, 3.25e6, TOLERANCE);
    assertAlmostEquals(s.powerW[3]!, 5.0e6, TOLERANCE);
    assertAlmostEquals(s.powerW[5]!, 3.7e6, TOLERANCE);
    assertAlmostEquals(s.powerW[8]!, 1.75e6, TOLERANCE);
    assertAlmostEquals(s.efficiencyJPerTh[3]!, 5.0e6 / 195e3, TOLERANCE);
    assertAlmostEquals(s.efficiencyJPerTh[11]!, 17.5, TOLERANCE);
  });
  await t.step("deliveries, retirements and units", () => {
    assert.equal(s.deliveredThs[3], 100_000);
    assert.equal(s.deliveredThs.reduce((a, b) => a + b), 100_000);
    assert.equal(s.retiredThs[5], 38_000);
    assert.equal(s.retiredThs[8], 57_000);
    assert.deepEqual([...s.units[0]!.units.slice(4, 9)], [1_000, 600, 600, 600, 0]);
    assert.deepEqual([...s.units[1]!.units.slice(2, 4)], [0, 500]);
  });
  await t.step("capex, depreciation and write-offs", () => {
    assert.deepEqual([...s.capexUsd], [0, 1.4e6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const expected = [95, 95, 95, 145, 145, 107, 107, 107, 50, 50, 50, 50].map((k) => k * 1e3);
    s.depreciationUsd.forEach((v, m) => assertAlmostEquals(v, expected[m]!, TOLERANCE));
    assertAlmostEquals(s.writeOffUsd[5]!, 190_000, TOLERANCE);
    assertAlmostEquals(s.writeOffUsd[8]!, 114_000, TOLERANCE);
  });
  await t.step("invariant: cost = depreciation + write-offs + book value left", () => {
    // S19: all of the $950k is gone by month 8; S21: $1.4M − 9 months × $50k = $950k left.
    const charged = s.depreciationUsd.reduce((a, b) => a + b) +
      s.writeOffUsd.reduce((a, b) => a + b);
    assertAlmostEquals(charged + 950_000, 950_000 + 1.4e6, TOLERANCE);
  });
});

Deno.test("fleetSchedule: retirements take the oldest units first", () => {
  const s = fleetSchedule({
    horizonMonths: 6,
    deliveryLagMonths: 0,
    depreciationMonths: 10,
    models: [{ name: "S21", hashrate: ths(200), efficiency: jPerTh(17.5) }],
    installed: [{ model: "S21", units: 10, bookValueUsd: usd(1_000), remainingLifeMonths: 10 }],
    purchases: [{ month: 1, model: "S21", units: 10, usdPerTh: 1 }],
    retirements: [{ month: 3, model: "S21", units: 15 }],
  });
  // Month 3: the 10 installed units (book 100 − 3 × 10 = $70 each) and 5 of the new ones (cost
  // $200, 2 months of $20 → $160 each) go: 700 + 800 = $1,500.
  assertAlmostEquals(s.writeOffUsd[3]!, 1_500, TOLERANCE);
  assert.equal(s.units[0]!.units[3], 5);
  // A purchase with lag 0 hashes in its order month and counts as delivered.
  assert.equal(s.deliveredThs[1], 2_000);
});

Deno.test("fleetSchedule: an order delivered after the horizon is paid, never hashes", () => {
  const s = fleetSchedule({
    ...plan,
    purchases: [{ month: 11, model: "S21", units: 5, usdPerTh: 14 }],
  });
  assert.equal(s.capexUsd[11], 5 * 200 * 14);
  assert.equal(s.installedThs[11], 0);
});

Deno.test("fleetSchedule: impossible plans name the field, month and value", async (t) => {
  const cases: [string, Partial<FleetPlan>, RegExp][] = [
    [
      "negative purchase",
      { purchases: [{ month: 1, model: "S21", units: -500, usdPerTh: 14 }] },
      /Cannot use purchases\[0\]\.units in month 1: expected a whole number >= 0, got -500/,
    ],
    [
      "fractional purchase",
      { purchases: [{ month: 4, model: "S21", units: 2.5, usdPerTh: 14 }] },
      /purchases\[0\]\.units in month 4: expected a whole number >= 0, got 2\.5/,
    ],
    [
      "zero price",
      { purchases: [{ month: 4, model: "S21", units: 5, usdPerTh: 0 }] },
      /purchases\[0\]\.usdPerTh in month 4: expected a value > 0, got 0/,
    ],
    [
      "retiring more than installed",
      { retirements: [{ month: 2, model: "S19", units: 1_200 }] },
      /Cannot use retirements\[0\]\.units in month 2: expected at most 1000 S19 installed, got 1200/,
    ],
    [
      "retiring machines not yet delivered",
      { retirements: [{ month: 2, model: "S21", units: 1 }] },
      /retirements\[0\]\.units in month 2: expected at most 0 S21 installed, got 1/,
    ],
    [
      "retiring machines a threshold already retired",
      { retirements: [{ month: 9, model: "S19", units: 1 }] },
      /retirements\[0\]\.units in month 9: expected at most 0 S19 installed, got 1/,
    ],
    [
      "buying a model the threshold retires on arrival",
      {
        purchases: [
          { month: 1, model: "S21", units: 500, usdPerTh: 14 },
          { month: 7, model: "S19", units: 100, usdPerTh: 5 },
        ],
      },
      /purchases\[1\]\.model in month 7: S19 \(34\.2 J\/TH\) arrives in month 9, when machines above 30 J\/TH are retired, got 100 units/,
    ],
    [
      "an unknown model",
      { purchases: [{ month: 1, model: "S99", units: 1, usdPerTh: 14 }] },
      /purchases\[0\]\.model in month 1: expected one of "S19", "S21", got "S99"/,
    ],
    [
      "a month outside the plan",
      { purchases: [{ month: 12, model: "S21", units: 1, usdPerTh: 14 }] },
      /Cannot use purchases\[0\]\.month: expected a whole number in \[0, 11\], got 12/,
    ],
    [
      "negative installed units",
      { installed: [{ model: "S19", units: -3 }] },
      /installed\[0\]\.units in month 0: expected a whole number >= 0, got -3/,
    ],
    [
      "a negative threshold",
      { retireAbove: [{ month: 3, aboveJPerTh: -1 as never }] },
      /retireAbove\[0\]\.aboveJPerTh in month 3: expected a value > 0, got -1/,
    ],
    [
      "duplicate model names",
      { models: [...plan.models, { name: "S19", hashrate: ths(95), power: w(3_250) }] },
      /models\[2\]\.name: expected unique names, got S19 twice/,
    ],
    [
      "a spec with both efficiency and power",
      {
        models: [{ name: "X", hashrate: ths(1), power: w(20), efficiency: jPerTh(20) } as never],
        installed: [],
        purchases: [],
        retirements: [],
      },
      /models\[0\]: expected exactly one of efficiency or power, got both/,
    ],
    ["no models", { models: [] }, /Cannot use models: expected at least one machine model/],
    ["a zero horizon", { horizonMonths: 0 }, /horizonMonths: expected a whole number >= 1, got 0/],
  ];
  for (const [name, change, message] of cases) {
    await t.step(name, () => {
      assert.throws(() => fleetSchedule({ ...plan, ...change }), message);
    });
  }
});
