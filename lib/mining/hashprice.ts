/**
 * Hashprice (F2): the expected revenue of 1 PH/s of hashrate for a day, in USD and in
 * BTC [S54]. Two equivalent forms: from difficulty (the hashes a block takes) and from the
 * network hashrate (each PH/s's share of the day's blocks).
 *
 * @module
 */
import { TARGET_BLOCK_SECONDS } from "../chain/difficulty.ts";
import { nonNegative, positive } from "../units/checks.ts";
import type { Hashrate } from "../units/hashrate.ts";
import type { Btc, Usd } from "../units/money.ts";
import { type BtcPerPhDay, btcPerPhDay, type UsdPerPhDay, usdPerPhDay } from "../units/prices.ts";

/** Hashes 1 PH/s performs in a day: 1e15 H/s × 86,400 s = 8.64e19 (F2, [S55]). */
export const HASHES_PER_PH_DAY = 1e15 * 86_400;

/** Expected hashes per block at difficulty 1: 2^32 (a block at difficulty D takes D × 2^32). */
export const HASHES_PER_DIFFICULTY = 2 ** 32;

/** Blocks a day at the protocol's 600-second target spacing: 86,400 ÷ 600 = 144. */
export const TARGET_BLOCKS_PER_DAY = 86_400 / TARGET_BLOCK_SECONDS;

/** A hashprice in both currencies. */
export interface Hashprice {
  /** USD per PH/s per day. */
  readonly usdPerPhDay: UsdPerPhDay;
  /** BTC per PH/s per day (the USD form without the price term). */
  readonly btcPerPhDay: BtcPerPhDay;
}

/** Inputs of {@linkcode hashpriceFromDifficulty}. */
export interface HashpriceFromDifficultyInputs {
  /** Network difficulty D (dimensionless, ≥ 1 on mainnet). */
  readonly difficulty: number;
  /** Reward per block: subsidy + average fees per block. */
  readonly blockRewardBtc: Btc;
  /** BTC price. */
  readonly btcPriceUsd: Usd;
}

/**
 * Hashprice from difficulty (F2, [S55]): HP = 8.64e19 ÷ (D × 2^32) × R × P. 1 PH/s does
 * 8.64e19 hashes a day and a block takes D × 2^32 of them on average, so the first factor is the
 * blocks 1 PH/s expects to find in a day.
 *
 * @example Difficulty 1.2e14, 3.125 BTC subsidy + 0.03 BTC fees, BTC at $90,000
 * ```ts
 * import { hashpriceFromDifficulty } from "./hashprice.ts";
 * import { btc, usd } from "../units/money.ts";
 * import assert from "node:assert/strict";
 *
 * const hp = hashpriceFromDifficulty({
 *   difficulty: 1.2e14,
 *   blockRewardBtc: btc(3.155),
 *   btcPriceUsd: usd(90_000),
 * });
 * assert.equal(hp.usdPerPhDay.toFixed(2), "47.60");
 * assert.equal(hp.btcPerPhDay.toFixed(7), "0.0005289");
 * assert.throws(() => hashpriceFromDifficulty({ difficulty: 1.2e14, blockRewardBtc: btc(3.155), btcPriceUsd: usd(0) }), /btcPriceUsd: expected a value > 0, got 0/);
 * ```
 */
export function hashpriceFromDifficulty(inputs: HashpriceFromDifficultyInputs): Hashprice {
  const blocksPerPhDay = HASHES_PER_PH_DAY /
    (positive("difficulty", inputs.difficulty) * HASHES_PER_DIFFICULTY);
  const btc = blocksPerPhDay * nonNegative("blockRewardBtc", inputs.blockRewardBtc);
  return both(btc, positive("btcPriceUsd", inputs.btcPriceUsd));
}

/** Fees given per block or as the day's total, never both. */
export type FeesInput =
  | { readonly feesBtcPerBlock: Btc; readonly feesBtcPerDay?: never }
  | { readonly feesBtcPerDay: Btc; readonly feesBtcPerBlock?: never };

