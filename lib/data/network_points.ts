/**
 * Dated, cited points on the Bitcoin network and its market, `data/network_points.csv`: fleet
 * efficiency, network power, hashprice, difficulty and hashrate as a survey, an index or an
 * analyst stated them on a date. They are cross-checks and replacements for stale constants,
 * not a series. The schema is the single source of the row type; each metric has one unit
 * ({@linkcode NETWORK_METRIC_UNITS}), so a point's `unit` follows from its `metric`.
 *
 * @module
 */
import { CsvError, parseCsv, quote, type Schema } from "./csv.ts";
import { isPartialIsoDate } from "../units/calendar.ts";

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

/**
 * What a value summarises: `point` (the value at one time within `date`, such as a day's
 * hashprice or the difficulty after an adjustment), `monthly average` (over the month in
 * `date`), `estimate` (a survey's or model's estimate for the period in `date`).
 */
export const NETWORK_STATISTICS = ["point", "monthly average", "estimate"] as const;
/** One of {@linkcode NETWORK_STATISTICS}. */
export type NetworkStatistic = typeof NETWORK_STATISTICS[number];

/** Every metric's unit. */
const NETWORK_UNITS: readonly NetworkUnit[] = Object.values(NETWORK_METRIC_UNITS);

/** Columns of `data/network_points.csv`; `value` is in `unit`, the metric's one unit. */
export const NETWORK_POINTS_SCHEMA = [
  { name: "metric", type: "string", values: NETWORK_METRICS },
  { name: "date", type: "string" },
  { name: "statistic", type: "string", values: NETWORK_STATISTICS },
  { name: "value", type: "number", min: 0 },
  { name: "unit", type: "string", values: NETWORK_UNITS },
  { name: "subject", type: "string" },
  { name: "date_as_stated", type: "string" },
  { name: "figure_as_stated", type: "string" },
  { name: "source_url", type: "string" },
  { name: "source_title", type: "string" },
  { name: "source_date", type: "string", optional: true },
  { name: "notes", type: "string", optional: true },
] as const satisfies Schema;

/** The dataset's path relative to the project root. */
export const NETWORK_POINTS_PATH = "data/network_points.csv";

/** The fields every network point has, whatever its metric. */
export type NetworkPointFields = {
  /** The day, month or year the value describes: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  readonly date: string;
  /** How the value summarises the period: {@linkcode NetworkStatistic}. */
  readonly statistic: NetworkStatistic;
  /** The value, in `unit` (always > 0). */
  readonly value: number;
  /** Who or what the figure is about, and whose it is. */
  readonly subject: string;
  /** The words in the source that give `date`. */
  readonly date_as_stated: string;
  /** The source's sentence with the figure. */
  readonly figure_as_stated: string;
  /** The page the figure is read from; cite it. */
  readonly source_url: string;
  /** The page's title. */
  readonly source_title: string;
  /** When the page was published: `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or `""`. */
  readonly source_date: string;
  /** The facts table's wording of the metric and unit, then its notes. */
  readonly notes: string;
};

/** One cited point; its `unit` is its metric's ({@linkcode NETWORK_METRIC_UNITS}). */
export type NetworkPoint = {
  [M in NetworkMetric]: NetworkPointFields & { readonly metric: M; readonly unit: NetworkUnit<M> };
}[NetworkMetric];

/**
 * Parses the text of `data/network_points.csv`, checking the vocabularies, that `unit` is the
 * metric's unit, values are positive, `date` is a full or partial ISO date (and `source_date`
 * one or blank), that no metric repeats a date and statistic from the same source, and that
 * rows are in metric order, then by date.
 *
 * @example
 * ```ts
 * import { networkPointsFromCsv } from "./network_points.ts";
 * import assert from "node:assert/strict";
 *
 * const csv = "metric,date,statistic,value,unit,subject,date_as_stated,figure_as_stated," +
 *   "source_url,source_title,source_date,notes\n" +
 *   "hashprice,2025-11-22,point,35.06,USD per PH/s per day,Luxor,on November 22," +
 *   "$35.06 on November 22,https://x,X,,\n";
 * const [low] = networkPointsFromCsv(csv);
 * assert.equal(low!.value, 35.06);
 * assert.throws(() => networkPointsFromCsv(csv.replace(",point,", ",spot,")), /"statistic"/);
 * assert.throws(() => networkPointsFromCsv(csv.replace(",USD per PH/s per day,", ",EH/s,")), /unit/);
 * ```
 */
