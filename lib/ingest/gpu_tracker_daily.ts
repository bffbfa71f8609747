/**
 * Daily statistics of the GPU marketplace tracker, per UTC day:
 *
 * - `min`: the lowest snapshot `price_stats.min` of the day; `max`: the highest `max`.
 * - `p25`, `median`, `p75`: the median over the day's snapshots of each snapshot's `p25`,
 *   `median` and `p75`.
 * - `provider-median` (one row per provider): the median over the day's snapshots that list the
 *   provider of `by_provider[provider].avg`.
 *
 * A median of an even count is the mean of the two middle values, rounded to 6 decimal places
 * (the inputs have 2; rounding only removes binary floating-point noise such as
 * 2.2350000000000003). `observations` is the number of snapshots behind each value, so partial
 * first and last days are visible.
 *
 * @module
 */
import type { GpuRentalPriceRow } from "../data/gpu_rental_prices.ts";
import { TRACKER_COMMIT, TRACKER_DIR, type TrackerFile } from "./gpu_tracker.ts";
import type { PRICE_STATS, TrackerSnapshot } from "./gpu_tracker.ts";

/**
 * The median of `values` (not empty), rounded to 6 decimal places.
 *
 * @example
 * ```ts
 * import { medianOf } from "./gpu_tracker_daily.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(medianOf([2.49, 1.99, 3]), 2.49);
 * assert.equal(medianOf([1.99, 2.48]), 2.235);
 * assert.throws(() => medianOf([]), RangeError);
 * ```
 */
export function medianOf(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("Cannot take the median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(median * 1e6) / 1e6;
}

/**
 * The label a tracker file's snapshots carry: `gpu_type`, then `socket_type` when there is one.
 *
 * @example
 * ```ts
 * import { trackerLabel } from "./gpu_tracker_daily.ts";
 * import { TRACKER_FILES } from "./gpu_tracker.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(TRACKER_FILES.map(trackerLabel), [
 *   "H100_80GB SXM5", "H100_80GB PCIe", "H200_141GB", "B200_180GB", "A100_80GB SXM4",
 * ]);
 * ```
 */
export function trackerLabel(tracker: TrackerFile): string {
  return tracker.socketType === null ? tracker.gpuType : `${tracker.gpuType} ${tracker.socketType}`;
}

/**
 * Dataset rows for one tracker file: per UTC day, `min`, `p25`, `median`, `p75`, `max`, then
 * one `provider-median` per provider in name order. `snapshots` must be in time order (as
 * {@linkcode trackerSnapshotsFromJsonl} returns them).
 *
 * @example
 * ```ts
 * import { trackerDailyRows } from "./gpu_tracker_daily.ts";
 * import { TRACKER_FILES } from "./gpu_tracker.ts";
 * import assert from "node:assert/strict";
 *
 * const snap = (line: number, day: string, median: number) => ({
 *   line, timestamp: `${day}T00:00:00Z`, day,
 *   stats: { min: median - 1, p25: median, median, p75: median, max: median + 1 },
 *   providerAvg: new Map([["runpod", median]]),
 * });
 * const rows = trackerDailyRows(
 *   [snap(1, "2025-10-20", 2), snap(2, "2025-10-20", 3), snap(3, "2025-10-21", 4)],
 *   TRACKER_FILES[0]!,
 * );
 * const day1 = rows.filter((r) => r.date === "2025-10-20");
 * assert.deepEqual(day1.map((r) => [r.statistic, r.value, r.observations]), [
 *   ["min", 1, 2], ["p25", 2.5, 2], ["median", 2.5, 2], ["p75", 2.5, 2], ["max", 4, 2],
 *   ["provider-median", 2.5, 2],
 * ]);
 * assert.equal(rows.length, 12);
 * ```
 */
export function trackerDailyRows(
  snapshots: readonly TrackerSnapshot[],
  tracker: TrackerFile,
): GpuRentalPriceRow[] {
  const rows: GpuRentalPriceRow[] = [];
  let start = 0;
  while (start < snapshots.length) {
    const day = snapshots[start]!.day;
    let end = start;
    while (end < snapshots.length && snapshots[end]!.day === day) end++;
    rows.push(...dayRows(snapshots.slice(start, end), tracker));
    start = end;
  }
  return rows;
}

function dayRows(day: readonly TrackerSnapshot[], tracker: TrackerFile): GpuRentalPriceRow[] {
  const n = day.length;
  const of = (name: typeof PRICE_STATS[number]) => day.map((s) => s.stats[name]);
  const values: [GpuRentalPriceRow["statistic"], number][] = [
    ["min", Math.min(...of("min"))],
    ["p25", medianOf(of("p25"))],
    ["median", medianOf(of("median"))],
    ["p75", medianOf(of("p75"))],
    ["max", Math.max(...of("max"))],
  ];
  const rows = values.map(([statistic, value]) =>
    row(tracker, day[0]!.day, statistic, "", value, n)
  );
  const byProvider = new Map<string, number[]>();
  for (const snapshot of day) {
    for (const [provider, avg] of snapshot.providerAvg) {
      const list = byProvider.get(provider) ?? [];
      list.push(avg);
      byProvider.set(provider, list);
    }
  }
  const providers = [...byProvider.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const provider of providers) {
    const avgs = byProvider.get(provider)!;
    rows.push(
      row(tracker, day[0]!.day, "provider-median", provider, medianOf(avgs), avgs.length),
    );
  }
  return rows;
}

function row(
  tracker: TrackerFile,
  date: string,
  statistic: GpuRentalPriceRow["statistic"],
  provider: string,
  value: number,
  observations: number,
): GpuRentalPriceRow {
  return {
    date,
    period: "day",
    date_precision: "day",
    period_as_stated: "",
    gpu: tracker.gpu,
    gpu_as_stated: trackerLabel(tracker),
    kind: "marketplace",
    price_type_as_stated: "",
    statistic,
    provider,
    provider_or_market_as_stated: "",
    value,
    unit: "USD per GPU-hour",
    observations,
    providers_voting: NaN,
    status: "",
    figure_as_stated: "",
    source: `${TRACKER_DIR}/${tracker.file}`,
    source_url:
      `https://github.com/tugot17/gpu-price-tracker/blob/${TRACKER_COMMIT}/data/summary/` +
      tracker.file,
    source_title: "tugot17/gpu-price-tracker: snapshots of Prime Intellect's compute-marketplace " +
      "API",
    source_date: "",
    notes: "",
  };
}
