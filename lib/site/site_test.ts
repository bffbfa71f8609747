import assert from "node:assert/strict";
import { colocationLease } from "../compute/colocation.ts";
import { loadBtcDaily } from "../data/btc_daily.ts";
import { IMF_MINING_TAX } from "../mining/imf_tax.ts";
import { miningPerMw } from "../mining/mining_per_mw.ts";
import { grossMw, itMw, jPerTh, usdPerKwh, usdPerMwYear, usdPerPhDay } from "../units/mod.ts";
import {
  bestSplit,
  hashpriceScenarios,
  siteCashFlows,
  type SitePlan,
  siteReturns,
  sumOfTheParts,
} from "./mod.ts";
import { H100_CLOUD } from "./_testing.ts";
import { assertAlmostEquals } from "../testing/assert_almost_equals.ts";

/** 1e-9 of the expected value, or 1e-9 absolute below 1. */
const TOLERANCE = { absolute: 1e-9, relative: 1e-9 };

const PLAN: SitePlan = {
  grossPower: grossMw(300),
  horizonMonths: 120,
  mining: {
    efficiency: jPerTh(17.5), // Antminer S21 [S60]
    pue: 1.1,
    hashprice: usdPerPhDay(45),
    powerPrice: usdPerKwh(0.04),
  },
  ai: {
    kind: "colocation",
    pue: 1.25,
    firstYearRent: usdPerMwYear(1.8e6),
    escalator: 0.03,
    structure: "triple net",
    capexUsdPerItMw: 10e6,
    constructionMonths: 18,
  },
};

const sum = (a: Float64Array) => a.reduce((x, y) => x + y, 0);

Deno.test("all-mining: a year of the site equals F4/F5 per gross MW (miningPerMw)", () => {
  const flows = siteCashFlows(PLAN, { aiShare: 0 });
  const f = miningPerMw({
    hashprice: usdPerPhDay(45),
    efficiency: jPerTh(17.5),
    powerPriceUsdPerKwh: usdPerKwh(0.04),
  }, { pue: 1.1 });
  const firstYear = (a: Float64Array) => sum(a.subarray(0, 12));
  assertAlmostEquals(firstYear(flows.miningRevenue), f.revenuePerGrossMwYear * 300, TOLERANCE);
  assertAlmostEquals(firstYear(flows.miningEbitda), f.grossMarginPerGrossMwYear * 300, TOLERANCE);
  assertAlmostEquals(flows.miningPhs, f.phPerMw / 1.1 * 300, TOLERANCE);
});

Deno.test("the IMF tax costs $0.047 × 8,760 MWh per gross mining MW-year (F10)", () => {
  const base = siteCashFlows(PLAN, { aiShare: 0.5 });
  const taxed = siteCashFlows({
    ...PLAN,
    mining: { ...PLAN.mining, taxUsdPerKwh: IMF_MINING_TAX.direct },
  }, { aiShare: 0.5 });
  const perMwYear = (sum(base.miningEbitda) - sum(taxed.miningEbitda)) / 150 / 10;
  assertAlmostEquals(perMwYear, 0.047 * 8_760_000, TOLERANCE); // $411,720 ($0.41M, F10)
  assertAlmostEquals(sum(taxed.miningTax) / 150 / 10, 0.047 * 8_760_000, TOLERANCE);
  assert.deepEqual(taxed.aiEbitda, base.aiEbitda); // the tax falls on mining electricity only
});

Deno.test("colocation months follow the lease schedule after construction", () => {
  const flows = siteCashFlows(PLAN, { aiShare: 0.5 });
  assert.equal(flows.aiItMw, 120); // 150 gross MW at PUE 1.25
  const lease = colocationLease({
    itPower: itMw(120),
    firstYearRent: usdPerMwYear(1.8e6),
    termYears: 8,
  }, {
    escalator: 0.03,
    structure: "triple net",
  });
  for (let year = 0; year < 8; year++) {
    const from = 18 + 12 * year;
    const rent = sum(flows.aiRevenue.subarray(from, Math.min(from + 12, 120)));
    const months = Math.min(12, 120 - from);
    assertAlmostEquals(
      rent,
      lease.years[year]!.rentUsd * months / 12,
      TOLERANCE,
      `lease year ${year + 1}`,
    );
  }
  assert.equal(sum(flows.aiRevenue.subarray(0, 18)), 0);
  assertAlmostEquals(sum(flows.aiCapex), 120 * 10e6, TOLERANCE); // spread over the 18 construction months
  assertAlmostEquals(flows.aiCapex[0]!, 120 * 10e6 / 18, TOLERANCE);
});

