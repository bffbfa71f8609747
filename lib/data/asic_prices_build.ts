/**
 * Building `data/asic_prices.csv` from the cited price points in `facts/asic_price_points.csv`:
 * every row's unit must be USD per TH(/s), its value must appear in the quoted figure, and its
 * date is read from the stated period only where that is unambiguous.
 *
 * @module
 */
import { CsvError, isIsoDate, parseCsv, quote, type Schema } from "./csv.ts";
import { formatCsv } from "./csv_format.ts";
import {
  type BuiltDataset,
  type DatasetBuildOptions,
  DEFAULT_SOURCE_DIR,
  inputRow,
  INPUTS_TABLE_HEADER,
  type RawInput,
  readRawInput,
} from "./dataset_build.ts";
import { ASIC_PRICES_SCHEMA, type AsicPrice, asicPricesFromCsv } from "./asic_prices.ts";

/** The price points, relative to the source folder. */
export const ASIC_PRICE_POINTS_INPUT = "facts/asic_price_points.csv";

/** Units accepted as USD per TH/s: ASIC prices per "TH" mean per TH/s of hashrate. */
export const USD_PER_TH_UNITS = ["USD per TH/s", "USD per TH"] as const;

/** Columns of `facts/asic_price_points.csv`, exactly. */
const PRICE_POINTS_SCHEMA = [
  { name: "series", type: "string" },
  { name: "figure_as_stated", type: "string" },
  { name: "value", type: "number", min: 0 },
  { name: "unit", type: "string", values: USD_PER_TH_UNITS },
  { name: "period_as_stated", type: "string" },
  { name: "source_url", type: "string" },
  { name: "source_title", type: "string" },
  { name: "source_date", type: "string", optional: true },
  { name: "notes", type: "string", optional: true },
] as const satisfies Schema;

const MONTH_NAMES = "jan feb mar apr may jun jul aug sep oct nov dec".split(" ");
/** A month name (or its abbreviation), an optional day, and a four-digit year. */
const MONTH_YEAR =
  /\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?\s+(?:(\d{1,2}),?\s+)?(\d{4})\b/gi;

/**
 * The ISO date a stated period gives, or `""`. Only the period's leading clause, before any
 * `;` or `(`, is read (the rest is commentary such as "shipments from January 2024" or "vs $60/TH
 * July 2022"). It must be an ISO date, or name exactly one month with its year: `"Jul 2022"` →
 * `2022-07`; a day only when given, `"May 7, 2021"` → `2021-05-07`. A day without a year
 * (`"Dec. 25"`) or two months give `""`.
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
 *   "S21 preorder,14,preorder Oct 2023,2023-10,$14/TH/s,https://x,X,2023-10-11,",
 * );
 * ```
 */
export async function buildAsicPrices(options: DatasetBuildOptions = {}): Promise<BuiltDataset> {
  const dir = options.sourceDir ?? DEFAULT_SOURCE_DIR;
  const log = options.log ?? console.log;
  const input = await readRawInput(`${dir}/${ASIC_PRICE_POINTS_INPUT}`);
  const rows = pricePoints(input);
  const csv = formatCsv(ASIC_PRICES_SCHEMA, rows);
  asicPricesFromCsv(csv, { file: "asic_prices.csv (built)" });
  log(`asic_prices.csv: ${rows.length} price points`);
  return {
    file: "asic_prices.csv",
    csv,
    sources: asicPricesSources(rows, input),
    rows: rows.length,
  };
}

function pricePoints(input: RawInput): AsicPrice[] {
  const file = input.path;
  const { columns, rowCount, lines } = parseCsv(input.text, PRICE_POINTS_SCHEMA, { file });
  const rows: AsicPrice[] = [];
  for (let i = 0; i < rowCount; i++) {
    const line = lines[i]!;
    const value = columns.value[i]!;
    if (value === 0) {
      throw new CsvError(file, line, "value", 'expected a positive price, found "0"');
    }
    const figure = columns.figure_as_stated[i]!;
    if (!numbersIn(figure).includes(value)) {
      throw new CsvError(
        file,
        line,
        "value",
        `${value} does not appear in figure_as_stated ${quote(figure)}; the value must restate ` +
          "the quoted figure",
      );
    }
    const period = columns.period_as_stated[i]!;
    rows.push({
      series: columns.series[i]!,
      value_usd_per_th: value,
      period_as_stated: period,
      date: dateFromPeriod(period),
      figure_as_stated: figure,
      source_url: columns.source_url[i]!,
      source_title: columns.source_title[i]!,
      source_date: columns.source_date[i]!,
      notes: columns.notes[i]!,
    });
  }
  return rows;
}

/** Escapes `|` for a markdown table cell. */
function cell(text: string): string {
  return text.replaceAll("|", "\\|");
}

/** The `asic_prices` section of `data/SOURCES.md`. */
function asicPricesSources(rows: readonly AsicPrice[], input: RawInput): string {
  const dates = rows.map((r) => r.date).filter((d) => d !== "").sort();
  const lines = [
    "## `asic_prices.csv`: ASIC purchase prices, USD per TH/s",
    "",
    "Cited price points for Bitcoin ASICs: a model's bulk order and Hashrate Index price-index",
    "bands by efficiency class.",
    "",
    "- **Origin:** `facts/asic_price_points.csv`, hand-compiled from public pages; each row",
    "  carries its `source_url`, `source_title`, `source_date` and the figure as the page states",
    "  it. The index bands are Luxor's Hashrate Index as quoted by news pages, not the index",
    "  itself.",
    "- **Licence:** none claimed; short factual figures with citations. Cite each row's source.",
    `- **Rows:** ${rows.length}; dated points ${dates[0]} .. ${dates[dates.length - 1]}` +
    ` (${rows.length - dates.length} without an unambiguous date).`,
    "- **Columns:** `series`; `value_usd_per_th` (USD per TH/s of hashrate); `period_as_stated`;",
    "  `date` (`YYYY-MM`, or `YYYY-MM-DD` when the source gives the day); `figure_as_stated`;",
    "  `source_url`, `source_title`, `source_date`; `notes`.",
    `- **Checks at build:** the unit must be ${USD_PER_TH_UNITS.map((u) => `"${u}"`).join(" or ")}`,
    "  (anything else is an error); the value must be positive and appear among the numbers of",
    "  `figure_as_stated`.",
    "- **How `date` is read:** only from the leading clause of `period_as_stated` (before any `;`",
    "  or `(`), which must be an ISO date or name exactly one month with its year; a day only",
    "  when the source gives it. Otherwise `date` is blank. Row by row:",
    "",
    "| series | USD/TH/s | period as stated | date |",
    "|---|---:|---|---|",
    ...rows.map((r) =>
      `| ${cell(r.series)} | ${r.value_usd_per_th} | ${cell(r.period_as_stated)} | ${
        r.date === "" ? "(blank)" : r.date
      } |`
    ),
    "",
    "- **Caveats:** the S21 preorder's payment terms (part financed by Bitmain) are in its",
    "  `notes`; the",
    "  under-38 J/TH points come from a newsbreak page citing the Hashrate Index, with no page",
    '  date, and its "Dec. 25" gives no year, so that row has no `date`.',
    "",
    "### Inputs",
    "",
    INPUTS_TABLE_HEADER,
    inputRow(
      { ...input, path: ASIC_PRICE_POINTS_INPUT },
      "hand-compiled from the pages in `source_url`",
    ),
    "",
    "Rebuild: `deno task data`",
  ];
  return lines.join("\n") + "\n";
}
