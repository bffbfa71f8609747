/**
 * Tornado exhibit: one-at-a-time sensitivity of a model output to each input, as bars from the
 * base-case output to the output at the input's low and high test values, widest swing on top.
 * Takes the rows of `tornado()` from `lib/finance/tornado.ts` as they come.
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
// @ts-types="./_vega_format.d.ts"
import { numberFormatDefaultLocale } from "vega-format";
import { fieldValues, sizeOption } from "./_checks.ts";
import { EXHIBIT_WIDTH, HOUSE_COLORS, HOUSE_CONFIG } from "./theme.ts";
import { message, warn } from "./_messages.ts";

/** Options for {@linkcode tornadoSpec}. */
export interface TornadoSpecOptions<Row> {
  /** Field with the input's label (one row per input). Required. */
  readonly input: keyof Row & string;
  /** Field with the model output at the input's low test value, e.g. `"outputLow"`. Required. */
  readonly low: keyof Row & string;
  /** Field with the model output at the input's high test value, e.g. `"outputHigh"`. Required. */
  readonly high: keyof Row & string;
  /** Base-case output: bars start here and a rule marks it. Required. */
  readonly base: number;
  /** X-axis title with units, e.g. `"NPV, USD"`. Default: none. */
  readonly xTitle?: string;
  /**
   * d3 number format for the axis and the value labels.
   *
   * @default ",.0f"
   */
  readonly xFormat?: string;
  /**
   * Legend text of the low-input bars.
   *
   * @default "Low input"
   */
  readonly lowLabel?: string;
  /**
   * Legend text of the high-input bars.
   *
   * @default "High input"
   */
  readonly highLabel?: string;
  /** Width in CSS pixels. Default {@linkcode EXHIBIT_WIDTH}.twoColumn. */
  readonly width?: number;
  /** Height in CSS pixels. Default 30 per input. */
  readonly height?: number;
}

const CASE = "tornado_case";
const OUTPUT = "tornado_output";
const LABEL_FONT_SIZE = 10;
const LABEL_GAP = 3;

/**
 * Builds the Vega-Lite spec of a tornado chart in the house style: low-input bars in light
 * blue, high-input bars in navy, a rule at the base case, value labels at the bar ends. Inputs
 * are ordered by swing `|high − low|`, largest on top (ties keep row order). The x scale is
 * padded by the width of the widest value label so labels are never clipped or drawn over the
 * axis. When both outputs of an input lie on the same side of the base, the shorter bar is
 * drawn over the longer one (and its label, then over the other bar, in white on navy).
 *
 * Throws a RangeError for no rows or a repeated input, a TypeError for a missing or
 * non-numeric field; a bad `width`, `height` or `xFormat` is warned about and replaced by its
 * default.
 *
 * @example Rows from `tornado()` in lib/finance, as they come
 * ```ts
 * import { tornadoSpec } from "./tornado.ts";
 * import { tornado } from "../finance/tornado.ts";
 * import assert from "node:assert/strict";
 *
 * const margin = (x: Record<string, number>) => x.price! * x.volume! - x.cost!;
 * const t = tornado(margin, {
 *   base: { price: 10, volume: 100, cost: 500 },
 *   ranges: { volume: [90, 110], price: [8, 12], cost: [400, 700] },
 * });
 * const spec = tornadoSpec(t.rows, {
 *   input: "input", low: "outputLow", high: "outputHigh", base: t.baseOutput,
 *   xTitle: "Margin, USD", xFormat: "$,.0f",
 * }) as { layer: { mark: { type: string }; encoding: { y?: { sort: string[] } } }[] };
 * const [bars] = spec.layer;
 * assert.deepEqual(bars!.encoding.y!.sort, ["price", "cost", "volume"]); // widest swing on top
 * // Bars, the base rule and its label, value labels right and left of the base.
 * assert.deepEqual(spec.layer.map((l) => l.mark.type), ["bar", "rule", "text", "text", "text"]);
 * ```
 */
