// Checks on path sets and on the size of a requested run, shared by the path generators.
import { wholeNumber } from "../units/checks.ts";
import type { PathSet } from "./path_set.ts";

/** Largest `paths × steps` a generator accepts (2^28 values, 2 GiB of doubles). */
export const MAX_PATH_CELLS = 2 ** 28;

/** Throws unless `set` has a Float64Array of exactly `pathCount × steps` values. */
export function checkPathSet(set: PathSet): void {
  if (!(set?.paths instanceof Float64Array)) {
    throw new TypeError(`Cannot use paths: expected a Float64Array, got ${typeof set?.paths}`);
  }
  wholeNumber("pathCount", set.pathCount, 1);
  wholeNumber("steps", set.steps, 1);
  if (set.paths.length !== set.pathCount * set.steps) {
    throw new RangeError(
      `Cannot use paths: expected pathCount × steps = ${
        set.pathCount * set.steps
      } values, got ${set.paths.length}`,
    );
  }
}

/** Throws unless `pathCount × steps` fits under MAX_PATH_CELLS. */
export function checkPathSize(pathCount: number, steps: number): void {
  wholeNumber("paths", pathCount, 1);
  wholeNumber("steps", steps, 1);
  if (pathCount * steps > MAX_PATH_CELLS) {
    throw new RangeError(
      `Cannot use paths: expected paths × steps <= ${MAX_PATH_CELLS}, got ${pathCount} × ${steps} = ${
        pathCount * steps
      }`,
    );
  }
}
