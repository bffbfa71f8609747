// The site Monte Carlo the benchmarks time (site_monte_carlo_bench.ts, lib/cli/bench_numpy.ts):
// BTC price by GBM, network hashrate as a lognormal walk, hashprice from both, a 300 MW site's
// NPV on every path at a 30% AI split, then the mean, P5/P50/P95 and the loss probability —
// through the public API (siteNpvPaths drawing the paths from the models a block at a time, and
// the stored path sets of gbmPaths, hashratePaths and hashpriceScenarios), as one fused loop (the
// lower bound), and as inputs for the numpy peer.
// Parameters are illustrative, for timing only (not a forecast).
import { fastExp } from "../finance/fast_exp.ts";
import { gbmPaths } from "../finance/gbm_paths.ts";
import { hashratePaths } from "../finance/hashrate_paths.ts";
import { percentiles } from "../finance/percentiles.ts";
import { createRng } from "../finance/rng.ts";
import { TARGET_BLOCKS_PER_DAY } from "../mining/hashprice.ts";
import { ehs } from "../units/hashrate.ts";
import { HOURS_PER_YEAR } from "../units/prices.ts";
import { monthEndDiscountFactors } from "./_discounting.ts";
import { coreScientificSite } from "./_testing.ts";
import { hashpriceScenarios, subsidyByMonth } from "./hashprice_scenarios.ts";
import { HASHPRICE_BLOCK_PATHS } from "./hashprice_stream.ts";
import { DAYS_PER_MONTH, siteCashFlows } from "./site_cash_flows.ts";
import { siteNpvPaths } from "./site_npv_paths.ts";
import { siteHashrate } from "../units/efficiency.ts";
import { mw } from "../units/power.ts";

export const MONTHS = 120;
const START_HEIGHT = 952_053;
const FEES_BTC_PER_BLOCK = 0.02;
const AI_SHARE = 0.3;
const DISCOUNT_RATE = 0.1;
const PLAN = coreScientificSite(MONTHS, 45);

function gbmInputs(paths: number) {
  return {
    start: 90_000,
    driftAnnual: 0,
    volAnnual: 0.5,
    steps: MONTHS,
    stepYears: 1 / 12,
    paths,
    seed: 7,
  };
}

function hashrateInputs(paths: number) {
  return {
    start: ehs(950),
    growthAnnual: 0.3,
    volAnnual: 0.1,
    steps: MONTHS,
    stepYears: 1 / 12,
    paths,
    seed: 8,
  };
}

/** What both forms return. */
export interface MonteCarloSummary {
  readonly npvMeanUsd: number;
  readonly npvP5Usd: number;
  readonly npvP50Usd: number;
  readonly npvP95Usd: number;
  readonly lossProbability: number;
}

/** Price paths by GBM alone. */
export const btcPricePaths = (paths: number) => gbmPaths(gbmInputs(paths));
/** Hashrate paths alone. */
export const networkHashratePaths = (paths: number) => hashratePaths(hashrateInputs(paths));

/** The Monte Carlo through the public API: siteNpvPaths draws the paths from the models. */
export function siteMonteCarlo(paths: number): MonteCarloSummary {
  const hashpriceModel = {
    btcPrice: gbmInputs(paths),
    networkHashrate: hashrateInputs(paths),
    startHeight: START_HEIGHT,
    feesBtcPerBlock: FEES_BTC_PER_BLOCK,
  };
  return summary(
    siteNpvPaths(PLAN, { aiShare: AI_SHARE, hashpriceModel, discountRate: DISCOUNT_RATE }),
  );
}

/** The Monte Carlo through the public API on stored path sets (three `paths × 120` arrays). */
export function storedPathsSiteMonteCarlo(paths: number): MonteCarloSummary {
  return summary(caseNpvs(caseHashprice(paths)));
}

function summary(run: ReturnType<typeof siteNpvPaths>): MonteCarloSummary {
  const [p5, p50, p95] = percentiles(run.npvsUsd, [5, 50, 95]);
  return {
    npvMeanUsd: run.npvMeanUsd,
    npvP5Usd: p5!,
    npvP50Usd: p50!,
    npvP95Usd: p95!,
    lossProbability: run.lossProbability,
  };
}

/** The path-independent parts of the site, once (as siteNpvPaths has them). */
function siteConstants() {
  const base = siteCashFlows(PLAN, { aiShare: AI_SHARE });
  const m = PLAN.mining;
  const running = (m.uptime ?? 1) * (1 - (m.curtailedShare ?? 0));
  const kwhDrawn = 1000 * (HOURS_PER_YEAR / 12) * running;
  const opexPerMw = m.otherOpexUsdPerMwMonth ?? 0;
  const opexWhileOff = m.otherOpexWhileOff ?? true;
  return {
    base,
    phsPerGrossMw: siteHashrate(mw(1), m.pue, m.efficiency) / 1000,
    running,
    payout: 1 - (m.poolFee ?? 0),
    powerPerMw: kwhDrawn * (m.powerPrice + (m.taxUsdPerKwh ?? 0)),
    creditPerMw: 0,
    opexPerMw,
    opexWhileOff,
    runningOpex: opexWhileOff ? 0 : opexPerMw,
    switchOff: m.switchOffAtLoss ?? true,
  };
}

/**
 * The lower bound: the same model and random streams in one loop over paths, one month at a
 * time, with nothing stored but a block of paths' shocks (no path sets, no hashprice array).
 */
