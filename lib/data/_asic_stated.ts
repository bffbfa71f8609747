/**
 * Reading what a facts row of `facts/asic_specs.csv` states in words: the release month or year
 * a statement gives, and the `<number> <unit>` an as-stated hashrate, power or efficiency
 * begins with, which its number column must restate. Never a guess: text that does not say it
 * gives nothing. Internal to `lib/data`.
 *
 * @module
 */
import { CsvError, quote } from "./csv.ts";

const MONTHS =
  /\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?\s+(?:\d{1,2}(?:\s*[-–]\s*\d{1,2})?,?\s+)?\[?(\d{4})\]?/i;
const MONTH_NAMES = "jan feb mar apr may jun jul aug sep oct nov dec".split(" ");

/**
 * The release as `YYYY-MM` or `YYYY`, read only from what a statement says: a month name with a
 * year (`"September 22-23 [2023]"` → `2023-09`), else a year after "released/launched/unveiled/
 * announced/introduced … in" (`"released by Canaan in 2013"` → `2013`). Anything else, such as
 * "recently presented" or "not available … until summer of 2022", gives `""`.
 *
 * @example
 * ```ts
 * import { releaseFromStatement } from "./_asic_stated.ts";
 * import assert from "node:assert/strict";
 *
 * const wdms = "unveiled at WDMS 2023, Hong Kong, September 22-23 [2023]";
 * assert.equal(releaseFromStatement(wdms), "2023-09");
 * assert.equal(releaseFromStatement("released by Canaan in 2013"), "2013");
 * assert.equal(releaseFromStatement("not available to general public until summer of 2022"), "");
 * ```
 */
export function releaseFromStatement(statement: string): string {
  const month = MONTHS.exec(statement);
  if (month !== null) {
    const number = MONTH_NAMES.indexOf(month[1]!.slice(0, 3).toLowerCase()) + 1;
    return `${month[2]}-${String(number).padStart(2, "0")}`;
  }
  const year = /\b(?:released|launched|unveiled|announced|introduced)\b[^;]*?\bin\s+(\d{4})\b/i
    .exec(statement);
  return year === null ? "" : year[1]!;
}

/** Units an as-stated hashrate may use, in TH/s. */
export const HASHRATE_UNITS: Readonly<Record<string, number>> = {
  "gh/s": 1e-3,
  "gigahash": 1e-3,
  "th/s": 1,
  "th": 1,
  "terahash": 1,
  "ph/s": 1e3,
};
/** Units an as-stated power may use, in W. */
export const POWER_UNITS: Readonly<Record<string, number>> = { "w": 1, "kw": 1e3 };
/** Units an as-stated efficiency may use, in J/TH. */
export const EFFICIENCY_UNITS: Readonly<Record<string, number>> = {
  "j/th": 1,
  "w/th": 1,
  "j/gh": 1e3,
};

/**
 * Reads the leading `<number> <unit>` of an as-stated figure (`"270 TH/s (±3%)"`, `"4785W"`,
 * `"3 kW"`) and converts it with `units`; `undefined` when the text does not start that way.
 * `number` is the figure as written (without thousands separators), for its rounding.
 *
 * @example
 * ```ts
 * import { POWER_UNITS, statedQuantity } from "./_asic_stated.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(statedQuantity("3 kW", POWER_UNITS), { value: 3000, number: "3" });
 * assert.deepEqual(statedQuantity("4,785W", POWER_UNITS), { value: 4785, number: "4785" });
 * assert.equal(statedQuantity("37% higher than S19 Pro", POWER_UNITS), undefined);
 * ```
 */
export function statedQuantity(
  text: string,
  units: Readonly<Record<string, number>>,
): { value: number; number: string } | undefined {
  const match = /^(\d[\d,]*(?:\.\d+)?)\s*([a-z/]+)/i.exec(text.trim());
  if (match === null) return undefined;
  const factor = units[match[2]!.toLowerCase()];
  if (factor === undefined) return undefined;
  const number = match[1]!.replaceAll(",", "");
  return { value: Number(number) * factor, number };
}

/** Relative difference allowed between an as-stated figure and its number column. */
const AS_STATED_TOLERANCE = 1e-9;

/** A number column and the as-stated text it must restate. */
export interface AsStated {
  /** The number column, e.g. `power_w`, and its value (`NaN` when blank). */
  readonly column: string;
  readonly value: number;
  /** The text column, e.g. `power_as_stated`, and its text. */
  readonly statedColumn: string;
  readonly stated: string;
  /** Units the text may use, with their factor to the column's unit. */
  readonly units: Readonly<Record<string, number>>;
  /** When false, text without a number (e.g. "37% higher than S19 Pro") is allowed with a
   * blank value. */
  readonly required: boolean;
}

/**
 * Throws a {@linkcode CsvError} unless the number column equals the number and unit its
 * as-stated text begins with (to a relative 1e-9), naming whichever of the two is wrong.
 *
 * @example
 * ```ts
 * import { checkAsStated, HASHRATE_UNITS } from "./_asic_stated.ts";
 * import assert from "node:assert/strict";
 *
 * const check = {
 *   column: "hashrate_ths", value: 0.06, statedColumn: "hashrate_as_stated",
 *   stated: "60 GH/s", units: HASHRATE_UNITS, required: true,
 * };
 * checkAsStated("f.csv", 2, check);
 * assert.throws(
 *   () => checkAsStated("f.csv", 2, { ...check, value: 60 }),
 *   /^CsvError: f\.csv:2: column "hashrate_ths": expected 0\.06 from hashrate_as_stated "60 GH\/s", found 60$/,
 * );
 * ```
 */
export function checkAsStated(file: string, line: number, check: AsStated): void {
  const { column, value, statedColumn, stated, units, required } = check;
  const quantity = statedQuantity(stated, units);
  if (quantity === undefined) {
    if (!required && Number.isNaN(value)) return; // e.g. "37% higher than S19 Pro": no number
    throw new CsvError(
      file,
      line,
      statedColumn,
      `cannot read a number and unit (${Object.keys(units).join(", ")}) from ${quote(stated)}` +
        (Number.isNaN(value) ? "" : `, which ${column} = ${value} should restate`),
    );
  }
  if (Number.isNaN(value) || Math.abs(quantity.value - value) > AS_STATED_TOLERANCE * value) {
    throw new CsvError(
      file,
      line,
      column,
      `expected ${quantity.value} from ${statedColumn} ${quote(stated)}, found ` +
        (Number.isNaN(value) ? "an empty cell" : String(value)),
    );
  }
}
