/**
 * Net present value of timed and dated cash flows, discounting at an annual effective rate
 * (conventions in `cash_flow.ts`).
 *
 * @module
 */
import { checkDatedFlows, checkFlows, checkPeriodsPerYear, checkRate } from "./_checks.ts";
import { type CashFlow, type DatedCashFlow, DAYS_PER_YEAR_ACT365 } from "./cash_flow.ts";
import { isoDayNumber } from "./_dates.ts";

/** Options of {@linkcode npv}. */
export interface NpvOptions {
  /** Annual effective discount rate as a fraction (0.10 = 10%); must be > −1. Required. */
  readonly rate: number;
  /** Periods per year when `t` counts periods (12 for month indices). Default 1 (`t` in years). */
  readonly periodsPerYear?: number;
}

/**
 * Net present value: `Σ amount / (1 + rate)^(t / periodsPerYear)`. A flow at `t = 0` is not
 * discounted, so `npv` of `[-100 at 0, 110 at 1]` at 10% is 0 (Excel's `NPV` would discount the
 * first flow too).
 *
 * @example A one-year project at 10%, and the same in months
 * ```ts
 * import { npv } from "./npv.ts";
 * import { monthlyFlows } from "./cash_flow.ts";
 * import assert from "node:assert/strict";
 *
 * const close = (a: number, b: number) => Math.abs(a - b) < 1e-9;
 * assert.ok(close(npv([{ t: 0, amount: -100 }, { t: 1, amount: 121 }], { rate: 0.1 }), 10));
 * const months = [{ t: 0, amount: -100 }, { t: 12, amount: 121 }];
 * assert.ok(close(npv(months, { rate: 0.1, periodsPerYear: 12 }), 10));
 * const series = monthlyFlows([-100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 121]);
 * assert.ok(close(npv(series, { rate: 0.1 }), 10));
 * assert.throws(() => npv(months, { rate: -1 }), /Cannot use rate: expected a rate > -1/);
 * ```
 */
export function npv(flows: readonly CashFlow[], options: NpvOptions): number {
  const { rate, periodsPerYear = 1 } = options;
  checkFlows(flows);
  checkRate("rate", rate);
  checkPeriodsPerYear(periodsPerYear);
  const logGrowth = Math.log1p(rate);
  let total = 0;
  for (const { t, amount } of flows) total += amount * Math.exp(-logGrowth * (t / periodsPerYear));
  return checkTotal(total, rate);
}

/** Options of {@linkcode xnpv}. */
export interface XnpvOptions {
  /** Annual effective discount rate as a fraction; must be > −1. Required. */
  readonly rate: number;
  /** Day the value is stated at, `YYYY-MM-DD`. Default: the first flow's date (as Excel). */
  readonly valuationDate?: string;
}

/**
 * Net present value of dated flows, `Σ amount / (1 + rate)^(days / 365)` with days counted
 * from the valuation date (Actual/365, Excel's `XNPV`). Dates must never go backwards.
 *
 * @example Microsoft's XNPV example: these flows at 9% are worth 2,086.65
 * ```ts
 * import { xnpv } from "./npv.ts";
 * import assert from "node:assert/strict";
 *
 * const flows = [
 *   { date: "2008-01-01", amount: -10_000 },
 *   { date: "2008-03-01", amount: 2_750 },
 *   { date: "2008-10-30", amount: 4_250 },
 *   { date: "2009-02-15", amount: 3_250 },
 *   { date: "2009-04-01", amount: 2_750 },
 * ];
 * assert.equal(xnpv(flows, { rate: 0.09 }).toFixed(2), "2086.65");
 * ```
 */
export function xnpv(flows: readonly DatedCashFlow[], options: XnpvOptions): number {
  const { rate } = options;
  const days = checkDatedFlows(flows);
  checkRate("rate", rate);
  const origin = options.valuationDate === undefined
    ? days[0]!
    : isoDayNumber("valuationDate", options.valuationDate);
  const logGrowth = Math.log1p(rate);
  let total = 0;
  for (let i = 0; i < flows.length; i++) {
    total += flows[i]!.amount * Math.exp(-logGrowth * ((days[i]! - origin) / DAYS_PER_YEAR_ACT365));
  }
  return checkTotal(total, rate);
}

// Discount factors overflow only for rates near -100% over long horizons; say so, never NaN.
function checkTotal(total: number, rate: number): number {
  if (!Number.isFinite(total)) {
    throw new RangeError(
      `Cannot compute npv: discount factors overflow at rate ${rate}, got a total of ${total}`,
    );
  }
  return total;
}
