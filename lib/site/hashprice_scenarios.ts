/**
 * Hashprice paths for a site from simulated BTC price and network hashrate paths, by the
 * network form of F2: USD per PH/s per day = blocks per day × (subsidy + fees per
 * block) × price ÷ network PH/s. The subsidy follows the schedule as block heights advance, so
 * a halving inside the horizon halves the subsidy part. Heights advance `blocksPerDay` a day:
 * the protocol's 144 by default; pass the observed rate (e.g. `nextHalvings(daily)[0]
 * .blocksPerDay` of lib/chain) to put the simulated halving on the date lib/chain projects.
 *
 * @module
 */
import { blockSubsidyBtc } from "../chain/subsidy.ts";
import type { PathSet } from "../finance/path_set.ts";
import { TARGET_BLOCKS_PER_DAY } from "../mining/hashprice.ts";
import { nonNegative, positive, wholeNumber } from "../units/checks.ts";
import { DAYS_PER_MONTH } from "./site_cash_flows.ts";

/** Inputs of {@linkcode hashpriceScenarios}. */
export interface HashpriceScenarioInputs {
  /** BTC price paths, USD, one value per month. */
  readonly btcPrice: PathSet;
  /** Network hashrate paths in TH/s, one value per month; the same count as `btcPrice`. */
  readonly networkHashrate: PathSet;
  /** Block height at the start of month 0. */
  readonly startHeight: number;
  /** Transaction fees per block, BTC (e.g. a trailing average from the snapshot). */
  readonly feesBtcPerBlock: number;
}

/** Options of {@linkcode hashpriceScenarios}. */
export interface HashpriceScenarioOptions {
  /** Blocks per day, > 0: both the pace at which heights advance (and so when a halving
   * falls) and the blocks a day that share the reward. Default {@linkcode TARGET_BLOCKS_PER_DAY}
   * (144: one block per 600 s, the protocol's target spacing, Bitcoin Core `nPowTargetSpacing`).
   * Blocks come faster while hashrate grows ahead of a retarget and slower when it falls, so
   * the observed rate can differ by a few per cent (see `nextHalvings`). */
  readonly blocksPerDay?: number;
}

/**
 * Mean block subsidy of each month from `startHeight`, blocks advancing at `blocksPerDay`.
 *
 * @example The fifth halving (block 1,050,000) inside a 3-month window
 * ```ts
 * import { subsidyByMonth } from "./hashprice_scenarios.ts";
 * import assert from "node:assert/strict";
 *
 * const s = subsidyByMonth({ startHeight: 1_050_000 - 4_383, months: 3 });
 * assert.equal(s[0], 3.125);
 * assert.ok(s[1]! < 3.125 && s[1]! > 1.5625);
 * assert.equal(s[2], 1.5625);
 * // 4,360 blocks before it: 144 a day (4,380 a month) reach it in month 0; 142.8 (4,343) do not.
 * const near = { startHeight: 1_050_000 - 4_360, months: 2 };
 * assert.ok(subsidyByMonth(near)[0]! < 3.125);
 * assert.equal(subsidyByMonth(near, { blocksPerDay: 142.8 })[0], 3.125);
 * ```
 */
export function subsidyByMonth(
  inputs: { readonly startHeight: number; readonly months: number },
  options: HashpriceScenarioOptions = {},
): Float64Array {
  wholeNumber("startHeight", inputs.startHeight);
  const months = wholeNumber("months", inputs.months, 1);
  const perMonth = positive("blocksPerDay", options.blocksPerDay ?? TARGET_BLOCKS_PER_DAY) *
    DAYS_PER_MONTH;
  const out = new Float64Array(months);
  for (let m = 0; m < months; m++) {
    const from = Math.round(inputs.startHeight + m * perMonth);
    const to = Math.round(inputs.startHeight + (m + 1) * perMonth);
    // Mean of the subsidy over the month's blocks: exact across a halving boundary.
    const boundary = Math.ceil((from + 1) / 210_000) * 210_000;
    if (boundary > from && boundary <= to) {
      const before = boundary - from - 1;
      out[m] =
        (before * blockSubsidyBtc(from + 1) + (to - before - from) * blockSubsidyBtc(boundary)) /
        (to - from);
    } else {
      out[m] = blockSubsidyBtc(from + 1);
    }
  }
  return out;
}

/**
 * USD hashprice paths (per PH/s per day), one per simulated path, as a {@linkcode PathSet}.
 *
 * @example At $90,000, 900 EH/s, 3.125 BTC subsidy and no fees: 144 × 3.125 × 90,000 ÷ 900,000
 * ```ts
 * import { hashpriceScenarios } from "./hashprice_scenarios.ts";
 * import assert from "node:assert/strict";
 *
 * const flat = (v: number) => ({ paths: new Float64Array(2).fill(v), pathCount: 1, steps: 2, seed: 1 });
 * const hp = hashpriceScenarios({ btcPrice: flat(90_000), networkHashrate: flat(9e8),
 *   startHeight: 900_000, feesBtcPerBlock: 0 });
 * assert.equal(hp.paths[0], 144 * 3.125 * 90_000 / 900_000);
 * ```
 */
export function hashpriceScenarios(
  inputs: HashpriceScenarioInputs,
  options: HashpriceScenarioOptions = {},
): PathSet {
  const { btcPrice, networkHashrate } = inputs;
  if (
    btcPrice.pathCount !== networkHashrate.pathCount || btcPrice.steps !== networkHashrate.steps
  ) {
    throw new RangeError(
      `Cannot combine paths: btcPrice is ${btcPrice.pathCount}×${btcPrice.steps}, ` +
        `networkHashrate is ${networkHashrate.pathCount}×${networkHashrate.steps}`,
    );
  }
  const blocksPerDay = positive("blocksPerDay", options.blocksPerDay ?? TARGET_BLOCKS_PER_DAY);
  const fees = nonNegative("feesBtcPerBlock", inputs.feesBtcPerBlock);
  const subsidy = subsidyByMonth(
    { startHeight: inputs.startHeight, months: btcPrice.steps },
    options,
  );
  const out = new Float64Array(btcPrice.paths.length);
  const steps = btcPrice.steps;
  const price = btcPrice.paths;
  const hashrate = networkHashrate.paths;
  // Blocks a day × BTC a block, per month: the factor every path shares (the same product
  // as per cell, so the same numbers).
  const btcPerDay = subsidy.map((s) => blocksPerDay * (s + fees));
  for (let row = 0; row < out.length; row += steps) {
    for (let s = 0, i = row; s < steps; s++, i++) {
      out[i] = (btcPerDay[s]! * price[i]!) / (hashrate[i]! / 1000);
    }
  }
  return { paths: out, pathCount: btcPrice.pathCount, steps, seed: btcPrice.seed };
}
