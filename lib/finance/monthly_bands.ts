/**
 * Percentile bands of monthly paths, dated: the rows a fan chart of a monthly projection draws,
 * one per month with its end date and one field per percentile.
 *
 * @module
 */
import { monthEndIsoDate } from "../units/calendar.ts";
import { finite } from "../units/checks.ts";
import { percentileBands } from "./percentile_bands.ts";
import type { PathSet } from "./path_set.ts";
import { DEFAULT_PERCENTILES } from "./percentiles.ts";

/** Options of {@linkcode monthlyBands}. */
export interface MonthlyBandsOptions {
  /** The projection's start date, YYYY-MM-DD: step 0 ends one average month later. Required. */
  readonly start: string;
  /** Percentiles to compute, each in [0, 100]. @default [5, 25, 50, 75, 95] */
  readonly percentiles?: readonly number[];
  /** Divisor every value is divided by before the percentiles (e.g. `1e6` for millions).
   * @default 1 */
  readonly divideBy?: number;
}

/** One month of a dated fan chart: its end date and one field per percentile (`p10`, `p50`…). */
export interface MonthlyBandRow {
  /** End of the month, YYYY-MM-DD ({@linkcode monthEndIsoDate}). */
  readonly date: string;
  /** Percentile value, keyed `p` + the percentile. */
  readonly [percentile: `p${number}`]: number;
}

/**
 * Each month's percentiles of `set` across its paths, divided by `divideBy`, with the month's end date.
 *
 * @example Two paths of two months, in millions
 * ```ts
 * import { monthlyBands } from "./monthly_bands.ts";
 * import assert from "node:assert/strict";
 *
 * const set = { paths: Float64Array.of(1e6, 2e6, 3e6, 6e6), pathCount: 2, steps: 2, seed: 1 };
 * const rows = monthlyBands(set, { start: "2026-06-01", percentiles: [0, 50, 100], divideBy: 1e6 });
 * assert.deepEqual(rows, [
 *   { date: "2026-07-01", p0: 1, p50: 2, p100: 3 },
 *   { date: "2026-08-01", p0: 2, p50: 4, p100: 6 },
 * ]);
 * assert.throws(() => monthlyBands(set, { start: "June", percentiles: [50] }), /expected YYYY-MM-DD, got "June"/);
 * assert.throws(() => monthlyBands(set, { start: "2026-06-01", divideBy: 0 }), /divideBy: expected a non-zero number, got 0/);
 * ```
 */
export function monthlyBands(set: PathSet, options: MonthlyBandsOptions): MonthlyBandRow[] {
  const divisor = finite("divideBy", options.divideBy ?? 1);
  if (divisor === 0) throw new RangeError("Cannot use divideBy: expected a non-zero number, got 0");
  const scaled = divisor === 1 ? set : { ...set, paths: set.paths.map((v) => v / divisor) };
  const percentiles = options.percentiles ?? DEFAULT_PERCENTILES;
  return percentileBands(scaled, { percentiles }).rows.map(({ step, ...bands }) => ({
    date: monthEndIsoDate(options.start, step),
    ...bands,
  }));
}
