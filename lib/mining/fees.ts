/**
 * Transaction fees per block from daily columns (`fees_btc`, `blocks` of `loadBtcDaily()`), for
 * the fee term of hashprice (F2): the day's own average, or a trailing average over
 * several days weighted by blocks (total fees ÷ total blocks), as Luxor's index smooths fees over
 * the last 144 blocks [S54].
 *
 * @module
 */
import { nonNegative, wholeNumber } from "../units/checks.ts";

/** Options of {@linkcode trailingFeesPerBlock}. */
export interface TrailingFeesOptions {
  /** Days in the trailing window, the current day included. Default 1: the day's own fees ÷ its
   * blocks, about the 144-block window of Luxor's hashprice index [S54]. */
  readonly days?: number;
}

/**
 * Average fees per block over the `days` days ending on each day: Σ fees ÷ Σ blocks in the
 * window. The result is aligned with the inputs; its first `days − 1` entries average the days
 * available so far (an expanding window), so no entry is `NaN`.
 *
 * @example The day's own average, then a 2-day trailing one
 * ```ts
 * import { trailingFeesPerBlock } from "./fees.ts";
 * import assert from "node:assert/strict";
 *
 * const fees = [14.4, 7.2, 21.6];
 * const blocks = [144, 144, 144];
 * assert.deepEqual([...trailingFeesPerBlock(fees, blocks)].map((x) => x.toFixed(3)), ["0.100", "0.050", "0.150"]);
 * // (7.2 + 21.6) ÷ 288 = 0.1
 * assert.equal(trailingFeesPerBlock(fees, blocks, { days: 2 })[2]!.toFixed(3), "0.100");
 * assert.throws(() => trailingFeesPerBlock([1], [-1]), /blocks\[0\]: expected a value >= 0, got -1/);
 * ```
 */
export function trailingFeesPerBlock(
  feesBtc: ArrayLike<number>,
  blocks: ArrayLike<number>,
  options: TrailingFeesOptions = {},
): Float64Array {
  const days = wholeNumber("days", options.days ?? 1, 1);
  if (feesBtc.length !== blocks.length) {
    throw new RangeError(
      `Cannot use feesBtc and blocks: expected columns of equal length, got ${feesBtc.length} ` +
        `and ${blocks.length}`,
    );
  }
  const n = feesBtc.length;
  const fees = new Float64Array(n);
  const count = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    fees[i] = nonNegative(`feesBtc[${i}]`, feesBtc[i]!);
    count[i] = nonNegative(`blocks[${i}]`, blocks[i]!);
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // Summed afresh for each window (n × days is small for daily data) so no rounding drifts in.
    let feeSum = 0;
    let blockSum = 0;
    for (let j = Math.max(0, i - days + 1); j <= i; j++) {
      feeSum += fees[j]!;
      blockSum += count[j]!;
    }
    if (blockSum === 0) {
      throw new RangeError(
        `Cannot average fees per block at index ${i}: expected blocks in the ${days}-day window, ` +
          "got 0",
      );
    }
    out[i] = feeSum / blockSum;
  }
  return out;
}
