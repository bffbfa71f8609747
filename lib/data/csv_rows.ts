/**
 * A dataset's rows: {@linkcode rowsFromCsv} parses CSV text against a schema into one frozen
 * object per row and applies the rules that link cells across a row or across rows (a column
 * that follows from another, a dataset's own checks, a column computed from others, keys no two
 * rows share, a sort order), naming the file, line, column and values of the first broken rule;
 * {@linkcode datasetLoader} makes a dataset's loader from its parser. Each dataset module of
 * `lib/data` declares its schema (the single source of its row type) and rules, and exports its
 * parser `xFromCsv` and loader `loadX`.
 *
 * @module
 */
import {
  CsvError,
  type CsvText,
  parseCsv,
  type ParseCsvOptions,
  quote,
  type Schema,
  type SchemaRow,
} from "./csv.ts";
import { textChunks } from "../files/text_chunks.ts";

/** A column of row type `R`, by name. */
export type ColumnName<R> = keyof R & string;

/** A dataset's loader: it reads the file at `path`, by default the dataset's own. */
export type DatasetLoader<T> = (path?: string | URL) => Promise<T>;

/** Orders rows of type `R` by columns `K`. */
export type RowOrder<R, K extends keyof R> = (a: Pick<R, K>, b: Pick<R, K>) => number;

/** Makes the error for a broken rule of a row, naming its column and what was wrong. */
export type RowFail<R> = (column: ColumnName<R>, what: string) => CsvError;

/** A key no two rows share: the `key` columns' values together, among the rows `where` selects. */
export interface UniqueKey<R> {
  /** The key's columns. */
  readonly key: readonly ColumnName<R>[];
  /** The column errors name. Default: the key's first. */
  readonly column?: ColumnName<R>;
  /** The rows the key must be unique among. Default: all. */
  readonly where?: (row: R) => boolean;
  /** What the message calls those rows. Default `"row"`. */
  readonly rows?: string;
  /** Compare the key's values ignoring case. Default `false`. */
  readonly ignoreCase?: boolean;
  /** Every key of the file needs one row that `where` selects. Default `false`. */
  readonly required?: boolean;
}

/** Rules {@linkcode rowsFromCsv} checks on each row, in the order listed. */
export interface RowRules<R> {
  /**
   * Columns whose value follows from another's: `row[column]` is `values[row[by]]`, or one of
   * them for a list; a value of `by` missing from `values` leaves the column free.
   */
  readonly follows?: readonly {
    readonly column: ColumnName<R>;
    readonly by: ColumnName<R>;
    readonly values: { readonly [value: string]: string | readonly string[] };
  }[];
  /** A dataset's own checks of one row: throw `fail(column, what)` at the first problem. */
  readonly check?: (row: R, fail: RowFail<R>) => void;
  /**
   * Columns computed from others, compared with a relative tolerance of 1e-12: `value` gives
   * the row's figure by `formula` (for messages, in words or from the row), or `NaN` where it
   * does not apply, and then the cell must be blank, as `needs` explains.
   */
  readonly derived?: readonly {
    readonly column: ColumnName<R>;
    readonly formula: string | ((row: R) => string);
    readonly value: (row: R) => number;
    readonly needs?: string;
  }[];
  /** Keys no two rows share. */
  readonly unique?: readonly UniqueKey<R>[];
  /** Columns the rows are sorted by, as {@linkcode compareRows} orders them. */
  readonly sortedBy?: readonly ColumnName<R>[];
}

/** The result of {@linkcode rowsFromCsv}. */
export interface ParsedRows<R> {
  /** One frozen object per row, in file order. */
  readonly rows: R[];
  /** 1-based line in the file where each row starts. */
  readonly lines: Int32Array;
}

