/**
 * GPU rental price paths: exponential decline with lognormal noise and an optional floor.
 *
 * @module
 */
import { nonNegative, positive } from "../units/checks.ts";
import { fillLogWalk } from "./_log_walk.ts";
import { checkPathSize } from "./_path_checks.ts";
import type { PathSet } from "./path_set.ts";
import { checkSeed, createRng, DEFAULT_SEED } from "./rng.ts";

/**
 * Inputs of {@linkcode gpuPricePaths}. The decline rate and volatility have no defaults: the
 * cited rental prices ([S45][S47][S48]) are points, not a fitted trend.
 */
export interface GpuPriceInputs {
  /** Rental price at time 0 in USD per GPU-hour; > 0 (e.g. 2.35, H100 Mar 2026 [S45][S48]). */
  readonly start: number;
  /** Annual decline of the median path as a fraction in [0, 1) (0.3 = −30% a year). */
  readonly declineAnnual: number;
  /** Annual volatility of log price, ≥ 0. */
  readonly volAnnual: number;
  /** Price floor in USD per GPU-hour, 0 ≤ floor ≤ start. Default: no floor. */
  readonly floor?: number;
  /** Steps per path, whole ≥ 1. */
  readonly steps: number;
  /** Length of a step in years (1 / 12 for monthly); > 0. */
  readonly stepYears: number;
  /** Number of paths, whole ≥ 1. */
  readonly paths: number;
  /** Seed of the random stream. Default {@linkcode DEFAULT_SEED} (1). */
  readonly seed?: number;
}

/** Result of {@linkcode gpuPricePaths}; `paths` are in USD per GPU-hour. */
export interface GpuPricePathSet extends PathSet {
  /** Price at time 0 (not stored in `paths`). */
  readonly start: number;
  /** Step length in years. */
  readonly stepYears: number;
  /** Floor applied (0 when none). */
  readonly floor: number;
}

/**
 * GPU rental price paths, row-major by path (`path_set.ts`). An unfloored price follows
 * `ln P(s+1) = ln P(s) + ln(1 − d)·Δt + σ·√Δt·Z`, so its median is `start·(1 − d)^t`. The
 * stored value is `max(floor, P)`: the floor clips what is reported, while the unfloored price
 * keeps moving underneath (a path stays at the floor until the unfloored price climbs back).
 *
 * @example No noise: 30% a year down from $2.35, floored at $1.50
 * ```ts
 * import { gpuPricePaths } from "./gpu_price_paths.ts";
 * import assert from "node:assert/strict";
 *
 * const run = gpuPricePaths({
 *   start: 2.35, declineAnnual: 0.3, volAnnual: 0, floor: 1.5, steps: 3, stepYears: 1, paths: 1,
 * });
 * assert.ok(Math.abs(run.paths[0]! - 2.35 * 0.7) < 1e-12);
 * assert.deepEqual([...run.paths.slice(1)], [1.5, 1.5]); // 1.15 and 0.81 are below the floor
 * ```
 */
export function gpuPricePaths(inputs: GpuPriceInputs): GpuPricePathSet {
  const { start, declineAnnual, volAnnual, floor = 0, steps, stepYears, paths } = inputs;
  const { seed = DEFAULT_SEED } = inputs;
  positive("start", start);
  nonNegative("declineAnnual", declineAnnual);
  if (declineAnnual >= 1) {
    throw new RangeError(
      `Cannot use declineAnnual: expected a fraction in [0, 1), got ${declineAnnual}`,
    );
  }
  nonNegative("volAnnual", volAnnual);
  nonNegative("floor", floor);
  if (floor > start) {
    throw new RangeError(`Cannot use floor: expected a value <= start (${start}), got ${floor}`);
  }
  positive("stepYears", stepYears);
  checkPathSize(paths, steps);
  checkSeed(seed);
  const out = new Float64Array(paths * steps);
  const drift = Math.log1p(-declineAnnual) * stepYears;
  const sigma = volAnnual * Math.sqrt(stepYears);
  fillLogWalk(out, paths, steps, start, drift, sigma, createRng(seed), floor);
  return { paths: out, pathCount: paths, steps, seed, start, stepYears, floor };
}
