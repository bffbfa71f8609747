/**
 * The block subsidy schedule (F1): 50 BTC at height 0, halving every 210,000 blocks,
 * zero from the 64th halving on. Computed in satoshis, as Bitcoin Core does, so the sums are
 * exact.
 *
 * @module
 */
import { SATS_PER_BTC } from "../units/money.ts";

/** Blocks between halvings (Bitcoin Core `nSubsidyHalvingInterval`). */
export const HALVING_INTERVAL_BLOCKS = 210_000;
const INITIAL_SUBSIDY_SATS = 50n * 100_000_000n;

function checkHeight(height: number, field: string): void {
  if (!Number.isInteger(height) || height < 0) {
    throw new RangeError(`Cannot use ${field}: expected a whole number >= 0, got ${height}`);
  }
}

/**
 * Subsidy of the block at `height`, in BTC.
 *
 * @example The fourth halving (block 840,000, 20 Apr 2024) cut 6.25 to 3.125 BTC
 * ```ts
 * import { blockSubsidyBtc } from "./subsidy.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(blockSubsidyBtc(0), 50);
 * assert.equal(blockSubsidyBtc(839_999), 6.25);
 * assert.equal(blockSubsidyBtc(840_000), 3.125);
 * assert.equal(blockSubsidyBtc(64 * 210_000), 0);
 * ```
 */
export function blockSubsidyBtc(height: number): number {
  checkHeight(height, "height");
  return Number(blockSubsidySats(height)) / SATS_PER_BTC;
}

function blockSubsidySats(height: number): bigint {
  const halvings = Math.floor(height / HALVING_INTERVAL_BLOCKS);
  return halvings >= 64 ? 0n : INITIAL_SUBSIDY_SATS >> BigInt(halvings);
}

/**
 * Total subsidy of the blocks at heights `fromHeight` to `toHeight`, both included, in BTC.
 * Used to check a day's issuance from its block count.
 *
 * @example A day straddling the 2024 halving: 3 blocks at 6.25 then 4 at 3.125
 * ```ts
 * import { subsidyBetweenBtc } from "./subsidy.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(subsidyBetweenBtc(839_997, 840_003), 3 * 6.25 + 4 * 3.125);
 * ```
 */
export function subsidyBetweenBtc(fromHeight: number, toHeight: number): number {
  checkHeight(fromHeight, "fromHeight");
  checkHeight(toHeight, "toHeight");
  if (toHeight < fromHeight) return 0;
  let total = 0n;
  let h = fromHeight;
  // From the 64th halving on the subsidy is zero: stop there.
  while (h <= toHeight && h < 64 * HALVING_INTERVAL_BLOCKS) {
    const eraEnd = (Math.floor(h / HALVING_INTERVAL_BLOCKS) + 1) * HALVING_INTERVAL_BLOCKS - 1;
    const last = Math.min(eraEnd, toHeight);
    total += blockSubsidySats(h) * BigInt(last - h + 1);
    h = last + 1;
  }
  return Number(total) / SATS_PER_BTC;
}
