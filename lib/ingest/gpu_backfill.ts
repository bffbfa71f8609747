/**
 * Reading the monthly GIX back-series, `facts/gpu_rental_index_backfill_monthly.csv`: on-demand
 * **list** prices restated to a standard SXM/8-GPU good, transcribed from
 * henryzhangpku/gpu-price-index `docs/BACKFILL.md` §6. The source's own caveats: "list prices,
 * not transactions; not the index" and "It is a demonstration." A month with fewer than 3
 * providers is withheld: it stays in the dataset with an empty value and its status, never
 * filled.
 *
 * @module
 */
import { CsvError, parseCsv, quote, type Schema } from "../data/csv.ts";
import { isIsoDate } from "../units/calendar.ts";
import type { GpuName } from "../data/gpu_price_kinds.ts";
import type { GpuRentalPriceRow } from "../data/gpu_rental_prices.ts";

/** Path of the back-series inside the source folder. */
export const BACKFILL_PATH = "facts/gpu_rental_index_backfill_monthly.csv";

/**
 * Index name → canonical GPU. The back-series restates every index to an SXM good, hence
 * `H100 SXM` and `A100 SXM` (the A100's memory size is not stated).
 */
export const BACKFILL_INDEXES = {
  "GIX-H100": "H100 SXM",
  "GIX-H200": "H200",
  "GIX-B200": "B200",
  "GIX-A100": "A100 SXM",
} as const satisfies Record<string, GpuName>;

/** The unit every back-series row must state. */
export const BACKFILL_UNIT =
  "USD per GPU-hour of the index's standard good (on-demand list price, restated)";

/** The two statuses, and the provider count each requires (a month needs 3 to publish). */
export const BACKFILL_STATUSES = ["published", "withheld (<3 providers)"] as const;
const MIN_PROVIDERS = 3;

/** Columns of the back-series file; `index`, `status` and `unit` take only the values above. */
export const BACKFILL_SCHEMA = [
  { name: "month", type: "string" },
  { name: "index", type: "string", values: Object.keys(BACKFILL_INDEXES) },
  { name: "value_as_stated", type: "string" },
  { name: "usd_per_gpu_hour", type: "number", optional: true, min: 0 },
  { name: "providers_voting", type: "integer", min: 0 },
  { name: "status", type: "string", values: BACKFILL_STATUSES },
  { name: "unit", type: "string", values: [BACKFILL_UNIT] },
  { name: "source_url", type: "string" },
  { name: "source_title", type: "string" },
  { name: "source_date", type: "string", optional: true },
  { name: "notes", type: "string", optional: true },
] as const satisfies Schema;

/**
 * Dataset rows for the back-series: per index (in {@linkcode BACKFILL_INDEXES} order) one row
 * per month, withheld months with an empty (`NaN`) value.
 *
 * @example
 * ```ts
 * import { backfillRows } from "./gpu_backfill.ts";
 * import assert from "node:assert/strict";
 *
 * const unit = "\"USD per GPU-hour of the index's standard good (on-demand list price, restated)\"";
 * const csv = "month,index,value_as_stated,usd_per_gpu_hour,providers_voting,status,unit," +
 *   "source_url,source_title,source_date,notes\n" +
 *   `2023-09,GIX-H100,3.38 (3),3.38,3,published,${unit},u,t,,\n` +
 *   `2023-09,GIX-B200,-- (0),,0,withheld (<3 providers),${unit},u,t,,\n`;
 * const rows = backfillRows(csv, { file: "b.csv" });
 * assert.deepEqual(rows.map((r) => [r.gpu, r.date, r.value]), [
 *   ["H100 SXM", "2023-09-01", 3.38], ["B200", "2023-09-01", NaN],
 * ]);
 * assert.throws(
 *   () => backfillRows(csv.replace(",3.38,", ",n/a,"), { file: "b.csv" }),
 *   /^CsvError: b\.csv:2: column "usd_per_gpu_hour": expected a number, found "n\/a"/,
 * );
 * ```
 */
export function backfillRows(
  text: string,
  options: { readonly file: string },
): GpuRentalPriceRow[] {
  const { file } = options;
  const { columns: c, rowCount, lines } = parseCsv(text, BACKFILL_SCHEMA, { file });
  const rows: { index: string; month: string; row: GpuRentalPriceRow }[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < rowCount; i++) {
    const line = lines[i]!;
    const month = c.month[i]!;
    const index = c.index[i]!;
    const value = c.usd_per_gpu_hour[i]!;
    const voting = c.providers_voting[i]!;
    const status = c.status[i]!;
    if (!/^\d{4}-\d{2}$/.test(month) || !isIsoDate(`${month}-01`)) {
      throw new CsvError(file, line, "month", `expected a month YYYY-MM, found ${quote(month)}`);
    }
    // The schema admits only the listed indexes, statuses and the one unit.
    const gpu = (BACKFILL_INDEXES as Record<string, GpuName>)[index]!;
    checkStatus(file, line, status, value, voting);
    checkStated(file, line, c.value_as_stated[i]!, value, voting);
    const key = `${index} ${month}`;
    const first = seen.get(key);
    if (first !== undefined) {
      throw new CsvError(file, line, "month", `${key} repeats line ${first}`);
    }
    seen.set(key, line);
    rows.push({
      index,
      month,
      row: {
        date: `${month}-01`,
        period: "month",
        date_precision: "month",
        period_as_stated: month,
        gpu,
        gpu_as_stated: index,
        kind: "on-demand list",
        price_type_as_stated: "on-demand list price, restated",
        statistic: "median-of-provider-medians",
        provider: "",
        provider_or_market_as_stated: "",
        value,
        unit: "USD per GPU-hour",
        observations: NaN,
        providers_voting: voting,
        status,
        figure_as_stated: c.value_as_stated[i]!,
        source: BACKFILL_PATH,
        source_url: c.source_url[i]!,
        source_title: c.source_title[i]!,
        source_date: c.source_date[i]!,
        notes: c.notes[i]!,
      },
    });
  }
  const order = Object.keys(BACKFILL_INDEXES);
  rows.sort((a, b) =>
    order.indexOf(a.index) - order.indexOf(b.index) || (a.month < b.month ? -1 : 1)
  );
  return rows.map((r) => r.row);
}

function checkStatus(file: string, line: number, status: string, value: number, voting: number) {
  const published = status === "published";
  if (published === Number.isNaN(value)) {
    throw new CsvError(
      file,
      line,
      "usd_per_gpu_hour",
      published
        ? "expected a number for a published month, found an empty cell"
        : `expected an empty cell for a withheld month (never filled), found ${value}`,
    );
  }
  if (published !== voting >= MIN_PROVIDERS) {
    throw new CsvError(
      file,
      line,
      "providers_voting",
      `expected ${published ? "at least" : "fewer than"} ${MIN_PROVIDERS} for status ` +
        `${quote(status)}, found ${voting}`,
    );
  }
}

/** `value_as_stated` is `"<value> (<providers>)"`, with `--` for a withheld value. */
function checkStated(file: string, line: number, stated: string, value: number, voting: number) {
  const match = /^(\S+) \((\d+)\)$/.exec(stated);
  const ok = match !== null && Number(match[2]) === voting &&
    (Number.isNaN(value) ? match[1] === "--" : Number(match[1]) === value);
  if (!ok) {
    const expected = `${Number.isNaN(value) ? "--" : value} (${voting})`;
    throw new CsvError(
      file,
      line,
      "value_as_stated",
      `expected "${expected}" to agree with usd_per_gpu_hour and providers_voting, found ` +
        quote(stated),
    );
  }
}
