/**
 * A pure CSV parser driven by an explicit schema. The schema is the single source of the row
 * type: nothing is guessed from the text. Papaparse tokenises (quotes, embedded newlines, CRLF);
 * this module checks the header, converts each cell and reports any problem with the file, line,
 * column, value and the expected type.
 *
 * @module
 */
import Papa from "papaparse";

/** The cell types a schema can ask for. */
export const CELL_TYPES = ["date", "number", "integer", "string"] as const;
/** One of {@linkcode CELL_TYPES}. */
export type CellType = typeof CELL_TYPES[number];

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
}

/** An ordered list of columns. */
export type Schema = readonly ColumnSpec[];

/** The array type holding a column of cell type `T`. */
export type ColumnValue<T extends CellType> = T extends "date" | "string" ? string[] : Float64Array;

/** Typed columns keyed by header name: numbers in `Float64Array`, dates and strings in arrays. */
export type Columns<S extends Schema> = {
  [C in S[number] as C["name"]]: ColumnValue<C["type"]>;
};

/** The result of {@linkcode parseCsv}. */
export interface ParsedCsv<S extends Schema> {
  /** Typed columns in schema order. */
  readonly columns: Columns<S>;
  /** Number of data rows. */
  readonly rowCount: number;
  /** 1-based line number in the file where each row starts, for error messages downstream. */
  readonly lines: Int32Array;
}

/** Options for {@linkcode parseCsv}. */
export interface ParseCsvOptions {
  /** Name used in error messages. Default `"<csv>"`. */
  readonly file?: string;
  /**
   * `exact`: the header must equal the schema (missing, extra and renamed columns are errors).
   * `subset`: the schema's columns must be present; other columns are ignored. Default `exact`.
   */
  readonly header?: "exact" | "subset";
}

/** A CSV problem located by file, line and column. */
export class CsvError extends Error {
  /** The file (or name) being parsed. */
  readonly file: string;
  /** 1-based line number, or 0 for the file as a whole. */
  readonly line: number;
  /** Column name, when the problem is a cell. */
  readonly column: string | undefined;

  /** Builds a message of the form `file:line: column "c": what`. */
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
 * A plain decimal such as `-12.5e3`: `Number()` accepts it, but `Number()` also accepts forms
 * a CSV cell must not have (spaces, `0x1F`, `Infinity`), which the first, second and last
 * characters rule out. Cheaper than a regular expression on every cell.
 */
function isDecimal(text: string): boolean {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  const firstOk = (first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46;
  const lastOk = (last >= 48 && last <= 57) || last === 46;
  if (!firstOk || !lastOk) return false;
  const second = text.charCodeAt(1) | 0x20; // lower case
  return !(first === 48 && (second === 120 || second === 98 || second === 111)); // 0x 0b 0o
}
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * True when `text` is a real calendar date written `YYYY-MM-DD`.
 *
 * @example
 * ```ts
 * import { isIsoDate } from "./csv.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(isIsoDate("2024-02-29"), true);
 * assert.equal(isIsoDate("2023-02-29"), false);
 * assert.equal(isIsoDate("2024-1-01"), false);
 * ```
 */
export function isIsoDate(text: string): boolean {
  // Arithmetic rather than `new Date()`: this runs once per row of every file.
  if (!ISO_DATE.test(text)) return false;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= days;
}

/** Shows a cell in an error message, short enough to read. */
export function quote(value: string): string {
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return JSON.stringify(shown);
}

/**
 * Parses CSV text against a schema into typed columns.
 *
 * @example Parse two typed columns
 * ```ts
 * import { parseCsv } from "./csv.ts";
 * import assert from "node:assert/strict";
 *
 * const schema = [
 *   { name: "date", type: "date" },
 *   { name: "price_usd", type: "number", min: 0 },
 * ] as const;
 * const { columns, rowCount } = parseCsv("date,price_usd\n2024-04-20,64000.5\n", schema);
 * assert.equal(rowCount, 1);
 * assert.deepEqual(columns.date, ["2024-04-20"]);
 * assert.equal(columns.price_usd[0], 64000.5);
 * assert.throws(() => parseCsv("date,price_usd\n2024-04-20,-1\n", schema), /line 2|:2:/);
 * ```
 */
export function parseCsv<S extends Schema>(
  text: string,
  schema: S,
  options: ParseCsvOptions = {},
): ParsedCsv<S> {
  const file = options.file ?? "<csv>";
  const headerMode = options.header ?? "exact";
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === "") throw new CsvError(file, 0, undefined, "the file is empty");

  // Without quotes a record is a line and a field is what lies between commas, and splitting is
  // twice as fast as the general tokenizer; quoted files go through papaparse.
  const parsed = text.includes('"')
    ? Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimiter: "," })
    : {
      data: (text.includes("\r") ? text.split(/\r?\n|\r/) : text.split("\n")).map((line) =>
        line.split(",")
      ),
      errors: [],
    };
  const records = parsed.data;
  const endsWithNewline = text.endsWith("\n") || text.endsWith("\r");
  // Trailing empty lines (editors often leave one more) are not rows.
  while (records.length > 1) {
    const last = records[records.length - 1]!;
    if (last.length === 1 && last[0]!.trim() === "") records.pop();
    else break;
  }
  const firstError = (parsed.errors as Papa.ParseError[]).find((e) =>
    e.code !== "UndetectableDelimiter"
  );

  // Line where each record starts: one line per record plus any newlines inside quoted cells.
  const recordLines = new Int32Array(records.length);
  let line = 1;
  const mayHaveNewlines = text.includes('"');
  for (let r = 0; r < records.length; r++) {
    recordLines[r] = line;
    line += 1;
    if (mayHaveNewlines) {
      for (const cell of records[r]!) {
        for (let i = cell.indexOf("\n"); i !== -1; i = cell.indexOf("\n", i + 1)) line++;
      }
    }
  }
  if (firstError !== undefined) {
    const at = firstError.row !== undefined ? recordLines[firstError.row] ?? 0 : 0;
    throw new CsvError(file, at, undefined, `cannot read CSV: ${firstError.message}`);
  }

  const header = records[0]!.map((h) => h.trim());
  const indexOf = checkHeader(file, header, schema, headerMode);
  const rowCount = records.length - 1;
  if (rowCount === 0) throw new CsvError(file, 1, undefined, "the file has a header but no rows");

  const columns: Record<string, string[] | Float64Array> = {};
  const numeric: (Float64Array | undefined)[] = [];
  const textual: (string[] | undefined)[] = [];
  for (const spec of schema) {
    const isText = spec.type === "date" || spec.type === "string";
    const column = isText ? new Array<string>(rowCount) : new Float64Array(rowCount);
    columns[spec.name] = column;
    numeric.push(isText ? undefined : column as Float64Array);
    textual.push(isText ? column as string[] : undefined);
  }
  const lines = new Int32Array(rowCount);
  for (let r = 0; r < rowCount; r++) {
    const record = records[r + 1]!;
    const at = recordLines[r + 1]!;
    lines[r] = at;
    if (record.length === 1 && record[0] === "") {
      throw new CsvError(file, at, undefined, "blank line inside the data");
    }
    if (record.length !== header.length) {
      const cut = r === rowCount - 1 && record.length < header.length && !endsWithNewline;
      throw new CsvError(
        file,
        at,
        undefined,
        `expected ${header.length} fields as in the header, found ${record.length}` +
          (cut ? " (the file looks cut off mid-row)" : ""),
      );
    }
    for (let c = 0; c < schema.length; c++) {
      const raw = record[indexOf[c]!]!;
      const numbers = numeric[c];
      if (numbers !== undefined) numbers[r] = numberCell(file, at, schema[c]!, raw);
      else textual[c]![r] = toText(file, at, schema[c]!, raw);
    }
  }
  return { columns: columns as Columns<S>, rowCount, lines };
}