Deno.test("capex phasing spends the build cost month by month as given", () => {
  const phasing = [0.1, 0.2, 0.3, 0.4];
  const flows = siteCashFlows({ ...PLAN, ai: { ...PLAN.ai, capexPhasing: phasing } }, {
    aiShare: 0.5,
  });
  assert.deepEqual(Array.from(flows.aiCapex.subarray(0, 5)), [
    ...phasing.map((p) => p * 120 * 10e6),
    0,
  ]);
  assert.throws(
    () =>
      siteCashFlows({ ...PLAN, ai: { ...PLAN.ai, capexPhasing: [0.5, 0.4] } }, { aiShare: 0.5 }),
    /ai.capexPhasing: expected shares summing to 1, got 0.9/,
  );
});

Deno.test("while converting, the AI MW give up exactly the mining margin they would have made", () => {
  const half = siteCashFlows(PLAN, { aiShare: 0.5 });
  const all = siteCashFlows(PLAN, { aiShare: 0 });
  for (let m = 0; m < 18; m++) {
    assertAlmostEquals(
      half.foregoneMiningEbitda[m]! + half.miningEbitda[m]!,
      all.miningEbitda[m]!,
      TOLERANCE,
    );
  }
  assert.equal(sum(half.foregoneMiningEbitda.subarray(18)), 0);
});

Deno.test("cash flow is EBITDA less capex; NPV at 0% is its sum and falls as the rate rises", () => {
  const flows = siteCashFlows(PLAN, { aiShare: 0.4 });
  for (let m = 0; m < 120; m++) {
    const expected = flows.miningEbitda[m]! + flows.aiEbitda[m]! - flows.miningCapex[m]! -
      flows.aiCapex[m]!;
    assertAlmostEquals(flows.cashFlow[m]!, expected, TOLERANCE);
  }
  assertAlmostEquals(
    siteReturns(flows, { discountRate: 0 }).npvUsd,
    sum(flows.cashFlow),
    TOLERANCE,
  );
  const npvs = [0.05, 0.08, 0.12].map((r) => siteReturns(flows, { discountRate: r }).npvUsd);
  assert.ok(npvs[0]! > npvs[1]! && npvs[1]! > npvs[2]!);
  const r = siteReturns(flows, { discountRate: 0.08 });
  // At the IRR the NPV is zero.
  assert.ok(r.irr !== undefined);
  assert.ok(Math.abs(siteReturns(flows, { discountRate: r.irr }).npvUsd) < 1e-3 * r.capexUsd);
  assert.ok(r.peakFundingUsd > 0 && r.paybackYears! > 1.5);
});

Deno.test("GPU cloud: revenue is GPUs × price × hours × utilisation; GPUs are bought again at end of life", () => {
  const plan: SitePlan = { ...PLAN, ai: H100_CLOUD };
  const flows = siteCashFlows(plan, { aiShare: 0.2 });
  const gpus = 60 / 1.2 * (1000 / 1.275);
  assertAlmostEquals(flows.aiRevenue[12]!, gpus * 2 * 730 * 0.8, TOLERANCE);
  const buys = [...flows.aiCapex.entries()].filter(([m]) => m >= 11).filter(([, v]) => v > 0).map((
    [m],
  ) => m);
  assert.deepEqual(buys, [11, 71]);
  // Revenue per IT MW-year at $2 and 80%: $11.0M (F8).
  assert.equal(
    (siteReturns(flows, { discountRate: 0.1 }).ai.revenuePerItMwYear / 1e6).toFixed(1),
    "11.0",
  );
});

Deno.test("hashprice scenarios reproduce the snapshot's hashprice on a real day (network form)", async () => {
  const daily = await loadBtcDaily();
  const i = daily.date.indexOf("2025-06-15");
  const one = (v: number) => ({ paths: Float64Array.of(v), pathCount: 1, steps: 1, seed: 1 });
  const hp = hashpriceScenarios({
    btcPrice: one(daily.price_usd[i]!),
    networkHashrate: one(daily.hashrate_ths[i]!),
    startHeight: daily.height_end[i - 1]!,
    feesBtcPerBlock: daily.fees_btc[i]! / daily.blocks[i]!,
  }, { blocksPerDay: daily.blocks[i]! });
  assertAlmostEquals(hp.paths[0]!, daily.hashprice_usd_per_ph_day[i]!, TOLERANCE);
});