/** Inputs of {@linkcode hashpriceFromNetwork}. */
export type HashpriceFromNetworkInputs = FeesInput & {
  /** Network hashrate (use the same averaging window as the fees). */
  readonly networkHashrate: Hashrate;
  /** Block subsidy, e.g. `btc(blockSubsidyBtc(height))` from `lib/chain`. */
  readonly subsidyBtcPerBlock: Btc;
  /** BTC price. */
  readonly btcPriceUsd: Usd;
};

/** Options of {@linkcode hashpriceFromNetwork}. */
export interface HashpriceFromNetworkOptions {
  /** Blocks found per day. Default {@linkcode TARGET_BLOCKS_PER_DAY} (144, the protocol's
   * 600-second target spacing); pass a day's actual count to reproduce that day. */
  readonly blocksPerDay?: number;
}

/**
 * Hashprice from the network hashrate (F2): HP = blocks/day × (subsidy + fees per block) × P ÷
 * network PH/s.
 *
 * @example 600 EH/s, 144 blocks of 3.125 BTC plus 2.88 BTC of fees for the day, BTC at $90,000
 * ```ts
 * import { hashpriceFromNetwork } from "./hashprice.ts";
 * import { ehs } from "../units/hashrate.ts";
 * import { btc, usd } from "../units/money.ts";
 * import assert from "node:assert/strict";
 *
 * const hp = hashpriceFromNetwork({
 *   networkHashrate: ehs(600),
 *   subsidyBtcPerBlock: btc(3.125),
 *   feesBtcPerDay: btc(2.88),
 *   btcPriceUsd: usd(90_000),
 * });
 * // (450 + 2.88) BTC × $90,000 ÷ 600,000 PH/s
 * assert.equal(hp.usdPerPhDay.toFixed(3), "67.932");
 * assert.throws(() => hashpriceFromNetwork({ networkHashrate: ehs(600), subsidyBtcPerBlock: btc(3.125), feesBtcPerBlock: btc(0.02), btcPriceUsd: usd(90_000) }, { blocksPerDay: 0 }), /blocksPerDay: expected a value > 0, got 0/);
 * ```
 */
export function hashpriceFromNetwork(
  inputs: HashpriceFromNetworkInputs,
  options: HashpriceFromNetworkOptions = {},
): Hashprice {
  const blocksPerDay = positive("blocksPerDay", options.blocksPerDay ?? TARGET_BLOCKS_PER_DAY);
  const subsidyPerDay = blocksPerDay * nonNegative("subsidyBtcPerBlock", inputs.subsidyBtcPerBlock);
  const feesPerDay = feesBtcPerDay(inputs, blocksPerDay);
  const networkPh = positive("networkHashrate", inputs.networkHashrate) / 1000;
  const btc = (subsidyPerDay + feesPerDay) / networkPh;
  return both(btc, positive("btcPriceUsd", inputs.btcPriceUsd));
}

function feesBtcPerDay(inputs: FeesInput, blocksPerDay: number): number {
  const perBlock = inputs.feesBtcPerBlock;
  const perDay = inputs.feesBtcPerDay;
  if ((perBlock === undefined) === (perDay === undefined)) {
    throw new TypeError(
      "Cannot use fees: expected exactly one of feesBtcPerBlock or feesBtcPerDay, got " +
        (perBlock === undefined ? "neither" : "both"),
    );
  }
  return perBlock !== undefined
    ? nonNegative("feesBtcPerBlock", perBlock) * blocksPerDay
    : nonNegative("feesBtcPerDay", perDay!);
}

function both(btcPerPh: number, priceUsd: number): Hashprice {
  return { usdPerPhDay: usdPerPhDay(btcPerPh * priceUsd), btcPerPhDay: btcPerPhDay(btcPerPh) };
}
