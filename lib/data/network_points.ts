/**
 * Dated, cited points on the Bitcoin network and its market, `data/network_points.csv`: fleet
 * efficiency, network power, hashprice, difficulty and hashrate as a survey, an index or an
 * analyst stated them on a date. They are cross-checks and replacements for stale constants,
 * not a series. Each metric has one unit ({@linkcode NETWORK_METRIC_UNITS}), so a point's `unit`
 * follows from its `metric`.
 *
 * @module
 */
import type { CsvText, Schema, SchemaRow } from "./csv.ts";
import {
  compareRows,
  type DatasetLoader,
  datasetLoader,
  type RowOrder,
  rowsFromCsv,
} from "./csv_rows.ts";

/**
 * Each metric and its one unit. Difficulty is in trillions (multiply by 1e12 for the protocol's
 * number, as in `btc_daily.csv`); hashrate in EH/s (× 1e6 for TH/s).
 */
export const NETWORK_METRIC_UNITS = {
  "fleet efficiency": "J/TH",
  "network power": "GW",
  "hashprice": "USD per PH/s per day",
  "difficulty": "trillion",
  "hashrate": "EH/s",
} as const;

/** The metrics, in the order the dataset lists them. */
export const NETWORK_METRICS = Object.keys(NETWORK_METRIC_UNITS) as readonly NetworkMetric[];
/** One of the keys of {@linkcode NETWORK_METRIC_UNITS}. */
export type NetworkMetric = keyof typeof NETWORK_METRIC_UNITS;
/** The unit of metric `M`. */
export type NetworkUnit<M extends NetworkMetric = NetworkMetric> = typeof NETWORK_METRIC_UNITS[M];
const NETWORK_UNITS: readonly NetworkUnit[] = Object.values(NETWORK_METRIC_UNITS);

/**
 * What a value summarises: `point` (the value at one time within `date`, such as a day's
 * hashprice or the difficulty after an adjustment), `monthly average` (over the month in
 * `date`), `estimate` (a survey's or model's estimate for the period in `date`).
 */
export const NETWORK_STATISTICS = ["point", "monthly average", "estimate"] as const;
/** One of {@linkcode NETWORK_STATISTICS}. */
export type NetworkStatistic = typeof NETWORK_STATISTICS[number];

/** Columns of `data/network_points.csv`; `value` is in `unit`, the metric's one unit. */
export const NETWORK_POINTS_SCHEMA = [
  { name: "metric", type: "string", values: NETWORK_METRICS },
  { name: "date", type: "date", dates: ["YYYY", "YYYY-MM", "YYYY-MM-DD"] },
  { name: "statistic", type: "string", values: NETWORK_STATISTICS },
  { name: "value", type: "number", positive: true },
  { name: "unit", type: "string", values: NETWORK_UNITS },
  { name: "subject", type: "string" },
  { name: "date_as_stated", type: "string" },
  { name: "figure_as_stated", type: "string" },
  { name: "source_url", type: "string", url: true },
  { name: "source_title", type: "string" },
  { name: "source_date", type: "date", optional: true, dates: ["YYYY", "YYYY-MM", "YYYY-MM-DD"] },
  { name: "notes", type: "string", optional: true },
] as const satisfies Schema;

/** The dataset's path relative to the project root. */
export const NETWORK_POINTS_PATH = "data/network_points.csv";

/**
 * One cited point, keyed by the header names of {@linkcode NETWORK_POINTS_SCHEMA}; its `unit` is
 * its metric's ({@linkcode NETWORK_METRIC_UNITS}).
 *
 * - `date`: the day, month or year the value describes (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`), in
 *   the source's words `date_as_stated`; `statistic`: how the value summarises it.
 * - `value` in `unit`, always > 0; `subject`: who or what the figure is about, and whose it is.
 * - `figure_as_stated`: the source's sentence; `source_url` (cite it), `source_title`,
 *   `source_date` (`YYYY-MM-DD`, `YYYY-MM`, `YYYY` or `""`); `notes`: the facts table's wording
 *   of the metric and unit, then its notes.
 */
