/**
 * A miner's costs month by month and per BTC mined: power, pool fee, hosting, SG&A and
 * depreciation, giving the cash cost and the all-in cost per BTC — the industry's measures
 * (CoinShares' cash and all-in costs [S65b], Core Scientific's direct cash cost [S13]) and
 * those of `costPerBtc` in lib/mining, here for a fleet that changes month by month.
 *
 * Per month: power = running miner W × uptime × PUE × 730 h × (price + tax); pool fee = fee ×
 * BTC mined × BTC price (the pool keeps that share of the coins); hosting = (running miner W +
 * switched-off W × `hostingWhileOff`) × PUE (gross MW) × USD per MW-month; SG&A as given; depreciation from the fleet schedule. Cash cost =
 * power + pool fee + hosting + SG&A; all-in = cash + depreciation.
 *
 * @module
 */
import type { MonthlyValues } from "../site/site_plan.ts";
import { fraction, nonNegative, positive, pueValue } from "../units/checks.ts";
import { HOURS_PER_YEAR } from "../units/prices.ts";
import { checkSeries, monthlySeries } from "./_monthly.ts";

/**
 * Hours in an average month (8,760 ÷ 12), as in lib/site.
 *
 * @example
 * ```ts
 * import { HOURS_PER_MONTH } from "./unit_costs.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(HOURS_PER_MONTH, 730);
 * ```
 */
export const HOURS_PER_MONTH = HOURS_PER_YEAR / 12;

/** A miner's cost assumptions. Every real-world figure is the analyst's: no cited default. */
export interface MiningCosts {
  /** Electricity price before tax, USD/kWh: one value or one per month (Core Scientific ~4¢
   * in 2024 [S13]; Riot 3.4¢ net of credits in 2024 [S66]). */
  readonly powerPrice: MonthlyValues;
  /** Tax on mining electricity, USD/kWh (e.g. `IMF_MINING_TAX.direct`). Default 0: no tax. */
  readonly taxUsdPerKwh?: number;
  /** Mining PUE (gross ÷ miner power) ≥ 1: typically 1.20–1.50 air-cooled and 1.03–1.10
   * immersion [S53]. Required. */
  readonly pue: number;
  /** Share of the coins the pool keeps, in [0, 1). Required: no public source cited in the
   * project gives a pool fee. */
  readonly poolFee: number;
  /** Hosting fees or own-site operating costs (staff, repairs), USD per gross MW of mining
   * load (miner W × PUE) per month. Required: no public source cited in the project gives one. */
  readonly hostingUsdPerMwMonth: number;
  /** Share of the hosting cost still paid for machines switched off, 0–1. Default 1: paid on
   * every installed MW, as an own site's fixed costs are; 0 for a fee on MW hashing. */
  readonly hostingWhileOff?: number;
  /** Selling, general and administrative costs, USD per month. Required: no cited figure. */
  readonly sgaUsdPerMonth: number;
  /** Share of the time installed machines hash, in (0, 1]. Power is paid only while they run.
   * Default 1. */
  readonly uptime?: number;
}

/** Inputs of {@linkcode unitCosts}: series of one value per month. */
export interface UnitCostInputs {
  /** BTC mined before the pool fee (`minerProduction().btcMined`). */
  readonly btcMined: ArrayLike<number>;
  /** BTC price, USD: one value or one per month. */
  readonly btcPriceUsd: MonthlyValues;
  /** Power of the installed machines at the plug, W (`fleetSchedule().powerW`): the basis of
   * hosting, and of electricity unless `runningPowerW` is given. */
  readonly powerW: ArrayLike<number>;
  /** Power of the machines switched on, W (e.g. `projectMiner().runningPowerW`). Default
   * `powerW`: every machine runs. */
  readonly runningPowerW?: ArrayLike<number>;
  /** Depreciation, USD (`fleetSchedule().depreciationUsd`). */
  readonly depreciationUsd: ArrayLike<number>;
}

