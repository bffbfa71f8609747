/**
 * Where a scatter label may go: the positions near its point, nearest first (`nearbyCandidates`),
 * and, as a last resort, every position in the plot on a grid (`gridCandidates`). Each box knows
 * whether it is far enough from its point to need a leader line, and where that leader ends.
 *
 * @module
 */
import {
  distanceOf,
  type LabelBox,
  type LabelPoint,
  nearestOnBox,
  type Plot,
} from "./_label_score.ts";

/** Space (px) between a point's edge and its label. */
const GAP = 3;
/** Sideways step (px) of the candidates beyond the nearest ones, and how many steps. */
const RING_STEP = 14;
const RINGS = 8;
/** Furthest vertical offset of a label from its point, as a share of the plot height. */
const MAX_REACH = 0.6;
/** Step (px) of the plot-wide grid tried when no nearby position is free. */
const GRID_STEP = 6;
/** A label further than this (px) beyond the nearest position gets a leader line. */
const LEADER_AFTER = 6;

/** A label's size in pixels. */
export interface LabelSize {
  readonly width: number;
  /** 12 px a line of 10 px text. */
  readonly height: number;
}

/**
 * Label boxes for a point, nearest first: to the right, left or centred over the point (and up
 * to eight steps further sideways), each at vertical offsets up to 60% of the plot height, 3 px
 * apart. A box not touching the point's near ring gets a leader line.
 *
 * @example The first is right of the point, level with it, without a leader
 * ```ts
 * import { nearbyCandidates } from "./_label_candidates.ts";
 * import assert from "node:assert/strict";
 *
 * const [first] = nearbyCandidates({ x: 100, y: 50, r: 4 }, { width: 60, height: 12 }, 200);
 * assert.deepEqual([first!.left, first!.top, first!.leader], [107, 44, false]);
 * ```
 */
export function nearbyCandidates(p: LabelPoint, size: LabelSize, height: number): LabelBox[] {
  const { width: w, height: h } = size;
  const near = p.r + GAP;
  const lefts = [p.x + near, p.x - near - w, p.x - w / 2];
  for (let k = 1; k <= RINGS; k++) {
    lefts.push(p.x + near + k * RING_STEP, p.x - near - w - k * RING_STEP);
  }
  const found: { box: LabelBox; rank: number }[] = [];
  const middle = p.y - h / 2;
  for (const left of lefts) {
    for (let dy = 0; dy <= MAX_REACH * height; dy += 3) {
      for (const sign of dy === 0 ? [1] : [-1, 1]) {
        const top = middle + sign * dy;
        if (dy > 0 && (top < 0 || top + h > height)) continue;
        const at = boxAt(p, size, left, top);
        if (at === undefined) continue;
        const { rank, ...box } = at;
        // Rank by distance; among equals, the less shifted (and the upper) box first.
        found.push({ box, rank: rank + dy * 0.01 + (sign > 0 ? 0.001 : 0) });
      }
    }
  }
  return found.sort((a, b) => a.rank - b.rank).map((c) => c.box);
}

/**
 * Every box inside the plot on a 6 px grid, nearest the point first (the last resort before the
 * fallback: the leader may be long, but the placement lets it cross nothing).
 *
 * @example
 * ```ts
 * import { gridCandidates } from "./_label_candidates.ts";
 * import assert from "node:assert/strict";
 *
 * const boxes = gridCandidates({ x: 10, y: 10, r: 4 }, { width: 60, height: 12 }, { width: 120, height: 60 });
 * assert.ok(boxes.every((b) => b.left >= 0 && b.right <= 120 && b.top >= 0 && b.bottom <= 60));
 * // 11 × 9 grid positions, less the 3 × 3 whose box would sit on the point.
 * assert.equal(boxes.length, 11 * 9 - 3 * 3);
 * ```
 */
export function gridCandidates(p: LabelPoint, size: LabelSize, plot: Plot): LabelBox[] {
  const found: (LabelBox & { rank: number })[] = [];
  for (let left = 0; left + size.width <= plot.width; left += GRID_STEP) {
    for (let top = 0; top + size.height <= plot.height; top += GRID_STEP) {
      const box = boxAt(p, size, left, top);
      if (box !== undefined) found.push(box);
    }
  }
  return found.sort((a, b) => a.rank - b.rank).map(({ rank: _, ...box }) => box);
}

/** The label box at (left, top), its leader and its distance from the point; `undefined` when
 * it would sit on the point itself. */
function boxAt(
  p: LabelPoint,
  size: LabelSize,
  left: number,
  top: number,
): (LabelBox & { rank: number }) | undefined {
  const near = p.r + GAP;
  const box = { left, top, right: left + size.width, bottom: top + size.height };
  const [leaderX, leaderY] = nearestOnBox(box, p.x, p.y);
  const distance = distanceOf(leaderX - p.x, leaderY - p.y);
  if (distance < near - 0.5) return undefined;
  const leader = distance > near + LEADER_AFTER;
  return { ...box, leader, leaderX, leaderY, pointX: p.x, pointY: p.y, rank: distance };
}
