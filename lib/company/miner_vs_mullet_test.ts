import assert from "node:assert/strict";
import { monthlyFlows } from "../finance/cash_flow.ts";
import { npv } from "../finance/npv.ts";
import { constantPaths, type PathSet } from "../finance/path_set.ts";
import { siteCashFlows } from "../site/site_cash_flows.ts";
import { terminalValue } from "../site/site_returns.ts";
import { sumOfTheParts } from "../site/sum_of_the_parts.ts";
import { ehs, jPerTh, usdPerKwh } from "../units/mod.ts";
import { minerVsMulletTable } from "./comparison_table.ts";
import type { MinerCompany } from "./miner_company.ts";
import { projectMiner } from "./miner_projection.ts";
import { minerVsMullet } from "./miner_vs_mullet.ts";
import { simulateTreasury } from "./treasury.ts";
import { assertAlmostEquals } from "../testing/assert_almost_equals.ts";
import { comparisonInputs } from "./_testing.ts";

/** 1e-9 of the expected value, or 1e-9 absolute below 1. */
const TOLERANCE = { absolute: 1e-9, relative: 1e-9 };

const MONTHS = 48;
// The shared comparison: a 100 MW miner with two vintages, an upgrade and a retirement, against
// the mullet with a colocation lease, over 200 seeded paths of 48 months.
const { company, ai, btcPrice, networkHashrate } = comparisonInputs(0);
const options = { discountRate: 0.12, debtRateAnnual: 0.08 } as const;

function row(set: PathSet, p: number): Float64Array {
  return set.paths.slice(p * set.steps, (p + 1) * set.steps);
}

Deno.test("with no AI, the mullet is the pure miner", () => {
  const r = minerVsMullet({ company, ai, aiShare: 0, btcPrice, networkHashrate }, {
    ...options,
    policy: { kind: "sell-above-cost" },
  });
  assert.deepEqual(r.mullet.npvUsd, r.pure.npvUsd);
  assert.deepEqual(r.mullet.cashFlow.paths, r.pure.cashFlow.paths);
  assert.deepEqual(r.mullet.treasury.endEquityUsd, r.pure.treasury.endEquityUsd);
  assert.equal(r.hashrateShareGivenUp, 0);
  assert.equal(r.mulletWinsProbability, 0);
});

Deno.test("the pure miner matches projectMiner, npv and simulateTreasury path by path", () => {
  // Independent route: the single-path models of this folder and lib/finance's npv.
  const policy = { kind: "cover-cash-costs" } as const;
  const r = minerVsMullet({ company, ai, aiShare: 0.3, btcPrice, networkHashrate }, {
    ...options,
    policy,
  });
  for (const p of [0, 17, 199]) {
    const projection = projectMiner({
      company,
      btcPriceUsd: row(btcPrice, p),
      networkHashrateThs: row(networkHashrate, p),
    });
    const cash = row(r.pure.cashFlow, p);
    projection.cashFlowUsd.forEach((v, m) => assertAlmostEquals(cash[m]!, v, TOLERANCE));
    // Month m's flow at the end of month m: t = m + 1 months.
    const value = npv(monthlyFlows([0, ...projection.cashFlowUsd]), { rate: 0.12 });
    assertAlmostEquals(r.pure.npvUsd[p]!, value, TOLERANCE);
    const treasury = simulateTreasury(projection, {
      policy,
      debtRateAnnual: 0.08,
      opening: company.balanceSheet!,
    });
    assertAlmostEquals(
      r.pure.treasury.endEquityUsd[p]!,
      treasury.equityUsd[MONTHS - 1]!,
      TOLERANCE,
    );
  }
});

