/**
 * A split study: everything a note about one site needs from the site model at a chosen AI share,
 * in one call. It runs {@linkcode bestSplit} over a grid of shares (plus all mining and the chosen
 * share), the central case at the chosen share (the plan's own hashprice: cash flows, returns and
 * the months the fleet runs), and the cumulative cash of every path at that share.
 *
 * @module
 */
import type { PathSet } from "../finance/path_set.ts";
import { fraction } from "../units/checks.ts";
import {
  type BestSplit,
  bestSplit,
  DEFAULT_SPLIT_SHARES,
  type SplitConstraints,
  type SplitRow,
} from "./best_split.ts";
import { type SiteCashFlows, siteCashFlows } from "./site_cash_flows.ts";
import type { SitePlan } from "./site_plan.ts";
import { type SiteReturns, siteReturns, type SiteReturnsOptions } from "./site_returns.ts";

/** Options of {@linkcode splitStudy}. */
export interface SplitStudyOptions extends SiteReturnsOptions {
  /** The share of gross MW in AI the note follows (its parameter), 0–1. Required. */
  readonly aiShare: number;
  /** Hashprice paths (USD/PH/day per month), each replacing the plan's hashprice. Required. */
  readonly hashprice: PathSet;
  /** The grid of AI shares to compare. Default {@linkcode DEFAULT_SPLIT_SHARES}; 0 and `aiShare`
   * are always evaluated besides. */
  readonly shares?: readonly number[];
  /** NPV percentiles (0–100) in each row's `npvPercentilesUsd`. Default `[10, 50, 90]`. */
  readonly percentiles?: readonly number[];
  /** Constraints on the best split. Default none. */
  readonly constraints?: SplitConstraints;
}

/** Result of {@linkcode splitStudy}. */
export interface SplitStudy {
  /** `bestSplit` over the grid, 0 and `aiShare`, in ascending share order. */
  readonly split: BestSplit;
  /** The grid of shares asked for (the exhibits' bars), without the shares added to it. */
  readonly grid: readonly number[];
  /** The best feasible row. */
  readonly best: SplitRow;
  /** The all-mining row (share 0). */
  readonly allMining: SplitRow;
  /** The row at `aiShare`. */
  readonly atShare: SplitRow;
  /** The first row over the capex budget, if any. */
  readonly firstOverBudget: SplitRow | undefined;
  /** All mining, the chosen share and the best split (each once, in share order), named. */
  readonly compared: readonly {
    readonly name: "All mining" | "Parameter split" | "Best split";
    readonly row: SplitRow;
  }[];
  /** Central case at `aiShare`: the plan's own hashprice. */
  readonly central: SiteCashFlows;
  /** Returns of the central case. */
  readonly centralReturns: SiteReturns;
  /** Months the fleet runs in the central case (the rest are below its cash cost). */
  readonly centralRunningMonths: number;
  /** Each path's cumulative cash flow at `aiShare`, USD, month by month. */
  readonly cumulativeCashUsd: PathSet;
}

/**
 * Runs the site model at every share a split note shows: the grid, the central case and every
 * path's cumulative cash at the chosen share. Throws a RangeError when no share is feasible, or
 * naming the first bad option.
 *
 * @example A 100 MW site on three flat hashprice paths; the lease wins, a capex budget caps it
 * ```ts
 * import { splitStudy } from "./split_study.ts";
 * import { grossMw, jPerTh, usdPerKwh, usdPerMwYear } from "../units/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const plan = {
 *   grossPower: grossMw(100), horizonMonths: 120,
 *   mining: { efficiency: jPerTh(20), pue: 1.1, hashprice: 45, powerPrice: usdPerKwh(0.04) },
 *   ai: { kind: "colocation", pue: 1.25, firstYearRent: usdPerMwYear(2.5e6), capexUsdPerItMw: 9e6,
 *     constructionMonths: 12 },
 * } as const;
 * const hashprice = { paths: Float64Array.from({ length: 360 }, (_, i) => 35 + 10 * Math.floor(i / 120)),
 *   pathCount: 3, steps: 120, seed: 1 };
 * const study = splitStudy(plan, { aiShare: 0.3, hashprice, discountRate: 0.08, shares: [0, 0.5, 1],
 *   constraints: { capexBudgetUsd: 400e6 } });
 * assert.deepEqual(study.split.rows.map((r) => r.aiShare), [0, 0.3, 0.5, 1]);
 * // Half the site builds 40 MW IT at $9M, $360M: within the budget; the whole site's $720M is over.
 * assert.equal(study.best.aiShare, 0.5);
 * assert.equal(study.firstOverBudget?.aiShare, 1);
 * assert.deepEqual(study.compared.map((c) => [c.name, c.row.aiShare]),
 *   [["All mining", 0], ["Parameter split", 0.3], ["Best split", 0.5]]);
 * assert.equal(study.atShare.capexUsd, 216e6);
 * assert.equal(study.centralReturns.capexUsd, 216e6);
 * assert.equal(study.cumulativeCashUsd.pathCount, 3);
 * assert.equal(study.centralRunningMonths, 120); // $45 covers the $21.12 hashcost
 * assert.throws(() => splitStudy(plan, { aiShare: 1.5, hashprice, discountRate: 0.08 }),
 *   /aiShare: expected a fraction between 0 and 1, got 1.5/);
 * ```
 */
export function splitStudy(plan: SitePlan, options: SplitStudyOptions): SplitStudy {
  const aiShare = fraction("aiShare", options.aiShare);
  const grid = options.shares ?? DEFAULT_SPLIT_SHARES;
  const shares = [...new Set([...grid, 0, aiShare])].toSorted((a, b) => a - b);
  const returnsOptions = {
    discountRate: options.discountRate,
    ...(options.terminal === undefined ? {} : { terminal: options.terminal }),
  };
  const split = bestSplit(plan, {
    ...returnsOptions,
    hashprice: options.hashprice,
    shares,
    percentiles: options.percentiles ?? [10, 50, 90],
    // The paths at the chosen share come from the same run as its row.
    cumulativeCashAt: aiShare,
    ...(options.constraints === undefined ? {} : { constraints: options.constraints }),
  });
  const best = split.best;
  if (best === undefined) {
    throw new RangeError(
      `Cannot choose a split: none of the ${shares.length} shares tried meets the constraints`,
    );
  }
  const rowAt = (share: number) => split.rows.find((r) => r.aiShare === share)!;
  const allMining = rowAt(0);
  const atShare = rowAt(aiShare);
  const compared = [...new Set([0, aiShare, best.aiShare])].toSorted((a, b) => a - b).map(
    (share) => ({
      name: share === 0
        ? "All mining" as const
        : share === best.aiShare
        ? "Best split" as const
        : "Parameter split" as const,
      row: rowAt(share),
    }),
  );
  const central = siteCashFlows(plan, { aiShare });
  let running = 0;
  for (const on of central.miningRunning) running += on;
  const cumulativeCashUsd = split.cumulativeCash!.cumulativeCashUsd;
  return {
    split,
    grid,
    best,
    allMining,
    atShare,
    firstOverBudget: split.rows.find((r) => r.breaks.includes("capex budget")),
    compared,
    central,
    centralReturns: siteReturns(central, returnsOptions),
    centralRunningMonths: running,
    cumulativeCashUsd,
  };
}
