import assert from "node:assert/strict";
import { selectInPlace, selectMany } from "./_select.ts";
import { gbmPaths } from "./gbm_paths.ts";
import { stepValues } from "./path_set.ts";
import { percentileBands } from "./percentile_bands.ts";
import { percentiles } from "./percentiles.ts";
import { createRng } from "./rng.ts";

Deno.test("percentileBands equals percentiles() of each step's values", () => {
  const run = gbmPaths({
    start: 100,
    driftAnnual: 0.05,
    volAnnual: 0.8,
    steps: 30,
    stepYears: 1 / 12,
    paths: 1_001,
    seed: 12,
  });
  const ps = [0, 2.5, 5, 25, 50, 75, 95, 97.5, 100];
  const fan = percentileBands(run, { percentiles: ps });
  assert.equal(fan.steps, 30);
  assert.deepEqual(fan.percentiles, ps);
  for (let s = 0; s < run.steps; s++) {
    const expected = percentiles(stepValues(run, s), ps);
    ps.forEach((p, k) => {
      assert.equal(fan.bands[k]![s], expected[k], `step ${s}, p${p}`);
      assert.equal(fan.rows[s]![`p${p}`], expected[k]);
    });
    assert.equal(fan.rows[s]!.step, s);
  }
});

Deno.test("bands are ordered and hand-checkable on a tiny set", () => {
  // Four paths, one step: values 4, 1, 3, 2 → p25 at h = 0.75 → 1.75; p50 → 2.5; p75 → 3.25.
  const set = { paths: Float64Array.of(4, 1, 3, 2), pathCount: 4, steps: 1, seed: 1 };
  const fan = percentileBands(set, { percentiles: [25, 50, 75] });
  assert.deepEqual(fan.rows, [{ step: 0, p25: 1.75, p50: 2.5, p75: 3.25 }]);
  // Default percentiles and monotone bands on a real run.
  const run = gbmPaths({
    start: 1,
    driftAnnual: 0,
    volAnnual: 0.5,
    steps: 12,
    stepYears: 1 / 12,
    paths: 500,
  });
  const fanDefault = percentileBands(run);
  assert.deepEqual(fanDefault.percentiles, [5, 25, 50, 75, 95]);
  for (let s = 0; s < 12; s++) {
    for (let k = 1; k < 5; k++) assert.ok(fanDefault.bands[k]![s]! >= fanDefault.bands[k - 1]![s]!);
  }
});

Deno.test("selection places order statistics like a sort, above and below the sampling size", () => {
  const rng = createRng(78);
  for (let trial = 0; trial < 60; trial++) {
    // Sizes past 600 take Floyd–Rivest's sample window first.
    const n = 1 + rng.int(trial % 2 === 0 ? 50 : 6_000);
    const distinct = 1 + rng.int(trial % 3 === 0 ? 4 : 1e6); // many ties in some trials
    const a = Float64Array.from({ length: n }, () => rng.int(distinct));
    const sorted = a.slice().sort();
    // Percentile ranks of numpy's linear method (pairs k, k + 1) plus a few lone ones.
    const ks = [...new Set([0, n >> 3, (n >> 3) + 1, n >> 1, (n >> 1) + 1, n - 2, n - 1])]
      .filter((k) => k >= 0 && k < n)
      .sort((x, y) => x - y);
    const work = a.slice();
    selectMany(work, ks);
    for (const k of ks) {
      assert.equal(work[k], sorted[k], `n ${n}, k ${k}`);
      for (let i = 0; i < k; i++) assert.ok(work[i]! <= work[k]!);
      for (let i = k + 1; i < n; i++) assert.ok(work[i]! >= work[k]!);
    }
    const one = a.slice();
    const k = rng.int(n);
    selectInPlace(one, k, 0, n - 1);
    assert.equal(one[k], sorted[k]);
  }
  // Sorted, reversed and constant inputs of a sampling size.
  for (
    const a of [
      Float64Array.from({ length: 5_000 }, (_, i) => i),
      Float64Array.from({ length: 5_000 }, (_, i) => -i),
      new Float64Array(5_000).fill(3),
    ]
  ) {
    const sorted = a.slice().sort();
    const ks = [249, 250, 2_499, 2_500, 4_749, 4_750];
    selectMany(a, ks);
    for (const k of ks) assert.equal(a[k], sorted[k]);
  }
});

Deno.test("selectInPlace places order statistics like a sort, with ties and constants", () => {
  const rng = createRng(77);
  for (let trial = 0; trial < 300; trial++) {
    const n = 1 + rng.int(200);
    const distinct = 1 + rng.int(trial % 3 === 0 ? 3 : 1000); // many ties in some trials
    const a = Float64Array.from({ length: n }, () => rng.int(distinct));
    const sorted = a.slice().sort();
    const k = rng.int(n);
    const work = a.slice();
    selectInPlace(work, k, 0, n - 1);
    assert.equal(work[k], sorted[k]);
    for (let i = 0; i < k; i++) assert.ok(work[i]! <= work[k]!);
    for (let i = k + 1; i < n; i++) assert.ok(work[i]! >= work[k]!);
  }
  // Already sorted and reversed inputs (classic quickselect worst cases).
  for (
    const a of [
      Float64Array.from({ length: 5000 }, (_, i) => i),
      Float64Array.from({ length: 5000 }, (_, i) => -i),
    ]
  ) {
    const fan = percentileBands({ paths: a, pathCount: 5000, steps: 1, seed: 1 }, {
      percentiles: [50],
    });
    assert.equal(fan.bands[0]![0], percentiles(a, [50])[0]);
  }
});

Deno.test("percentileBands rejects bad input", () => {
  const set = { paths: Float64Array.of(1, 2, NaN, 4), pathCount: 2, steps: 2, seed: 1 };
  assert.throws(() => percentileBands(set), {
    name: "RangeError",
    message: "Cannot use paths[2] (path 1, step 0): expected a finite number, got NaN",
  });
  // Steps are read eight at a time; the error still names the first bad value in path order.
  const twoBad = new Float64Array(4 * 20).fill(1);
  twoBad[15] = Infinity; // path 0, step 15 (the second block of steps)
  twoBad[3 * 20 + 2] = NaN; // path 3, step 2 (the first block)
  assert.throws(() => percentileBands({ paths: twoBad, pathCount: 4, steps: 20, seed: 1 }), {
    name: "RangeError",
    message: "Cannot use paths[15] (path 0, step 15): expected a finite number, got Infinity",
  });
  const good = { ...set, paths: Float64Array.of(1, 2, 3, 4) };
  assert.throws(
    () => percentileBands(good, { percentiles: [50, 120] }),
    /Cannot use percentiles\[1\]: expected a value in \[0, 100\], got 120/,
  );
  assert.throws(() => percentileBands(good, { percentiles: [-5] }), /got -5/);
  assert.throws(
    () => percentileBands({ ...good, pathCount: 3 }),
    /Cannot use paths: expected pathCount × steps = 6 values, got 4/,
  );
  assert.throws(() => percentileBands({ ...good, pathCount: 0, steps: 4 }), /Cannot use pathCount/);
  // deno-lint-ignore no-explicit-any
  assert.throws(() => percentileBands({ ...good, paths: [1, 2, 3, 4] as any }), TypeError);
});