/** Result of {@linkcode unitCosts}. Costs per BTC are `Infinity` in a month that mines none. */
export interface UnitCosts {
  /** Electricity and tax, USD per month. */
  readonly powerUsd: Float64Array;
  /** Pool fee, USD per month. */
  readonly poolFeeUsd: Float64Array;
  /** Hosting or site costs, USD per month. */
  readonly hostingUsd: Float64Array;
  /** SG&A, USD per month. */
  readonly sgaUsd: Float64Array;
  /** Depreciation, USD per month. */
  readonly depreciationUsd: Float64Array;
  /** Costs paid in dollars: power + hosting + SG&A (the pool fee is kept in coins). */
  readonly cashExpensesUsd: Float64Array;
  /** Power + pool fee + hosting + SG&A, USD per month. */
  readonly cashCostUsd: Float64Array;
  /** Cash cost + depreciation, USD per month. */
  readonly allInCostUsd: Float64Array;
  /** Power cost per BTC mined. */
  readonly powerPerBtc: Float64Array;
  /** Pool fee per BTC mined (fee × price). */
  readonly poolFeePerBtc: Float64Array;
  /** Hosting per BTC mined. */
  readonly hostingPerBtc: Float64Array;
  /** SG&A per BTC mined. */
  readonly sgaPerBtc: Float64Array;
  /** Depreciation per BTC mined. */
  readonly depreciationPerBtc: Float64Array;
  /** Cash cost per BTC mined. */
  readonly cashCostPerBtc: Float64Array;
  /** All-in cost per BTC mined. */
  readonly allInCostPerBtc: Float64Array;
  /** Over the whole projection: Σ cash cost ÷ Σ BTC mined. */
  readonly periodCashCostPerBtc: number;
  /** Over the whole projection: Σ all-in cost ÷ Σ BTC mined. */
  readonly periodAllInCostPerBtc: number;
}

/** The checked cost assumptions, with the power price per month. */
export interface CheckedCosts {
  /** Power + tax, USD/kWh, per month. */
  readonly powerUsdPerKwh: Float64Array;
  /** PUE. */
  readonly pue: number;
  /** Pool fee. */
  readonly poolFee: number;
  /** Hosting, USD per gross MW-month. */
  readonly hosting: number;
  /** Share of hosting paid for machines switched off. */
  readonly hostingWhileOff: number;
  /** SG&A, USD per month. */
  readonly sga: number;
  /** Uptime. */
  readonly uptime: number;
}

/**
 * Validates cost assumptions for `months` months, naming the field (and month) of a bad one.
 *
 * @example
 * ```ts
 * import { checkMiningCosts } from "./unit_costs.ts";
 * import assert from "node:assert/strict";
 *
 * const costs = { powerPrice: 0.04, pue: 1.1, poolFee: 0.02, hostingUsdPerMwMonth: 5_000, sgaUsdPerMonth: 1e6 };
 * assert.equal(checkMiningCosts(costs, 12).powerUsdPerKwh[11], 0.04);
 * assert.throws(() => checkMiningCosts({ ...costs, powerPrice: [0.04, -0.01] }, 2),
 *   /Cannot use powerPrice in month 1: expected a value >= 0, got -0.01/);
 * ```
 */
export function checkMiningCosts(costs: MiningCosts, months: number): CheckedCosts {
  const tax = nonNegative("taxUsdPerKwh", costs.taxUsdPerKwh ?? 0);
  const power = monthlySeries("powerPrice", costs.powerPrice, months, nonNegative);
  for (let m = 0; m < months; m++) power[m]! += tax;
  const poolFee = fraction("poolFee", costs.poolFee);
  if (poolFee === 1) {
    throw new RangeError("Cannot use poolFee: expected a fee in [0, 1), got 1");
  }
  const uptime = fraction("uptime", costs.uptime ?? 1);
  if (uptime === 0) throw new RangeError("Cannot use uptime: expected a fraction in (0, 1], got 0");
  return {
    powerUsdPerKwh: power,
    pue: pueValue("pue", costs.pue),
    poolFee,
    hosting: nonNegative("hostingUsdPerMwMonth", costs.hostingUsdPerMwMonth),
    hostingWhileOff: fraction("hostingWhileOff", costs.hostingWhileOff ?? 1),
    sga: nonNegative("sgaUsdPerMonth", costs.sgaUsdPerMonth),
    uptime,
  };
}

