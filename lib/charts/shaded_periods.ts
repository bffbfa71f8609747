/**
 * Shaded periods (a halving cycle, a drawdown, a contract's term) as grey bands behind any
 * single or layered chart: composition over options — the chart builders need no shading option
 * of their own.
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { HOUSE_COLORS } from "./theme.ts";

/** A span of the x axis to shade. */
export interface ShadedPeriod {
  /** Start: `YYYY-MM-DD` on a date axis, a number on a numeric one. */
  readonly from: string | number;
  /** End, not before `from`; same kind as `from`. */
  readonly to: string | number;
  /** Short label at the band's top left. Default none. */
  readonly label?: string;
}

type Spec = Record<string, unknown>;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Height of a row of 9 px labels. */
const LABEL_ROW = 12;

/**
 * Returns a new spec with grey bands (low-opacity rect marks spanning the plot's height) behind
 * the chart's layers and their labels on top. The input spec is not changed. A single-view
 * spec becomes a layered one; a top-level `encoding` of a layered spec moves into its layers so
 * the bands do not inherit it. When the chart's data are inline, periods are clipped to its x
 * extent (and those outside it dropped) so shading never widens the axis. Labels sit at the top
 * of their band, one row lower when the chart already has labels there (event markers).
 *
 * Throws a TypeError for a concatenated, faceted or repeated spec and for a period whose ends
 * are not both dates or both numbers, a RangeError when `to` is before `from`.
 *
 * @example Halving cycle on a time series
 * ```ts
 * import { withShadedPeriods } from "./shaded_periods.ts";
 * import { timeSeriesSpec } from "./time_series.ts";
 * import assert from "node:assert/strict";
 *
 * const chart = timeSeriesSpec(
 *   [{ day: "2024-01-01", hp: 90 }, { day: "2024-12-31", hp: 50 }],
 *   { x: "day", y: "hp" },
 * );
 * const shaded = withShadedPeriods(chart, [{ from: "2024-04-20", to: "2030-01-01", label: "Post-halving" }]);
 * const layer = (shaded as { layer: { mark: { type: string }; data?: { values: unknown[] } }[] }).layer;
 * assert.deepEqual(layer.map((l) => l.mark.type), ["rect", "line", "text"]);
 * assert.deepEqual(layer[0]!.data!.values, [{ from: "2024-04-20", to: "2024-12-31", label: "Post-halving" }]);
 * assert.equal((chart as { layer: unknown[] }).layer.length, 1); // the input is unchanged
 * ```
 */
export function withShadedPeriods(
  spec: TopLevelSpec,
  periods: readonly ShadedPeriod[],
): TopLevelSpec {
  const top = spec as unknown as Spec;
  for (const key of ["hconcat", "vconcat", "concat", "facet", "repeat"]) {
    if (key in top) {
      throw new TypeError(
        `Cannot shade periods: expected a single or layered chart, got a spec with "${key}"`,
      );
    }
  }
  if (!Array.isArray(periods)) {
    throw new TypeError(`Cannot use periods: expected an array, got ${String(periods)}`);
  }
  const kinds = periods.map((p, i) => checkPeriod(p, i));
  const { layer, encoding: _shared, ...rest } = top;
  let layers: Spec[];
  if (Array.isArray(layer)) {
    const shared = top["encoding"] as Spec | undefined;
    layers = (layer as Spec[]).map((l) =>
      shared === undefined ? l : { ...l, encoding: { ...shared, ...(l["encoding"] as Spec) } }
    );
  } else if ("mark" in top) {
    const { mark, encoding, transform, params, ...outer } = top;
    const view: Spec = { mark };
    if (encoding !== undefined) view["encoding"] = encoding;
    if (transform !== undefined) view["transform"] = transform;
    if (params !== undefined) view["params"] = params;
    return build(outer, [view], periods, kinds);
  } else {
    throw new TypeError("Cannot shade periods: expected a spec with a mark or a layer");
  }
  return build(rest, layers, periods, kinds);
}

