/**
 * A miner's production: its share of the network hashrate each month, the BTC it mines — that
 * share of the network's issuance, blocks × (subsidy + fees) — and the share it would need to
 * keep production flat, e.g. through a halving (F1, F2).
 *
 * Blocks arrive at `blocksPerDay` whatever the hashrate (difficulty retargets), so heights
 * advance `blocksPerDay × 365 ÷ 12` a month from `startHeight` and the subsidy follows the
 * schedule month by month (`subsidyByMonth` of lib/site).
 *
 * @module
 */
import { blockSubsidyBtc, HALVING_INTERVAL_BLOCKS } from "../chain/subsidy.ts";
import { TARGET_BLOCKS_PER_DAY } from "../mining/hashprice.ts";
import { subsidyByMonth } from "../site/hashprice_scenarios.ts";
import { DAYS_PER_MONTH } from "../site/site_cash_flows.ts";
import type { MonthlyValues } from "../site/site_plan.ts";
import { fraction, nonNegative, positive, wholeNumber } from "../units/checks.ts";
import { checkSeries, inMonth, monthlySeries } from "./_monthly.ts";

/** Inputs of {@linkcode networkIssuance}. */
export interface NetworkIssuanceInputs {
  /** Block height at the start of month 0. */
  readonly startHeight: number;
  /** Months to project, whole ≥ 1. */
  readonly months: number;
  /** Transaction fees per block, BTC: one value, or one per month. */
  readonly feesBtcPerBlock: MonthlyValues;
}

/** Options shared by the production models. */
export interface NetworkIssuanceOptions {
  /** Blocks per day. Default {@linkcode TARGET_BLOCKS_PER_DAY} (144: one per 600 s, the
   * protocol's target). */
  readonly blocksPerDay?: number;
}

/** A halving inside the projection. */
export interface HalvingInHorizon {
  /** Height of the first block at the lower subsidy. */
  readonly height: number;
  /** Month whose blocks include that height. */
  readonly month: number;
}

/** Result of {@linkcode networkIssuance}; series have one value per month. */
export interface NetworkIssuance {
  /** Blocks per month: blocksPerDay × 365 ÷ 12. */
  readonly blocksPerMonth: number;
  /** Mean subsidy per block of the month's heights, BTC. */
  readonly subsidyBtcPerBlock: Float64Array;
  /** Fees per block, BTC. */
  readonly feesBtcPerBlock: Float64Array;
  /** BTC paid to all miners: blocks × (subsidy + fees). */
  readonly issuanceBtc: Float64Array;
  /** Halvings that fall inside the projection. */
  readonly halvings: readonly HalvingInHorizon[];
}

/**
 * BTC the whole network earns each month: blocks × (subsidy + fees).
 *
 * @example The fifth halving (block 1,050,000) from the 2026-06-01 height, no fees
 * ```ts
 * import { networkIssuance } from "./production.ts";
 * import assert from "node:assert/strict";
 *
 * const n = networkIssuance({ startHeight: 952_053, months: 36, feesBtcPerBlock: 0 });
 * assert.equal(n.issuanceBtc[0], 4_380 * 3.125); // 144 × 365 ÷ 12 blocks
 * assert.deepEqual(n.halvings, [{ height: 1_050_000, month: 22 }]);
 * assert.equal(n.issuanceBtc[23], 4_380 * 1.5625);
 * ```
 */
export function networkIssuance(
  inputs: NetworkIssuanceInputs,
  options: NetworkIssuanceOptions = {},
): NetworkIssuance {
  const start = wholeNumber("startHeight", inputs.startHeight);
  const months = wholeNumber("months", inputs.months, 1);
  const blocksPerDay = positive("blocksPerDay", options.blocksPerDay ?? TARGET_BLOCKS_PER_DAY);
  const fees = monthlySeries("feesBtcPerBlock", inputs.feesBtcPerBlock, months, nonNegative);
  const subsidy = subsidyByMonth({ startHeight: start, months }, { blocksPerDay });
  const blocksPerMonth = blocksPerDay * DAYS_PER_MONTH;
  const issuance = new Float64Array(months);
  for (let m = 0; m < months; m++) issuance[m] = blocksPerMonth * (subsidy[m]! + fees[m]!);
  const halvings: HalvingInHorizon[] = [];
  const end = start + months * blocksPerMonth;
  for (
    let h = (Math.floor(start / HALVING_INTERVAL_BLOCKS) + 1) * HALVING_INTERVAL_BLOCKS;
    h <= end;
    h += HALVING_INTERVAL_BLOCKS
  ) {
    const month = Math.floor((h - 1 - start) / blocksPerMonth);
    if (month < months) halvings.push({ height: h, month });
  }
  return {
    blocksPerMonth,
    subsidyBtcPerBlock: subsidy,
    feesBtcPerBlock: fees,
    issuanceBtc: issuance,
    halvings,
  };
}

/** Inputs of {@linkcode minerProduction}. */
export interface MinerProductionInputs {
  /** The miner's hashrate actually hashing each month (installed × uptime), TH/s. */
  readonly hashrateThs: ArrayLike<number>;
  /** Network hashrate, TH/s: one value, or one per month (a scenario, or one Monte Carlo path
   * from `hashratePaths`). It includes the miner. */
  readonly networkHashrateThs: MonthlyValues;
  /** Block height at the start of month 0. */
  readonly startHeight: number;
  /** Transaction fees per block, BTC: one value, or one per month. */
  readonly feesBtcPerBlock: MonthlyValues;
}

/** Options of {@linkcode minerProduction}. */
export interface MinerProductionOptions extends NetworkIssuanceOptions {
  /**
   * Month whose BTC output `flatShare` holds.
   *
   * @default 0
   */
  readonly referenceMonth?: number;
}

