/**
 * Reading the cited GPU price points, `facts/gpu_rental_price_points.csv`: rental (on-demand,
 * spot, 1-year contract, peak, initial, floor), purchase and percentage-change figures, each
 * with its source. Every label is translated by an explicit table below — the source's wording
 * → kind, unit, canonical GPU, provider and date — and a label not in a table is an error
 * (extend the table; never guess).
 *
 * @module
 */
import { CsvError, parseCsv, quote, type Schema } from "../data/csv.ts";
import {
  type DatePrecision,
  type GpuName,
  type GpuPriceKind,
  type GpuPriceStatistic,
  type GpuPriceUnit,
  KIND_UNITS,
} from "../data/gpu_price_kinds.ts";
import type { GpuRentalPriceRow } from "../data/gpu_rental_prices.ts";

/** Path of the price points inside the source folder. */
export const PRICE_POINTS_PATH = "facts/gpu_rental_price_points.csv";

/** `price_type` as stated → kind. */
export const PRICE_TYPE_KINDS: Readonly<Record<string, GpuPriceKind>> = {
  "rental, on-demand": "on-demand",
  "rental, on-demand (before June 2025 cut)": "on-demand",
  "rental, spot": "spot",
  "rental, 1-year contract": "contract",
  "rental": "rental",
  "rental, current": "rental",
  "rental, peak": "peak",
  "rental, initial": "initial",
  "rental, floor": "floor",
  "purchase": "purchase",
  "rental, change": "change",
  "rental, price change": "change",
};

/**
 * `unit` as stated → unit, and the statistic a qualifier in it implies (`point` otherwise).
 * "USD per unit" is the Blackwell row's "$30,000 and $40,000 per unit", a unit being one GPU.
 */
export const POINT_UNITS: Readonly<
  Record<string, { readonly unit: GpuPriceUnit; readonly statistic?: GpuPriceStatistic }>
> = {
  "USD/GPU-hour": { unit: "USD per GPU-hour" },
  "USD/GPU-hour (upper bound)": { unit: "USD per GPU-hour", statistic: "upper-bound" },
  "USD per GPU": { unit: "USD per GPU" },
  "USD per unit": { unit: "USD per GPU" },
  "percent YTD": { unit: "percent" },
  "percent (up to)": { unit: "percent", statistic: "up-to" },
};

/** `gpu` as stated → canonical GPU. A bare "H100" keeps its form factor unstated. */
export const POINT_GPUS: Readonly<Record<string, GpuName>> = {
  "H100": "H100",
  "H100 (80GB)": "H100",
  "H200": "H200",
  "B200": "B200",
  "Blackwell (B200)": "B200",
};

/**
 * `period_as_stated` → the calendar month or year that contains it (`date` is its first day),
 * or `undefined` when the period is not inside one month or year.
 */
export const POINT_PERIODS: Readonly<
  Record<string, { readonly date: string; readonly precision: DatePrecision } | undefined>
> = {
  "last year (i.e. 2023)": { date: "2023-01-01", precision: "year" },
  "2023 (launch period)": { date: "2023-01-01", precision: "year" },
  "as of article (Oct 2024)": { date: "2024-10-01", precision: "month" },
  "Oct 2024": { date: "2024-10-01", precision: "month" },
  "late 2024 release": { date: "2024-01-01", precision: "year" },
  "early 2025": { date: "2025-01-01", precision: "year" },
  "'last month' relative to undated article (2025)": { date: "2025-01-01", precision: "year" },
  "year to date (2025)": { date: "2025-01-01", precision: "year" },
  "June 2025": { date: "2025-06-01", precision: "month" },
  "before mid-2025": undefined,
  "March 2026": { date: "2026-03-01", precision: "month" },
  "late June 2026": { date: "2026-06-01", precision: "month" },
  "trough (Oct 2025 per other summaries) to June 2026": undefined,
};

/**
 * `provider_or_market` as stated → the provider a figure is for, or `""` when it describes a
 * market, an average, an index or a data source rather than one provider.
 */
export const POINT_PROVIDERS: Readonly<Record<string, string>> = {
  "": "",
  "market (unspecified)": "",
  "market floor": "",
  "average across providers (RBC Capital Markets data)": "",
  "spot price index (unspecified)": "",
  "SemiAnalysis neocloud survey (proprietary)": "",
  "SemiAnalysis (as cited)": "",
  "NVIDIA (CNBC interview context)": "",
  "AWS": "AWS",
  "AWS EC2 P5": "AWS",
  "GCP": "GCP",
  "GCP A3-High": "GCP",
  "Azure NC H100 v5 (East US)": "Azure",
  "Lambda Labs": "Lambda",
  "CoreWeave": "CoreWeave",
  "RunPod (community)": "RunPod",
  "Vast.ai (marketplace)": "Vast.ai",
  "Cudo Compute": "Cudo Compute",
};

/**
 * Columns of the price-points file. Each label column admits only the wordings of its table
 * above; a new wording is an error listing them (add it, with its meaning, to the table).
 */
