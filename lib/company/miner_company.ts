/**
 * A pure Bitcoin miner as a company: a grid connection, a fleet plan, cost assumptions, where
 * the chain stands (block height, fees) and an opening balance sheet. Plain data;
 * {@linkcode checkMinerCompany} validates it and checks that the fleet fits the connection
 * every month.
 *
 * @module
 */
import type { MonthlyValues } from "../site/site_plan.ts";
import { nonNegative, positive, wholeNumber } from "../units/checks.ts";
import type { Btc, Usd } from "../units/money.ts";
import type { GrossPower } from "../units/power.ts";
import type { FleetPlan } from "./fleet_plan.ts";
import { type FleetSchedule, fleetSchedule } from "./fleet_schedule.ts";
import { type CheckedCosts, checkMiningCosts, type MiningCosts } from "./unit_costs.ts";
import { inMonth, monthlySeries } from "./_monthly.ts";

/** Opening balance sheet. */
export interface BalanceSheet {
  /**
   * BTC held.
   *
   * @default 0
   */
  readonly btc?: Btc;
  /**
   * Cash, USD.
   *
   * @default 0
   */
  readonly cashUsd?: Usd;
  /**
   * Debt, USD.
   *
   * @default 0
   */
  readonly debtUsd?: Usd;
}

/** A miner as a company. The projection runs `fleet.horizonMonths` months from month 0. */
export interface MinerCompany {
  /** Grid connection, gross W (use `grossMw`). The fleet's W × PUE must fit every month. */
  readonly grossPower: GrossPower;
  /** Machines: installed, bought, retired. */
  readonly fleet: FleetPlan;
  /** Power, pool fee, hosting, SG&A, uptime. */
  readonly costs: MiningCosts;
  /** Block height at the start of month 0 (e.g. `height_end` of `loadBtcDaily()`'s last day). */
  readonly startHeight: number;
  /** Transaction fees per block, BTC: one value or one per month (e.g. a trailing average of
   * `fees_btc ÷ blocks` from the snapshot, see `trailingFeesPerBlock`). */
  readonly feesBtcPerBlock: MonthlyValues;
  /** Opening balance sheet. Default: nothing held, no debt. */
  readonly balanceSheet?: BalanceSheet;
  /** Switch off a model's machines in months when the coins they would mine (after the pool
   * fee) are worth less than their electricity, as operators do; hosting and SG&A are still
   * paid. Default true. */
  readonly switchOffAtLoss?: boolean;
}

/** A company's checked parts. */
export interface CheckedCompany {
  /** Months projected. */
  readonly months: number;
  /** The fleet month by month. */
  readonly fleet: FleetSchedule;
  /** Checked cost assumptions. */
  readonly costs: CheckedCosts;
  /** Fees per block by month. */
  readonly feesBtcPerBlock: Float64Array;
  /** Whether uneconomic machines are switched off. */
  readonly switchOffAtLoss: boolean;
  /** Opening BTC, cash and debt. */
  readonly opening: { readonly btc: number; readonly cashUsd: number; readonly debtUsd: number };
}

/**
 * Validates a company and projects its fleet; throws naming the field, month and value, e.g.
 * when the fleet needs more power than the grid connection gives.
 *
 * @example 20,000 S21 (70 MW of miners × PUE 1.1 = 77 MW) do not fit 75 MW
 * ```ts
 * import { checkMinerCompany } from "./miner_company.ts";
 * import { grossMw, jPerTh, ths } from "../units/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const company = {
 *   grossPower: grossMw(100), startHeight: 952_053, feesBtcPerBlock: 0.03,
 *   costs: { powerPrice: 0.04, pue: 1.1, poolFee: 0.02, hostingUsdPerMwMonth: 5_000, sgaUsdPerMonth: 1e6 },
 *   fleet: { horizonMonths: 12, deliveryLagMonths: 3, depreciationMonths: 36,
 *     models: [{ name: "S21", hashrate: ths(200), efficiency: jPerTh(17.5) }],
 *     installed: [{ model: "S21", units: 20_000 }] },
 * };
 * assert.equal(checkMinerCompany(company).fleet.installedThs[0], 4_000_000);
 * assert.throws(() => checkMinerCompany({ ...company, grossPower: grossMw(75) }),
 *   /Cannot use fleet in month 0: expected at most 75 MW gross of miners at PUE 1.1, got 77 MW/);
 * ```
 */
export function checkMinerCompany(company: MinerCompany): CheckedCompany {
  const gross = positive("grossPower", company.grossPower);
  const fleet = fleetSchedule(company.fleet);
  const months = fleet.months;
  const costs = checkMiningCosts(company.costs, months);
  wholeNumber("startHeight", company.startHeight);
  const fees = monthlySeries("feesBtcPerBlock", company.feesBtcPerBlock, months, nonNegative);
  for (let m = 0; m < months; m++) {
    const needed = fleet.powerW[m]! * costs.pue;
    if (needed > gross * (1 + 1e-12)) {
      throw new RangeError(
        `Cannot use ${inMonth("fleet", m)}: expected at most ${gross / 1e6} MW gross of miners ` +
          `at PUE ${costs.pue}, got ${Number((needed / 1e6).toPrecision(12))} MW`,
      );
    }
  }
  const sheet = company.balanceSheet ?? {};
  const switchOff = company.switchOffAtLoss ?? true;
  if (typeof switchOff !== "boolean") {
    throw new TypeError(`Cannot use switchOffAtLoss: expected true or false, got ${switchOff}`);
  }
  return {
    switchOffAtLoss: switchOff,
    months,
    fleet,
    costs,
    feesBtcPerBlock: fees,
    opening: {
      btc: nonNegative("balanceSheet.btc", sheet.btc ?? 0),
      cashUsd: nonNegative("balanceSheet.cashUsd", sheet.cashUsd ?? 0),
      debtUsd: nonNegative("balanceSheet.debtUsd", sheet.debtUsd ?? 0),
    },
  };
}
