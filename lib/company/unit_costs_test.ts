import assert from "node:assert/strict";
import { costPerBtc } from "../mining/cost_per_btc.ts";
import { DAYS_PER_MONTH } from "../site/site_cash_flows.ts";
import { btcPerPhDay, jPerTh, usdPerKwh } from "../units/mod.ts";
import { type MiningCosts, unitCosts } from "./unit_costs.ts";
import { assertAlmostEquals } from "../testing/assert_almost_equals.ts";

/** 1e-12 of the expected value, or 1e-12 absolute below 1. */
const TOLERANCE = { absolute: 1e-12, relative: 1e-12 };

const costs: MiningCosts = {
  powerPrice: [0.04, 0.05],
  pue: 1.2,
  poolFee: 0.025,
  hostingUsdPerMwMonth: 4_000,
  sgaUsdPerMonth: 250_000,
  uptime: 0.95,
};

Deno.test("unitCosts: a reference case computed by hand", () => {
  const c = unitCosts({
    btcMined: [20, 0],
    btcPriceUsd: [80_000, 90_000],
    powerW: [20e6, 20e6],
    depreciationUsd: [600_000, 600_000],
  }, costs);
  // Month 0, 20 MW of miners: gross 24 MW.
  //   power   24,000 kW × 0.95 × 730 h × $0.04 = $665,760
  //   pool    2.5% × 20 BTC × $80,000       = $40,000
  //   hosting 24 MW × $4,000                 = $96,000
  //   SG&A                                    = $250,000
  //   cash = $1,051,760 → $52,588 per BTC; all-in + $600,000 = $1,651,760 → $82,588 per BTC.
  assertAlmostEquals(c.powerUsd[0]!, 665_760, TOLERANCE);
  assertAlmostEquals(c.poolFeeUsd[0]!, 40_000, TOLERANCE);
  assertAlmostEquals(c.hostingUsd[0]!, 96_000, TOLERANCE);
  assertAlmostEquals(c.cashExpensesUsd[0]!, 665_760 + 96_000 + 250_000, TOLERANCE);
  assertAlmostEquals(c.cashCostPerBtc[0]!, 52_588, TOLERANCE);
  assertAlmostEquals(c.allInCostPerBtc[0]!, 82_588, TOLERANCE);
  assertAlmostEquals(
    c.powerPerBtc[0]! + c.poolFeePerBtc[0]! + c.hostingPerBtc[0]! + c.sgaPerBtc[0]!,
    52_588,
    TOLERANCE,
  );
  assertAlmostEquals(c.depreciationPerBtc[0]!, 30_000, TOLERANCE);
  // Month 1 mines nothing: costs still run, and a cost per BTC has no finite value.
  assertAlmostEquals(c.powerUsd[1]!, 24_000 * 0.95 * 730 * 0.05, TOLERANCE);
  assert.equal(c.poolFeeUsd[1], 0);
  assert.equal(c.allInCostPerBtc[1], Infinity);
  // Over the period: both months' costs over month 0's 20 BTC.
  assertAlmostEquals(c.periodAllInCostPerBtc, (1_651_760 + c.allInCostUsd[1]!) / 20, TOLERANCE);
});

