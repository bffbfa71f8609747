// The engine behind the GBM-type generators: a Gaussian random walk in log space,
// log X(s+1) = log X(s) + drift + sigma·Z, Z ~ N(0, 1), written path by path (row-major);
// fastExp, not Math.exp: the exponential is most of the walk's time outside the normal draws.
import { fastExp } from "./fast_exp.ts";
import type { Rng } from "./rng.ts";

/** A log walk's validated parameters: `log X(s+1) = log X(s) + drift + sigma·Z`, from `logStart`. */
export interface LogWalk {
  /** log of the value at time 0. */
  readonly logStart: number;
  /** Drift per step, in log units. */
  readonly drift: number;
  /** Standard deviation per step, in log units. */
  readonly sigma: number;
  /** Number of paths. */
  readonly paths: number;
  /** Steps per path. */
  readonly steps: number;
  /** Seed of the random stream. */
  readonly seed: number;
}

/** Fills `out` (pathCount × steps, row-major) with `max(floor, exp(log walk))` from `start`. */
export function fillLogWalk(
  out: Float64Array,
  pathCount: number,
  steps: number,
  start: number,
  drift: number,
  sigma: number,
  rng: Rng,
  floor = 0,
): void {
  const logStart = Math.log(start);
  const cells = pathCount * steps;
  const walk = out.subarray(0, cells);
  // All shocks in one call (the same stream as path by path: fillNormal carries its spare
  // across calls), then each path walked in place: no scratch array, one call into the
  // generator instead of one a path.
  rng.fillNormal(walk);
  for (let p = 0, cell = 0; p < pathCount; p++) {
    let logLevel = logStart;
    for (const end = cell + steps; cell < end; cell++) {
      logLevel += drift + sigma * walk[cell]!;
      const level = fastExp(logLevel);
      walk[cell] = level < floor ? floor : level;
    }
  }
}
