import assert from "node:assert/strict";
import { ConvergenceError } from "./convergence_error.ts";
import { findRoot } from "./find_root.ts";
import { assertAlmostEquals } from "../testing/assert_almost_equals.ts";

Deno.test("findRoot solves equations with known roots", async (t) => {
  await t.step("x² − 2 on [0, 2] is √2", () => {
    assertAlmostEquals(findRoot((x) => x * x - 2, { low: 0, high: 2 }), Math.SQRT2, 1e-12);
  });
  await t.step("cos x = x is the Dottie number 0.739085133215160… (OEIS A003957)", () => {
    const root = findRoot((x) => Math.cos(x) - x, { low: 0, high: 1 });
    assertAlmostEquals(root, 0.7390851332151607, 1e-12);
  });
  await t.step("a root at either end of the bracket is that end", () => {
    assert.equal(findRoot((x) => x - 1, { low: 1, high: 5 }), 1);
    assert.equal(findRoot((x) => x - 5, { low: 1, high: 5 }), 5);
  });
  await t.step("a decreasing function and a negative bracket", () => {
    assertAlmostEquals(findRoot((x) => -3 - x, { low: -10, high: 0 }), -3, 1e-12);
  });
  await t.step("a coarser tolerance stops within it", () => {
    const root = findRoot((x) => x ** 3 - 10, { low: 0, high: 10, tolerance: 1e-3 });
    assert.ok(Math.abs(root - Math.cbrt(10)) < 1e-3, `root ${root}`);
  });
  await t.step("a step function is solved to the jump, as bisection would", () => {
    const root = findRoot((x) => (x < 0.3 ? -1 : 1), { low: 0, high: 1 });
    assertAlmostEquals(root, 0.3, 1e-11);
  });
});

Deno.test("findRoot rejects a bracket that does not straddle a root", async (t) => {
  await t.step("both ends positive: the error names both ends and their values", () => {
    assert.throws(() => findRoot((x) => x * x + 1, { low: -1, high: 2 }), (error) => {
      assert.ok(error instanceof ConvergenceError);
      assert.equal(error.reason, "no sign change");
      assert.equal(
        error.message,
        "Cannot find a root: f(low = -1) = 2 and f(high = 2) = 5 have the same sign, " +
          "so [-1, 2] does not straddle a root; move or widen the bracket",
      );
      return true;
    });
  });
  await t.step("both ends negative", () => {
    assert.throws(
      () => findRoot((x) => x - 10, { low: 0, high: 1 }),
      /f\(low = 0\) = -10 and f\(high = 1\) = -9 have the same sign/,
    );
  });
});

Deno.test("findRoot rejects bad input by name", async (t) => {
  const f = (x: number) => x;
  await t.step("low not below high", () => {
    assert.throws(
      () => findRoot(f, { low: 1, high: 1 }),
      /Cannot find a root: expected low < high, got low = 1 and high = 1/,
    );
    assert.throws(() => findRoot(f, { low: 2, high: -1 }), /got low = 2 and high = -1/);
  });
  await t.step("a bracket end that is not finite", () => {
    assert.throws(() => findRoot(f, { low: NaN, high: 1 }), /Cannot use low: .* got NaN/);
    assert.throws(() => findRoot(f, { low: 0, high: Infinity }), /Cannot use high: .* Infinity/);
  });
  await t.step("tolerance and iteration budget", () => {
    assert.throws(() => findRoot(f, { low: -1, high: 1, tolerance: 0 }), /tolerance/);
    assert.throws(() => findRoot(f, { low: -1, high: 1, maxIterations: 0 }), /maxIterations/);
    assert.throws(() => findRoot(f, { low: -1, high: 1, maxIterations: 2.5 }), /maxIterations/);
  });
  await t.step("f not finite at an end or inside the bracket", () => {
    assert.throws(
      () => findRoot((x) => (x === 1 ? NaN : x), { low: -1, high: 1 }),
      /expected f to be finite on \[-1, 1\], got f\(1\) = NaN/,
    );
    // Finite at both ends, NaN over the middle, where the first step lands.
    assert.throws(
      () => findRoot((x) => (Math.abs(x) < 0.9 ? NaN : x), { low: -1, high: 1 }),
      /expected f to be finite on \[-1, 1\], got f\(-?0\.?\d*\) = NaN/,
    );
  });
});

Deno.test("findRoot reports a spent iteration budget as a ConvergenceError", () => {
  assert.throws(
    () => findRoot((x) => Math.cos(x) - x, { low: 0, high: 1, maxIterations: 2 }),
    (error) => {
      assert.ok(error instanceof ConvergenceError);
      assert.equal(error.reason, "max iterations");
      assert.match(error.message, /did not converge in 2 iterations on \[0, 1\]/);
      return true;
    },
  );
});
