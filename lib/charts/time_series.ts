/**
 * Time-series exhibit: one or more series over dates, optionally on a log scale, with dated
 * event markers (halvings, deals) drawn as labelled rules.
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { logTickFormat, logTicks } from "./_log_ticks.ts";
import { EXHIBIT_WIDTH, HOUSE_COLORS, HOUSE_CONFIG } from "./theme.ts";

/** A dated event drawn as a vertical rule with a label. */
export interface EventMarker {
  /** Day of the event, `YYYY-MM-DD`. */
  readonly date: string;
  /** Short label drawn beside the rule. */
  readonly label: string;
}

/** Options for {@linkcode timeSeriesSpec}. */
export interface TimeSeriesOptions<Row> {
  /** Date field (ISO `YYYY-MM-DD`). */
  readonly x: keyof Row & string;
  /** Value field. */
  readonly y: keyof Row & string;
  /** Series field; without it there is one series. */
  readonly series?: keyof Row & string;
  /** Y-axis title with units, e.g. `"USD per PH/s per day"`. Default: the field name. */
  readonly yTitle?: string;
  /** d3 number format for the y axis. Default `",.0f"`. On a log axis, a fixed-point format
   * gets the decimals its smallest tick needs. */
  readonly yFormat?: string;
  /**
   * Log scale on y.
   *
   * @default false
   */
  readonly log?: boolean;
  /** Event markers. Default none. */
  readonly events?: readonly EventMarker[];
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
 * Builds the Vega-Lite spec of a time series in the house style.
 *
 * @example
 * ```ts
 * import { timeSeriesSpec } from "./time_series.ts";
 * import assert from "node:assert/strict";
 *
 * const rows = [{ day: "2024-04-19", hp: 110 }, { day: "2024-04-21", hp: 60 }];
 * const spec = timeSeriesSpec(rows, { x: "day", y: "hp", log: true,
 *   events: [{ date: "2024-04-20", label: "4th halving" }] });
 * assert.equal(spec.$schema, "https://vega.github.io/schema/vega-lite/v5.json");
 * assert.equal((spec as { layer: unknown[] }).layer.length, 3);
 * ```
 */
export function timeSeriesSpec<Row extends object>(
  rows: readonly Row[],
  options: TimeSeriesOptions<Row>,
): TopLevelSpec {
  const events = options.events ?? [];
  const color = options.series === undefined
    ? { value: HOUSE_COLORS.navy }
    : { field: options.series, type: "nominal" as const };
  const line = {
    mark: { type: "line" as const, interpolate: "linear" as const },
    encoding: {
      x: {
        field: options.x,
        type: "temporal" as const,
        title: null,
        axis: { format: "%Y", tickCount: "year" as const },
      },
      y: {
        field: options.y,
        type: "quantitative" as const,
        title: options.yTitle ?? options.y,
        scale: options.log ? { type: "log" as const } : { zero: false },
        // Log axes get one gridline per decade step (1, 3, 10…), not vega's dense minor ticks,
        // each labelled with the decimals it needs (0.3, not 0).
        axis: options.log ? logAxis(dataLogTicks(rows, options.y), options.yFormat ?? ",.0f") : {
          format: options.yFormat ?? ",.0f",
        },
      },
      color,
    },
  };
  const layer: unknown[] = [line];
  if (events.length > 0) {
    const eventData = { values: events.map((e) => ({ date: e.date, label: e.label })) };
    layer.push(
      {
        data: eventData,
        mark: { type: "rule", color: HOUSE_COLORS.accent, strokeDash: [4, 3], strokeWidth: 1 },
        encoding: { x: { field: "date", type: "temporal" } },
      },
      {
        data: eventData,
        mark: {
          type: "text",
          align: "left",
          baseline: "top",
          dx: 3,
          y: 2,
          fontSize: 9,
          color: HOUSE_COLORS.accent,
        },
        encoding: { x: { field: "date", type: "temporal" }, text: { field: "label" } },
      },
    );
  }
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    config: HOUSE_CONFIG,
    width: options.width ?? EXHIBIT_WIDTH.twoColumn,
    height: options.height ?? 260,
    data: { values: rows as Row[] },
    layer,
  } as TopLevelSpec;
}

function logAxis(ticks: number[], format: string): { format: string; values: number[] } {
  return { format: logTickFormat(ticks, format), values: ticks };
}

/** Ticks at 1 and 3 times each power of ten from a third of the least positive value to three
 * times the greatest (none without positive values). */
function dataLogTicks<Row>(rows: readonly Row[], field: keyof Row): number[] {
  let min = Infinity;
  let max = -Infinity;
  for (const row of rows) {
    const v = Number(row[field]);
    if (v > 0 && Number.isFinite(v)) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
  }
  return Number.isFinite(min) ? logTicks([min / 3, max * 3]) : [];
}
