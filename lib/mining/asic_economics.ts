/**
 * Unit economics of one ASIC (or any block of identical ones) at a hashprice and power price:
 * revenue, power cost, margin per day and per year, and the power price at which it breaks even.
 *
 * @module
 */
import { finite, fraction, nonNegative, positive } from "../units/checks.ts";
import { type Efficiency, jPerTh } from "../units/efficiency.ts";
import { type Usd, usd } from "../units/money.ts";
import { type Power, w } from "../units/power.ts";
import { DAYS_PER_YEAR, type UsdPerKwh, type UsdPerPhDay } from "../units/prices.ts";
import {
  allInPrice,
  type AsicSpec,
  checkSpec,
  poolFeeValue,
  type PowerCostOptions,
  pueOf,
  taxOf,
  uptimeValue,
} from "./_inputs.ts";

export type { AsicSpec } from "./_inputs.ts";

/** Inputs of {@linkcode asicEconomics}. */
export type AsicEconomicsInputs = AsicSpec & {
  /** USD hashprice (gross of pool fee). */
  readonly hashprice: UsdPerPhDay;
  /** Electricity price before any tax. */
  readonly powerPriceUsdPerKwh: UsdPerKwh;
};

/** Demand-response curtailment: hours switched off, optionally paid for. */
export interface Curtailment {
  /** Share of the running hours switched off, in [0, 1). */
  readonly fraction: number;
  /** Paid per facility kWh not drawn (ERCOT credits, power sold back under a PPA). Default 0.
   * Riot reported $31.7M of such credits in Aug 2023 [S67]. */
  readonly creditUsdPerKwh?: number;
}

/** Options of {@linkcode asicEconomics}. */
export interface AsicEconomicsOptions extends PowerCostOptions {
  /**
   * Share of the time the machine is available, in (0, 1].
   *
   * @default 1
   */
  readonly uptime?: number;
  /**
   * Share of revenue the pool keeps, in [0, 1).
   *
   * @default 0
   */
  readonly poolFee?: number;
  /** Curtailment within the available hours. Default none. */
  readonly curtailment?: Curtailment;
}

/** Money flows over one period. */
export interface AsicFlows {
  /** Mining revenue after the pool fee. */
  readonly revenueUsd: Usd;
  /** Electricity cost, tax and PUE included. */
  readonly powerCostUsd: Usd;
  /** Curtailment credits. */
  readonly curtailmentCreditUsd: Usd;
  /** Revenue + credits − power cost. */
  readonly marginUsd: Usd;
}

/** Result of {@linkcode asicEconomics}. */
export interface AsicEconomics {
  /** The machine's efficiency (given, or power ÷ hashrate). */
  readonly efficiency: Efficiency;
  /** The machine's power draw at the plug (hashrate × efficiency). */
  readonly power: Power;
  /** Facility kWh a day: power × 24 h × running share × PUE. */
  readonly energyKwhPerDay: number;
  /** Flows per day. */
  readonly daily: AsicFlows;
  /** Flows per year (× 365). */
  readonly yearly: AsicFlows;
  /** Margin ÷ revenue. */
  readonly marginFraction: number;
  /** Power price before tax at which the margin is zero (negative if the tax alone sinks it). */
  readonly breakevenPowerPriceUsdPerKwh: UsdPerKwh;
}

/**
 * Revenue, power cost and margin of an ASIC. It runs `uptime × (1 − curtailment)` of the time;
 * revenue = hashprice × PH/s × running × (1 − pool fee); power = kW × 24 × running × PUE ×
 * (price + tax).
 *
 * @example An S21 (200 TH/s, 17.5 J/TH) at $45/PH/day and 5¢/kWh
 * ```ts
 * import { asicEconomics } from "./asic_economics.ts";
 * import { jPerTh } from "../units/efficiency.ts";
 * import { ths } from "../units/hashrate.ts";
 * import { w } from "../units/power.ts";
 * import { usdPerKwh, usdPerPhDay } from "../units/prices.ts";
 * import assert from "node:assert/strict";
 *
 * const s21 = asicEconomics({
 *   hashrate: ths(200),
 *   efficiency: jPerTh(17.5),
 *   hashprice: usdPerPhDay(45),
 *   powerPriceUsdPerKwh: usdPerKwh(0.05),
 * });
 * assert.equal(s21.power, 3500);
 * assert.equal(s21.daily.revenueUsd.toFixed(2), "9.00"); // 0.2 PH/s × $45
 * assert.equal(s21.daily.powerCostUsd.toFixed(2), "4.20"); // 84 kWh × 5¢
 * assert.equal(s21.yearly.marginUsd.toFixed(0), "1752");
 * assert.equal(s21.breakevenPowerPriceUsdPerKwh.toFixed(4), "0.1071");
 * assert.throws(() => asicEconomics({ hashrate: ths(200), power: w(3500), hashprice: usdPerPhDay(45), powerPriceUsdPerKwh: usdPerKwh(0.05) }, { poolFee: 1.2 }), /poolFee: expected a fraction between 0 and 1, got 1.2/);
 * ```
 */
export function asicEconomics(
  inputs: AsicEconomicsInputs,
  options: AsicEconomicsOptions = {},
): AsicEconomics {
  const { hashrate, efficiency } = checkSpec(inputs);
  const hashprice = positive("hashprice", inputs.hashprice);
  const pricePerKwh = allInPrice(inputs.powerPriceUsdPerKwh, options);
  const pue = pueOf(options);
  const uptime = uptimeValue("uptime", options.uptime ?? 1);
  const poolFee = poolFeeValue("poolFee", options.poolFee ?? 0);
  const curtailed = curtailedShare(options.curtailment);
  const credit = nonNegative(
    "curtailment.creditUsdPerKwh",
    options.curtailment?.creditUsdPerKwh ?? 0,
  );

  const powerW = hashrate * efficiency;
  const running = uptime * (1 - curtailed);
  const facilityKwhPerHour = (powerW / 1000) * pue;
  const revenue = hashprice * (hashrate / 1000) * running * (1 - poolFee);
  const energyKwh = facilityKwhPerHour * 24 * running;
  const powerCost = energyKwh * pricePerKwh;
  const creditUsd = facilityKwhPerHour * 24 * uptime * curtailed * credit;
  const margin = revenue + creditUsd - powerCost;
  const daily = flows(revenue, powerCost, creditUsd, margin, 1);
  return {
    efficiency: jPerTh(efficiency),
    power: w(powerW),
    energyKwhPerDay: energyKwh,
    daily,
    yearly: flows(revenue, powerCost, creditUsd, margin, DAYS_PER_YEAR),
    marginFraction: margin / revenue,
    breakevenPowerPriceUsdPerKwh: ((revenue + creditUsd) / energyKwh - taxOf(options)) as UsdPerKwh,
  };
}

function curtailedShare(curtailment: Curtailment | undefined): number {
  if (curtailment === undefined) return 0;
  const share = fraction("curtailment.fraction", curtailment.fraction);
  if (share === 1) {
    throw new RangeError(
      `Cannot use curtailment.fraction: expected a fraction in [0, 1), got ${share}`,
    );
  }
  return share;
}

function flows(
  revenue: number,
  powerCost: number,
  credit: number,
  margin: number,
  days: number,
): AsicFlows {
  return {
    revenueUsd: usd(finite("revenue", revenue) * days),
    powerCostUsd: usd(powerCost * days),
    curtailmentCreditUsd: usd(credit * days),
    marginUsd: usd(margin * days),
  };
}
