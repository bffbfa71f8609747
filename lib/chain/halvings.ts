/**
 * Past halvings located in a daily series of block heights.
 *
 * @module
 */
import { HALVING_INTERVAL_BLOCKS } from "./subsidy.ts";
import { wholeNumber } from "../units/checks.ts";
import { HALVING_BLOCKS } from "./halving_blocks.ts";

/** A halving: its ordinal (1 = first), block height and the UTC day it happened. */
export interface Halving {
  /** 1 for the first halving. */
  readonly ordinal: number;
  /** Height of the first block at the new subsidy. */
  readonly height: number;
  /** UTC day the block was mined (its header time) where known, else the series' day. */
  readonly date: string;
}

/** A halving found in a daily series. */
export interface PastHalving extends Halving {
  /** The series' day whose counted blocks include the halving height. A day-counting source
   * such as Coin Metrics can put it a day before `date`. */
  readonly seriesDate: string;
}

/** Daily columns: the day and the height of its last block. */
export interface DailyHeights {
  /** UTC days. */
  readonly date: readonly string[];
  /** Height of each day's last block. */
  readonly height_end: ArrayLike<number>;
}

/**
 * The halvings that fall inside a daily series. `seriesDate` is the day whose counted blocks
 * include height `k × 210,000`; `date` is the UTC day the block was mined, from its header time
 * ({@linkcode HALVING_BLOCKS}), or `seriesDate` for a halving not in that table.
 *
 * @example
 * ```ts
 * import { pastHalvings } from "./halvings.ts";
 * import assert from "node:assert/strict";
 *
 * // Coin Metrics counts block 840,000 on 19 April; it was mined at 00:09 UTC on 20 April.
 * const days = { date: ["2024-04-18", "2024-04-19", "2024-04-20"], height_end: [839_999, 840_003, 840_150] };
 * assert.deepEqual(pastHalvings(days), [
 *   { ordinal: 4, height: 840_000, date: "2024-04-20", seriesDate: "2024-04-19" },
 * ]);
 * ```
 */
export function pastHalvings(days: DailyHeights): PastHalving[] {
  const halvings: PastHalving[] = [];
  const n = days.date.length;
  if (n === 0) return halvings;
  let k = Math.floor(days.height_end[0]! / HALVING_INTERVAL_BLOCKS) + 1;
  for (let i = 1; i < n; i++) {
    while (k * HALVING_INTERVAL_BLOCKS <= days.height_end[i]!) {
      if (k * HALVING_INTERVAL_BLOCKS > days.height_end[i - 1]!) {
        const seriesDate = days.date[i]!;
        const mined = HALVING_BLOCKS.find((b) => b.ordinal === k)?.minedAt.slice(0, 10);
        halvings.push({
          ordinal: k,
          height: k * HALVING_INTERVAL_BLOCKS,
          date: mined ?? seriesDate,
          seriesDate,
        });
      }
      k++;
    }
  }
  return halvings;
}

/** A future halving and the day it is expected at the recent block rate. */
export interface HalvingEstimate extends Halving {
  /** Blocks still to be mined before it. */
  readonly blocksToGo: number;
  /** Blocks per day the estimate assumes. */
  readonly blocksPerDay: number;
}

/** Options for {@linkcode nextHalvings}. */
export interface NextHalvingsOptions {
  /** Days at the end of the series whose mean block rate is projected. Default 90: long
   * enough to average out luck and retarget lag, short enough to reflect today's hashrate. */
  readonly windowDays?: number;
  /**
   * How many future halvings to estimate.
   *
   * @default 1
   */
  readonly count?: number;
}

/**
 * Dates of the next halvings, projecting the mean block rate of the last `windowDays` days.
 *
 * @example
 * ```ts
 * import { nextHalvings } from "./halvings.ts";
 * import assert from "node:assert/strict";
 *
 * const days = { date: ["2027-12-30", "2027-12-31"], height_end: [1_049_712, 1_049_856], blocks: [144, 144] };
 * const [fifth] = nextHalvings(days, { windowDays: 2 });
 * assert.deepEqual(fifth, { ordinal: 5, height: 1_050_000, date: "2028-01-01", blocksToGo: 144, blocksPerDay: 144 });
 * ```
 */
export function nextHalvings(
  days: DailyHeights & { readonly blocks: ArrayLike<number> },
  options: NextHalvingsOptions = {},
): HalvingEstimate[] {
  const n = days.date.length;
  const window = wholeNumber("windowDays", options.windowDays ?? 90, 1);
  const count = wholeNumber("count", options.count ?? 1, 1);
  if (n < window) {
    throw new RangeError(`Cannot estimate halvings: expected at least ${window} days, got ${n}`);
  }
  let blocks = 0;
  for (let i = n - window; i < n; i++) blocks += days.blocks[i]!;
  const blocksPerDay = blocks / window;
  const lastHeight = days.height_end[n - 1]!;
  const lastDay = Date.parse(`${days.date[n - 1]}T00:00:00Z`);
  const estimates: HalvingEstimate[] = [];
  let k = Math.floor(lastHeight / HALVING_INTERVAL_BLOCKS) + 1;
  for (; estimates.length < count && k <= 64; k++) {
    const height = k * HALVING_INTERVAL_BLOCKS;
    const blocksToGo = height - lastHeight;
    const date = new Date(lastDay + Math.ceil(blocksToGo / blocksPerDay) * 86_400_000)
      .toISOString().slice(0, 10);
    estimates.push({ ordinal: k, height, date, blocksToGo, blocksPerDay });
  }
  return estimates;
}
