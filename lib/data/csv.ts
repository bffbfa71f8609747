/**
 * A pure CSV parser driven by an explicit schema. The schema is the single source of the row
 * type: nothing is guessed from the text. One pass over the text (RFC 4180 quotes, embedded
 * newlines, CRLF, CR, a BOM) checks the header and the shape of each row and writes each cell,
 * as `csv_cells.ts` converts it, straight into its column, reporting any problem with the file,
 * line, column, value and the expected type.
 *
 * @module
 */
import { type ColumnSpec, CsvError, numberCell, quote, textCell } from "./csv_cells.ts";
import { POWERS_OF_TEN } from "../units/decimal.ts";

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

/** CSV text, whole or in chunks split anywhere, whose `length` (or more) sizes the columns. */
export type CsvText = string | (Iterable<string> & { readonly length?: number });

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
  text: CsvText,
  schema: S,
  options: ParseCsvOptions = {},
): ParsedCsv<S> {
  const file = options.file ?? "<csv>";
  const listed = schema.find((s) => s.values !== undefined && !["string", "date"].includes(s.type));
  if (listed !== undefined) {
    throw new TypeError(
      `Cannot parse ${file}: column "${listed.name}" lists values, but is of type ` +
        `"${listed.type}"; values apply to text columns only`,
    );
  }
  const reader = new ColumnReader(file, schema, options.header ?? "exact", text.length ?? 0);
  let rest = "";
  for (const chunk of typeof text === "string" ? [text] : text) rest = reader.read(rest + chunk);
  reader.read(rest, true);
  const { header, rowCount, columns, lines } = reader;
  if (header === undefined) throw new CsvError(file, 0, undefined, "the file is empty");
  if (rowCount === 0) throw new CsvError(file, 1, undefined, "the file has a header but no rows");
  const fit = (column: Float64Array | string[]) =>
    column instanceof Float64Array
      ? column.subarray(0, rowCount)
      : Object.assign(column, { length: rowCount });
  const named = Object.fromEntries(schema.map(({ name }, c) => [name, fit(columns[c]!)]));
  return { columns: named as Columns<S>, rowCount, lines: lines.subarray(0, rowCount) };
}

// Reads records a chunk of text at a time, each cell into its column (numbers into `Float64Array`s
// sized from the text's length): a number provably what its column asks (`low` folds `min` and
// `positive`, 5e-324 being the least double above 0) directly, others through the cell checks.
class ColumnReader {
  header: string[] | undefined; // trimmed, once read
  slots: number[] = []; // the schema column of each field of a row, or -1
  cells: string[] = []; // of the header
  lines = new Int32Array(1024);
  columns: (Float64Array | string[])[];
  low: number[];
  total: number; // the text's length, or more
  rowCount = 0;
  line = 1; // where the next record starts
  blankLine = 0; // the first of the blank lines just read: an error if a row follows
  consumed = 0; // characters before the text being read
  waiting = 0; // the length of its rest, read again only once the text has doubled

  constructor(readonly file: string, readonly schema: Schema, readonly mode: Mode, total: number) {
    this.total = total;
    const isNumber = (spec: ColumnSpec) => spec.type === "number" || spec.type === "integer";
    this.columns = schema.map((spec) => isNumber(spec) ? new Float64Array(1024) : []);
    this.low = schema.map((s) => Math.max(s.min ?? -Infinity, s.positive ? 5e-324 : -Infinity));
  }

  /** Reads the records `text` holds whole (all, when `final`) and returns the rest. */
  read(text: string, final = false): string {
    if (!final && text.length < 2 * this.waiting) return text;
    let at = this.header === undefined && this.line === 1 && codeAt(text, 0) === 0xfeff ? 1 : 0;
    for (let next = 0; at < text.length && (next = this.record(text, at, final)) >= 0;) at = next;
    [this.consumed, this.waiting] = [this.consumed + at, text.length - at];
    return text.slice(at);
  }

