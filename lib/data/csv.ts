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

type ColumnValue<T extends CellType> = T extends "date" | "string" ? string[] : Float64Array;

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

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `text` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
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

  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false });
  const records = parsed.data;
  const endsWithNewline = text.endsWith("\n") || text.endsWith("\r");
  if (endsWithNewline && records.length > 0) {
    const last = records[records.length - 1]!;
    if (last.length === 1 && last[0] === "") records.pop();
  }
  const firstError = parsed.errors.find((e) => e.code !== "UndetectableDelimiter");

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
  for (const spec of schema) {
    columns[spec.name] = spec.type === "date" || spec.type === "string"
      ? new Array<string>(rowCount)
      : new Float64Array(rowCount);
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
      const spec = schema[c]!;
      const raw = record[indexOf[c]!]!;
      const column = columns[spec.name]!;
      if (typeof column === "object" && column instanceof Float64Array) {
        column[r] = numberCell(file, at, spec, raw);
      } else {
        (column as string[])[r] = toText(file, at, spec, raw);
      }
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
    throw new CsvError(file, 1, undefined, `columns are out of order; expected ${expected.join(",")}`);
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
  const text = raw.trim();
  if (text === "") {
    if (spec.optional) return NaN;
    throw new CsvError(file, line, spec.name, `expected ${describe(spec)}, found an empty cell`);
  }
  if (!DECIMAL.test(text)) {
    throw new CsvError(file, line, spec.name, `expected ${describe(spec)}, found ${quote(raw)}`);
  }
  const value = Number(text);
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
