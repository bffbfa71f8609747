/**
 * The colocation (powered-shell) lease: rent per kW-month or MW-year, annual escalators, the
 * lease structure (triple net vs modified gross) and its NOI margin, contract value over the
 * term, and unlevered yield on build cost (F6, F7).
 *
 * @module
 */
import { fraction, nonNegative, positive, wholeNumber } from "../units/checks.ts";
import type { ItPower } from "../units/power.ts";
import { mwYearToKwMonth, type UsdPerKwMonth, type UsdPerMwYear } from "../units/prices.ts";

/** Lease structures: who pays property costs, and so how much of the rent is NOI. */
export const LEASE_STRUCTURES = ["modified gross", "triple net"] as const;
/** One of {@linkcode LEASE_STRUCTURES}. */
export type LeaseStructure = typeof LEASE_STRUCTURES[number];

/**
 * Default NOI margin by structure, from disclosed deals:
 * - modified gross: TeraWulf–Fluidstack site NOI margin "~85%" [S24];
 * - triple net: Hut 8 River Bend, average NOI $454M/yr on $7.0B over 15 years (NNN;
 *   [S19][S21]) = 97.3%.
 */
export const DEFAULT_NOI_MARGIN: Readonly<Record<LeaseStructure, number>> = {
  "modified gross": 0.85,
  "triple net": 454e6 / (7.0e9 / 15),
};

/** Inputs of {@linkcode colocationLease}. */
export interface ColocationLeaseInputs {
  /** Leased critical IT capacity. */
  readonly itPower: ItPower;
  /** First-year rent per IT MW-year (use `kwMonthToMwYear` for a $/kW-month quote). */
  readonly firstYearRent: UsdPerMwYear;
  /** Base term, whole years. */
  readonly termYears: number;
}

/** Options of {@linkcode colocationLease}. */
export interface ColocationLeaseOptions {
  /**
   * Annual rent escalator, e.g. 0.03.
   *
   * @default 0
   */
  readonly escalator?: number;
  /**
   * Lease structure.
   *
   * @default "modified gross"
   */
  readonly structure?: LeaseStructure;
  /** NOI ÷ rent. Default {@linkcode DEFAULT_NOI_MARGIN} for the structure. */
  readonly noiMargin?: number;
}

/** A lease year by year and in total. */
export interface ColocationLease {
  /** Rent and NOI for each lease year (1 = first). */
  readonly years: readonly { year: number; rentUsd: number; noiUsd: number }[];
  /** Total base-term rent (TCV). */
  readonly contractValueUsd: number;
  /** Mean rent per IT MW-year over the term (F6: TCV ÷ term ÷ MW). */
  readonly averageRent: UsdPerMwYear;
  /** The same in USD per kW-month. */
  readonly averageRentPerKwMonth: UsdPerKwMonth;
  /** Mean NOI per IT MW-year. */
  readonly averageNoiPerMwYear: number;
  /** NOI ÷ rent used. */
  readonly noiMargin: number;
  /** Lease structure used. */
  readonly structure: LeaseStructure;
}

/**
 * A lease's rent and NOI schedule.
 *
 * @example 245 MW at $1.75M/MW-yr rising 3% a year for 15 years is ~$8.0B of rent
 * ```ts
 * import { colocationLease } from "./colocation.ts";
 * import { itMw } from "../units/power.ts";
 * import { usdPerMwYear } from "../units/prices.ts";
 * import assert from "node:assert/strict";
 *
 * const lease = colocationLease({ itPower: itMw(245), firstYearRent: usdPerMwYear(1.75e6), termYears: 15 },
 *   { escalator: 0.03, structure: "triple net" });
 * assert.equal(lease.years.length, 15);
 * assert.equal((lease.contractValueUsd / 1e9).toFixed(2), "7.97");
 * assert.equal(lease.years[1]!.rentUsd, 245 * 1.75e6 * 1.03);
 * ```
 */
