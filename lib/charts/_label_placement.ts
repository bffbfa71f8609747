/**
 * Scatter labels placed clear of each other and of the points, in pixels (Vega-Lite cannot move
 * labels per datum). The placement is greedy and deterministic:
 *
 * - The first pass labels the most important points first (`priority`), then the most crowded
 *   (most neighbours within 80 px).
 * - Each label tries positions nearest first: right of its point, left, above, below, then
 *   shifted further sideways (up to 8 × 14 px) and up or down (up to 60% of the plot height).
 *   A label may come in several sizes, preferred first (a long name on three lines, then two,
 *   then one, cut shorter): when no nearby position is free at one size, the next is tried.
 *   A label that finds no nearby position free at any size tries every position in the plot on
 *   a 6 px grid, nearest first, with a leader.
 * - It takes the first free position (`_label_score.ts`): inside the plot, clear of every placed
 *   label and its margin, covering no point, its leader crossing no point, label or leader. A
 *   position away from the point gets a thin grey leader line. Positions outside the plot, on a
 *   point or with a leader through a point are never taken, so they are set aside once.
 * - When no position is free, the one with the least weighted overlap is taken. Then, from six
 *   starting orders (most important first, most crowded first, top down, bottom up, left to
 *   right, right to left), up to six more passes each place the labels that collided first; the
 *   arrangement with least overlap wins, an important label's overlap weighing more.
 * - The fallback, when even that arrangement overlaps: of the labels in a collision (on either
 *   side), the one with the lowest priority (then the worst overlap, then the last) is left out,
 *   and the search runs again from the best order so far, until nothing overlaps. Then each
 *   label left out, most important first, takes a free position if one has opened up. A label
 *   still left out is `null`; the caller says so. The labels drawn therefore never overlap each
 *   other or a point, and stay inside the plot.
 *
 * @module
 */
import { gridCandidates, type LabelSize, nearbyCandidates } from "./_label_candidates.ts";
import {
  distanceOf,
  type LabelBox,
  type LabelPoint,
  placedScore,
  type Plot,
  staticScore,
} from "./_label_score.ts";

export type { LabelSize } from "./_label_candidates.ts";
export type { LabelBox, LabelPoint, Plot } from "./_label_score.ts";

/** Height (px) of one line of a label: 10 px text. */
export const LABEL_LINE_HEIGHT = 12;
/** Points closer than this (px) count as neighbours: the most crowded are labelled first. */
const CROWD_RADIUS = 80;
/** Greedy passes after the first, each starting with the labels that collided. */
const REPAIR_PASSES = 6;

/** A point and the sizes its label can take. */
export interface LabelRequest extends LabelPoint {
  /** The label's sizes, preferred first (later ones smaller); at least one. */
  readonly sizes: readonly LabelSize[];
  /**
   * When labels must be shortened or left out, lower priorities go first.
   *
   * @default 0
   */
  readonly priority?: number;
}

/** A placed label: its box and which of its sizes it took. */
export interface PlacedBox extends LabelBox {
  /** Index into the request's `sizes`. */
  readonly size: number;
}

/**
 * Places one label per point in a plot `width` × `height` px; see the module docs. A label
 * left out (the fallback) is `null`.
 *
 * @example Two points 10 px apart: both labelled, the labels apart
 * ```ts
 * import { LABEL_LINE_HEIGHT, placeLabels } from "./_label_placement.ts";
 * import assert from "node:assert/strict";
 *
 * const h = LABEL_LINE_HEIGHT;
 * const plot = { width: 400, height: 200 };
 * const [a, b] = placeLabels([
 *   { x: 100, y: 100, r: 4, sizes: [{ width: 60, height: h }] },
 *   { x: 110, y: 100, r: 4, sizes: [{ width: 60, height: h }] },
 * ], plot);
 * assert.ok(a!.right <= b!.left || b!.right <= a!.left || a!.bottom <= b!.top || b!.bottom <= a!.top);
 * assert.equal(a!.bottom - a!.top, h);
 * // Too wide for the plot: the smaller size is taken; with none, the label is left out.
 * const [cut] = placeLabels([{ x: 50, y: 50, r: 4, sizes: [{ width: 500, height: h }, { width: 90, height: h }] }], plot);
 * assert.equal(cut!.size, 1);
 * assert.deepEqual(placeLabels([{ x: 50, y: 50, r: 4, sizes: [{ width: 500, height: h }] }], plot), [null]);
 * ```
 */
