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
  const shocks = new Float64Array(steps);
  let cell = 0;
  for (let p = 0; p < pathCount; p++) {
    rng.fillNormal(shocks);
    let logLevel = logStart;
    for (let s = 0; s < steps; s++) {
      logLevel += drift + sigma * shocks[s]!;
      const level = Math.exp(logLevel);
      out[cell++] = level < floor ? floor : level;
    }
  }
}
