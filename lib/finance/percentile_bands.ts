/**
 * Percentile bands across Monte Carlo paths, step by step: the data of a fan chart.
 *
 * @module
 */
import { checkPathSet } from "./_path_checks.ts";
import type { PathSet } from "./path_set.ts";
import { checkPercentiles, orderStatisticsFor, percentileOfSorted } from "./_percentile.ts";
import { selectMany } from "./_select.ts";
import { DEFAULT_PERCENTILES } from "./percentiles.ts";

/** Steps copied out together: eight doubles, one 64-byte cache line of a path. */
const STEP_BLOCK = 8;

/** Options of {@linkcode percentileBands}. */
export interface PercentileBandsOptions {
  /**
   * Percentiles to compute, each in [0, 100].
   *
   * @default [5, 25, 50, 75, 95]
   */
  readonly percentiles?: readonly number[];
}

/** One step of a fan chart: `step` and one field per percentile, named `p5`, `p50`, `p2.5`… */
export interface BandRow {
  /** Step index, from 0 (time `(step + 1) × step length`). */
  readonly step: number;
  /** Percentile value, keyed `p` + the percentile. */
  readonly [percentile: `p${number}`]: number;
}

/** Result of {@linkcode percentileBands}. */
export interface PercentileBands {
  /** The percentiles, in the order of `bands`. */
  readonly percentiles: readonly number[];
  /** Steps per path. */
  readonly steps: number;
  /** `bands[k][s]`: percentile `percentiles[k]` of all paths' values after step `s`. */
  readonly bands: Float64Array[];
  /** One row per step for charting (wide: `{ step, p5, p25, … }`). */
  readonly rows: BandRow[];
}

/**
 * For each step, the chosen percentiles of the paths' values (linear interpolation, numpy's
 * default — see `percentiles.ts`). Non-finite path values are an error.
 *
 * @example Three paths of two steps
 * ```ts
 * import { percentileBands } from "./percentile_bands.ts";
 * import assert from "node:assert/strict";
 *
 * const set = { paths: Float64Array.of(1, 10, 2, 20, 3, 30), pathCount: 3, steps: 2, seed: 1 };
 * const fan = percentileBands(set, { percentiles: [25, 50] });
 * assert.deepEqual([...fan.bands[1]!], [2, 20]); // medians
 * assert.deepEqual(fan.rows[0], { step: 0, p25: 1.5, p50: 2 });
 * ```
 */
export function percentileBands(
  set: PathSet,
  options: PercentileBandsOptions = {},
): PercentileBands {
  const { percentiles = DEFAULT_PERCENTILES } = options;
  checkPercentiles(percentiles);
  checkPathSet(set);
  const { paths, pathCount, steps } = set;
  const bands = percentiles.map(() => new Float64Array(steps));
  // Steps are copied out a block at a time, step-major, so each step's values are contiguous:
  // eight steps of a path are one cache line of `paths`, and the block's buffer (not a copy of
  // every path) is all that is allocated.
  const blockSteps = Math.min(STEP_BLOCK, steps);
  const columns = new Float64Array(blockSteps * pathCount);
  // Only the order statistics the percentiles read are placed (selection), not a full sort:
  // percentileOfSorted reads exactly those indices.
  const ks = orderStatisticsFor(pathCount, percentiles);
  const rows: BandRow[] = [];
  for (let first = 0; first < steps; first += blockSteps) {
    const width = Math.min(blockSteps, steps - first);
    copySteps(paths, pathCount, steps, first, width, columns);
    for (let b = 0; b < width; b++) {
      const s = first + b;
      const column = columns.subarray(b * pathCount, (b + 1) * pathCount);
      selectMany(column, ks);
      const row: { step: number; [key: `p${number}`]: number } = { step: s };
      for (let k = 0; k < percentiles.length; k++) {
        const value = percentileOfSorted(column, percentiles[k]!);
        bands[k]![s] = value;
        row[`p${percentiles[k]!}`] = value;
      }
      rows.push(row);
    }
  }
  return { percentiles: [...percentiles], steps, bands, rows };
}

/** Copies steps `first…first + width − 1` of every path into `columns`, step-major. */
function copySteps(
  paths: Float64Array,
  pathCount: number,
  steps: number,
  first: number,
  width: number,
  columns: Float64Array,
): void {
  for (let p = 0; p < pathCount; p++) {
    for (let b = 0, cell = p * steps + first, out = p; b < width; b++, cell++, out += pathCount) {
      const value = paths[cell]!;
      if (!Number.isFinite(value)) throwFirstNonFinite(paths, steps);
      columns[out] = value;
    }
  }
}

/** Throws the RangeError naming the first non-finite value of `paths`, in path order. */
function throwFirstNonFinite(paths: Float64Array, steps: number): never {
  const cell = paths.findIndex((value) => !Number.isFinite(value));
  const value = paths[cell]!;
  throw new RangeError(
    `Cannot use paths[${cell}] (path ${Math.floor(cell / steps)}, step ${
      cell % steps
    }): expected a finite number, got ${value}`,
  );
}
