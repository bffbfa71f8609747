/**
 * One scenario for a pure miner: its fleet, share of the network, BTC mined, costs per BTC and
 * cash flows, month by month, for one BTC price path and one network hashrate path.
 *
 * Cash flows value every coin at the month's price as it is mined (what selling it all would
 * bring); what the company actually sells is the treasury's business (`simulateTreasury`).
 * Unless the company says otherwise (`switchOffAtLoss`), a model whose coins would not pay its
 * electricity in a month is switched off that month.
 *
 * @module
 */
import type { MonthlyValues } from "../site/site_plan.ts";
import { positive } from "../units/checks.ts";
import { type CheckedCompany, checkMinerCompany, type MinerCompany } from "./miner_company.ts";
import type { FleetSchedule } from "./fleet_schedule.ts";
import {
  type MinerProduction,
  minerProduction,
  networkIssuance,
  type NetworkIssuanceOptions,
} from "./production.ts";
import { modelsRunning, runningFleet } from "./_running_fleet.ts";
import { type UnitCosts, unitCosts } from "./unit_costs.ts";
import { monthlySeries } from "./_monthly.ts";

/** Inputs of {@linkcode projectMiner}. */
export interface MinerProjectionInputs {
  /** The company. */
  readonly company: MinerCompany;
  /** BTC price, USD: one value or one per month (e.g. one path of `gbmPaths`). */
  readonly btcPriceUsd: MonthlyValues;
  /** Network hashrate, TH/s: one value or one per month (e.g. one path of `hashratePaths`). */
  readonly networkHashrateThs: MonthlyValues;
}

/** Result of {@linkcode projectMiner}; series have one value per month. */
export interface MinerProjection {
  /** Months projected. */
  readonly months: number;
  /** The checked company (fleet schedule, costs, opening balance sheet). */
  readonly company: CheckedCompany;
  /** The fleet month by month. */
  readonly fleet: FleetSchedule;
  /** Share of the network and BTC mined. */
  readonly production: MinerProduction;
  /** Costs and costs per BTC. */
  readonly costs: UnitCosts;
  /** BTC price, USD. */
  readonly btcPriceUsd: Float64Array;
  /** Hashrate of the machines switched on (see `switchOffAtLoss`), TH/s. */
  readonly runningThs: Float64Array;
  /** Power of the machines switched on, W. */
  readonly runningPowerW: Float64Array;
  /** Hashrate hashing: running × uptime, TH/s. */
  readonly operatingThs: Float64Array;
  /** BTC received after the pool fee. */
  readonly btcReceived: Float64Array;
  /** BTC mined × price, USD. */
  readonly revenueUsd: Float64Array;
  /** Costs paid in dollars: power, hosting, SG&A. */
  readonly cashExpensesUsd: Float64Array;
  /** All-in cost per BTC mined (`Infinity` when none is mined). */
  readonly allInCostPerBtc: Float64Array;
  /** Revenue − cash cost (after SG&A), USD. */
  readonly ebitdaUsd: Float64Array;
  /** Machine purchases, USD. */
  readonly capexUsd: Float64Array;
  /** EBITDA − capex, USD. */
  readonly cashFlowUsd: Float64Array;
}

/**
 * Projects a pure miner for one price and network scenario.
 *
 * @example 20,000 S21 (4 EH/s) on a flat 1,000 EH/s network at $100k: 0.4% of issuance
 * ```ts
 * import { projectMiner } from "./miner_projection.ts";
 * import { ehs, grossMw, jPerTh, ths } from "../units/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const company = {
 *   grossPower: grossMw(100), startHeight: 952_053, feesBtcPerBlock: 0,
 *   costs: { powerPrice: 0.04, pue: 1.1, poolFee: 0, hostingUsdPerMwMonth: 0, sgaUsdPerMonth: 0 },
 *   fleet: { horizonMonths: 36, deliveryLagMonths: 3, depreciationMonths: 36,
 *     models: [{ name: "S21", hashrate: ths(200), efficiency: jPerTh(17.5) }],
 *     installed: [{ model: "S21", units: 20_000 }] },
 * };
 * const p = projectMiner({ company, btcPriceUsd: 100_000, networkHashrateThs: ehs(1_000) });
 * assert.equal(p.production.btcMined[0], 0.004 * 4_380 * 3.125); // 54.75 BTC
 * assert.equal(p.production.btcMined[30], 0.004 * 4_380 * 1.5625); // after the 2028 halving
 * // Power: 70 MW × 1.1 × 730 h × $40/MWh = $2.2484M a month.
 * assert.ok(Math.abs(p.ebitdaUsd[0]! - (54.75 * 100_000 - 2_248_400)) < 1e-6);
 * ```
 */
export function projectMiner(
  inputs: MinerProjectionInputs,
  options: NetworkIssuanceOptions = {},
): MinerProjection {
  const company = checkMinerCompany(inputs.company);
  const { months, fleet } = company;
  const price = monthlySeries("btcPriceUsd", inputs.btcPriceUsd, months, positive);
  const network = monthlySeries("networkHashrateThs", inputs.networkHashrateThs, months, positive);
  const issuance = networkIssuance(
    { startHeight: inputs.company.startHeight, months, feesBtcPerBlock: company.feesBtcPerBlock },
    options,
  );
  const running = runningFleet(fleet, company.costs, issuance.issuanceBtc, company.switchOffAtLoss);
  const runningThs = new Float64Array(months);
  const runningPowerW = new Float64Array(months);
  for (let m = 0; m < months; m++) {
    const k = modelsRunning(running, m, price[m]! / network[m]!);
    runningThs[m] = running.cumulativeThs[m * (running.models + 1) + k]!;
    runningPowerW[m] = running.cumulativeW[m * (running.models + 1) + k]!;
  }
  const operatingThs = runningThs.map((ths) => ths * company.costs.uptime);
  const production = minerProduction({
    hashrateThs: operatingThs,
    networkHashrateThs: network,
    startHeight: inputs.company.startHeight,
    feesBtcPerBlock: company.feesBtcPerBlock,
  }, options);
  const costs = unitCosts({
    btcMined: production.btcMined,
    btcPriceUsd: price,
    powerW: fleet.powerW,
    runningPowerW,
    depreciationUsd: fleet.depreciationUsd,
  }, inputs.company.costs);
  const series = () => new Float64Array(months);
  const btcReceived = series();
  const revenueUsd = series();
  const ebitdaUsd = series();
  const cashFlowUsd = series();
  for (let m = 0; m < months; m++) {
    btcReceived[m] = production.btcMined[m]! * (1 - company.costs.poolFee);
    revenueUsd[m] = production.btcMined[m]! * price[m]!;
    ebitdaUsd[m] = revenueUsd[m]! - costs.cashCostUsd[m]!;
    cashFlowUsd[m] = ebitdaUsd[m]! - fleet.capexUsd[m]!;
  }
  return {
    months,
    company,
    fleet,
    production,
    costs,
    btcPriceUsd: price,
    runningThs,
    runningPowerW,
    operatingThs,
    btcReceived,
    revenueUsd,
    cashExpensesUsd: costs.cashExpensesUsd,
    allInCostPerBtc: costs.allInCostPerBtc,
    ebitdaUsd,
    capexUsd: fleet.capexUsd,
    cashFlowUsd,
  };
}
