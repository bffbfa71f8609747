/**
 * A table's cells as text: each column's values formatted (`"usd"`, `"percent"`, `"number"`,
 * `"text"` or a function of the value and its row), missing numbers shown as "–", and the
 * column's alignment.
 *
 * @module
 */
import { formatPercent, formatUsd } from "../units/format.ts";
import { cell, cosmeticWarner, show } from "./_checks.ts";
import { message, warn } from "./_messages.ts";

/** Named cell formats: see {@linkcode TableColumn}. */
export const TABLE_FORMATS = ["usd", "percent", "number", "text"] as const;
/** One of {@linkcode TABLE_FORMATS}. */
export type TableFormat = typeof TABLE_FORMATS[number];

/**
 * One column of a table; `field` picks the row field, and a format function receives that
 * field's value with its type.
 */
export type TableColumn<Row> = {
  readonly [K in keyof Row & string]: {
    /** Row field shown in the column. */
    readonly field: K;
    /** Header text, with units: `"MW"`, `"$/MW-yr"`. */
    readonly title: string;
    /**
     * How cells are written. `"usd"`: `formatUsd` ("$3.50B"); `"percent"`: `formatPercent` of a
     * fraction ("12.5%"); `"number"`: grouped, at most one decimal ("1,234.5"); `"text"`: as is;
     * or a function of the value and its row. Missing numbers (`NaN`, `null`) show "–".
     * Default `"number"` when every cell is a number, else `"text"`.
     */
    readonly format?: TableFormat | ((value: Row[K], row: Row) => string);
    /** Alignment. Default `"right"` for numbers, `"left"` for text. */
    readonly align?: "left" | "right";
  };
}[keyof Row & string];

const MISSING = "–";
const cosmetic = cosmeticWarner("tableSpec");

/**
 * A column's header, its cells as text, its alignment and whether its cells may wrap.
 *
 * @example
 * ```ts
 * import { columnCells } from "./_table_cells.ts";
 * import assert from "node:assert/strict";
 *
 * const rows = [{ tenant: "CoreWeave", usd: 3.5e9 }, { tenant: "Fluidstack", usd: NaN }];
 * assert.deepEqual(columnCells(rows, { field: "usd", title: "Value", format: "usd" }, 1), {
 *   title: "Value", texts: ["$3.50B", "–"], align: "right", wraps: false,
 * });
 * assert.equal(columnCells(rows, { field: "tenant", title: "Tenant" }, 0).wraps, true);
 * ```
 */
export function columnCells<Row extends object>(
  rows: readonly Row[],
  column: TableColumn<Row>,
  c: number,
): { title: string; texts: string[]; align: "left" | "right"; wraps: boolean } {
  const { field } = column;
  const values = rows.map((row, i) => cell(row, `columns[${c}].field`, field, i));
  const numeric = values.every((v) => isMissing(v) || typeof v === "number");
  let format = column.format ?? (numeric ? "number" : "text");
  if (typeof format !== "function" && !(TABLE_FORMATS as readonly unknown[]).includes(format)) {
    warn(message.unknownTableFormat(c, format, TABLE_FORMATS, numeric ? "number" : "text"));
    format = numeric ? "number" : "text";
  }
  const texts = values.map((value, i) => {
    if (typeof format === "function") {
      const text = (format as (value: unknown, row: Row) => unknown)(value, rows[i]!);
      if (typeof text !== "string") {
        throw new TypeError(
          `Cannot use columns[${c}].format: for row ${i} it returned ${
            JSON.stringify(text)
          }, expected a string`,
        );
      }
      return text;
    }
    if (format === "text") return isMissing(value) ? "" : String(value);
    if (isMissing(value)) return MISSING;
    if (typeof value !== "number") {
      throw new TypeError(
        `Cannot use columns[${c}].format "${format}": field "${field}" in row ${i} is ${
          show(value)
        }, expected a number`,
      );
    }
    return format === "usd"
      ? formatUsd(value)
      : format === "percent"
      ? formatPercent(value)
      : value.toLocaleString("en-US", { maximumFractionDigits: 1 });
  });
  const defaultAlign = format === "text" || (typeof format === "function" && !numeric)
    ? "left"
    : "right";
  const align = cosmetic(
    column.align,
    `columns[${c}].align`,
    defaultAlign,
    (v) => v === "left" || v === "right",
  );
  // Text wraps; numbers, however formatted, stay on one line.
  return { title: String(column.title), texts, align, wraps: !numeric };
}

function isMissing(value: unknown): boolean {
  return value === null || value === undefined ||
    (typeof value === "number" && Number.isNaN(value));
}
