/**
 * Building `data/asic_prices.csv` from the cited price points in `facts/asic_price_points.csv`:
 * every row's unit must be USD per TH(/s), its value (a figure, or a range `low-high`) must
 * appear in the quoted figure, and its date is read from the stated period only where that is
 * unambiguous. Rows without a stated price (a blank value, or one the compiler derived by
 * arithmetic) are left out with the reason.
 *
 * @module
 */
import { CsvError, numberCell, parseCsv, quote, type Schema } from "../data/csv.ts";
import { isIsoDate } from "../units/calendar.ts";
import { formatCsv } from "./csv_format.ts";
import {
  type BuiltDataset,
  type DatasetBuildOptions,
  DEFAULT_SOURCE_DIR,
  type RawInput,
  readRawInput,
} from "./dataset_build.ts";
import { ASIC_PRICES_SCHEMA, type AsicPrice, asicPricesFromCsv } from "../data/asic_prices.ts";
import {
  ASIC_PRICE_POINTS_INPUT,
  asicPricesSources,
  type DroppedPrice,
} from "./asic_prices_sources.ts";

export { ASIC_PRICE_POINTS_INPUT };

/** Units accepted as USD per TH/s: ASIC prices per "TH" mean per TH/s of hashrate. */
export const USD_PER_TH_UNITS = ["USD per TH/s", "USD per TH"] as const;
/** The unit the facts file gives a value it derived by arithmetic: such rows are left out. */
export const DERIVED_UNIT = "USD per TH (derived)";

/** Columns of `facts/asic_price_points.csv`, exactly; `value` is read by {@linkcode statedValue}. */
const PRICE_POINTS_SCHEMA = [
  { name: "series", type: "string" },
  { name: "figure_as_stated", type: "string" },
  { name: "value", type: "string", optional: true },
  { name: "unit", type: "string", values: [...USD_PER_TH_UNITS, DERIVED_UNIT] },
  { name: "period_as_stated", type: "string" },
  { name: "source_url", type: "string" },
  { name: "source_title", type: "string" },
  { name: "source_date", type: "string", optional: true },
  { name: "notes", type: "string", optional: true },
] as const satisfies Schema;

const MONTH_NAMES = "jan feb mar apr may jun jul aug sep oct nov dec".split(" ");
/**
 * A month name (or its abbreviation), an optional day, and a four-digit year, which may be in
 * square brackets: the compiler's reading of the page's date, as in "Dec. 23 [2025]".
 */
const MONTH_YEAR =
  /\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?\s+(?:(\d{1,2}),?\s+)?\[?(\d{4})\b\]?/gi;

/**
 * The ISO date a stated period gives, or `""`. Only the period's leading clause, before any
 * `;` or `(`, is read (the rest is commentary such as "shipments from January 2024" or "vs $60/TH
 * July 2022"). It must be an ISO date, or name exactly one month with its year: `"Jul 2022"` →
 * `2022-07`; a day only when given, `"May 7, 2021"` → `2021-05-07`; a year in square brackets
 * counts (`"Dec. 23 [2025]"` → `2025-12-23`). A day without a year (`"Dec. 25"`) or two months
 * give `""`.
 *
 * @example
 * ```ts
 * import { dateFromPeriod } from "./asic_prices_build.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(dateFromPeriod("preorder Oct 2023; shipments from January 2024"), "2023-10");
 * assert.equal(dateFromPeriod("July 2023 (vs $60/TH July 2022)"), "2023-07");
 * assert.equal(dateFromPeriod("2021-05-07"), "2021-05-07");
 * assert.equal(dateFromPeriod("Dec. 25 (year not stated)"), "");
 * assert.equal(dateFromPeriod("Bitmain price cut on Dec. 23 [2025] promo"), "2025-12-23");
 * ```
 */
