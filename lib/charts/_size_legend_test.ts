/**
 * The size legend covers the data: expected values worked out by hand from the rule (the
 * smallest 1–2–2.5–5 step reaching the max in at most four multiples), and invariants over a
 * sweep of maxima.
 */
import assert from "node:assert/strict";
import { sizeLegend } from "./_size_legend.ts";

Deno.test("sizeLegend: hand-worked cases", () => {
  // Lease terms of 5–15 years: steps 2.5 (6 needed) then 5 (3 needed).
  assert.deepEqual(sizeLegend(15), { values: [5, 10, 15], domainMax: 15 });
  assert.deepEqual(sizeLegend(12), { values: [5, 10, 15], domainMax: 15 });
  // 10: step 2 needs 5, so 2.5.
  assert.deepEqual(sizeLegend(10).values, [2.5, 5, 7.5, 10]);
  // 7: step 1 needs 7, step 2 needs 4.
  assert.deepEqual(sizeLegend(7).values, [2, 4, 6, 8]);
  assert.deepEqual(sizeLegend(3.5).values, [1, 2, 3, 4]);
  // 1.1: steps 0.1, 0.2 and 0.25 need 11, 6 and 5; 0.5 needs 3.
  assert.deepEqual(sizeLegend(1.1).values, [0.5, 1, 1.5]);
  // Float noise: 0.3 ÷ 0.1 is 2.9999999999999996, and 0.3 is written 0.3, not 0.30000000000000004.
  assert.deepEqual(sizeLegend(0.3).values, [0.1, 0.2, 0.3]);
  // Contract values in USD: Hut 8's $7.0B lease and IREN's $9.7B Microsoft contract
  // (data/miner_ai_deals.csv HUT-FLUIDSTACK-2025-12 and IREN-MSFT-2025-11).
  assert.deepEqual(sizeLegend(7e9).values, [2e9, 4e9, 6e9, 8e9]);
  assert.deepEqual(sizeLegend(9.7e9), { values: [2.5e9, 5e9, 7.5e9, 1e10], domainMax: 1e10 });
  assert.deepEqual(sizeLegend(1.46e6).values, [5e5, 1e6, 1.5e6]);
});

Deno.test("sizeLegend: all sizes zero (or not a number) keeps one symbol at 0", () => {
  assert.deepEqual(sizeLegend(0), { values: [0], domainMax: 1 });
  assert.deepEqual(sizeLegend(NaN), { values: [0], domainMax: 1 });
  assert.deepEqual(sizeLegend(Infinity), { values: [0], domainMax: 1 });
});

Deno.test("sizeLegend: invariants over maxima from 1e-3 to 1e12", () => {
  const roundSteps = new Set([1, 2, 2.5, 5]);
  for (let e = -3; e <= 11; e++) {
    for (let m = 1; m < 10; m += 0.37) {
      const max = m * 10 ** e;
      const { values, domainMax } = sizeLegend(max);
      const label = `max ${max}: ${values.join(", ")}`;
      assert.ok(values.length >= 3 && values.length <= 4, label);
      assert.equal(domainMax, values.at(-1), label);
      // Covers the data, and only just: the last value reaches the max, the one before does not.
      assert.ok(domainMax >= max * (1 - 1e-12), label);
      assert.ok(values.at(-2)! < max, label);
      // Equal steps of a round size, starting at one step.
      const step = values[0]!;
      values.forEach((v, i) => assert.ok(Math.abs(v - (i + 1) * step) < 1e-9 * step, label));
      const mantissa = Number((step / 10 ** Math.floor(Math.log10(step))).toPrecision(6));
      assert.ok(roundSteps.has(mantissa), label);
    }
  }
});
