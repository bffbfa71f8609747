import assert from "node:assert/strict";
import {
  LABEL_LINE_HEIGHT,
  type LabelBox,
  type LabelPoint,
  type PlacedBox,
  placeLabels,
} from "./_label_placement.ts";

const PLOT = { width: 600, height: 300 };
const H = LABEL_LINE_HEIGHT;

/** One-line labels of these widths for these points; every label is placed. */
function place(points: readonly LabelPoint[], widths: readonly number[]): PlacedBox[] {
  const boxes = placeLabels(
    points.map((p, i) => ({ ...p, sizes: [{ width: widths[i]!, height: H }] })),
    PLOT,
  );
  boxes.forEach((box, i) => assert.ok(box !== null, `label ${i} left out`));
  return boxes as PlacedBox[];
}

function overlaps(a: LabelBox, b: LabelBox): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** Distance from a point's edge to the nearest side of a box. */
function gap(box: LabelBox, p: LabelPoint): number {
  const x = Math.min(Math.max(p.x, box.left), box.right);
  const y = Math.min(Math.max(p.y, box.top), box.bottom);
  return Math.hypot(x - p.x, y - p.y) - p.r;
}

Deno.test("placeLabels: a lone point is labelled right of it, centred, without a leader", () => {
  const [box] = place([{ x: 100, y: 150, r: 4 }], [50]);
  assert.deepEqual(box, {
    left: 107, // radius + 3 px
    top: 150 - LABEL_LINE_HEIGHT / 2,
    right: 157,
    bottom: 150 + LABEL_LINE_HEIGHT / 2,
    leader: false,
    leaderX: 107,
    leaderY: 150,
    pointX: 100,
    pointY: 150,
    size: 0,
  });
});

Deno.test("placeLabels: near the right edge the label goes left, inside the plot", () => {
  const [box] = place([{ x: 590, y: 150, r: 4 }], [80]);
  assert.equal(box!.right, 590 - 4 - 3);
  assert.equal(box!.leader, false);
});

Deno.test("placeLabels: a cluster gets labels clear of each other, the points and the edges", () => {
  const points: LabelPoint[] = [];
  for (let i = 0; i < 9; i++) {
    points.push({ x: 250 + (i % 3) * 18, y: 120 + Math.floor(i / 3) * 14, r: 4 + (i % 2) });
  }
  const widths = points.map((_, i) => 60 + 7 * i);
  const boxes = place(points, widths);
  boxes.forEach((box, i) => {
    assert.ok(box.left >= 0 && box.right <= PLOT.width, `label ${i} inside horizontally`);
    assert.ok(box.top >= 0 && box.bottom <= PLOT.height, `label ${i} inside vertically`);
    assert.equal(box.right - box.left, widths[i]);
    assert.deepEqual([box.pointX, box.pointY], [points[i]!.x, points[i]!.y]);
    boxes.forEach((other, j) => {
      if (j !== i) assert.ok(!overlaps(box, other), `labels ${i} and ${j} overlap`);
    });
    points.forEach((p, j) => {
      if (j !== i) assert.ok(gap(box, p) > 0, `label ${i} covers point ${j}`);
    });
    // A label without a leader is nearer its own point than any other.
    if (!box.leader) {
      const own = gap(box, points[i]!);
      points.forEach((p, j) => assert.ok(j === i || gap(box, p) >= own, `label ${i} by ${j}`));
    }
  });
  assert.ok(boxes.some((b) => b.leader), "a cluster this tight needs leaders");
});

Deno.test("placeLabels: the leader flag matches the distance from the point", () => {
  const points = Array.from({ length: 12 }, (_, i) => ({ x: 300 + (i % 4) * 9, y: 150 + i, r: 5 }));
  const boxes = placeLabels(
    points.map((p) => ({ ...p, sizes: [{ width: 70, height: H }] })),
    PLOT,
  );
  // Twelve overlapping points: a point inside the blob can neither have a leader that misses
  // its neighbours nor a label nearer it than them, so it is left out (the fallback).
  assert.equal(boxes.filter((b) => b === null).length, 3);
  assert.ok(boxes.some((b) => b?.leader), "the blob's labels need leaders");
  for (const [i, box] of boxes.entries()) {
    if (box === null) continue;
    const p = points[i]!;
    const distance = Math.hypot(box.leaderX - p.x, box.leaderY - p.y);
    assert.equal(box.leader, distance > p.r + 3 + 6, `label ${i} at ${distance} px`);
  }
});

Deno.test("placeLabels: deterministic", () => {
  const points = Array.from({ length: 15 }, (_, i) => ({
    x: 200 + ((i * 37) % 90),
    y: 100 + ((i * 53) % 70),
    r: 3 + (i % 3),
  }));
  const widths = points.map((_, i) => 40 + ((i * 29) % 60));
  // Many calls, so V8 optimises the code between them: the result must not change when it does.
  const first = place(points, widths);
  for (let i = 0; i < 30; i++) assert.deepEqual(place(points, widths), first);
});

Deno.test("placeLabels: with no room for both, a label takes a smaller size, else the lower priority is left out", () => {
  // A strip one label high: the labels must share one row.
  const strip = { width: 200, height: 14 };
  const point1 = { x: 20, y: 7, r: 4, priority: 1 };
  const point2 = { x: 180, y: 7, r: 4, priority: 5 };
  const [a, b] = placeLabels([
    { ...point1, sizes: [{ width: 140, height: H }] },
    { ...point2, sizes: [{ width: 100, height: H }] },
  ], strip);
  assert.equal(a, null);
  assert.deepEqual([b!.left, b!.right, b!.size], [180 - 7 - 100, 180 - 7, 0]);
  // The same, but point 1's label can be cut shorter: both are drawn.
  const [short, long] = placeLabels([
    { ...point1, sizes: [{ width: 140, height: H }, { width: 30, height: H }] },
    { ...point2, sizes: [{ width: 100, height: H }] },
  ], strip);
  assert.deepEqual([short!.left, short!.right, short!.size], [27, 57, 1]);
  assert.equal(long!.size, 0);
  // Swap the priorities: now point 2's label is the one left out.
  const [kept, left] = placeLabels([
    { ...point1, priority: 9, sizes: [{ width: 140, height: H }] },
    { ...point2, sizes: [{ width: 100, height: H }] },
  ], strip);
  assert.deepEqual([kept!.left, left], [27, null]);
});
