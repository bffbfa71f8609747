/**
 * Reading what a facts row of `facts/asic_specs.csv` states in words: the release month or year
 * a statement gives, and the `<number> <unit>` figures an as-stated hashrate, power or
 * efficiency gives, one of which its number column must restate. Never a guess: text that does
 * not say it gives nothing. Internal to `lib/ingest`.
 *
 * @module
 */
import { CsvError, quote } from "../data/csv.ts";

const MONTHS =
  /\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?\s+(?:\d{1,2}(?:\s*[-–]\s*\d{1,2})?,?\s+)?\[?(\d{4})\]?/gi;
/** Words that make the date after them another event's: "weeks after the April 19, 2024 halving". */
const REFERENCE_POINT = /\b(?:after|before|since|until)(?:\s+the)?\s*$/i;
const MONTH_NAMES = "jan feb mar apr may jun jul aug sep oct nov dec".split(" ");

/**
 * The release as `YYYY-MM` or `YYYY`, read only from what a statement says: a month name with a
 * year (`"September 22-23 [2023]"` → `2023-09`), else a year after "released/launched/unveiled/
 * announced/introduced … in" (`"released by Canaan in 2013"` → `2013`). A month introduced by
 * "after", "before", "since" or "until" names another event, not the release, and is skipped
 * (`"weeks after the April 19, 2024 halving"`). Anything else, such as "recently presented" or
 * "not available … until summer of 2022", gives `""`.
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
 * assert.equal(releaseFromStatement("launched at Bitcoin Asia [weeks after the April 19, 2024 halving]"), "");
 * ```
 */
export function releaseFromStatement(statement: string): string {
  for (const month of statement.matchAll(MONTHS)) {
    const before = statement.slice(0, month.index);
    if (REFERENCE_POINT.test(before)) continue;
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
  "joules per terahash": 1,
};

/** A `<number> <unit>` figure read from as-stated text. */
export interface StatedFigure {
  /** The figure in the column's unit. */
  readonly value: number;
  /** The number as written, without thousands separators, for its rounding. */
  readonly number: string;
}

/**
 * A number (thousands only as `,ddd` groups, so the decimal comma of "9,5 J/TH" is not read as
 * 95) not preceded by a digit, point or comma, then a unit of `units`, longest names first.
 */
function figurePattern(units: Readonly<Record<string, number>>): RegExp {
  const names = Object.keys(units).toSorted((a, b) => b.length - a.length)
    .map((name) => name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"));
  return new RegExp(
    String.raw`(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(${names.join("|")})(?![a-z])`,
    "gi",
  );
}

/**
 * Every `<number> <unit>` figure in as-stated text, in order, converted with `units`: several
 * when the source gives bins (`"178 TH/s and 186TH/s models"`) or a translation beside the
 * original. A decimal point followed by a space between digits, as one page prints
 * `"17. 5 J/TH"`, is read as a decimal point.
 *
 * @example
 * ```ts
 * import { EFFICIENCY_UNITS, HASHRATE_UNITS, statedFigures } from "./_asic_stated.ts";
 * import assert from "node:assert/strict";
 *
 * const bins = statedFigures("the M60S is available in 178 TH/s and 186TH/s models", HASHRATE_UNITS);
 * assert.deepEqual(bins.map((f) => f.value), [178, 186]);
 * const finnish = statedFigures("9,5 J/TH tehokkuutta [9.5 J/TH efficiency]", EFFICIENCY_UNITS);
 * assert.deepEqual(finnish, [{ value: 9.5, number: "9.5" }]);
 * assert.deepEqual(statedFigures("an output of 17. 5 J/TH", EFFICIENCY_UNITS).map((f) => f.value), [17.5]);
 * ```
 */
export function statedFigures(
  text: string,
  units: Readonly<Record<string, number>>,
): StatedFigure[] {
  const normalised = text.replace(/(\d)\.\s+(\d)/g, "$1.$2");
  return [...normalised.matchAll(figurePattern(units))].map((match) => {
    const number = match[1]!.replaceAll(",", "") + (match[2] ?? "");
    return { value: Number(number) * units[match[3]!.toLowerCase()]!, number };
  });
}

/**
 * The `<number> <unit>` an as-stated figure begins with (`"270 TH/s (±3%)"`, `"4785W"`,
 * `"3 kW"`), converted with `units`; `undefined` when the text does not start that way.
 *
 * @example
 * ```ts
 * import { POWER_UNITS, statedQuantity } from "./_asic_stated.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(statedQuantity("3 kW", POWER_UNITS), { value: 3000, number: "3" });
 * assert.deepEqual(statedQuantity("4,785W", POWER_UNITS), { value: 4785, number: "4785" });
 * assert.equal(statedQuantity("37% higher than S19 Pro", POWER_UNITS), undefined);
 * assert.equal(statedQuantity("just under 10,000 W/TH", { "w/th": 1 }), undefined);
 * ```
 */
export function statedQuantity(
  text: string,
  units: Readonly<Record<string, number>>,
): StatedFigure | undefined {
  const trimmed = text.trim();
  const first = figurePattern(units).exec(trimmed);
  if (first === null || first.index !== 0) return undefined;
  return statedFigures(first[0], units)[0];
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
  /**
   * When false, the number may be blank beside text that does not begin with a figure: words
   * ("37% higher than S19 Pro"), a bound ("just under 10,000 W/TH") or another language.
   */
  readonly required: boolean;
}

/**
 * Checks a number column against its as-stated text and returns the figure it restates:
 * the number must equal (to a relative 1e-9) one of the `<number> <unit>` figures the text
 * states ({@linkcode statedFigures}); a blank number is allowed only when `required` is false
 * and the text does not begin with a figure. Throws a {@linkcode CsvError} naming whichever of
 * the two columns is wrong.
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
 * assert.deepEqual(checkAsStated("f.csv", 2, check), { value: 0.06, number: "60" });
 * assert.throws(
 *   () => checkAsStated("f.csv", 2, { ...check, value: 60 }),
 *   /^CsvError: f\.csv:2: column "hashrate_ths": expected 0\.06 from hashrate_as_stated "60 GH\/s", found 60$/,
 * );
 * const lowerBound = { ...check, value: NaN, stated: "exceeds 1,000 TH/s", required: false };
 * assert.equal(checkAsStated("f.csv", 2, lowerBound), undefined);
 * ```
 */
export function checkAsStated(
  file: string,
  line: number,
  check: AsStated,
): StatedFigure | undefined {
  const { column, value, statedColumn, stated, units, required } = check;
  const figures = statedFigures(stated, units);
  const blank = Number.isNaN(value);
  if (blank && !required && statedQuantity(stated, units) === undefined) return undefined;
  if (figures.length === 0) {
    throw new CsvError(
      file,
      line,
      statedColumn,
      `cannot read a number and unit (${Object.keys(units).join(", ")}) from ${quote(stated)}` +
        (blank ? "" : `, which ${column} = ${value} should restate`),
    );
  }
  const match = figures.find((f) => Math.abs(f.value - value) <= AS_STATED_TOLERANCE * value);
  if (match !== undefined) return match;
  throw new CsvError(
    file,
    line,
    column,
    `expected ${blank ? figures[0]!.value : figures.map((f) => f.value).join(" or ")} from ` +
      `${statedColumn} ${quote(stated)}, found ${blank ? "an empty cell" : String(value)}`,
  );
}
