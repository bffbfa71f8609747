/**
 * A table exhibit — the deals table (company, counterparty, MW, value, term, $/MW-yr) — drawn
 * with Vega-Lite text marks, so it renders identically as the live chart, the SVG, the PNG and
 * in the PDF. The header is bold navy with a rule under it, body rows are lightly banded,
 * numbers are formatted here with `lib/units/format.ts` and right-aligned at their column's
 * right edge, text is left-aligned.
 *
 * Column positions come from measured text widths (the Inter files that `render.ts` draws
 * with), so no cell overlaps another. **Design choice:** {@linkcode tableSpec} stays synchronous
 * like every other builder; it reads the two font files it needs (regular, bold) with
 * `Deno.readFileSync` the first time it runs and keeps their metrics for the process. It needs
 * `--allow-read` for `/usr/share/fonts/opentype/inter`, which rendering needs anyway.
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { formatPercent, formatUsd } from "../units/format.ts";
import { type FontMetrics, readFontMetrics, textWidth } from "./font_metrics.ts";
import { cell, cosmeticWarner, isSize, show } from "./_checks.ts";
import { EXHIBIT_WIDTH, HOUSE_COLORS, HOUSE_CONFIG, HOUSE_FONT_FILES } from "./theme.ts";

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

/** Options for {@linkcode tableSpec}. */
export interface TableOptions<Row> {
  /** The columns, left to right. */
  readonly columns: readonly TableColumn<Row>[];
  /**
   * Width in CSS pixels; the space beyond the columns' needs goes between the columns. Default
   * {@linkcode EXHIBIT_WIDTH}.twoColumn. A table that needs more is drawn wider, with a warning.
   */
  readonly width?: number;
  /** Row height in CSS pixels, at least 12. Default 18. */
  readonly rowHeight?: number;
}

const FONT_SIZE = 10;
const HEADER_WEIGHT = 700;
const COLUMN_GAP = 16;
const BAND_COLOR = "#F3F5F8";
const TEXT_COLOR = "#1F2430";
const MISSING = "–";
const cosmetic = cosmeticWarner("tableSpec");

let fonts: { regular: FontMetrics; bold: FontMetrics } | undefined;

/** The body and header font metrics, read once (synchronously: see the module docs). */
function houseFonts(): { regular: FontMetrics; bold: FontMetrics } {
  fonts ??= {
    regular: readFont(HOUSE_FONT_FILES[400]),
    bold: readFont(HOUSE_FONT_FILES[HEADER_WEIGHT]),
  };
  return fonts;
}

function readFont(path: string): FontMetrics {
  let bytes: Uint8Array;
  try {
    bytes = Deno.readFileSync(path);
  } catch (cause) {
    throw new Error(
      `Cannot lay out a table: the house font ${path} cannot be read (${cause}). ` +
        "Install it with: sudo apt-get install -y fonts-inter",
      { cause },
    );
  }
  return readFontMetrics(bytes);
}

/**
 * Builds a table exhibit as a Vega-Lite spec of text marks.
 *
 * @example
 * ```ts
 * import { tableSpec } from "./table.ts";
 * import assert from "node:assert/strict";
 *
 * const rows = [
 *   { company: "Core Scientific", mw: 200, usd: 3.5e9, years: 12 },
 *   { company: "Hut 8", mw: 245, usd: 7e9, years: 15 },
 * ];
 * const spec = tableSpec(rows, { columns: [
 *   { field: "company", title: "Company" },
 *   { field: "mw", title: "MW" },
 *   { field: "usd", title: "Value", format: "usd" },
 *   { field: "years", title: "Term", format: (y) => `${y} yr` },
 * ] }) as { layer: { data: { values: { text: string }[] } }[] };
 * const texts = spec.layer.flatMap((l) => l.data.values.map((v) => v.text));
 * assert.ok(texts.includes("$7.00B") && texts.includes("15 yr") && texts.includes("Company"));
 * assert.throws(() => tableSpec(rows, { columns: [{ field: "MW" as "mw", title: "MW" }] }),
 *   /Cannot use columns\[0\]\.field: field "MW" is missing from row 0/);
 * ```
 */
