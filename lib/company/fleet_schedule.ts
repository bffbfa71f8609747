/**
 * A fleet plan month by month: installed TH/s, power at the plug and weighted J/TH, units of
 * each model, deliveries and retirements, machine capex (paid when ordered) and straight-line
 * depreciation from delivery, with the book value of machines retired early written off.
 *
 * Timing: a purchase ordered in month `m` with lag `L` hashes from month `m + L`; a retirement
 * in month `r` (explicit, or by a threshold in force from `r`) stops the units hashing from
 * month `r`. Retirements take the oldest units of the model first.
 *
 * @module
 */
import { straightLineDepreciation } from "../finance/depreciation.ts";
import { checkFleetPlan, type FleetPlan } from "./fleet_plan.ts";
import { inMonth } from "./_monthly.ts";

/** Units of one model by month. */
export interface ModelUnits {
  /** Model name. */
  readonly model: string;
  /** Hashrate of one unit, TH/s. */
  readonly hashrateThs: number;
  /** J/TH of the model. */
  readonly efficiency: number;
  /** Units installed in each month. */
  readonly units: Float64Array;
}

/** Result of {@linkcode fleetSchedule}; every series has one value per month. */
export interface FleetSchedule {
  /** Months projected. */
  readonly months: number;
  /** Installed hashrate, TH/s. */
  readonly installedThs: Float64Array;
  /** Power of the installed machines at the plug, W. */
  readonly powerW: Float64Array;
  /** Fleet efficiency (W ÷ TH/s), J/TH; 0 in a month with no machine. */
  readonly efficiencyJPerTh: Float64Array;
  /** TH/s delivered (starting to hash) in the month. */
  readonly deliveredThs: Float64Array;
  /** TH/s retired at the start of the month. */
  readonly retiredThs: Float64Array;
  /** Machine purchases paid in the month (order month), USD. */
  readonly capexUsd: Float64Array;
  /** Depreciation of machines in service, USD. */
  readonly depreciationUsd: Float64Array;
  /** Book value of machines retired in the month, written off, USD. */
  readonly writeOffUsd: Float64Array;
  /** Units hashing by model, in the plan's model order. */
  readonly units: readonly ModelUnits[];
}

interface Cohort {
  readonly index: number;
  readonly from: number;
  remaining: number;
  readonly depreciation: Float64Array;
  readonly bookValue: Float64Array;
  readonly costPerUnit: number;
  readonly purchased: boolean;
}

function perUnitSchedule(costPerUnit: number, lifeMonths: number) {
  return straightLineDepreciation({
    cost: costPerUnit,
    lifeYears: lifeMonths / 12,
    periodsPerYear: 12,
  });
}

/**
 * Projects a fleet plan month by month. Throws a RangeError naming the field, the month and the
 * value for an impossible plan: retiring more units than are installed, or buying a model that
 * a retirement threshold would retire on arrival.
 *
 * @example 1,000 S19 running, 1,000 S21 ordered in month 0 (3-month lag), S19 retired above 25 J/TH from month 6
 * ```ts
 * import { fleetSchedule } from "./fleet_schedule.ts";
 * import { jPerTh, ths, w } from "../units/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const plan = {
 *   horizonMonths: 12, deliveryLagMonths: 3, depreciationMonths: 36,
 *   models: [
 *     { name: "S19", hashrate: ths(95), power: w(3_250) },
 *     { name: "S21", hashrate: ths(200), efficiency: jPerTh(17.5) },
 *   ],
 *   installed: [{ model: "S19", units: 1_000 }],
 *   purchases: [{ month: 0, model: "S21", units: 1_000, usdPerTh: 14 }],
 *   retireAbove: [{ month: 6, aboveJPerTh: jPerTh(25) }],
 * };
 * const s = fleetSchedule(plan);
 * assert.equal(s.installedThs[2], 95_000);
 * assert.equal(s.installedThs[3], 295_000); // S21s hash from month 3
 * assert.equal(s.installedThs[6], 200_000); // S19s retired
 * assert.equal(s.capexUsd[0], 1_000 * 200 * 14); // $2.8M paid on order
 * assert.ok(Math.abs(s.depreciationUsd[3]! - 2_800_000 / 36) < 1e-6); // 36-month straight line
 * assert.throws(
 *   () => fleetSchedule({ ...plan, retirements: [{ month: 2, model: "S19", units: 1_200 }] }),
 *   /Cannot use retirements\[0\]\.units in month 2: expected at most 1000 S19 installed, got 1200/,
 * );
 * ```
 */
