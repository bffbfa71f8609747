import assert from "node:assert/strict";
import { miningPerMw } from "../mining/mining_per_mw.ts";
import { grossMw, jPerTh, usdPerKwh, usdPerMwYear, usdPerPhDay } from "../units/mod.ts";
import { siteCashFlows, type SitePlan } from "./mod.ts";
import { assertAlmostEquals } from "../testing/assert_almost_equals.ts";

/** 1e-9 of the expected value, or 1e-9 absolute below 1. */
const TOLERANCE = { absolute: 1e-9, relative: 1e-9 };

// An S21 fleet (17.5 J/TH [S60]) at PUE 1.1 and 4¢ power: its hashcost (F3) is
// 24 × 17.5 × 1.1 × 0.04 = $18.48 per PH/s per day.
const HASHCOST = 24 * 17.5 * 1.1 * 0.04;
const MONTHS = 24;
// $45 for a year, then $15 (below the hashcost), as after a halving.
const HASHPRICE = Float64Array.from({ length: MONTHS }, (_, m) => (m < 12 ? 45 : 15));
const PLAN: SitePlan = {
  grossPower: grossMw(100),
  horizonMonths: MONTHS,
  mining: {
    efficiency: jPerTh(17.5),
    pue: 1.1,
    hashprice: HASHPRICE,
    powerPrice: usdPerKwh(0.04),
    otherOpexUsdPerMwMonth: 2_000,
  },
  ai: {
    kind: "colocation",
    pue: 1.25,
    firstYearRent: usdPerMwYear(1.8e6),
    capexUsdPerItMw: 10e6,
    constructionMonths: 18,
  },
};
const literal = (plan: SitePlan): SitePlan => ({
  ...plan,
  mining: { ...plan.mining, switchOffAtLoss: false },
});
const sum = (a: ArrayLike<number>) => Array.from(a).reduce((x, y) => x + y, 0);

Deno.test("a month whose running margin is negative is switched off; other opex is still paid", () => {
  assert.ok(15 < HASHCOST && HASHCOST < 45);
  const flows = siteCashFlows(PLAN, { aiShare: 0.3 });
  const runAll = siteCashFlows(literal(PLAN), { aiShare: 0.3 });
  for (let m = 0; m < MONTHS; m++) {
    const on = m < 12;
    assert.equal(flows.miningRunning[m], on ? 1 : 0, `month ${m}`);
    assert.equal(runAll.miningRunning[m], 1);
    if (on) {
      // Profitable months are the literal model's.
      assert.equal(flows.miningEbitda[m], runAll.miningEbitda[m]);
      assert.equal(flows.foregoneMiningEbitda[m], runAll.foregoneMiningEbitda[m]);
    } else {
      assert.equal(flows.miningRevenue[m], 0);
      assert.equal(flows.miningPowerCost[m], 0);
      assert.equal(flows.miningTax[m], 0);
      assert.equal(flows.curtailmentCredit[m], 0);
      assert.equal(flows.miningOpex[m], 2_000 * 70);
      assert.equal(flows.miningEbitda[m], -2_000 * 70);
      // The AI MW under conversion would have been switched off too.
      if (m < 18) assert.equal(flows.foregoneMiningEbitda[m], -2_000 * 30);
      assert.ok(runAll.miningEbitda[m]! < flows.miningEbitda[m]!);
    }
  }
  assert.deepEqual(flows.aiEbitda, runAll.aiEbitda);
});

Deno.test("switchOffAtLoss: false is the literal F5 margin, negative below the hashcost (miningPerMw)", () => {
  // Independent reference: lib/mining's F4/F5 per gross MW-year at the bust hashprice.
  const f5 = miningPerMw({
    hashprice: usdPerPhDay(15),
    efficiency: jPerTh(17.5),
    powerPriceUsdPerKwh: usdPerKwh(0.04),
  }, { pue: 1.1 });
  assert.ok(f5.grossMarginPerGrossMwYear < 0);
  const plan: SitePlan = { ...PLAN, mining: { ...PLAN.mining, otherOpexUsdPerMwMonth: 0 } };
  const runAll = siteCashFlows(literal(plan), { aiShare: 0 });
  const secondYear = (a: Float64Array) => sum(a.subarray(12, 24));
  assertAlmostEquals(
    secondYear(runAll.miningEbitda),
    f5.grossMarginPerGrossMwYear * 100,
    TOLERANCE,
  );
  assertAlmostEquals(secondYear(runAll.miningRevenue), f5.revenuePerGrossMwYear * 100, TOLERANCE);
  // Switched off, the same year is worth nothing, not a loss.
  assert.equal(secondYear(siteCashFlows(plan, { aiShare: 0 }).miningEbitda), 0);
});

Deno.test("the running margin counts tax and curtailment credits", () => {
  // At $20 the fleet clears its $18.48 hashcost; a 0.5¢ tax takes it under.
  const at20: SitePlan = { ...PLAN, mining: { ...PLAN.mining, hashprice: usdPerPhDay(20) } };
  assert.equal(sum(siteCashFlows(at20, { aiShare: 0 }).miningRunning), MONTHS);
  const taxed: SitePlan = { ...at20, mining: { ...at20.mining, taxUsdPerKwh: 0.005 } };
  assert.equal(sum(siteCashFlows(taxed, { aiShare: 0 }).miningRunning), 0);
  // Curtailing 10% of hours for a credit of 20¢ per kWh not drawn puts it back on: per PH/s-day
  // revenue 0.9 × 20 = 18 against power 0.9 × 18.48 = 16.63 plus tax 0.9 × 2.31 = 2.08, plus a
  // credit of 0.1 × 18.48 ÷ 0.04 × 0.2 = 9.24.
  const credited: SitePlan = {
    ...taxed,
    mining: { ...taxed.mining, curtailedShare: 0.1, curtailmentCreditUsdPerKwh: 0.2 },
  };
  const flows = siteCashFlows(credited, { aiShare: 0 });
  assert.equal(sum(flows.miningRunning), MONTHS);
  assert.ok(flows.miningRevenue[0]! - flows.miningPowerCost[0]! < 0);
  assert.ok(flows.curtailmentCredit[0]! > 0);
});

Deno.test("switchOffAtLoss must be a boolean", () => {
  const bad = { ...PLAN, mining: { ...PLAN.mining, switchOffAtLoss: "no" } } as unknown as SitePlan;
  assert.throws(
    () => siteCashFlows(bad, { aiShare: 0 }),
    /mining.switchOffAtLoss: expected true or false, got no/,
  );
});
