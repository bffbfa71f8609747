import assert from "node:assert/strict";
import { AssertionError } from "node:assert";
import { assertAlmostEquals } from "./assert_almost_equals.ts";

Deno.test("assertAlmostEquals: relative by default, one ten-millionth of |expected|", async (t) => {
  await t.step("within", () => {
    assertAlmostEquals(1e9 + 99, 1e9);
    assertAlmostEquals(0.1 + 0.2, 0.3);
  });
  await t.step("beyond", () => {
    assert.throws(() => assertAlmostEquals(1e9 + 101, 1e9), AssertionError);
    // Near zero a relative tolerance is tiny: 1e-12 is not close to 0 without an absolute bound.
    assert.throws(() => assertAlmostEquals(1e-12, 0), AssertionError);
  });
});

Deno.test("assertAlmostEquals: a number is an absolute tolerance", () => {
  assertAlmostEquals(1e-12, 0, 1e-9);
  assertAlmostEquals(10.5, 10, 0.5);
  assert.throws(() => assertAlmostEquals(1e9 + 1, 1e9, 0.5), AssertionError);
});

Deno.test("assertAlmostEquals: absolute and relative together take the looser bound", () => {
  const both = { absolute: 1e-9, relative: 1e-9 };
  assertAlmostEquals(5e-10, 0, both); // the absolute bound near zero
  assertAlmostEquals(1e9 + 0.9, 1e9, both); // the relative bound for large numbers
  assert.throws(() => assertAlmostEquals(1e9 + 1.1, 1e9, both), AssertionError);
  assertAlmostEquals(101, 100, { relative: 0.01 });
  assert.throws(() => assertAlmostEquals(101.1, 100, { relative: 0.01 }), AssertionError);
});

Deno.test("assertAlmostEquals: negative numbers scale by |expected|", () => {
  assertAlmostEquals(-101, -100, { relative: 0.01 });
  assert.throws(() => assertAlmostEquals(-102, -100, { relative: 0.01 }), AssertionError);
  assertAlmostEquals(-0.5, 0.5, 1);
  assert.throws(() => assertAlmostEquals(-1, 1, { relative: 1.5 }), AssertionError); // 2 > 1.5
  assertAlmostEquals(-0, 0, 0);
});

Deno.test("assertAlmostEquals: NaN equals only NaN, an infinity only itself", () => {
  assertAlmostEquals(NaN, NaN);
  assertAlmostEquals(Infinity, Infinity);
  assertAlmostEquals(-Infinity, -Infinity, 0);
  assert.throws(() => assertAlmostEquals(NaN, 1, 1e9), AssertionError);
  assert.throws(() => assertAlmostEquals(1, NaN, 1e9), AssertionError);
  assert.throws(() => assertAlmostEquals(Infinity, -Infinity, Infinity), AssertionError);
  // A relative tolerance times Infinity is Infinity: still not close to a finite number.
  assert.throws(() => assertAlmostEquals(1e308, Infinity, { relative: 1 }), AssertionError);
  assert.throws(() => assertAlmostEquals(Infinity, 1e308, Infinity), AssertionError);
});

Deno.test("assertAlmostEquals: the message shows both values, the delta and the bound", () => {
  assert.throws(() => assertAlmostEquals(103, 100, { relative: 0.02 }, "hashprice, USD/PH/day"), {
    name: "AssertionError",
    message:
      "Expected actual 103 to be close to 100: delta 3 is greater than 2: hashprice, USD/PH/day",
  });
  assert.throws(() => assertAlmostEquals(-3, -1, 1), {
    message: "Expected actual -3 to be close to -1: delta 2 is greater than 1",
  });
  assert.throws(() => assertAlmostEquals(NaN, 1), {
    message: "Expected actual NaN to be close to 1: delta NaN, and NaN or an infinity is close " +
      "only to itself",
  });
  const error = (() => {
    try {
      assertAlmostEquals(2, 1, 0.5);
    } catch (e) {
      return e as AssertionError;
    }
    return undefined;
  })();
  assert.equal(error?.actual, 2);
  assert.equal(error?.expected, 1);
});

Deno.test("assertAlmostEquals: a negative or NaN tolerance is an error, not a pass", () => {
  assert.throws(() => assertAlmostEquals(1, 1, -1), {
    name: "RangeError",
    message: "Cannot compare with absolute tolerance -1: it must be ≥ 0",
  });
  assert.throws(() => assertAlmostEquals(1, 1, { relative: NaN }), {
    name: "RangeError",
    message: "Cannot compare with relative tolerance NaN: it must be ≥ 0",
  });
});