/**
 * Parses CSV text against `schema` into one frozen object per row, then checks `rules` row by
 * row. Any problem is a {@linkcode CsvError} naming the file, line, column and values.
 *
 * @example A key two rows share
 * ```ts
 * import { rowsFromCsv } from "./csv_rows.ts";
 * import assert from "node:assert/strict";
 *
 * const schema = [{ name: "id", type: "string" }, { name: "mw", type: "number" }] as const;
 * const { rows } = rowsFromCsv("id,mw\nA,200\nB,50\n", schema, { unique: [{ key: ["id"] }] });
 * assert.deepEqual(rows, [{ id: "A", mw: 200 }, { id: "B", mw: 50 }]);
 * assert.throws(
 *   () => rowsFromCsv("id,mw\nA,200\nA,50\n", schema, { file: "f.csv", unique: [{ key: ["id"] }] }),
 *   /^CsvError: f\.csv:3: column "id": "A" repeats line 2; expected one row per id$/,
 * );
 * ```
 */
export function rowsFromCsv<S extends Schema>(
  text: CsvText,
  schema: S,
  options: ParseCsvOptions & RowRules<SchemaRow<S>> = {},
): ParsedRows<SchemaRow<S>> {
  type R = SchemaRow<S>;
  const file = options.file ?? "<csv>";
  const { columns, rowCount, lines } = parseCsv(text, schema, options);
  const table = columns as Record<string, ArrayLike<string | number>>;
  const order = options.sortedBy !== undefined ? compareRows(schema, options.sortedBy) : undefined;
  const keys = (options.unique ?? []).map(() => new Map<string, number[]>());
  const rows: R[] = [];
  for (let i = 0; i < rowCount; i++) {
    const cells: Record<string, string | number> = {};
    for (const { name } of schema) cells[name] = table[name]![i]!;
    const row = Object.freeze(cells) as R;
    const line = lines[i]!;
    const fail = (column: string, what: string) => new CsvError(file, line, column, what);
    for (const { column, by, values } of options.follows ?? []) {
      const allowed = values[String(row[by])];
      if (allowed === undefined || [allowed].flat().includes(String(row[column]))) continue;
      const expected = typeof allowed === "string"
        ? quote(allowed)
        : `one of ${allowed.map((v) => JSON.stringify(v)).join(", ")}`;
      const found = quote(String(row[column]));
      throw fail(
        column,
        `expected ${expected} for ${by} ${quote(String(row[by]))}, found ${found}`,
      );
    }
    options.check?.(row, fail);
    for (const { column, formula, value, needs } of options.derived ?? []) {
      const [expected, found] = [value(row), row[column] as number];
      if (Number.isNaN(expected) && Number.isNaN(found)) continue;
      if (Math.abs(found - expected) <= 1e-12 * Math.abs(expected)) continue;
      const how = typeof formula === "string" ? formula : formula(row);
      const cell = Number.isNaN(found) ? "an empty cell" : found;
      throw fail(
        column,
        Number.isNaN(expected)
          ? `expected blank${needs ? ` (${needs})` : ""}, found ${found}`
          : `expected ${how} = ${expected}, found ${cell}`,
      );
    }
    options.unique?.forEach((unique, k) => {
      // Per key: the line of the row `where` selects (0 while none), then every line.
      const id = unique.key.map((name) => row[name]).join("\u0000");
      const seen = keys[k]!.get(unique.ignoreCase ? id.toLowerCase() : id) ?? [0];
      keys[k]!.set(unique.ignoreCase ? id.toLowerCase() : id, seen);
      seen.push(line);
      if (unique.where !== undefined && !unique.where(row)) return;
      const what = `${keyText(row, unique.key)} repeats line ${seen[0]}; ${expected(unique)}`;
      if (seen[0] !== 0) throw fail(unique.column ?? unique.key[0]!, what);
      seen[0] = line;
    });
    const previous = rows.at(-1);
    if (order !== undefined && previous !== undefined && order(previous, row) > 0) {
      const by = options.sortedBy!;
      const named = by.map((name) => {
        const vocabulary = schema.find((c) => c.name === name)?.values;
        return vocabulary === undefined ? name : `${name} (${vocabulary.join(", ")})`;
      });
      throw fail(
        by.at(-1)!,
        `${keyText(row, by)} follows ${keyText(previous, by)} of line ${lines[i - 1]}; expected ` +
          `rows sorted by ${named.join(", then ")}`,
      );
    }
    rows.push(row);
  }
  options.unique?.forEach((unique, k) => {
    if (!unique.required) return;
    for (const [first, ...at] of keys[k]!.values()) {
      if (first !== 0) continue;
      const row = rows[lines.indexOf(at[0]!)]!;
      const where = `line${at.length > 1 ? "s" : ""} ${at.join(", ")}`;
      const what = `${keyText(row, unique.key)} has no ${unique.rows ?? "row"} (${where}); `;
      throw new CsvError(file, at[0]!, unique.column ?? unique.key[0]!, what + expected(unique));
    }
  });
  return { rows, lines };
}

