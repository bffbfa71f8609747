/**
 * Labelled scatter exhibit: one point per row (a miner, a deal), each with its name beside it.
 *
 * Vega-Lite cannot move labels out of each other's way (text `dx`/`dy` and `align` are fixed
 * per mark, not per datum), so the labels are placed here, in TS, before the spec is built,
 * with widths measured from the Inter file that renders the chart (`font_metrics.ts`). The
 * scales' domains are fixed in the spec (padded 8%, no `nice`), so TS knows where each point
 * lands in pixels. The placement is greedy:
 *
 * - The first pass labels the most crowded points first (most neighbours within 80 px).
 * - Each label tries positions nearest first: right of its point, left, above, below, then
 *   shifted further sideways (up to 4 × 14 px) and up or down (up to 60% of the plot height).
 * - It takes the first position that stays inside the plot, keeps clear of every placed label
 *   (6 px beside, 2 px above and below) and covers no point. A position away from the point
 *   gets a thin grey leader line; a leader may cross no point, label or other leader, and a
 *   label without a leader must be nearer its own point than any other.
 * - When no position is free, the one with the least weighted overlap is taken (text on text
 *   costs most, then text on a point, then leaving the plot). Then, from five starting orders
 *   (most crowded first, top down, bottom up, left to right, right to left), up to six more
 *   passes each place the labels that collided first; the arrangement with least overlap wins.
 *
 * Labels are then drawn left-aligned at the chosen box's left edge, in data units. The result
 * is deterministic. With many long labels in a small chart, leaders get long; widen the chart
 * or shorten the labels.
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { type FontMetrics, readFontMetrics, textWidth } from "./font_metrics.ts";
import { EXHIBIT_WIDTH, HOUSE_COLORS, HOUSE_CONFIG, HOUSE_FONT_FILES } from "./theme.ts";

/** Options for {@linkcode scatterSpec}. */
export interface ScatterOptions<Row> {
  /** X field (finite numbers; > 0 with `logX`). */
  readonly x: keyof Row & string;
  /** Y field (finite numbers; > 0 with `logY`). */
  readonly y: keyof Row & string;
  /** Field with each point's label. */
  readonly label: keyof Row & string;
  /** Field sizing the points by area (numbers ≥ 0). Default: all points one size. */
  readonly size?: keyof Row & string;
  /** Title of the size legend, with units. Default: the size field's name. */
  readonly sizeTitle?: string;
  /** d3 number format of the size legend; "G" (giga) is shown as "B" (billion). Default `".2~s"`. */
  readonly sizeFormat?: string;
  /** Series field colouring the points. Default: all navy. */
  readonly color?: keyof Row & string;
  /** X-axis title with units. Default: the field name. */
  readonly xTitle?: string;
  /** Y-axis title with units. Default: the field name. */
  readonly yTitle?: string;
  /** d3 number format for the x axis. Default `",.0f"`. */
  readonly xFormat?: string;
  /** d3 number format for the y axis. Default `",.0f"`. */
  readonly yFormat?: string;
  /** Log scale on x. Default `false`. */
  readonly logX?: boolean;
  /** Log scale on y. Default `false`. */
  readonly logY?: boolean;
  /** Width in CSS pixels. Default {@linkcode EXHIBIT_WIDTH}.twoColumn. */
  readonly width?: number;
  /** Height in CSS pixels. Default 300. */
  readonly height?: number;
}

