/**
 * The invariants of `data/gpu_rental_prices.csv` that link columns and rows, checked after
 * parsing. Internal to `lib/data`: `gpuRentalPricesFromCsv` applies them.
 *
 * @module
 */
import { CsvError, quote, type SchemaRow } from "./csv.ts";
import type { RowFail } from "./csv_rows.ts";
import type { GPU_RENTAL_PRICES_SCHEMA, GpuRentalPriceRow } from "./gpu_rental_prices.ts";

type Cells = SchemaRow<typeof GPU_RENTAL_PRICES_SCHEMA>;

/** Order of the daily statistics: each must be at most the next on the same day. */
const DAILY_ORDER = ["min", "p25", "median", "p75", "max"] as const;

/**
 * Throws `fail(column, what)` when a row breaks a rule linking its columns: a date matching its
 * precision, a value blank only for a withheld month, a provider exactly for a provider-median,
 * and the columns each period requires. The vocabulary, each kind's unit and period, and each
 * period's statistics and date precision are checked by the parser's schema and rules.
 *
 * @example
 * ```ts
 * import { checkGpuRentalPriceRow } from "./_gpu_rental_prices_check.ts";
 * import { CsvError } from "./csv.ts";
 * import type { GpuRentalPriceRow } from "./gpu_rental_prices.ts";
 * import assert from "node:assert/strict";
 *
 * const row = { period: "point", date: "2023-06-01", date_precision: "year" };
 * const fail = (column: string, what: string) => new CsvError("g.csv", 2, column, what);
 * assert.throws(
 *   () => checkGpuRentalPriceRow(row as GpuRentalPriceRow, fail),
 *   /^CsvError: g\.csv:2: column "date": expected the first day of the year, found "2023-06-01"$/,
 * );
 * ```
 */
export function checkGpuRentalPriceRow(row: Cells, fail: RowFail<Cells>): void {
  checkDate(row, fail);
  const withheld = row.status.startsWith("withheld");
  if (Number.isNaN(row.value) !== withheld) {
    throw fail(
      "value",
      withheld
        ? `expected an empty cell for status ${quote(row.status)}, found ${row.value}`
        : "expected a number, found an empty cell (only a withheld month may be blank)",
    );
  }
  const perProvider = row.statistic === "provider-median";
  if (row.period !== "point" && perProvider === (row.provider === "")) {
    throw fail(
      "provider",
      perProvider
        ? "expected the provider of a provider-median, found an empty cell"
        : `expected an empty cell for statistic "${row.statistic}", found ${quote(row.provider)}`,
    );
  }
  const required = [
    ["observations", !Number.isNaN(row.observations), row.period === "day"],
    ["providers_voting", !Number.isNaN(row.providers_voting), row.period === "month"],
    ["status", row.status !== "", row.period === "month"],
  ] as const;
  for (const [column, present, needed] of required) {
    if (present === needed) continue;
    throw fail(
      column,
      needed ? "expected a value, found an empty cell" : "expected an empty cell for this period",
    );
  }
}

function checkDate(row: Cells, fail: RowFail<Cells>): void {
  if (row.date === "" || row.date_precision === "") {
    if (row.date === row.date_precision && row.period === "point") return;
    throw fail(
      row.date === "" ? "date" : "date_precision",
      `expected date and date_precision both set (or, for a point, both empty), found ` +
        `${quote(row.date)} and ${quote(row.date_precision)}`,
    );
  }
  const ok = row.date_precision === "month"
    ? row.date.endsWith("-01")
    : row.date_precision === "year"
    ? row.date.endsWith("-01-01")
    : true;
  if (!ok) {
    throw fail(
      "date",
      `expected the first day of the ${row.date_precision}, found ${quote(row.date)}`,
    );
  }
}

/**
 * Throws a {@linkcode CsvError} at the first marketplace day whose statistics are missing one of
 * `min`, `p25`, `median`, `p75`, `max` or are out of that order.
 *
 * @example
 * ```ts
 * import { checkDailyOrder } from "./_gpu_rental_prices_check.ts";
 * import type { GpuRentalPriceRow } from "./gpu_rental_prices.ts";
 * import assert from "node:assert/strict";
 *
 * const day = { kind: "marketplace", gpu: "H200", date: "2025-10-28" } as const;
 * const rows = [2, 1.5, 2.2, 2.3, 2.4].map((value, i) =>
 *   ({ ...day, statistic: ["min", "p25", "median", "p75", "max"][i], value }) as GpuRentalPriceRow
 * );
 * assert.throws(() => checkDailyOrder("g.csv", rows, [2, 3, 4, 5, 6]), /g\.csv:3: column "value": H200 2025-10-28: p25 1\.5 is below min 2/);
 * ```
 */
export function checkDailyOrder(
  file: string,
  rows: readonly GpuRentalPriceRow[],
  lines: ArrayLike<number>,
): void {
  const days = new Map<string, Map<string, [number, number]>>();
  rows.forEach((row, i) => {
    if (row.kind !== "marketplace" || row.statistic === "provider-median") return;
    const dayKey = `${row.gpu}|${row.date}`;
    const stats = days.get(dayKey) ?? new Map<string, [number, number]>();
    days.set(dayKey, stats.set(row.statistic, [row.value, lines[i]!]));
  });
  for (const [dayKey, stats] of days) {
    const [gpu, date] = dayKey.split("|");
    let previous: [string, number] | undefined;
    for (const name of DAILY_ORDER) {
      const found = stats.get(name);
      if (found === undefined) {
        const line = stats.values().next().value?.[1] ?? 0;
        throw new CsvError(file, line, "statistic", `${gpu} ${date} has no "${name}" row`);
      }
      const [value, line] = found;
      if (previous !== undefined && value < previous[1]) {
        const what = `${gpu} ${date}: ${name} ${value} is below ${previous[0]} ${previous[1]}`;
        throw new CsvError(file, line, "value", `${what}; expected ${DAILY_ORDER.join(" ≤ ")}`);
      }
      previous = [name, value];
    }
  }
}
