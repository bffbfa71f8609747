/**
 * A miner's fleet plan as plain data: the machine models it runs, the fleet installed at month
 * 0, purchases by model with a delivery lag, explicit retirements, and J/TH thresholds above
 * which machines are retired. {@linkcode checkFleetPlan} validates the static parts; the
 * schedule (`fleet_schedule.ts`) rejects plans that are impossible month by month, naming the
 * field, the month and the value.
 *
 * @module
 */
import type { AsicSpec } from "../mining/asic_economics.ts";
import { fleet } from "../mining/fleet.ts";
import { nonNegative, positive, wholeNumber } from "../units/checks.ts";
import type { Efficiency } from "../units/efficiency.ts";
import type { Usd } from "../units/money.ts";
import { inMonth } from "./_monthly.ts";

/** A machine model: its name and per-unit spec (hashrate with efficiency or power). */
export type MachineModel = AsicSpec & {
  /** Name the plan's other entries refer to, e.g. "Antminer S21". Unique in the plan. */
  readonly name: string;
};

/** Machines running at month 0. */
export interface InstalledMachines {
  /** Name of a model in `models`. */
  readonly model: string;
  /** Units installed, a whole number ≥ 0. */
  readonly units: number;
  /** Book value of these units at month 0, USD. Default 0 (fully depreciated). */
  readonly bookValueUsd?: Usd;
  /** Months over which that book value is depreciated from month 0. Default the plan's
   * `depreciationMonths`. */
  readonly remainingLifeMonths?: number;
}

/** An order of machines. */
export interface MachinePurchase {
  /** Month the order is placed and paid, from 0. */
  readonly month: number;
  /** Name of a model in `models`. */
  readonly model: string;
  /** Units ordered, a whole number ≥ 0. */
  readonly units: number;
  /** Price per TH/s, USD (e.g. $14/TH for S21s in CleanSpark's Oct 2023 order [S60]). */
  readonly usdPerTh: number;
  /** Months from order to hashing. Default the plan's `deliveryLagMonths`. */
  readonly deliveryLagMonths?: number;
}

/** Machines taken out of service at the start of a month (oldest units first). */
export interface MachineRetirement {
  /** First month the units no longer hash. */
  readonly month: number;
  /** Name of a model in `models`. */
  readonly model: string;
  /** Units retired, a whole number ≥ 0, at most the units installed that month. */
  readonly units: number;
}

/** From `month` on, every unit of a model less efficient than `aboveJPerTh` is retired. */
export interface RetirementThreshold {
  /** First month the threshold applies. */
  readonly month: number;
  /** Models whose J/TH is above this are retired. */
  readonly aboveJPerTh: Efficiency;
}

/** A fleet plan over `horizonMonths` months. */
export interface FleetPlan {
  /** Months to project, whole ≥ 1. */
  readonly horizonMonths: number;
  /** The machine models the plan uses. */
  readonly models: readonly MachineModel[];
  /** Machines running at month 0. Default none. */
  readonly installed?: readonly InstalledMachines[];
  /** Orders. Default none. */
  readonly purchases?: readonly MachinePurchase[];
  /** Explicit retirements. Default none. */
  readonly retirements?: readonly MachineRetirement[];
  /** Efficiency thresholds; the strictest one in force applies. Default none. */
  readonly retireAbove?: readonly RetirementThreshold[];
  /** Months from order to hashing for purchases that do not state their own. Required: no
   * public source cited in the project gives a lead time (CleanSpark's Oct 2023 S21 order
   * shipped from January 2024, per the `data/asic_prices.csv` row from [S60]). */
  readonly deliveryLagMonths: number;
  /** Straight-line depreciation life of a new machine, months. Required: no cited figure. */
  readonly depreciationMonths: number;
}

/** A model's checked spec. */
export interface ModelSpec {
  /** Model name. */
  readonly name: string;
  /** Per-unit hashrate, TH/s. */
  readonly hashrateThs: number;
  /** J/TH. */
  readonly efficiency: number;
}

function checkMonth(field: string, month: number, months: number): number {
  if (!Number.isInteger(month) || month < 0 || month >= months) {
    throw new RangeError(
      `Cannot use ${field}: expected a whole number in [0, ${months - 1}], got ${month}`,
    );
  }
  return month;
}

function modelIndex(names: readonly string[], field: string, month: number, name: string): number {
  const i = names.indexOf(name);
  if (i < 0) {
    throw new RangeError(
      `Cannot use ${inMonth(field, month)}: expected one of ${
        names.map((n) => JSON.stringify(n)).join(", ")
      }, got ${JSON.stringify(name)}`,
    );
  }
  return i;
}

