/**
 * Column and bar exhibits: one value per category, or several series per category side by side
 * (grouped) or on top of each other (stacked) — revenue per MW-year by business (self-mining vs
 * colocation vs GPU cloud), MW by company stacked by capacity basis. Value labels sit above (or
 * right of) the bars and the value scale leaves room for them, so they are never clipped;
 * category labels that would collide are wrapped onto lines, or slanted when a word is too long.
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { categoryLabels, distinct } from "./_category_axis.ts";
import { cosmeticWarner, finiteAt, isD3Format, isSize, show } from "./_checks.ts";
import { labelLayers, labelSpan, valueScale } from "./_value_labels.ts";
import { EXHIBIT_WIDTH, HOUSE_COLORS, HOUSE_CONFIG } from "./theme.ts";
import { message, warn } from "./_messages.ts";

/** How several series share a category. */
export const COLUMN_STACKS = ["grouped", "stacked"] as const;
/** One of {@linkcode COLUMN_STACKS}. */
export type ColumnStack = typeof COLUMN_STACKS[number];

/** Category order: as the rows give them, or by value (the category total), largest first. */
export const COLUMN_SORTS = ["data", "descending"] as const;
/** One of {@linkcode COLUMN_SORTS}. */
export type ColumnSort = typeof COLUMN_SORTS[number];

/** Options for {@linkcode columnSpec}. */
export interface ColumnOptions<Row> {
  /** Category field (text or number). */
  readonly x: keyof Row & string;
  /** Value field (finite numbers). */
  readonly y: keyof Row & string;
  /** Series field, for grouped or stacked bars. Default: one series. */
  readonly series?: keyof Row & string;
  /** How series share a category. Default `"grouped"` (ignored without `series`). */
  readonly stack?: ColumnStack;
  /**
   * Bars instead of columns: categories down the y axis.
   *
   * @default false
   */
  readonly horizontal?: boolean;
  /**
   * Value labels on the bars (a stack is labelled with its total). Default `true` for at most 12
   * categories without `series`, else `false`.
   */
  readonly valueLabels?: boolean;
  /** Value-axis title with units, e.g. `"USD per MW-year"`. Default: the `y` field name. */
  readonly yTitle?: string;
  /**
   * d3 number format of the value axis and labels.
   *
   * @default ",.0f"
   */
  readonly yFormat?: string;
  /**
   * Category order.
   *
   * @default "data"
   */
  readonly sort?: ColumnSort;
  /** A category drawn in the accent colour (with `series`: the others are faded). Default none. */
  readonly highlight?: string;
  /** Width in CSS pixels. Default {@linkcode EXHIBIT_WIDTH}.twoColumn. */
  readonly width?: number;
  /** Height in CSS pixels. Default 260, or 22 px a category (bars) / per bar (grouped bars). */
  readonly height?: number;
}

const DEFAULT_FORMAT = ",.0f";
const MAX_AUTO_LABELS = 12;
const GRID_COLOR = HOUSE_CONFIG.axis?.gridColor as string;
const LEGEND = { orient: "top", direction: "horizontal", title: null } as const;
/** Pixels per value-axis tick on bars: room for a label like "−$0.060" and a gap. */
const BAR_TICK_SPACING = 80;
const cosmetic = cosmeticWarner("columnSpec");

/**
 * Builds the Vega-Lite spec of a column (or bar) chart in the house style.
 *
 * @example
 * ```ts
 * import { columnSpec } from "./column.ts";
 * import assert from "node:assert/strict";
 *
 * const rows = [
 *   { business: "Self-mining", usdPerMwYear: 0.9e6 },
 *   { business: "Colocation", usdPerMwYear: 1.46e6 },
 *   { business: "GPU cloud", usdPerMwYear: 9.8e6 },
 * ];
 * const spec = columnSpec(rows, { x: "business", y: "usdPerMwYear", yFormat: "$.2s",
 *   highlight: "GPU cloud" }) as { layer: unknown[]; encoding: { y: { scale: { domainMax: number } } } };
 * assert.equal(spec.layer.length, 2); // bars + value labels
 * assert.ok(spec.encoding.y.scale.domainMax > 9.8e6); // headroom for the labels
 * assert.throws(() => columnSpec([], { x: "business", y: "usdPerMwYear" }), RangeError);
 * ```
 */
