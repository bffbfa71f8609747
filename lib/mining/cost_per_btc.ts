/**
 * The cost to mine one bitcoin: what a PH/s costs per day (power, other cash costs,
 * depreciation) divided by the bitcoin it earns per day. The industry's "cash cost" and
 * "all-in cost" per BTC (CoinShares [S65b], Core Scientific [S13]).
 *
 * @module
 */
import { nonNegative, positive } from "../units/checks.ts";
import type { Efficiency } from "../units/efficiency.ts";
import { type Usd, usd } from "../units/money.ts";
import {
  type BtcPerPhDay,
  btcPerPhDay,
  type UsdPerKwh,
  type UsdPerPhDay,
  usdPerPhDay,
} from "../units/prices.ts";
import { poolFeeValue, type PowerCostOptions, uptimeValue } from "./_inputs.ts";
import { hashcost } from "./hashcost.ts";

/** Inputs of {@linkcode costPerBtc}. */
export interface CostPerBtcInputs {
  /** BTC hashprice: BTC the network pays per PH/s per day. */
  readonly btcHashprice: BtcPerPhDay;
  /** Fleet efficiency, J/TH. */
  readonly efficiency: Efficiency;
  /** Electricity price before any tax. */
  readonly powerPriceUsdPerKwh: UsdPerKwh;
}

/** Options of {@linkcode costPerBtc}. */
export interface CostPerBtcOptions extends PowerCostOptions {
  /**
   * Share of revenue the pool keeps, in [0, 1).
   *
   * @default 0
   */
  readonly poolFee?: number;
  /** Share of the time the installed hashrate runs, in (0, 1]. Power is paid only while it
   * runs. Default 1. */
  readonly uptime?: number;
  /** Cash costs other than power (staff, hosting, repairs, site SG&A) per installed PH/s per
   * day, paid whether or not the machines run. Default 0. */
  readonly otherCashCostUsdPerPhDay?: number;
  /** Depreciation of miners and site per installed PH/s per day, in the all-in cost only.
   * Default 0. */
  readonly depreciationUsdPerPhDay?: number;
}

/** The cost per BTC and its parts, per installed PH/s per day. */
export interface CostPerBtc {
  /** BTC earned per installed PH/s per day: hashprice × uptime × (1 − pool fee). */
  readonly btcPerPhDay: BtcPerPhDay;
  /** Power cost per installed PH/s per day (hashcost × uptime). */
  readonly powerCostUsdPerPhDay: UsdPerPhDay;
  /** Power plus other cash costs per installed PH/s per day: the "cash hash cost". */
  readonly cashCostUsdPerPhDay: UsdPerPhDay;
  /** Power cost of one BTC. */
  readonly powerCostUsd: Usd;
  /** Cash cost of one BTC: power and other cash costs. */
  readonly cashCostUsd: Usd;
  /** All-in cost of one BTC: cash cost plus depreciation. */
  readonly allInCostUsd: Usd;
}

/**
 * Cost to mine one BTC: cost per installed PH/s per day ÷ BTC earned per installed PH/s per day.
 *
 * @example An S21 fleet at 4¢/kWh, 0.0005 BTC/PH/day, 2% pool fee, 95% uptime
 * ```ts
 * import { costPerBtc } from "./cost_per_btc.ts";
 * import { jPerTh } from "../units/efficiency.ts";
 * import { btcPerPhDay, usdPerKwh } from "../units/prices.ts";
 * import assert from "node:assert/strict";
 *
 * const cost = costPerBtc(
 *   { btcHashprice: btcPerPhDay(0.0005), efficiency: jPerTh(17.5), powerPriceUsdPerKwh: usdPerKwh(0.04) },
 *   { poolFee: 0.02, uptime: 0.95, otherCashCostUsdPerPhDay: 5, depreciationUsdPerPhDay: 12 },
 * );
 * // power: $16.80 × 0.95 = $15.96 a day for 0.0005 × 0.95 × 0.98 = 0.0004655 BTC
 * assert.equal(Math.round(cost.powerCostUsd), 34_286);
 * assert.equal(Math.round(cost.cashCostUsd), 45_027); // + $5
 * assert.equal(Math.round(cost.allInCostUsd), 70_806); // + $12
 * assert.throws(() => costPerBtc({ btcHashprice: btcPerPhDay(0.0005), efficiency: jPerTh(17.5), powerPriceUsdPerKwh: usdPerKwh(0.04) }, { uptime: 1.5 }), /uptime: expected a fraction between 0 and 1, got 1.5/);
 * ```
 */
export function costPerBtc(inputs: CostPerBtcInputs, options: CostPerBtcOptions = {}): CostPerBtc {
  const uptime = uptimeValue("uptime", options.uptime ?? 1);
  const poolFee = poolFeeValue("poolFee", options.poolFee ?? 0);
  const other = nonNegative("otherCashCostUsdPerPhDay", options.otherCashCostUsdPerPhDay ?? 0);
  const depreciation = nonNegative(
    "depreciationUsdPerPhDay",
    options.depreciationUsdPerPhDay ?? 0,
  );
  const earned = positive("btcHashprice", inputs.btcHashprice) * uptime * (1 - poolFee);
  const power = hashcost(inputs, options) * uptime;
  const cash = power + other;
  return {
    btcPerPhDay: btcPerPhDay(earned),
    powerCostUsdPerPhDay: usdPerPhDay(power),
    cashCostUsdPerPhDay: usdPerPhDay(cash),
    powerCostUsd: usd(power / earned),
    cashCostUsd: usd(cash / earned),
    allInCostUsd: usd((cash + depreciation) / earned),
  };
}