Deno.test("the mullet: the same company with part of the MW in AI from month 0", () => {
  const aiShare = 0.4;
  const r = minerVsMullet({ company, ai, aiShare, btcPrice, networkHashrate }, options);
  const site = siteCashFlows({
    grossPower: company.grossPower,
    horizonMonths: MONTHS,
    mining: { efficiency: jPerTh(17.5), pue: 1.1, hashprice: 0, powerPrice: usdPerKwh(0) },
    ai,
  }, { aiShare });
  // 40 MW gross at PUE 1.25 = 32 MW IT; $1.8M × 32 ÷ 12 of rent a month from month 12, at the
  // modified-gross NOI margin; $320M of build spread over months 0–11.
  assert.equal(site.aiItMw, 32);
  assertAlmostEquals(site.aiCapex.reduce((a, b) => a + b), 320e6, TOLERANCE);
  for (const p of [3, 150]) {
    const projection = projectMiner({
      company,
      btcPriceUsd: row(btcPrice, p),
      networkHashrateThs: row(networkHashrate, p),
    });
    const cash = row(r.mullet.cashFlow, p);
    for (let m = 0; m < MONTHS; m++) {
      // Mining scaled to 60% of the MW; SG&A stays whole; the AI front's NOI and build added.
      const mining = 0.6 * (projection.ebitdaUsd[m]! + 1.5e6) - 1.5e6;
      const expected = mining + site.aiEbitda[m]! - 0.6 * projection.capexUsd[m]! -
        site.aiCapex[m]!;
      assertAlmostEquals(cash[m]!, expected, TOLERANCE);
    }
  }
  assertAlmostEquals(r.mullet.btcMined, 0.6 * r.pure.btcMined, TOLERANCE);
  assertAlmostEquals(r.hashrateShareGivenUp, 0.4 * r.pure.meanShare, TOLERANCE);
  r.mullet.shareByMonth.forEach((s, m) =>
    assertAlmostEquals(s, 0.6 * r.pure.shareByMonth[m]!, TOLERANCE)
  );
  const wins = r.npvDifferenceUsd.filter((d) => d > 0).length / 200;
  assert.equal(r.mulletWinsProbability, wins);
  r.npvDifferenceUsd.forEach((d, p) =>
    assertAlmostEquals(d, r.mullet.npvUsd[p]! - r.pure.npvUsd[p]!, TOLERANCE)
  );
});

Deno.test("cash-flow volatility is the dispersion across paths", () => {
  // Identical paths: no dispersion at all, whatever the capex lumps.
  const flat = (value: number) => constantPaths(value, { steps: MONTHS, pathCount: 4 });
  const r = minerVsMullet(
    { company, ai, aiShare: 0.5, btcPrice: flat(90_000), networkHashrate: flat(ehs(950)) },
    options,
  );
  assert.equal(r.pure.cashFlowVolatilityUsd, 0);
  assert.equal(r.mullet.cashFlowVolatilityUsd, 0);
  assert.equal(r.pure.npvP5Usd, r.pure.npvP95Usd);
  // The mullet builds for 12 months: at least those months are negative.
  assert.ok(r.mullet.negativeCashFlowMonths >= 12);
  // With real paths the AI rent steadies the mullet's cash flow.
  const random = minerVsMullet({ company, ai, aiShare: 0.5, btcPrice, networkHashrate }, options);
  assert.ok(random.pure.cashFlowVolatilityUsd > 0);
  assert.ok(random.mullet.cashFlowVolatilityUsd < random.pure.cashFlowVolatilityUsd);
});

Deno.test("terminal value and the sum of the parts, computed by hand", () => {
  const flat = (value: number) => constantPaths(value, { steps: MONTHS, pathCount: 1 });
  const constant: MinerCompany = {
    ...company,
    fleet: { ...company.fleet, purchases: [], retireAbove: [] },
    switchOffAtLoss: false,
  };
  const inputs = {
    company: constant,
    ai,
    aiShare: 0.4,
    btcPrice: flat(120_000),
    networkHashrate: flat(ehs(950)),
  };
  const terminal = { miningEbitdaMultiple: 4, aiEbitdaMultiple: 12 };
  const without = minerVsMullet(inputs, options);
  const withTerminal = minerVsMullet(inputs, {
    ...options,
    terminal,
    valuation: { miningEbitdaMultiple: 6, aiCapRate: 0.08 },
  });
  const projection = projectMiner({
    company: constant,
    btcPriceUsd: 120_000,
    networkHashrateThs: ehs(950),
  });
  const pureTerminal = terminalValue({
    miningEbitda: projection.ebitdaUsd,
    aiEbitda: new Float64Array(MONTHS),
    cashFlow: projection.cashFlowUsd,
  }, terminal);
  assertAlmostEquals(
    withTerminal.pure.npvMeanUsd - without.pure.npvMeanUsd,
    pureTerminal / 1.12 ** (MONTHS / 12),
    TOLERANCE,
  );
  // Sum of the parts of the mullet: 500 BTC at $120k; forward mining EBITDA (months 0–11) × 6;
  // run-rate NOI of 32 MW IT × $1.8M × 85% (modified gross) ÷ 8%; net debt $50M − $20M plus
  // the $320M build.
  const forwardMining = 0.6 * (projection.ebitdaUsd.slice(0, 12).reduce((a, b) => a + b) +
        12 * 1.5e6) - 12 * 1.5e6;
  const expected = sumOfTheParts({
    btcHeld: 500,
    btcPriceUsd: 120_000,
    miningEbitdaUsd: forwardMining,
    miningMultiple: 6,
    aiNoiUsd: 32 * 1.8e6 * 0.85,
    aiCapRate: 0.08,
    uncontractedMw: 0,
    netDebtUsd: 30e6 + 320e6,
  });
  assertAlmostEquals(
    withTerminal.mullet.sumOfTheParts!.equityValueUsd,
    expected.equityValueUsd,
    TOLERANCE,
  );
  assertAlmostEquals(withTerminal.mullet.forwardMiningEbitdaUsd, forwardMining, TOLERANCE);
  const pureValue = withTerminal.pure.sumOfTheParts!;
  assertAlmostEquals(
    pureValue.equityValueUsd,
    500 * 120_000 + 6 * withTerminal.pure.forwardMiningEbitdaUsd - 30e6,
    TOLERANCE,
  );
});