export function networkPointsFromCsv(
  text: string,
  options: { file?: string } = {},
): readonly NetworkPoint[] {
  const file = options.file ?? NETWORK_POINTS_PATH;
  const { columns, rowCount, lines } = parseCsv(text, NETWORK_POINTS_SCHEMA, { file });
  const points: NetworkPoint[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < rowCount; i++) {
    const line = lines[i]!;
    const metric = columns.metric[i]! as NetworkMetric;
    const unit = columns.unit[i]!;
    const date = columns.date[i]!;
    const value = columns.value[i]!;
    const statistic = columns.statistic[i]!;
    if (unit !== NETWORK_METRIC_UNITS[metric]) {
      throw new CsvError(
        file,
        line,
        "unit",
        `expected ${quote(NETWORK_METRIC_UNITS[metric])} for metric ${quote(metric)}, found ` +
          quote(unit),
      );
    }
    if (value === 0) {
      throw new CsvError(file, line, "value", 'expected a positive number, found "0"');
    }
    if (!isPartialIsoDate(date)) {
      throw new CsvError(
        file,
        line,
        "date",
        `expected YYYY, YYYY-MM or YYYY-MM-DD, found ${quote(date)}`,
      );
    }
    const sourceDate = columns.source_date[i]!;
    if (sourceDate !== "" && !isPartialIsoDate(sourceDate)) {
      throw new CsvError(
        file,
        line,
        "source_date",
        `expected YYYY, YYYY-MM or YYYY-MM-DD, found ${quote(sourceDate)}`,
      );
    }
    const sourceUrl = columns.source_url[i]!;
    const key = [metric, date, statistic, sourceUrl].join("\u0000");
    const first = seen.get(key);
    if (first !== undefined) {
      throw new CsvError(
        file,
        line,
        "date",
        `${quote(metric)} on ${date} (${statistic}) repeats line ${first} from the same source`,
      );
    }
    seen.set(key, line);
    const previous = points.at(-1);
    if (previous !== undefined && compareNetworkPoints(previous, { metric, date }) > 0) {
      throw new CsvError(
        file,
        line,
        "date",
        `rows must be in metric order (${NETWORK_METRICS.join(", ")}), then by date: ` +
          `${quote(metric)} ${date} follows ${quote(previous.metric)} ${previous.date}`,
      );
    }
    points.push({
      metric,
      date,
      statistic,
      value,
      unit,
      subject: columns.subject[i]!,
      date_as_stated: columns.date_as_stated[i]!,
      figure_as_stated: columns.figure_as_stated[i]!,
      source_url: sourceUrl,
      source_title: columns.source_title[i]!,
      source_date: sourceDate,
      notes: columns.notes[i]!,
    } as NetworkPoint);
  }
  return points;
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
export function compareNetworkPoints(
  a: { readonly metric: NetworkMetric; readonly date: string },
  b: { readonly metric: NetworkMetric; readonly date: string },
): number {
  const byMetric = NETWORK_METRICS.indexOf(a.metric) - NETWORK_METRICS.indexOf(b.metric);
  if (byMetric !== 0) return byMetric;
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

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
export async function loadNetworkPoints(
  path: string | URL = new URL(`../../${NETWORK_POINTS_PATH}`, import.meta.url),
): Promise<readonly NetworkPoint[]> {
  const text = await Deno.readTextFile(path);
  return networkPointsFromCsv(text, { file: path instanceof URL ? path.pathname : path });
}