export function columnSpec<Row extends object>(
  rows: readonly Row[],
  options: ColumnOptions<Row>,
): TopLevelSpec {
  if (rows.length === 0) throw new RangeError("Cannot build a column chart: rows is empty");
  const { x, y, series } = options;
  const categories = distinct(rows, "x", x);
  const values = rows.map((row, i) => finiteAt(row, "y", y, i));
  const seriesOrder = series === undefined ? [] : distinct(rows, "series", series);
  if (
    options.stack !== undefined && !(COLUMN_STACKS as readonly string[]).includes(options.stack)
  ) {
    throw new RangeError(
      `Cannot use stack: expected one of ${COLUMN_STACKS.join(", ")}, got ${options.stack}`,
    );
  }
  if (options.stack !== undefined && series === undefined) {
    warn(message.stackWithoutSeries());
  }
  const stacked = series !== undefined && options.stack === "stacked";
  if (!stacked) checkUnique(rows, x, series);
  const horizontal = options.horizontal ?? false;
  const sort = cosmetic(
    options.sort,
    "sort",
    "data",
    (s) => (COLUMN_SORTS as readonly unknown[]).includes(s),
  );
  const format = cosmetic(options.yFormat, "yFormat", DEFAULT_FORMAT, isD3Format);
  const labels = options.valueLabels ??
    (series === undefined && categories.length <= MAX_AUTO_LABELS);
  const grouped = series !== undefined && !stacked;
  const width = cosmetic(options.width, "width", EXHIBIT_WIDTH.twoColumn, isSize);
  const barsPerCategory = grouped ? seriesOrder.length : 1;
  const defaultHeight = horizontal
    ? Math.max(60, categories.length * (barsPerCategory * (grouped ? 14 : 22) + (grouped ? 8 : 0)))
    : 260;
  const height = cosmetic(options.height, "height", defaultHeight, isSize);
  let highlight = options.highlight;
  if (highlight !== undefined && !categories.some((c) => String(c) === highlight)) {
    warn(message.unknownHighlight(highlight, String(x)));
    highlight = undefined;
  }

  const totals = categoryTotals(rows, x, values);
  const order = sort === "descending"
    ? categories.toSorted((a, b) => totals.get(String(b))! - totals.get(String(a))!)
    : categories;
  const bars = stacked
    ? stackExtents(rows, x, values)
    : values.map((v) => [Math.min(v, 0), Math.max(v, 0)]);
  const labelled = stacked ? [...totals.values()] : values;
  const span = labels ? labelSpan(labelled, format, horizontal) : 0;
  const scale = valueScale(bars, labelled, span, horizontal ? width : height);

  const cat = horizontal ? "y" : "x";
  const val = horizontal ? "x" : "y";
  const band = (horizontal ? height : width) / order.length;
  const categoryEncoding = {
    field: x,
    type: "nominal",
    sort: order,
    title: null,
    scale: { paddingInner: grouped ? 0.2 : 0.3, paddingOuter: 0.15 },
    axis: horizontal
      ? { grid: false, ticks: false, labelLimit: 0, labelPadding: 6 }
      : { ticks: false, labelLimit: 0, labelPadding: 6, ...categoryLabels(order, band) },
  };
  const valueEncoding = {
    field: y,
    type: "quantitative",
    title: options.yTitle ?? y,
    stack: stacked ? "zero" : null,
    scale: horizontal ? { ...scale, nice: barTicks(width) } : scale,
    axis: {
      format,
      ...(horizontal ? barValueAxis(width) : {}),
      // A zero line when bars go both ways: the category axis sits at the bottom, not at zero.
      ...(bars.some((b) => b[0]! < 0) ? zeroLine(horizontal) : {}),
    },
  };
  const encoding: Record<string, unknown> = { [cat]: categoryEncoding, [val]: valueEncoding };
  if (grouped) {
    encoding[`${cat}Offset`] = { field: series, type: "nominal", sort: seriesOrder };
  }

  const numeric = typeof categories[0] === "number";
  const test = highlight === undefined
    ? undefined
    : numeric
    ? `toString(datum[${q(x)}]) === ${q(highlight)}`
    : `datum[${q(x)}] === ${q(highlight)}`;
  const barEncoding: Record<string, unknown> = {};
  if (series === undefined) {
    barEncoding.color = test === undefined
      ? { value: HOUSE_COLORS.navy }
      : { condition: { test, value: HOUSE_COLORS.accent }, value: HOUSE_COLORS.navy };
  } else {
    // Above the plot, not in its corner (the theme's "top-left"), where bars would cover it.
    barEncoding.color = { field: series, type: "nominal", sort: seriesOrder, legend: LEGEND };
    if (stacked) barEncoding.order = { field: "__order", type: "quantitative" };
    if (test !== undefined) barEncoding.opacity = { condition: { test, value: 1 }, value: 0.35 };
  }
  const layer: unknown[] = [{ mark: { type: "bar" }, encoding: barEncoding }];
  if (labels) layer.push(...labelLayers({ x, y, format, horizontal, stacked, labelled, test }));

  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    config: HOUSE_CONFIG,
    width,
    height,
    data: { values: rows as Row[] },
    ...(stacked
      ? {
        transform: [{
          calculate: `indexof(${JSON.stringify(seriesOrder)}, datum[${q(series!)}])`,
          as: "__order",
        }],
      }
      : {}),
    encoding,
    layer,
  } as unknown as TopLevelSpec;
}

