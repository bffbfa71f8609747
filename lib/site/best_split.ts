/**
 * The best split of a site between AI and mining: evaluate a grid of AI shares over a set of
 * scenarios (hashprice paths, and optionally GPU price paths), and pick the share with the
 * highest mean NPV that meets the constraints — a capex budget, a minimum mining share and a
 * risk limit on the probability of losing money.
 *
 * @module
 */
import type { PathSet } from "../finance/path_set.ts";
import { percentiles } from "../finance/percentiles.ts";
import { fraction, nonNegative } from "../units/checks.ts";
import { discountRateValue } from "./_discounting.ts";
import { siteNpvPaths } from "./site_npv_paths.ts";
import type { SitePlan } from "./site_plan.ts";
import type { SiteReturnsOptions } from "./site_returns.ts";

/** Constraints on the split; each is optional. */
export interface SplitConstraints {
  /** Largest total capex over the horizon, USD. */
  readonly capexBudgetUsd?: number;
  /** Smallest share of gross MW kept mining. */
  readonly minMiningShare?: number;
  /** Largest share of scenarios with NPV below zero. */
  readonly maxLossProbability?: number;
}

/** Options of {@linkcode bestSplit}. */
export interface BestSplitOptions extends SiteReturnsOptions {
  /** AI shares to try. Default {@linkcode DEFAULT_SPLIT_SHARES} (0, 0.05, …, 1). */
  readonly shares?: readonly number[];
  /** Constraints. Default none. */
  readonly constraints?: SplitConstraints;
  /** Hashprice paths (USD/PH/day per month); each replaces the plan's hashprice. Default: the
   * plan's own hashprice as the only scenario. */
  readonly hashprice?: PathSet;
  /** GPU price paths (USD/GPU-hour per month), paired by index with `hashprice`; GPU-cloud
   * plans only. Default: the plan's own price. */
  readonly gpuPrice?: PathSet;
  /** Percentiles of NPV (0–100) to report in each row's `npvPercentilesUsd`, in this order.
   * Default `[5, 50, 95]`, the same as `npvP5Usd`, `npvP50Usd` and `npvP95Usd`. */
  readonly percentiles?: readonly number[];
  /** The share whose paths' cumulative cash to return (`cumulativeCash`): one of `shares`, or
   * `"best"` for the best feasible share. Default none: no paths kept. */
  readonly cumulativeCashAt?: number | "best";
}

/** Each path's cumulative cash at one share, from {@linkcode bestSplit}'s `cumulativeCashAt`. */
export interface SplitPaths {
  /** Share of gross MW in AI. */
  readonly aiShare: number;
  /** Each path's cumulative cash flow after each month, USD, row-major by path (as
   * `siteNpvPaths`' `cumulativeCashUsd`). */
  readonly cumulativeCashUsd: PathSet;
}

/** One share's outcome. */
export interface SplitRow {
  /** Share of gross MW in AI. */
  readonly aiShare: number;
  /** Mean NPV over the scenarios. */
  readonly npvMeanUsd: number;
  /** 5th percentile of NPV. */
  readonly npvP5Usd: number;
  /** Median NPV. */
  readonly npvP50Usd: number;
  /** 95th percentile of NPV. */
  readonly npvP95Usd: number;
  /** NPV at each of the `percentiles` asked for, in their order (linear interpolation between
   * order statistics, as `percentiles`). */
  readonly npvPercentilesUsd: readonly number[];
  /** NPV of each scenario, in scenario (path) order. */
  readonly npvsUsd: Float64Array;
  /** Share of scenarios with NPV < 0. */
  readonly lossProbability: number;
  /** Total capex, USD. */
  readonly capexUsd: number;
  /** Mean over scenarios. */
  readonly peakFundingUsd: number;
  /** Meets every constraint. */
  readonly feasible: boolean;
  /** The constraints it breaks, in words. */
  readonly breaks: readonly string[];
}