export function dateFromPeriod(period: string): string {
  const lead = period.split(/[;(]/)[0]!.trim();
  if (isIsoDate(lead)) return lead;
  const matches = [...lead.matchAll(MONTH_YEAR)];
  if (matches.length !== 1) return "";
  const [, month, day, year] = matches[0]!;
  const ym = `${year}-${
    String(MONTH_NAMES.indexOf(month!.slice(0, 3).toLowerCase()) + 1).padStart(2, "0")
  }`;
  if (day === undefined) return ym;
  const full = `${ym}-${day.padStart(2, "0")}`;
  return isIsoDate(full) ? full : "";
}

/** The numbers written in a figure (`"$61.6 million (or $14/TH/s)"` → 61.6, 14). */
function numbersIn(figure: string): number[] {
  return [...figure.matchAll(/\d[\d,]*(?:\.\d+)?/g)].map((m) => Number(m[0].replaceAll(",", "")));
}

const VALUE = { name: "value", type: "number", min: 0 } as const;
const RANGE = /^([^-]+)-([^-]+)$/;

/**
 * The `value` cell of a facts row: one number, or a range `low-high` (`"7-8"`, as the facts file
 * writes "around $7–$8/TH"), with `high` `NaN` for one number; `undefined` for a blank cell.
 * Throws a {@linkcode CsvError} naming the cell otherwise.
 *
 * @example
 * ```ts
 * import { statedValue } from "./asic_prices_build.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(statedValue("f.csv", 2, "16.10"), { low: 16.1, high: NaN });
 * assert.deepEqual(statedValue("f.csv", 2, "7-8"), { low: 7, high: 8 });
 * assert.equal(statedValue("f.csv", 2, ""), undefined);
 * assert.throws(() => statedValue("f.csv", 2, "8-7"), /expected a range low-high with low < high, found "8-7"/);
 * ```
 */
export function statedValue(
  file: string,
  line: number,
  text: string,
): { low: number; high: number } | undefined {
  if (text.trim() === "") return undefined;
  const range = RANGE.exec(text);
  if (range === null) return { low: numberCell(file, line, VALUE, text), high: NaN };
  const [low, high] = [
    numberCell(file, line, VALUE, range[1]!),
    numberCell(file, line, VALUE, range[2]!),
  ];
  if (!(low < high)) {
    throw new CsvError(
      file,
      line,
      "value",
      `expected a range low-high with low < high, found ${quote(text)}`,
    );
  }
  return { low, high };
}

/**
 * Why a facts row gives no stated price, or `undefined`: a blank value, or one the compiler
 * derived by arithmetic (unit {@linkcode DERIVED_UNIT}, or notes saying "value derived").
 */
function dropReason(value: string, unit: string, notes: string): string | undefined {
  if (value.trim() === "") return "no price per TH/s is stated (the value is blank)";
  if (unit === DERIVED_UNIT || /\bvalue derived\b/i.test(notes)) {
    return "the value is derived by arithmetic from other figures, not stated by the source";
  }
  return undefined;
}

/**
 * Builds `asic_prices.csv` from `facts/asic_price_points.csv` under `options.sourceDir`.
 * Writes nothing.
 *
 * @example Build from a one-row fixture
 * ```ts
 * import { buildAsicPrices } from "./asic_prices_build.ts";
 * import assert from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir({ dir: "/tmp" });
 * await Deno.mkdir(`${dir}/facts`);
 * await Deno.writeTextFile(
 *   `${dir}/facts/asic_price_points.csv`,
 *   "series,figure_as_stated,value,unit,period_as_stated,source_url,source_title,source_date," +
 *     "notes\nS21 preorder,$14/TH/s,14,USD per TH/s,preorder Oct 2023,https://x,X,2023-10-11,\n",
 * );
 * const built = await buildAsicPrices({ sourceDir: dir, log: () => {} });
 * await Deno.remove(dir, { recursive: true });
 * assert.equal(built.rows, 1);
 * assert.equal(
 *   built.csv.split("\n")[1],
 *   "S21 preorder,14,,preorder Oct 2023,2023-10,$14/TH/s,https://x,X,2023-10-11,",
 * );
 * ```
 */
export async function buildAsicPrices(options: DatasetBuildOptions = {}): Promise<BuiltDataset> {
  const dir = options.sourceDir ?? DEFAULT_SOURCE_DIR;
  const log = options.log ?? console.log;
  const input = await readRawInput(`${dir}/${ASIC_PRICE_POINTS_INPUT}`);
  const { rows, dropped } = pricePoints(input);
  const csv = formatCsv(ASIC_PRICES_SCHEMA, rows);
  asicPricesFromCsv(csv, { file: "asic_prices.csv (built)" });
  log(
    `asic_prices.csv: ${rows.length} price points (${dropped.length} facts row` +
      `${dropped.length === 1 ? "" : "s"} without a stated price left out)`,
  );
  return {
    file: "asic_prices.csv",
    csv,
    sources: asicPricesSources({ rows, dropped, input, units: USD_PER_TH_UNITS }),
    rows: rows.length,
  };
}

function pricePoints(input: RawInput): { rows: AsicPrice[]; dropped: DroppedPrice[] } {
  const file = input.path;
  const { columns, rowCount, lines } = parseCsv(input.text, PRICE_POINTS_SCHEMA, { file });
  const rows: AsicPrice[] = [];
  const dropped: DroppedPrice[] = [];
  for (let i = 0; i < rowCount; i++) {
    const line = lines[i]!;
    const text = columns.value[i]!;
    const reason = dropReason(text, columns.unit[i]!, columns.notes[i]!);
    if (reason !== undefined) {
      dropped.push({ line, series: columns.series[i]!, source: columns.source_url[i]!, reason });
      continue;
    }
    const value = statedValue(file, line, text)!;
    if (value.low === 0) {
      throw new CsvError(file, line, "value", 'expected a positive price, found "0"');
    }
    const figure = columns.figure_as_stated[i]!;
    const written = numbersIn(figure);
    for (const end of [value.low, value.high].filter((v) => !Number.isNaN(v))) {
      if (!written.includes(end)) {
        throw new CsvError(
          file,
          line,
          "value",
          `${end} does not appear in figure_as_stated ${quote(figure)}; the value must restate ` +
            "the quoted figure",
        );
      }
    }
    const period = columns.period_as_stated[i]!;
    rows.push({
      series: columns.series[i]!,
      value_usd_per_th: value.low,
      value_high_usd_per_th: value.high,
      period_as_stated: period,
      date: dateFromPeriod(period),
      figure_as_stated: figure,
      source_url: columns.source_url[i]!,
      source_title: columns.source_title[i]!,
      source_date: columns.source_date[i]!,
      notes: columns.notes[i]!,
    });
  }
  return { rows, dropped };
}
