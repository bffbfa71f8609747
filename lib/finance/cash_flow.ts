/**
 * Cash flows with explicit timing, and the conventions every function in `lib/finance` uses:
 *
 * - A {@linkcode CashFlow} is `{ t, amount }`. `t` is in **years from the valuation date**
 *   unless a function is given `periodsPerYear`, in which case `t` counts periods (months with
 *   `periodsPerYear: 12`) and the time in years is `t / periodsPerYear`.
 * - A {@linkcode DatedCashFlow} is `{ date: "YYYY-MM-DD", amount }`. Dates become years by
 *   **Actual/365** from a valuation date, as Excel's XNPV and XIRR do.
 * - Amounts are in one currency unit of the caller's choosing (USD for site models); negative
 *   is money out (capex, funding), positive is money in.
 * - Discounting is annual-effective: a flow at `t` years is worth `amount / (1 + rate)^t`
 *   today. A flow at `t = 0` is not discounted (unlike Excel's NPV, which starts at period 1).
 *
 * @module
 */
import { finite, wholeNumber } from "../units/checks.ts";
import { checkDatedFlows } from "./_checks.ts";
import { isoDayNumber } from "./_dates.ts";

/** A cash flow at `t` years (or periods, with `periodsPerYear`) after the valuation date. */
export interface CashFlow {
  /** Time from the valuation date: years, or periods when a function gets `periodsPerYear`. */
  readonly t: number;
  /** Amount: negative is money out, positive money in. */
  readonly amount: number;
}

/** A cash flow on a calendar day. */
export interface DatedCashFlow {
  /** The day of the flow, `YYYY-MM-DD`. */
  readonly date: string;
  /** Amount: negative is money out, positive money in. */
  readonly amount: number;
}

/** Days in the Actual/365 year used for dated flows (Excel XNPV/XIRR convention). */
export const DAYS_PER_YEAR_ACT365 = 365;

/** Options of {@linkcode monthlyFlows}. */
export interface MonthlyFlowsOptions {
  /**
   * Month index of the first amount (0 = the valuation date).
   *
   * @default 0
   */
  readonly startMonth?: number;
}

/**
 * Turns a monthly series (what site models produce) into cash flows in years: the amount at
 * index `i` falls at month `startMonth + i`, i.e. `t = (startMonth + i) / 12` years.
 *
 * @example Month 0 is the valuation date; month 12 is one year out
 * ```ts
 * import { monthlyFlows } from "./cash_flow.ts";
 * import assert from "node:assert/strict";
 *
 * const flows = monthlyFlows([-1200, 100, 100], { startMonth: 11 });
 * assert.deepEqual(flows.map((f) => f.t), [11 / 12, 1, 13 / 12]);
 * assert.equal(flows[0]!.amount, -1200);
 * assert.throws(() => monthlyFlows([1, NaN]), /amounts\[1\]/);
 * ```
 */
export function monthlyFlows(
  amounts: ArrayLike<number>,
  options: MonthlyFlowsOptions = {},
): CashFlow[] {
  const { startMonth = 0 } = options;
  wholeNumber("startMonth", startMonth);
  if (amounts === null || typeof amounts !== "object" || typeof amounts.length !== "number") {
    throw new TypeError(`Cannot use amounts: expected an array of numbers, got ${typeof amounts}`);
  }
  const flows: CashFlow[] = new Array(amounts.length);
  for (let i = 0; i < amounts.length; i++) {
    flows[i] = { t: (startMonth + i) / 12, amount: finite(`amounts[${i}]`, amounts[i]!) };
  }
  return flows;
}

/** Options of {@linkcode datedFlowsToYears}. */
export interface DatedFlowsToYearsOptions {
  /** Day that `t = 0` stands for, `YYYY-MM-DD`. Default: the first flow's date. */
  readonly valuationDate?: string;
}

/**
 * Converts dated flows to `{ t, amount }` with `t` in Actual/365 years from the valuation date
 * (flows before it get a negative `t`). Dates must be valid and never go backwards.
 *
 * @example Microsoft's XIRR example dates, in years from 1 Jan 2008
 * ```ts
 * import { datedFlowsToYears } from "./cash_flow.ts";
 * import assert from "node:assert/strict";
 *
 * const flows = datedFlowsToYears([
 *   { date: "2008-01-01", amount: -10_000 },
 *   { date: "2008-03-01", amount: 2_750 },
 * ]);
 * assert.deepEqual(flows, [{ t: 0, amount: -10_000 }, { t: 60 / 365, amount: 2_750 }]);
 * assert.throws(
 *   () => datedFlowsToYears([{ date: "2023-02-29", amount: 1 }]),
 *   /flows\[0\]\.date: expected a date YYYY-MM-DD, got "2023-02-29"/,
 * );
 * ```
 */
export function datedFlowsToYears(
  flows: readonly DatedCashFlow[],
  options: DatedFlowsToYearsOptions = {},
): CashFlow[] {
  const days = checkDatedFlows(flows);
  const origin = options.valuationDate === undefined
    ? days[0]!
    : isoDayNumber("valuationDate", options.valuationDate);
  return flows.map((flow, i) => ({
    t: (days[i]! - origin) / DAYS_PER_YEAR_ACT365,
    amount: flow.amount,
  }));
}