function checkHeader(
  file: string,
  header: readonly string[],
  schema: Schema,
  mode: "exact" | "subset",
): number[] {
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) throw new CsvError(file, 1, name, "the header repeats this column");
    seen.add(name);
  }
  const expected = schema.map((s) => s.name);
  const missing = expected.filter((name) => !seen.has(name));
  const extra = header.filter((name) => !expected.includes(name));
  if (missing.length > 0 || (mode === "exact" && extra.length > 0)) {
    const parts = [];
    if (missing.length > 0) parts.push(`missing ${missing.map((m) => `"${m}"`).join(", ")}`);
    if (mode === "exact" && extra.length > 0) {
      parts.push(`unexpected ${extra.map((m) => `"${m}"`).join(", ")}`);
    }
    throw new CsvError(
      file,
      1,
      undefined,
      `header does not match the schema: ${parts.join("; ")}. Expected columns: ${
        expected.join(",")
      }`,
    );
  }
  if (mode === "exact" && header.some((name, i) => name !== expected[i])) {
    throw new CsvError(
      file,
      1,
      undefined,
      `columns are out of order; expected ${expected.join(",")}`,
    );
  }
  return expected.map((name) => header.indexOf(name));
}

/**
 * Converts one cell to a number as `spec` demands, or throws a {@linkcode CsvError} that names
 * the file, line, column, the value and what was expected. Blank optional cells become `NaN`.
 *
 * @example
 * ```ts
 * import { numberCell } from "./csv.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(numberCell("f.csv", 2, { name: "x", type: "integer" }, "144"), 144);
 * assert.throws(() => numberCell("f.csv", 2, { name: "x", type: "number" }, "1e400"), /finite/);
 * ```
 */
export function numberCell(file: string, line: number, spec: ColumnSpec, raw: string): number {
  const text = raw;
  if (text.trim() === "") {
    if (spec.optional) return NaN;
    throw new CsvError(file, line, spec.name, `expected ${describe(spec)}, found an empty cell`);
  }
  const value = isDecimal(text) ? Number(text) : NaN;
  if (Number.isNaN(value)) {
    const what = /^[+-]?(inf(inity)?|nan)$/i.test(text) ? "a finite number" : describe(spec);
    throw new CsvError(file, line, spec.name, `expected ${what}, found ${quote(raw)}`);
  }
  if (!Number.isFinite(value)) {
    throw new CsvError(file, line, spec.name, `expected a finite number, found ${quote(raw)}`);
  }
  if (spec.type === "integer" && !Number.isInteger(value)) {
    throw new CsvError(file, line, spec.name, `expected a whole number, found ${quote(raw)}`);
  }
  if (spec.min !== undefined && value < spec.min) {
    throw new CsvError(
      file,
      line,
      spec.name,
      `expected a value of at least ${spec.min}, found ${quote(raw)}`,
    );
  }
  return value;
}

function toText(file: string, line: number, spec: ColumnSpec, raw: string): string {
  if (raw.trim() === "") {
    if (spec.optional) return "";
    throw new CsvError(file, line, spec.name, `expected ${describe(spec)}, found an empty cell`);
  }
  if (spec.type === "date" && !isIsoDate(raw)) {
    throw new CsvError(file, line, spec.name, `expected a date YYYY-MM-DD, found ${quote(raw)}`);
  }
  return raw;
}

function describe(spec: ColumnSpec): string {
  switch (spec.type) {
    case "date":
      return "a date YYYY-MM-DD";
    case "integer":
      return "a whole number";
    case "number":
      return "a number";
    case "string":
      return "text";
  }
}
