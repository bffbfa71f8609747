/**
 * Issuance and supply from the subsidy schedule.
 *
 * @module
 */
import { positive, wholeNumber } from "../units/checks.ts";
import { blockSubsidyBtc, subsidyBetweenBtc } from "./subsidy.ts";

/** Options for {@linkcode supplyAtHeight}. */
export interface SupplyOptions {
  /** Count the genesis block's 50 BTC, which can never be spent. Default `false`, as Coin
   * Metrics' `SplyCur` does. */
  readonly includeGenesis?: boolean;
}

/**
 * BTC issued by the blocks up to and including `height`.
 *
 * @example The supply cap is 20,999,999.9769 BTC including genesis
 * ```ts
 * import { supplyAtHeight } from "./supply.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(supplyAtHeight(19), 950); // Coin Metrics SplyCur on 2009-01-09, after 19 blocks
 * assert.equal(supplyAtHeight(64 * 210_000, { includeGenesis: true }), 20_999_999.9769);
 * ```
 */
export function supplyAtHeight(height: number, options: SupplyOptions = {}): number {
  wholeNumber("height", height);
  return subsidyBetweenBtc(options.includeGenesis ? 0 : 1, height);
}

/** Options for {@linkcode issuancePerDay}. */
export interface IssuanceOptions {
  /** Blocks per day. Default 144 (one block per 600 s). */
  readonly blocksPerDay?: number;
}

/**
 * Subsidy issued per day at `height`, at a block rate.
 *
 * @example 450 BTC a day after the 2024 halving, 900 before (F1)
 * ```ts
 * import { issuancePerDay } from "./supply.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(issuancePerDay(840_000), 450);
 * assert.equal(issuancePerDay(839_000), 900);
 * ```
 */
export function issuancePerDay(height: number, options: IssuanceOptions = {}): number {
  return blockSubsidyBtc(height) * positive("blocksPerDay", options.blocksPerDay ?? 144);
}
