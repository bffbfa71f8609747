/**
 * Network hashrate paths: a lognormal random walk around a constant-growth median.
 *
 * @module
 */
import { finite, nonNegative, positive } from "../units/checks.ts";
import type { Hashrate } from "../units/hashrate.ts";
import { checkRate } from "./_checks.ts";
import { fillLogWalk, type LogWalk } from "./_log_walk.ts";
import { checkPathSize } from "./_path_checks.ts";
import type { PathSet } from "./path_set.ts";
import { checkSeed, createRng, DEFAULT_SEED } from "./rng.ts";

/**
 * Inputs of {@linkcode hashratePaths}. Growth and volatility have no defaults (no public source
 * cited in the project gives them); fit them to `loadBtcDaily().hashrate_ths` or state a view.
 */
export interface HashrateInputs {
  /** Network hashrate at time 0 (TH/s; use `ehs(…)`). */
  readonly start: Hashrate;
  /** Annual growth of the median path as a fraction (0.4 = +40% a year); > −1. */
  readonly growthAnnual: number;
  /** Annual volatility of log hashrate, ≥ 0. */
  readonly volAnnual: number;
  /** Steps per path, whole ≥ 1. */
  readonly steps: number;
  /** Length of a step in years (1 / 12 for monthly); > 0. */
  readonly stepYears: number;
  /** Number of paths, whole ≥ 1. */
  readonly paths: number;
  /** Seed of the random stream. Default {@linkcode DEFAULT_SEED} (1). */
  readonly seed?: number;
}

/** Result of {@linkcode hashratePaths}; `paths` are in TH/s. */
export interface HashratePathSet extends PathSet {
  /** Hashrate at time 0 in TH/s (not stored in `paths`). */
  readonly start: Hashrate;
  /** Step length in years. */
  readonly stepYears: number;
}

/**
 * Hashrate paths in TH/s, row-major by path (`path_set.ts`):
 * `ln H(s+1) = ln H(s) + ln(1 + g)·Δt + σ·√Δt·Z`. The **median** path is the deterministic
 * growth `start·(1 + g)^t`; noise spreads it lognormally (the mean sits above the median by
 * `e^(σ²t/2)`). Growth rather than GBM drift is the input because analysts quote hashrate growth
 * as "+x% a year".
 *
 * @example With zero volatility every path is the growth curve
 * ```ts
 * import { hashratePaths } from "./hashrate_paths.ts";
 * import { ehs } from "../units/hashrate.ts";
 * import assert from "node:assert/strict";
 *
 * const run = hashratePaths({
 *   start: ehs(800), growthAnnual: 0.5, volAnnual: 0, steps: 24, stepYears: 1 / 12, paths: 3,
 * });
 * assert.ok(Math.abs(run.paths[11]! / ehs(1_200) - 1) < 1e-12); // one year: +50%
 * assert.ok(Math.abs(run.paths[3 * 24 - 1]! / ehs(1_800) - 1) < 1e-12); // two years: 1.5²
 * ```
 */
export function hashratePaths(inputs: HashrateInputs): HashratePathSet {
  const walk = hashrateLogWalk(inputs);
  const { start, stepYears } = inputs;
  const out = new Float64Array(walk.paths * walk.steps);
  fillLogWalk(out, walk.paths, walk.steps, start, walk.drift, walk.sigma, createRng(walk.seed));
  return {
    paths: out,
    pathCount: walk.paths,
    steps: walk.steps,
    seed: walk.seed,
    start,
    stepYears,
  };
}

/**
 * The log walk {@linkcode hashratePaths} draws, its inputs checked: for code that walks the
 * same paths a block at a time (the same seed and draws) instead of storing them all.
 *
 * @example
 * ```ts
 * import { hashrateLogWalk } from "./hashrate_paths.ts";
 * import { ehs } from "../units/hashrate.ts";
 * import assert from "node:assert/strict";
 *
 * const inputs = {
 *   start: ehs(800), growthAnnual: 0.5, volAnnual: 0.1, steps: 24, stepYears: 1 / 12, paths: 3,
 * };
 * assert.equal(hashrateLogWalk(inputs).drift, Math.log1p(0.5) * (1 / 12));
 * assert.throws(() => hashrateLogWalk({ ...inputs, growthAnnual: -1 }), /growthAnnual/);
 * ```
 */
export function hashrateLogWalk(inputs: HashrateInputs): LogWalk {
  const { start, growthAnnual, volAnnual, steps, stepYears, paths, seed = DEFAULT_SEED } = inputs;
  positive("start", start);
  finite("growthAnnual", growthAnnual);
  checkRate("growthAnnual", growthAnnual);
  nonNegative("volAnnual", volAnnual);
  positive("stepYears", stepYears);
  checkPathSize(paths, steps);
  checkSeed(seed);
  return {
    logStart: Math.log(start),
    drift: Math.log1p(growthAnnual) * stepYears,
    sigma: volAnnual * Math.sqrt(stepYears),
    paths,
    steps,
    seed,
  };
}
