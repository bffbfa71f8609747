// The engine behind the GBM-type generators: a Gaussian random walk in log space,
// log X(s+1) = log X(s) + drift + sigma·Z, Z ~ N(0, 1), written path by path (row-major).
import type { Rng } from "./rng.ts";

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
      const level = Math.exp(logLevel);
      walk[cell] = level < floor ? floor : level;
    }
  }
}
