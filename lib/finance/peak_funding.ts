/**
 * Peak funding need: the deepest point of cumulative cash, i.e. how much capital a project
 * must raise before it funds itself.
 *
 * @module
 */
import { checkOrderedFlows, checkPeriodsPerYear } from "./_checks.ts";
import type { CashFlow } from "./cash_flow.ts";

/** Options of {@linkcode peakFundingNeed}. */
export interface PeakFundingOptions {
  /** Periods per year when `t` counts periods (12 for month indices). Default 1 (`t` in years). */
  readonly periodsPerYear?: number;
}

/** Result of {@linkcode peakFundingNeed}. */
export interface PeakFunding {
  /** Funding needed: minus the most negative cumulative cash (undiscounted); 0 if never negative. */
  readonly need: number;
  /** Years from the valuation date when the trough is first reached; undefined if `need` is 0. */
  readonly atYears: number | undefined;
  /** Cumulative cash after each flow, in the flows' order. */
  readonly cumulative: Float64Array;
}

/**
 * The most negative cumulative (undiscounted) cash of time-ordered flows, as a positive funding
 * need, and when it is reached. Times `t` must not decrease.
 *
 * @example Two capex tranches before revenue: the trough is −160 at month 1
 * ```ts
 * import { peakFundingNeed } from "./peak_funding.ts";
 * import { monthlyFlows } from "./cash_flow.ts";
 * import assert from "node:assert/strict";
 *
 * const peak = peakFundingNeed(monthlyFlows([-100, -60, 10, 80, 80]));
 * assert.equal(peak.need, 160);
 * assert.equal(peak.atYears, 1 / 12);
 * assert.deepEqual([...peak.cumulative], [-100, -160, -150, -70, 10]);
 * ```
 */
export function peakFundingNeed(
  flows: readonly CashFlow[],
  options: PeakFundingOptions = {},
): PeakFunding {
  const { periodsPerYear = 1 } = options;
  checkOrderedFlows(flows);
  checkPeriodsPerYear(periodsPerYear);
  const cumulative = new Float64Array(flows.length);
  let total = 0;
  let trough = 0;
  let atYears: number | undefined;
  for (let i = 0; i < flows.length; i++) {
    total += flows[i]!.amount;
    cumulative[i] = total;
    if (total < trough) {
      trough = total;
      atYears = flows[i]!.t / periodsPerYear;
    }
  }
  return { need: -trough + 0, atYears, cumulative };
}
