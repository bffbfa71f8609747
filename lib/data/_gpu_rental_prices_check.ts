/**
 * The invariants of `data/gpu_rental_prices.csv`, checked row by row after parsing. Internal to
 * `lib/data`: {@linkcode gpuRentalPricesFromCsv} calls it.
 *
 * @module
 */
import { CsvError, quote } from "./csv.ts";
import { KIND_PERIODS, KIND_UNITS, PERIOD_STATISTICS } from "./gpu_price_kinds.ts";
import type { GpuRentalPriceRow } from "./gpu_rental_prices.ts";

/** Order of the daily statistics: each must be at most the next on the same day. */
const DAILY_ORDER = ["min", "p25", "median", "p75", "max"] as const;

/**
 * Throws a {@linkcode CsvError} at the first row that breaks an invariant of the dataset. The
 * vocabulary of `period`, `kind`, `gpu` and `date_precision` is checked by the schema when
 * parsing; this checks the rules that link columns and rows.
 *
 * @example
 * ```ts
 * import { checkGpuRentalPriceRows } from "./_gpu_rental_prices_check.ts";
 * import type { GpuRentalPriceRow } from "./gpu_rental_prices.ts";
 * import assert from "node:assert/strict";
 *
 * const row = {
 *   date: "", period: "point", date_precision: "", period_as_stated: "2023", gpu: "H100",
 *   gpu_as_stated: "H100", kind: "peak", price_type_as_stated: "rental, peak",
 *   statistic: "point", provider: "", provider_or_market_as_stated: "", value: 8,
 *   unit: "USD per GPU", observations: NaN, providers_voting: NaN, status: "",
 *   figure_as_stated: "$8", source: "f", source_url: "u", source_title: "t", source_date: "",
 *   notes: "",
 * } as const satisfies Record<keyof GpuRentalPriceRow, string | number>;
 * assert.throws(
 *   () => checkGpuRentalPriceRows("g.csv", [row as unknown as GpuRentalPriceRow], [2]),
 *   /^CsvError: g\.csv:2: column "unit": expected "USD per GPU-hour" for kind "peak"/,
 * );
 * ```
 */
export function checkGpuRentalPriceRows(
  file: string,
  rows: readonly GpuRentalPriceRow[],
  lines: ArrayLike<number>,
): void {
  const seen = new Map<string, number>();
  const days = new Map<string, Map<string, [number, number]>>();
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const line = lines[i]!;
    checkRow(file, line, row);
    if (row.period === "point") continue;
    const key = [row.kind, row.gpu, row.date, row.statistic, row.provider].join("|");
    const first = seen.get(key);
    if (first !== undefined) {
      throw new CsvError(
        file,
        line,
        "statistic",
        `${row.kind} ${row.gpu} ${row.date} ${row.statistic} ${row.provider} repeats line ${first}`,
      );
    }
    seen.set(key, line);
    if (row.kind === "marketplace" && row.statistic !== "provider-median") {
      const dayKey = `${row.gpu}|${row.date}`;
      const stats = days.get(dayKey) ?? new Map<string, [number, number]>();
      stats.set(row.statistic, [row.value, line]);
      days.set(dayKey, stats);
    }
  }
  for (const [dayKey, stats] of days) checkDailyOrder(file, dayKey, stats);
}

function checkRow(file: string, line: number, row: GpuRentalPriceRow): void {
  if (row.unit !== KIND_UNITS[row.kind]) {
    throw new CsvError(
      file,
      line,
      "unit",
      `expected "${KIND_UNITS[row.kind]}" for kind "${row.kind}", found ${quote(row.unit)}`,
    );
  }
  if (row.period !== KIND_PERIODS[row.kind]) {
    throw new CsvError(
      file,
      line,
      "period",
      `expected "${KIND_PERIODS[row.kind]}" for kind "${row.kind}", found ${quote(row.period)}`,
    );
  }
  const statistics: readonly string[] = PERIOD_STATISTICS[row.period];
  if (!statistics.includes(row.statistic)) {
    throw new CsvError(
      file,
      line,
      "statistic",
      `expected one of ${statistics.map((a) => JSON.stringify(a)).join(", ")} for period ` +
        `"${row.period}", found ${quote(row.statistic)}`,
    );
  }
  checkDate(file, line, row);
  const withheld = row.status.startsWith("withheld");
  if (Number.isNaN(row.value) !== withheld) {
    throw new CsvError(
      file,
      line,
      "value",
      withheld
        ? `expected an empty cell for status ${quote(row.status)}, found ${row.value}`
        : "expected a number, found an empty cell (only a withheld month may be blank)",
    );
  }
  const perProvider = row.statistic === "provider-median";
  if (row.period !== "point" && perProvider === (row.provider === "")) {
    throw new CsvError(
      file,
      line,
      "provider",
      perProvider
        ? "expected the provider of a provider-median, found an empty cell"
        : `expected an empty cell for statistic "${row.statistic}", found ${quote(row.provider)}`,
    );
  }
  requiredFor(file, line, "observations", !Number.isNaN(row.observations), row.period === "day");
  requiredFor(
    file,
    line,
    "providers_voting",
    !Number.isNaN(row.providers_voting),
    row.period === "month",
  );
  requiredFor(file, line, "status", row.status !== "", row.period === "month");
}

function requiredFor(
  file: string,
  line: number,
  column: string,
  present: boolean,
  required: boolean,
): void {
  if (present === required) return;
  throw new CsvError(
    file,
    line,
    column,
    required ? "expected a value, found an empty cell" : "expected an empty cell for this period",
  );
}

function checkDate(file: string, line: number, row: GpuRentalPriceRow): void {
  if (row.date === "" || row.date_precision === "") {
    if (row.date === row.date_precision && row.period === "point") return;
    throw new CsvError(
      file,
      line,
      row.date === "" ? "date" : "date_precision",
      `expected date and date_precision both set (or, for a point, both empty), found ` +
        `${quote(row.date)} and ${quote(row.date_precision)}`,
    );
  }
  const expected = row.period === "day" ? "day" : row.period === "month" ? "month" : undefined;
  if (expected !== undefined && row.date_precision !== expected) {
    throw new CsvError(
      file,
      line,
      "date_precision",
      `expected "${expected}" for period "${row.period}", found ${quote(row.date_precision)}`,
    );
  }
  const ok = row.date_precision === "month"
    ? row.date.endsWith("-01")
    : row.date_precision === "year"
    ? row.date.endsWith("-01-01")
    : true;
  if (!ok) {
    throw new CsvError(
      file,
      line,
      "date",
      `expected the first day of the ${row.date_precision}, found ${quote(row.date)}`,
    );
  }
}

function checkDailyOrder(file: string, dayKey: string, stats: Map<string, [number, number]>) {
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
      throw new CsvError(
        file,
        line,
        "value",
        `${gpu} ${date}: ${name} ${value} is below ${previous[0]} ${previous[1]}; expected ` +
          "min ≤ p25 ≤ median ≤ p75 ≤ max",
      );
    }
    previous = [name, value];
  }
}