/** How many value ticks a bar chart `width` px wide gets (Vega's own default is one per 40 px). */
function barTicks(width: number): number {
  return Math.max(2, Math.round(width / BAR_TICK_SPACING));
}

/**
 * The value axis of bars (along x): the theme's x axis sets labels flush with the plot's ends,
 * which pushes the first and last labels into their neighbours ("−$0.060 −$0.040"); here every
 * label is centred on its tick, and ticks are about {@linkcode BAR_TICK_SPACING} px apart (the
 * scale is made nice with the same count, so the ends fall on ticks).
 */
function barValueAxis(width: number): Record<string, unknown> {
  return { grid: false, titleAngle: 0, labelFlush: false, tickCount: barTicks(width) };
}

/** The value axis' gridline at zero, drawn dark (columns: the other gridlines stay light). */
function zeroLine(horizontal: boolean): Record<string, unknown> {
  const test = "datum.value === 0";
  return horizontal
    ? {
      grid: true,
      gridColor: HOUSE_COLORS.darkGrey,
      gridOpacity: { condition: { test, value: 1 }, value: 0 },
    }
    : { gridColor: { condition: { test, value: HOUSE_COLORS.darkGrey }, value: GRID_COLOR } };
}

/** Per row, the [bottom, top] of its stack segment (positives and negatives stack apart). */
function stackExtents<Row>(
  rows: readonly Row[],
  x: keyof Row,
  values: readonly number[],
): number[][] {
  const up = new Map<unknown, number>();
  const down = new Map<unknown, number>();
  return rows.map((row, i) => {
    const v = values[i]!;
    const sums = v >= 0 ? up : down;
    const base = sums.get(row[x]) ?? 0;
    sums.set(row[x], base + v);
    return v >= 0 ? [0, base + v] : [base + v, 0];
  });
}

/** Each category's total, keyed by its text. */
function categoryTotals<Row>(
  rows: readonly Row[],
  x: keyof Row,
  values: readonly number[],
): Map<string, number> {
  const totals = new Map<string, number>();
  rows.forEach((row, i) =>
    totals.set(String(row[x]), (totals.get(String(row[x])) ?? 0) + values[i]!)
  );
  return totals;
}

/** Throws when two rows share a category (and series): their bars would overlap. */
function checkUnique<Row>(
  rows: readonly Row[],
  x: keyof Row & string,
  series: (keyof Row & string) | undefined,
): void {
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const key = JSON.stringify([row[x], series === undefined ? null : row[series]]);
    const first = seen.get(key);
    if (first !== undefined) {
      throw new RangeError(
        `Cannot use x: category ${show(row[x])} ${
          series === undefined ? "" : `and series ${show(row[series])} `
        }appear in rows ${first} and ${i}; aggregate first, or stack them`,
      );
    }
    seen.set(key, i);
  });
}

/** A string as a Vega expression literal. */
function q(text: string): string {
  return JSON.stringify(text);
}
