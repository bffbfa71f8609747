/**
 * Labelled scatter exhibit: one point per row (a miner, a deal), each with its name beside it.
 *
 * Vega-Lite cannot move labels out of each other's way, so the labels are placed in TS before
 * the spec is built (`_scatter_labels.ts`, `_label_placement.ts`: greedy, nearest free position
 * first, leader lines for labels set away from their point), with widths measured from the
 * Inter file that renders the chart (`font_metrics.ts`). The scales' domains are fixed in the
 * spec (padded 8%, no `nice`), so TS knows where each point lands in pixels. Labels are then
 * drawn left-aligned at the chosen box's left edge, in data units. The result is deterministic.
 *
 * A long label wraps onto up to `labelLines` lines of `labelWidth` px, and is cut with "…"
 * past them; points on the same spot (two deals of the same MW and rent) share one label, a
 * name a line. When a label finds no clear place it tries its shorter forms (fewer lines), then
 * any clear place in the plot with a leader. **The fallback:** if some labels still collide,
 * the least important (the smallest point, with a size field) are left out, one at a time,
 * until none does, and a warning names them. So the labels drawn never overlap each other or a
 * point and stay inside the plot. Every point carries its full label as a tooltip in the live
 * chart.
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { fieldValues, finiteNumbers, formatOption, sizeOption } from "./_checks.ts";
import { LABEL_LINE_HEIGHT } from "./_label_placement.ts";
import { labelMeasure, lineCountOption, scatterLabels } from "./_scatter_labels.ts";
import { axisScale } from "./_pixel_scale.ts";
import { logTickFormat } from "./_log_ticks.ts";
import { sizeLegend } from "./_size_legend.ts";
import { EXHIBIT_WIDTH, HOUSE_COLORS, HOUSE_CONFIG } from "./theme.ts";
import { message, warn } from "./_messages.ts";

/** Options for {@linkcode scatterSpec}. */
export interface ScatterOptions<Row> {
  /** X field (finite numbers; > 0 with `logX`). */
  readonly x: keyof Row & string;
  /** Y field (finite numbers; > 0 with `logY`). */
  readonly y: keyof Row & string;
  /** Field with each point's label. */
  readonly label: keyof Row & string;
  /**
   * Field sizing the points by area (numbers ≥ 0), from 0 up to a round value at or above the
   * largest; the legend shows three or four round sizes, the biggest at least as big as the
   * biggest point. Default: all points one size.
   */
  readonly size?: keyof Row & string;
  /** Title of the size legend, with units. Default: the size field's name. */
  readonly sizeTitle?: string;
  /**
   * d3 number format of the size legend; "G" (giga) is shown as "B" (billion).
   *
   * @default ".2~s"
   */
  readonly sizeFormat?: string;
  /** Series field colouring the points. Default: all navy. */
  readonly color?: keyof Row & string;
  /** X-axis title with units. Default: the field name. */
  readonly xTitle?: string;
  /** Y-axis title with units. Default: the field name. */
  readonly yTitle?: string;
  /**
   * d3 number format for the x axis.
   *
   * @default ",.0f"
   */
  readonly xFormat?: string;
  /**
   * d3 number format for the y axis.
   *
   * @default ",.0f"
   */
  readonly yFormat?: string;
  /**
   * Log scale on x.
   *
   * @default false
   */
  readonly logX?: boolean;
  /**
   * Log scale on y.
   *
   * @default false
   */
  readonly logY?: boolean;
  /** Width in CSS pixels. Default {@linkcode EXHIBIT_WIDTH}.twoColumn. */
  readonly width?: number;
  /**
   * Height in CSS pixels.
   *
   * @default 300
   */
  readonly height?: number;
  /**
   * Widest line of a label in CSS pixels; a longer label wraps onto more lines. Default a
   * quarter of `width`, at least 100 and at most 200.
   */
  readonly labelWidth?: number;
  /**
   * Most lines of a label (a whole number ≥ 1); the rest is cut with "…", with a warning, and
   * the full label is in the point's tooltip. Points on the same spot share a label and its
   * lines. Default 3.
   */
  readonly labelLines?: number;
}

const FONT_SIZE = 10;
const POINT_AREA = 64;
const SIZE_RANGE: readonly [number, number] = [30, 500];