export function tableSpec<Row extends object>(
  rows: readonly Row[],
  options: TableOptions<Row>,
): TopLevelSpec {
  if (rows.length === 0) throw new RangeError("Cannot build a table: rows is empty");
  const columns = options.columns;
  if (!Array.isArray(columns) || columns.length === 0) {
    throw new RangeError("Cannot use columns: expected at least one column");
  }
  const rowHeight = cosmetic(options.rowHeight, "rowHeight", 18, (v) => isSize(v) && v >= 12);
  const { regular, bold } = houseFonts();

  const cells = columns.map((column, c) => columnCells(rows, column, c));
  const widths = cells.map(({ title, texts }) =>
    Math.ceil(
      Math.max(
        textWidth(bold, title, FONT_SIZE),
        ...texts.map((t) => textWidth(regular, t, FONT_SIZE)),
      ),
    )
  );
  const natural = widths.reduce((a, b) => a + b, 0) + COLUMN_GAP * (columns.length - 1);
  let width = cosmetic(options.width, "width", EXHIBIT_WIDTH.twoColumn, isSize);
  if (natural > width) {
    console.warn(
      `tableSpec: the columns need ${natural} px, more than width ${width}; drawing ${natural} px wide`,
    );
    width = natural;
  }
  // Spare width goes between the columns, so the table spans the text width.
  const gap = columns.length > 1 ? COLUMN_GAP + (width - natural) / (columns.length - 1) : 0;
  const lefts: number[] = [];
  widths.reduce((left, w) => (lefts.push(left), left + w + gap), 0);

  const header: Cell[] = [];
  const body: Cell[] = [];
  cells.forEach(({ title, texts, align }, c) => {
    const x = align === "right" ? lefts[c]! + widths[c]! : lefts[c]!;
    header.push({ x, y: rowHeight / 2, text: title, align });
    texts.forEach((text, r) => body.push({ x, y: rowHeight * (r + 1.5) + 1, text, align }));
  });
  const height = rowHeight * (rows.length + 1) + 2;
  const bands = rows.flatMap((_, r) =>
    r % 2 === 1
      ? [{ x: 0, x2: width, y: rowHeight * (r + 1) + 1, y2: rowHeight * (r + 2) + 1 }]
      : []
  );
  const layer: unknown[] = [];
  if (bands.length > 0) {
    layer.push({
      data: { values: bands },
      mark: { type: "rect", color: BAND_COLOR },
      encoding: { x: pixels("x"), x2: { field: "x2" }, y: pixels("y"), y2: { field: "y2" } },
    });
  }
  layer.push(
    rule(rowHeight + 0.5, width, HOUSE_COLORS.navy, 1),
    rule(height - 0.5, width, HOUSE_COLORS.grey, 0.5),
  );
  for (
    const [cellsOfKind, style] of [
      [header, { fontWeight: HEADER_WEIGHT, color: HOUSE_COLORS.navy }],
      [body, { color: TEXT_COLOR }],
    ] as const
  ) {
    for (const align of ["left", "right"] as const) {
      const values = cellsOfKind.filter((cell) => cell.align === align).map(({ x, y, text }) => ({
        x,
        y,
        text,
      }));
      if (values.length === 0) continue;
      layer.push({
        data: { values },
        mark: { type: "text", align, baseline: "middle", fontSize: FONT_SIZE, ...style },
        encoding: { x: pixels("x"), y: pixels("y"), text: { field: "text", type: "nominal" } },
      });
    }
  }
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    config: HOUSE_CONFIG,
    width,
    height,
    layer,
  } as unknown as TopLevelSpec;
}

interface Cell {
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly align: "left" | "right";
}

/** A position channel in pixels (no scale, no axis). */
function pixels(field: string): Record<string, unknown> {
  return { field, type: "quantitative", scale: null, axis: null };
}

function rule(y: number, width: number, color: string, strokeWidth: number): unknown {
  return {
    data: { values: [{ x: 0, x2: width, y }] },
    mark: { type: "rule", color, strokeWidth },
    encoding: { x: pixels("x"), x2: { field: "x2" }, y: pixels("y") },
  };
}

/** A column's header, its cells as text, and its alignment. */
function columnCells<Row extends object>(
  rows: readonly Row[],
  column: TableColumn<Row>,
  c: number,
): { title: string; texts: string[]; align: "left" | "right" } {
  const { field } = column;
  const values = rows.map((row, i) => cell(row, `columns[${c}].field`, field, i));
  const numeric = values.every((v) => isMissing(v) || typeof v === "number");
  let format = column.format ?? (numeric ? "number" : "text");
  if (typeof format !== "function" && !(TABLE_FORMATS as readonly unknown[]).includes(format)) {
    console.warn(
      `tableSpec: columns[${c}].format ${JSON.stringify(format)} is not one of ${
        TABLE_FORMATS.join(", ")
      } or a function; using ${numeric ? "number" : "text"}`,
    );
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
  return { title: String(column.title), texts, align };
}

function isMissing(value: unknown): boolean {
  return value === null || value === undefined ||
    (typeof value === "number" && Number.isNaN(value));
}
