/**
 * Value labels on columns and bars: text at each bar's end (above or right of positive values,
 * below or left of negative ones, a stack labelled with its total), and a value scale widened
 * so the labels always fit inside the plot, never clipped.
 *
 * @module
 */
import { estimateWidth } from "./_category_axis.ts";
import { HOUSE_COLORS } from "./theme.ts";

/** Font size (px) of value labels. */
const LABEL_FONT_SIZE = 9;
/** Space (px) between a bar's end and its label. */
const LABEL_GAP = 3;

/** What {@linkcode labelLayers} labels. */
export interface LabelLayerOptions {
  /** The category field. */
  readonly x: string;
  /** The value field. */
  readonly y: string;
  /** d3 number format of the labels. */
  readonly format: string;
  /** Bars (categories down the y axis) rather than columns. */
  readonly horizontal: boolean;
  /** Stacked series: one label per stack, its total. */
  readonly stacked: boolean;
  /** The labelled values (the stack totals when stacked): which sides need a layer. */
  readonly labelled: readonly number[];
  /** Vega test of the highlighted category, labelled in the accent colour. Default none. */
  readonly test: string | undefined;
}

/**
 * Text layers: positive values above (right of) the bar end, negative ones below (left).
 *
 * @example
 * ```ts
 * import { labelLayers } from "./_value_labels.ts";
 * import assert from "node:assert/strict";
 *
 * const layers = labelLayers({ x: "c", y: "v", format: ",.0f", horizontal: false,
 *   stacked: false, labelled: [3, -1], test: undefined }) as { mark: { baseline: string } }[];
 * assert.deepEqual(layers.map((l) => l.mark.baseline), ["bottom", "top"]);
 * ```
 */
export function labelLayers(options: LabelLayerOptions): unknown[] {
  const { x, y, format, horizontal, stacked, labelled, test } = options;
  const field = stacked ? "__total" : y;
  const color = test === undefined
    ? { value: HOUSE_COLORS.darkGrey }
    : { condition: { test, value: HOUSE_COLORS.accent }, value: HOUSE_COLORS.darkGrey };
  const layers: unknown[] = [];
  for (const sign of [1, -1] as const) {
    if (!labelled.some((v) => (sign === 1 ? v >= 0 : v < 0))) continue;
    const transform: unknown[] = stacked
      ? [{ aggregate: [{ op: "sum", field: y, as: "__total" }], groupby: [x] }]
      : [];
    transform.push({ filter: `datum[${JSON.stringify(field)}] ${sign === 1 ? ">=" : "<"} 0` });
    const mark = horizontal
      ? { align: sign === 1 ? "left" : "right", baseline: "middle", dx: sign * LABEL_GAP }
      : { align: "center", baseline: sign === 1 ? "bottom" : "top", dy: -sign * LABEL_GAP };
    const encoding: Record<string, unknown> = {
      text: { field, type: "quantitative", format },
      color,
    };
    if (stacked) {
      encoding[horizontal ? "x" : "y"] = { field, type: "quantitative", stack: null };
    }
    layers.push({
      transform,
      mark: { type: "text", fontSize: LABEL_FONT_SIZE, ...mark },
      encoding,
    });
  }
  return layers;
}

/**
 * Room (px) a label needs beyond its bar's end along the value axis: the widest label guessed
 * from `format` on bars, one line of text on columns.
 *
 * @example
 * ```ts
 * import { labelSpan } from "./_value_labels.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(labelSpan([120, 3], ",.0f", false), 15);
 * assert.ok(labelSpan([1.2e6], "$,.0f", true) > labelSpan([12], "$,.0f", true));
 * ```
 */
export function labelSpan(
  labelled: readonly number[],
  format: string,
  horizontal: boolean,
): number {
  return horizontal
    ? Math.max(...labelled.map((v) => estimateWidth(formatGuess(v, format), LABEL_FONT_SIZE))) +
      LABEL_GAP + 4
    : LABEL_FONT_SIZE + LABEL_GAP + 3;
}

/**
 * The value scale: zero-based, widened so that labels `span` px long fit beyond the longest
 * bars (`[bottom, top]` each) on a plot `length` px long. `{}` without labels.
 *
 * @example
 * ```ts
 * import { valueScale } from "./_value_labels.ts";
 * import assert from "node:assert/strict";
 *
 * const scale = valueScale([[0, 100]], [100], 15, 215);
 * assert.deepEqual(scale, { nice: true, domainMax: 107.5 });
 * assert.deepEqual(valueScale([[0, 100]], [100], 0, 215), {});
 * ```
 */
export function valueScale(
  bars: readonly (readonly number[])[],
  labelled: readonly number[],
  span: number,
  length: number,
): Record<string, number | boolean> {
  const max = Math.max(0, ...bars.map((b) => b[1]!));
  const min = Math.min(0, ...bars.map((b) => b[0]!));
  if (span === 0 || max === min) return {};
  const sides = (labelled.some((v) => v >= 0) ? 1 : 0) + (labelled.some((v) => v < 0) ? 1 : 0);
  const perPixel = (max - min) / Math.max(length - sides * span, length / 2);
  const scale: Record<string, number | boolean> = { nice: true };
  if (labelled.some((v) => v >= 0) && max > 0) scale.domainMax = max + span * perPixel;
  if (labelled.some((v) => v < 0)) scale.domainMin = min - span * perPixel;
  return scale;
}

/** The label text's likely length: digits of the value with the format's prefix/suffix. */
function formatGuess(value: number, format: string): string {
  const digits = Math.abs(value) >= 1 ? Math.floor(Math.log10(Math.abs(value))) + 1 : 1;
  const precision = Number(/\.(\d+)/.exec(format)?.[1] ?? 0);
  const si = /[sr]$/.test(format);
  const body = si
    ? "0".repeat(Math.max(precision, 1) + 2) + "M"
    : "0".repeat(digits + Math.floor((digits - 1) / 3) + precision + 1);
  return `${value < 0 ? "-" : ""}${format.includes("$") ? "$" : ""}${body}${
    format.endsWith("%") ? "%" : ""
  }`;
}