  // Reads the record at `at`, a call each (compilers optimize short calls, not long loops), and
  // returns where the next starts, or -1 when `text` may not hold all of it (not `final`).
  record(text: string, at: number, final: boolean): number {
    if (this.rowCount === this.lines.length) this.grow(this.consumed + at);
    const { file, line, header, slots, columns, low } = this;
    if (header === undefined) this.cells.length = 0;
    let i = at, fields = 0, newlines = 0, start = at, end = at, c = 0, quoted = false, value = NaN;
    let error: unknown;
    for (;; i++) {
      const slot = fields < slots.length ? slots[fields]! : -1;
      start = i, c = codeAt(text, i), value = NaN;
      if ((quoted = c === 34)) {
        end = text.indexOf('"', i + 1);
        while (end !== -1 && codeAt(text, end + 1) === 34) end = text.indexOf('"', end + 2);
        if (end === -1 || (end === text.length - 1 && !final)) {
          if (!final) return -1;
          const runs = `; the cell runs to the end of the file: ${quote(text.slice(i + 1))}`;
          throw new CsvError(file, line, header?.[fields], UNTERMINATED + (header ? runs : ""));
        }
        newlines += text.slice(i, end).split(/\r\n?|\n/).length - 1;
        for (i = end + 1; codeAt(text, i) === 32;) i++; // spaces may follow the quote
        if ((c = codeAt(text, i)) !== 44 && c !== 10 && c !== 13 && c >= 0) {
          throw new CsvError(file, line, undefined, MALFORMED);
        }
      } else if (slot >= 0 && columns[slot] instanceof Float64Array) {
        // Digits to an integer up to 2^53 over a power of ten up to 1e22, both exact, round
        // correctly in one division; longer ones go to `Number`, exponents to `numberCell`.
        const negative = c === 45;
        if (c === 45 || c === 43) c = codeAt(text, ++i);
        let mantissa = 0, digits = 0, point = -1;
        for (; (c >= 48 && c <= 57) || (c === 46 && point < 0); c = codeAt(text, ++i)) {
          if (c === 46) point = digits;
          else mantissa = mantissa * 10 + c - 48, digits++;
        }
        const scale = point < 0 ? 0 : digits - point;
        if (digits > 0 && (c === 44 || c === 10 || c === 13 || c < 0)) {
          value = mantissa <= 2 ** 53 && scale <= 22
            ? (negative ? -mantissa : mantissa) / POWERS_OF_TEN[scale]!
            : Number(text.slice(start, i));
        }
      }
      if (!quoted) {
        while (c !== 44 && c !== 10 && c !== 13 && c >= 0) c = codeAt(text, ++i);
        end = i;
      }
      if (c < 0 && !final) return -1; // the record may go on in the next chunk
      const column = slot >= 0 ? columns[slot] : undefined;
      if (header === undefined) this.cells.push(cellText(text, start, end, quoted).trim());
      else if (
        column instanceof Float64Array && value >= low[slot]! && Number.isFinite(value) &&
        (value % 1 === 0 || this.schema[slot]!.type === "number")
      ) {
        column[this.rowCount] = value;
      } else if (column !== undefined && error === undefined) {
        // A bad cell waits for the end of its record: a wrong number of fields comes first.
        try {
          const [spec, raw] = [this.schema[slot]!, cellText(text, start, end, quoted)];
          column[this.rowCount] = column instanceof Float64Array
            ? numberCell(file, line, spec, raw)
            : textCell(file, line, spec, raw);
        } catch (e) {
          error = e;
        }
      }
      fields++;
      if (c !== 44) break;
    }
    if (c === 13 && i === text.length - 1 && !final) return -1; // a CRLF split between chunks
    if (fields === 1 && !quoted && text.slice(start, end).trim() === "") this.blankLine ||= line;
    else if (header === undefined) {
      this.header = this.blankLine ? [""] : [...this.cells]; // blank lines: an empty header
      const indexOf = checkHeader(file, this.header, this.schema, this.mode);
      this.slots = this.header.map((_, h) => indexOf.indexOf(h));
    } else {
      const blank = this.blankLine;
      if (blank) throw new CsvError(file, blank, undefined, "blank line inside the data");
      if (fields !== header.length) {
        // A row cut at the end of the file ends inside its last field: name it and its text.
        const cut = c < 0 && fields < header.length && quote(cellText(text, start, end, quoted));
        const what = `expected ${header.length} fields as in the header, found ${fields}`;
        const more = cut ? `, the last ${cut} (the file looks cut off mid-row)` : "";
        throw new CsvError(file, line, cut ? header[fields - 1] : undefined, what + more);
      }
      if (error !== undefined) throw error;
      this.lines[this.rowCount++] = line;
    }
    this.line += 1 + newlines;
    return i + (c === 13 && codeAt(text, i + 1) === 10 ? 2 : 1);
  }

