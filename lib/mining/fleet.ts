/**
 * A mining fleet of several ASIC models: total hashrate and power, the hashrate-weighted
 * efficiency (total W ÷ total TH/s) and each model's share.
 *
 * @module
 */
import { wholeNumber } from "../units/checks.ts";
import { type Efficiency, jPerTh } from "../units/efficiency.ts";
import { type Hashrate, ths } from "../units/hashrate.ts";
import { type Power, w } from "../units/power.ts";
import { type AsicSpec, checkSpec } from "./_inputs.ts";

/** One model in a fleet: its per-unit spec and how many units run. */
export type FleetModel = AsicSpec & {
  /** Model name, e.g. "Antminer S21". */
  readonly name: string;
  /** Units installed (a whole number ≥ 0). */
  readonly units: number;
};

/** One model's totals and shares in a {@linkcode Fleet}. */
export interface FleetLine {
  /** Model name. */
  readonly name: string;
  /** Units installed. */
  readonly units: number;
  /** Per-unit efficiency. */
  readonly efficiency: Efficiency;
  /** Hashrate of all units. */
  readonly hashrate: Hashrate;
  /** Power of all units. */
  readonly power: Power;
  /** Share of the fleet's hashrate, 0–1. */
  readonly hashrateShare: number;
  /** Share of the fleet's power, 0–1. */
  readonly powerShare: number;
}

/** Result of {@linkcode fleet}. */
export interface Fleet {
  /** Total hashrate. */
  readonly hashrate: Hashrate;
  /** Total power at the plug. */
  readonly power: Power;
  /** Fleet efficiency: total W ÷ total TH/s (the hashrate-weighted mean J/TH). */
  readonly efficiency: Efficiency;
  /** One line per model, in input order. */
  readonly models: readonly FleetLine[];
}

/**
 * Totals, weighted efficiency and shares of a fleet.
 *
 * @example 1,000 S21 (200 TH/s, 17.5 J/TH) and 1,000 S19 (95 TH/s at 3,250 W)
 * ```ts
 * import { fleet } from "./fleet.ts";
 * import { jPerTh } from "../units/efficiency.ts";
 * import { ths } from "../units/hashrate.ts";
 * import { w } from "../units/power.ts";
 * import assert from "node:assert/strict";
 *
 * const f = fleet([
 *   { name: "S21", hashrate: ths(200), efficiency: jPerTh(17.5), units: 1000 },
 *   { name: "S19", hashrate: ths(95), power: w(3250), units: 1000 },
 * ]);
 * assert.equal(f.hashrate, 295_000); // TH/s
 * assert.equal(f.power, 6_750_000); // W
 * assert.equal(f.efficiency.toFixed(2), "22.88"); // 6.75 MW ÷ 295 PH/s
 * assert.equal(f.models[0]!.hashrateShare.toFixed(3), "0.678");
 * assert.throws(() => fleet([]), /Cannot summarise a fleet: expected at least one model, got 0/);
 * ```
 */
export function fleet(models: readonly FleetModel[]): Fleet {
  if (models.length === 0) {
    throw new RangeError("Cannot summarise a fleet: expected at least one model, got 0");
  }
  const parts = models.map((model, i) => {
    const { hashrate, efficiency } = checkSpec(model, `models[${i}].`);
    const units = wholeNumber(`models[${i}].units`, model.units);
    return { name: model.name, units, efficiency, hashrate: hashrate * units };
  });
  let totalHashrate = 0;
  let totalPower = 0;
  for (const part of parts) {
    totalHashrate += part.hashrate;
    totalPower += part.hashrate * part.efficiency;
  }
  if (totalHashrate === 0) {
    throw new RangeError("Cannot summarise a fleet: expected some units installed, got 0 units");
  }
  return {
    hashrate: ths(totalHashrate),
    power: w(totalPower),
    efficiency: jPerTh(totalPower / totalHashrate),
    models: parts.map((part) => ({
      name: part.name,
      units: part.units,
      efficiency: jPerTh(part.efficiency),
      hashrate: ths(part.hashrate),
      power: w(part.hashrate * part.efficiency),
      hashrateShare: part.hashrate / totalHashrate,
      powerShare: (part.hashrate * part.efficiency) / totalPower,
    })),
  };
}
