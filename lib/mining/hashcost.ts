/**
 * Hashcost (F3): the power cost of running 1 PH/s for a day, and the breakevens that
 * follow by setting it equal to hashprice: the power price, the BTC price and the efficiency at
 * which mining just pays for its electricity. 1 PH/s at η J/TH draws η kW (1,000 TH/s × η W per
 * TH/s), so it uses 24 × η kWh a day.
 *
 * @module
 */
import { positive } from "../units/checks.ts";
import { type Efficiency, jPerTh } from "../units/efficiency.ts";
import { type Usd, usd } from "../units/money.ts";
import type { BtcPerPhDay, UsdPerKwh, UsdPerPhDay } from "../units/prices.ts";
import { usdPerPhDay } from "../units/prices.ts";
import { allInPrice, poolFeeValue, type PowerCostOptions, pueOf, taxOf } from "./_inputs.ts";

export type { PowerCostOptions } from "./_inputs.ts";

/** Hours in a day: 1 PH/s at η J/TH uses 24 × η kWh a day. */
const HOURS_PER_DAY = 24;

/** Inputs of {@linkcode hashcost}. */
export interface HashcostInputs {
  /** Miner efficiency, J/TH. */
  readonly efficiency: Efficiency;
  /** Electricity price before any tax. */
  readonly powerPriceUsdPerKwh: UsdPerKwh;
}

/**
 * Power cost per PH/s per day: 24 × η × (p + tax) × PUE (F3).
 *
 * @example An S21 (17.5 J/TH) at 4¢/kWh costs $16.80 per PH/s per day
 * ```ts
 * import { hashcost } from "./hashcost.ts";
 * import { jPerTh } from "../units/efficiency.ts";
 * import { usdPerKwh } from "../units/prices.ts";
 * import assert from "node:assert/strict";
 *
 * const inputs = { efficiency: jPerTh(17.5), powerPriceUsdPerKwh: usdPerKwh(0.04) };
 * assert.equal(hashcost(inputs).toFixed(2), "16.80");
 * assert.equal(hashcost(inputs, { pue: 1.1 }).toFixed(2), "18.48");
 * assert.throws(() => hashcost(inputs, { pue: 0.9 }), /pue: expected a PUE >= 1, got 0.9/);
 * ```
 */
export function hashcost(inputs: HashcostInputs, options: PowerCostOptions = {}): UsdPerPhDay {
  const price = allInPrice(inputs.powerPriceUsdPerKwh, options);
  return usdPerPhDay(
    HOURS_PER_DAY * positive("efficiency", inputs.efficiency) * price * pueOf(options),
  );
}

/** Options of the breakeven functions: power options plus the pool's fee. */
export interface BreakevenOptions extends PowerCostOptions {
  /** Share of revenue the pool keeps, in [0, 1). Default 0 (revenue at full hashprice). */
  readonly poolFee?: number;
}

/** Inputs of {@linkcode breakevenPowerPrice}. */
export interface BreakevenPowerPriceInputs {
  /** USD hashprice. */
  readonly hashprice: UsdPerPhDay;
  /** Miner efficiency, J/TH. */
  readonly efficiency: Efficiency;
}

/**
 * The power price at which revenue equals power cost: p* = HP × (1 − pool fee) ÷ (24 × η ×
 * PUE) − tax (F3). It is the price before tax; negative when the tax alone exceeds revenue.
 *
 * @example At $45/PH/day an S21 breaks even at 10.7¢/kWh, an S19 (34.2 J/TH) at 5.5¢
 * ```ts
 * import { breakevenPowerPrice } from "./hashcost.ts";
 * import { jPerTh } from "../units/efficiency.ts";
 * import { usdPerPhDay } from "../units/prices.ts";
 * import assert from "node:assert/strict";
 *
 * const hashprice = usdPerPhDay(45);
 * assert.equal(breakevenPowerPrice({ hashprice, efficiency: jPerTh(17.5) }).toFixed(4), "0.1071");
 * assert.equal(breakevenPowerPrice({ hashprice, efficiency: jPerTh(34.2) }).toFixed(4), "0.0548");
 * ```
 */