export const PRICE_POINTS_SCHEMA = [
  { name: "gpu", type: "string", values: Object.keys(POINT_GPUS) },
  { name: "price_type", type: "string", values: Object.keys(PRICE_TYPE_KINDS) },
  { name: "figure_as_stated", type: "string" },
  { name: "value", type: "string" },
  { name: "unit", type: "string", values: Object.keys(POINT_UNITS) },
  { name: "period_as_stated", type: "string", values: Object.keys(POINT_PERIODS) },
  {
    name: "provider_or_market",
    type: "string",
    optional: true,
    values: Object.keys(POINT_PROVIDERS),
  },
  { name: "source_url", type: "string" },
  { name: "source_title", type: "string" },
  { name: "source_date", type: "string", optional: true },
  { name: "notes", type: "string", optional: true },
] as const satisfies Schema;

const NUMBER = String.raw`\d+(?:\.\d+)?`;

/** The value cell as one or two (statistic, value) pairs. */
function values(
  file: string,
  line: number,
  text: string,
  qualifier: GpuPriceStatistic | undefined,
): [GpuPriceStatistic, number][] {
  const single = new RegExp(`^[+-]?${NUMBER}$`).exec(text);
  if (single !== null) return [[qualifier ?? "point", Number(text)]];
  const range = new RegExp(`^(${NUMBER})-(${NUMBER})$`).exec(text);
  const move = new RegExp(`^(${NUMBER}) -> (${NUMBER})$`).exec(text);
  const pair = range ?? move;
  if (pair !== null && qualifier === undefined) {
    const [low, high] = [Number(pair[1]), Number(pair[2])];
    if (range !== null && !(low < high)) {
      throw new CsvError(
        file,
        line,
        "value",
        `expected a range low-high with low < high, found ${quote(text)}`,
      );
    }
    return range !== null
      ? [["range-low", low], ["range-high", high]]
      : [["from", low], ["to", high]];
  }
  throw new CsvError(
    file,
    line,
    "value",
    `expected a number, a range "a-b" or a move "a -> b"${
      qualifier === undefined ? "" : ` (a single number with this unit's ${qualifier})`
    }, found ${quote(text)}`,
  );
}

/**
 * Dataset rows for the price points, in file order (a range or a move gives two rows).
 *
 * @example
 * ```ts
 * import { pricePointRows } from "./gpu_price_points.ts";
 * import assert from "node:assert/strict";
 *
 * const header = "gpu,price_type,figure_as_stated,value,unit,period_as_stated," +
 *   "provider_or_market,source_url,source_title,source_date,notes\n";
 * const csv = header + 'H100,"rental, peak",$8 per hour,8,USD/GPU-hour,last year (i.e. 2023),' +
 *   "market (unspecified),https://x,T,2024-10-22,\n";
 * const [peak] = pricePointRows(csv, { file: "p.csv" });
 * assert.deepEqual([peak!.kind, peak!.value, peak!.date, peak!.date_precision], [
 *   "peak", 8, "2023-01-01", "year",
 * ]);
 * assert.throws(
 *   () => pricePointRows(csv.replace("USD/GPU-hour", "EUR/h"), { file: "p.csv" }),
 *   /^CsvError: p\.csv:2: column "unit": expected one of "USD\/GPU-hour", .* found "EUR\/h"/,
 * );
 * ```
 */
export function pricePointRows(
  text: string,
  options: { readonly file: string },
): GpuRentalPriceRow[] {
  const { file } = options;
  const { columns: c, rowCount, lines } = parseCsv(text, PRICE_POINTS_SCHEMA, { file });
  const rows: GpuRentalPriceRow[] = [];
  for (let i = 0; i < rowCount; i++) {
    const line = lines[i]!;
    // The schema admits only the tables' wordings.
    const gpu = POINT_GPUS[c.gpu[i]!]!;
    const kind = PRICE_TYPE_KINDS[c.price_type[i]!]!;
    const unit = POINT_UNITS[c.unit[i]!]!;
    if (unit.unit !== KIND_UNITS[kind]) {
      throw new CsvError(
        file,
        line,
        "unit",
        `expected a unit in ${KIND_UNITS[kind]} for price_type ${quote(c.price_type[i]!)} ` +
          `(kind "${kind}"), found ${quote(c.unit[i]!)}`,
      );
    }
    const period = POINT_PERIODS[c.period_as_stated[i]!];
    const provider = POINT_PROVIDERS[c.provider_or_market[i]!]!;
    for (const [statistic, value] of values(file, line, c.value[i]!, unit.statistic)) {
      if (unit.unit !== "percent" && value < 0) {
        throw new CsvError(
          file,
          line,
          "value",
          `expected a price ≥ 0, found ${quote(c.value[i]!)}`,
        );
      }
      rows.push({
        date: period?.date ?? "",
        period: "point",
        date_precision: period?.precision ?? "",
        period_as_stated: c.period_as_stated[i]!,
        gpu,
        gpu_as_stated: c.gpu[i]!,
        kind,
        price_type_as_stated: c.price_type[i]!,
        statistic,
        provider,
        provider_or_market_as_stated: c.provider_or_market[i]!,
        value,
        unit: unit.unit,
        observations: NaN,
        providers_voting: NaN,
        status: "",
        figure_as_stated: c.figure_as_stated[i]!,
        source: PRICE_POINTS_PATH,
        source_url: c.source_url[i]!,
        source_title: c.source_title[i]!,
        source_date: c.source_date[i]!,
        notes: c.notes[i]!,
      });
    }
  }
  return rows;
}
