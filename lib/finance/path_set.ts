/**
 * The Monte Carlo path layout shared by every path generator in `lib/finance`.
 *
 * A {@linkcode PathSet} stores `pathCount × steps` values in one `Float64Array`, **row-major by
 * path**: the value of path `p` after step `s` (both from 0) is `paths[p * steps + s]`. Step `s`
 * ends at time `(s + 1) × stepLength`; the starting value (time 0) is not stored but echoed as
 * `start` by the generators. A run holds at most 2^28 values. Paths are drawn one after another
 * from one seeded stream, so the first `k` paths of a run with more paths are the same as a run
 * of `k` paths.
 *
 * @module
 */
import { finite, wholeNumber } from "../units/checks.ts";
import { checkPathSet, checkPathSize } from "./_path_checks.ts";

/** `pathCount` simulated paths of `steps` values each (layout in the module docs). */
export interface PathSet {
  /** Values, row-major by path: path `p`, step `s` at `p * steps + s`. */
  readonly paths: Float64Array;
  /** Number of paths (rows). */
  readonly pathCount: number;
  /** Values per path (columns). */
  readonly steps: number;
  /** Seed the paths were drawn with; the same seed redraws the same paths. */
  readonly seed: number;
}

/**
 * Every path's value after step `step` (a copy): the distribution at that horizon, e.g. for
 * terminal values `stepValues(set, set.steps - 1)`.
 *
 * @example
 * ```ts
 * import { stepValues } from "./path_set.ts";
 * import assert from "node:assert/strict";
 *
 * // Two paths of three steps: [1, 2, 3] and [4, 5, 6].
 * const set = { paths: Float64Array.of(1, 2, 3, 4, 5, 6), pathCount: 2, steps: 3, seed: 1 };
 * assert.deepEqual([...stepValues(set, 2)], [3, 6]);
 * assert.throws(() => stepValues(set, 3), /Cannot use step: expected a whole number in \[0, 2\], got 3/);
 * ```
 */
export function stepValues(set: PathSet, step: number): Float64Array {
  checkPathSet(set);
  if (!Number.isInteger(step) || step < 0 || step >= set.steps) {
    throw new RangeError(
      `Cannot use step: expected a whole number in [0, ${set.steps - 1}], got ${step}`,
    );
  }
  const out = new Float64Array(set.pathCount);
  for (let p = 0; p < set.pathCount; p++) out[p] = set.paths[p * set.steps + step]!;
  return out;
}

/**
 * `pathCount` paths of `steps` values that all equal `value`: a scenario with no uncertainty
 * (a flat price, a fixed network) in the shape the path models take.
 *
 * @example
 * ```ts
 * import { constantPaths } from "./path_set.ts";
 * import assert from "node:assert/strict";
 *
 * const flat = constantPaths(90_000, { steps: 3, pathCount: 2 });
 * assert.deepEqual([...flat.paths], [90_000, 90_000, 90_000, 90_000, 90_000, 90_000]);
 * assert.equal(flat.pathCount, 2);
 * assert.throws(() => constantPaths(NaN, { steps: 3, pathCount: 1 }), /value: expected a finite number, got NaN/);
 * ```
 */
export function constantPaths(
  value: number,
  shape: { readonly steps: number; readonly pathCount: number },
): PathSet {
  finite("value", value);
  // The shape is checked before the array is sized by it.
  wholeNumber("pathCount", shape.pathCount, 1);
  wholeNumber("steps", shape.steps, 1);
  checkPathSize(shape.pathCount, shape.steps);
  return {
    paths: new Float64Array(shape.steps * shape.pathCount).fill(value),
    pathCount: shape.pathCount,
    steps: shape.steps,
    seed: 0,
  };
}