  /** Makes room for more rows: as many as the text's length suggests, else twice as many. */
  grow(seen: number): void {
    const [rows, total] = [this.rowCount, this.total];
    const size = total > seen ? Math.ceil(rows * total / seen * 1.05) + 1024 : 2 * rows;
    const larger = <A extends Float64Array | Int32Array>(from: A, to: A) => (to.set(from), to);
    this.lines = larger(this.lines, new Int32Array(size));
    // Text columns too: grown a cell at a time, their copies would crowd the heap.
    this.columns = this.columns.map((column) =>
      column instanceof Float64Array
        ? larger(column, new Float64Array(size))
        : Object.assign(new Array<string>(size), column)
    );
  }
}

type Mode = NonNullable<ParseCsvOptions["header"]>;
// The message the project's CSV errors have always used for an open quote (users grep for it).
const UNTERMINATED = "cannot read CSV: Quoted field unterminated";
const MALFORMED = "cannot read CSV: Trailing quote on quoted field is malformed";

/** The character code at `i`, or -1 past the end (where `charCodeAt` slows compiled code). */
function codeAt(text: string, i: number): number {
  return i < text.length ? text.charCodeAt(i) : -1;
}

/** A cell's text: a quoted cell without its quotes, its doubled quotes made single. */
function cellText(text: string, start: number, end: number, quoted: boolean): string {
  return quoted ? text.slice(start + 1, end).replaceAll('""', '"') : text.slice(start, end);
}

function checkHeader(file: string, names: readonly string[], schema: Schema, mode: Mode): number[] {
  const fail = (column: string | undefined, what: string) => new CsvError(file, 1, column, what);
  const seen = new Set<string>();
  for (const name of names) {
    // Unnamed columns cannot be asked for, so in subset mode they may repeat.
    if (name === "" && mode === "subset") continue;
    if (seen.has(name)) throw fail(name, "the header repeats this column");
    seen.add(name);
  }
  const expected = schema.map((s) => s.name);
  const missing = expected.filter((name) => !seen.has(name));
  const extra = mode === "exact" ? names.filter((name) => !expected.includes(name)) : [];
  const listed = (names: string[]) => names.map((name) => `"${name}"`).join(", ");
  if (missing.length > 0 || extra.length > 0) {
    const parts = [];
    if (missing.length > 0) parts.push(`missing ${listed(missing)}`);
    if (extra.length > 0) parts.push(`unexpected ${listed(extra)}`);
    const columns = `Expected columns: ${expected.join(",")}`;
    throw fail(undefined, `header does not match the schema: ${parts.join("; ")}. ${columns}`);
  }
  if (mode === "exact" && names.some((name, i) => name !== expected[i])) {
    throw fail(undefined, `columns are out of order; expected ${expected.join(",")}`);
  }
  return expected.map((name) => names.indexOf(name));
}
