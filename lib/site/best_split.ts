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
import { finite, fraction, nonNegative } from "../units/checks.ts";
import { type SiteCashFlows, siteCashFlows } from "./site_cash_flows.ts";
import type { SitePlan } from "./site_plan.ts";
import { type SiteReturnsOptions, terminalValue } from "./site_returns.ts";

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
  /** AI shares to try. Default 0, 0.05, …, 1. */
  readonly shares?: readonly number[];
  /** Constraints. Default none. */
  readonly constraints?: SplitConstraints;
  /** Hashprice paths (USD/PH/day per month); each replaces the plan's hashprice. Default: the
   * plan's own hashprice as the only scenario. */
  readonly hashprice?: PathSet;
  /** GPU price paths (USD/GPU-hour per month), paired by index with `hashprice`; GPU-cloud
   * plans only. Default: the plan's own price. */
  readonly gpuPrice?: PathSet;
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
}

const DEFAULT_SHARES = Array.from({ length: 21 }, (_, i) => i / 20);

function row(set: PathSet, p: number): Float64Array {
  return set.paths.subarray(p * set.steps, (p + 1) * set.steps);
}

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
 * ```
 */
export function bestSplit(plan: SitePlan, options: BestSplitOptions): BestSplit {
  const shares = options.shares ?? DEFAULT_SHARES;
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
  const planFor = (p: number): SitePlan => {
    let next = plan;
    if (hp) next = { ...next, mining: { ...next.mining, hashprice: row(hp, p) } };
    if (gpu && next.ai.kind === "gpu cloud") {
      next = { ...next, ai: { ...next.ai, priceUsdPerGpuHour: row(gpu, p) } };
    }
    return next;
  };
  const rate = finite("discountRate", options.discountRate);
  if (rate <= -1) {
    throw new RangeError(`Cannot use discountRate: expected a rate > -1, got ${rate}`);
  }
  // Month m's flow lands at the end of month m, as in siteReturns.
  const discount = Float64Array.from(
    { length: plan.horizonMonths },
    (_, m) => (1 + rate) ** (-(m + 1) / 12),
  );
  const terminal = options.terminal === undefined ? 0 : 1;
  const terminalValueOf = (flows: SiteCashFlows) => terminalValue(flows, options.terminal ?? {});
  const rows: SplitRow[] = shares.map((aiShare) => {
    const npvs = new Float64Array(scenarios);
    let capex = 0;
    let funding = 0;
    let losses = 0;
    for (let p = 0; p < scenarios; p++) {
      const flows = siteCashFlows(planFor(p), { aiShare });
      // NPV and funding need inline: the full siteReturns (IRR, payback) is not needed here.
      let value = terminal === 0 ? 0 : terminalValueOf(flows);
      value *= discount[discount.length - 1]!;
      let cumulative = 0;
      let trough = 0;
      capex = 0;
      for (let m = 0; m < flows.cashFlow.length; m++) {
        value += flows.cashFlow[m]! * discount[m]!;
        cumulative += flows.cashFlow[m]!;
        trough = Math.min(trough, cumulative);
        capex += flows.miningCapex[m]! + flows.aiCapex[m]!;
      }
      npvs[p] = value;
      funding += -trough / scenarios;
      if (value < 0) losses++;
    }
    const [p5, p50, p95] = percentiles(npvs, [5, 50, 95]);
    const lossProbability = losses / scenarios;
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
      npvMeanUsd: npvs.reduce((a, b) => a + b, 0) / scenarios,
      npvP5Usd: p5!,
      npvP50Usd: p50!,
      npvP95Usd: p95!,
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
  return { rows, best, scenarios };
}
