/**
 * Past halvings located in a daily series of block heights.
 *
 * @module
 */
import { HALVING_INTERVAL_BLOCKS } from "./subsidy.ts";

/** A halving: its ordinal (1 = first), block height and the UTC day its block was counted on. */
export interface Halving {
  /** 1 for the first halving. */
  readonly ordinal: number;
  /** Height of the first block at the new subsidy. */
  readonly height: number;
  /** UTC day the block was counted on. */
  readonly date: string;
}

/** Daily columns: the day and the height of its last block. */
export interface DailyHeights {
  /** UTC days. */
  readonly date: readonly string[];
  /** Height of each day's last block. */
  readonly height_end: ArrayLike<number>;
}

/**
 * The halvings that fall inside a daily series: the day whose blocks include height
 * `k × 210,000`.
 *
 * @example
 * ```ts
 * import { pastHalvings } from "./halvings.ts";
 * import assert from "node:assert/strict";
 *
 * const days = { date: ["2024-04-18", "2024-04-19", "2024-04-20"], height_end: [839_999, 840_003, 840_150] };
 * assert.deepEqual(pastHalvings(days), [{ ordinal: 4, height: 840_000, date: "2024-04-19" }]);
 * ```
 */
export function pastHalvings(days: DailyHeights): Halving[] {
  const halvings: Halving[] = [];
  const n = days.date.length;
  if (n === 0) return halvings;
  let k = Math.floor(days.height_end[0]! / HALVING_INTERVAL_BLOCKS) + 1;
  for (let i = 1; i < n; i++) {
    while (k * HALVING_INTERVAL_BLOCKS <= days.height_end[i]!) {
      if (k * HALVING_INTERVAL_BLOCKS > days.height_end[i - 1]!) {
        halvings.push({ ordinal: k, height: k * HALVING_INTERVAL_BLOCKS, date: days.date[i]! });
      }
      k++;
    }
  }
  return halvings;
}
