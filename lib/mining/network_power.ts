/**
 * Bounds on the Bitcoin network's power draw in the style of the Cambridge Bitcoin Electricity
 * Consumption Index (CBECI, ccaf.io/cbnsi/cbeci/methodology, after Marc Bevand): the hashrate
 * times the efficiency of the hardware that could be running it.
 *
 * - Lower bound: all hashrate on the most efficient model released by the date.
 * - Upper bound: all hashrate on the least efficient released model that still covers its power
 *   cost. From F3, 1 PH/s at η J/TH costs 24 × η × p USD a day, so a model is profitable when
 *   24 × η × p × PUE ≤ HP, i.e. η ≤ η* = HP ÷ (24 × p × PUE) J/TH ({@linkcode breakevenEfficiency}).
 * - Best guess: all hashrate at the equal-weighted mean efficiency of the profitable models.
 *   This is our reading of CBECI's original method ("a basket of profitable hardware"); CBECI
 *   has since revised its weighting, and it applies its own PUEs, which no public source cited in
 *   the project gives, so PUE here defaults to 1.
 *
 * When no released model covers its power (dear power, a heavy tax), there is no upper bound
 * and no best guess: both are `undefined` and `profitable` is empty. That is an answer, not an
 * error; bad inputs (a date before every model's release, a price of zero, NaN) still throw.
 *
 * @module
 */
import { HOURS_PER_YEAR, type UsdPerKwh, type UsdPerPhDay } from "../units/prices.ts";
import { positive } from "../units/checks.ts";
import { type Efficiency, jPerTh } from "../units/efficiency.ts";
import type { Hashrate } from "../units/hashrate.ts";
import { type Power, w } from "../units/power.ts";
import { type PowerCostOptions, pueOf } from "./_inputs.ts";
import { breakevenEfficiency } from "./hashcost.ts";

/** A hardware model for the bounds: its efficiency and when it came out. */
export interface HardwareModel {
  /** Model name. */
  readonly name: string;
  /** Efficiency at the wall, J/TH. */
  readonly efficiency: Efficiency;
  /** Release, `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; a partial date counts from its first day. */
  readonly releaseDate: string;
}

/** Inputs of {@linkcode networkPowerBounds}. */
export interface NetworkPowerInputs {
  /** Network hashrate on the date. */
  readonly networkHashrate: Hashrate;
  /** USD hashprice on the date. */
  readonly hashprice: UsdPerPhDay;
  /** Electricity price miners are assumed to pay, before any tax (> 0). */
  readonly powerPriceUsdPerKwh: UsdPerKwh;
  /** Candidate hardware. */
  readonly models: readonly HardwareModel[];
  /** The day, `YYYY-MM-DD`. */
  readonly date: string;
}

/** A bound: the power and the efficiency (and model) behind it. */
export interface PowerBound {
  /** Network power, W (× PUE). */
  readonly power: Power;
  /** Efficiency assumed for all hashrate. */
  readonly efficiency: Efficiency;
  /** The model behind it; the best guess names none. */
  readonly model?: string;
}

/** Result of {@linkcode networkPowerBounds}. */
export interface NetworkPowerBounds {
  /** Highest J/TH that covers its power: HP ÷ (24 × p × PUE). */
  readonly breakevenEfficiency: Efficiency;
  /** Models released by the date. */
  readonly available: readonly string[];
  /** Released models at or below the breakeven efficiency; empty when none pays. */
  readonly profitable: readonly string[];
  /** Most efficient released model (defined whether or not it pays). */
  readonly lower: PowerBound;
  /** Least efficient profitable model; `undefined` when no released model pays. */
  readonly upper: PowerBound | undefined;
  /** Equal-weighted mean efficiency of the profitable models; `undefined` when none pays. */
  readonly bestGuess: PowerBound | undefined;
}

