/**
 * The geometry of a table that must fit a given width, as browsers lay out an automatic table:
 * a column whose text can wrap gives up width down to its minimum (its header or its widest
 * word); the widest columns give first, so short columns keep their one line and the long text
 * column wraps. Numbers never wrap. A row is as tall as its cell with the most lines.
 *
 * @module
 */
import { widestWord, type WrappedText, wrapText } from "./_text_wrap.ts";

/** A word wider than this (px) may be split, so one long word cannot widen a column. */
const MAX_WORD = 120;

/** One column's text, already formatted. */
export interface ColumnText {
  readonly title: string;
  readonly texts: readonly string[];
  /** Whether the cells may wrap (text), or must stay on one line (numbers). */
  readonly wraps: boolean;
}

/** What {@linkcode tableLayout} needs besides the text. */
export interface TableLayoutOptions {
  /** Width (px) the table should fit. */
  readonly width: number;
  /** Least space (px) between two columns. */
  readonly columnGap: number;
  /** Height (px) of the header and of a row of one line. */
  readonly rowHeight: number;
  /** Height (px) each further line adds to a row. */
  readonly lineHeight: number;
  /** Most lines of a cell; the rest is cut with "…". */
  readonly maxLines: number;
  /** Width (px) of body text. */
  readonly measure: (text: string) => number;
  /** Width (px) of header text. */
  readonly measureTitle: (text: string) => number;
}

/** Where the columns and rows of a table go. */
export interface TableLayout {
  /** Each column's width (px). */
  readonly widths: number[];
  /** Each column's left edge (px). */
  readonly lefts: number[];
  /** The table's width (px): the width asked for, or `needed` when that is more. */
  readonly width: number;
  /** The narrowest the columns and their gaps can be at these widths (px). */
  readonly needed: number;
  /** Each cell's lines, by column then row. */
  readonly wrapped: WrappedText[][];
  /** Each body row's top (px), then the bottom of the last row. */
  readonly tops: number[];
}

/**
 * Column widths, wrapped cells and row positions of a table.
 *
 * @example A tenant column wraps onto a second line in a 200 px table
 * ```ts
 * import { tableLayout } from "./_table_layout.ts";
 * import assert from "node:assert/strict";
 *
 * const measure = (s: string) => s.length * 6;
 * const layout = tableLayout([
 *   { title: "Miner", texts: ["Hut 8", "IREN"], wraps: true },
 *   { title: "Tenant", texts: ["Fluidstack", "U.S. investment-grade hyperscaler"], wraps: true },
 * ], { width: 200, columnGap: 16, rowHeight: 18, lineHeight: 12, maxLines: 3, measure,
 *   measureTitle: measure });
 * assert.deepEqual(layout.widths, [30, 154]);
 * assert.deepEqual(layout.wrapped[1]![1]!.lines, ["U.S. investment-grade", "hyperscaler"]);
 * assert.deepEqual(layout.tops, [18, 36, 66]); // the second row is one line taller
 * ```
 */
export function tableLayout(
  columns: readonly ColumnText[],
  options: TableLayoutOptions,
): TableLayout {
  const { measure, rowHeight } = options;
  const titles = columns.map(({ title }) => Math.ceil(options.measureTitle(title)));
  const natural = columns.map(({ texts }, c) =>
    Math.ceil(Math.max(titles[c]!, ...texts.map(measure)))
  );
  // A text column can narrow to its header or its widest word (a longer word is split).
  const minimum = columns.map(({ texts, wraps }, c) =>
    wraps
      ? Math.max(
        titles[c]!,
        Math.min(MAX_WORD, ...texts.map((t) => Math.ceil(widestWord(t, measure)))),
      )
      : natural[c]!
  );
  const gaps = options.columnGap * (columns.length - 1);
  const widths = fitColumns(natural, minimum, options.width - gaps);
  const needed = widths.reduce((a, b) => a + b, 0) + gaps;
  const width = Math.max(options.width, needed);
  // Spare width goes between the columns, so the table spans the width.
  const gap = columns.length > 1 ? options.columnGap + (width - needed) / (columns.length - 1) : 0;
  const lefts: number[] = [];
  widths.reduce((left, w) => (lefts.push(left), left + w + gap), 0);
  const wrapped = columns.map(({ texts }, c) =>
    texts.map((text) =>
      measure(text) <= widths[c]!
        ? { lines: [text], truncated: false }
        : wrapText(text, widths[c]!, measure, options.maxLines)
    )
  );
  const tops = [rowHeight];
  for (let r = 0; r < (columns[0]?.texts.length ?? 0); r++) {
    const lines = Math.max(...wrapped.map((column) => column[r]!.lines.length));
    tops.push(tops.at(-1)! + rowHeight + options.lineHeight * (lines - 1));
  }
  return { widths, lefts, width, needed, wrapped, tops };
}

/**
 * Widths (px, whole) for columns that want `natural` px and can go down to `minimum` px, within
 * `available` px. Every column keeps its natural width when they all fit; when even the
 * minimums do not fit, the minimums are returned (the caller draws the table wider). Otherwise
 * the widest columns are capped at one width, the largest that fits.
 *
 * @example Two text columns (190 and 480 px of text) and a number column in 500 px
 * ```ts
 * import { fitColumns } from "./_table_layout.ts";
 * import assert from "node:assert/strict";
 *
 * // The company column keeps its 190 px; the tenant column wraps at 250 px.
 * assert.deepEqual(fitColumns([190, 480, 60], [60, 90, 60], 500), [190, 250, 60]);
 * assert.deepEqual(fitColumns([190, 480, 60], [60, 90, 60], 800), [190, 480, 60]);
 * assert.deepEqual(fitColumns([190, 480, 60], [60, 90, 60], 100), [60, 90, 60]);
 * ```
 */
export function fitColumns(
  natural: readonly number[],
  minimum: readonly number[],
  available: number,
): number[] {
  if (natural.length !== minimum.length) {
    throw new RangeError(
      `Cannot fit columns: ${natural.length} natural widths but ${minimum.length} minimums`,
    );
  }
  const floor = natural.map((n, i) => Math.min(n, minimum[i]!));
  const sum = (widths: readonly number[]) => widths.reduce((a, b) => a + b, 0);
  if (sum(natural) <= available) return [...natural];
  if (sum(floor) >= available) return floor;
  const capped = (cap: number) => natural.map((n, i) => Math.max(floor[i]!, Math.min(n, cap)));
  // The total grows with the cap: bisect for the largest whole cap that fits.
  let low = 0;
  let high = Math.max(...natural);
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (sum(capped(mid)) <= available) low = mid;
    else high = mid;
  }
  return capped(low);
}