export function fusedSiteMonteCarlo(paths: number): MonteCarloSummary {
  const g = gbmInputs(paths);
  const h = hashrateInputs(paths);
  const priceRng = createRng(g.seed);
  const hashRng = createRng(h.seed);
  const priceDrift = (g.driftAnnual - (g.volAnnual * g.volAnnual) / 2) * g.stepYears;
  const priceSigma = g.volAnnual * Math.sqrt(g.stepYears);
  const hashDrift = Math.log1p(h.growthAnnual) * h.stepYears;
  const hashSigma = h.volAnnual * Math.sqrt(h.stepYears);
  const logPrice0 = Math.log(g.start);
  const logHash0 = Math.log(h.start);
  const subsidy = subsidyByMonth({ startHeight: START_HEIGHT, months: MONTHS });
  // Blocks a day × BTC a block × 1000 (TH/s → PH/s), times e^(log price − log hashrate).
  const btcPerDayPerPhs = subsidy.map((s) =>
    TARGET_BLOCKS_PER_DAY * (s + FEES_BTC_PER_BLOCK) * 1000
  );
  const c = siteConstants();
  const { aiEbitda, miningCapex, aiCapex } = c.base;
  const miningMw = c.base.miningGrossMw;
  const factors = monthEndDiscountFactors(DISCOUNT_RATE, MONTHS);
  // A block of paths' shocks a call: one call into the generator a path costs more than the walk.
  const blockPaths = Math.min(HASHPRICE_BLOCK_PATHS, paths);
  const priceShocks = new Float64Array(blockPaths * MONTHS);
  const hashShocks = new Float64Array(blockPaths * MONTHS);
  const npvs = new Float64Array(paths);
  let sum = 0;
  let losses = 0;
  for (let p = 0; p < paths; p++) {
    const inBlock = p % blockPaths;
    if (inBlock === 0) {
      const cells = Math.min(blockPaths, paths - p) * MONTHS;
      priceRng.fillNormal(priceShocks.subarray(0, cells));
      hashRng.fillNormal(hashShocks.subarray(0, cells));
    }
    const row = inBlock * MONTHS;
    let logPrice = logPrice0;
    let logHash = logHash0;
    let npv = 0;
    for (let m = 0; m < MONTHS; m++) {
      logPrice += priceDrift + priceSigma * priceShocks[row + m]!;
      logHash += hashDrift + hashSigma * hashShocks[row + m]!;
      const hashprice = btcPerDayPerPhs[m]! * fastExp(logPrice - logHash);
      const revenue = c.phsPerGrossMw * hashprice * DAYS_PER_MONTH * c.running * c.payout;
      const on = !(c.switchOff && revenue - c.powerPerMw - c.runningOpex + c.creditPerMw < 0);
      const margin = (on ? revenue - c.powerPerMw + c.creditPerMw : 0) -
        (c.opexWhileOff || on ? c.opexPerMw : 0);
      npv += (margin * miningMw + aiEbitda[m]! - miningCapex[m]! - aiCapex[m]!) * factors[m]!;
    }
    npvs[p] = npv;
    sum += npv;
    if (npv < 0) losses++;
  }
  const [p5, p50, p95] = percentiles(npvs, [5, 50, 95]);
  return {
    npvMeanUsd: sum / paths,
    npvP5Usd: p5!,
    npvP50Usd: p50!,
    npvP95Usd: p95!,
    lossProbability: losses / paths,
  };
}

/** The model's inputs for the numpy peer (lib/cli/bench_numpy_peer.py), as JSON. */
export function peerInputs(): string {
  const c = siteConstants();
  const g = gbmInputs(1);
  const h = hashrateInputs(1);
  return JSON.stringify({
    months: MONTHS,
    gbm: { ...g, paths: undefined },
    hashrate: { ...h, start: Number(h.start), paths: undefined },
    subsidy: Array.from(subsidyByMonth({ startHeight: START_HEIGHT, months: MONTHS })),
    feesBtcPerBlock: FEES_BTC_PER_BLOCK,
    blocksPerDay: TARGET_BLOCKS_PER_DAY,
    site: {
      phsPerGrossMw: c.phsPerGrossMw,
      daysPerMonth: DAYS_PER_MONTH,
      running: c.running,
      payout: c.payout,
      powerPerMw: c.powerPerMw,
      creditPerMw: c.creditPerMw,
      runningOpex: c.runningOpex,
      opexPerMw: c.opexPerMw,
      opexWhileOff: c.opexWhileOff,
      switchOff: c.switchOff,
      miningGrossMw: c.base.miningGrossMw,
      aiEbitda: Array.from(c.base.aiEbitda),
      miningCapex: Array.from(c.base.miningCapex),
      aiCapex: Array.from(c.base.aiCapex),
      discountRate: DISCOUNT_RATE,
    },
  });
}

/** Hashprice paths of the case (for checking the peer's model against siteNpvPaths). */
export function caseHashprice(paths: number) {
  return hashpriceScenarios({
    btcPrice: btcPricePaths(paths),
    networkHashrate: networkHashratePaths(paths),
    startHeight: START_HEIGHT,
    feesBtcPerBlock: FEES_BTC_PER_BLOCK,
  });
}

/** siteNpvPaths of the case on given hashprice paths. */
export function caseNpvs(hashprice: ReturnType<typeof caseHashprice>) {
  return siteNpvPaths(PLAN, { aiShare: AI_SHARE, hashprice, discountRate: DISCOUNT_RATE });
}
