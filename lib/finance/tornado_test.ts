import assert from "node:assert/strict";
import { tornado } from "./tornado.ts";

// A linear model with known slopes: output = 3a − 2b + 0.5c + 10.
const linear = (x: Record<string, number>) => 3 * x.a! - 2 * x.b! + 0.5 * x.c! + 10;
const base = { a: 1, b: 2, c: 4 };

Deno.test("tornado on a linear model: swings are |slope| × range, sorted", () => {
  const result = tornado(linear, { base, ranges: { c: [0, 20], a: [0, 2], b: [1, 5] } });
  // Base: 3 − 4 + 2 + 10 = 11.
  assert.equal(result.baseOutput, 11);
  assert.deepEqual(result.rows, [
    // c: outputs at 0 and 20 are 9 and 19; swing 0.5 × 20 = 10.
    { input: "c", low: 0, high: 20, outputLow: 9, outputHigh: 19, swing: 10 },
    // b: outputs at 1 and 5 are 13 and 5; swing |−2| × 4 = 8.
    { input: "b", low: 1, high: 5, outputLow: 13, outputHigh: 5, swing: 8 },
    // a: outputs at 0 and 2 are 8 and 14; swing 3 × 2 = 6.
    { input: "a", low: 0, high: 2, outputLow: 8, outputHigh: 14, swing: 6 },
  ]);
});

Deno.test("tornado: ties keep the order of ranges, and the base case is never mutated", () => {
  const seen: Array<Record<string, number>> = [];
  const model = (x: Record<string, number>) => {
    seen.push({ ...x });
    x.a = 999; // a careless model
    return x.b! + x.c!;
  };
  const frozen = Object.freeze({ ...base });
  const result = tornado(model, { base: frozen, ranges: { c: [3, 5], b: [1, 3] } });
  assert.deepEqual(result.rows.map((r) => r.input), ["c", "b"]);
  assert.deepEqual(seen[0], base);
  assert.deepEqual(seen[1], { ...base, c: 3 });
});

Deno.test("tornado rejects bad input, naming field and value", () => {
  assert.throws(
    () => tornado(linear, { base, ranges: { d: [0, 1] } }),
    /Cannot use ranges\.d: expected an input of base \(a, b, c\), got "d"/,
  );
  assert.throws(
    () => tornado(linear, { base, ranges: { a: [0, NaN] } }),
    /Cannot use ranges\.a\[1\]: expected a finite number, got NaN/,
  );
  assert.throws(
    () => tornado(linear, { base: { ...base, a: Infinity }, ranges: {} }),
    /Cannot use base\.a/,
  );
  assert.throws(
    () => tornado(() => NaN, { base, ranges: {} }),
    /Cannot use model: expected a finite number at the base case, got NaN/,
  );
  assert.throws(
    () => tornado((x) => 1 / (x.a! - 1), { base: { a: 2 }, ranges: { a: [1, 3] } }),
    /at a = 1, got Infinity/,
  );
  // deno-lint-ignore no-explicit-any
  assert.throws(() => tornado(42 as any, { base, ranges: {} }), TypeError);
  assert.throws(
    () => tornado(linear, { base, ranges: { a: [1] as unknown as [number, number] } }),
    /expected \[low, high\]/,
  );
});
