/**
 * Scatter labels placed clear of each other and of the points, in pixels (Vega-Lite cannot move
 * labels per datum). The placement is greedy and deterministic:
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
 * @module
 */

/** Height (px) of a label's box: one line of 10 px text. */
export const LABEL_LINE_HEIGHT = 12;
/** Space (px) between a point's edge and its label. */
const GAP = 3;
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

/** Euclidean length of (dx, dy). Not `Math.hypot`: V8 may compute that differently once a
 * function is optimised, which flipped near-ties between candidates from one call to the next;
 * a square root is correctly rounded everywhere. */
function distanceOf(dx: number, dy: number): number {
  return Math.sqrt(dx * dx + dy * dy);
}

/** The plot's size in pixels. */
type Plot = { readonly width: number; readonly height: number };

/** A point in plot pixels (y grows downwards) with its radius. */
export interface LabelPoint {
  readonly x: number;
  readonly y: number;
  readonly r: number;
}

/** A label's box in plot pixels, and where its leader line (if any) runs. */
export interface LabelBox {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  /** Whether the label is far enough from its point to need a leader line. */
  readonly leader: boolean;
  /** The leader's end: the box's point nearest the labelled point. */
  readonly leaderX: number;
  readonly leaderY: number;
  /** The labelled point (a leader runs from here to `leaderX`, `leaderY`). */
  readonly pointX: number;
  readonly pointY: number;
}

/**
 * Places one label per point, `widths[i]` px wide, in a plot `width` × `height` px; see the
 * module docs.
 *
 * @example
 * ```ts
 * import { LABEL_LINE_HEIGHT, placeLabels } from "./_label_placement.ts";
 * import assert from "node:assert/strict";
 *
 * const points = [{ x: 100, y: 100, r: 4 }, { x: 110, y: 100, r: 4 }];
 * const [a, b] = placeLabels(points, [60, 60], { width: 400, height: 200 });
 * assert.ok(a!.right <= b!.left || b!.right <= a!.left || a!.bottom <= b!.top || b!.bottom <= a!.top);
 * assert.equal(a!.bottom - a!.top, LABEL_LINE_HEIGHT);
 * ```
 */
export function placeLabels(
  points: readonly LabelPoint[],
  widths: readonly number[],
  plot: Plot,
): LabelBox[] {
  const crowd = points.map((p) =>
    points.filter((q) => distanceOf(p.x - q.x, p.y - q.y) < CROWD_RADIUS).length
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
    let current = placeInOrder(order, points, widths, plot);
    if (best === undefined || current.total < best.total) best = current;
    // Repair: labels that found no free spot go first next time; keep the least overlap.
    for (let pass = 0; pass < REPAIR_PASSES && current.total > 0; pass++) {
      const scores = current.scores;
      order = [...order.filter((i) => scores[i]! > 0), ...order.filter((i) => scores[i] === 0)];
      current = placeInOrder(order, points, widths, plot);
      if (current.total < best.total) best = current;
    }
    if (best.total === 0) break;
  }
  return best!.boxes;
}

interface Placement {
  readonly boxes: LabelBox[];
  readonly scores: number[];
  readonly total: number;
}

