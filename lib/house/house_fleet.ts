/**
 * Today's fleet on a site, machine by machine: the house view's old and current vintages mixed so
 * that the fleet's J/TH is today's (`mining.fleetJPerTh`), filling the site's mining MW, and the
 * upgrade vintage sized to the power the old machines free. What a company model needs to plan
 * a fleet from the house view.
 *
 * @module
 */
import { type Efficiency, jPerTh } from "../units/efficiency.ts";
import { type Hashrate, ths } from "../units/hashrate.ts";
import type { FleetVintage, HouseAssumptions } from "./house_assumptions.ts";

/** A machine model: name, TH/s and J/TH. */
export interface FleetMachine {
  /** The model's name. */
  readonly name: string;
  /** TH/s of one machine. */
  readonly hashrate: Hashrate;
  /** J/TH at the wall. */
  readonly efficiency: Efficiency;
}

/** The fleet on a site. */
export interface HouseFleet {
  /** The old vintage (the house view's `mining.fleet.old`). */
  readonly old: FleetMachine;
  /** The current vintage. */
  readonly current: FleetMachine;
  /** The vintage bought to replace the old machines. */
  readonly upgrade: FleetMachine;
  /** Share of the fleet's TH/s in old machines. */
  readonly oldShare: number;
  /** The fleet's TH/s on the site. */
  readonly fleetThs: number;
  /** Whole old machines installed today. */
  readonly oldUnits: number;
  /** Whole current machines installed today. */
  readonly currentUnits: number;
  /** Upgrade machines that draw the power of the old ones. */
  readonly upgradeUnits: number;
}

function machine(v: FleetVintage): FleetMachine {
  if (!Number.isFinite(v.hashrateThs)) {
    throw new RangeError(`data/asic_models.csv states no hashrate for ${v.model}`);
  }
  return { name: v.model, hashrate: ths(v.hashrateThs), efficiency: jPerTh(v.jPerTh) };
}

/**
 * The house fleet on `grossMw` MW.
 *
 * @example The mix has today's J/TH, and the upgrade draws the old machines' power
 * ```ts
 * import { loadHouseAssumptions } from "./house_assumptions.ts";
 * import { houseFleet } from "./house_fleet.ts";
 * import assert from "node:assert/strict";
 *
 * const house = await loadHouseAssumptions();
 * const f = houseFleet(house, 300);
 * const mixed = f.oldShare * f.old.efficiency + (1 - f.oldShare) * f.current.efficiency;
 * assert.ok(Math.abs(mixed - house.fleetJPerTh) < 1e-12);
 * assert.ok(Math.abs(f.fleetThs - 300e6 / house.miningPue / house.fleetJPerTh) < 1e-6);
 * const oldPower = f.oldUnits * f.old.hashrate * f.old.efficiency;
 * assert.ok(f.upgradeUnits * f.upgrade.hashrate * f.upgrade.efficiency <= oldPower);
 * ```
 */
export function houseFleet(house: HouseAssumptions, grossMw: number): HouseFleet {
  const old = machine(house.fleet.old);
  const current = machine(house.fleet.current);
  const upgrade = machine(house.fleet.upgrade);
  const target = house.fleetJPerTh;
  const oldShare = (target - current.efficiency) / (old.efficiency - current.efficiency);
  if (!(oldShare >= 0 && oldShare <= 1)) {
    throw new RangeError(`${target} J/TH is not a mix of ${old.name} and ${current.name}`);
  }
  const fleetThs = (grossMw * 1e6) / house.miningPue / target;
  const oldUnits = Math.floor((oldShare * fleetThs) / old.hashrate);
  const currentUnits = Math.floor(((1 - oldShare) * fleetThs) / current.hashrate);
  const upgradeUnits = Math.floor(
    (oldUnits * old.hashrate * old.efficiency) / (upgrade.hashrate * upgrade.efficiency),
  );
  return { old, current, upgrade, oldShare, fleetThs, oldUnits, currentUnits, upgradeUnits };
}