export function breakevenPowerPrice(
  inputs: BreakevenPowerPriceInputs,
  options: BreakevenOptions = {},
): UsdPerKwh {
  const revenue = positive("hashprice", inputs.hashprice) *
    (1 - poolFeeValue("poolFee", options.poolFee ?? 0));
  const perKwh = revenue /
    (HOURS_PER_DAY * positive("efficiency", inputs.efficiency) * pueOf(options));
  return (perKwh - taxOf(options)) as UsdPerKwh;
}

/** Inputs of {@linkcode breakevenBtcPrice}. */
export interface BreakevenBtcPriceInputs extends HashcostInputs {
  /** BTC hashprice: BTC earned per PH/s per day. */
  readonly btcHashprice: BtcPerPhDay;
}

/**
 * The BTC price at which revenue equals power cost: hashcost ÷ (BTC hashprice × (1 − pool fee)).
 *
 * @example An S21 at 4¢/kWh earning 0.0005 BTC/PH/day needs BTC at $33,600
 * ```ts
 * import { breakevenBtcPrice } from "./hashcost.ts";
 * import { jPerTh } from "../units/efficiency.ts";
 * import { btcPerPhDay, usdPerKwh } from "../units/prices.ts";
 * import assert from "node:assert/strict";
 *
 * const price = breakevenBtcPrice({
 *   btcHashprice: btcPerPhDay(0.0005),
 *   efficiency: jPerTh(17.5),
 *   powerPriceUsdPerKwh: usdPerKwh(0.04),
 * });
 * assert.equal(Math.round(price), 33_600); // $16.80 ÷ 0.0005 BTC
 * ```
 */
export function breakevenBtcPrice(
  inputs: BreakevenBtcPriceInputs,
  options: BreakevenOptions = {},
): Usd {
  const cost = hashcost(inputs, options);
  const btcEarned = positive("btcHashprice", inputs.btcHashprice) *
    (1 - poolFeeValue("poolFee", options.poolFee ?? 0));
  return usd(cost / btcEarned);
}

/** Inputs of {@linkcode breakevenEfficiency}. */
export interface BreakevenEfficiencyInputs {
  /** USD hashprice. */
  readonly hashprice: UsdPerPhDay;
  /** Electricity price before any tax; with the tax it must be above 0. */
  readonly powerPriceUsdPerKwh: UsdPerKwh;
}

/**
 * The least efficient machine (highest J/TH) that still covers its power at a price:
 * η* = HP × (1 − pool fee) ÷ (24 × (p + tax) × PUE). From F3: a machine is profitable when
 * 24 × η × p × PUE ≤ HP, i.e. η ≤ η*.
 *
 * @example At $45/PH/day and 5¢/kWh, machines up to 37.5 J/TH cover their power
 * ```ts
 * import { breakevenEfficiency } from "./hashcost.ts";
 * import { usdPerKwh, usdPerPhDay } from "../units/prices.ts";
 * import assert from "node:assert/strict";
 *
 * const eff = breakevenEfficiency({ hashprice: usdPerPhDay(45), powerPriceUsdPerKwh: usdPerKwh(0.05) });
 * assert.equal(eff.toFixed(1), "37.5");
 * assert.throws(() => breakevenEfficiency({ hashprice: usdPerPhDay(45), powerPriceUsdPerKwh: usdPerKwh(0) }), /powerPriceUsdPerKwh/);
 * ```
 */
export function breakevenEfficiency(
  inputs: BreakevenEfficiencyInputs,
  options: BreakevenOptions = {},
): Efficiency {
  const price = positive(
    "powerPriceUsdPerKwh + tax",
    allInPrice(inputs.powerPriceUsdPerKwh, options),
  );
  const revenue = positive("hashprice", inputs.hashprice) *
    (1 - poolFeeValue("poolFee", options.poolFee ?? 0));
  return jPerTh(revenue / (HOURS_PER_DAY * price * pueOf(options)));
}
