/**
 * NPV alone of a site's monthly cash flows: the `npvUsd` of `siteReturns` without its IRR root
 * solve, payback and intensities — the cheap call for Monte Carlo paths.
 *
 * @module
 */
import { discountRateValue, monthEndDiscountFactors, presentValue } from "./_discounting.ts";
import type { SiteCashFlows } from "./site_cash_flows.ts";
import { type SiteReturnsOptions, terminalValue } from "./site_returns.ts";

/** The series {@linkcode siteNpv} reads. */
export type SiteNpvFlows = Pick<SiteCashFlows, "cashFlow" | "miningEbitda" | "aiEbitda">;

/**
 * NPV of `cashFlow` at the discount rate, month m's flow at the end of month m, plus the
 * terminal value (if `terminal` is given) with the last month: the same number as
 * `siteReturns(flows, options).npvUsd`. Throws a RangeError for a rate that is not finite or
 * is at or below −100%.
 *
 * @example 1,000 a month for a year after 11,000 up front, at 0% and at 10%
 * ```ts
 * import { siteNpv } from "./site_npv.ts";
 * import assert from "node:assert/strict";
 *
 * const cashFlow = Float64Array.from({ length: 13 }, (_, m) => (m === 0 ? -11_000 : 1_000));
 * const flows = { cashFlow, miningEbitda: new Float64Array(13).fill(1_000), aiEbitda: new Float64Array(13) };
 * assert.equal(siteNpv(flows, { discountRate: 0 }), 1_000);
 * // With 5× the last 12 months' mining EBITDA (60,000) as terminal value at the horizon.
 * assert.equal(siteNpv(flows, { discountRate: 0, terminal: { miningEbitdaMultiple: 5 } }), 61_000);
 * const at10 = siteNpv(flows, { discountRate: 0.1 });
 * assert.ok(Math.abs(at10 - (-11_000 / 1.1 ** (1 / 12) + Array.from({ length: 12 }, (_, i) => 1_000 / 1.1 ** ((i + 2) / 12)).reduce((a, b) => a + b))) < 1e-9);
 * assert.throws(() => siteNpv(flows, { discountRate: -1 }), /discountRate: expected a rate > -1, got -1/);
 * ```
 */
export function siteNpv(flows: SiteNpvFlows, options: SiteReturnsOptions): number {
  const rate = discountRateValue(options.discountRate);
  const terminal = options.terminal === undefined ? 0 : terminalValue(flows, options.terminal);
  return presentValue(
    flows.cashFlow,
    terminal,
    monthEndDiscountFactors(rate, flows.cashFlow.length),
  );
}
