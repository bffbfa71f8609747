import assert from "node:assert/strict";
import { scenarioGrid } from "./scenario_grid.ts";

// A bilinear toy model (margin = price × volume − cost) whose cells are easy to write out.
const model = (x: Record<string, number>) => x.price! * x.volume! - x.cost!;
const base = { price: 10, volume: 100, cost: 500 };

Deno.test("scenarioGrid evaluates every (x, y) pair, row-major y by x", () => {
  const grid = scenarioGrid(model, {
    x: { name: "price", values: [8, 12] },
    y: { name: "volume", values: [50, 100, 150] },
    base,
  });
  assert.equal(grid.xName, "price");
  assert.equal(grid.yName, "volume");
  assert.deepEqual(grid.xValues, [8, 12]);
  assert.deepEqual(grid.yValues, [50, 100, 150]);
  // Row y = 50: 8·50 − 500 = −100, 12·50 − 500 = 100; y = 100: 300, 700; y = 150: 700, 1300.
  assert.deepEqual([...grid.values], [-100, 100, 300, 700, 700, 1300]);
  assert.equal(grid.rows.length, 6);
  grid.rows.forEach((row, i) => {
    assert.equal(row.value, grid.values[i]);
    assert.equal(row.x, grid.xValues[i % 2]);
    assert.equal(row.y, grid.yValues[Math.floor(i / 2)]);
  });
});

Deno.test("inputs off the axes stay at base", () => {
  const grid = scenarioGrid(model, {
    x: { name: "cost", values: [0] },
    y: { name: "price", values: [1] },
    base,
  });
  assert.deepEqual([...grid.values], [100]);
});

Deno.test("scenarioGrid rejects bad input", () => {
  const x = { name: "price", values: [1] };
  const y = { name: "volume", values: [1] };
  assert.throws(
    () => scenarioGrid(model, { x: { name: "nope", values: [1] }, y, base }),
    /Cannot use x\.name: expected an input of base \(price, volume, cost\), got "nope"/,
  );
  assert.throws(
    () => scenarioGrid(model, { x, y: x, base }),
    /Cannot use y\.name: expected an input other than x\.name, got "price"/,
  );
  assert.throws(
    () => scenarioGrid(model, { x, y: { name: "volume", values: [] }, base }),
    /Cannot use y\.values: expected at least one value, got 0/,
  );
  assert.throws(
    () => scenarioGrid(model, { x: { name: "price", values: [NaN] }, y, base }),
    /Cannot use x\.values\[0\]: expected a finite number, got NaN/,
  );
  assert.throws(
    () => scenarioGrid(() => NaN, { x, y, base }),
    /Cannot use model: expected a finite number at price = 1, volume = 1, got NaN/,
  );
});
