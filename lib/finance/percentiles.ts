/**
 * Percentiles of a distribution (e.g. simulated NPVs) by linear interpolation between order
 * statistics — numpy's default `method="linear"` (Hyndman & Fan type 7, Excel's
 * `PERCENTILE.INC`).
 *
 * @module
 */
import { finite } from "../units/checks.ts";
import { checkPercentiles, percentileOfSorted } from "./_percentile.ts";

/** Percentiles used when none are given: the fan-chart set 5, 25, 50, 75, 95. */
export const DEFAULT_PERCENTILES: readonly number[] = [5, 25, 50, 75, 95];

/**
 * The `ps` percentiles (each in [0, 100]) of `values`, in the order of `ps`. With the values
 * sorted as `x[0] ≤ … ≤ x[n−1]`, percentile `p` sits at index `h = (n − 1)·p / 100` and is
 * `x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋])`. Values must be finite; `values` is not changed.
 *
 * @example numpy.percentile([1, 2, 3, 4, 10], [5, 50, 95]) is [1.2, 3, 8.8]
 * ```ts
 * import { percentiles } from "./percentiles.ts";
 * import assert from "node:assert/strict";
 *
 * const [p5, p50, p95] = percentiles([10, 3, 1, 4, 2], [5, 50, 95]);
 * assert.ok(Math.abs(p5! - 1.2) < 1e-12);
 * assert.equal(p50, 3);
 * assert.ok(Math.abs(p95! - 8.8) < 1e-12);
 * assert.throws(() => percentiles([1], [101]), /Cannot use percentiles\[0\]: expected a value in \[0, 100\], got 101/);
 * ```
 */
export function percentiles(
  values: ArrayLike<number>,
  ps: readonly number[] = DEFAULT_PERCENTILES,
): number[] {
  checkPercentiles(ps);
  if (values === null || typeof values !== "object" || typeof values.length !== "number") {
    throw new TypeError(`Cannot use values: expected an array of numbers, got ${typeof values}`);
  }
  if (values.length === 0) {
    throw new RangeError("Cannot use values: expected at least one value, got 0");
  }
  const sorted = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) sorted[i] = finite(`values[${i}]`, values[i]!);
  sorted.sort();
  return ps.map((p) => percentileOfSorted(sorted, p));
}
