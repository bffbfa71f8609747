/**
 * A site's NPV on every Monte Carlo path as one operation: the plan is validated once, the
 * discount factors and everything that does not depend on the path (the AI segment, capex) are
 * computed once, and the paths are walked in typed arrays with no allocation per path. Each
 * path's NPV is the number `siteNpv(siteCashFlows(plan with that path, { aiShare }), options)`
 * gives, with the same arithmetic in the same order. Given price and hashrate models instead of
 * stored hashprice paths, it draws the paths a block at a time (`hashprice_stream.ts`) and keeps
 * none of them.
 *
 * @module
 */
import { checkPathSet } from "../finance/_path_checks.ts";
import type { PathSet } from "../finance/path_set.ts";
import { fraction, nonNegative, wholeNumber } from "../units/checks.ts";
import { discountRateValue, monthEndDiscountFactors } from "./_discounting.ts";
import { HASHPRICE_BLOCK_PATHS, type HashpriceModel, hashpriceStream } from "./hashprice_stream.ts";
import { DAYS_PER_MONTH, siteCashFlows } from "./site_cash_flows.ts";
import type { SitePlan } from "./site_plan.ts";
import type { SiteReturnsOptions } from "./site_returns.ts";
import { HOURS_PER_MONTH, KWH_PER_GROSS_MW_MONTH, miningTerms } from "./_mining_terms.ts";

/** Options of {@linkcode siteNpvPaths}. */
export interface SiteNpvPathsOptions extends SiteReturnsOptions {
  /** Share of the gross MW given to AI, 0–1. Required. */
  readonly aiShare: number;
  /** Hashprice paths (USD/PH/day per month, at least `horizonMonths` steps); each replaces the
   * plan's hashprice. Default: the plan's own hashprice as the only path. */
  readonly hashprice?: PathSet;
  /** Instead of `hashprice`: the BTC price and hashrate models the hashprice paths are drawn
   * from, a block of paths at a time, none stored (the paths of `hashpriceScenarios` on
   * `gbmPaths` and `hashratePaths` of the same inputs, to a few units in the last place). */
  readonly hashpriceModel?: HashpriceModel;
  /** GPU price paths (USD/GPU-hour per month), paired by index with `hashprice`; GPU-cloud plans
   * only. Default: the plan's own price on every path. */
  readonly gpuPrice?: PathSet;
  /** Also return each path's cumulative cash flow, month by month (`pathCount × horizonMonths`
   * values, 8 bytes each). Default false. */
  readonly cumulativeCash?: boolean;
}

/** Result of {@linkcode siteNpvPaths}. */
export interface SiteNpvPaths {
  /** Share of gross MW in AI. */
  readonly aiShare: number;
  /** Number of paths. */
  readonly pathCount: number;
  /** NPV of each path, in path order, USD. */
  readonly npvsUsd: Float64Array;
  /** Mean NPV over the paths, USD. */
  readonly npvMeanUsd: number;
  /** Share of paths with NPV < 0. */
  readonly lossProbability: number;
  /** Total capex over the horizon (the same on every path), USD. */
  readonly capexUsd: number;
  /** Each path's peak funding need: minus the lowest cumulative cash flow (0 if never below
   * zero), USD. */
  readonly peakFundingUsd: Float64Array;
  /** Each path's cumulative cash flow after each month, USD, row-major by path as a `PathSet`
   * (only with `cumulativeCash: true`). */
  readonly cumulativeCashUsd?: PathSet;
}

/** Throws unless `set` has `pathCount` paths of at least `months` steps of finite values ≥ 0. */
function checkPricePaths(field: string, set: PathSet, months: number, pathCount: number): void {
  checkPathSet(set);
  checkPathShape(field, set.steps, months, set.pathCount, pathCount);
  checkPriceValues(field, set.paths, set.steps, months, 0, set.pathCount);
}