/** One greedy pass: each label, in `order`, takes its first free candidate or its least bad. */
function placeInOrder(
  order: readonly number[],
  points: readonly LabelPoint[],
  widths: readonly number[],
  plot: Plot,
): Placement {
  const placed: LabelBox[] = [];
  const boxes: LabelBox[] = new Array(points.length);
  const scores: number[] = new Array(points.length).fill(0);
  for (const i of order) {
    const p = points[i]!;
    const others = points.filter((_, j) => j !== i);
    let best: { box: LabelBox; score: number } | undefined;
    for (const candidate of candidates(p, widths[i]!, plot.height)) {
      const score = overlapScore(candidate, p, placed, others, plot);
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

/**
 * Label boxes for a point, nearest first: to the right, left or centred over the point (and up
 * to four steps further sideways), each at vertical offsets up to 60% of the plot height, 3 px
 * apart. A box not touching the point's near ring gets a leader line. (A plot-wide grid of
 * positions was tried: it found free spots, but with long leaders crossing the cluster.)
 */
function candidates(p: LabelPoint, w: number, height: number): LabelBox[] {
  const h = LABEL_LINE_HEIGHT;
  const near = p.r + GAP;
  const lefts = [p.x + near, p.x - near - w, p.x - w / 2];
  for (let k = 1; k <= 4; k++) {
    lefts.push(p.x + near + k * RING_STEP, p.x - near - w - k * RING_STEP);
  }
  const found: { box: LabelBox; rank: number }[] = [];
  const middle = p.y - h / 2;
  for (const left of lefts) {
    for (let dy = 0; dy <= MAX_REACH * height; dy += 3) {
      for (const sign of dy === 0 ? [1] : [-1, 1]) {
        const top = middle + sign * dy;
        if (dy > 0 && (top < 0 || top + h > height)) continue;
        const box = { left, top, right: left + w, bottom: top + h };
        const [leaderX, leaderY] = nearestOnBox(box, p.x, p.y);
        const distance = distanceOf(leaderX - p.x, leaderY - p.y);
        if (distance < near - 0.5) continue; // on the point itself
        // Rank by distance; among equals, the less shifted (and the upper) box first.
        const rank = distance + dy * 0.01 + (sign > 0 ? 0.001 : 0);
        const leader = distance > near + LEADER_AFTER;
        found.push({ box: { ...box, leader, leaderX, leaderY, pointX: p.x, pointY: p.y }, rank });
      }
    }
  }
  return found.sort((a, b) => a.rank - b.rank).map((c) => c.box);
}

type Rect = Pick<LabelBox, "left" | "right" | "top" | "bottom">;
/** A position in pixels, `[x, y]`. */
type Xy = [number, number];

/** Weighted overlap in px² with placed labels (and their margins), other points and the
 * outside of the plot, plus a fixed cost for each point, label or leader a leader line would
 * cross, for each placed leader crossing the label, and for each point nearer a leaderless
 * label than its own. Zero means the position is free. */
function overlapScore(
  box: LabelBox,
  own: LabelPoint,
  placed: readonly LabelBox[],
  others: readonly LabelPoint[],
  { width, height }: Plot,
): number {
  const overlap = (a: Rect, b: Rect) =>
    Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) *
    Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
  const square = (c: LabelPoint) => ({
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
  const gap = (c: LabelPoint) => {
    const [x, y] = nearestOnBox(box, c.x, c.y);
    return distanceOf(x - c.x, y - c.y) - c.r;
  };
  if (!box.leader) {
    const ownGap = gap(own);
    for (const point of others) if (gap(point) < ownGap) score += LEADER_CROSSING;
  }
  if (box.leader) {
    const from: Xy = [own.x, own.y];
    const to: Xy = [box.leaderX, box.leaderY];
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

/** Distance from p to the segment ab. */
function segmentDistance(a: Xy, b: Xy, p: Xy): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0
    ? 0
    : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2));
  return distanceOf(a[0] + t * dx - p[0], a[1] + t * dy - p[1]);
}

/** Whether segments ab and cd cross (proper intersection). */
function segmentsCross(a: Xy, b: Xy, c: Xy, d: Xy): boolean {
  const side = (p: Xy, q: Xy, r: Xy) =>
    Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  return side(a, b, c) * side(a, b, d) < 0 && side(c, d, a) * side(c, d, b) < 0;
}

/** Whether the segment passes through the rectangle (sampled: leaders are short). */
function segmentCrossesRect(a: Xy, b: Xy, r: Rect): boolean {
  for (let k = 0; k <= 20; k++) {
    const x = a[0] + ((b[0] - a[0]) * k) / 20;
    const y = a[1] + ((b[1] - a[1]) * k) / 20;
    if (x > r.left && x < r.right && y > r.top && y < r.bottom) return true;
  }
  return false;
}

/** The point of the box nearest (x, y). */
function nearestOnBox(box: Rect, x: number, y: number): Xy {
  return [Math.min(Math.max(x, box.left), box.right), Math.min(Math.max(y, box.top), box.bottom)];
}
