/**
 * A table exhibit — the deals table (company, counterparty, MW, value, term, $/MW-yr) — drawn
 * with Vega-Lite text marks, so it renders identically as the live chart, the SVG, the PNG and
 * in the PDF. The header is bold navy with a rule under it, body rows are lightly banded,
 * numbers are formatted here with `lib/units/format.ts` and right-aligned at their column's
 * right edge, text is left-aligned.
 *
 * Column positions come from measured text widths (the Inter files that `render.ts` draws
 * with), so no cell overlaps another. When the columns need more than the width, text columns
 * wrap, the widest first, onto as many lines as needed (up to `maxLines`, then cut with "…" and
 * the full text kept in the cell's tooltip) and their rows grow; numbers never wrap
 * (`_table_layout.ts`). **Design choice:** {@linkcode tableSpec} stays synchronous
 * like every other builder; it reads the two font files it needs (regular, bold) with
 * `Deno.readFileSync` the first time it runs and keeps their metrics for the process. It needs
 * `--allow-read` for `/usr/share/fonts/opentype/inter`, which rendering needs anyway.
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
export { TABLE_FORMATS, type TableColumn, type TableFormat } from "./_table_cells.ts";
import { type FontMetrics, readFontMetrics, textWidth } from "./font_metrics.ts";
import { cosmeticWarner, isSize } from "./_checks.ts";
import { columnCells, type TableColumn } from "./_table_cells.ts";
import { tableLayout } from "./_table_layout.ts";
import { EXHIBIT_WIDTH, HOUSE_COLORS, HOUSE_CONFIG, HOUSE_FONT_FILES } from "./theme.ts";
import { message, warn } from "./_messages.ts";

/** Options for {@linkcode tableSpec}. */
export interface TableOptions<Row> {
  /** The columns, left to right. */
  readonly columns: readonly TableColumn<Row>[];
  /**
   * Width in CSS pixels; the space beyond the columns' needs goes between the columns. Default
   * {@linkcode EXHIBIT_WIDTH}.twoColumn. A table that needs more is drawn wider, with a warning.
   */
  readonly width?: number;
  /**
   * Height in CSS pixels of a row of one line, at least 12; each wrapped line adds 12.
   *
   * @default 18
   */
  readonly rowHeight?: number;
  /**
   * Most lines a text cell wraps onto (a whole number ≥ 1). Longer text is cut with "…", with a
   * warning, and the cell's full text goes in its tooltip. Default 3.
   */
  readonly maxLines?: number;
}

const FONT_SIZE = 10;
const HEADER_WEIGHT = 700;
const COLUMN_GAP = 16;
const BAND_COLOR = "#F3F5F8";
const TEXT_COLOR = "#1F2430";
/** Distance (px) between the lines of a wrapped cell: Vega's default for 10 px text. */
const LINE_HEIGHT = 12;
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
  const maxLines = cosmetic(
    options.maxLines,
    "maxLines",
    3,
    (v) => Number.isInteger(v) && (v as number) >= 1,
  );
  const { regular, bold } = houseFonts();
  const cells = columns.map((column, c) => columnCells(rows, column, c));
  const requested = cosmetic(options.width, "width", EXHIBIT_WIDTH.twoColumn, isSize);
  const { widths, lefts, width, needed, wrapped, tops } = tableLayout(cells, {
    width: requested,
    columnGap: COLUMN_GAP,
    rowHeight,
    lineHeight: LINE_HEIGHT,
    maxLines,
    measure: (text) => textWidth(regular, text, FONT_SIZE),
    measureTitle: (text) => textWidth(bold, text, FONT_SIZE),
  });
  if (needed > requested) {
    warn(message.tableTooWide(needed, requested));
  }
  wrapped.forEach((column, c) => {
    const cut = column.filter((w) => w.truncated).length;
    if (cut === 0) return;
    warn(message.tableCellsCut(cut, c, cells[c]!.title, maxLines, widths[c]!));
  });

  const header: Cell[] = [];
  const body: Cell[] = [];
  cells.forEach(({ title, texts, align }, c) => {
    const x = align === "right" ? lefts[c]! + widths[c]! : lefts[c]!;
    header.push({ x, y: rowHeight / 2, text: title, align, full: title, truncated: false });
    texts.forEach((full, r) => {
      const { lines, truncated } = wrapped[c]![r]!;
      // Every line of a row starts at the row's first line: the row grows downwards.
      const text = lines.length === 1 ? lines[0]! : lines;
      body.push({ x, y: tops[r]! + rowHeight / 2 + 1, text, align, full, truncated });
    });
  });
  const height = tops.at(-1)! + 2;
  const bands = rows.flatMap((_, r) =>
    r % 2 === 1 ? [{ x: 0, x2: width, y: tops[r]! + 1, y2: tops[r + 1]! + 1 }] : []
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
      const aligned = cellsOfKind.filter((cell) => cell.align === align);
      if (aligned.length === 0) continue;
      const cut = aligned.some((cell) => cell.truncated);
      const values = aligned.map(({ x, y, text, full }) => ({
        x,
        y,
        text,
        ...(cut ? { full } : {}),
      }));
      const multiLine = aligned.some((cell) => Array.isArray(cell.text));
      layer.push({
        data: { values },
        mark: {
          type: "text",
          align,
          baseline: "middle",
          fontSize: FONT_SIZE,
          ...(multiLine ? { lineHeight: LINE_HEIGHT } : {}),
          ...style,
        },
        encoding: {
          x: pixels("x"),
          y: pixels("y"),
          text: { field: "text", type: "nominal" },
          ...(cut ? { tooltip: { field: "full", type: "nominal" } } : {}),
        },
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
  /** The middle of the first line. */
  readonly y: number;
  /** One line, or the lines of a wrapped cell. */
  readonly text: string | string[];
  readonly align: "left" | "right";
  /** The cell's whole text, shown in a tooltip when `text` had to be cut. */
  readonly full: string;
  readonly truncated: boolean;
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
