/**
 * Mining revenue and gross margin per megawatt-year (F4, F5), the unit that compares
 * self-mining with leasing the same megawatt to an AI tenant. "Miner MW" is the machines' own
 * draw; a facility ("gross") MW carries 1 ÷ PUE miner MW.
 *
 * @module
 */
import { positive } from "../units/checks.ts";
import { type Efficiency, hashrateFor } from "../units/efficiency.ts";
import { mw } from "../units/power.ts";
import {
  DAYS_PER_YEAR,
  HOURS_PER_YEAR,
  type UsdPerKwh,
  type UsdPerMwYear,
  usdPerMwYear,
  type UsdPerPhDay,
} from "../units/prices.ts";
import { allInPrice, type PowerCostOptions, pueOf } from "./_inputs.ts";

/** Inputs of {@linkcode miningPerMw}. */
export interface MiningPerMwInputs {
  /** USD hashprice. */
  readonly hashprice: UsdPerPhDay;
  /** Miner efficiency, J/TH. */
  readonly efficiency: Efficiency;
  /** Electricity price before any tax. */
  readonly powerPriceUsdPerKwh: UsdPerKwh;
}

/** Result of {@linkcode miningPerMw}. */
export interface MiningPerMw {
  /** PH/s per miner MW: 1e6 ÷ η ÷ 1000 (F4). */
  readonly phPerMw: number;
  /** Revenue per miner MW-year: HP × PH/MW × 365 (F4). */
  readonly revenuePerMinerMwYear: UsdPerMwYear;
  /** Revenue per facility MW-year: the above ÷ PUE (F4). */
  readonly revenuePerGrossMwYear: UsdPerMwYear;
  /** Power cost per miner MW-year: 8,760 MWh × (p + tax) × PUE (F5). */
  readonly powerCostPerMinerMwYear: UsdPerMwYear;
  /** Gross margin per miner MW-year: revenue − power cost (F5). */
  readonly grossMarginPerMinerMwYear: UsdPerMwYear;
  /** Gross margin per facility MW-year: the above ÷ PUE. */
  readonly grossMarginPerGrossMwYear: UsdPerMwYear;
}

/**
 * Revenue and gross margin per MW-year of miners running all year (F4, F5). As in F5, pool fees,
 * downtime, curtailment credits, depreciation and SG&A are left out; use
 * {@linkcode asicEconomics} for those.
 *
 * @example S21 (17.5 J/TH) at $45/PH/day and 3.5¢/kWh: $0.94M revenue, $0.31M power per MW-year
 * ```ts
 * import { miningPerMw } from "./mining_per_mw.ts";
 * import { jPerTh } from "../units/efficiency.ts";
 * import { usdPerKwh, usdPerPhDay } from "../units/prices.ts";
 * import assert from "node:assert/strict";
 *
 * const s21 = miningPerMw({ hashprice: usdPerPhDay(45), efficiency: jPerTh(17.5), powerPriceUsdPerKwh: usdPerKwh(0.035) });
 * assert.equal(s21.phPerMw.toFixed(2), "57.14");
 * assert.equal((s21.revenuePerMinerMwYear / 1e6).toFixed(3), "0.939");
 * assert.equal((s21.powerCostPerMinerMwYear / 1e6).toFixed(3), "0.307");
 * assert.equal((s21.grossMarginPerMinerMwYear / 1e6).toFixed(3), "0.632");
 * ```
 */
export function miningPerMw(
  inputs: MiningPerMwInputs,
  options: PowerCostOptions = {},
): MiningPerMw {
  const pue = pueOf(options);
  const pricePerKwh = allInPrice(inputs.powerPriceUsdPerKwh, options);
  const phPerMw = hashrateFor(mw(1), inputs.efficiency) / 1000;
  const revenue = positive("hashprice", inputs.hashprice) * phPerMw * DAYS_PER_YEAR;
  // 8,760 MWh = 8,760,000 kWh per MW-year.
  const powerCost = HOURS_PER_YEAR * 1000 * pricePerKwh * pue;
  const margin = revenue - powerCost;
  return {
    phPerMw,
    revenuePerMinerMwYear: usdPerMwYear(revenue),
    revenuePerGrossMwYear: usdPerMwYear(revenue / pue),
    powerCostPerMinerMwYear: usdPerMwYear(powerCost),
    grossMarginPerMinerMwYear: usdPerMwYear(margin),
    grossMarginPerGrossMwYear: usdPerMwYear(margin / pue),
  };
}
