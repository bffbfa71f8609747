/**
 * Heat-map exhibit: a two-way scenario grid (NPV by BTC price × power price, say) as coloured
 * cells, every cell annotated with its value. Takes the `rows` of `scenarioGrid()` from
 * `lib/finance/scenario_grid.ts` as they come.
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { fieldValues, formatOption, sizeOption } from "./_checks.ts";
import { EXHIBIT_WIDTH, HOUSE_COLORS, HOUSE_CONFIG } from "./theme.ts";
import { message, warn } from "./_messages.ts";
import { findRoot } from "../finance/find_root.ts";

/** Colour schemes of {@linkcode heatmapSpec}: red–white–blue around zero, or light to navy. */
export const HEATMAP_SCHEMES = ["diverging", "sequential"] as const;
/** One of {@linkcode HEATMAP_SCHEMES}. */
export type HeatmapScheme = typeof HEATMAP_SCHEMES[number];

/** Options for {@linkcode heatmapSpec}. */
export interface HeatmapOptions<Row> {
  /** Field of the column value (one column per distinct value, in order of first appearance). */
  readonly x: keyof Row & string;
  /** Field of the row value (one row per distinct value, first appearance on top). */
  readonly y: keyof Row & string;
  /** Field of the cell value (a finite number). */
  readonly value: keyof Row & string;
  /** X-axis title with units. Default: the field name. */
  readonly xTitle?: string;
  /** Y-axis title with units. Default: the field name. */
  readonly yTitle?: string;
  /** d3 number format of the x-axis labels (numeric x values only). Default: none. */
  readonly xFormat?: string;
  /** d3 number format of the y-axis labels (numeric y values only). Default: none. */
  readonly yFormat?: string;
  /**
   * d3 number format of the cell annotations.
   *
   * @default ",.0f"
   */
  readonly format?: string;
  /** Colour scheme. Default `"diverging"` (symmetric around 0) when values have both signs,
   * else `"sequential"` (lowest value lightest, through light blue and blue to navy). */
  readonly scheme?: HeatmapScheme;
  /** Width in CSS pixels. Default {@linkcode EXHIBIT_WIDTH}.twoColumn. */
  readonly width?: number;
  /** Height in CSS pixels. Default 30 per y value. */
  readonly height?: number;
}

/** The colour ramps, low to high, interpolated in RGB (so text contrast can be computed). */
const RAMPS: Record<HeatmapScheme, readonly string[]> = {
  diverging: [HOUSE_COLORS.accent, "#F4F5F7", HOUSE_COLORS.blue],
  sequential: ["#EEF3FA", HOUSE_COLORS.lightBlue, HOUSE_COLORS.blue, HOUSE_COLORS.navy],
};
const DARK_TEXT = "#1F2329";

/**
 * Builds the Vega-Lite spec of an annotated heat map in the house style. Cells keep the order
 * of the rows (a scenario grid's display order); there is no colour legend because every cell
 * carries its value. The annotation is white on cells dark enough that white has the better
 * contrast (WCAG relative luminance), dark grey otherwise.
 *
 * Throws a RangeError for no rows, a TypeError for a missing field or a non-numeric value; a
 * bad `width`, `height`, `scheme` or format is warned about and replaced by its default.
 *
 * @example Rows from `scenarioGrid()` in lib/finance, as they come
 * ```ts
 * import { heatmapSpec } from "./heatmap.ts";
 * import { scenarioGrid } from "../finance/scenario_grid.ts";
 * import assert from "node:assert/strict";
 *
 * const grid = scenarioGrid((x) => x.price! * x.volume! - x.cost!, {
 *   x: { name: "price", values: [4, 6, 8] },
 *   y: { name: "volume", values: [90, 110] },
 *   base: { price: 6, volume: 100, cost: 500 },
 * });
 * const spec = heatmapSpec(grid.rows, { x: "x", y: "y", value: "value",
 *   xTitle: "Price, USD", yTitle: "Volume" }) as {
 *   layer: [{ encoding: { color: { scale: { domain: number[] } } } }, unknown] };
 * assert.deepEqual(spec.layer[0].encoding.color.scale.domain, [-380, 0, 380]); // both signs
 * ```
 */