Deno.test("unitCosts agrees with lib/mining costPerBtc in a steady state", () => {
  // Independent implementation: costPerBtc works per PH/s per day and counts the pool fee as
  // fewer coins. One PH/s of S21 (17.5 kW) earning 0.0005 BTC/PH/day; $3 a PH/s-day of other
  // cash costs and $12 of depreciation. At a BTC price equal to costPerBtc's all-in cost, the
  // month's revenue after the pool fee exactly pays every cost, so our all-in cost per BTC mined
  // (pool fee = fee × price) equals that price.
  const uptime = 0.95;
  const poolFee = 0.02;
  const reference = costPerBtc(
    {
      btcHashprice: btcPerPhDay(0.0005),
      efficiency: jPerTh(17.5),
      powerPriceUsdPerKwh: usdPerKwh(0.045),
    },
    { pue: 1.1, uptime, poolFee, otherCashCostUsdPerPhDay: 3, depreciationUsdPerPhDay: 12 },
  );
  const price = reference.allInCostUsd;
  const ours = unitCosts({
    btcMined: [0.0005 * uptime * DAYS_PER_MONTH],
    btcPriceUsd: price,
    powerW: [17_500],
    depreciationUsd: [12 * DAYS_PER_MONTH],
  }, {
    powerPrice: 0.045,
    pue: 1.1,
    poolFee,
    uptime,
    hostingUsdPerMwMonth: 0,
    sgaUsdPerMonth: 3 * DAYS_PER_MONTH,
  });
  assertAlmostEquals(ours.allInCostPerBtc[0]!, price, TOLERANCE);
  // Cash cost: costPerBtc's is per coin kept; ours is per coin mined, plus the pool's cut.
  assertAlmostEquals(
    (ours.cashCostPerBtc[0]! - ours.poolFeePerBtc[0]!) / (1 - poolFee),
    reference.cashCostUsd,
    TOLERANCE,
  );
  assertAlmostEquals(ours.powerPerBtc[0]! / (1 - poolFee), reference.powerCostUsd, TOLERANCE);
});

Deno.test("unitCosts: machines switched off save power, not hosting", () => {
  const inputs = { btcMined: [10], btcPriceUsd: 80_000, powerW: [20e6], depreciationUsd: [0] };
  const all = unitCosts(inputs, costs);
  const half = unitCosts({ ...inputs, runningPowerW: [10e6] }, costs);
  assertAlmostEquals(half.powerUsd[0]!, all.powerUsd[0]! / 2, TOLERANCE);
  assert.equal(half.hostingUsd[0], all.hostingUsd[0]);
  // A hosting fee on MW hashing only: half the machines off, half the fee; at 50%, three quarters.
  const fee = unitCosts({ ...inputs, runningPowerW: [10e6] }, { ...costs, hostingWhileOff: 0 });
  assertAlmostEquals(fee.hostingUsd[0]!, all.hostingUsd[0]! / 2, TOLERANCE);
  const some = unitCosts({ ...inputs, runningPowerW: [10e6] }, { ...costs, hostingWhileOff: 0.5 });
  assertAlmostEquals(some.hostingUsd[0]!, all.hostingUsd[0]! * 0.75, TOLERANCE);
  assert.throws(
    () => unitCosts(inputs, { ...costs, hostingWhileOff: 2 }),
    /hostingWhileOff: expected a fraction between 0 and 1, got 2/,
  );
});

Deno.test("unitCosts: bad inputs name the field, month and value", () => {
  const inputs = {
    btcMined: [1, 1, 1, 1, 1],
    btcPriceUsd: [1, 1, 1, 1, 0],
    powerW: [1, 1, 1, 1, 1],
    depreciationUsd: [0, 0, 0, 0, 0],
  };
  const flat = { ...costs, powerPrice: 0.04 };
  assert.throws(
    () => unitCosts(inputs, flat),
    /Cannot use btcPriceUsd in month 4: expected a value > 0, got 0/,
  );
  const ok = { ...inputs, btcPriceUsd: 1 };
  assert.throws(
    () => unitCosts({ ...ok, btcMined: [1, -2, 1, 1, 1] }, flat),
    /btcMined in month 1: expected a value >= 0, got -2/,
  );
  assert.throws(
    () => unitCosts(ok, { ...flat, poolFee: 1 }),
    /poolFee: expected a fee in \[0, 1\)/,
  );
  assert.throws(() => unitCosts(ok, { ...flat, uptime: 0 }), /uptime: expected a fraction in/);
  assert.throws(() => unitCosts(ok, { ...flat, pue: 0.9 }), /pue: expected a PUE >= 1, got 0.9/);
  assert.throws(
    () => unitCosts(ok, { ...flat, powerPrice: [0.04, 0.04, -1, 0.04, 0.04] }),
    /powerPrice in month 2: expected a value >= 0, got -1/,
  );
  assert.throws(
    () => unitCosts(ok, { ...flat, sgaUsdPerMonth: -5 }),
    /sgaUsdPerMonth: expected a value >= 0, got -5/,
  );
  assert.throws(
    () => unitCosts(ok, { ...flat, powerPrice: [0.04] }),
    /powerPrice: expected 5 monthly values, got 1/,
  );
});