Deno.test("a loss-probability limit moves the split away from volatile mining", () => {
  // Two hashprice scenarios: boom and bust, equally likely. In the bust the fleet is switched
  // off (below its hashcost) and never repays its ASICs: ≈ $0.8M per MW (57.1 PH/s of S21s at
  // $14/TH [S60]).
  const months = PLAN.horizonMonths;
  const paths = new Float64Array(2 * months);
  paths.fill(90, 0, months);
  paths.fill(12, months);
  const hashprice = { paths, pathCount: 2, steps: months, seed: 1 };
  const options = { discountRate: 0.08, hashprice, terminal: { aiEbitdaMultiple: 10 } };
  const plan: SitePlan = { ...PLAN, mining: { ...PLAN.mining, capexUsdPerMw: 0.8e6 } };
  const free = bestSplit(plan, options);
  const allMining = free.rows.find((r) => r.aiShare === 0)!;
  assert.equal(allMining.lossProbability, 0.5);
  const limited = bestSplit(plan, { ...options, constraints: { maxLossProbability: 0 } });
  assert.ok(limited.best !== undefined && limited.best.aiShare > 0);
  assert.ok(limited.rows.every((r) => r.feasible === (r.lossProbability === 0)));
  const none = bestSplit(plan, {
    ...options,
    constraints: { capexBudgetUsd: 1, minMiningShare: 1, maxLossProbability: 0 },
  });
  assert.equal(none.best, undefined);
  assert.deepEqual(none.rows[0]!.breaks, ["capex budget", "loss probability"]); // the ASICs cost more than $1
});

Deno.test("sum of the parts: Bernstein's $3M per AI MW is the default for uncontracted MW", () => {
  const v = sumOfTheParts({
    btcHeld: 0,
    btcPriceUsd: 1,
    miningEbitdaUsd: 0,
    miningMultiple: 0,
    aiNoiUsd: 0,
    aiCapRate: 0.08,
    uncontractedMw: 590,
    netDebtUsd: 0,
  });
  assert.equal(v.equityValueUsd, 590 * 3e6); // CORZ ~590 MW at $3M/MW [S5]
  assert.equal(v.perShareUsd, undefined);
  assert.throws(
    () =>
      sumOfTheParts({
        btcHeld: 1,
        btcPriceUsd: 0,
        miningEbitdaUsd: 0,
        miningMultiple: 0,
        aiNoiUsd: 0,
        aiCapRate: 0.08,
        uncontractedMw: 0,
        netDebtUsd: 0,
      }),
    /btcPriceUsd: expected a value > 0, got 0/,
  );
});

Deno.test("bad plans are rejected with the field and the value", () => {
  const bad = (plan: SitePlan, share = 0.5) => () => siteCashFlows(plan, { aiShare: share });
  assert.throws(bad(PLAN, 1.2), /aiShare: expected a fraction between 0 and 1, got 1.2/);
  assert.throws(
    bad({ ...PLAN, grossPower: grossMw(0) }),
    /grossPower: expected a value > 0, got 0/,
  );
  assert.throws(() => grossMw(-10), /grossMw: expected a value >= 0, got -10/);
  assert.throws(
    bad({ ...PLAN, mining: { ...PLAN.mining, pue: 0.95 } }),
    /mining.pue: expected a PUE >= 1, got 0.95/,
  );
  assert.throws(
    bad({ ...PLAN, mining: { ...PLAN.mining, uptime: 1.5 } }),
    /mining.uptime: expected a fraction between 0 and 1, got 1.5/,
  );
  const hp = new Float64Array(120).fill(45);
  hp[37] = NaN;
  assert.throws(
    bad({ ...PLAN, mining: { ...PLAN.mining, hashprice: hp } }),
    /mining.hashprice\[37\]: expected a finite number, got NaN/,
  );
  assert.throws(
    bad({ ...PLAN, mining: { ...PLAN.mining, hashprice: new Float64Array(12) } }),
    /mining.hashprice: expected at least 120 monthly values, got 12/,
  );
  assert.throws(
    bad({ ...PLAN, ai: { ...PLAN.ai, pue: 0.8 } }),
    /ai.pue: expected a PUE >= 1, got 0.8/,
  );
  assert.throws(
    bad({ ...PLAN, horizonMonths: 0 }),
    /horizonMonths: expected a whole number >= 1, got 0/,
  );
  assert.throws(
    () => siteReturns(siteCashFlows(PLAN, { aiShare: 0 }), { discountRate: NaN }),
    /discountRate: expected a finite number, got NaN/,
  );
});

Deno.test("bestSplit's NPV, capex and funding need agree with siteReturns", () => {
  const options = {
    discountRate: 0.09,
    terminal: { aiEbitdaMultiple: 10, miningEbitdaMultiple: 3 },
  };
  const split = bestSplit(PLAN, { ...options, shares: [0, 0.35, 1] });
  for (const row of split.rows) {
    const r = siteReturns(siteCashFlows(PLAN, { aiShare: row.aiShare }), options);
    assertAlmostEquals(
      row.npvMeanUsd,
      r.npvUsd,
      TOLERANCE,
      `share ${row.aiShare}`,
    );
    assertAlmostEquals(row.capexUsd, r.capexUsd, TOLERANCE);
    assertAlmostEquals(row.peakFundingUsd, r.peakFundingUsd, TOLERANCE);
  }
});
