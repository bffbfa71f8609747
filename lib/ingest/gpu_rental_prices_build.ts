/**
 * Building `data/gpu_rental_prices.csv` from its three inputs: the GPU marketplace tracker
 * (daily statistics of half-hourly snapshots), the GIX on-demand list-price back-series
 * (monthly) and the cited price points. Every input cell used is checked; the result passes
 * {@linkcode gpuRentalPricesFromCsv} before it is returned. Nothing is written.
 *
 * @module
 */
import { formatCsv } from "./csv_format.ts";
import {
  type BuiltDataset,
  type DatasetBuildOptions,
  DEFAULT_SOURCE_DIR,
  type RawInput,
  readRawInput,
} from "./dataset_build.ts";
import { BACKFILL_PATH, backfillRows } from "./gpu_backfill.ts";
import { PRICE_POINTS_PATH, pricePointRows } from "./gpu_price_points.ts";
import { GPU_PRICE_KINDS } from "../data/gpu_price_kinds.ts";
import {
  GPU_RENTAL_PRICES_SCHEMA,
  type GpuRentalPriceRow,
  gpuRentalPricesFromCsv,
} from "../data/gpu_rental_prices.ts";
import { renderGpuRentalPricesSources, type TrackerSummary } from "./gpu_rental_prices_sources.ts";
import {
  TRACKER_COMMIT,
  TRACKER_DIR,
  TRACKER_FILES,
  trackerSnapshotsFromJsonl,
} from "./gpu_tracker.ts";
import { trackerDailyRows } from "./gpu_tracker_daily.ts";
import { sha256Hex } from "../files/sha256.ts";

/** The dataset's file name inside `data/`. */
export const GPU_RENTAL_PRICES_FILE = "gpu_rental_prices.csv";

/**
 * Reads the inputs under `options.sourceDir` (`raw/primeintellect-gpu-tracker-tugot17/*.jsonl`,
 * `facts/gpu_rental_index_backfill_monthly.csv`, `facts/gpu_rental_price_points.csv`) and
 * returns the CSV text, its SOURCES.md section and the row count. A bad input cell is a
 * `CsvError` naming the input file, line, field, value and what was expected.
 *
 * @example
 * ```ts
 * import { buildGpuRentalPrices } from "./gpu_rental_prices_build.ts";
 * import assert from "node:assert/strict";
 *
 * // A missing input is named.
 * await assert.rejects(
 *   buildGpuRentalPrices({ sourceDir: "/nonexistent", log: () => {} }),
 *   /^Error: Cannot read \/nonexistent\/raw\/primeintellect-gpu-tracker-tugot17\/H100_80GB_SXM5\.jsonl: no such file$/,
 * );
 * ```
 */
export async function buildGpuRentalPrices(
  options: DatasetBuildOptions = {},
): Promise<BuiltDataset> {
  const sourceDir = options.sourceDir ?? DEFAULT_SOURCE_DIR;
  const log = options.log ?? console.log;
  const inputs: { input: RawInput; origin: string }[] = [];
  const read = async (relative: string, origin: string) => {
    const input = await readRawInput(`${sourceDir}/${relative}`);
    inputs.push({ input: { ...input, path: relative }, origin });
    return input;
  };

  const rows: GpuRentalPriceRow[] = [];
  const trackers: TrackerSummary[] = [];
  for (const tracker of TRACKER_FILES) {
    const input = await read(
      `${TRACKER_DIR}/${tracker.file}`,
      `github.com/tugot17/gpu-price-tracker \`data/summary/${tracker.file}\`, commit ` +
        `${TRACKER_COMMIT} (MIT)`,
    );
    const snapshots = trackerSnapshotsFromJsonl(input.text, { file: input.path, expect: tracker });
    const daily = trackerDailyRows(snapshots, tracker);
    rows.push(...daily);
    const perDay = daily.filter((r) => r.statistic === "min").map((r) => r.observations);
    trackers.push({
      tracker,
      snapshots: snapshots.length,
      first: snapshots[0]!.timestamp,
      last: snapshots[snapshots.length - 1]!.timestamp,
      days: perDay.length,
      providers: [...new Set(daily.map((r) => r.provider).filter((p) => p !== ""))].sort(),
      fewestPerDay: Math.min(...perDay),
      mostPerDay: Math.max(...perDay),
    });
    log(`${input.path}: ${snapshots.length} snapshots → ${perDay.length} days`);
  }

  const backfill = await read(
    BACKFILL_PATH,
    "transcribed from github.com/henryzhangpku/gpu-price-index `docs/BACKFILL.md` §6, commit " +
      "f741b56d6f8615757008a24372d340cc13f9d2f4",
  );
  rows.push(...backfillRows(backfill.text, { file: backfill.path }));
  const points = await read(PRICE_POINTS_PATH, "compiled from the cited public pages (row URLs)");
  rows.push(...pricePointRows(points.text, { file: points.path }));
  log(`${BACKFILL_PATH}, ${PRICE_POINTS_PATH}: read`);

  const csv = formatCsv(GPU_RENTAL_PRICES_SCHEMA, rows);
  // The loader checks every row whatever the selection; select each kind to prove one unit each.
  for (const kind of GPU_PRICE_KINDS) {
    gpuRentalPricesFromCsv(csv, { kind, file: GPU_RENTAL_PRICES_FILE });
  }
  const sources = renderGpuRentalPricesSources({
    rows,
    trackers,
    inputs,
    sha256: await sha256Hex(csv),
  });
  return { file: GPU_RENTAL_PRICES_FILE, csv, sources, rows: rows.length };
}
