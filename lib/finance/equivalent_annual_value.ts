/**
 * Equivalent annual value: the level amount paid at the end of each of `years` years whose
 * present value at `rate` is a given NPV, so projects of different lives compare per year. It is
 * the NPV divided by the present value of an annuity factor,
 * `A(n, r) = (1 − (1 + r)^−n) ÷ r`; the equivalent annual cost of a cost is its negative
 * (https://en.wikipedia.org/wiki/Equivalent_annual_cost;
 * https://www.investopedia.com/terms/e/eac.asp).
 *
 * @module
 */
import { finite, positive } from "../units/checks.ts";
import { checkRate } from "./_checks.ts";

/** Options of {@linkcode equivalentAnnualValue}. */
export interface EquivalentAnnualValueOptions {
  /** Annual effective discount rate as a fraction (0.05 = 5%); must be > −1. Required. */
  readonly rate: number;
  /** Years the level amount is paid, > 0 (the project's life). Required. */
  readonly years: number;
}

/**
 * The level annual amount, paid at each year's end, worth `npvUsd` today at `rate`:
 * `NPV × r ÷ (1 − (1 + r)^−years)`, or `NPV ÷ years` at a zero rate.
 *
 * @example Wikipedia's two machines at 5%: equivalent annual costs of $31,360 and $42,150
 * ```ts
 * import { equivalentAnnualValue } from "./equivalent_annual_value.ts";
 * import assert from "node:assert/strict";
 *
 * // Machine A: $50,000 lasting 3 years plus $13,000 a year of upkeep; B: $150,000, 5 years, $7,500.
 * const a = -equivalentAnnualValue(-50_000, { rate: 0.05, years: 3 }) + 13_000;
 * const b = -equivalentAnnualValue(-150_000, { rate: 0.05, years: 5 }) + 7_500;
 * assert.equal(Math.round(a / 10) * 10, 31_360);
 * assert.equal(Math.round(b / 10) * 10, 42_150);
 * assert.equal(equivalentAnnualValue(300, { rate: 0, years: 3 }), 100);
 * assert.throws(() => equivalentAnnualValue(100, { rate: 0.05, years: 0 }),
 *   /Cannot use years: expected a value > 0, got 0/);
 * ```
 */
export function equivalentAnnualValue(
  npvUsd: number,
  options: EquivalentAnnualValueOptions,
): number {
  finite("npvUsd", npvUsd);
  const rate = checkRate("rate", options.rate);
  const years = positive("years", options.years);
  if (rate === 0) return npvUsd / years;
  const annuityFactor = -Math.expm1(-years * Math.log1p(rate)) / rate;
  return npvUsd / annuityFactor;
}
