/**
 * Argument checks shared by every model: a bad input is a `RangeError` (or `TypeError` for a
 * non-number) whose message names the field and the value, never a silent `NaN`.
 *
 * @module
 */

/**
 * Throws unless `value` is a finite number; returns it.
 *
 * @example
 * ```ts
 * import { finite } from "./checks.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(finite("priceUsd", 90_000), 90_000);
 * assert.throws(() => finite("priceUsd", NaN), /Cannot use priceUsd: expected a finite number, got NaN/);
 * ```
 */
export function finite(field: string, value: number): number {
  if (typeof value !== "number") {
    throw new TypeError(
      `Cannot use ${field}: expected a number, got ${typeof value} ${String(value)}`,
    );
  }
  if (!Number.isFinite(value)) {
    throw new RangeError(`Cannot use ${field}: expected a finite number, got ${value}`);
  }
  return value;
}

/**
 * Throws unless `value` is finite and ≥ 0.
 *
 * @example
 * ```ts
 * import { nonNegative } from "./checks.ts";
 * import assert from "node:assert/strict";
 *
 * assert.throws(() => nonNegative("grossMw", -5), /Cannot use grossMw: expected a value >= 0, got -5/);
 * ```
 */
export function nonNegative(field: string, value: number): number {
  finite(field, value);
  if (value < 0) throw new RangeError(`Cannot use ${field}: expected a value >= 0, got ${value}`);
  return value;
}

/**
 * Throws unless `value` is finite and > 0.
 *
 * @example
 * ```ts
 * import { positive } from "./checks.ts";
 * import assert from "node:assert/strict";
 *
 * assert.throws(() => positive("btcPriceUsd", 0), /Cannot use btcPriceUsd: expected a value > 0, got 0/);
 * ```
 */
export function positive(field: string, value: number): number {
  finite(field, value);
  if (value <= 0) throw new RangeError(`Cannot use ${field}: expected a value > 0, got ${value}`);
  return value;
}

/**
 * Throws unless `value` is a fraction in [0, 1] (utilisation, uptime, a share, a margin).
 *
 * @example
 * ```ts
 * import { fraction } from "./checks.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(fraction("utilisation", 0.8), 0.8);
 * assert.throws(() => fraction("utilisation", 1.2), /Cannot use utilisation: expected a fraction between 0 and 1, got 1.2/);
 * ```
 */
export function fraction(field: string, value: number): number {
  finite(field, value);
  if (value < 0 || value > 1) {
    throw new RangeError(`Cannot use ${field}: expected a fraction between 0 and 1, got ${value}`);
  }
  return value;
}

/**
 * Throws unless `value` is a power usage effectiveness: finite and ≥ 1 (total ÷ IT power).
 *
 * @example
 * ```ts
 * import { pueValue } from "./checks.ts";
 * import assert from "node:assert/strict";
 *
 * assert.throws(() => pueValue("pue", 0.9), /Cannot use pue: expected a PUE >= 1, got 0.9/);
 * ```
 */
export function pueValue(field: string, value: number): number {
  finite(field, value);
  if (value < 1) throw new RangeError(`Cannot use ${field}: expected a PUE >= 1, got ${value}`);
  return value;
}

/**
 * Throws unless `value` is a whole number ≥ `min` (default 0).
 *
 * @example
 * ```ts
 * import { wholeNumber } from "./checks.ts";
 * import assert from "node:assert/strict";
 *
 * assert.throws(() => wholeNumber("months", 1.5), /Cannot use months: expected a whole number >= 0, got 1.5/);
 * ```
 */
export function wholeNumber(field: string, value: number, min = 0): number {
  finite(field, value);
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(`Cannot use ${field}: expected a whole number >= ${min}, got ${value}`);
  }
  return value;
}