/**
 * Builds the Vega-Lite spec of a labelled scatter in the house style: points (navy, or one
 * house colour per series), labels placed clear of each other (see the module docs), linear or
 * log axes, light horizontal gridlines.
 *
 * Throws a RangeError for no rows or a value ≤ 0 on a log axis, a TypeError for a missing or
 * non-numeric field; a bad `width`, `height` or format is warned about and replaced by its
 * default.
 *
 * @example Contracted MW against rent per MW-year
 * ```ts
 * import { scatterSpec } from "./scatter.ts";
 * import assert from "node:assert/strict";
 *
 * const deals = [
 *   { deal: "CORZ / CoreWeave", mw: 200, rent: 1.46e6 },
 *   { deal: "HUT / Fluidstack", mw: 245, rent: 1.9e6 },
 *   { deal: "APLD / CoreWeave", mw: 250, rent: 1.87e6 },
 * ];
 * const spec = scatterSpec(deals, { x: "mw", y: "rent", label: "deal",
 *   xTitle: "Contracted MW (IT)", yTitle: "USD per MW-year", yFormat: "$.3s" }) as {
 *   layer: { data?: { values: { text: string }[] } }[] };
 * const labels = spec.layer.at(-1)!.data!.values;
 * assert.deepEqual(labels.map((l) => l.text), ["CORZ / CoreWeave", "HUT / Fluidstack", "APLD / CoreWeave"]);
 * ```
 */