/** Result of {@linkcode bestSplit}. */
export interface BestSplit {
  /** One row per share tried, in order. */
  readonly rows: readonly SplitRow[];
  /** The feasible row with the highest mean NPV, or `undefined` when none is feasible. */
  readonly best: SplitRow | undefined;
  /** Number of scenarios evaluated. */
  readonly scenarios: number;
  /** The paths of the share named by `cumulativeCashAt`, when given (`undefined` for `"best"`
   * when no share is feasible). */
  readonly cumulativeCash?: SplitPaths | undefined;
}

/**
 * The AI shares {@linkcode bestSplit} tries by default: 0, 0.05, …, 1 (every 5% of the site).
 *
 * @example
 * ```ts
 * import { DEFAULT_SPLIT_SHARES } from "./best_split.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(DEFAULT_SPLIT_SHARES.length, 21);
 * assert.deepEqual(DEFAULT_SPLIT_SHARES.slice(0, 3), [0, 0.05, 0.1]);
 * assert.equal(DEFAULT_SPLIT_SHARES.at(-1), 1);
 * ```
 */
export const DEFAULT_SPLIT_SHARES: readonly number[] = Object.freeze(
  Array.from({ length: 21 }, (_, i) => i / 20),
);
const SPLIT_PERCENTILES = [5, 50, 95] as const;

/**
 * Evaluates each AI share under every scenario and picks the best feasible one.
 *
 * @example A 12× terminal multiple on AI EBITDA makes the lease win; a mining floor caps it
 * ```ts
 * import { bestSplit } from "./best_split.ts";
 * import { grossMw, jPerTh, usdPerKwh, usdPerMwYear, usdPerPhDay } from "../units/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const plan = {
 *   grossPower: grossMw(100), horizonMonths: 120,
 *   mining: { efficiency: jPerTh(20), pue: 1.1, hashprice: usdPerPhDay(45), powerPrice: usdPerKwh(0.04) },
 *   ai: { kind: "colocation", pue: 1.25, firstYearRent: usdPerMwYear(1.8e6), capexUsdPerItMw: 9e6,
 *     constructionMonths: 12, structure: "triple net" },
 * } as const;
 * const terminal = { aiEbitdaMultiple: 12 };
 * assert.equal(bestSplit(plan, { discountRate: 0.08 }).best!.aiShare, 0); // horizon cash only
 * assert.equal(bestSplit(plan, { discountRate: 0.08, terminal }).best!.aiShare, 1);
 * const capped = bestSplit(plan, { discountRate: 0.08, terminal, constraints: { minMiningShare: 0.3 } });
 * assert.equal(capped.best!.aiShare, 0.7);
 * // Other percentiles, and each scenario's NPV (one scenario here: the plan's own hashprice).
 * const row = bestSplit(plan, { discountRate: 0.08, shares: [0.5], percentiles: [10, 90] }).rows[0]!;
 * assert.deepEqual(row.npvPercentilesUsd, [row.npvP50Usd, row.npvP50Usd]);
 * assert.deepEqual(Array.from(row.npvsUsd), [row.npvMeanUsd]);
 * // Each path's cumulative cash at one share, from the same run.
 * const kept = bestSplit(plan, { discountRate: 0.08, shares: [0, 0.5], cumulativeCashAt: 0.5 });
 * assert.equal(kept.cumulativeCash!.cumulativeCashUsd.steps, 120);
 * ```
 */