const FONT_SIZE = 10;
const LINE_HEIGHT = 12;
const GAP = 3;
const POINT_AREA = 64;
const SIZE_RANGE: readonly [number, number] = [30, 500];
/** Share of the data's span added on each side of a domain. */
const DOMAIN_PAD = 0.08;
/** Points closer than this (px) count as neighbours: the most crowded are labelled first. */
const CROWD_RADIUS = 80;
/** Sideways step (px) of the candidates beyond the nearest ones. */
const RING_STEP = 14;
/** Furthest vertical offset of a label from its point, as a share of the plot height. */
const MAX_REACH = 0.6;
/** A label further than this (px) beyond the nearest position gets a leader line. */
const LEADER_AFTER = 6;
/** Clear space (px) kept beside and above/below a label. */
const LABEL_MARGIN_X = 6;
const LABEL_MARGIN_Y = 2;
/** Greedy passes after the first, each starting with the labels that collided. */
const REPAIR_PASSES = 6;
/** Score of a leader line crossing a point or a label (an overlap of this many px²). */
const LEADER_CROSSING = 150;

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
  const xs = numbers(rows, "x", options.x, logX);
  const ys = numbers(rows, "y", options.y, logY);
  const texts = column(rows, "label", options.label).map((v) => String(v ?? ""));
  const sizes = options.size === undefined ? undefined : numbers(rows, "size", options.size, false);
  if (sizes?.some((s) => s < 0)) {
    throw new RangeError(`Cannot use size: expected values ≥ 0 in "${options.size}"`);
  }
  if (options.color !== undefined) column(rows, "color", options.color);
  const width = positive("width", options.width, EXHIBIT_WIDTH.twoColumn);
  const height = positive("height", options.height, 300);

  const xAxis = axisScale(xs, logX, width, false);
  const yAxis = axisScale(ys, logY, height, true);
  const maxSize = sizes === undefined ? 0 : Math.max(...sizes);
  const radius = (i: number) => {
    const area = sizes === undefined
      ? POINT_AREA
      : SIZE_RANGE[0] + (SIZE_RANGE[1] - SIZE_RANGE[0]) * (maxSize > 0 ? sizes[i]! / maxSize : 0);
    return Math.sqrt(area / Math.PI);
  };
  const points = xs.map((x, i) => ({
    x: xAxis.toPixel(x),
    y: yAxis.toPixel(ys[i]!),
    r: radius(i),
  }));
  const measure = labelMeasure();
  const boxes = placeLabels(points, texts.map((t) => measure(t)), width, height);
  const labels = boxes.map((box, i) => ({
    text: texts[i]!,
    x: xAxis.toData(box.left),
    y: yAxis.toData(box.top + LINE_HEIGHT / 2),
    leader: box.leader,
    fromX: xs[i]!,
    fromY: ys[i]!,
    toX: xAxis.toData(box.leaderX),
    toY: yAxis.toData(box.leaderY),
  }));

  const x = {
    field: options.x,
    type: "quantitative" as const,
    title: options.xTitle ?? options.x,
    scale: xAxis.scale,
    axis: { format: numberFormat("xFormat", options.xFormat, ",.0f"), ...xAxis.ticks },
  };
  const y = {
    field: options.y,
    type: "quantitative" as const,
    title: options.yTitle ?? options.y,
    scale: yAxis.scale,
    axis: { format: numberFormat("yFormat", options.yFormat, ",.0f"), ...yAxis.ticks },
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
        ...(options.color === undefined
          ? { color: { value: HOUSE_COLORS.navy } }
          : { color: { field: options.color, type: "nominal", legend: { orient: "top" } } }),
        ...(sizes === undefined ? { size: { value: POINT_AREA } } : {
          size: {
            field: options.size,
            type: "quantitative",
            scale: { domain: [0, maxSize || 1], range: [...SIZE_RANGE] },
            legend: {
              orient: "top",
              title: options.sizeTitle ?? options.size,
              titleOrient: "left",
              titleFontWeight: "normal",
              titleColor: HOUSE_COLORS.darkGrey,
              titleFontSize: 10,
              symbolFillColor: HOUSE_COLORS.grey,
              values: legendSizes(maxSize),
              format: numberFormat("sizeFormat", options.sizeFormat, ".2~s"),
              labelExpr: "replace(datum.label, 'G', 'B')",
            },
          },
        }),
      },
    },
  );
  layer.push({
    data: { values: labels.map(({ text, x, y }) => ({ text, x, y })) },
    mark: {
      type: "text",
      align: "left",
      baseline: "middle",
      fontSize: FONT_SIZE,
      color: HOUSE_COLORS.darkGrey,
    },
    encoding: {
      x: { field: "x", type: "quantitative" },
      y: { field: "y", type: "quantitative" },
      text: { field: "text" },
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

interface AxisScale {
  readonly scale: { type: "linear" | "log"; domain: [number, number]; nice: false; zero?: false };
  /** Log axes: ticks at 1, 2 and 5 times powers of ten (vega's own are too dense to read). */
  readonly ticks: { values?: number[] };
  toPixel(value: number): number;
  toData(pixel: number): number;
}

/** A fixed, padded domain and its pixel mapping (y pixels grow downwards). */
function axisScale(values: readonly number[], log: boolean, extent: number, flip: boolean) {
  const t = log ? Math.log10 : (v: number) => v;
  const inverse = log ? (v: number) => 10 ** v : (v: number) => v;
  const lo = Math.min(...values.map(t));
  const hi = Math.max(...values.map(t));
  const pad = hi > lo ? (hi - lo) * DOMAIN_PAD : Math.abs(lo) * 0.1 || 1;
  const [d0, d1] = [lo - pad, hi + pad];
  const round = (v: number) => Number(v.toPrecision(10));
  const domain: [number, number] = [round(inverse(d0)), round(inverse(d1))];
  const [s0, s1] = [t(domain[0]), t(domain[1])];
  const share = (v: number) => (t(v) - s0) / (s1 - s0);
  return {
    scale: log
      ? { type: "log" as const, domain, nice: false as const }
      : { type: "linear" as const, domain, nice: false as const, zero: false as const },
    ticks: log ? { values: logTicks(domain) } : {},
    toPixel: (v: number) => (flip ? 1 - share(v) : share(v)) * extent,
    toData: (p: number) => {
      const s = flip ? 1 - p / extent : p / extent;
      return round(inverse(s0 + s * (s1 - s0)));
    },
  } satisfies AxisScale;
}

interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly leader: boolean;
  readonly leaderX: number;
  readonly leaderY: number;
  /** The labelled point (a leader runs from here to `leaderX`, `leaderY`). */
  readonly pointX: number;
  readonly pointY: number;
}

/** Greedy label placement in pixels; see the module docs. */
function placeLabels(
  points: readonly Circle[],
  widths: readonly number[],
  width: number,
  height: number,
): Box[] {
  const crowd = points.map((p) =>
    points.filter((q) => Math.hypot(p.x - q.x, p.y - q.y) < CROWD_RADIUS).length
  );
  const ids = points.map((_, i) => i);
  // Starting orders: most crowded first, then top to bottom, bottom to top, left and right.
  const starts = [
    [...ids].sort((a, b) => crowd[b]! - crowd[a]! || a - b),
    [...ids].sort((a, b) => points[a]!.y - points[b]!.y || a - b),
    [...ids].sort((a, b) => points[b]!.y - points[a]!.y || a - b),
    [...ids].sort((a, b) => points[a]!.x - points[b]!.x || a - b),
    [...ids].sort((a, b) => points[b]!.x - points[a]!.x || a - b),
  ];
  let best: Placement | undefined;
  for (const start of starts) {
    let order = start;
    let current = placeInOrder(order, points, widths, width, height);
    if (best === undefined || current.total < best.total) best = current;
    // Repair: labels that found no free spot go first next time; keep the least overlap.
    for (let pass = 0; pass < REPAIR_PASSES && current.total > 0; pass++) {
      const scores = current.scores;
      order = [...order.filter((i) => scores[i]! > 0), ...order.filter((i) => scores[i] === 0)];
      current = placeInOrder(order, points, widths, width, height);
      if (current.total < best.total) best = current;
    }
    if (best.total === 0) break;
  }
  return best!.boxes;
}

interface Placement {
  readonly boxes: Box[];
  readonly scores: number[];
  readonly total: number;
}

/** One greedy pass: each label, in `order`, takes its first free candidate or its least bad. */
function placeInOrder(
  order: readonly number[],
  points: readonly Circle[],
  widths: readonly number[],
  width: number,
  height: number,
): Placement {
  const placed: Box[] = [];
  const boxes: Box[] = new Array(points.length);
  const scores: number[] = new Array(points.length).fill(0);
  for (const i of order) {
    const p = points[i]!;
    const others = points.filter((_, j) => j !== i);
    let best: { box: Box; score: number } | undefined;
    for (const candidate of candidates(p, widths[i]!, height)) {
      const score = overlapScore(candidate, p, placed, others, width, height);
      if (score === 0) {
        best = { box: candidate, score };
        break;
      }
      if (best === undefined || score < best.score) best = { box: candidate, score };
    }
    boxes[i] = best!.box;
    scores[i] = best!.score;
    placed.push(best!.box);
  }
  return { boxes, scores, total: scores.reduce((a, b) => a + b, 0) };
}

interface Circle {
  readonly x: number;
  readonly y: number;
  readonly r: number;
}

/**
 * Label boxes for a point, nearest first: to the right, left or centred over the point (and up
 * to four steps further sideways), each at vertical offsets up to 60% of the plot height, 3 px
 * apart. A box not touching the point's near ring gets a leader line. (A plot-wide grid of
 * positions was tried: it found free spots, but with long leaders crossing the cluster.)
 */
function candidates(p: Circle, w: number, height: number): Box[] {
  const h = LINE_HEIGHT;
  const near = p.r + GAP;
  const lefts = [p.x + near, p.x - near - w, p.x - w / 2];
  for (let k = 1; k <= 4; k++) {
    lefts.push(p.x + near + k * RING_STEP, p.x - near - w - k * RING_STEP);
  }
  const found: { box: Box; rank: number }[] = [];
  const middle = p.y - h / 2;
  for (const left of lefts) {
    for (let dy = 0; dy <= MAX_REACH * height; dy += 3) {
      for (const sign of dy === 0 ? [1] : [-1, 1]) {
        const top = middle + sign * dy;
        if (dy > 0 && (top < 0 || top + h > height)) continue;
        const box = { left, top, right: left + w, bottom: top + h };
        const [leaderX, leaderY] = nearestOnBox(box, p.x, p.y);
        const distance = Math.hypot(leaderX - p.x, leaderY - p.y);
        if (distance < near - 0.5) continue; // on the point itself
        // Rank by distance; among equals, the less shifted (and the upper) box first.
        const rank = distance + dy * 0.01 + (sign > 0 ? 0.001 : 0);
        found.push({
          box: {
            ...box,
            leader: distance > near + LEADER_AFTER,
            leaderX,
            leaderY,
            pointX: p.x,
            pointY: p.y,
          },
          rank,
        });
      }
    }
  }
  return found.sort((a, b) => a.rank - b.rank).map((c) => c.box);
}

type Rect = Pick<Box, "left" | "right" | "top" | "bottom">;

/** Weighted overlap in px² with placed labels (and their margins), other points and the
 * outside of the plot, plus a fixed cost for each point, label or leader a leader line would
 * cross, for each placed leader crossing the label, and for each point nearer a leaderless
 * label than its own. Zero means the position is free. */
function overlapScore(
  box: Box,
  own: Circle,
  placed: readonly Box[],
  others: readonly Circle[],
  width: number,
  height: number,
): number {
  const overlap = (a: Rect, b: Rect) =>
    Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) *
    Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
  const square = (c: Circle) => ({
    left: c.x - c.r - 1,
    right: c.x + c.r + 1,
    top: c.y - c.r - 1,
    bottom: c.y + c.r + 1,
  });
  let score = 0;
  // Text on text is worst; then text on a point, then outside the plot. Labels also keep a
  // margin (a word space beside, 2 px above and below) so neighbours do not read as one.
  const padded = {
    left: box.left - LABEL_MARGIN_X,
    right: box.right + LABEL_MARGIN_X,
    top: box.top - LABEL_MARGIN_Y,
    bottom: box.bottom + LABEL_MARGIN_Y,
  };
  for (const other of placed) {
    const hit = overlap(box, other);
    score += 20 * hit + (overlap(padded, other) - hit);
  }
  for (const point of others) score += 10 * overlap(box, square(point));
  const area = (box.right - box.left) * (box.bottom - box.top);
  score += 30 * (area - overlap(box, { left: 0, top: 0, right: width, bottom: height }));
  // A label without a leader must sit nearer its own point than any other, or it names the wrong one.
  const gap = (c: Circle) => {
    const [x, y] = nearestOnBox(box, c.x, c.y);
    return Math.hypot(x - c.x, y - c.y) - c.r;
  };
  if (!box.leader) {
    const ownGap = gap(own);
    for (const point of others) if (gap(point) < ownGap) score += LEADER_CROSSING;
  }
  if (box.leader) {
    const from: [number, number] = [own.x, own.y];
    const to: [number, number] = [box.leaderX, box.leaderY];
    for (const point of others) {
      if (segmentDistance(from, to, [point.x, point.y]) < point.r + 2) score += LEADER_CROSSING;
    }
    for (const other of placed) {
      if (segmentCrossesRect(from, to, other)) score += LEADER_CROSSING;
      if (
        other.leader &&
        segmentsCross(from, to, [other.pointX, other.pointY], [other.leaderX, other.leaderY])
      ) score += LEADER_CROSSING;
    }
  }
  for (const other of placed) {
    // A placed leader running through this label.
    if (
      other.leader &&
      segmentCrossesRect([other.pointX, other.pointY], [other.leaderX, other.leaderY], box)
    ) score += LEADER_CROSSING;
  }
  return score;
}

function segmentDistance(a: [number, number], b: [number, number], p: [number, number]): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0
    ? 0
    : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2));
  return Math.hypot(a[0] + t * dx - p[0], a[1] + t * dy - p[1]);
}

