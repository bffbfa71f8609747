/**
 * Monthly flows summed by project year: month 1 to 12 is year 1, and so on; a last, shorter
 * year holds the months left.
 *
 * @module
 */

/**
 * Sums of each block of 12 months.
 *
 * @example
 * ```ts
 * import { yearSums } from "./year_sums.ts";
 * import assert from "node:assert/strict";
 *
 * const monthly = Float64Array.from({ length: 30 }, () => 1);
 * assert.deepEqual(yearSums(monthly), [12, 12, 6]);
 * assert.deepEqual(yearSums([]), []);
 * ```
 */
export function yearSums(monthly: ArrayLike<number>): number[] {
  const sums: number[] = [];
  for (let m = 0; m < monthly.length; m++) {
    const y = Math.floor(m / 12);
    sums[y] = (sums[y] ?? 0) + monthly[m]!;
  }
  return sums;
}