export function heatmapSpec<Row extends object>(
  rows: readonly Row[],
  options: HeatmapOptions<Row>,
): TopLevelSpec {
  if (!Array.isArray(rows) || rows.length === 0) {
    throw new RangeError(
      `Cannot draw a heat map: expected at least one row, got ${Array.isArray(rows) ? 0 : rows}`,
    );
  }
  fieldValues(rows, "x", options.x, false);
  const ys = distinct(fieldValues(rows, "y", options.y, false));
  const values = fieldValues(rows, "value", options.value, true) as number[];
  const min = Math.min(...values);
  const max = Math.max(...values);
  const scheme = checkScheme(options.scheme) ?? (min < 0 && max > 0 ? "diverging" : "sequential");
  const width = sizeOption("width", options.width, EXHIBIT_WIDTH.twoColumn);
  const height = sizeOption("height", options.height, 30 * ys.length);
  const format = formatOption("format", options.format, ",.0f");

  let domain: number[];
  if (scheme === "diverging") {
    const reach = Math.max(Math.abs(min), Math.abs(max)) || 1;
    domain = [-reach, 0, reach];
  } else {
    const [lo, hi] = min === max ? [min - 1, max + 1] : [min, max];
    const stops = RAMPS.sequential.length - 1;
    domain = RAMPS.sequential.map((_, k) => (k === stops ? hi : lo + ((hi - lo) * k) / stops));
  }
  const range = RAMPS[scheme];
  const whiteText = whiteTextTest(`datum[${JSON.stringify(options.value)}]`, domain, range);

  const band = (field: string, title: string, labelFormat: string) => ({
    field,
    type: "ordinal" as const,
    sort: null,
    title,
    axis: {
      grid: false,
      domain: false,
      ticks: false,
      labelFlush: false,
      labelPadding: 4,
      ...(labelFormat === "" ? {} : { format: labelFormat, formatType: "number" }),
    },
  });
  // "" leaves the labels to Vega's own formatting.
  const x = band(
    options.x,
    options.xTitle ?? options.x,
    formatOption("xFormat", options.xFormat, ""),
  );
  const y = band(
    options.y,
    options.yTitle ?? options.y,
    formatOption("yFormat", options.yFormat, ""),
  );
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    config: HOUSE_CONFIG,
    width,
    height,
    data: { values: rows as unknown as Record<string, unknown>[] },
    encoding: { x, y },
    layer: [
      {
        mark: { type: "rect", stroke: "white", strokeWidth: 1 },
        encoding: {
          color: {
            field: options.value,
            type: "quantitative",
            scale: { domain, range: [...range], interpolate: "rgb" },
            legend: null,
          },
        },
      },
      {
        mark: { type: "text", fontSize: 10, baseline: "middle" },
        encoding: {
          text: { field: options.value, type: "quantitative", format },
          color: whiteText === "false"
            ? { value: DARK_TEXT }
            : { condition: { test: whiteText, value: "white" }, value: DARK_TEXT },
        },
      },
    ],
  } as TopLevelSpec;
}

/**
 * A Vega expression true where white text reads better than dark on the cell colour. The ramp
 * is piecewise linear in RGB, and luminance is monotone on each piece, so each piece is white
 * on one side of a cut where the two contrasts are equal (found by `findRoot`); the white
 * stretches are merged into value tests.
 */
function whiteTextTest(value: string, domain: readonly number[], range: readonly string[]): string {
  const white: [number, number][] = [];
  const add = (from: number, to: number) => {
    const last = white.at(-1);
    if (last !== undefined && last[1] === from) last[1] = to;
    else white.push([from, to]);
  };
  for (let k = 0; k + 1 < domain.length; k++) {
    const [d0, d1] = [domain[k]!, domain[k + 1]!];
    const advantage = (t: number) => whiteAdvantage(mix(range[k]!, range[k + 1]!, t));
    const startWhite = advantage(0) > 0;
    if (startWhite === advantage(1) > 0) {
      if (startWhite) add(d0, d1);
      continue;
    }
    const cut = round(d0 + (d1 - d0) * findRoot(advantage, { low: 0, high: 1 }));
    if (startWhite) add(d0, cut);
    else add(cut, d1);
  }
  const min = domain[0]!;
  const max = domain.at(-1)!;
  const tests = white.map(([from, to]) =>
    from <= min && to >= max
      ? "true"
      : from <= min
      ? `${value} < ${to}`
      : to >= max
      ? `${value} >= ${from}`
      : `(${value} >= ${from} && ${value} < ${to})`
  );
  return tests.length === 0 ? "false" : tests.join(" || ");
}

function round(x: number): number {
  return Number(x.toPrecision(6));
}

function rgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function mix(from: string, to: string, t: number): [number, number, number] {
  const a = rgb(from);
  const b = rgb(to);
  return [0, 1, 2].map((i) => a[i]! + (b[i]! - a[i]!) * t) as [number, number, number];
}

/** WCAG contrast of white on the colour minus that of the dark text colour: > 0 where white
 * reads better. */
function whiteAdvantage(color: readonly [number, number, number]): number {
  const luminance = (c: readonly number[]) => {
    const [r, g, b] = c.map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const cell = luminance(color);
  const dark = luminance(rgb(DARK_TEXT));
  return (1.05) / (cell + 0.05) - (cell + 0.05) / (dark + 0.05);
}

function distinct(values: unknown[]): unknown[] {
  return [...new Set(values)];
}

function checkScheme(scheme: HeatmapScheme | undefined): HeatmapScheme | undefined {
  if (scheme === undefined || HEATMAP_SCHEMES.includes(scheme)) return scheme;
  warn(message.unknownHeatmapScheme(scheme));
  return undefined;
}