/** Whether segments ab and cd cross (proper intersection). */
function segmentsCross(
  a: [number, number],
  b: [number, number],
  c: [number, number],
  d: [number, number],
): boolean {
  const side = (p: [number, number], q: [number, number], r: [number, number]) =>
    Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  return side(a, b, c) * side(a, b, d) < 0 && side(c, d, a) * side(c, d, b) < 0;
}

/** Whether the segment passes through the rectangle (sampled: leaders are short). */
function segmentCrossesRect(a: [number, number], b: [number, number], r: Rect): boolean {
  for (let k = 0; k <= 20; k++) {
    const x = a[0] + ((b[0] - a[0]) * k) / 20;
    const y = a[1] + ((b[1] - a[1]) * k) / 20;
    if (x > r.left && x < r.right && y > r.top && y < r.bottom) return true;
  }
  return false;
}

/** Three round sizes up to the largest for the size legend: about ¼, ½ and all of it. */
function legendSizes(max: number): number[] {
  if (!(max > 0)) return [0];
  const round = (v: number) => {
    const unit = 10 ** Math.floor(Math.log10(v));
    const r = Math.round(v / unit) * unit;
    return Number((r > max ? Math.floor(v / unit) * unit : r).toPrecision(12));
  };
  return [...new Set([max / 4, max / 2, max].map(round))];
}

