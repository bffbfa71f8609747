import assert from "node:assert/strict";
import { DEFAULT_PERCENTILES, percentiles } from "./percentiles.ts";

Deno.test("percentiles interpolate linearly between order statistics (numpy 'linear')", async (t) => {
  await t.step("hand-computed on [1, 2, 3, 4, 10]", () => {
    // h = (n − 1)·p/100 = 4p/100. p = 5: h = 0.2 → 1 + 0.2·(2 − 1) = 1.2. p = 25: h = 1 → 2.
    // p = 50: h = 2 → 3. p = 75: h = 3 → 4. p = 95: h = 3.8 → 4 + 0.8·(10 − 4) = 8.8.
    // numpy 2.4: np.percentile([1, 2, 3, 4, 10], [5, 25, 50, 75, 95]) → [1.2, 2, 3, 4, 8.8].
    const got = percentiles([10, 4, 3, 2, 1]);
    [1.2, 2, 3, 4, 8.8].forEach((expected, i) => assert.ok(Math.abs(got[i]! - expected) < 1e-12));
  });
  await t.step("even count: the median averages the middle two", () => {
    assert.deepEqual(percentiles([4, 1, 3, 2], [50]), [2.5]);
    // h = 3·0.1 = 0.3 → 1.3; h = 3·0.9 = 2.7 → 3.7.
    const [p10, p90] = percentiles([4, 1, 3, 2], [10, 90]);
    assert.ok(Math.abs(p10! - 1.3) < 1e-12 && Math.abs(p90! - 3.7) < 1e-12);
  });
  await t.step("0 and 100 are the minimum and maximum; one value is every percentile", () => {
    assert.deepEqual(percentiles([5, -2, 9], [0, 100]), [-2, 9]);
    assert.deepEqual(percentiles([7], [0, 33, 100]), [7, 7, 7]);
  });
  await t.step("results follow the order of ps; input is not changed", () => {
    const values = Float64Array.of(3, 1, 2);
    assert.deepEqual(percentiles(values, [100, 0, 50]), [3, 1, 2]);
    assert.deepEqual([...values], [3, 1, 2]);
  });
  await t.step("ties and negatives", () => {
    assert.deepEqual(percentiles([-1, -1, -1, 5], [25, 50]), [-1, -1]);
  });
  await t.step("default percentiles are 5, 25, 50, 75, 95", () => {
    assert.deepEqual(DEFAULT_PERCENTILES, [5, 25, 50, 75, 95]);
  });
});

Deno.test("percentiles reject bad input", () => {
  assert.throws(
    () => percentiles([], [50]),
    /Cannot use values: expected at least one value, got 0/,
  );
  assert.throws(
    () => percentiles([1, NaN], [50]),
    /Cannot use values\[1\]: expected a finite number, got NaN/,
  );
  for (const p of [-1, 100.5, NaN]) {
    assert.throws(() => percentiles([1, 2], [50, p]), {
      name: "RangeError",
      message: Number.isNaN(p)
        ? "Cannot use percentiles[1]: expected a finite number, got NaN"
        : `Cannot use percentiles[1]: expected a value in [0, 100], got ${p}`,
    });
  }
  assert.throws(() => percentiles([1], []), /expected at least one percentile/);
});
