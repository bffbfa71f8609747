/**
 * Price paths by geometric Brownian motion, e.g. for the BTC price.
 *
 * @module
 */
import { finite, nonNegative, positive } from "../units/checks.ts";
import { fillLogWalk, type LogWalk } from "./_log_walk.ts";
import { checkPathSize } from "./_path_checks.ts";
import type { PathSet } from "./path_set.ts";
import { checkSeed, createRng, DEFAULT_SEED } from "./rng.ts";

export type { LogWalk } from "./_log_walk.ts";

/**
 * Inputs of {@linkcode gbmPaths}. Drift and volatility have no defaults: no public source cited
 * in the project gives them, so the analyst states them.
 */
export interface GbmInputs {
  /** Value at time 0 (e.g. USD per BTC); > 0. Paths are in the same unit. */
  readonly start: number;
  /** Annual drift μ of the GBM as a continuously compounded rate (E[S_t] = start·e^(μt)). */
  readonly driftAnnual: number;
  /** Annual volatility σ of log returns, ≥ 0 (0.6 = 60%). */
  readonly volAnnual: number;
  /** Steps per path, whole ≥ 1. */
  readonly steps: number;
  /** Length of a step in years (1 / 12 for monthly, 1 / 365 for daily); > 0. */
  readonly stepYears: number;
  /** Number of paths, whole ≥ 1. */
  readonly paths: number;
  /** Seed of the random stream. Default {@linkcode DEFAULT_SEED} (1). */
  readonly seed?: number;
}

/** Result of {@linkcode gbmPaths}: a {@linkcode PathSet} plus the inputs that shaped it. */
export interface GbmPathSet extends PathSet {
  /** Value at time 0 (not stored in `paths`). */
  readonly start: number;
  /** Step length in years. */
  readonly stepYears: number;
  /** Annual drift μ used. */
  readonly driftAnnual: number;
  /** Annual volatility σ used. */
  readonly volAnnual: number;
}

/**
 * GBM paths, exact in distribution at each step:
 * `S(s+1) = S(s) · exp((μ − σ²/2)·Δt + σ·√Δt·Z)` with `Z ~ N(0, 1)`, `Δt = stepYears`. So
 * `ln S_T` is normal with mean `ln start + (μ − σ²/2)·T` and variance `σ²·T`. Layout and
 * determinism as in `path_set.ts`.
 *
 * @example 1,000 monthly paths over a year; same seed, same paths
 * ```ts
 * import { gbmPaths } from "./gbm_paths.ts";
 * import assert from "node:assert/strict";
 *
 * const inputs = {
 *   start: 100_000, driftAnnual: 0.1, volAnnual: 0.5, steps: 12, stepYears: 1 / 12, paths: 1_000,
 * };
 * const run = gbmPaths(inputs);
 * assert.equal(run.paths.length, 12_000);
 * assert.equal(run.seed, 1);
 * assert.deepEqual(gbmPaths(inputs).paths, run.paths);
 * assert.throws(() => gbmPaths({ ...inputs, volAnnual: -0.1 }), /Cannot use volAnnual: expected a value >= 0, got -0.1/);
 * ```
 */
export function gbmPaths(inputs: GbmInputs): GbmPathSet {
  const walk = gbmLogWalk(inputs);
  const { start, driftAnnual, volAnnual, stepYears } = inputs;
  const out = new Float64Array(walk.paths * walk.steps);
  fillLogWalk(out, walk.paths, walk.steps, start, walk.drift, walk.sigma, createRng(walk.seed));
  return {
    paths: out,
    pathCount: walk.paths,
    steps: walk.steps,
    seed: walk.seed,
    start,
    stepYears,
    driftAnnual,
    volAnnual,
  };
}

/**
 * The log walk {@linkcode gbmPaths} draws, its inputs checked: for code that walks the same
 * paths a block at a time (the same seed and draws) instead of storing them all.
 *
 * @example
 * ```ts
 * import { gbmLogWalk } from "./gbm_paths.ts";
 * import assert from "node:assert/strict";
 *
 * const walk = gbmLogWalk({ start: 1, driftAnnual: 0.1, volAnnual: 0.2, steps: 12, stepYears: 1 / 12, paths: 5 });
 * assert.equal(walk.logStart, 0);
 * assert.ok(Math.abs(walk.drift - (0.1 - 0.02) / 12) < 1e-15);
 * assert.ok(Math.abs(walk.sigma - 0.2 / Math.sqrt(12)) < 1e-15);
 * assert.equal(walk.seed, 1);
 * ```
 */
export function gbmLogWalk(inputs: GbmInputs): LogWalk {
  const { start, driftAnnual, volAnnual, steps, stepYears, paths, seed = DEFAULT_SEED } = inputs;
  positive("start", start);
  finite("driftAnnual", driftAnnual);
  nonNegative("volAnnual", volAnnual);
  positive("stepYears", stepYears);
  checkPathSize(paths, steps);
  checkSeed(seed);
  return {
    logStart: Math.log(start),
    drift: (driftAnnual - (volAnnual * volAnnual) / 2) * stepYears,
    sigma: volAnnual * Math.sqrt(stepYears),
    paths,
    steps,
    seed,
  };
}