export type NetworkPoint = {
  [M in NetworkMetric]:
    & Omit<SchemaRow<typeof NETWORK_POINTS_SCHEMA>, "metric" | "unit">
    & { readonly metric: M; readonly unit: NetworkUnit<M> };
}[NetworkMetric];

/**
 * Parses the text of `data/network_points.csv`, checking the vocabularies, that `unit` is the
 * metric's unit, values are positive, `date` is a full or partial ISO date (and `source_date`
 * one or blank), that no metric repeats a date and statistic from the same source, and that
 * rows are in metric order, then by date.
 *
 * @example
 * ```ts
 * import { NETWORK_POINTS_SCHEMA, networkPointsFromCsv } from "./network_points.ts";
 * import assert from "node:assert/strict";
 *
 * const csv = NETWORK_POINTS_SCHEMA.map((c) => c.name).join(",") + "\n" +
 *   "hashprice,2025-11-22,point,35.06,USD per PH/s per day,Luxor,on November 22," +
 *   "$35.06 on November 22,https://x,X,,\n";
 * const [low] = networkPointsFromCsv(csv);
 * assert.equal(low!.value, 35.06);
 * assert.throws(() => networkPointsFromCsv(csv.replace(",point,", ",spot,")), /"statistic"/);
 * assert.throws(() => networkPointsFromCsv(csv.replace(",USD per PH/s per day,", ",EH/s,")), /unit/);
 * ```
 */
export function networkPointsFromCsv(
  text: CsvText,
  options: { file?: string } = {},
): readonly NetworkPoint[] {
  return rowsFromCsv(text, NETWORK_POINTS_SCHEMA, {
    file: options.file ?? NETWORK_POINTS_PATH,
    follows: [{ column: "unit", by: "metric", values: NETWORK_METRIC_UNITS }],
    unique: [{ key: ["metric", "date", "statistic", "source_url"], column: "date" }],
    sortedBy: ["metric", "date"],
  }).rows as NetworkPoint[];
}

/**
 * Orders points by metric ({@linkcode NETWORK_METRICS} order), then by date (a month before its
 * days, a year before its months).
 *
 * @example
 * ```ts
 * import { compareNetworkPoints } from "./network_points.ts";
 * import assert from "node:assert/strict";
 *
 * const points = [
 *   { metric: "hashprice", date: "2025-11-22" },
 *   { metric: "fleet efficiency", date: "2024" },
 *   { metric: "hashprice", date: "2024-07-04" },
 * ] as const;
 * assert.deepEqual(points.toSorted(compareNetworkPoints).map((p) => p.date), [
 *   "2024",
 *   "2024-07-04",
 *   "2025-11-22",
 * ]);
 * ```
 */
export const compareNetworkPoints: RowOrder<NetworkPoint, "metric" | "date"> = compareRows(
  NETWORK_POINTS_SCHEMA,
  ["metric", "date"],
);

/**
 * Reads `data/network_points.csv` (or another path) into one object per point.
 *
 * @example The CCAF survey's fleet efficiency and Luxor's hashprice low
 * ```ts
 * import { loadNetworkPoints } from "./network_points.ts";
 * import assert from "node:assert/strict";
 *
 * const points = await loadNetworkPoints();
 * const efficiency = points.find((p) => p.metric === "fleet efficiency");
 * assert.equal(efficiency?.value, 28.2);
 * assert.equal(efficiency?.unit, "J/TH");
 * const low = points.find((p) => p.metric === "hashprice" && p.date === "2025-11-22");
 * assert.equal(low?.value, 35.06);
 * ```
 */
export const loadNetworkPoints: DatasetLoader<readonly NetworkPoint[]> = datasetLoader(
  NETWORK_POINTS_PATH,
  networkPointsFromCsv,
);