export function placeLabels(labels: readonly LabelRequest[], plot: Plot): (PlacedBox | null)[] {
  const crowd = labels.map((p) =>
    labels.filter((q) => distanceOf(p.x - q.x, p.y - q.y) < CROWD_RADIUS).length
  );
  const search = new Search(labels, plot);
  const priority = (i: number) => labels[i]!.priority ?? 0;
  // A label with no free position at any size is left out before the search.
  const active = labels.map((_, i) => i).filter((i) =>
    search.nearby(i).length > 0 || search.anywhere(i).length > 0
  );
  // Starting orders: most important first, most crowded first, then top to bottom, bottom to
  // top, left to right and right to left.
  const by = (key: (i: number) => number) => [...active].sort((a, b) => key(a) - key(b) || a - b);
  const crowded = by((i) => -crowd[i]!);
  let starts = [
    crowded.toSorted((a, b) => priority(b) - priority(a)), // stable: crowded first among equals
    crowded,
    by((i) => labels[i]!.y),
    by((i) => -labels[i]!.y),
    by((i) => labels[i]!.x),
    by((i) => -labels[i]!.x),
  ].filter((order, k, all) => all.findIndex((o) => o.join() === order.join()) === k);
  for (;;) {
    const best = bestArrangement(search, starts);
    if (best.total === 0) return readmit(search, active, best.boxes);
    // The fallback: leave out the least important label in a collision (either side of it),
    // and go on from the best order found (the change is one label).
    const colliding = active.filter((i) => best.scores[i]! > 0);
    const involved = active.filter((i) =>
      best.scores[i]! > 0 ||
      colliding.some((j) => placedScore(best.boxes[j]!, [best.boxes[i]!]) > 0)
    );
    const [victim] = involved.sort((a, b) =>
      priority(a) - priority(b) || best.scores[b]! - best.scores[a]! || b - a
    );
    active.splice(active.indexOf(victim!), 1);
    starts = [best.order.filter((i) => active.includes(i))];
  }
}

/** The clear arrangement of the `active` labels, plus each label left out that now finds a free
 * position (an earlier removal may have made room), most important first. */
function readmit(search: Search, active: readonly number[], boxes: readonly PlacedBox[]) {
  const result: (PlacedBox | null)[] = search.labels.map((_, i) =>
    active.includes(i) ? boxes[i]! : null
  );
  const placed = result.filter((box) => box !== null);
  const priority = (i: number) => search.labels[i]!.priority ?? 0;
  const out = search.labels.map((_, i) => i).filter((i) => result[i] === null);
  for (const i of out.sort((a, b) => priority(b) - priority(a) || a - b)) {
    const free = search.nearby(i).find((box) => placedScore(box, placed) === 0) ??
      search.anywhere(i).find((box) => placedScore(box, placed) === 0);
    if (free === undefined) continue;
    result[i] = free;
    placed.push(free);
  }
  return result;
}

/** The labels and the plot, with each label's positions that are free of the plot's edges and
 * the points: nearby ones at each size, then (made when first needed) ones anywhere. */
class Search {
  readonly #nearby: PlacedBox[][] = [];
  readonly #anywhere: PlacedBox[][] = [];
  /** Each label's weight in an arrangement's total overlap: 1 + how many labels rank below it. */
  readonly weight: number[];
  constructor(readonly labels: readonly LabelRequest[], readonly plot: Plot) {
    const priority = labels.map((l) => l.priority ?? 0);
    this.weight = priority.map((p) => 1 + priority.filter((q) => q < p).length);
  }

  /** Nearby positions of label `i`: every size in turn, nearest first. */
  nearby(i: number): PlacedBox[] {
    return this.#nearby[i] ??= this.#free(i, (p, s) => nearbyCandidates(p, s, this.plot.height));
  }

  /** Positions of label `i` anywhere in the plot: every size in turn, nearest first. */
  anywhere(i: number): PlacedBox[] {
    return this.#anywhere[i] ??= this.#free(i, (p, s) => gridCandidates(p, s, this.plot));
  }

  #free(i: number, make: (p: LabelPoint, s: LabelSize) => LabelBox[]): PlacedBox[] {
    const own = this.labels[i]!;
    const others = this.labels.filter((_, j) => j !== i);
    return own.sizes.flatMap((s, size) =>
      make(own, s).filter((box) => staticScore(box, own, others, this.plot) === 0)
        .map((box) => ({ ...box, size }))
    );
  }
}

interface Placement {
  readonly order: readonly number[];
  readonly boxes: PlacedBox[];
  readonly scores: number[];
  readonly total: number;
}

/** The least overlapping arrangement from greedy passes in each starting order, each followed
 * by repair passes that place the labels that collided first. */
function bestArrangement(search: Search, starts: readonly number[][]): Placement {
  let best: Placement | undefined;
  for (const start of starts) {
    let current = placeInOrder(start, search);
    if (best === undefined || current.total < best.total) best = current;
    for (let pass = 0; pass < REPAIR_PASSES && current.total > 0; pass++) {
      const { order, scores } = current;
      current = placeInOrder(
        [...order.filter((i) => scores[i]! > 0), ...order.filter((i) => scores[i] === 0)],
        search,
      );
      if (current.total < best.total) best = current;
    }
    if (best.total === 0) break;
  }
  return best!;
}

/** One greedy pass: each label, in `order`, takes its first free position (nearby, then
 * anywhere) or its least bad nearby one. */
function placeInOrder(order: readonly number[], search: Search): Placement {
  const placed: LabelBox[] = [];
  const boxes: PlacedBox[] = new Array(search.labels.length);
  const scores: number[] = new Array(search.labels.length).fill(0);
  for (const i of order) {
    let best: { box: PlacedBox; score: number } | undefined;
    for (const positions of [() => search.nearby(i), () => search.anywhere(i)]) {
      for (const box of positions()) {
        const score = placedScore(box, placed, best?.score);
        if (best === undefined || score < best.score) best = { box, score };
        if (score === 0) break;
      }
      if (best !== undefined && best.score === 0) break;
    }
    boxes[i] = best!.box;
    scores[i] = best!.score;
    placed.push(best!.box);
  }
  // An important label in a collision weighs more: arrangements that keep it clear win.
  const total = scores.reduce((sum, score, i) => sum + score * search.weight[i]!, 0);
  return { order, boxes, scores, total };
}
