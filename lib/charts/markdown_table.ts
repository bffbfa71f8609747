/**
 * A markdown table from rows and columns, for the tables a note prints as text (show it with
 * `show({ markdown })`). Each column names its header, how a row becomes the cell's text (a
 * text field, or a function that formats numbers with `lib/units/format.ts`) and its alignment;
 * figures usually align right. A `|` inside a cell is escaped so it stays in its cell.
 *
 * @module
 */

/** How a column's cells line up. */
export type MarkdownAlign = "left" | "right" | "center";

/** The fields of `Row` whose values are text. */
export type TextField<Row> = {
  [K in keyof Row]: Row[K] extends string ? K : never;
}[keyof Row];

/** One column of {@linkcode markdownTable}. */
export interface MarkdownColumn<Row> {
  /** The header. */
  readonly title: string;
  /** The cell's text: a text field of the row, or a function of the row and its index. */
  readonly cell: TextField<Row> | ((row: Row, index: number) => string);
  /**
   * How the column lines up.
   *
   * @default "left"
   */
  readonly align?: MarkdownAlign;
}

const RULES: Readonly<Record<MarkdownAlign, string>> = {
  left: "---",
  right: "--:",
  center: ":-:",
};

function text(value: unknown, where: string): string {
  if (typeof value !== "string") {
    throw new TypeError(
      `Cannot build the table: ${where} is ${typeof value} ${
        String(value)
      }, expected text (format numbers with lib/units/format.ts)`,
    );
  }
  if (/[\r\n]/.test(value)) {
    throw new RangeError(
      `Cannot build the table: ${where} has a line break: ${JSON.stringify(value)}`,
    );
  }
  return value.replaceAll("|", "\\|");
}

/**
 * The markdown of a table: a header row, the alignment rule, one line per row.
 *
 * @example Figures right-aligned, text left
 * ```ts
 * import { markdownTable } from "./markdown_table.ts";
 * import { formatUsd } from "../units/format.ts";
 * import assert from "node:assert/strict";
 *
 * const rows = [{ business: "Colocation lease", usd: 1_460_000 }, { business: "GPU cloud", usd: 10_900_000 }];
 * const table = markdownTable(rows, [
 *   { title: "Business", cell: "business" },
 *   { title: "Revenue", cell: (r) => formatUsd(r.usd), align: "right" },
 * ]);
 * assert.equal(table, [
 *   "| Business | Revenue |",
 *   "|---|--:|",
 *   "| Colocation lease | $1.46M |",
 *   "| GPU cloud | $10.9M |",
 * ].join("\n"));
 * assert.throws(() => markdownTable(rows, []), /Cannot build the table: expected at least one column/);
 * ```
 */
export function markdownTable<Row>(
  rows: readonly Row[],
  columns: readonly MarkdownColumn<Row>[],
): string {
  if (columns.length === 0) {
    throw new RangeError("Cannot build the table: expected at least one column, got 0");
  }
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [
    line(columns.map((c, j) => text(c.title, `the title of column ${j + 1}`))),
    `|${columns.map((c) => RULES[c.align ?? "left"]).join("|")}|`,
    ...rows.map((row, i) =>
      line(columns.map((c) =>
        text(
          typeof c.cell === "function" ? c.cell(row, i) : row[c.cell],
          `row ${i + 1}, column "${c.title}"`,
        )
      ))
    ),
  ].join("\n");
}
