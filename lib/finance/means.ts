/**
 * Means over ranges of a series: the mean of a slice, and a trailing mean at every point.
 * Sums are taken afresh for each window: a running sum loses precision when early values are
 * huge (hashprice was ~5e8 USD per PH/s per day in 2010) and later ones small.
 *
 * @module
 */
import { wholeNumber } from "../units/checks.ts";

/**
 * Mean of `values[from]` up to, not including, `values[to]`.
 *
 * @example
 * ```ts
 * import { rangeMean } from "./means.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(rangeMean([1, 2, 3, 4], 1, 3), 2.5);
 * assert.throws(() => rangeMean([1, 2], 1, 1), /expected a non-empty range/);
 * ```
 */
export function rangeMean(values: ArrayLike<number>, from: number, to: number): number {
  wholeNumber("from", from);
  wholeNumber("to", to);
  if (to <= from || to > values.length) {
    throw new RangeError(
      `Cannot take a mean: expected a non-empty range within ${values.length} values, got ${from} to ${to}`,
    );
  }
  let sum = 0;
  for (let i = from; i < to; i++) sum += values[i]!;
  return sum / (to - from);
}

/**
 * Trailing mean over `window` values; the first `window − 1` entries are `NaN`.
 *
 * @example
 * ```ts
 * import { trailingMean } from "./means.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(Array.from(trailingMean([1, 2, 3, 4], 2)), [NaN, 1.5, 2.5, 3.5]);
 * // Exact after huge early values, where a running sum would not be.
 * assert.equal(trailingMean([5e8, 5e8, 0.1, 0.2], 2)[3], (0.1 + 0.2) / 2);
 * ```
 */
export function trailingMean(values: ArrayLike<number>, window: number): Float64Array {
  wholeNumber("window", window, 1);
  const out = new Float64Array(values.length).fill(NaN);
  for (let i = window - 1; i < values.length; i++) {
    out[i] = rangeMean(values, i - window + 1, i + 1);
  }
  return out;
}