function expected<R>(unique: UniqueKey<R>): string {
  const per = unique.key.join(", ").replace(/, (?!.*, )/, " and ");
  return `expected one ${unique.rows ?? "row"} per ${per}`;
}

/** The values of `names` in `row`, quoted: one alone, several in parentheses. */
function keyText<R>(row: R, names: readonly ColumnName<R>[]): string {
  const quoted = names.map((name) => quote(String(row[name])));
  return quoted.length === 1 ? quoted[0]! : `(${quoted.join(", ")})`;
}

/**
 * Orders rows by `columns` in turn: a column with `values` in the order they are listed, any
 * other by character codes (so the order does not depend on the locale, and `2024` sorts before
 * `2024-07`), numbers by value.
 *
 * @example
 * ```ts
 * import { compareRows } from "./csv_rows.ts";
 * import assert from "node:assert/strict";
 *
 * const schema = [
 *   { name: "metric", type: "string", values: ["hashrate", "difficulty"] },
 *   { name: "date", type: "string" },
 * ] as const;
 * const compare = compareRows(schema, ["metric", "date"]);
 * const rows = [
 *   { metric: "difficulty", date: "2024" },
 *   { metric: "hashrate", date: "2025-01" },
 *   { metric: "hashrate", date: "2025" },
 * ] as const;
 * assert.deepEqual(rows.toSorted(compare).map((r) => r.date), ["2025", "2025-01", "2024"]);
 * ```
 */
export function compareRows<S extends Schema, K extends ColumnName<SchemaRow<S>>>(
  schema: S,
  columns: readonly K[],
): RowOrder<SchemaRow<S>, K> {
  const ranks = columns.map((name) => schema.find((c) => c.name === name)?.values);
  return (a, b) => {
    for (let c = 0; c < columns.length; c++) {
      const [x, y] = [a[columns[c]!], b[columns[c]!]] as (string | number)[];
      const rank = ranks[c];
      const order = rank !== undefined
        ? rank.indexOf(x as string) - rank.indexOf(y as string)
        : Number(x! > y!) - Number(x! < y!);
      if (order !== 0) return Math.sign(order);
    }
    return 0;
  };
}

/**
 * A dataset's loader: it reads `path` (default `defaultPath`, such as `data/btc_daily.csv`, in
 * this project) and hands its text to `parse` in chunks, which a parser need not hold at once,
 * with the file name its errors give: the path as given, or a URL's pathname.
 *
 * @example
 * ```ts
 * import { datasetLoader } from "./csv_rows.ts";
 * import assert from "node:assert/strict";
 *
 * const load = datasetLoader("data/btc_daily.csv", (text, { file }) => ({ file, text: [...text] }));
 * const { file, text } = await load();
 * assert.match(file, /\/data\/btc_daily\.csv$/);
 * assert.match(text.join(""), /^date,blocks,/);
 * ```
 */
export function datasetLoader<T>(
  defaultPath: string,
  parse: (text: CsvText, options: { file: string }) => T,
): DatasetLoader<T> {
  return async (path = new URL(`../../${defaultPath}`, import.meta.url)) =>
    parse(await textChunks(path), { file: path instanceof URL ? path.pathname : path });
}
