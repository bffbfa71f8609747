/**
 * Fan-chart exhibit: Monte Carlo percentile bands as layered areas (outer bands lighter) with
 * the median line, optionally after the actual history. Takes the `rows` of
 * `percentileBands()` from `lib/finance/percentile_bands.ts` as they come. Like Observable
 * Plot's composite marks, the chart is only simple layers stacked: one area per band, one line
 * for the median, one for the history.
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { fieldValues, finiteNumbers, formatOption, sizeOption } from "./_checks.ts";
import { logDomain, logTickFormat, logTicks } from "./_log_ticks.ts";
import { EXHIBIT_WIDTH, HOUSE_COLORS, HOUSE_CONFIG } from "./theme.ts";

/** An actual series drawn before the fan, in navy. */
export interface FanHistory<Hist> {
  /** The observed rows. */
  readonly rows: readonly Hist[];
  /** X field: same kind as the fan's x (step numbers or `YYYY-MM-DD` dates). */
  readonly x: keyof Hist & string;
  /** Value field. */
  readonly y: keyof Hist & string;
  /**
   * Legend text.
   *
   * @default "Actual"
   */
  readonly label?: string;
}

/** Options for {@linkcode fanChartSpec}. */
export interface FanChartOptions<Row, Hist> {
  /** X field: a step number or an ISO `YYYY-MM-DD` date. */
  readonly x: keyof Row & string;
  /** `[lowField, highField]` per band, outer to inner, e.g. `[["p5", "p95"], ["p25", "p75"]]`. */
  readonly bands: readonly (readonly [keyof Row & string, keyof Row & string])[];
  /** Median field, e.g. `"p50"`. */
  readonly median: keyof Row & string;
  /** The actual series before the fan. Default none. */
  readonly history?: FanHistory<Hist>;
  /** X-axis title. Default: the field name for steps, none for dates. */
  readonly xTitle?: string;
  /** Y-axis title with units. Default: the median field's name. */
  readonly yTitle?: string;
  /**
   * d3 number format for the y axis.
   *
   * @default ",.0f"
   */
  readonly yFormat?: string;
  /**
   * Log scale on y (all values must then be > 0).
   *
   * @default false
   */
  readonly log?: boolean;
  /** Width in CSS pixels. Default {@linkcode EXHIBIT_WIDTH}.twoColumn. */
  readonly width?: number;
  /**
   * Height in CSS pixels.
   *
   * @default 260
   */
  readonly height?: number;
}

/**
 * Builds the Vega-Lite spec of a fan chart in the house style. Bands are tints of the house
 * blue, lighter outside; the median is a blue line, the history a navy one; the legend names
 * each band from its fields (`p5`–`p95` → "5th–95th percentile").
 *
 * Throws a RangeError for no rows or no bands, a TypeError for a missing or non-numeric field or
 * an x that is neither a number nor a date; with `log`, a value ≤ 0 is a RangeError. A bad
 * `width`, `height` or `yFormat` is warned about and replaced by its default.
 *
 * @example Rows from `percentileBands()` in lib/finance, as they come
 * ```ts
 * import { fanChartSpec } from "./fan_chart.ts";
 * import { gbmPaths } from "../finance/gbm_paths.ts";
 * import { percentileBands } from "../finance/percentile_bands.ts";
 * import assert from "node:assert/strict";
 *
 * const paths = gbmPaths({ start: 100, driftAnnual: 0.05, volAnnual: 0.6, steps: 24,
 *   stepYears: 1 / 12, paths: 500 });
 * const fan = percentileBands(paths);
 * const spec = fanChartSpec(fan.rows, { x: "step", bands: [["p5", "p95"], ["p25", "p75"]],
 *   median: "p50", xTitle: "Months ahead", log: true }) as { layer: unknown[] };
 * assert.equal(spec.layer.length, 3); // two bands, then the median
 * ```
 */
