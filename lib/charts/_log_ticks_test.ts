import assert from "node:assert/strict";
import { logDomain, logTicks } from "./_log_ticks.ts";

Deno.test("logTicks: 1 and 3 times each power of ten in the range, ends included", () => {
  assert.deepEqual(logTicks([40, 360]), [100, 300]);
  assert.deepEqual(logTicks([30, 300]), [30, 100, 300]);
  assert.deepEqual(logTicks([1, 1]), [1]);
  assert.deepEqual(logTicks([4, 9]), []);
  assert.deepEqual(logTicks([2e8, 5e9]), [3e8, 1e9, 3e9]);
});

Deno.test("logTicks: other multiples, e.g. 1, 2 and 5 for the scatter", () => {
  assert.deepEqual(logTicks([15, 260], [1, 2, 5]), [20, 50, 100, 200]);
});

Deno.test("logTicks: ticks below 1 are round decimals, not binary noise", () => {
  assert.deepEqual(logTicks([1e-5, 3]), [
    0.00001,
    0.00003,
    0.0001,
    0.0003,
    0.001,
    0.003,
    0.01,
    0.03,
    0.1,
    0.3,
    1,
    3,
  ]);
});

Deno.test("logTicks: ascending and within the range (invariant over many ranges)", () => {
  for (let k = -12; k <= 12; k++) {
    const from = 1.7 * 10 ** k;
    const to = from * 4321;
    const ticks = logTicks([from, to]);
    assert.ok(ticks.length >= 6, `${from}`);
    ticks.forEach((t, i) => {
      assert.ok(t >= from && t <= to, `${t} in [${from}, ${to}]`);
      if (i > 0) assert.ok(t > ticks[i - 1]!);
    });
  }
});

Deno.test("logDomain: whole 1–3–10 steps around the values, themselves ticks", () => {
  assert.deepEqual(logDomain([45, 80, 250]), [30, 300]);
  assert.deepEqual(logDomain([30, 300]), [30, 300]);
  assert.deepEqual(logDomain([0.04, 0.25]), [0.03, 0.3]);
  const [low, high] = logDomain([123.4, 98765]);
  assert.deepEqual([low, high], [100, 100000]);
  const ticks = logTicks([low, high]);
  assert.equal(ticks[0], low);
  assert.equal(ticks.at(-1), high);
});
