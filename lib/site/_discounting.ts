// Month-end discounting shared by siteNpv and bestSplit: month m's flow lands at the end of month
// m (t = (m + 1) ÷ 12 years), the terminal value with the last month, as siteReturns discounts.
import { finite } from "../units/checks.ts";

/** Checks an annual discount rate: finite and above −100%. */
export function discountRateValue(rate: number): number {
  finite("discountRate", rate);
  if (rate <= -1) {
    throw new RangeError(`Cannot use discountRate: expected a rate > -1, got ${rate}`);
  }
  return rate;
}

/** (1 + rate)^(−(m + 1) ÷ 12) for each month m of the horizon. */
export function monthEndDiscountFactors(rate: number, months: number): Float64Array {
  const factors = new Float64Array(months);
  for (let m = 0; m < months; m++) factors[m] = (1 + rate) ** (-(m + 1) / 12);
  return factors;
}

/** Σ cashFlow[m] × factors[m], plus the terminal value at the last month's factor. */
export function presentValue(
  cashFlow: ArrayLike<number>,
  terminalValue: number,
  factors: Float64Array,
): number {
  const n = cashFlow.length;
  let value = n === 0 ? 0 : terminalValue * factors[n - 1]!;
  for (let m = 0; m < n; m++) value += cashFlow[m]! * factors[m]!;
  return value;
}
