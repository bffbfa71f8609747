/**
 * A pure CSV parser driven by an explicit schema. The schema is the single source of the row
 * type: nothing is guessed from the text. Papaparse tokenises (quotes, embedded newlines, CRLF);
 * this module checks the header and the shape of each row, and converts each cell with
 * `csv_cells.ts`, reporting any problem with the file, line, column, value and the expected type.
 *
 * @module
 */
// @ts-types="./_papaparse.d.ts"
import Papa from "papaparse";
import { type ColumnSpec, CsvError, numberCell, quote, textCell } from "./csv_cells.ts";

// The cell vocabulary is part of the parser's interface: `import { parseCsv, CsvError }`.
export {
  CELL_TYPES,
  type CellType,
  type ColumnSpec,
  CsvError,
  DATE_FORMS,
  type DateForm,
  isDateOfForm,
  numberCell,
  quote,
} from "./csv_cells.ts";
// What a `date` cell must be; the calendar itself is on the units floor.
export { isIsoDate } from "../units/calendar.ts";

/** An ordered list of columns. */
export type Schema = readonly ColumnSpec[];

/**
 * The value of one cell of column `C`: a number for `number` and `integer`, else text, narrowed
 * to the column's `values` (and `""` when optional).
 */
export type CellValue<C extends ColumnSpec> = C extends
  { readonly values: readonly (infer V extends string)[] }
  ? (C extends { readonly optional: true } ? V | "" : V)
  : C["type"] extends "number" | "integer" ? number
  : string;

/** One row of schema `S`, keyed by header name: the row type a loader returns. */
export type SchemaRow<S extends Schema> = {
  readonly [C in S[number] as C["name"]]: CellValue<C>;
};

/** Typed columns keyed by header name: numbers in `Float64Array`, text in arrays. */
export type Columns<S extends Schema> = {
  [C in S[number] as C["name"]]: [CellValue<C>] extends [number] ? Float64Array : CellValue<C>[];
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
   * `subset`: the schema's columns must be present; other columns, including unnamed (blank)
   * ones such as the trailing empty columns of a spreadsheet export, are ignored. Default `exact`.
   */
  readonly header?: "exact" | "subset";
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
  for (const spec of schema) {
    if (spec.values !== undefined && spec.type !== "string" && spec.type !== "date") {
      throw new TypeError(
        `Cannot parse ${file}: column "${spec.name}" lists values, but is of type ` +
          `"${spec.type}"; values apply to text columns only`,
      );
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === "") throw new CsvError(file, 0, undefined, "the file is empty");

  // Without quotes a record is a line and a field is what lies between commas, and splitting is
  // twice as fast as the general tokenizer; quoted files go through papaparse, always with
  // commas: left to guess, it can pick ";" for a small file whose rows all hold semicolons.
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
  const firstError = (parsed.errors as Papa.ParseError[])[0];

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
    const row = firstError.row;
    const at = row !== undefined ? recordLines[row] ?? 0 : 0;
    // An unterminated quote swallows the rest of the file into the record's last cell.
    const record = firstError.code === "MissingQuotes" && row ? records[row] : undefined;
    const cell = record?.[record.length - 1];
    const column = record ? records[0]![record.length - 1]?.trim() : undefined;
    throw new CsvError(
      file,
      at,
      column,
      `cannot read CSV: ${firstError.message}` +
        (cell !== undefined ? `; the cell runs to the end of the file: ${quote(cell)}` : ""),
    );
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
      // A cut row ends inside its last field: name that column and what is left of it.
      throw new CsvError(
        file,
        at,
        cut ? header[record.length - 1] : undefined,
        `expected ${header.length} fields as in the header, found ${record.length}` +
          (cut
            ? `, the last ${quote(record[record.length - 1]!)} (the file looks cut off mid-row)`
            : ""),
      );
    }
    for (let c = 0; c < schema.length; c++) {
      const raw = record[indexOf[c]!]!;
      const numbers = numeric[c];
      if (numbers !== undefined) numbers[r] = numberCell(file, at, schema[c]!, raw);
      else textual[c]![r] = textCell(file, at, schema[c]!, raw);
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
  const fail = (column: string | undefined, what: string) => new CsvError(file, 1, column, what);
  const seen = new Set<string>();
  for (const name of header) {
    // Unnamed columns cannot be asked for, so in subset mode they may repeat.
    if (name === "" && mode === "subset") continue;
    if (seen.has(name)) throw fail(name, "the header repeats this column");
    seen.add(name);
  }
  const expected = schema.map((s) => s.name);
  const missing = expected.filter((name) => !seen.has(name));
  const extra = mode === "exact" ? header.filter((name) => !expected.includes(name)) : [];
  const listed = (names: string[]) => names.map((name) => `"${name}"`).join(", ");
  if (missing.length > 0 || extra.length > 0) {
    const parts = [];
    if (missing.length > 0) parts.push(`missing ${listed(missing)}`);
    if (extra.length > 0) parts.push(`unexpected ${listed(extra)}`);
    const columns = `Expected columns: ${expected.join(",")}`;
    throw fail(undefined, `header does not match the schema: ${parts.join("; ")}. ${columns}`);
  }
  if (mode === "exact" && header.some((name, i) => name !== expected[i])) {
    throw fail(undefined, `columns are out of order; expected ${expected.join(",")}`);
  }
  return expected.map((name) => header.indexOf(name));
}
