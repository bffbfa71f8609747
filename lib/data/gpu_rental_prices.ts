/**
 * GPU prices, `data/gpu_rental_prices.csv`: one long table holding three different things —
 * daily marketplace statistics, a monthly on-demand list-price back-series and cited price
 * points — told apart by `kind`. Each kind has one unit ({@linkcode KIND_UNITS}), and the
 * loader only returns the kinds the caller names, so prices of different kinds (or units) are
 * never mixed by accident:
 *
 * ```ts ignore
 * const daily = await loadGpuRentalPrices({ kind: "marketplace" });
 * const rentals = await loadGpuRentalPrices({ kinds: ["on-demand", "spot", "contract"] });
 * ```
 *
 * The result has both row objects (for `filter`/`find` in notebooks) and typed columns (for
 * charts and `toDataFrame(prices.columns)`); the table is small (about 2,000 rows).
 *
 * @module
 */
import type { CsvText, Schema, SchemaRow } from "./csv.ts";
import { datasetLoader, rowsFromCsv } from "./csv_rows.ts";
import { checkDailyOrder, checkGpuRentalPriceRow } from "./_gpu_rental_prices_check.ts";
import {
  DATE_PRECISIONS,
  GPU_NAMES,
  GPU_PRICE_KINDS,
  GPU_PRICE_PERIODS,
  GPU_PRICE_UNITS,
  type GpuPriceKind,
  type GpuPriceSelection,
  type GpuPriceStatistic,
  KIND_PERIODS,
  KIND_UNITS,
  PERIOD_STATISTICS,
  selectedKinds,
} from "./gpu_price_kinds.ts";

/**
 * Columns of `data/gpu_rental_prices.csv`. `value` is in the row's `unit`. The vocabulary
 * columns list their values; the rules linking them (one unit and period per kind, statistics
 * per period) are checked after parsing.
 */
export const GPU_RENTAL_PRICES_SCHEMA = [
  { name: "date", type: "date", optional: true },
  { name: "period", type: "string", values: GPU_PRICE_PERIODS },
  { name: "date_precision", type: "string", optional: true, values: DATE_PRECISIONS },
  { name: "period_as_stated", type: "string", optional: true },
  { name: "gpu", type: "string", values: GPU_NAMES },
  { name: "gpu_as_stated", type: "string" },
  { name: "kind", type: "string", values: GPU_PRICE_KINDS },
  { name: "price_type_as_stated", type: "string", optional: true },
  { name: "statistic", type: "string" },
  { name: "provider", type: "string", optional: true },
  { name: "provider_or_market_as_stated", type: "string", optional: true },
  { name: "value", type: "number", optional: true },
  { name: "unit", type: "string", values: GPU_PRICE_UNITS },
  { name: "observations", type: "integer", optional: true, min: 1 },
  { name: "providers_voting", type: "integer", optional: true, min: 0 },
  { name: "status", type: "string", optional: true },
  { name: "figure_as_stated", type: "string", optional: true },
  { name: "source", type: "string" },
  { name: "source_url", type: "string" },
  { name: "source_title", type: "string" },
  { name: "source_date", type: "string", optional: true },
  { name: "notes", type: "string", optional: true },
] as const satisfies Schema;

/** The dataset's path relative to the project root. */
export const GPU_RENTAL_PRICES_PATH = "data/gpu_rental_prices.csv";

/**
 * One row. Blank numbers are `NaN`, blank text `""`.
 *
 * - `date`: `YYYY-MM-DD`: the UTC day (`period` `day`), the month's first day (`month`), or for
 *   a `point` the first day of the calendar month or year that contains the stated period, as
 *   `date_precision` says (`year` 2023-01-01 means "in 2023"); `""` when the stated period is
 *   not inside one calendar month or year ("before mid-2025", a move from one date to another).
 * - `period_as_stated`: the period in the source's words (points) or the month (`YYYY-MM`).
 * - `gpu`: canonical name ({@linkcode GPU_NAMES}); `gpu_as_stated`: the source's label.
 * - `kind`, `price_type_as_stated`: the kind and the source's wording it was derived from.
 * - `statistic`: how `value` summarises its inputs ({@linkcode PERIOD_STATISTICS}).
 * - `provider`: the provider a value is for; `""` when not per provider.
 *   `provider_or_market_as_stated`: a point's provider or market in the source's words.
 * - `value` in `unit`; `NaN` only for a withheld back-series month.
 * - `observations`: marketplace snapshots behind a daily value (per provider: snapshots listing
 *   that provider); `providers_voting`: providers behind a back-series month.
 * - `status`: back-series `published` or `withheld (<3 providers)`.
 * - `figure_as_stated`, `source*`, `notes`: the source's own figure, citation and caveats.
 */
export type GpuRentalPriceRow =
  & Omit<SchemaRow<typeof GPU_RENTAL_PRICES_SCHEMA>, "statistic">
  & { readonly statistic: GpuPriceStatistic };

/** Typed columns: numbers in `Float64Array`, everything else in string arrays. */
export type GpuRentalPriceColumns = {
  readonly [C in keyof GpuRentalPriceRow]: GpuRentalPriceRow[C] extends number ? Float64Array
    : readonly GpuRentalPriceRow[C][];
};

/** The rows of the selected kinds, which share one `unit`. */
export interface GpuRentalPrices<K extends GpuPriceKind> {
  /** The kinds selected. */
  readonly kinds: readonly K[];
  /** The unit of every `value`. */
  readonly unit: typeof KIND_UNITS[K];
  /** Number of rows. */
  readonly length: number;
  /** One object per row, in file order. */
  readonly rows: readonly (GpuRentalPriceRow & { readonly kind: K })[];
  /** The same rows as typed columns. */
  readonly columns: GpuRentalPriceColumns;
}

