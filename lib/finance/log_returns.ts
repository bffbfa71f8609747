/**
 * Log returns of a price series, the input of the block bootstrap.
 *
 * @module
 */
import { positive } from "../units/checks.ts";

/**
 * `ln(prices[i] / prices[i − 1])` for each consecutive pair: `prices.length − 1` returns. For
 * the daily BTC price (`loadBtcDaily().price_usd`) these are daily log returns over calendar
 * days (BTC trades every day). Every price must be finite and > 0.
 *
 * @example
 * ```ts
 * import { logReturns } from "./log_returns.ts";
 * import assert from "node:assert/strict";
 *
 * const r = logReturns([100, 110, 99]);
 * assert.equal(r.length, 2);
 * assert.ok(Math.abs(r[0]! - Math.log(1.1)) < 1e-15);
 * assert.ok(Math.abs(r[1]! - Math.log(0.9)) < 1e-15);
 * assert.throws(() => logReturns([100, 0]), /Cannot use prices\[1\]: expected a value > 0, got 0/);
 * ```
 */
export function logReturns(prices: ArrayLike<number>): Float64Array {
  if (prices === null || typeof prices !== "object" || typeof prices.length !== "number") {
    throw new TypeError(`Cannot use prices: expected an array of numbers, got ${typeof prices}`);
  }
  if (prices.length < 2) {
    throw new RangeError(`Cannot use prices: expected at least 2 prices, got ${prices.length}`);
  }
  const out = new Float64Array(prices.length - 1);
  let previous = positive("prices[0]", prices[0]!);
  for (let i = 1; i < prices.length; i++) {
    const price = positive(`prices[${i}]`, prices[i]!);
    out[i - 1] = Math.log(price / previous);
    previous = price;
  }
  return out;
}
