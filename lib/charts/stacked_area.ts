/**
 * Stacked-area exhibit: parts of a whole over time, e.g. a site's MW by use (Bitcoin mining vs
 * AI/HPC) as the conversion proceeds. A series missing on a date counts as zero there, so the
 * stack never tears.
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { isIsoDate } from "../units/calendar.ts";
import { cell, cosmeticWarner, finiteAt, isD3Format, isSize, show, textAt } from "./_checks.ts";
import { EXHIBIT_WIDTH, HOUSE_CONFIG } from "./theme.ts";
import { message, warn } from "./_messages.ts";

/** Options for {@linkcode stackedAreaSpec}. */
export interface StackedAreaOptions<Row> {
  /** Date field (ISO `YYYY-MM-DD`). */
  readonly x: keyof Row & string;
  /** Value field (finite numbers). */
  readonly y: keyof Row & string;
  /** Series field: one band of the stack per value. */
  readonly series: keyof Row & string;
  /** Y-axis title with units, e.g. `"MW (critical IT)"`. Default: the `y` field name. */
  readonly yTitle?: string;
  /**
   * d3 number format for the y axis.
   *
   * @default ",.0f"
   */
  readonly yFormat?: string;
  /**
   * Series from the bottom of the stack to the top; series it leaves out follow in order of
   * first appearance. Default: order of first appearance.
   */
  readonly order?: readonly string[];
  /** Width in CSS pixels. Default {@linkcode EXHIBIT_WIDTH}.twoColumn. */
  readonly width?: number;
  /**
   * Height in CSS pixels.
   *
   * @default 260
   */
  readonly height?: number;
}

const DEFAULT_FORMAT = ",.0f";
// Above the plot, not in its corner (the theme's "top-left"), where the areas would cover it.
const LEGEND = {
  orient: "top",
  direction: "horizontal",
  title: null,
  symbolType: "square",
} as const;
const DAY_MS = 86_400_000;
const cosmetic = cosmeticWarner("stackedAreaSpec");

/**
 * Builds the Vega-Lite spec of a stacked area chart in the house style.
 *
 * @example
 * ```ts
 * import { stackedAreaSpec } from "./stacked_area.ts";
 * import assert from "node:assert/strict";
 *
 * const rows = [
 *   { quarter: "2025-03-31", use: "Bitcoin mining", mw: 300 },
 *   { quarter: "2025-06-30", use: "Bitcoin mining", mw: 200 },
 *   { quarter: "2025-06-30", use: "AI/HPC", mw: 100 },
 * ];
 * const spec = stackedAreaSpec(rows, { x: "quarter", y: "mw", series: "use", yTitle: "MW",
 *   order: ["Bitcoin mining", "AI/HPC"] }) as { encoding: { color: { sort: string[] } } };
 * assert.deepEqual(spec.encoding.color.sort, ["Bitcoin mining", "AI/HPC"]);
 * assert.throws(() => stackedAreaSpec(rows, { x: "quarter", y: "MW" as "mw", series: "use" }),
 *   /Cannot use y: field "MW" is missing from row 0/);
 * ```
 */
export function stackedAreaSpec<Row extends object>(
  rows: readonly Row[],
  options: StackedAreaOptions<Row>,
): TopLevelSpec {
  if (rows.length === 0) throw new RangeError("Cannot build a stacked area chart: rows is empty");
  const { x, y, series } = options;
  const seen = new Set<string>();
  const days: number[] = [];
  rows.forEach((row, i) => {
    const date = cell(row, "x", x, i);
    if (typeof date !== "string" || !isIsoDate(date)) {
      throw new TypeError(
        `Cannot use x: field "${x}" in row ${i} is ${show(date)}, expected YYYY-MM-DD`,
      );
    }
    days.push(Date.parse(date) / DAY_MS);
    finiteAt(row, "y", y, i);
    const name = textAt(row, "series", series, i);
    const key = `${date}\u0000${name}`;
    if (seen.has(key)) {
      throw new RangeError(
        `Cannot use series: "${name}" has two rows dated ${date} (row ${i}); sum them first`,
      );
    }
    seen.add(key);
  });
  const order = stackOrder(rows, series, options.order);
  const format = cosmetic(options.yFormat, "yFormat", DEFAULT_FORMAT, isD3Format);
  const width = cosmetic(options.width, "width", EXHIBIT_WIDTH.twoColumn, isSize);
  const height = cosmetic(options.height, "height", 260, isSize);
  const years = (Math.max(...days) - Math.min(...days)) / 365.25;
  // Year ticks over long spans; quarters when a conversion runs over a couple of years.
  const dateAxis = years >= 4
    ? { format: "%Y", tickCount: "year" }
    : { format: "%b %Y", tickCount: { interval: "month", step: years >= 1.5 ? 6 : 3 } };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    config: HOUSE_CONFIG,
    width,
    height,
    data: { values: rows as Row[] },
    transform: [{
      calculate: `indexof(${JSON.stringify(order)}, datum[${q(series)}])`,
      as: "__order",
    }],
    mark: { type: "area", interpolate: "linear", line: false, stroke: "white", strokeWidth: 0.5 },
    encoding: {
      x: { field: x, type: "temporal", title: null, axis: { ...dateAxis, labelOverlap: true } },
      y: {
        field: y,
        type: "quantitative",
        title: options.yTitle ?? y,
        stack: "zero",
        impute: { value: 0 },
        axis: { format },
      },
      color: { field: series, type: "nominal", sort: order, legend: LEGEND },
      order: { field: "__order", type: "quantitative" },
    },
  } as unknown as TopLevelSpec;
}

/** The stack's series, bottom first: `requested` (known names only), then the rest. */
function stackOrder<Row>(
  rows: readonly Row[],
  series: keyof Row,
  requested: readonly string[] | undefined,
): string[] {
  const names = [...new Set(rows.map((row) => String(row[series])))];
  if (requested === undefined) return names;
  const unknown = requested.filter((name) => !names.includes(name));
  if (unknown.length > 0) {
    warn(message.unknownSeriesOrder(unknown));
  }
  const known = [...new Set(requested.filter((name) => names.includes(name)))];
  return [...known, ...names.filter((name) => !known.includes(name))];
}

/** A string as a Vega expression literal. */
function q(text: string): string {
  return JSON.stringify(text);
}