/** Options of {@linkcode gpuRentalPricesFromCsv}: the kinds to return, and a file name. */
export type GpuRentalPricesOptions<K extends GpuPriceKind> = GpuPriceSelection<K> & {
  /** Name used in error messages. Default `"data/gpu_rental_prices.csv"`. */
  readonly file?: string;
};

/**
 * Parses the text of `data/gpu_rental_prices.csv`, checks every row (vocabulary, one unit per
 * kind, dates matching their precision, no repeated day or month, daily `min ≤ p25 ≤ median ≤
 * p75 ≤ max`) and returns the rows of the selected kinds only.
 *
 * @example
 * ```ts
 * import { gpuRentalPricesFromCsv, GPU_RENTAL_PRICES_SCHEMA } from "./gpu_rental_prices.ts";
 * import assert from "node:assert/strict";
 *
 * const header = GPU_RENTAL_PRICES_SCHEMA.map((c) => c.name).join(",");
 * const csv = header + "\n" +
 *   ",point,,2023,H100,H100,peak,\"rental, peak\",point,,market,8,USD per GPU-hour,,,,$8,f,u,t,,\n" +
 *   ",point,,2024,B200,B200,purchase,purchase,point,,,50000,USD per GPU,,,,\"$50,000\",f,u,t,,\n";
 * const peak = gpuRentalPricesFromCsv(csv, { kind: "peak" });
 * assert.equal(peak.unit, "USD per GPU-hour");
 * assert.deepEqual(peak.rows.map((r) => r.value), [8]);
 * assert.equal(peak.columns.value[0], 8);
 * assert.throws(() => gpuRentalPricesFromCsv(csv, { kinds: ["peak", "purchase"] }), TypeError);
 * ```
 */
export function gpuRentalPricesFromCsv<K extends GpuPriceKind>(
  text: CsvText,
  options: GpuRentalPricesOptions<K>,
): GpuRentalPrices<K> {
  const kinds = selectedKinds(options) as readonly K[];
  const file = options.file ?? GPU_RENTAL_PRICES_PATH;
  const { rows: all, lines } = rowsFromCsv(text, GPU_RENTAL_PRICES_SCHEMA, {
    file,
    follows: [
      { column: "unit", by: "kind", values: KIND_UNITS },
      { column: "period", by: "kind", values: KIND_PERIODS },
      { column: "statistic", by: "period", values: PERIOD_STATISTICS },
      { column: "date_precision", by: "period", values: { day: "day", month: "month" } },
    ],
    check: checkGpuRentalPriceRow,
    unique: [{
      key: ["kind", "gpu", "date", "statistic", "provider"],
      column: "statistic",
      where: (row) => row.period !== "point",
    }],
  }) as { rows: GpuRentalPriceRow[]; lines: Int32Array };
  checkDailyOrder(file, all, lines);
  const wanted = new Set<GpuPriceKind>(kinds);
  const rows = all.filter((r) => wanted.has(r.kind)) as (GpuRentalPriceRow & { kind: K })[];
  return {
    kinds,
    unit: KIND_UNITS[kinds[0]!] as typeof KIND_UNITS[K],
    length: rows.length,
    rows,
    columns: toColumns(rows),
  };
}

function toColumns(rows: readonly GpuRentalPriceRow[]): GpuRentalPriceColumns {
  const out: Record<string, Float64Array | string[]> = {};
  for (const { name, type } of GPU_RENTAL_PRICES_SCHEMA) {
    out[name] = type === "number" || type === "integer"
      ? Float64Array.from(rows, (r) => r[name] as number)
      : rows.map((r) => r[name] as string);
  }
  return out as unknown as GpuRentalPriceColumns;
}

/** Options of {@linkcode loadGpuRentalPrices}: the kinds to return, and the file. */
export type LoadGpuRentalPricesOptions<K extends GpuPriceKind> = GpuPriceSelection<K> & {
  /** The CSV file. Default: `data/gpu_rental_prices.csv` of this project. */
  readonly path?: string | URL;
};

/**
 * Reads `data/gpu_rental_prices.csv` and returns the rows of the kinds named (a required
 * `kind`, or a `kinds` list sharing one unit; an unknown kind is a `TypeError` listing the
 * valid ones).
 *
 * @example
 * ```ts
 * import { loadGpuRentalPrices } from "./gpu_rental_prices.ts";
 * import assert from "node:assert/strict";
 *
 * const daily = await loadGpuRentalPrices({ kind: "marketplace" });
 * assert.equal(daily.unit, "USD per GPU-hour");
 * const median = daily.rows.find((r) =>
 *   r.gpu === "H100 SXM" && r.date === "2025-10-28" && r.statistic === "median"
 * );
 * assert.ok(median !== undefined && median.value > 1 && median.value < 4);
 * await assert.rejects(loadGpuRentalPrices({ kinds: ["marketplace", "purchase"] }), /mix units/);
 * ```
 */
export async function loadGpuRentalPrices<K extends GpuPriceKind>(
  options: LoadGpuRentalPricesOptions<K>,
): Promise<GpuRentalPrices<K>> {
  selectedKinds(options); // fail on a bad kind before reading the file
  const selection = options.kind !== undefined ? { kind: options.kind } : { kinds: options.kinds! };
  const parse = (text: CsvText, { file }: { file: string }) =>
    gpuRentalPricesFromCsv(text, { ...selection, file } as GpuRentalPricesOptions<K>);
  return await datasetLoader(GPU_RENTAL_PRICES_PATH, parse)(options.path);
}