function logTicks([from, to]: readonly [number, number]): number[] {
  const ticks: number[] = [];
  for (let e = Math.floor(Math.log10(from)); e <= Math.ceil(Math.log10(to)); e++) {
    for (const m of [1, 2, 5]) {
      const t = Number((m * 10 ** e).toPrecision(12));
      if (t >= from && t <= to) ticks.push(t);
    }
  }
  return ticks;
}

function nearestOnBox(box: Rect, x: number, y: number): [number, number] {
  return [Math.min(Math.max(x, box.left), box.right), Math.min(Math.max(y, box.top), box.bottom)];
}

let labelFont: FontMetrics | null | undefined;

/** Label widths from the Inter file; an estimate (0.62 em a character) if it cannot be read. */
function labelMeasure(): (text: string) => number {
  if (labelFont === undefined) {
    try {
      labelFont = readFontMetrics(Deno.readFileSync(HOUSE_FONT_FILES[400]));
    } catch (error) {
      labelFont = null;
      console.warn(
        `Cannot read ${HOUSE_FONT_FILES[400]} (${(error as Error).message}): ` +
          "placing scatter labels with estimated widths",
      );
    }
  }
  const font = labelFont;
  return font === null
    ? (text) => [...text].length * FONT_SIZE * 0.62
    : (text) => textWidth(font, text, FONT_SIZE);
}