/** Throws unless paths have at least `months` steps and `pathCount` paths. */
function checkPathShape(
  field: string,
  steps: number,
  months: number,
  count: number,
  pathCount: number,
): void {
  if (steps < months) {
    throw new RangeError(
      `Cannot use ${field}: expected at least ${months} monthly values per path, got ${steps}`,
    );
  }
  if (count !== pathCount) {
    throw new RangeError(
      `Cannot pair scenarios: hashprice has ${pathCount} paths, ${field} ${count}`,
    );
  }
}

/** Throws unless the first `months` values of `count` paths (from path `firstPath`) are finite
 * and ≥ 0; `values` holds those paths from its start. */
function checkPriceValues(
  field: string,
  values: Float64Array,
  steps: number,
  months: number,
  firstPath: number,
  count: number,
): void {
  for (let p = 0; p < count; p++) {
    for (let m = 0, cell = p * steps; m < months; m++, cell++) {
      const v = values[cell]!;
      if (!(v >= 0 && v < Infinity)) {
        const path = firstPath + p;
        throw new RangeError(
          `Cannot use ${field}.paths[${
            path * steps + m
          }] (path ${path}, month ${m}): expected a finite value >= 0, got ${v}`,
        );
      }
    }
  }
}

/**
 * NPV of a site on every path of a Monte Carlo run, at one split: the `siteNpv` of each path's
 * `siteCashFlows`, plus the mean, the loss probability and each path's peak funding need.
 * Throws a RangeError or TypeError naming the first bad field or path value.
 *
 * @example Three hashprice paths, all mining: each NPV is the per-path model's
 * ```ts
 * import { siteNpvPaths } from "./site_npv_paths.ts";
 * import { siteCashFlows } from "./site_cash_flows.ts";
 * import { siteNpv } from "./site_npv.ts";
 * import { grossMw, jPerTh, usdPerKwh, usdPerMwYear } from "../units/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const plan = {
 *   grossPower: grossMw(100), horizonMonths: 24,
 *   mining: { efficiency: jPerTh(20), pue: 1.1, hashprice: 45, powerPrice: usdPerKwh(0.04) },
 *   ai: { kind: "colocation", pue: 1.25, firstYearRent: usdPerMwYear(1.5e6), capexUsdPerItMw: 9e6,
 *     constructionMonths: 12 },
 * } as const;
 * const hashprice = { paths: Float64Array.from({ length: 72 }, (_, i) => 15 + 10 * Math.floor(i / 24)),
 *   pathCount: 3, steps: 24, seed: 1 };
 * const run = siteNpvPaths(plan, { aiShare: 0, hashprice, discountRate: 0.1 });
 * const one = siteCashFlows({ ...plan, mining: { ...plan.mining, hashprice: 35 } }, { aiShare: 0 });
 * assert.equal(run.npvsUsd[2], siteNpv(one, { discountRate: 0.1 }));
 * assert.equal(run.npvsUsd[0], 0); // $15 is below the $21.12 hashcost: switched off all along
 * assert.equal(run.lossProbability, 0);
 * assert.throws(() => siteNpvPaths(plan, { aiShare: 0, discountRate: 0.1,
 *   hashprice: { ...hashprice, paths: hashprice.paths.map((v, i) => (i === 30 ? NaN : v)) } }),
 *   /hashprice.paths\[30\] \(path 1, month 6\): expected a finite value >= 0, got NaN/);
 * ```
 */