Deno.test("the comparison table reads mullet − pure on every row", () => {
  const r = minerVsMullet({ company, ai, aiShare: 0.5, btcPrice, networkHashrate }, {
    ...options,
    valuation: { miningEbitdaMultiple: 6, aiCapRate: 0.075 },
  });
  const rows = minerVsMulletTable(r);
  assert.equal(rows.length, 14);
  for (const { pure, mullet, difference } of rows) {
    if (!Number.isNaN(pure)) {
      assertAlmostEquals(difference, mullet - pure, TOLERANCE);
    }
  }
  const share = rows.find((x) => x.metric.startsWith("Network hashrate share"))!;
  assert.match(share.differenceText, /^-0\.\d{3} pp$/);
  assert.match(share.pureText, /^0\.\d{3}%$/);
  const wins = rows.find((x) => x.metric.startsWith("Paths on which"))!;
  assert.equal(wins.pureText, "–");
  assert.equal(wins.mullet, r.mulletWinsProbability);
  assert.equal(rows.at(-1)!.metric, "Sum-of-the-parts equity value");
});

Deno.test("minerVsMullet: bad input names the field, path, month and value", () => {
  const base = { company, ai, aiShare: 0.5, btcPrice, networkHashrate };
  assert.throws(
    () => minerVsMullet({ ...base, aiShare: 1.5 }, options),
    /aiShare: expected a fraction between 0 and 1, got 1.5/,
  );
  const short = { ...btcPrice, paths: btcPrice.paths.slice(0, 200 * 24), steps: 24 };
  assert.throws(
    () => minerVsMullet({ ...base, btcPrice: short }, options),
    /btcPrice: expected at least 48 monthly steps, got 24/,
  );
  const few = { ...networkHashrate, paths: networkHashrate.paths.slice(0, 10 * 48), pathCount: 10 };
  assert.throws(
    () => minerVsMullet({ ...base, networkHashrate: few }, options),
    /btcPrice has 200 paths, networkHashrate 10/,
  );
  const zero = btcPrice.paths.slice();
  zero[7 * 48 + 5] = 0;
  assert.throws(
    () => minerVsMullet({ ...base, btcPrice: { ...btcPrice, paths: zero } }, options),
    /Cannot use btcPrice \(path 7\) in month 5: expected a value > 0, got 0/,
  );
  assert.throws(
    () => minerVsMullet({ ...base, networkHashrate: ehs(1) }, options),
    /networkHashrate \(path 0\) in month 0: expected a value > 0 and at least the miner's/,
  );
  assert.throws(
    () => minerVsMullet(base, { ...options, discountRate: -1 }),
    /discountRate: expected a rate > -1, got -1/,
  );
  assert.throws(
    () => minerVsMullet(base, { ...options, policy: { kind: "target-holding", btc: -1 } }),
    /policy\.btc: expected a value >= 0, got -1/,
  );
  assert.throws(
    () => minerVsMullet(base, { ...options, valuation: { miningEbitdaMultiple: 6, aiCapRate: 0 } }),
    /valuation\.aiCapRate: expected a value > 0, got 0/,
  );
  assert.throws(
    () =>
      minerVsMullet(base, {
        ...options,
        valuation: { miningEbitdaMultiple: 6, miningUsdPerMw: 4.5e6, aiCapRate: 0.08 },
      }),
    /valuation: expected exactly one of miningEbitdaMultiple or miningUsdPerMw, got both/,
  );
});
