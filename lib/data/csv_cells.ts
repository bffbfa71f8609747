/**
 * One CSV cell: how a schema column describes it ({@linkcode ColumnSpec}), how its text becomes
 * a number or checked text, and the {@linkcode CsvError} that names the file, line, column, the
 * value and what was expected when it cannot. {@linkcode parseCsv} in `csv.ts` applies these to
 * every cell; builders reading odd raw files apply them one cell at a time.
 *
 * @module
 */
import { isIsoDate, isPartialIsoDate } from "../units/calendar.ts";
import { decimalAt } from "../units/decimal.ts";

/** The cell types a schema can ask for. */
export const CELL_TYPES = ["date", "number", "integer", "string"] as const;
/** One of {@linkcode CELL_TYPES}. */
export type CellType = typeof CELL_TYPES[number];
/** The forms a `date` cell can take: a year, a month or a day. */
export const DATE_FORMS = ["YYYY", "YYYY-MM", "YYYY-MM-DD"] as const;
/** One of {@linkcode DATE_FORMS}. */
export type DateForm = typeof DATE_FORMS[number];

/** One column of a schema. */
export interface ColumnSpec {
  /** Header name, exactly as in the file. */
  readonly name: string;
  /** How cells are converted: `date` is `YYYY-MM-DD`, `integer` a whole number. */
  readonly type: CellType;
  /** Blank cells are allowed (numbers become `NaN`, strings `""`). Default `false`. */
  readonly optional?: boolean;
  /** Smallest accepted value for numbers. Default: no bound. */
  readonly min?: number;
  /** Numbers must be above 0 (a blank optional cell is still allowed). Default `false`. */
  readonly positive?: boolean;
  /** For `date` columns: the forms a cell may take. Default `["YYYY-MM-DD"]`, a day. */
  readonly dates?: readonly DateForm[];
  /** For `string` columns: every cell is an http(s) URL. Default `false`. */
  readonly url?: boolean;
  /**
   * For text columns (`string`, `date`): the only values a cell may hold, such as a dataset's
   * vocabulary; a blank cell of an optional column is still allowed. Default: any text.
   */
  readonly values?: readonly string[];
}

/**
 * A CSV problem located by file, line and column.
 *
 * @example
 * ```ts
 * import { CsvError } from "./csv_cells.ts";
 * import assert from "node:assert/strict";
 *
 * const error = new CsvError("data/x.csv", 7, "price_usd", 'expected a number, found "abc"');
 * assert.equal(error.message, 'data/x.csv:7: column "price_usd": expected a number, found "abc"');
 * assert.equal(error.line, 7);
 * ```
 */
export class CsvError extends Error {
  /** The file (or name) being parsed. */
  readonly file: string;
  /** 1-based line number, or 0 for the file as a whole. */
  readonly line: number;
  /** Column name, when the problem is a cell. */
  readonly column: string | undefined;

  /** Builds a message of the form `file:line: column "c": what`, as the class example shows. */
  constructor(file: string, line: number, column: string | undefined, what: string) {
    const where = line > 0 ? `${file}:${line}` : file;
    super(column === undefined ? `${where}: ${what}` : `${where}: column "${column}": ${what}`);
    this.name = "CsvError";
    this.file = file;
    this.line = line;
    this.column = column;
  }
}

/**
 * Shows a cell in an error message, short enough to read.
 *
 * @example
 * ```ts
 * import { quote } from "./csv_cells.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(quote("abc"), '"abc"');
 * assert.equal(quote("x".repeat(41)), `"${"x".repeat(40)}…"`);
 * ```
 */
export function quote(value: string): string {
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return JSON.stringify(shown);
}

/**
 * Converts one cell to a number as `spec` demands, or throws a {@linkcode CsvError} that names
 * the file, line, column, the value and what was expected. Blank optional cells become `NaN`.
 *
 * @example
 * ```ts
 * import { numberCell } from "./csv_cells.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(numberCell("f.csv", 2, { name: "x", type: "integer" }, "144"), 144);
 * assert.throws(() => numberCell("f.csv", 2, { name: "x", type: "number" }, "1e400"), /finite/);
 * ```
 */
