/**
 * ASIC efficiency in joules per terahash (J/TH = W per TH/s).
 *
 * @module
 */
import { type Quantity, tag } from "./_brand.ts";
import { positive, pueValue } from "./checks.ts";
import type { Hashrate } from "./hashrate.ts";
import type { Power } from "./power.ts";

/** Energy per terahash, J/TH. */
export type Efficiency = Quantity<"J/TH">;

/**
 * Efficiency from J/TH.
 *
 * @example
 * ```ts
 * import { jPerTh } from "./efficiency.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(jPerTh(17.5), 17.5); // Antminer S21 [S60]
 * assert.throws(() => jPerTh(0), /jPerTh: expected a value > 0, got 0/);
 * ```
 */
export function jPerTh(value: number): Efficiency {
  return tag<"J/TH">(positive("jPerTh", value));
}

/**
 * Efficiency of a machine drawing `power` for `hashrate`.
 *
 * @example Antminer S19: 95 TH/s at 3,250 W is 34.2 J/TH (data/asic_models.csv Antminer S19)
 * ```ts
 * import { efficiencyOf } from "./efficiency.ts";
 * import { ths } from "./hashrate.ts";
 * import { w } from "./power.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(efficiencyOf(w(3250), ths(95)).toFixed(1), "34.2");
 * ```
 */
export function efficiencyOf(power: Power, hashrate: Hashrate): Efficiency {
  return tag<"J/TH">(positive("power", power) / positive("hashrate", hashrate));
}

/**
 * Power drawn by `hashrate` at `efficiency` (W = J/TH × TH/s).
 *
 * @example 1 PH/s at η J/TH draws η kW (F3)
 * ```ts
 * import { jPerTh, powerFor } from "./efficiency.ts";
 * import { phs } from "./hashrate.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(powerFor(phs(1), jPerTh(17.5)), 17_500);
 * ```
 */
export function powerFor(hashrate: Hashrate, efficiency: Efficiency): Power {
  return tag<"W">(hashrate * positive("efficiency", efficiency));
}

/**
 * Hashrate that `power` buys at `efficiency` (TH/s = W ÷ J/TH).
 *
 * @example 1 MW of S21s is 57.1 PH/s (F4: PH per MW = 1e6 ÷ η ÷ 1000)
 * ```ts
 * import { hashrateFor, jPerTh } from "./efficiency.ts";
 * import { mw } from "./power.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal((hashrateFor(mw(1), jPerTh(17.5)) / 1000).toFixed(1), "57.1");
 * ```
 */
export function hashrateFor(power: Power, efficiency: Efficiency): Hashrate {
  return tag<"TH/s">(power / positive("efficiency", efficiency));
}

/**
 * Hashrate a site runs on `grossPower` (the facility's draw, cooling included) at the fleet's
 * `efficiency` at the wall and the site's `pue`: the miners get `grossPower ÷ PUE` (F4 per gross
 * MW).
 *
 * @example 100 gross MW at PUE 1.1 of S21s (17.5 J/TH) run 5.19 EH/s
 * ```ts
 * import { hashrateFor, jPerTh, siteHashrate } from "./efficiency.ts";
 * import { mw } from "./power.ts";
 * import assert from "node:assert/strict";
 *
 * const h = siteHashrate(mw(100), 1.1, jPerTh(17.5));
 * assert.equal((h / 1e6).toFixed(2), "5.19");
 * assert.equal(siteHashrate(mw(100), 1, jPerTh(17.5)), hashrateFor(mw(100), jPerTh(17.5)));
 * assert.throws(() => siteHashrate(mw(100), 0.9, jPerTh(17.5)), /Cannot use pue: expected a PUE >= 1, got 0.9/);
 * ```
 */
export function siteHashrate(grossPower: Power, pue: number, efficiency: Efficiency): Hashrate {
  return tag<"TH/s">(grossPower / pueValue("pue", pue) / positive("efficiency", efficiency));
}
