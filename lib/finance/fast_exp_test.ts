import assert from "node:assert/strict";
import { fastExp } from "./fast_exp.ts";
import { createRng } from "./rng.ts";

/** Distance from `expected` in units in its last place. */
function ulps(actual: number, expected: number): number {
  const unit = 2 ** (Math.floor(Math.log2(Math.abs(expected))) - 52);
  return Math.abs(actual - expected) / unit;
}

Deno.test("fastExp is within 2 units in the last place of Math.exp over its fast range", () => {
  const rng = createRng(5);
  let worst = 0;
  for (let i = 0; i < 200_000; i++) {
    const x = -700 + 1400 * rng.uniform();
    worst = Math.max(worst, ulps(fastExp(x), Math.exp(x)));
  }
  // The Monte Carlo range: log prices and log hashrates, and small increments around 0.
  for (let i = 0; i < 200_000; i++) {
    const x = 40 * rng.uniform() - 20;
    worst = Math.max(worst, ulps(fastExp(x), Math.exp(x)));
    const small = (rng.uniform() - 0.5) * 1e-3;
    worst = Math.max(worst, ulps(fastExp(small), Math.exp(small)));
  }
  assert.ok(worst <= 2, `worst ${worst} ulps`);
});

Deno.test("fastExp: exact at 0, table points and the special values", async (t) => {
  await t.step("whole multiples of ln 2 / 128 land on the table", () => {
    assert.equal(fastExp(0), 1);
    assert.equal(fastExp(-0), 1);
    assert.ok(ulps(fastExp(Math.LN2), 2) <= 1);
    assert.ok(ulps(fastExp(10 * Math.LN2), 1024) <= 1);
  });
  await t.step("beyond the fast range the engine's exp answers", () => {
    for (const x of [700, -700, 709.7, 709.8, -745, -746, 1e300, -1e300]) {
      assert.equal(fastExp(x), Math.exp(x));
    }
    assert.equal(fastExp(Infinity), Infinity);
    assert.equal(fastExp(-Infinity), 0);
    assert.ok(Number.isNaN(fastExp(NaN)));
  });
  await t.step("increasing across a cell boundary", () => {
    const step = Math.LN2 / 128;
    for (let k = -5; k <= 5; k++) {
      const x = 3 + k * step;
      assert.ok(fastExp(x - 1e-15) <= fastExp(x) && fastExp(x) <= fastExp(x + 1e-15));
    }
  });
});
