/**
 * Waterfall exhibit: a sum of the parts or a bridge — BTC held + mining + AI leases +
 * uncontracted MW − net debt = equity — as floating bars that start where the previous one
 * ended. Increases are navy, decreases the accent colour, totals dark grey; every bar carries
 * its value, and thin connectors lead the eye from one bar to the next.
 *
 * The running sums are computed here in TypeScript ({@linkcode waterfallBars}), so the spec
 * carries each bar's start and end and the arithmetic is tested without Vega.
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { categoryLabels } from "./_category_axis.ts";
import { cell, cosmeticWarner, finiteAt, isD3Format, isSize, show, textAt } from "./_checks.ts";
import { EXHIBIT_WIDTH, HOUSE_COLORS, HOUSE_CONFIG } from "./theme.ts";

/** What a waterfall bar shows: a step up, a step down, or a (sub)total from zero. */
export type WaterfallKind = "increase" | "decrease" | "total";

/** One bar of a waterfall, from `start` to `end`. */
export interface WaterfallBar {
  /** Category label. */
  readonly label: string;
  /** Where the bar starts: the running sum before this step, or 0 for a total. */
  readonly start: number;
  /** Where it ends: the running sum after this step. */
  readonly end: number;
  /** The step (`end − start`), or the running sum for a total. */
  readonly value: number;
  /** What the bar shows. */
  readonly kind: WaterfallKind;
}