function column(rows: readonly object[], option: string, field: string): unknown[] {
  return rows.map((row, i) => {
    if (row === null || typeof row !== "object" || !(field in row)) {
      throw new TypeError(`Cannot use ${option}: field "${field}" is missing from rows[${i}]`);
    }
    return (row as Record<string, unknown>)[field];
  });
}

function numbers(rows: readonly object[], option: string, field: string, log: boolean): number[] {
  return column(rows, option, field).map((v, i) => {
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new TypeError(
        `Cannot use ${option}: expected a finite number in rows[${i}].${field}, got ${String(v)}`,
      );
    }
    if (log && v <= 0) {
      throw new RangeError(
        `Cannot use ${option} on a log scale: expected a value > 0 in rows[${i}].${field}, got ${v}`,
      );
    }
    return v;
  });
}

function positive(option: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value === "number" && Number.isFinite(value) && value > 0) return value;
  console.warn(
    `Ignoring ${option}: expected a number > 0, got ${String(value)}; using ${fallback}`,
  );
  return fallback;
}

/** A d3-format specifier ([[fill]align][sign][symbol][0][width][,][.precision][~][type]). */
const D3_FORMAT =
  /^(?:(.)?([<>=^]))?([+\-( ])?([$#])?(0)?(\d+)?(,)?(\.\d+)?(~)?([bcdefgnoprsxX%])?$/;

/** The format if it is a d3 number format; otherwise a warning and the default. */
function numberFormat(option: string, format: string | undefined, fallback: string): string {
  if (format === undefined) return fallback;
  if (typeof format === "string" && D3_FORMAT.test(format)) return format;
  console.warn(
    `Ignoring ${option}: expected a d3 number format, got ${
      JSON.stringify(format)
    }; using "${fallback}"`,
  );
  return fallback;
}