export function scatterSpec<Row extends object>(
  rows: readonly Row[],
  options: ScatterOptions<Row>,
): TopLevelSpec {
  if (!Array.isArray(rows) || rows.length === 0) {
    throw new RangeError(
      `Cannot draw a scatter: expected at least one row, got ${Array.isArray(rows) ? 0 : rows}`,
    );
  }
  const logX = options.logX ?? false;
  const logY = options.logY ?? false;
  const xs = finiteNumbers(rows, "x", options.x, logX);
  const ys = finiteNumbers(rows, "y", options.y, logY);
  const texts = fieldValues(rows, "label", options.label, false).map((v) => String(v ?? ""));
  const sizes = options.size === undefined
    ? undefined
    : finiteNumbers(rows, "size", options.size, false);
  if (sizes?.some((s) => s < 0)) {
    throw new RangeError(`Cannot use size: expected values ≥ 0 in "${options.size}"`);
  }
  if (options.color !== undefined) fieldValues(rows, "color", options.color, false);
  const width = sizeOption("width", options.width, EXHIBIT_WIDTH.twoColumn);
  const height = sizeOption("height", options.height, 300);

  const xAxis = axisScale(xs, logX, width, false);
  const yAxis = axisScale(ys, logY, height, true);
  // The size scale runs from 0 to the legend's last (round) value, at or above the largest size.
  const legend = sizeLegend(sizes === undefined ? 0 : Math.max(...sizes));
  const radius = (i: number) => {
    const area = sizes === undefined
      ? POINT_AREA
      : SIZE_RANGE[0] + (SIZE_RANGE[1] - SIZE_RANGE[0]) * (sizes[i]! / legend.domainMax);
    return Math.sqrt(area / Math.PI);
  };
  const points = xs.map((x, i) => ({
    x: xAxis.toPixel(x),
    y: yAxis.toPixel(ys[i]!),
    r: radius(i),
  }));
  const labelWidth = sizeOption(
    "labelWidth",
    options.labelWidth,
    Math.round(Math.min(200, Math.max(100, width / 4))),
  );
  const labelLines = lineCountOption(options.labelLines);
  const { placed, dropped, cut } = scatterLabels(
    points.map((p, i) => ({ ...p, priority: sizes?.[i] ?? 0 })),
    texts,
    { width, height },
    { measure: labelMeasure(), maxWidth: labelWidth, maxLines: labelLines },
  );
  if (cut > 0) {
    warn(message.scatterLabelsCut(cut, labelLines, labelWidth));
  }
  if (dropped.length > 0) {
    warn(message.scatterLabelsDropped(dropped, sizes !== undefined));
  }
  const labels = placed.map((box) => ({
    text: box.lines.length === 1 ? box.lines[0]! : box.lines,
    full: box.names.join("; "),
    x: xAxis.toData(box.left),
    // Vega draws the first line at y, the next ones LABEL_LINE_HEIGHT px apart below it.
    y: yAxis.toData(box.top + LABEL_LINE_HEIGHT / 2),
    leader: box.leader,
    fromX: xAxis.toData(box.pointX),
    fromY: yAxis.toData(box.pointY),
    toX: xAxis.toData(box.leaderX),
    toY: yAxis.toData(box.leaderY),
  }));

  const x = {
    field: options.x,
    type: "quantitative" as const,
    title: options.xTitle ?? options.x,
    scale: xAxis.scale,
    axis: {
      // Sub-1 log ticks need decimals: ",.0f" would label 0.3 "0".
      format: logTickFormat(
        xAxis.ticks.values ?? [],
        formatOption("xFormat", options.xFormat, ",.0f"),
      ),
      ...xAxis.ticks,
    },
  };
  const y = {
    field: options.y,
    type: "quantitative" as const,
    title: options.yTitle ?? options.y,
    scale: yAxis.scale,
    axis: {
      // Sub-1 log ticks need decimals: ",.0f" would label 0.3 "0".
      format: logTickFormat(
        yAxis.ticks.values ?? [],
        formatOption("yFormat", options.yFormat, ",.0f"),
      ),
      ...yAxis.ticks,
    },
  };
  const layer: unknown[] = [];
  // Leaders first, so the points cover their ends.
  if (labels.some((l) => l.leader)) {
    layer.push({
      data: {
        values: labels.filter((l) => l.leader).map(({ fromX, fromY, toX, toY }) => ({
          fromX,
          fromY,
          toX,
          toY,
        })),
      },
      mark: { type: "rule", color: HOUSE_COLORS.grey, strokeWidth: 0.75 },
      encoding: {
        x: { field: "fromX", type: "quantitative" },
        y: { field: "fromY", type: "quantitative" },
        x2: { field: "toX" },
        y2: { field: "toY" },
      },
    });
  }
  layer.push(
    {
      mark: { type: "circle", opacity: 0.9, stroke: "white", strokeWidth: 0.75 },
      encoding: {
        x,
        y,
        // The full label on hover, also for a point whose label was cut or left out.
        tooltip: { field: options.label, type: "nominal" },
        ...(options.color === undefined
          ? { color: { value: HOUSE_COLORS.navy } }
          : { color: { field: options.color, type: "nominal", legend: { orient: "top" } } }),
        ...(sizes === undefined ? { size: { value: POINT_AREA } } : {
          size: {
            field: options.size,
            type: "quantitative",
            scale: { domain: [0, legend.domainMax], range: [...SIZE_RANGE] },
            legend: {
              orient: "top",
              title: options.sizeTitle ?? options.size,
              titleOrient: "left",
              titleFontWeight: "normal",
              titleColor: HOUSE_COLORS.darkGrey,
              titleFontSize: 10,
              symbolFillColor: HOUSE_COLORS.grey,
              values: legend.values,
              format: formatOption("sizeFormat", options.sizeFormat, ".2~s"),
              labelExpr: "replace(datum.label, 'G', 'B')",
            },
          },
        }),
      },
    },
  );
  layer.push({
    data: { values: labels.map(({ text, full, x, y }) => ({ text, full, x, y })) },
    mark: {
      type: "text",
      align: "left",
      baseline: "middle",
      fontSize: FONT_SIZE,
      ...(labels.some((l) => Array.isArray(l.text)) ? { lineHeight: LABEL_LINE_HEIGHT } : {}),
      color: HOUSE_COLORS.darkGrey,
    },
    encoding: {
      x: { field: "x", type: "quantitative" },
      y: { field: "y", type: "quantitative" },
      text: { field: "text" },
      // The whole names of a label cut short or shared by points on one spot.
      tooltip: { field: "full", type: "nominal" },
    },
  });
  // Two legends (series and size) go one under the other, so they fit a one-column width.
  const config = options.color !== undefined && sizes !== undefined
    ? {
      ...HOUSE_CONFIG,
      legend: {
        ...HOUSE_CONFIG.legend,
        layout: { top: { direction: "vertical", anchor: "start" } },
      },
    }
    : HOUSE_CONFIG;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    config,
    width,
    height,
    data: { values: rows as unknown as Record<string, unknown>[] },
    layer,
  } as TopLevelSpec;
}