function build(
  outer: Spec,
  layers: Spec[],
  periods: readonly ShadedPeriod[],
  kinds: readonly ("date" | "number")[],
): TopLevelSpec {
  const x = firstX(layers);
  const extent = x === undefined ? undefined : dataExtent(outer["data"], x.field);
  const kind = kinds[0] ?? (x?.type === "temporal" ? "date" : "number");
  if (kinds.some((k) => k !== kind)) {
    throw new TypeError("Cannot use periods: expected all dates or all numbers, got a mix");
  }
  const values = periods
    .map((p) => clip(p, extent))
    .filter((p): p is ShadedPeriod => p !== undefined)
    .map((p) => (p.label === undefined ? { from: p.from, to: p.to } : { ...p }));
  if (values.length === 0) return { ...outer, layer: layers } as unknown as TopLevelSpec;
  const type = kind === "date" ? "temporal" : "quantitative";
  const band = {
    data: { values },
    mark: { type: "rect", color: HOUSE_COLORS.grey, opacity: 0.15 },
    encoding: {
      x: { field: "from", type, title: x?.title ?? null },
      x2: { field: "to" },
    },
  };
  const labelled = values.filter((v) => "label" in v);
  const labels = {
    data: { values: labelled },
    mark: {
      type: "text",
      align: "left",
      baseline: "top",
      dx: 3,
      // Under a row of labels already at the top (time_series.ts's event markers), if any.
      y: layers.some(isTopLabel) ? 2 + LABEL_ROW : 2,
      fontSize: 9,
      color: HOUSE_COLORS.darkGrey,
    },
    encoding: { x: { field: "from", type }, text: { field: "label" } },
  };
  return {
    ...outer,
    layer: [band, ...layers, ...(labelled.length > 0 ? [labels] : [])],
  } as unknown as TopLevelSpec;
}

function checkPeriod(period: ShadedPeriod, i: number): "date" | "number" {
  const kindOf = (v: unknown) =>
    typeof v === "number" && Number.isFinite(v)
      ? "number"
      : typeof v === "string" && ISO_DAY.test(v)
      ? "date"
      : undefined;
  const from = kindOf(period?.from);
  const to = kindOf(period?.to);
  if (from === undefined || from !== to) {
    throw new TypeError(
      `Cannot use periods[${i}]: expected from and to both YYYY-MM-DD dates or both numbers, got ${
        JSON.stringify(period)
      }`,
    );
  }
  if (period.to < period.from) {
    throw new RangeError(
      `Cannot use periods[${i}]: expected to (${period.to}) not before from (${period.from})`,
    );
  }
  return from;
}

/** A text layer pinned to the top of the plot (mark `y` in the first label row). */
function isTopLabel(layer: Spec): boolean {
  const mark = layer["mark"];
  if (mark === null || typeof mark !== "object") return false;
  const { type, y } = mark as Spec;
  return type === "text" && typeof y === "number" && y < LABEL_ROW;
}

/** The x field, type and title of the first layer that encodes x with a field. */
function firstX(
  layers: readonly Spec[],
): { field: string; type: unknown; title: unknown } | undefined {
  for (const l of layers) {
    const x = (l["encoding"] as Spec | undefined)?.["x"] as Spec | undefined;
    if (x !== undefined && typeof x["field"] === "string") {
      return { field: x["field"], type: x["type"], title: x["title"] };
    }
  }
  return undefined;
}

/** Least and greatest x of inline data (ISO dates compare as text), if there are any. */
function dataExtent(data: unknown, field: string): [string | number, string | number] | undefined {
  const values = (data as { values?: unknown } | undefined)?.values;
  if (!Array.isArray(values)) return undefined;
  let lo: string | number | undefined;
  let hi: string | number | undefined;
  for (const row of values) {
    const v = (row as Spec | null)?.[field];
    if (typeof v !== "string" && typeof v !== "number") continue;
    if (lo === undefined || v < lo) lo = v;
    if (hi === undefined || v > hi) hi = v;
  }
  return lo === undefined || hi === undefined ? undefined : [lo, hi];
}

function clip(
  period: ShadedPeriod,
  extent: [string | number, string | number] | undefined,
): ShadedPeriod | undefined {
  if (extent === undefined || typeof extent[0] !== typeof period.from) return period;
  const [lo, hi] = extent;
  if (period.to < lo || period.from > hi) return undefined;
  return {
    ...period,
    from: period.from < lo ? lo : period.from,
    to: period.to > hi ? hi : period.to,
  };
}
