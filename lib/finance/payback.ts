/**
 * Payback period, simple or discounted.
 *
 * @module
 */
import { checkOrderedFlows, checkPeriodsPerYear, checkRate } from "./_checks.ts";
import type { CashFlow } from "./cash_flow.ts";

/** Options of {@linkcode paybackPeriod}. */
export interface PaybackOptions {
  /**
   * Annual effective discount rate (> −1) for a discounted payback. Default: none, a simple
   * (undiscounted) payback.
   */
  readonly rate?: number;
  /** Periods per year when `t` counts periods (12 for month indices). Default 1 (`t` in years). */
  readonly periodsPerYear?: number;
  /**
   * Interpolate inside the period that pays back, as if its flow arrived evenly since the
   * previous flow. Default true; false returns the time of the flow that pays back.
   */
  readonly interpolate?: boolean;
}

/**
 * Years until cumulative cash (discounted at `rate` when given) turns non-negative **and stays
 * so** to the last flow — a later capex that pushes the total back below zero moves payback
 * later. Returns `undefined` when the flows never pay back (the final cumulative is negative),
 * and the first flow's time when the cumulative is never negative. Times `t` must not decrease.
 *
 * @example 1,000 out, 400 a year back: paid back 2.5 years in; never at 40% discount
 * ```ts
 * import { paybackPeriod } from "./payback.ts";
 * import assert from "node:assert/strict";
 *
 * const flows = [0, 1, 2, 3].map((t) => ({ t, amount: t === 0 ? -1_000 : 400 }));
 * assert.equal(paybackPeriod(flows), 2.5);
 * assert.equal(paybackPeriod(flows, { interpolate: false }), 3);
 * assert.equal(paybackPeriod(flows, { rate: 0.4 }), undefined);
 * // Month indices: 1,200 out at month 0, 100 a month back, paid back at month 12 (1 year).
 * const monthly = Array.from({ length: 25 }, (_, m) => ({ t: m, amount: m === 0 ? -1_200 : 100 }));
 * assert.equal(paybackPeriod(monthly, { periodsPerYear: 12 }), 1);
 * ```
 */
export function paybackPeriod(
  flows: readonly CashFlow[],
  options: PaybackOptions = {},
): number | undefined {
  const { rate, periodsPerYear = 1, interpolate = true } = options;
  checkOrderedFlows(flows);
  checkPeriodsPerYear(periodsPerYear);
  const logGrowth = rate === undefined ? 0 : Math.log1p(checkRate("rate", rate));
  const n = flows.length;
  const years = new Float64Array(n);
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    years[i] = flows[i]!.t / periodsPerYear;
    total += flows[i]!.amount * Math.exp(-logGrowth * years[i]!);
    cumulative[i] = total;
  }
  let lastNegative = -1;
  for (let i = 0; i < n; i++) if (cumulative[i]! < 0) lastNegative = i;
  if (lastNegative === n - 1) return undefined;
  if (lastNegative === -1) return years[0]!;
  const before = cumulative[lastNegative]!;
  const after = cumulative[lastNegative + 1]!;
  const t0 = years[lastNegative]!;
  const t1 = years[lastNegative + 1]!;
  if (!interpolate) return t1;
  return t0 + (t1 - t0) * (-before / (after - before));
}
