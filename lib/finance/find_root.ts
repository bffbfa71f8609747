/**
 * A zero of a continuous function on a bracket, by Brent's method (Brent 1973, "Algorithms for
 * Minimization without Derivatives", ch. 4; https://en.wikipedia.org/wiki/Brent%27s_method), for
 * an equation with no closed form, so that no caller writes a bisection loop of its own. It never
 * leaves the bracket, converges at least as fast as bisection, and never returns `NaN`.
 *
 * @module
 */
import { finite, positive, wholeNumber } from "../units/checks.ts";
import { brent } from "./_brent.ts";
import { CONVERGENCE_REASONS, ConvergenceError } from "./convergence_error.ts";

/** Options of {@linkcode findRoot}: the bracket and when to stop. */
export interface FindRootOptions {
  /** Left end of the bracket: a finite number below `high`. */
  readonly low: number;
  /** Right end of the bracket: a finite number above `low`. */
  readonly high: number;
  /**
   * Stop when the root is bracketed within this width, in the unit of `x`.
   *
   * @default 1e-12
   */
  readonly tolerance?: number;
  /**
   * Iterations allowed before a `ConvergenceError` (bisection alone halves a bracket of 1 below
   * 1e-12 in 40).
   *
   * @default 100
   */
  readonly maxIterations?: number;
}

/**
 * The `x` in `[low, high]` where `f(x) = 0`, to within `tolerance`. `f` must be continuous on the
 * bracket and take opposite signs at its two ends (or be 0 at one of them); with several roots
 * inside, one of them is returned.
 *
 * Throws a `ConvergenceError` (reason `"no sign change"`) naming both ends and their values when
 * the bracket does not straddle a root, and one (reason `"max iterations"`) when the budget runs
 * out; a RangeError for a bracket that is not finite and increasing, a tolerance ≤ 0, an
 * iteration budget that is not a whole number ≥ 1, or an `f` that returns a non-finite value.
 *
 * @example √2 as the root of x² − 2 on [0, 2]; a bracket on one side of the root is an error
 * ```ts
 * import { findRoot } from "./find_root.ts";
 * import assert from "node:assert/strict";
 *
 * const root = findRoot((x) => x * x - 2, { low: 0, high: 2 });
 * assert.ok(Math.abs(root - Math.SQRT2) < 1e-12);
 * assert.throws(
 *   () => findRoot((x) => x * x - 2, { low: 2, high: 3 }),
 *   {
 *     name: "ConvergenceError",
 *     message: "Cannot find a root: f(low = 2) = 2 and f(high = 3) = 7 have the same sign, " +
 *       "so [2, 3] does not straddle a root; move or widen the bracket",
 *   },
 * );
 * ```
 */
export function findRoot(f: (x: number) => number, options: FindRootOptions): number {
  const { tolerance = 1e-12, maxIterations = 100 } = options;
  const low = finite("low", options.low);
  const high = finite("high", options.high);
  if (!(low < high)) {
    throw new RangeError(
      `Cannot find a root: expected low < high, got low = ${low} and high = ${high}`,
    );
  }
  positive("tolerance", tolerance);
  wholeNumber("maxIterations", maxIterations, 1);
  const checked = (x: number): number => {
    const y = f(x);
    if (typeof y !== "number" || !Number.isFinite(y)) {
      throw new RangeError(
        `Cannot find a root: expected f to be finite on [${low}, ${high}], got f(${x}) = ${y}`,
      );
    }
    return y;
  };
  const atLow = checked(low);
  const atHigh = checked(high);
  if (atLow !== 0 && atHigh !== 0 && (atLow > 0) === (atHigh > 0)) {
    throw new ConvergenceError(
      CONVERGENCE_REASONS.noSignChange,
      `Cannot find a root: f(low = ${low}) = ${atLow} and f(high = ${high}) = ${atHigh} have ` +
        `the same sign, so [${low}, ${high}] does not straddle a root; move or widen the bracket`,
    );
  }
  const result = brent(checked, low, high, tolerance, maxIterations);
  if (!result.converged) {
    throw new ConvergenceError(
      CONVERGENCE_REASONS.maxIterations,
      `Cannot find a root: did not converge in ${maxIterations} iterations on [${low}, ${high}] ` +
        `(last x = ${result.x}, tolerance ${tolerance})`,
    );
  }
  return result.x;
}