/**
 * Monthly costs and costs per BTC mined.
 *
 * @example 10 MW of miners mining 10 BTC in a month at $100k (checked by hand)
 * ```ts
 * import { unitCosts } from "./unit_costs.ts";
 * import assert from "node:assert/strict";
 *
 * const c = unitCosts(
 *   { btcMined: [10], btcPriceUsd: 100_000, powerW: [10e6], depreciationUsd: [200_000] },
 *   { powerPrice: 0.04, pue: 1.1, poolFee: 0.02, hostingUsdPerMwMonth: 5_000, sgaUsdPerMonth: 100_000 },
 * );
 * // power: 10,000 kW × 1.1 × 730 h × $0.04 = $321,200; pool fee 2% × 10 × $100k = $20,000;
 * // hosting 11 MW × $5,000 = $55,000; SG&A $100,000 → cash $496,200; all-in $696,200.
 * assert.ok(Math.abs(c.cashCostPerBtc[0]! - 49_620) < 1e-6);
 * assert.ok(Math.abs(c.allInCostPerBtc[0]! - 69_620) < 1e-6);
 * ```
 */
export function unitCosts(inputs: UnitCostInputs, costs: MiningCosts): UnitCosts {
  const months = inputs.powerW?.length ?? 0;
  if (months === 0) throw new RangeError("Cannot use powerW: expected monthly values, got none");
  checkSeries("powerW", inputs.powerW, months, nonNegative);
  const running = inputs.runningPowerW ?? inputs.powerW;
  checkSeries("runningPowerW", running, months, nonNegative);
  checkSeries("btcMined", inputs.btcMined, months, nonNegative);
  checkSeries("depreciationUsd", inputs.depreciationUsd, months, nonNegative);
  const price = monthlySeries("btcPriceUsd", inputs.btcPriceUsd, months, positive);
  const c = checkMiningCosts(costs, months);
  const series = () => new Float64Array(months);
  const out = {
    powerUsd: series(),
    poolFeeUsd: series(),
    hostingUsd: series(),
    sgaUsd: series(),
    depreciationUsd: series(),
    cashExpensesUsd: series(),
    cashCostUsd: series(),
    allInCostUsd: series(),
    powerPerBtc: series(),
    poolFeePerBtc: series(),
    hostingPerBtc: series(),
    sgaPerBtc: series(),
    depreciationPerBtc: series(),
    cashCostPerBtc: series(),
    allInCostPerBtc: series(),
  };
  let totalBtc = 0;
  let totalCash = 0;
  let totalAllIn = 0;
  const perBtc = (cost: number, btc: number) => (btc > 0 ? cost / btc : Infinity);
  for (let m = 0; m < months; m++) {
    const grossKw = (inputs.powerW[m]! / 1000) * c.pue;
    const btc = inputs.btcMined[m]!;
    const runningKw = (running[m]! / 1000) * c.pue;
    const power = runningKw * c.uptime * HOURS_PER_MONTH * c.powerUsdPerKwh[m]!;
    const pool = c.poolFee * btc * price[m]!;
    const hostedKw = runningKw + (grossKw - runningKw) * c.hostingWhileOff;
    const hosting = (hostedKw / 1000) * c.hosting;
    const dep = inputs.depreciationUsd[m]!;
    const cash = power + pool + hosting + c.sga;
    out.powerUsd[m] = power;
    out.poolFeeUsd[m] = pool;
    out.hostingUsd[m] = hosting;
    out.sgaUsd[m] = c.sga;
    out.depreciationUsd[m] = dep;
    out.cashExpensesUsd[m] = power + hosting + c.sga;
    out.cashCostUsd[m] = cash;
    out.allInCostUsd[m] = cash + dep;
    out.powerPerBtc[m] = perBtc(power, btc);
    out.poolFeePerBtc[m] = btc > 0 ? c.poolFee * price[m]! : Infinity;
    out.hostingPerBtc[m] = perBtc(hosting, btc);
    out.sgaPerBtc[m] = perBtc(c.sga, btc);
    out.depreciationPerBtc[m] = perBtc(dep, btc);
    out.cashCostPerBtc[m] = perBtc(cash, btc);
    out.allInCostPerBtc[m] = perBtc(cash + dep, btc);
    totalBtc += btc;
    totalCash += cash;
    totalAllIn += cash + dep;
  }
  return {
    ...out,
    periodCashCostPerBtc: perBtc(totalCash, totalBtc),
    periodAllInCostPerBtc: perBtc(totalAllIn, totalBtc),
  };
}
