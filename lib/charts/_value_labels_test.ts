import assert from "node:assert/strict";
import { labelLayers, labelSpan, valueScale } from "./_value_labels.ts";

const BASE = { x: "c", y: "v", format: ",.0f", horizontal: false, stacked: false, test: undefined };

Deno.test("labelSpan: one line of text on columns, the widest guessed label on bars", () => {
  assert.equal(labelSpan([1, 1e9], ",.0f", false), 15);
  const short = labelSpan([12], ",.0f", true);
  const long = labelSpan([12, 1_234_567], ",.0f", true);
  assert.ok(long > short && short > 15);
  // An SI format is as long whatever the value; "$" and "%" add a character.
  assert.equal(labelSpan([5], "$.2s", true), labelSpan([5e9], "$.2s", true));
  assert.ok(labelSpan([5], "$,.0f", true) > labelSpan([5], ",.0f", true));
});

Deno.test("valueScale: room for labels beyond the longest bars, on the sides that have labels", () => {
  assert.deepEqual(valueScale([[0, 100]], [100], 15, 215), { nice: true, domainMax: 107.5 });
  const both = valueScale([[0, 100], [-50, 0]], [100, -50], 15, 230);
  // 150 units on 230 − 2 × 15 px: 0.75 units a pixel.
  assert.deepEqual(both, { nice: true, domainMax: 111.25, domainMin: -61.25 });
  assert.deepEqual(valueScale([[0, 100]], [100], 0, 215), {});
  assert.deepEqual(valueScale([[0, 0]], [0], 15, 215), {});
  // The bars keep at least half the plot: 10 units on 150 px, not on 300 − 200 px.
  assert.equal(valueScale([[0, 10]], [10], 200, 300).domainMax, 10 + (200 * 10) / 150);
});

Deno.test("labelLayers: a layer per sign that has values, placed past the bar's end", () => {
  const columns = labelLayers({ ...BASE, labelled: [3, -1] }) as {
    transform: unknown[];
    mark: Record<string, unknown>;
  }[];
  assert.deepEqual(columns.map((l) => l.transform), [
    [{ filter: 'datum["v"] >= 0' }],
    [{ filter: 'datum["v"] < 0' }],
  ]);
  assert.deepEqual(columns.map((l) => [l.mark.baseline, l.mark.dy]), [["bottom", -3], ["top", 3]]);
  const bars = labelLayers({ ...BASE, horizontal: true, labelled: [3] }) as {
    mark: Record<string, unknown>;
  }[];
  assert.deepEqual(bars.map((l) => [l.mark.align, l.mark.dx]), [["left", 3]]);
});

Deno.test("labelLayers: a stack is labelled once, with its total, at the total's height", () => {
  const [layer] = labelLayers({ ...BASE, stacked: true, labelled: [5] }) as {
    transform: unknown[];
    encoding: Record<string, unknown>;
  }[];
  assert.deepEqual(layer!.transform, [
    { aggregate: [{ op: "sum", field: "v", as: "__total" }], groupby: ["c"] },
    { filter: 'datum["__total"] >= 0' },
  ]);
  assert.deepEqual(layer!.encoding.y, { field: "__total", type: "quantitative", stack: null });
});

Deno.test("labelLayers: the highlighted category's label takes the accent colour", () => {
  const [layer] = labelLayers({ ...BASE, labelled: [1], test: 'datum["c"] === "a"' }) as {
    encoding: { color: unknown };
  }[];
  assert.deepEqual(layer!.encoding.color, {
    condition: { test: 'datum["c"] === "a"', value: "#D1495B" },
    value: "#4A4E57",
  });
});
