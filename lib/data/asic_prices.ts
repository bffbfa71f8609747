/**
 * ASIC purchase prices in USD per TH/s, `data/asic_prices.csv`: its schema (the single source of
 * the row type), a pure parser and a loader returning one object per price point. A handful of
 * cited points is read row by row, so rows suit it better than typed columns.
 *
 * @module
 */
import { CsvError, parseCsv, quote, type Schema } from "./csv.ts";
import { isPartialIsoDate } from "../units/calendar.ts";

/** Columns of `data/asic_prices.csv`; the price header names its unit. */
export const ASIC_PRICES_SCHEMA = [
  { name: "series", type: "string" },
  { name: "value_usd_per_th", type: "number", min: 0 },
  { name: "value_high_usd_per_th", type: "number", optional: true, min: 0 },
  { name: "period_as_stated", type: "string" },
  { name: "date", type: "string", optional: true },
  { name: "figure_as_stated", type: "string" },
  { name: "source_url", type: "string" },
  { name: "source_title", type: "string" },
  { name: "source_date", type: "string", optional: true },
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
export type AsicPrice = {
  readonly [C in typeof ASIC_PRICES_SCHEMA[number] as C["name"]]: C extends { type: "string" }
    ? string
    : number;
};

/**
 * Parses the text of `data/asic_prices.csv`, checking that prices are positive, a range's high
 * end is above its low end, `date` is `YYYY-MM` or `YYYY-MM-DD`, `source_date` a full or partial
 * ISO date, and that no series repeats a period.
 *
 * @example
 * ```ts
 * import { asicPricesFromCsv } from "./asic_prices.ts";
 * import assert from "node:assert/strict";
 *
 * const csv = "series,value_usd_per_th,value_high_usd_per_th,period_as_stated,date," +
 *   "figure_as_stated,source_url,source_title,source_date,notes\n" +
 *   "S21 preorder,14,,preorder Oct 2023,2023-10,$14/TH/s,https://x,X,2023-10-11,\n";
 * const [s21] = asicPricesFromCsv(csv);
 * assert.equal(s21!.value_usd_per_th, 14);
 * assert.ok(Number.isNaN(s21!.value_high_usd_per_th));
 * assert.throws(() => asicPricesFromCsv(csv.replace("2023-10,$", "Oct 2023,$")), /"date"/);
 * assert.throws(() => asicPricesFromCsv(csv.replace("14,,", "14,12,")), /"value_high_usd_per_th"/);
 * ```
 */
export function asicPricesFromCsv(
  text: string,
  options: { file?: string } = {},
): readonly AsicPrice[] {
  const file = options.file ?? ASIC_PRICES_PATH;
  const { columns, rowCount, lines } = parseCsv(text, ASIC_PRICES_SCHEMA, { file });
  const rows: AsicPrice[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < rowCount; i++) {
    const line = lines[i]!;
    const row: AsicPrice = {
      series: columns.series[i]!,
      value_usd_per_th: columns.value_usd_per_th[i]!,
      value_high_usd_per_th: columns.value_high_usd_per_th[i]!,
      period_as_stated: columns.period_as_stated[i]!,
      date: columns.date[i]!,
      figure_as_stated: columns.figure_as_stated[i]!,
      source_url: columns.source_url[i]!,
      source_title: columns.source_title[i]!,
      source_date: columns.source_date[i]!,
      notes: columns.notes[i]!,
    };
    if (row.value_usd_per_th === 0) {
      throw new CsvError(file, line, "value_usd_per_th", 'expected a positive price, found "0"');
    }
    if (row.value_high_usd_per_th <= row.value_usd_per_th) {
      throw new CsvError(
        file,
        line,
        "value_high_usd_per_th",
        `expected the high end of a range, above value_usd_per_th ${row.value_usd_per_th}, ` +
          `found ${quote(String(row.value_high_usd_per_th))}`,
      );
    }
    if (row.date !== "" && (!isPartialIsoDate(row.date) || row.date.length === 4)) {
      throw new CsvError(
        file,
        line,
        "date",
        `expected YYYY-MM or YYYY-MM-DD, found ${quote(row.date)}`,
      );
    }
    if (row.source_date !== "" && !isPartialIsoDate(row.source_date)) {
      throw new CsvError(
        file,
        line,
        "source_date",
        `expected YYYY, YYYY-MM or YYYY-MM-DD, found ${quote(row.source_date)}`,
      );
    }
    const key = `${row.series}\u0000${row.period_as_stated}`;
    const first = seen.get(key);
    if (first !== undefined) {
      throw new CsvError(
        file,
        line,
        "period_as_stated",
        `${quote(row.period_as_stated)} repeats line ${first} for series ${quote(row.series)}`,
      );
    }
    seen.set(key, line);
    rows.push(row);
  }
  return rows;
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
export async function loadAsicPrices(
  path: string | URL = new URL(`../../${ASIC_PRICES_PATH}`, import.meta.url),
): Promise<readonly AsicPrice[]> {
  const text = await Deno.readTextFile(path);
  return asicPricesFromCsv(text, { file: path instanceof URL ? path.pathname : path });
}