export function fleetSchedule(plan: FleetPlan): FleetSchedule {
  const checked = checkFleetPlan(plan);
  const { specs } = checked;
  const months = plan.horizonMonths;
  const series = () => new Float64Array(months);
  const out = {
    installedThs: series(),
    powerW: series(),
    efficiencyJPerTh: series(),
    deliveredThs: series(),
    retiredThs: series(),
    capexUsd: series(),
    depreciationUsd: series(),
    writeOffUsd: series(),
  };
  const units = specs.map((spec) => ({
    model: spec.name,
    hashrateThs: spec.hashrateThs,
    efficiency: spec.efficiency,
    units: series(),
  }));

  const cohorts: Cohort[] = [];
  checked.installed.forEach((entry) => {
    if (entry.units === 0) return;
    const life = entry.remainingLifeMonths ?? plan.depreciationMonths;
    const schedule = perUnitSchedule((entry.bookValueUsd ?? 0) / entry.units, life);
    cohorts.push({
      index: entry.index,
      from: 0,
      remaining: entry.units,
      ...schedule,
      costPerUnit: (entry.bookValueUsd ?? 0) / entry.units,
      purchased: false,
    });
  });
  checked.purchases.forEach((entry) => {
    const spec = specs[entry.index]!;
    const costPerUnit = spec.hashrateThs * entry.usdPerTh;
    out.capexUsd[entry.month]! += costPerUnit * entry.units;
    if (entry.units === 0 || entry.arrives >= months) return;
    cohorts.push({
      index: entry.index,
      from: entry.arrives,
      remaining: entry.units,
      ...perUnitSchedule(costPerUnit, plan.depreciationMonths),
      costPerUnit,
      purchased: true,
    });
  });
  // Oldest first, so retirements take the oldest units; a stable sort keeps plan order on ties.
  cohorts.sort((a, b) => a.from - b.from);

  // Strictest threshold in force each month (Infinity: none).
  const threshold = new Float64Array(months).fill(Infinity);
  for (const t of plan.retireAbove ?? []) {
    for (let m = t.month; m < months; m++) threshold[m] = Math.min(threshold[m]!, t.aboveJPerTh);
  }
  checked.purchases.forEach((entry, i) => {
    const spec = specs[entry.index]!;
    if (entry.arrives < months && spec.efficiency > threshold[entry.arrives]!) {
      throw new RangeError(
        `Cannot use ${inMonth(`purchases[${i}].model`, entry.month)}: ${spec.name} ` +
          `(${spec.efficiency.toFixed(1)} J/TH) arrives in month ${entry.arrives}, when machines ` +
          `above ${threshold[entry.arrives]} J/TH are retired, got ${entry.units} units`,
      );
    }
  });

  const bookValueAt = (c: Cohort, month: number) => {
    const age = month - c.from;
    if (age <= 0) return c.costPerUnit;
    return age > c.bookValue.length ? 0 : c.bookValue[age - 1]!;
  };
  const retire = (c: Cohort, count: number, month: number) => {
    c.remaining -= count;
    out.retiredThs[month]! += count * specs[c.index]!.hashrateThs;
    out.writeOffUsd[month]! += count * bookValueAt(c, month);
  };

  for (let m = 0; m < months; m++) {
    for (const c of cohorts) {
      if (c.from === m && c.purchased) {
        out.deliveredThs[m]! += c.remaining * specs[c.index]!.hashrateThs;
      }
    }
    checked.retirements.forEach((entry, i) => {
      if (entry.month !== m) return;
      let installed = 0;
      for (const c of cohorts) if (c.index === entry.index && c.from <= m) installed += c.remaining;
      if (entry.units > installed) {
        throw new RangeError(
          `Cannot use ${inMonth(`retirements[${i}].units`, m)}: expected at most ${installed} ` +
            `${entry.model} installed, got ${entry.units}`,
        );
      }
      let left = entry.units;
      for (const c of cohorts) {
        if (left === 0) break;
        if (c.index !== entry.index || c.from > m || c.remaining === 0) continue;
        const count = Math.min(left, c.remaining);
        retire(c, count, m);
        left -= count;
      }
    });
    for (const c of cohorts) {
      if (c.from > m || c.remaining === 0) continue;
      const spec = specs[c.index]!;
      if (spec.efficiency > threshold[m]!) {
        retire(c, c.remaining, m);
        continue;
      }
      const age = m - c.from;
      units[c.index]!.units[m]! += c.remaining;
      out.installedThs[m]! += c.remaining * spec.hashrateThs;
      out.powerW[m]! += c.remaining * spec.hashrateThs * spec.efficiency;
      if (age < c.depreciation.length) {
        out.depreciationUsd[m]! += c.remaining * c.depreciation[age]!;
      }
    }
    out.efficiencyJPerTh[m] = out.installedThs[m]! > 0 ? out.powerW[m]! / out.installedThs[m]! : 0;
  }
  return { months, ...out, units };
}