export function siteNpvPaths(plan: SitePlan, options: SiteNpvPathsOptions): SiteNpvPaths {
  const aiShare = fraction("aiShare", options.aiShare);
  const rate = discountRateValue(options.discountRate);
  const months = plan.horizonMonths;
  const model = options.hashpriceModel;
  if (model !== undefined && options.hashprice !== undefined) {
    throw new TypeError("Cannot use both hashprice and hashpriceModel: give one");
  }
  const stream = model === undefined ? undefined : hashpriceStream(model);
  const hp = options.hashprice;
  const gpu = options.gpuPrice;
  if (gpu !== undefined && plan.ai.kind !== "gpu cloud") {
    throw new TypeError("Cannot use gpuPrice: the plan's AI segment is not a GPU cloud");
  }
  const miningMultiple = nonNegative(
    "terminal.miningEbitdaMultiple",
    options.terminal?.miningEbitdaMultiple ?? 0,
  );
  const aiMultiple = nonNegative(
    "terminal.aiEbitdaMultiple",
    options.terminal?.aiEbitdaMultiple ?? 0,
  );
  const pathCount = hp?.pathCount ?? stream?.pathCount ?? gpu?.pathCount ?? 1;
  wholeNumber("horizonMonths", months, 1);
  if (hp !== undefined) checkPricePaths("hashprice", hp, months, pathCount);
  if (stream !== undefined) {
    checkPathShape("hashpriceModel", stream.steps, months, stream.pathCount, pathCount);
  }
  // A model's paths come a block at a time into one buffer; the first block before path 0.
  const blockPaths = Math.min(HASHPRICE_BLOCK_PATHS, pathCount);
  const block = stream === undefined ? undefined : new Float64Array(blockPaths * stream.steps);
  const drawBlock = (firstPath: number): void => {
    const count = Math.min(blockPaths, pathCount - firstPath);
    stream!.next(block!, count);
    checkPriceValues("hashprice", block!, stream!.steps, months, firstPath, count);
  };
  if (stream !== undefined) drawBlock(0);
  if (gpu !== undefined) checkPricePaths("gpuPrice", gpu, months, pathCount);
  // The plan as path 0 sees it, through the per-path model once: it validates the plan and gives
  // the series that do not depend on the path (capex, the AI segment without GPU price paths).
  let first = plan;
  const firstHashprice = hp?.paths.subarray(0, hp.steps) ?? block?.subarray(0, stream!.steps);
  if (firstHashprice !== undefined) {
    first = { ...first, mining: { ...first.mining, hashprice: firstHashprice } };
  }
  if (gpu !== undefined && first.ai.kind === "gpu cloud") {
    first = { ...first, ai: { ...first.ai, priceUsdPerGpuHour: gpu.paths.subarray(0, gpu.steps) } };
  }
  const base = siteCashFlows(first, { aiShare });

  // Hashprice of every path: the given paths, or the plan's own series as one path.
  const hashprice = hp?.paths ?? block ?? Float64Array.from({ length: months }, (_, m) => {
    const values = plan.mining.hashprice;
    return typeof values === "number" ? values : values[m]!;
  });
  // Without paths, every path reads the plan's one series.
  const hpStride = hp?.steps ?? stream?.steps ?? 0;
  const factors = monthEndDiscountFactors(rate, months);
  const aiEbitda = base.aiEbitda;
  const miningCapex = base.miningCapex;
  const aiCapex = base.aiCapex;
  let capexUsd = 0;
  for (let m = 0; m < months; m++) capexUsd += miningCapex[m]! + aiCapex[m]!;

  // The mining model of siteCashFlows, term for term (the same operations in the same order).
  const m = plan.mining;
  const miningGrossMw = base.miningGrossMw;
  const t = miningTerms(m);
  const { phsPerGrossMw, running, payout, powerPerMw, creditPerMw } = t;
  const { opexPerMw, runningOpex, switchOff, opexWhileOff } = t;

  // GPU price paths make the AI segment path by path: its revenue terms, as siteCashFlows has them.
  const ai = plan.ai;
  const gpuPaths = gpu !== undefined && ai.kind === "gpu cloud" ? gpu : undefined;
  const gpus = ai.kind === "gpu cloud" ? base.aiItMw * ai.gpusPerItMw : 0;
  const utilisation = ai.kind === "gpu cloud" ? ai.utilisation : 0;
  const otherOpexShare = ai.kind === "gpu cloud" ? ai.otherOpexShareOfRevenue : 0;
  const aiPowerPerMonth = ai.kind === "gpu cloud"
    ? base.aiGrossMw * KWH_PER_GROSS_MW_MONTH * ai.powerPrice
    : 0;
  const aiStart = base.aiStartMonth;

  // terminalValue's last-12-month window.
  const windowStart = Math.max(0, months - 12);
  const windowMonths = Math.min(12, months);
  let aiLastYear = 0;
  for (let i = windowStart; i < months; i++) aiLastYear += aiEbitda[i]!;
  const withTerminal = options.terminal !== undefined;

  const npvs = new Float64Array(pathCount);
  const funding = new Float64Array(pathCount);
  const cumulativeOut = options.cumulativeCash === true
    ? new Float64Array(pathCount * months)
    : undefined;
  // One path's cash and AI EBITDA, reused for every path.
  const cash = new Float64Array(months);
  const pathAiEbitda = gpuPaths === undefined ? aiEbitda : new Float64Array(months);
  const lastFactor = factors[months - 1]!;
  let npvSum = 0;
  let losses = 0;
  for (let p = 0; p < pathCount; p++) {
    if (gpuPaths !== undefined) {
      const row = p * gpuPaths.steps;
      for (let month = aiStart; month < months; month++) {
        const revenue = gpus * gpuPaths.paths[row + month]! * HOURS_PER_MONTH * utilisation;
        const opex = aiPowerPerMonth + revenue * otherOpexShare;
        pathAiEbitda[month] = revenue - opex;
      }
    }
    const inBlock = p % blockPaths;
    if (stream !== undefined && inBlock === 0 && p > 0) drawBlock(p);
    const row = (stream === undefined ? p : inBlock) * hpStride;
    let cumulative = 0;
    let trough = 0;
    let miningLastYear = 0;
    for (let month = 0; month < months; month++) {
      const revenuePerMw = phsPerGrossMw * hashprice[row + month]! * DAYS_PER_MONTH * running *
        payout;
      const on = !(switchOff && revenuePerMw - powerPerMw - runningOpex + creditPerMw < 0);
      const runningMarginPerMw = on ? revenuePerMw - powerPerMw + creditPerMw : 0;
      const paidOpexPerMw = opexWhileOff || on ? opexPerMw : 0;
      const miningEbitda = (runningMarginPerMw - paidOpexPerMw) * miningGrossMw;
      if (month >= windowStart) miningLastYear += miningEbitda;
      const flow = miningEbitda + pathAiEbitda[month]! - miningCapex[month]! - aiCapex[month]!;
      cash[month] = flow;
      cumulative += flow;
      if (cumulative < trough) trough = cumulative;
      if (cumulativeOut !== undefined) cumulativeOut[p * months + month] = cumulative;
    }
    let terminal = 0;
    if (withTerminal) {
      let aiWindow = aiLastYear;
      if (gpuPaths !== undefined) {
        aiWindow = 0;
        for (let i = windowStart; i < months; i++) aiWindow += pathAiEbitda[i]!;
      }
      terminal = miningLastYear * 12 / windowMonths * miningMultiple +
        aiWindow * 12 / windowMonths * aiMultiple;
    }
    // presentValue's order: the terminal value first, then month by month.
    let value = terminal * lastFactor;
    for (let month = 0; month < months; month++) value += cash[month]! * factors[month]!;
    npvs[p] = value;
    funding[p] = -trough;
    npvSum += value;
    if (value < 0) losses++;
  }
  const result = {
    aiShare,
    pathCount,
    npvsUsd: npvs,
    npvMeanUsd: npvSum / pathCount,
    lossProbability: losses / pathCount,
    capexUsd,
    peakFundingUsd: funding,
  };
  if (cumulativeOut === undefined) return result;
  const seed = hp?.seed ?? stream?.seed ?? gpu?.seed ?? 0;
  return {
    ...result,
    cumulativeCashUsd: { paths: cumulativeOut, pathCount, steps: months, seed },
  };
}