export function numberCell(file: string, line: number, spec: ColumnSpec, raw: string): number {
  const fail = (what: string) => badCell(file, line, spec, what, raw);
  if (raw.trim() === "") {
    if (spec.optional) return NaN;
    throw fail(describe(spec));
  }
  const value = decimalAt(raw); // NaN for all but plain decimals, which `Number()` reads too
  if (Number.isNaN(value)) {
    throw fail(/^[+-]?(inf(inity)?|nan)$/i.test(raw) ? "a finite number" : describe(spec));
  }
  if (!Number.isFinite(value)) throw fail("a finite number");
  if (spec.type === "integer" && !Number.isInteger(value)) throw fail("a whole number");
  if (spec.positive && value <= 0) {
    throw fail(`a positive number${spec.optional ? " or blank" : ""}`);
  }
  if (spec.min !== undefined && value < spec.min) throw fail(`a value of at least ${spec.min}`);
  return value;
}

/**
 * Checks one text cell (`string` or `date`) as `spec` demands and returns it unchanged, or
 * throws a {@linkcode CsvError} naming the file, line, column, the value and what was expected:
 * a date must be a real `YYYY-MM-DD` day, a cell of a column with `values` one of them (the
 * message lists them). Blank optional cells become `""`.
 *
 * @example
 * ```ts
 * import { textCell } from "./csv_cells.ts";
 * import assert from "node:assert/strict";
 *
 * const basis = { name: "mw_basis", type: "string", values: ["critical IT", "gross"] } as const;
 * assert.equal(textCell("f.csv", 4, basis, "gross"), "gross");
 * assert.throws(
 *   () => textCell("f.csv", 4, basis, "IT"),
 *   /^CsvError: f\.csv:4: column "mw_basis": expected one of "critical IT", "gross", found "IT"$/,
 * );
 * ```
 */
export function textCell(file: string, line: number, spec: ColumnSpec, raw: string): string {
  if (raw.trim() === "" && spec.optional) return "";
  const isDate = spec.type !== "date" ||
    (spec.dates === undefined ? isIsoDate(raw) : isDateOfForm(raw, spec.dates));
  const isUrl = !spec.url || /^https?:\/\/\S+$/.test(raw);
  const isValue = spec.values === undefined ? raw.trim() !== "" : spec.values.includes(raw);
  if (!isDate || !isUrl || !isValue) throw badCell(file, line, spec, describe(spec), raw);
  return raw;
}

/** The error for a cell that is not what `spec` asks: `expected <what>, found <the cell>`. */
function badCell(file: string, line: number, spec: ColumnSpec, what: string, raw: string) {
  const found = raw.trim() === "" ? "an empty cell" : quote(raw);
  return new CsvError(file, line, spec.name, `expected ${what}, found ${found}`);
}

/**
 * True when `text` is a real year, month or day in one of `forms`.
 *
 * @example
 * ```ts
 * import { isDateOfForm } from "./csv_cells.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(isDateOfForm("2024-02", ["YYYY-MM", "YYYY-MM-DD"]), true);
 * assert.equal(isDateOfForm("2024", ["YYYY-MM", "YYYY-MM-DD"]), false);
 * assert.equal(isDateOfForm("2024-02-30", ["YYYY", "YYYY-MM", "YYYY-MM-DD"]), false);
 * ```
 */
export function isDateOfForm(text: string, forms: readonly DateForm[]): boolean {
  const form = text.length === 4 ? "YYYY" : text.length === 7 ? "YYYY-MM" : "YYYY-MM-DD";
  return forms.includes(form) && isPartialIsoDate(text);
}

function describe(spec: ColumnSpec): string {
  if (spec.values !== undefined) {
    // Every value whole, however long: the message is where a person learns the vocabulary.
    const list = spec.values.map((v) => JSON.stringify(v)).join(", ");
    return `one of ${list}${spec.optional ? " or blank" : ""}`;
  }
  if (spec.url) return "an http(s) URL";
  switch (spec.type) {
    case "date": {
      const forms = spec.dates ?? ["YYYY-MM-DD"];
      if (forms.length === 1 && forms[0] === "YYYY-MM-DD") return "a date YYYY-MM-DD";
      return forms.length === 1 ? forms[0]! : `${forms.slice(0, -1).join(", ")} or ${forms.at(-1)}`;
    }
    case "integer":
      return "a whole number";
    case "number":
      return "a number";
    case "string":
      return "text";
  }
}