/** A plan's entries with model names resolved to indices, months and units checked. */
export interface CheckedFleetPlan {
  /** The models' specs, in plan order. */
  readonly specs: readonly ModelSpec[];
  /** `installed` with model indices. */
  readonly installed: readonly (InstalledMachines & { readonly index: number })[];
  /** `purchases` with model indices and the month each one starts hashing. */
  readonly purchases:
    readonly (MachinePurchase & { readonly index: number; readonly arrives: number })[];
  /** `retirements` with model indices. */
  readonly retirements: readonly (MachineRetirement & { readonly index: number })[];
}

/**
 * Validates a fleet plan's fields; throws a RangeError or TypeError naming the field, the month
 * (for dated entries) and the value. Month-by-month feasibility (retiring more than installed)
 * is checked by `fleetSchedule`.
 *
 * @example A negative purchase is rejected with its field, month and value
 * ```ts
 * import { checkFleetPlan } from "./fleet_plan.ts";
 * import { jPerTh, ths } from "../units/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const plan = {
 *   horizonMonths: 24, deliveryLagMonths: 3, depreciationMonths: 36,
 *   models: [{ name: "S21", hashrate: ths(200), efficiency: jPerTh(17.5) }],
 *   purchases: [{ month: 6, model: "S21", units: 1_000, usdPerTh: 14 }],
 * };
 * assert.equal(checkFleetPlan(plan).purchases[0]!.arrives, 9);
 * assert.throws(
 *   () => checkFleetPlan({ ...plan, purchases: [{ month: 6, model: "S21", units: -1_000, usdPerTh: 14 }] }),
 *   /Cannot use purchases\[0\]\.units in month 6: expected a whole number >= 0, got -1000/,
 * );
 * ```
 */
export function checkFleetPlan(plan: FleetPlan): CheckedFleetPlan {
  const months = wholeNumber("horizonMonths", plan.horizonMonths, 1);
  wholeNumber("deliveryLagMonths", plan.deliveryLagMonths);
  wholeNumber("depreciationMonths", plan.depreciationMonths, 1);
  if (!Array.isArray(plan.models) || plan.models.length === 0) {
    throw new RangeError("Cannot use models: expected at least one machine model, got none");
  }
  // lib/mining's fleet() checks each spec (hashrate, exactly one of efficiency or power).
  const summary = fleet(plan.models.map((model) => ({ ...model, units: 1 })));
  const specs = summary.models.map((line, i) => {
    const name = plan.models[i]!.name;
    if (typeof name !== "string" || name === "") {
      throw new TypeError(`Cannot use models[${i}].name: expected a name, got ${String(name)}`);
    }
    if (plan.models.findIndex((m) => m.name === name) !== i) {
      throw new RangeError(
        `Cannot use models[${i}].name: expected unique names, got ${name} twice`,
      );
    }
    return { name, hashrateThs: line.hashrate, efficiency: line.efficiency };
  });
  const names = specs.map((s) => s.name);
  const installed = (plan.installed ?? []).map((entry, i) => {
    const field = `installed[${i}]`;
    const index = modelIndex(names, `${field}.model`, 0, entry.model);
    wholeNumber(inMonth(`${field}.units`, 0), entry.units);
    nonNegative(`${field}.bookValueUsd`, entry.bookValueUsd ?? 0);
    wholeNumber(`${field}.remainingLifeMonths`, entry.remainingLifeMonths ?? 1, 1);
    return { ...entry, index };
  });
  const purchases = (plan.purchases ?? []).map((entry, i) => {
    const field = `purchases[${i}]`;
    const month = checkMonth(`${field}.month`, entry.month, months);
    const index = modelIndex(names, `${field}.model`, month, entry.model);
    wholeNumber(inMonth(`${field}.units`, month), entry.units);
    positive(inMonth(`${field}.usdPerTh`, month), entry.usdPerTh);
    const lag = wholeNumber(
      inMonth(`${field}.deliveryLagMonths`, month),
      entry.deliveryLagMonths ?? plan.deliveryLagMonths,
    );
    return { ...entry, index, arrives: month + lag };
  });
  const retirements = (plan.retirements ?? []).map((entry, i) => {
    const field = `retirements[${i}]`;
    const month = checkMonth(`${field}.month`, entry.month, months);
    const index = modelIndex(names, `${field}.model`, month, entry.model);
    wholeNumber(inMonth(`${field}.units`, month), entry.units);
    return { ...entry, index };
  });
  (plan.retireAbove ?? []).forEach((entry, i) => {
    const month = checkMonth(`retireAbove[${i}].month`, entry.month, months);
    positive(inMonth(`retireAbove[${i}].aboveJPerTh`, month), entry.aboveJPerTh);
  });
  return { specs, installed, purchases, retirements };
}