export function fanChartSpec<Row extends object, Hist extends object = Row>(
  rows: readonly Row[],
  options: FanChartOptions<Row, Hist>,
): TopLevelSpec {
  if (!Array.isArray(rows) || rows.length === 0) {
    throw new RangeError(
      `Cannot draw a fan chart: expected at least one row, got ${Array.isArray(rows) ? 0 : rows}`,
    );
  }
  if (!Array.isArray(options.bands) || options.bands.length === 0) {
    throw new RangeError("Cannot use bands: expected at least one [low, high] pair, got none");
  }
  const log = options.log ?? false;
  const xKind = kindOf("x", fieldValues(rows, "x", options.x, false));
  const values: number[] = [];
  const numbers = (option: string, from: readonly object[], field: string) => {
    for (const v of finiteNumbers(from, option, field, log)) values.push(v);
  };
  options.bands.forEach(([low, high], k) => {
    numbers(`bands[${k}][0]`, rows, low);
    numbers(`bands[${k}][1]`, rows, high);
  });
  numbers("median", rows, options.median);
  const history = options.history;
  if (history !== undefined) {
    if (!Array.isArray(history.rows) || history.rows.length === 0) {
      throw new RangeError("Cannot use history.rows: expected at least one row, got 0");
    }
    const historyKind = kindOf(
      "history.x",
      fieldValues(history.rows, "history.x", history.x, false),
    );
    if (historyKind !== xKind) {
      throw new TypeError(
        `Cannot use history.x: expected ${xKind} values like the fan's x, got ${historyKind}`,
      );
    }
    numbers("history.y", history.rows, history.y);
  }

  const width = sizeOption("width", options.width, EXHIBIT_WIDTH.twoColumn);
  const height = sizeOption("height", options.height, 260);
  const yFormat = formatOption("yFormat", options.yFormat, ",.0f");
  const x = {
    field: options.x,
    type: xKind === "date" ? "temporal" as const : "quantitative" as const,
    title: options.xTitle ?? (xKind === "date" ? null : options.x),
    ...(xKind === "date"
      ? { axis: { format: "%Y", tickCount: "year" as const } }
      : { scale: { nice: false } }),
  };
  const y = {
    type: "quantitative" as const,
    title: options.yTitle ?? options.median,
    // Log axes span whole 1–3–10 steps, each gridded: vega's nice domain would run to a full decade.
    scale: log ? { type: "log" as const, domain: logDomain(values), nice: false } : { zero: false },
    // Sub-1 log ticks need decimals: ",.0f" would label 0.3 "0".
    axis: log ? logAxis(logTicks(logDomain(values)), yFormat) : { format: yFormat },
  };

  // Two legends above the plot: squares for the bands (fill), line strokes for the lines.
  const bandLabels = options.bands.map(([low, high]) => bandLabel(low, high));
  const bandColors = options.bands.map((_, k) =>
    tint(HOUSE_COLORS.blue, 0.2 + (0.3 * k) / Math.max(1, options.bands.length - 1))
  );
  const historyLabel = history === undefined ? [] : [history.label ?? "Actual"];
  const fill = (label: string) => ({
    datum: label,
    scale: { domain: bandLabels, range: bandColors },
    legend: { orient: "top", symbolType: "square" },
  });
  const stroke = (label: string) => ({
    datum: label,
    scale: {
      domain: [...historyLabel, "Median"],
      range: [...historyLabel.map(() => HOUSE_COLORS.navy), HOUSE_COLORS.blue],
    },
    legend: { orient: "top", symbolType: "stroke", symbolStrokeWidth: 2 },
  });

  const layer: unknown[] = [
    ...options.bands.map(([low, high], k) => ({
      mark: { type: "area", opacity: 1 },
      encoding: { x, y: { ...y, field: low }, y2: { field: high }, fill: fill(bandLabels[k]!) },
    })),
    {
      mark: { type: "line", strokeWidth: 1.8 },
      encoding: { x, y: { ...y, field: options.median }, stroke: stroke("Median") },
    },
  ];
  if (history !== undefined) {
    layer.push({
      data: { values: history.rows },
      mark: { type: "line", strokeWidth: 1.6 },
      encoding: {
        x: { ...x, field: history.x },
        y: { ...y, field: history.y },
        stroke: stroke(historyLabel[0]!),
      },
    });
  }
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    config: HOUSE_CONFIG,
    width,
    height,
    data: { values: rows as unknown as Record<string, unknown>[] },
    layer,
  } as TopLevelSpec;
}

/** "5th–95th percentile" from `p5`/`p95`; otherwise the field names joined by a dash. */
function bandLabel(low: string, high: string): string {
  const p = /^p(\d+(?:\.\d+)?)$/;
  const a = p.exec(low)?.[1];
  const b = p.exec(high)?.[1];
  return a !== undefined && b !== undefined
    ? `${ordinal(a)}–${ordinal(b)} percentile`
    : `${low}–${high}`;
}

function ordinal(n: string): string {
  const last = n.includes(".") ? "" : n.slice(-2);
  const suffix = /^1[123]$/.test(last)
    ? "th"
    : last.endsWith("1")
    ? "st"
    : last.endsWith("2")
    ? "nd"
    : last.endsWith("3")
    ? "rd"
    : "th";
  return `${n}${suffix}`;
}

/** `color` mixed with white: `share` of the colour, the rest white. */
function tint(color: string, share: number): string {
  const n = parseInt(color.slice(1), 16);
  const channel = (shift: number) => {
    const c = (n >> shift) & 255;
    return Math.round(255 - (255 - c) * share).toString(16).padStart(2, "0");
  };
  return `#${channel(16)}${channel(8)}${channel(0)}`.toUpperCase();
}

function kindOf(option: string, xs: readonly unknown[]): "number" | "date" {
  const iso = /^\d{4}-\d{2}-\d{2}$/;
  if (xs.every((v) => typeof v === "number" && Number.isFinite(v))) return "number";
  if (xs.every((v) => typeof v === "string" && iso.test(v))) return "date";
  const bad = xs.find((v) => !(typeof v === "number" || (typeof v === "string" && iso.test(v))));
  throw new TypeError(
    `Cannot use ${option}: expected step numbers or YYYY-MM-DD dates, got ${
      JSON.stringify(bad ?? "a mix of both")
    }`,
  );
}

/** A log axis at `ticks`, labelled with as many decimals as the smallest tick needs. */
function logAxis(ticks: number[], format: string): { format: string; values: number[] } {
  return { format: logTickFormat(ticks, format), values: ticks };
}