export function colocationLease(
  inputs: ColocationLeaseInputs,
  options: ColocationLeaseOptions = {},
): ColocationLease {
  const mwLeased = positive("itPower", inputs.itPower) / 1e6;
  const rent = positive("firstYearRent", inputs.firstYearRent);
  const term = wholeNumber("termYears", inputs.termYears, 1);
  const escalator = nonNegative("escalator", options.escalator ?? 0);
  const structure = options.structure ?? "modified gross";
  if (!LEASE_STRUCTURES.includes(structure)) {
    throw new RangeError(
      `Cannot use structure: expected one of ${LEASE_STRUCTURES.join(", ")}, got ${structure}`,
    );
  }
  const margin = fraction("noiMargin", options.noiMargin ?? DEFAULT_NOI_MARGIN[structure]);
  const years = [];
  let total = 0;
  for (let year = 1; year <= term; year++) {
    const rentUsd = mwLeased * rent * (1 + escalator) ** (year - 1);
    total += rentUsd;
    years.push({ year, rentUsd, noiUsd: rentUsd * margin });
  }
  const average = (total / term / mwLeased) as UsdPerMwYear;
  return {
    years,
    contractValueUsd: total,
    averageRent: average,
    averageRentPerKwMonth: mwYearToKwMonth(average),
    averageNoiPerMwYear: average * margin,
    noiMargin: margin,
    structure,
  };
}

/**
 * First-year rent that gives a disclosed contract value over the term with an escalator.
 *
 * @example Hut 8 River Bend: $7.0B over 15 years on 245 MW, 3%/yr [S21] → $1.536M/MW-yr in year 1
 * ```ts
 * import { firstYearRentFor } from "./colocation.ts";
 * import { itMw } from "../units/power.ts";
 * import assert from "node:assert/strict";
 *
 * const rent = firstYearRentFor({ contractValueUsd: 7.0e9, termYears: 15, itPower: itMw(245) }, { escalator: 0.03 });
 * assert.equal((rent / 1e6).toFixed(3), "1.536");
 * ```
 */
export function firstYearRentFor(
  inputs: {
    readonly contractValueUsd: number;
    readonly termYears: number;
    readonly itPower: ItPower;
  },
  options: { readonly escalator?: number } = {},
): UsdPerMwYear {
  const term = wholeNumber("termYears", inputs.termYears, 1);
  const g = nonNegative("escalator", options.escalator ?? 0);
  const factor = g === 0 ? term : ((1 + g) ** term - 1) / g;
  return (positive("contractValueUsd", inputs.contractValueUsd) / factor /
    (positive("itPower", inputs.itPower) / 1e6)) as UsdPerMwYear;
}

/**
 * Unlevered yield on cost (F7: NOI per MW ÷ capex per MW) and simple payback (1 ÷ yield).
 *
 * @example TeraWulf: $315M NOI on 200 MW at $9M/MW capex [S24] → 17.5% and ~5.7 years
 * ```ts
 * import { yieldOnCost } from "./colocation.ts";
 * import assert from "node:assert/strict";
 *
 * const y = yieldOnCost({ noiPerMwYearUsd: 315e6 / 200, capexPerMwUsd: 9e6 });
 * assert.equal(y.yield, 0.175);
 * assert.equal(y.paybackYears.toFixed(1), "5.7");
 * ```
 */
export function yieldOnCost(
  inputs: { readonly noiPerMwYearUsd: number; readonly capexPerMwUsd: number },
): { yield: number; paybackYears: number } {
  const y = positive("noiPerMwYearUsd", inputs.noiPerMwYearUsd) /
    positive("capexPerMwUsd", inputs.capexPerMwUsd);
  return { yield: y, paybackYears: 1 / y };
}

/**
 * Revenue intensity of a contract (F6): TCV ÷ term ÷ MW, per MW-year and per kW-month.
 *
 * @example Core Scientific–CoreWeave: $3.5B / 12 yr / 200 MW = $1.458M/MW-yr = $121.5/kW-mo
 * ```ts
 * import { contractIntensity } from "./colocation.ts";
 * import { itMw } from "../units/power.ts";
 * import assert from "node:assert/strict";
 *
 * const c = contractIntensity({ contractValueUsd: 3.5e9, termYears: 12, itPower: itMw(200) });
 * assert.equal((c.perMwYear / 1e6).toFixed(3), "1.458");
 * assert.equal(c.perKwMonth.toFixed(1), "121.5");
 * ```
 */
export function contractIntensity(
  inputs: {
    readonly contractValueUsd: number;
    readonly termYears: number;
    readonly itPower: ItPower;
  },
): { perMwYear: UsdPerMwYear; perKwMonth: UsdPerKwMonth } {
  const perMwYear = (positive("contractValueUsd", inputs.contractValueUsd) /
    positive("termYears", inputs.termYears) /
    (positive("itPower", inputs.itPower) / 1e6)) as UsdPerMwYear;
  return { perMwYear, perKwMonth: mwYearToKwMonth(perMwYear) };
}