export function bestSplit(plan: SitePlan, options: BestSplitOptions): BestSplit {
  const shares = options.shares ?? DEFAULT_SPLIT_SHARES;
  shares.forEach((s, i) => fraction(`shares[${i}]`, s));
  const c = options.constraints ?? {};
  if (c.capexBudgetUsd !== undefined) nonNegative("constraints.capexBudgetUsd", c.capexBudgetUsd);
  if (c.minMiningShare !== undefined) fraction("constraints.minMiningShare", c.minMiningShare);
  if (c.maxLossProbability !== undefined) {
    fraction("constraints.maxLossProbability", c.maxLossProbability);
  }
  const hp = options.hashprice;
  const gpu = options.gpuPrice;
  if (gpu !== undefined && plan.ai.kind !== "gpu cloud") {
    throw new TypeError("Cannot use gpuPrice: the plan's AI segment is not a GPU cloud");
  }
  if (hp && gpu && hp.pathCount !== gpu.pathCount) {
    throw new RangeError(
      `Cannot pair scenarios: hashprice has ${hp.pathCount} paths, gpuPrice ${gpu.pathCount}`,
    );
  }
  const scenarios = hp?.pathCount ?? gpu?.pathCount ?? 1;
  discountRateValue(options.discountRate);
  const asked = options.percentiles ?? SPLIT_PERCENTILES;
  asked.forEach((q, i) => {
    if (!(q >= 0 && q <= 100)) {
      throw new RangeError(`Cannot use percentiles[${i}]: expected a value in [0, 100], got ${q}`);
    }
  });
  const levels = [...SPLIT_PERCENTILES, ...asked];
  const keep = options.cumulativeCashAt;
  if (keep !== undefined && keep !== "best" && !shares.includes(keep)) {
    throw new RangeError(
      `Cannot use cumulativeCashAt: expected one of the shares tried or "best", got ${keep}`,
    );
  }
  const pathsAt = (aiShare: number, cumulativeCash: boolean) =>
    siteNpvPaths(plan, {
      aiShare,
      discountRate: options.discountRate,
      cumulativeCash,
      ...(options.terminal === undefined ? {} : { terminal: options.terminal }),
      ...(hp === undefined ? {} : { hashprice: hp }),
      ...(gpu === undefined ? {} : { gpuPrice: gpu }),
    });
  let cumulativeCash: SplitPaths | undefined;
  // Every scenario at once per share: the plan validated and discounted once (siteNpvPaths).
  const rows: SplitRow[] = shares.map((aiShare) => {
    const kept = keep === aiShare && cumulativeCash === undefined;
    const run = pathsAt(aiShare, kept);
    if (kept) cumulativeCash = { aiShare, cumulativeCashUsd: run.cumulativeCashUsd! };
    const npvs = run.npvsUsd;
    const capex = run.capexUsd;
    let funding = 0;
    for (let p = 0; p < scenarios; p++) funding += run.peakFundingUsd[p]! / scenarios;
    const [p5, p50, p95, ...chosen] = percentiles(npvs, levels);
    const lossProbability = run.lossProbability;
    const breaks: string[] = [];
    if (c.capexBudgetUsd !== undefined && capex > c.capexBudgetUsd) breaks.push("capex budget");
    if (c.minMiningShare !== undefined && 1 - aiShare < c.minMiningShare - 1e-12) {
      breaks.push("minimum mining share");
    }
    if (c.maxLossProbability !== undefined && lossProbability > c.maxLossProbability) {
      breaks.push("loss probability");
    }
    return {
      aiShare,
      npvMeanUsd: run.npvMeanUsd,
      npvP5Usd: p5!,
      npvP50Usd: p50!,
      npvP95Usd: p95!,
      npvPercentilesUsd: chosen,
      npvsUsd: npvs,
      lossProbability,
      capexUsd: capex,
      peakFundingUsd: funding,
      feasible: breaks.length === 0,
      breaks,
    };
  });
  let best: SplitRow | undefined;
  for (const r of rows) {
    if (r.feasible && (best === undefined || r.npvMeanUsd > best.npvMeanUsd)) best = r;
  }
  // The best share is known only now: its paths are run once more, inside lib.
  if (keep === "best" && best !== undefined) {
    cumulativeCash = {
      aiShare: best.aiShare,
      cumulativeCashUsd: pathsAt(best.aiShare, true).cumulativeCashUsd!,
    };
  }
  return keep === undefined ? { rows, best, scenarios } : { rows, best, scenarios, cumulativeCash };
}
