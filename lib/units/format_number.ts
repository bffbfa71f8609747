/**
 * Plain numbers in prose, beside the unit formatters of `format.ts`: counts and multiples with
 * thousands separators ("1,207", "9,842", "5.6"), and a figure to a number of significant digits
 * whatever its size ("4.61", "0.000468"), for quantities that span orders of magnitude.
 *
 * @module
 */
import { positive, wholeNumber } from "./checks.ts";

/**
 * A number with thousands separators and exactly `decimals` decimals (default 0): "1,207",
 * "116.0". Non-finite values print as JavaScript does ("NaN").
 *
 * @example
 * ```ts
 * import { formatNumber } from "./format_number.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(formatNumber(1207), "1,207");
 * assert.equal(formatNumber(9841.6), "9,842");
 * assert.equal(formatNumber(116, 1), "116.0");
 * assert.equal(formatNumber(5.649, 1), "5.6");
 * assert.throws(() => formatNumber(1, -1), /Cannot use decimals: expected a whole number >= 0, got -1/);
 * ```
 */
export function formatNumber(value: number, decimals = 0): string {
  wholeNumber("decimals", decimals, 0);
  if (!Number.isFinite(value)) return String(value);
  return value.toLocaleString("en-US", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}

/**
 * A number to `digits` significant digits (default 3, at most 21), never in exponent notation, trailing
 * zeros dropped: "4.61", "0.000468", "1,150".
 *
 * @example
 * ```ts
 * import { formatSignificant } from "./format_number.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(formatSignificant(4.6123), "4.61");
 * assert.equal(formatSignificant(0.00046812), "0.000468");
 * assert.equal(formatSignificant(1149.7), "1,150");
 * assert.equal(formatSignificant(2.5, 1), "3"); // half away from zero
 * assert.throws(() => formatSignificant(1, 0), /Cannot use digits: expected a whole number >= 1, got 0/);
 * ```
 */
export function formatSignificant(value: number, digits = 3): string {
  // Intl counts at most 21 significant digits.
  if (wholeNumber("digits", digits, 1) > 21) {
    throw new RangeError(`Cannot use digits: expected a whole number <= 21, got ${digits}`);
  }
  if (!Number.isFinite(value)) return String(value);
  return value.toLocaleString("en-US", { maximumSignificantDigits: digits });
}

/**
 * How many times `base` a value is, as prose says it: one decimal below ten, none from ten up —
 * "2.3×", "17×".
 *
 * @example
 * ```ts
 * import { formatMultiple } from "./format_number.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(formatMultiple(1.46e6, 633e3), "2.3×");
 * assert.equal(formatMultiple(10.9e6, 633e3), "17×");
 * assert.throws(() => formatMultiple(1, 0), /Cannot use base: expected a value > 0, got 0/);
 * ```
 */
export function formatMultiple(value: number, base: number): string {
  const ratio = value / positive("base", base);
  return `${ratio.toFixed(ratio < 10 ? 1 : 0)}×`;
}