/** Options for {@linkcode waterfallSpec} and {@linkcode waterfallBars}. */
export interface WaterfallOptions<Row> {
  /** Label field (text, unique). */
  readonly label: keyof Row & string;
  /** Step field (finite numbers; not read on total rows). */
  readonly value: keyof Row & string;
  /** Boolean field: `true` marks a subtotal, drawn from zero to the running sum. Default none. */
  readonly total?: keyof Row & string;
  /**
   * Label of a final total bar appended after the rows, or `false` for none. Default `"Total"`,
   * unless `total` marks the last row as a total already.
   */
  readonly totalLabel?: string | false;
  /** Value-axis title with units, e.g. `"USD m"`. Default: the `value` field name. */
  readonly yTitle?: string;
  /**
   * d3 number format of the value axis and labels.
   *
   * @default ",.0f"
   */
  readonly yFormat?: string;
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
const LABEL_FONT_SIZE = 9;
const LABEL_GAP = 3;
const GRID_COLOR = HOUSE_CONFIG.axis?.gridColor as string;
const cosmetic = cosmeticWarner("waterfallSpec");

/**
 * The bars of a waterfall: running sums over the rows, subtotals where `total` says so, and a
 * final total unless `totalLabel` is `false`.
 *
 * @example
 * ```ts
 * import { waterfallBars } from "./waterfall.ts";
 * import assert from "node:assert/strict";
 *
 * const rows = [{ part: "Mining", usdM: 900 }, { part: "AI leases", usdM: 2400 },
 *   { part: "Net debt", usdM: -700 }];
 * const bars = waterfallBars(rows, { label: "part", value: "usdM", totalLabel: "Equity" });
 * assert.deepEqual(bars.map((b) => [b.label, b.start, b.end, b.kind]), [
 *   ["Mining", 0, 900, "increase"],
 *   ["AI leases", 900, 3300, "increase"],
 *   ["Net debt", 3300, 2600, "decrease"],
 *   ["Equity", 0, 2600, "total"],
 * ]);
 * ```
 */
export function waterfallBars<Row extends object>(
  rows: readonly Row[],
  options: WaterfallOptions<Row>,
): WaterfallBar[] {
  if (rows.length === 0) throw new RangeError("Cannot build a waterfall: rows is empty");
  const { label, value, total } = options;
  const bars: WaterfallBar[] = [];
  const seen = new Map<string, number>();
  let sum = 0;
  rows.forEach((row, i) => {
    const name = textAt(row, "label", label, i);
    if (seen.has(name)) {
      throw new RangeError(
        `Cannot use label: "${name}" appears in rows ${seen.get(name)} and ${i}`,
      );
    }
    seen.set(name, i);
    const isTotal = total === undefined ? false : cell(row, "total", total, i);
    if (typeof isTotal !== "boolean") {
      throw new TypeError(
        `Cannot use total: field "${total}" in row ${i} is ${
          show(isTotal)
        }, expected true or false`,
      );
    }
    if (isTotal) {
      bars.push({ label: name, start: 0, end: sum, value: sum, kind: "total" });
      return;
    }
    const step = finiteAt(row, "value", value, i);
    bars.push({
      label: name,
      start: sum,
      end: sum + step,
      value: step,
      kind: step < 0 ? "decrease" : "increase",
    });
    sum += step;
  });
  const lastIsTotal = bars[bars.length - 1]!.kind === "total";
  const finalLabel = options.totalLabel ?? (lastIsTotal ? false : "Total");
  if (finalLabel !== false) {
    if (seen.has(finalLabel)) {
      throw new RangeError(`Cannot use totalLabel: "${finalLabel}" is also a row's label`);
    }
    bars.push({ label: finalLabel, start: 0, end: sum, value: sum, kind: "total" });
  }
  return bars;
}

/**
 * Builds the Vega-Lite spec of a waterfall in the house style.
 *
 * @example
 * ```ts
 * import { waterfallSpec } from "./waterfall.ts";
 * import assert from "node:assert/strict";
 *
 * const rows = [{ part: "BTC held", usdM: 1200 }, { part: "Net debt", usdM: -400 }];
 * const spec = waterfallSpec(rows, { label: "part", value: "usdM", totalLabel: "Equity" }) as {
 *   data: { values: { label: string; end: number }[] };
 * };
 * assert.deepEqual(spec.data.values.map((b) => b.label), ["BTC held", "Net debt", "Equity"]);
 * assert.equal(spec.data.values[2]!.end, 800);
 * ```
 */
export function waterfallSpec<Row extends object>(
  rows: readonly Row[],
  options: WaterfallOptions<Row>,
): TopLevelSpec {
  const bars = waterfallBars(rows, options);
  const format = cosmetic(options.yFormat, "yFormat", DEFAULT_FORMAT, isD3Format);
  const width = cosmetic(options.width, "width", EXHIBIT_WIDTH.twoColumn, isSize);
  const height = cosmetic(options.height, "height", 260, isSize);
  const values = bars.map((bar, i) => ({
    ...bar,
    next: bars[i + 1]?.label ?? null,
    // Labels sit past the bar's end: above a rise (or a positive total), below a fall.
    up: bar.kind === "total" ? bar.end >= 0 : bar.end >= bar.start,
  }));
  const max = Math.max(0, ...bars.map((b) => Math.max(b.start, b.end)));
  const min = Math.min(0, ...bars.map((b) => Math.min(b.start, b.end)));
  const labelSpan = LABEL_FONT_SIZE + LABEL_GAP + 3;
  const sides = (values.some((v) => v.up) ? 1 : 0) + (values.some((v) => !v.up) ? 1 : 0);
  const perPixel = (max - min) / Math.max(height - sides * labelSpan, height / 2);
  const scale: Record<string, number | boolean> = { nice: true };
  if (max > min && values.some((v) => v.up)) scale.domainMax = max + labelSpan * perPixel;
  if (max > min && values.some((v) => !v.up)) scale.domainMin = min - labelSpan * perPixel;
  const labels = bars.map((b) => b.label);
  const x = {
    field: "label",
    type: "nominal",
    sort: labels,
    title: null,
    scale: { paddingInner: 0.3, paddingOuter: 0.15 },
    axis: {
      ticks: false,
      labelLimit: 0,
      labelPadding: 6,
      ...categoryLabels(labels, width / labels.length),
    },
  };
  const y = {
    field: "end",
    type: "quantitative",
    title: options.yTitle ?? options.value,
    scale,
    axis: {
      format,
      ...(min < 0
        ? {
          gridColor: {
            condition: { test: "datum.value === 0", value: HOUSE_COLORS.darkGrey },
            value: GRID_COLOR,
          },
        }
        : {}),
    },
  };
  const label = (up: boolean) => ({
    transform: [{ filter: up ? "datum.up" : "!datum.up" }],
    mark: {
      type: "text",
      fontSize: LABEL_FONT_SIZE,
      color: HOUSE_COLORS.darkGrey,
      baseline: up ? "bottom" : "top",
      dy: up ? -LABEL_GAP : LABEL_GAP,
    },
    encoding: { text: { field: "value", type: "quantitative", format } },
  });
  const layer: unknown[] = [
    {
      // Connectors from each bar's end to the next bar; the bars, drawn on top, hide the middle.
      transform: [{ filter: "datum.next !== null" }],
      mark: { type: "rule", color: HOUSE_COLORS.grey, strokeWidth: 0.8, strokeDash: [2, 2] },
      encoding: { x2: { field: "next" } },
    },
    {
      mark: { type: "bar" },
      encoding: {
        y2: { field: "start" },
        color: {
          field: "kind",
          type: "nominal",
          scale: {
            domain: ["increase", "decrease", "total"],
            range: [HOUSE_COLORS.navy, HOUSE_COLORS.accent, HOUSE_COLORS.darkGrey],
          },
          legend: null,
        },
      },
    },
  ];
  if (values.some((v) => v.up)) layer.push(label(true));
  if (values.some((v) => !v.up)) layer.push(label(false));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    config: HOUSE_CONFIG,
    width,
    height,
    data: { values },
    encoding: { x, y },
    layer,
  } as unknown as TopLevelSpec;
}
