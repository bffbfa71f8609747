/**
 * The terms of one gross MW of mining that hold every month, read once from a plan's mining with
 * its defaults. `siteCashFlows` and the path form `siteNpvPaths` both take them from here, so the
 * two compute a month's margin from the same terms with the same operations (their results agree
 * to the last bit, which a test checks).
 *
 * @module
 */
import { siteHashrate } from "../units/efficiency.ts";
import { mw } from "../units/power.ts";
import { HOURS_PER_YEAR } from "../units/prices.ts";
import type { MiningPlan } from "./site_plan.ts";

/** Hours in an average month (8,760 ÷ 12). */
export const HOURS_PER_MONTH = HOURS_PER_YEAR / 12;
/** kWh a gross MW draws in an average month at full load. */
export const KWH_PER_GROSS_MW_MONTH = 1000 * HOURS_PER_MONTH;

/** One gross MW of mining, per month, before the hashprice. */
export interface MiningTerms {
  /** PH/s a gross MW runs (F4 ÷ PUE). */
  readonly phsPerGrossMw: number;
  /** Share of the month hashing: uptime less the curtailed share. */
  readonly running: number;
  /** Share of the reward kept after the pool fee. */
  readonly payout: number;
  /** kWh a gross MW draws while hashing. */
  readonly kwhDrawn: number;
  /** Tax on mining electricity, USD/kWh. */
  readonly tax: number;
  /** Power bill of a running MW, tax included, USD. */
  readonly powerPerMw: number;
  /** Credit for the curtailed hours, USD. */
  readonly creditPerMw: number;
  /** Other opex, USD. */
  readonly opexPerMw: number;
  /** Other opex that comes with hashing (0 when it is paid whether or not the MW runs). */
  readonly runningOpex: number;
  /** Whether a month that would lose money is switched off. */
  readonly switchOff: boolean;
  /** Whether the other opex is paid while switched off. */
  readonly opexWhileOff: boolean;
}

/**
 * The month-to-month terms of `mining`.
 *
 * @example 20 J/TH at PUE 1.1, no curtailment: 45.45 PH/s a gross MW and 730 MWh a month
 * ```ts
 * import { miningTerms } from "./_mining_terms.ts";
 * import { jPerTh, usdPerKwh } from "../units/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const t = miningTerms({ efficiency: jPerTh(20), pue: 1.1, hashprice: 45, powerPrice: usdPerKwh(0.04) });
 * assert.equal(t.phsPerGrossMw.toFixed(2), "45.45");
 * assert.equal(t.kwhDrawn, 730_000);
 * assert.equal(t.powerPerMw, 730_000 * 0.04);
 * assert.deepEqual([t.running, t.payout, t.switchOff, t.runningOpex], [1, 1, true, 0]);
 * ```
 */
export function miningTerms(mining: MiningPlan): MiningTerms {
  const uptime = mining.uptime ?? 1;
  const curtailed = mining.curtailedShare ?? 0;
  const running = uptime * (1 - curtailed);
  const tax = mining.taxUsdPerKwh ?? 0;
  const kwhDrawn = KWH_PER_GROSS_MW_MONTH * running;
  const opexPerMw = mining.otherOpexUsdPerMwMonth ?? 0;
  const opexWhileOff = mining.otherOpexWhileOff ?? true;
  return {
    phsPerGrossMw: siteHashrate(mw(1), mining.pue, mining.efficiency) / 1000,
    running,
    payout: 1 - (mining.poolFee ?? 0),
    kwhDrawn,
    tax,
    powerPerMw: kwhDrawn * (mining.powerPrice + tax),
    creditPerMw: KWH_PER_GROSS_MW_MONTH * uptime * curtailed *
      (mining.curtailmentCreditUsdPerKwh ?? 0),
    opexPerMw,
    runningOpex: opexWhileOff ? 0 : opexPerMw,
    switchOff: mining.switchOffAtLoss ?? true,
    opexWhileOff,
  };
}