/** Result of {@linkcode minerProduction}; series have one value per month. */
export interface MinerProduction extends NetworkIssuance {
  /** Network hashrate, TH/s. */
  readonly networkHashrateThs: Float64Array;
  /** The miner's hashrate ÷ the network's. */
  readonly share: Float64Array;
  /** BTC mined before the pool fee: share × issuance. */
  readonly btcMined: Float64Array;
  /** Share needed each month to mine the reference month's BTC. */
  readonly flatShare: Float64Array;
  /** Hashrate needed each month to mine the reference month's BTC, TH/s. */
  readonly flatHashrateThs: Float64Array;
}

/**
 * Share of the network and BTC mined each month, and the share that would hold production
 * at the reference month's level.
 *
 * @example 1% of the network mines 1% of issuance, and must hold 2% after a halving
 * ```ts
 * import { minerProduction } from "./production.ts";
 * import { ehs } from "../units/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const p = minerProduction({ hashrateThs: new Float64Array(36).fill(ehs(10)),
 *   networkHashrateThs: ehs(1_000), startHeight: 952_053, feesBtcPerBlock: 0 });
 * assert.equal(p.share[0], 0.01);
 * assert.equal(p.btcMined[0], 0.01 * 4_380 * 3.125);
 * assert.equal(p.flatShare[30], 0.02);
 * ```
 */
export function minerProduction(
  inputs: MinerProductionInputs,
  options: MinerProductionOptions = {},
): MinerProduction {
  const months = inputs.hashrateThs?.length ?? 0;
  wholeNumber("hashrateThs.length", months, 1);
  checkSeries("hashrateThs", inputs.hashrateThs, months, nonNegative);
  const network = monthlySeries("networkHashrateThs", inputs.networkHashrateThs, months, positive);
  const ref = options.referenceMonth ?? 0;
  if (!Number.isInteger(ref) || ref < 0 || ref >= months) {
    throw new RangeError(
      `Cannot use referenceMonth: expected a whole number in [0, ${months - 1}], got ${ref}`,
    );
  }
  const issuance = networkIssuance(
    { startHeight: inputs.startHeight, months, feesBtcPerBlock: inputs.feesBtcPerBlock },
    options,
  );
  const share = new Float64Array(months);
  const btcMined = new Float64Array(months);
  for (let m = 0; m < months; m++) {
    const own = inputs.hashrateThs[m]!;
    if (own > network[m]!) {
      throw new RangeError(
        `Cannot use ${inMonth("networkHashrateThs", m)}: expected at least the miner's ` +
          `${own} TH/s, got ${network[m]}`,
      );
    }
    share[m] = own / network[m]!;
    btcMined[m] = share[m]! * issuance.issuanceBtc[m]!;
  }
  const target = btcMined[ref]!;
  const flatShare = issuance.issuanceBtc.map((total) => target / total);
  const flatHashrateThs = flatShare.map((s, m) => s * network[m]!);
  return { ...issuance, networkHashrateThs: network, share, btcMined, flatShare, flatHashrateThs };
}

/** Inputs of {@linkcode shareToHoldProduction}. */
export interface ShareToHoldInputs {
  /** The miner's share of the network before the halving, 0–1. */
  readonly share: number;
  /** A block height before the halving (e.g. today's). */
  readonly height: number;
  /** Fees per block, BTC, taken as unchanged by the halving. */
  readonly feesBtcPerBlock: number;
}

/** Result of {@linkcode shareToHoldProduction}. */
export interface ShareToHold {
  /** Height of the next halving. */
  readonly halvingHeight: number;
  /** Subsidy before and after it, BTC. */
  readonly subsidyBeforeBtc: number;
  /** Subsidy after the halving, BTC. */
  readonly subsidyAfterBtc: number;
  /** Share needed after ÷ share before: (subsidy before + fees) ÷ (subsidy after + fees). */
  readonly multiple: number;
  /** Share needed after the halving to mine as many BTC a block as before. */
  readonly shareNeeded: number;
}

/**
 * The hashrate share a miner must hold after the next halving to keep its BTC output flat.
 * Without fees it doubles; fees soften the cut.
 *
 * @example 2% of the network before the 2028 halving; 0.03 BTC of fees a block
 * ```ts
 * import { shareToHoldProduction } from "./production.ts";
 * import assert from "node:assert/strict";
 *
 * const s = shareToHoldProduction({ share: 0.02, height: 952_053, feesBtcPerBlock: 0.03 });
 * assert.equal(s.halvingHeight, 1_050_000);
 * // (3.125 + 0.03) ÷ (1.5625 + 0.03) = 1.9812…
 * assert.ok(Math.abs(s.shareNeeded - 0.02 * 3.155 / 1.5925) < 1e-15);
 * ```
 */
export function shareToHoldProduction(inputs: ShareToHoldInputs): ShareToHold {
  const share = fraction("share", inputs.share);
  const height = wholeNumber("height", inputs.height);
  const fees = nonNegative("feesBtcPerBlock", inputs.feesBtcPerBlock);
  const halvingHeight = (Math.floor(height / HALVING_INTERVAL_BLOCKS) + 1) *
    HALVING_INTERVAL_BLOCKS;
  const before = blockSubsidyBtc(height);
  const after = blockSubsidyBtc(halvingHeight);
  if (after + fees === 0) {
    throw new RangeError(
      `Cannot hold production: the subsidy after block ${halvingHeight} is 0 and fees are 0`,
    );
  }
  const multiple = (before + fees) / (after + fees);
  return {
    halvingHeight,
    subsidyBeforeBtc: before,
    subsidyAfterBtc: after,
    multiple,
    shareNeeded: share * multiple,
  };
}
