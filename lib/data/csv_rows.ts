/**
 * A dataset's rows: {@linkcode rowsFromCsv} parses CSV text against a schema into one frozen
 * object per row and applies the rules that link cells across a row or across rows (a column
 * that follows from another, keys no two rows share, a sort order, a dataset's own checks),
 * naming the file, line, column and values of the first broken rule; {@linkcode readDataset}
 * reads a dataset's file for its loader.
 *
 * @module
 */
import {
  CsvError,
  parseCsv,
  type ParseCsvOptions,
  quote,
  type Schema,
  type SchemaRow,
} from "./csv.ts";

/** A column of `R` by name. */
type Name<R> = keyof R & string;

/** Makes the error for a broken rule of a row, naming its column and what was wrong. */
export type RowFail<R> = (column: Name<R>, what: string) => CsvError;

/** Rules {@linkcode rowsFromCsv} checks on each row, in the order listed. */
export interface RowRules<R> {
  /** Columns whose value follows from another's: `unit` is `values[row[by]]`. */
  readonly follows?: readonly {
    readonly column: Name<R>;
    readonly by: Name<R>;
    readonly values: { readonly [value: string]: string };
  }[];
  /** A dataset's own checks of one row: throw `fail(column, what)` at the first problem. */
  readonly check?: (row: R, fail: RowFail<R>) => void;
  /**
   * Keys no two rows share: the `key` columns' values together, among the rows `where` selects
   * (`rows` names them in the message, default "row"); reported in `column`, default the key's
   * first column.
   */
  readonly unique?: readonly {
    readonly key: readonly Name<R>[];
    readonly column?: Name<R>;
    readonly where?: (row: R) => boolean;
    readonly rows?: string;
  }[];
  /** Columns the rows are sorted by, as {@linkcode compareRows} orders them. */
  readonly sortedBy?: readonly Name<R>[];
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
  text: string,
  schema: S,
  options: ParseCsvOptions & RowRules<SchemaRow<S>> = {},
): ParsedRows<SchemaRow<S>> {
  type R = SchemaRow<S>;
  const file = options.file ?? "<csv>";
  const { columns, rowCount, lines } = parseCsv(text, schema, options);
  const table = columns as Record<string, ArrayLike<string | number>>;
  const order = options.sortedBy !== undefined ? compareRows(schema, options.sortedBy) : undefined;
  const seen = (options.unique ?? []).map(() => new Map<string, number>());
  const rows: R[] = [];
  for (let i = 0; i < rowCount; i++) {
    const cells: Record<string, string | number> = {};
    for (const { name } of schema) cells[name] = table[name]![i]!;
    const row = Object.freeze(cells) as R;
    const line = lines[i]!;
    const fail = (column: string, what: string) => new CsvError(file, line, column, what);
    for (const { column, by, values } of options.follows ?? []) {
      const expected = values[String(row[by])]!;
      if (row[column] !== expected) {
        throw fail(
          column,
          `expected ${quote(expected)} for ${by} ${quote(String(row[by]))}, found ` +
            quote(String(row[column])),
        );
      }
    }
    options.check?.(row, fail);
    options.unique?.forEach(({ key, column, where, rows: what }, k) => {
      if (where !== undefined && !where(row)) return;
      const id = key.map((name) => row[name]).join("\u0000");
      const first = seen[k]!.get(id);
      if (first === undefined) return void seen[k]!.set(id, line);
      throw fail(
        column ?? key[0]!,
        `${keyText(row, key)} repeats line ${first}; expected one ${what ?? "row"} per ` +
          key.join(", ").replace(/, (?!.*, )/, " and "),
      );
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
  return { rows, lines };
}

/** The values of `names` in `row`, quoted: one alone, several in parentheses. */
function keyText<R>(row: R, names: readonly Name<R>[]): string {
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
export function compareRows<S extends Schema, K extends Name<SchemaRow<S>>>(
  schema: S,
  columns: readonly K[],
): (a: Pick<SchemaRow<S>, K>, b: Pick<SchemaRow<S>, K>) => number {
  const ranks = columns.map((name) => schema.find((c) => c.name === name)?.values);
  return (a, b) => {
    for (let c = 0; c < columns.length; c++) {
      const x = a[columns[c]!] as string | number;
      const y = b[columns[c]!] as string | number;
      const rank = ranks[c];
      const order = rank !== undefined
        ? rank.indexOf(x as string) - rank.indexOf(y as string)
        : x < y
        ? -1
        : x > y
        ? 1
        : 0;
      if (order !== 0) return Math.sign(order);
    }
    return 0;
  };
}

/**
 * The URL of `path` (such as `data/btc_daily.csv`) in this project: a loader's default file.
 *
 * @example
 * ```ts
 * import { datasetUrl } from "./csv_rows.ts";
 * import assert from "node:assert/strict";
 *
 * assert.match(datasetUrl("data/btc_daily.csv").pathname, /\/data\/btc_daily\.csv$/);
 * ```
 */
export function datasetUrl(path: string): URL {
  return new URL(`../../${path}`, import.meta.url);
}

/**
 * Reads a dataset's file and hands its text to `parse`, with the name its errors give the file:
 * the path as given, or a URL's pathname.
 *
 * @example
 * ```ts
 * import { datasetUrl, readDataset } from "./csv_rows.ts";
 * import assert from "node:assert/strict";
 *
 * const file = await readDataset(datasetUrl("data/btc_daily.csv"), (_text, file) => file);
 * assert.match(file, /\/data\/btc_daily\.csv$/);
 * ```
 */
export async function readDataset<T>(
  path: string | URL,
  parse: (text: string, file: string) => T,
): Promise<T> {
  const text = await Deno.readTextFile(path);
  return parse(text, path instanceof URL ? path.pathname : path);
}