/**
 * CBECI-style lower, upper and best-guess network power. The upper bound and best guess are
 * `undefined` when no released model pays (see the module docs); check `profitable.length` or
 * the bound itself before reading it.
 *
 * Throws a RangeError for a hashrate, hashprice or efficiency that is not positive and finite,
 * a power price (+ tax) ≤ 0, a malformed date, or no model released by the date.
 *
 * @example 600 EH/s at $45/PH/day and 5¢/kWh: breakeven 37.5 J/TH rules out a 40 J/TH model
 * ```ts
 * import { networkPowerBounds } from "./network_power.ts";
 * import { jPerTh } from "../units/efficiency.ts";
 * import { ehs } from "../units/hashrate.ts";
 * import { usdPerKwh, usdPerPhDay } from "../units/prices.ts";
 * import assert from "node:assert/strict";
 *
 * const bounds = networkPowerBounds({
 *   networkHashrate: ehs(600),
 *   hashprice: usdPerPhDay(45),
 *   powerPriceUsdPerKwh: usdPerKwh(0.05),
 *   date: "2024-06-01",
 *   models: [
 *     { name: "old", efficiency: jPerTh(40), releaseDate: "2019" },
 *     { name: "S19", efficiency: jPerTh(34), releaseDate: "2020-05" },
 *     { name: "S21", efficiency: jPerTh(17.5), releaseDate: "2023-10" },
 *     { name: "future", efficiency: jPerTh(10), releaseDate: "2026-01" },
 *   ],
 * });
 * assert.deepEqual(bounds.profitable, ["S19", "S21"]);
 * assert.equal(bounds.lower.power / 1e9, 10.5); // 6e8 TH/s × 17.5 W per TH/s = 10.5 GW
 * assert.equal(bounds.upper?.power! / 1e9, 20.4); // × 34
 * assert.equal(bounds.bestGuess?.efficiency, 25.75); // (34 + 17.5) ÷ 2
 * ```
 *
 * @example At 20¢/kWh (breakeven 9.4 J/TH) no model pays: no upper bound, no best guess
 * ```ts
 * import { networkPowerBounds } from "./network_power.ts";
 * import { jPerTh } from "../units/efficiency.ts";
 * import { ehs } from "../units/hashrate.ts";
 * import { usdPerKwh, usdPerPhDay } from "../units/prices.ts";
 * import assert from "node:assert/strict";
 *
 * const bounds = networkPowerBounds({
 *   networkHashrate: ehs(600),
 *   hashprice: usdPerPhDay(45),
 *   powerPriceUsdPerKwh: usdPerKwh(0.2),
 *   date: "2024-06-01",
 *   models: [{ name: "S21", efficiency: jPerTh(17.5), releaseDate: "2023-10" }],
 * });
 * assert.deepEqual(bounds.profitable, []);
 * assert.equal(bounds.upper, undefined);
 * assert.equal(bounds.bestGuess, undefined);
 * assert.equal(bounds.lower.model, "S21"); // the floor still holds
 * ```
 */
export function networkPowerBounds(
  inputs: NetworkPowerInputs,
  options: PowerCostOptions = {},
): NetworkPowerBounds {
  const hashrate = positive("networkHashrate", inputs.networkHashrate);
  const date = isoDay("date", inputs.date);
  const pue = pueOf(options);
  const breakeven = breakevenEfficiency(inputs, options);
  const available = inputs.models.filter((model, i) => {
    positive(`models[${i}].efficiency`, model.efficiency);
    return releaseOn(`models[${i}].releaseDate`, model.releaseDate) <= date;
  });
  if (available.length === 0) {
    throw new RangeError(
      `Cannot bound network power: expected a model released by ${date}, got none of ` +
        `${inputs.models.length}`,
    );
  }
  const profitable = available.filter((model) => model.efficiency <= breakeven);
  const bound = (efficiency: number, model?: string): PowerBound => ({
    power: w(hashrate * efficiency * pue),
    efficiency: jPerTh(efficiency),
    ...(model === undefined ? {} : { model }),
  });
  const lower = available.reduce((a, b) => (b.efficiency < a.efficiency ? b : a));
  const base = {
    breakevenEfficiency: breakeven,
    available: available.map((model) => model.name),
    profitable: profitable.map((model) => model.name),
    lower: bound(lower.efficiency, lower.name),
  };
  // No released model covers its power: an answer (nothing can run at a profit), not an error.
  if (profitable.length === 0) return { ...base, upper: undefined, bestGuess: undefined };
  const upper = profitable.reduce((a, b) => (b.efficiency > a.efficiency ? b : a));
  const mean = profitable.reduce((sum, m) => sum + m.efficiency, 0) / profitable.length;
  return { ...base, upper: bound(upper.efficiency, upper.name), bestGuess: bound(mean) };
}

/**
 * A power in gigawatts.
 *
 * @example
 * ```ts
 * import { powerInGw } from "./network_power.ts";
 * import { mw } from "../units/power.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(powerInGw(mw(10_500)), 10.5);
 * ```
 */
export function powerInGw(power: Power): number {
  return power / 1e9;
}

/**
 * Energy of a constant power over a 365-day year, TWh: W × 8,760 h ÷ 1e12.
 *
 * @example 10.5 GW all year is 92 TWh
 * ```ts
 * import { annualEnergyTwh } from "./network_power.ts";
 * import { mw } from "../units/power.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(annualEnergyTwh(mw(10_500)).toFixed(2), "91.98");
 * ```
 */
export function annualEnergyTwh(power: Power): number {
  return (power * HOURS_PER_YEAR) / 1e12;
}

function isoDay(field: string, value: string): string {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw new RangeError(`Cannot use ${field}: expected a date YYYY-MM-DD, got ${String(value)}`);
  }
  return value;
}

/** A release date, full or partial; as a string it sorts before every day in its period. */
function releaseOn(field: string, value: string): string {
  if (typeof value !== "string" || !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) {
    throw new RangeError(
      `Cannot use ${field}: expected YYYY-MM-DD, YYYY-MM or YYYY, got ${String(value)}`,
    );
  }
  return value;
}
