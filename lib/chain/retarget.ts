/**
 * The next difficulty retarget, estimated from the blocks mined so far in the current epoch.
 * Every 2016 blocks the protocol scales difficulty by (2016 × 600 s) ÷ (time the epoch took),
 * clamped to a factor of 4 either way; if blocks keep coming at the epoch's mean rate so far,
 * that ratio is blocks per day ÷ 144.
 *
 * @module
 */
import { wholeNumber } from "../units/checks.ts";
import { RETARGET_INTERVAL_BLOCKS, TARGET_BLOCK_SECONDS } from "./difficulty.ts";

/** Daily columns the estimate reads. */
export interface DailyBlocks {
  /** UTC days. */
  readonly date: readonly string[];
  /** Blocks mined each day. */
  readonly blocks: ArrayLike<number>;
  /** Height of each day's last block. */
  readonly height_end: ArrayLike<number>;
  /** Mean difficulty of each day's blocks. */
  readonly difficulty: ArrayLike<number>;
}

/** The estimated next retarget. */
export interface RetargetEstimate {
  /** Height of the first block at the new difficulty. */
  readonly height: number;
  /** Expected UTC day of the retarget. */
  readonly date: string;
  /** Blocks still to be mined before it. */
  readonly blocksToGo: number;
  /** Mean blocks per day since the epoch began (whole days only). */
  readonly blocksPerDay: number;
  /** Expected relative change in difficulty, e.g. 0.03 for +3%. */
  readonly expectedChange: number;
  /** The day's mean difficulty the change applies to. */
  readonly difficulty: number;
}

/** Options for {@linkcode estimateNextRetarget}. */
export interface RetargetOptions {
  /** Index of the day to estimate from. Default: the last day. */
  readonly asOf?: number;
}

const BLOCKS_PER_DAY_AT_TARGET = 86_400 / TARGET_BLOCK_SECONDS;

/**
 * Estimates the next retarget from daily data up to `asOf`. Needs at least one whole day
 * inside the current epoch.
 *
 * @example An epoch running at 150 blocks a day points to a difficulty rise of about 4.2%
 * ```ts
 * import { estimateNextRetarget } from "./retarget.ts";
 * import assert from "node:assert/strict";
 *
 * const days = {
 *   date: ["2024-01-01", "2024-01-02", "2024-01-03"],
 *   blocks: [150, 150, 150],
 *   height_end: [2016 * 400 + 10, 2016 * 400 + 160, 2016 * 400 + 310],
 *   difficulty: [7e13, 7e13, 7e13],
 * };
 * const next = estimateNextRetarget(days);
 * assert.equal(next.height, 2016 * 401);
 * assert.equal(next.blocksPerDay, 150);
 * assert.ok(Math.abs(next.expectedChange - (150 / 144 - 1)) < 1e-12);
 * ```
 */
export function estimateNextRetarget(
  days: DailyBlocks,
  options: RetargetOptions = {},
): RetargetEstimate {
  const last = wholeNumber("asOf", options.asOf ?? days.date.length - 1);
  if (last >= days.date.length) {
    throw new RangeError(
      `Cannot use asOf: expected an index below ${days.date.length}, got ${last}`,
    );
  }
  const height = days.height_end[last]!;
  const epochStart = Math.floor(height / RETARGET_INTERVAL_BLOCKS) * RETARGET_INTERVAL_BLOCKS;
  // Whole days that lie entirely after the epoch's first block.
  let blocks = 0;
  let wholeDays = 0;
  for (let i = last; i > 0 && days.height_end[i - 1]! >= epochStart; i--) {
    blocks += days.blocks[i]!;
    wholeDays++;
  }
  if (wholeDays === 0) {
    throw new RangeError(
      `Cannot estimate the retarget on ${days.date[last]}: the epoch began that day; ` +
        "expected at least one whole day of blocks in it",
    );
  }
  const blocksPerDay = blocks / wholeDays;
  const ratio = Math.min(4, Math.max(0.25, blocksPerDay / BLOCKS_PER_DAY_AT_TARGET));
  const next = epochStart + RETARGET_INTERVAL_BLOCKS;
  const blocksToGo = next - height;
  const lastDay = Date.parse(`${days.date[last]}T00:00:00Z`);
  const date = new Date(lastDay + Math.ceil(blocksToGo / blocksPerDay) * 86_400_000)
    .toISOString().slice(0, 10);
  return {
    height: next,
    date,
    blocksToGo,
    blocksPerDay,
    expectedChange: ratio - 1,
    difficulty: days.difficulty[last]!,
  };
}
