/**
 * How bad a scatter label's position is, in px² of overlap: zero means the position is free.
 * The cost is split in two: what the position costs on its own (`staticScore`: the plot's
 * edges and the points, computed once per position) and what it costs beside the labels placed
 * so far (`placedScore`). Text on text costs most, then text on a point, then text outside the plot; labels keep a
 * margin (a word space beside, 2 px above and below) so neighbours do not read as one; a leader
 * line may cross no point, label or other leader; a label without a leader must sit nearer its
 * own point than any other, or it names the wrong one.
 *
 * @module
 */

/** Clear space (px) kept beside and above/below a label. */
const LABEL_MARGIN_X = 6;
const LABEL_MARGIN_Y = 2;
/** Score of a leader line crossing a point or a label (an overlap of this many px²). */
const LEADER_CROSSING = 150;

/** The plot's size in pixels. */
export type Plot = { readonly width: number; readonly height: number };

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

type Rect = Pick<LabelBox, "left" | "right" | "top" | "bottom">;
/** A position in pixels, `[x, y]`. */
type Xy = [number, number];

/**
 * What a position costs whatever the other labels do: the part outside the plot, the points it
 * covers, and (with a leader) the points its leader crosses or (without) the points nearer it
 * than its own. A position that costs anything here is never taken.
 *
 * @example Inside the plot, off the points: free; half outside: not
 * ```ts
 * import { staticScore } from "./_label_score.ts";
 * import assert from "node:assert/strict";
 *
 * const own = { x: 100, y: 100, r: 4 };
 * const box = { left: 107, top: 94, right: 157, bottom: 106, leader: false, leaderX: 107,
 *   leaderY: 100, pointX: 100, pointY: 100 };
 * assert.equal(staticScore(box, own, [], { width: 400, height: 200 }), 0);
 * assert.ok(staticScore(box, own, [], { width: 130, height: 200 }) > 0);
 * ```
 */
export function staticScore(
  box: LabelBox,
  own: LabelPoint,
  others: readonly LabelPoint[],
  { width, height }: Plot,
): number {
  let score = 0;
  for (const point of others) score += 10 * overlap(box, square(point));
  const area = (box.right - box.left) * (box.bottom - box.top);
  score += 30 * (area - overlap(box, { left: 0, top: 0, right: width, bottom: height }));
  if (box.leader) {
    // The leader shows from the edge of its point (the point is drawn over it).
    const to: Xy = [box.leaderX, box.leaderY];
    const length = distanceOf(to[0] - own.x, to[1] - own.y);
    const from: Xy = [
      own.x + (to[0] - own.x) * own.r / length,
      own.y + (to[1] - own.y) * own.r / length,
    ];
    for (const point of others) {
      if (segmentDistance(from, to, [point.x, point.y]) < point.r + 2) score += LEADER_CROSSING;
    }
  } else {
    const gap = (c: LabelPoint) => {
      const [x, y] = nearestOnBox(box, c.x, c.y);
      return distanceOf(x - c.x, y - c.y) - c.r;
    };
    const ownGap = gap(own);
    for (const point of others) if (gap(point) < ownGap) score += LEADER_CROSSING;
  }
  return score;
}

/**
 * What a position costs given the labels already placed: overlap with them and their margins
 * (text on text weighs 20 times a margin), and each crossing of its leader with theirs or with
 * their boxes. Stops counting once the cost reaches `bound` (the best so far).
 *
 * @example
 * ```ts
 * import { placedScore } from "./_label_score.ts";
 * import assert from "node:assert/strict";
 *
 * const box = { left: 107, top: 94, right: 157, bottom: 106, leader: false, leaderX: 107,
 *   leaderY: 100, pointX: 100, pointY: 100 };
 * assert.equal(placedScore(box, []), 0);
 * assert.equal(placedScore(box, [box]), 20 * 50 * 12); // text on text: 20 × its area
 * ```
 */
export function placedScore(box: LabelBox, placed: readonly LabelBox[], bound = Infinity): number {
  let score = 0;
  const padded = {
    left: box.left - LABEL_MARGIN_X,
    right: box.right + LABEL_MARGIN_X,
    top: box.top - LABEL_MARGIN_Y,
    bottom: box.bottom + LABEL_MARGIN_Y,
  };
  const from: Xy = [box.pointX, box.pointY];
  const to: Xy = [box.leaderX, box.leaderY];
  for (const other of placed) {
    const hit = overlap(box, other);
    score += 20 * hit + (overlap(padded, other) - hit);
    if (box.leader) {
      if (segmentCrossesRect(from, to, other)) score += LEADER_CROSSING;
      if (
        other.leader &&
        segmentsCross(from, to, [other.pointX, other.pointY], [other.leaderX, other.leaderY])
      ) score += LEADER_CROSSING;
    }
    // A placed leader running through this label.
    if (
      other.leader &&
      segmentCrossesRect([other.pointX, other.pointY], [other.leaderX, other.leaderY], box)
    ) score += LEADER_CROSSING;
    if (score >= bound) return score;
  }
  return score;
}

/** Euclidean length of (dx, dy). Not `Math.hypot`: V8 may compute that differently once a
 * function is optimised, which flipped near-ties between candidates from one call to the next;
 * a square root is correctly rounded everywhere.
 *
 * @example
 * ```ts
 * import { distanceOf } from "./_label_score.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(distanceOf(3, 4), 5);
 * ```
 */
export function distanceOf(dx: number, dy: number): number {
  return Math.sqrt(dx * dx + dy * dy);
}

/**
 * The point of the box nearest (x, y), `[x, y]`.
 *
 * @example
 * ```ts
 * import { nearestOnBox } from "./_label_score.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(nearestOnBox({ left: 10, right: 20, top: 0, bottom: 12 }, 0, 6), [10, 6]);
 * ```
 */
export function nearestOnBox(box: Rect, x: number, y: number): Xy {
  return [Math.min(Math.max(x, box.left), box.right), Math.min(Math.max(y, box.top), box.bottom)];
}

function overlap(a: Rect, b: Rect): number {
  return Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) *
    Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
}

/** The square a point's circle covers, with 1 px to spare. */
function square(c: LabelPoint): Rect {
  return { left: c.x - c.r - 1, right: c.x + c.r + 1, top: c.y - c.r - 1, bottom: c.y + c.r + 1 };
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

/** Whether the segment ab passes through the inside of the rectangle (touching an edge does
 * not count): the segment clipped to the rectangle (Liang–Barsky) is longer than a point. */
function segmentCrossesRect(a: Xy, b: Xy, r: Rect): boolean {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  let [t0, t1] = [0, 1];
  const edges: [number, number][] = [
    [-dx, a[0] - r.left],
    [dx, r.right - a[0]],
    [-dy, a[1] - r.top],
    [dy, r.bottom - a[1]],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q <= 0) return false; // parallel to this edge and outside (or on) it
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
  }
  // Inside for a stretch, not merely a touch at a corner or along an edge.
  const inside = (t1 - t0) * distanceOf(dx, dy);
  if (!(inside > 1e-6)) return false;
  const mid = (t0 + t1) / 2;
  const [x, y] = [a[0] + mid * dx, a[1] + mid * dy];
  return x > r.left && x < r.right && y > r.top && y < r.bottom;
}
