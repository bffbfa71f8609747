/**
 * The one float comparison every test of `lib/` uses: std's `assertAlmostEquals` contract
 * (relative by default, a bare number is an absolute tolerance, a message with both values and
 * the delta), with a tolerance that can also be relative, or both at once.
 *
 * @module
 */
import { AssertionError } from "node:assert/strict";

/** How far apart two numbers may be. Both bounds set: the looser one applies. */
export interface AlmostEqualsTolerance {
  /** Largest allowed |actual − expected|, in the numbers' own unit. */
  readonly absolute?: number;
  /** Largest allowed |actual − expected| as a fraction of |expected|. */
  readonly relative?: number;
}

/** The tolerance when none is given: one ten-millionth of |expected|, as in std. */
export const DEFAULT_RELATIVE_TOLERANCE = 1e-7;

/**
 * Assert that `actual` is within a tolerance of `expected`; throw an `AssertionError` naming
 * both values, the delta and the allowed delta otherwise.
 *
 * The allowed delta is `max(absolute, relative × |expected|)`:
 * - no tolerance: `relative = 1e-7`, `absolute = 0`;
 * - a number `t`: `absolute = t` (std's meaning);
 * - `{ absolute, relative }`: either or both, a missing one counts 0. `{ absolute: t, relative: t }`
 *   is `t × max(1, |expected|)`, relative for large numbers and absolute near zero.
 *
 * `NaN` equals only `NaN`, and an infinity only the same infinity: no finite tolerance makes
 * `Infinity` close to a finite number. `0` and `-0` are equal.
 *
 * @param actual The value computed.
 * @param expected The reference value.
 * @param tolerance The allowed delta (see above); `{ relative: 1e-7 }` when omitted.
 * @param message Appended to the failure message, e.g. which quantity was compared.
 * @throws {RangeError} A tolerance that is negative or NaN.
 * @throws {AssertionError} The values are not within the tolerance.
 *
 * @example Relative by default, absolute when a number is given
 * ```ts
 * import assert from "node:assert/strict";
 * import { assertAlmostEquals } from "./assert_almost_equals.ts";
 *
 * assertAlmostEquals(0.1 + 0.2, 0.3);
 * assertAlmostEquals(100.000_001, 100); // 1e-6 ≤ 1e-7 × 100
 * assertAlmostEquals(1.04, 1, 0.05);
 * assertAlmostEquals(1_001, 1_000, { relative: 0.01 });
 * assert.throws(
 *   () => assertAlmostEquals(1.1, 1, 0.05, "price"),
 *   { message: 'Expected actual 1.1 to be close to 1: delta 0.10000000000000009 is greater than 0.05: price' },
 * );
 * ```
 */
export function assertAlmostEquals(
  actual: number,
  expected: number,
  tolerance: number | AlmostEqualsTolerance = { relative: DEFAULT_RELATIVE_TOLERANCE },
  message?: string,
): void {
  const { absolute = 0, relative = 0 } = typeof tolerance === "number"
    ? { absolute: tolerance }
    : tolerance;
  for (const [name, value] of [["absolute", absolute], ["relative", relative]] as const) {
    if (!(value >= 0)) {
      throw new RangeError(`Cannot compare with ${name} tolerance ${value}: it must be ≥ 0`);
    }
  }
  if (Object.is(actual, expected) || actual === expected) return;
  const allowed = Math.max(absolute, relative * Math.abs(expected));
  const delta = Math.abs(actual - expected);
  // Infinity − Infinity is NaN and Infinity × relative is Infinity: only finite pairs compare.
  const finite = Number.isFinite(actual) && Number.isFinite(expected);
  if (finite && delta <= allowed) return;
  const suffix = message ? `: ${message}` : "";
  const why = finite
    ? `delta ${delta} is greater than ${allowed}`
    : `delta ${delta}, and NaN or an infinity is close only to itself`;
  throw new AssertionError({
    message: `Expected actual ${actual} to be close to ${expected}: ${why}${suffix}`,
    actual,
    expected,
    operator: "assertAlmostEquals",
  });
}