export function tornadoSpec<Row extends object>(
  rows: readonly Row[],
  options: TornadoSpecOptions<Row>,
): TopLevelSpec {
  const { input, low, high } = options;
  if (!Array.isArray(rows) || rows.length === 0) {
    throw new RangeError(`Cannot draw a tornado: expected at least one row, got ${rowCount(rows)}`);
  }
  if (typeof options.base !== "number" || !Number.isFinite(options.base)) {
    throw new TypeError(`Cannot use base: expected a finite number, got ${String(options.base)}`);
  }
  const base = options.base;
  const labels = fieldValues(rows, "input", input, false).map(String);
  const lows = fieldValues(rows, "low", low, true) as number[];
  const highs = fieldValues(rows, "high", high, true) as number[];
  const seen = new Set<string>();
  for (const label of labels) {
    if (seen.has(label)) {
      throw new RangeError(`Cannot use input: expected one row per input, got "${label}" twice`);
    }
    seen.add(label);
  }
  const order = labels
    .map((label, i) => ({ label, swing: Math.abs(highs[i]! - lows[i]!), i }))
    .sort((a, b) => b.swing - a.swing || a.i - b.i)
    .map((r) => r.label);

  const format = checkFormat(options.xFormat);
  const lowLabel = options.lowLabel ?? "Low input";
  const highLabel = options.highLabel ?? "High input";
  const width = sizeOption("width", options.width, EXHIBIT_WIDTH.twoColumn);
  const height = sizeOption("height", options.height, 30 * rows.length);
  // Room for the widest value label on each side, in pixels (Vega pads the domain by it).
  const formatter = numberFormat(format);
  const labelRoom = Math.ceil(
    Math.max(...[...lows, ...highs].map((v) => approxWidth(formatter(v)))) + LABEL_GAP + 4,
  );

  const x = {
    field: OUTPUT,
    type: "quantitative" as const,
    title: options.xTitle ?? null,
    scale: { zero: false, padding: labelRoom },
    // About one tick per 90 px, and none drawn over another (the padded domain is wide).
    axis: {
      format,
      grid: false,
      tickCount: Math.max(2, Math.round(width / 90)),
      labelOverlap: true,
    },
  };
  const y = {
    field: input,
    type: "nominal" as const,
    sort: order,
    title: null,
    scale: { paddingInner: 0.3, paddingOuter: 0.15 },
    axis: { grid: false, domain: false, ticks: false, labelPadding: 6 },
  };
  // Long form: one row per bar, labelled for the legend, with its draw order.
  const bars = [
    { fold: [low, high], as: [CASE, OUTPUT] },
    {
      calculate: `datum.${CASE} === ${JSON.stringify(low)} ? ${JSON.stringify(lowLabel)} : ${
        JSON.stringify(highLabel)
      }`,
      as: CASE,
    },
    // The bar reaching further from the base is drawn first, so a shorter one stays visible.
    { calculate: `-abs(datum.${OUTPUT} - ${base})`, as: "tornado_reach" },
  ];
  // A low-input label lands on the navy high-input bar when both outputs lie on one side of
  // the base and the high one reaches further: it is drawn white there.
  const from = (field: string) => `(datum[${JSON.stringify(field)}] - ${base})`;
  const overNavy = `datum.${CASE} === ${JSON.stringify(lowLabel)} && ${from(low)} * ${
    from(high)
  } > 0 && abs(${from(low)}) < abs(${from(high)})`;
  const valueLabel = (side: "right" | "left") => ({
    transform: [...bars, { filter: `datum.${OUTPUT} ${side === "right" ? ">=" : "<"} ${base}` }],
    mark: {
      type: "text" as const,
      align: side === "right" ? "left" : "right",
      baseline: "middle",
      dx: side === "right" ? LABEL_GAP : -LABEL_GAP,
      fontSize: LABEL_FONT_SIZE,
    },
    encoding: {
      x,
      y,
      text: { field: OUTPUT, type: "quantitative" as const, format },
      color: { condition: { test: overNavy, value: "white" }, value: HOUSE_COLORS.darkGrey },
    },
  });
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    config: HOUSE_CONFIG,
    width,
    height,
    data: { values: rows as unknown as Record<string, unknown>[] },
    layer: [
      {
        transform: bars,
        mark: { type: "bar" },
        encoding: {
          x,
          x2: { datum: base },
          y,
          color: {
            field: CASE,
            type: "nominal",
            scale: {
              domain: [lowLabel, highLabel],
              range: [HOUSE_COLORS.lightBlue, HOUSE_COLORS.navy],
            },
            legend: { orient: "top" },
          },
          order: { field: "tornado_reach", type: "quantitative" },
        },
      },
      {
        data: { values: [{}] },
        mark: { type: "rule", color: HOUSE_COLORS.darkGrey, strokeWidth: 1 },
        encoding: { x: { datum: base } },
      },
      {
        data: { values: [{}] },
        mark: {
          type: "text",
          align: "center",
          baseline: "bottom",
          y: 0,
          dy: -3,
          fontSize: LABEL_FONT_SIZE,
          color: HOUSE_COLORS.darkGrey,
        },
        encoding: { x: { datum: base }, text: { value: `Base ${formatter(base)}` } },
      },
      valueLabel("right"),
      valueLabel("left"),
    ],
  } as TopLevelSpec;
}

function rowCount(rows: unknown): string {
  return Array.isArray(rows) ? "0" : String(rows);
}

function checkFormat(format: string | undefined): string {
  const fallback = ",.0f";
  if (format === undefined) return fallback;
  try {
    numberFormat(format);
    return format;
  } catch {
    warn(message.badNumberFormat("xFormat", format, fallback));
    return fallback;
  }
}

/**
 * A d3 number formatter from Vega's own number locale, so labels measure as Vega will draw them.
 * It comes from `vega-format`, not `vega`: a spec is plain JSON, and building one loads no engine.
 */
function numberFormat(specifier: string): (value: number) => string {
  return numberFormatDefaultLocale().format(specifier);
}

/** Upper bound of a label's width in Inter at the label size: digits are ≤ 0.65 em, "M", "%" wider. */
function approxWidth(text: string): number {
  let em = 0;
  for (const char of text) em += /[MW%mw@]/.test(char) ? 0.95 : /[,. ]/.test(char) ? 0.3 : 0.66;
  return em * LABEL_FONT_SIZE;
}
