/**
 * Price paths by a moving-block bootstrap of historical daily log returns.
 *
 * @module
 */
import { finite, positive, wholeNumber } from "../units/checks.ts";
import { checkPathSize } from "./_path_checks.ts";
import type { PathSet } from "./path_set.ts";
import { checkSeed, createRng, DEFAULT_SEED } from "./rng.ts";

/** Options of {@linkcode bootstrapPaths}. */
export interface BootstrapOptions {
  /** Value at time 0 (e.g. USD per BTC); > 0. Paths are in the same unit. */
  readonly start: number;
  /**
   * Consecutive days per resampled block, whole in [1, returns.length]. Longer blocks keep more
   * of the history's volatility clustering; 1 is the i.i.d. bootstrap. Required (a modelling
   * choice with no cited default).
   */
  readonly blockDays: number;
  /** Steps per path, whole ≥ 1. */
  readonly steps: number;
  /**
   * Days of returns summed into one step, whole ≥ 1. Default 1 (daily steps). For roughly
   * monthly steps pass 30 — the choice of month length is yours and is recorded in the result.
   */
  readonly daysPerStep?: number;
  /** Number of paths, whole ≥ 1. */
  readonly paths: number;
  /** Seed of the random stream. Default {@linkcode DEFAULT_SEED} (1). */
  readonly seed?: number;
}

/** Result of {@linkcode bootstrapPaths}. */
export interface BootstrapPathSet extends PathSet {
  /** Value at time 0 (not stored in `paths`). */
  readonly start: number;
  /** Days per step (returns summed per step). */
  readonly daysPerStep: number;
  /** Days per resampled block. */
  readonly blockDays: number;
}

/**
 * Bootstrapped paths, row-major by path (`path_set.ts`). Each path is a stream of daily log
 * returns built from blocks of `blockDays` consecutive historical days, each block starting at
 * a uniformly drawn day in `[0, returns.length − blockDays]` (no wrap-around). Blocks run on
 * across step boundaries; a new path starts a new block. A step's log return is the sum of its
 * `daysPerStep` daily returns, and the value is `start · exp(cumulative log return)`.
 *
 * @example Only historical returns appear: with one return of ln 2, every path doubles each day
 * ```ts
 * import { bootstrapPaths } from "./bootstrap_paths.ts";
 * import assert from "node:assert/strict";
 *
 * const run = bootstrapPaths(Float64Array.of(Math.log(2)), {
 *   start: 1, blockDays: 1, steps: 3, paths: 2, seed: 7,
 * });
 * assert.deepEqual([...run.paths].map((x) => Math.round(x)), [2, 4, 8, 2, 4, 8]);
 * assert.equal(run.seed, 7);
 * ```
 */
export function bootstrapPaths(
  returns: ArrayLike<number>,
  options: BootstrapOptions,
): BootstrapPathSet {
  const { start, blockDays, steps, daysPerStep = 1, paths, seed = DEFAULT_SEED } = options;
  if (returns === null || typeof returns !== "object" || typeof returns.length !== "number") {
    throw new TypeError(`Cannot use returns: expected an array of numbers, got ${typeof returns}`);
  }
  if (returns.length === 0) {
    throw new RangeError("Cannot use returns: expected at least one return, got 0");
  }
  const history = Float64Array.from(returns);
  for (let i = 0; i < history.length; i++) finite(`returns[${i}]`, history[i]!);
  positive("start", start);
  wholeNumber("blockDays", blockDays, 1);
  if (blockDays > history.length) {
    throw new RangeError(
      `Cannot use blockDays: expected at most returns.length (${history.length}), got ${blockDays}`,
    );
  }
  wholeNumber("daysPerStep", daysPerStep, 1);
  checkPathSize(paths, steps);
  checkSeed(seed);
  const rng = createRng(seed);
  const blockStarts = history.length - blockDays + 1;
  // Prefix sums turn a run of consecutive days into one subtraction, so a step costs a few
  // operations per block it touches instead of one per day (rounding ~1e-16 × |cumulative|).
  const cumulative = new Float64Array(history.length + 1);
  for (let i = 0; i < history.length; i++) cumulative[i + 1] = cumulative[i]! + history[i]!;
  const logStart = Math.log(start);
  const out = new Float64Array(paths * steps);
  let cell = 0;
  for (let p = 0; p < paths; p++) {
    let logLevel = logStart;
    let day = 0;
    let left = 0; // days left in the current block
    for (let s = 0; s < steps; s++) {
      let need = daysPerStep;
      while (need > 0) {
        if (left === 0) {
          day = rng.int(blockStarts);
          left = blockDays;
        }
        const take = need < left ? need : left;
        logLevel += cumulative[day + take]! - cumulative[day]!;
        day += take;
        left -= take;
        need -= take;
      }
      out[cell++] = Math.exp(logLevel);
    }
  }
  return { paths: out, pathCount: paths, steps, seed, start, daysPerStep, blockDays };
}
