/**
 * ASIC purchase prices in USD per TH/s, `data/asic_prices.csv`: a handful of cited points, read
 * row by row, so one object per point suits them better than typed columns.
 *
 * @module
 */
import { type CsvText, quote, type Schema, type SchemaRow } from "./csv.ts";
import { type DatasetLoader, datasetLoader, rowsFromCsv } from "./csv_rows.ts";

/** Columns of `data/asic_prices.csv`; the price header names its unit. */
export const ASIC_PRICES_SCHEMA = [
  { name: "series", type: "string" },
  { name: "value_usd_per_th", type: "number", positive: true },
  { name: "value_high_usd_per_th", type: "number", optional: true, min: 0 },
  { name: "period_as_stated", type: "string" },
  { name: "date", type: "date", optional: true, dates: ["YYYY-MM", "YYYY-MM-DD"] },
  { name: "figure_as_stated", type: "string" },
  { name: "source_url", type: "string", url: true },
  { name: "source_title", type: "string" },
  { name: "source_date", type: "date", optional: true, dates: ["YYYY", "YYYY-MM", "YYYY-MM-DD"] },
  { name: "notes", type: "string", optional: true },
] as const satisfies Schema;

/** The dataset's path relative to the project root. */
export const ASIC_PRICES_PATH = "data/asic_prices.csv";

/**
 * One price point, keyed by the header names of {@linkcode ASIC_PRICES_SCHEMA}; blank text is
 * `""`.
 *
 * - `series`: what was priced (a model's order, or a Hashrate Index efficiency band).
 * - `value_usd_per_th`: USD per TH/s of hashrate bought (always > 0); for a range the source
 *   states ("around $7–$8/TH"), its low end.
 * - `value_high_usd_per_th`: the high end of a stated range; `NaN` for a single figure.
 * - `period_as_stated`: the period in the source's words.
 * - `date`: `YYYY-MM`, or `YYYY-MM-DD` when the source gives the day; `""` when the period names
 *   no unambiguous month and year.
 * - `figure_as_stated`: the source's sentence; `source_url`, `source_title`, `source_date`
 *   (`YYYY-MM-DD`, `YYYY-MM` or `""`); `notes`.
 */
export type AsicPrice = SchemaRow<typeof ASIC_PRICES_SCHEMA>;

/**
 * Parses the text of `data/asic_prices.csv`, checking that prices are positive, a range's high
 * end is above its low end, `date` is `YYYY-MM` or `YYYY-MM-DD`, `source_date` a full or partial
 * ISO date, and that no series repeats a period.
 *
 * @example
 * ```ts
 * import { ASIC_PRICES_SCHEMA, asicPricesFromCsv } from "./asic_prices.ts";
 * import assert from "node:assert/strict";
 *
 * const csv = ASIC_PRICES_SCHEMA.map((c) => c.name).join(",") + "\n" +
 *   "S21 preorder,14,,preorder Oct 2023,2023-10,$14/TH/s,https://x,X,2023-10-11,\n";
 * const [s21] = asicPricesFromCsv(csv);
 * assert.equal(s21!.value_usd_per_th, 14);
 * assert.ok(Number.isNaN(s21!.value_high_usd_per_th));
 * assert.throws(() => asicPricesFromCsv(csv.replace("2023-10,$", "Oct 2023,$")), /"date"/);
 * assert.throws(() => asicPricesFromCsv(csv.replace("14,,", "14,12,")), /"value_high_usd_per_th"/);
 * ```
 */
export function asicPricesFromCsv(
  text: CsvText,
  options: { file?: string } = {},
): readonly AsicPrice[] {
  return rowsFromCsv(text, ASIC_PRICES_SCHEMA, {
    file: options.file ?? ASIC_PRICES_PATH,
    check: (row, fail) => {
      if (row.value_high_usd_per_th <= row.value_usd_per_th) {
        throw fail(
          "value_high_usd_per_th",
          `expected the high end of a range, above value_usd_per_th ${row.value_usd_per_th}, ` +
            `found ${quote(String(row.value_high_usd_per_th))}`,
        );
      }
    },
    unique: [{ key: ["series", "period_as_stated"], column: "period_as_stated" }],
  }).rows;
}

/**
 * Reads `data/asic_prices.csv` (or another path) into one object per price point.
 *
 * @example
 * ```ts
 * import { loadAsicPrices } from "./asic_prices.ts";
 * import assert from "node:assert/strict";
 *
 * const prices = await loadAsicPrices();
 * const band = prices.filter((p) => p.series.includes("<=25 J/TH"));
 * const points = band.map((p) => [p.date, p.value_usd_per_th]);
 * assert.deepEqual(points, [["2023-07", 20], ["2022-07", 60]]);
 * // Bitmain's December 2025 price list, newer S21 immersion or hydro models: "around $7–$8/TH".
 * const s21Hydro = prices.find((p) => p.series.includes("newer S21 immersion/hydro"));
 * assert.deepEqual([s21Hydro?.value_usd_per_th, s21Hydro?.value_high_usd_per_th], [7, 8]);
 * ```
 */
export const loadAsicPrices: DatasetLoader<readonly AsicPrice[]> = datasetLoader(
  ASIC_PRICES_PATH,
  asicPricesFromCsv,
);
