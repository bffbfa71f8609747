/**
 * A mullet site plan: a grid connection in gross MW, Bitcoin mining in the back and an AI
 * segment in the front (a colocation lease or a GPU cloud), with the assumptions for each.
 * Plans are plain data; {@linkcode checkSitePlan} validates one and names any bad field.
 *
 * @module
 */
import { finite, fraction, nonNegative, positive, pueValue, wholeNumber } from "../units/checks.ts";
import type { Efficiency } from "../units/efficiency.ts";
import type { GrossPower } from "../units/power.ts";
import type { UsdPerKwh, UsdPerMwYear, UsdPerPhDay } from "../units/prices.ts";
import { LEASE_STRUCTURES, type LeaseStructure } from "../compute/colocation.ts";

/** A value per month, or one value for every month. */
export type MonthlyValues = number | ArrayLike<number>;

/** Bitcoin mining in the back of the site. */
export interface MiningPlan {
  /** Fleet efficiency (see `fleet()` for a weighted J/TH). */
  readonly efficiency: Efficiency;
  /** Mining PUE (gross ÷ miner power): typically 1.20–1.50 for air-cooled sites and 1.03–1.10
   * for immersion [S53]; no default, as sites differ. */
  readonly pue: number;
  /** USD hashprice per PH/s per day, per month of the plan (gross of pool fee). */
  readonly hashprice: MonthlyValues | UsdPerPhDay;
  /** Electricity price for mining, USD/kWh, before any tax. */
  readonly powerPrice: UsdPerKwh;
  /**
   * Tax on mining electricity, USD/kWh (e.g. `IMF_MINING_TAX.direct`).
   *
   * @default 0
   */
  readonly taxUsdPerKwh?: number;
  /**
   * Share of time the fleet is available.
   *
   * @default 1
   */
  readonly uptime?: number;
  /**
   * Share of revenue the pool keeps.
   *
   * @default 0
   */
  readonly poolFee?: number;
  /**
   * Share of running hours curtailed for the grid.
   *
   * @default 0
   */
  readonly curtailedShare?: number;
  /**
   * Paid per kWh not drawn when curtailed (demand response, power sold back).
   *
   * @default 0
   */
  readonly curtailmentCreditUsdPerKwh?: number;
  /** Other cash operating cost per gross mining MW per month, USD. Default 0, which is the
   * margin of F5 (pool fees, SG&A and depreciation excluded). */
  readonly otherOpexUsdPerMwMonth?: number;
  /** Whether `otherOpexUsdPerMwMonth` is paid in a month the fleet is switched off. Default
   * true (a site's fixed costs). With false the opex is a cost of hashing (a cash hash cost per
   * TH/s hashed): paid only when running, and a month runs only if revenue covers power and
   * opex. */
  readonly otherOpexWhileOff?: boolean;
  /** Capex to equip the mining MW at month 0, USD per gross MW. Default 0 (a fleet in place). */
  readonly capexUsdPerMw?: number;
  /** Switch the fleet off in months whose running margin — revenue − power − tax + curtailment
   * credit — would be negative, as an operator would. Default true: such a month earns no
   * revenue and pays no power, tax or credit, while `otherOpexUsdPerMwMonth` is still paid, so
   * a fixed fleet never mines at a loss after a halving. With false the fleet runs every month
   * whatever the margin (the literal F5 margin, which can go negative). */
  readonly switchOffAtLoss?: boolean;
}

/** The AI segment as a powered-shell lease to a tenant. */
export interface ColocationPlan {
  /** Lease the AI MW to a tenant. */
  readonly kind: "colocation";
  /** AI PUE (gross ÷ IT). Applied Digital's design PUE is 1.18 [S31]; no default. */
  readonly pue: number;
  /** First-year rent per IT MW-year. */
  readonly firstYearRent: UsdPerMwYear;
  /**
   * Annual rent escalator.
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
  /** NOI ÷ rent. Default: the structure's `DEFAULT_NOI_MARGIN`. */
  readonly noiMargin?: number;
  /** Build cost per IT MW, USD (e.g. TeraWulf's $8–10M [S24], Cipher's $9–11M [S26]). */
  readonly capexUsdPerItMw: number;
  /** Months from the start of conversion to first rent. */
  readonly constructionMonths: number;
  /** Share of the build capex spent in each month from the start of conversion; must sum to 1.
   * Default: even over the construction months. */
  readonly capexPhasing?: readonly number[];
}

/** The AI segment as a GPU cloud run by the site owner. */
export interface GpuCloudPlan {
  /** Run GPUs on the AI MW and rent them out. */
  readonly kind: "gpu cloud";
  /** AI PUE (gross ÷ IT); no default. */
  readonly pue: number;
  /** GPUs per IT MW (see `gpusPerItMw`). */
  readonly gpusPerItMw: number;
  /** Rental price, USD per GPU-hour, per month of the plan. */
  readonly priceUsdPerGpuHour: MonthlyValues;
  /** Share of GPU-hours sold. */
  readonly utilisation: number;
  /** Purchase cost per GPU incl. servers and network, USD. */
  readonly capexUsdPerGpu: number;
  /** Months before GPUs are replaced (paid again). */
  readonly gpuLifeMonths: number;
  /** Data-centre build cost per IT MW, USD. */
  readonly facilityCapexUsdPerItMw: number;
  /** Months from the start of conversion to first revenue. */
  readonly constructionMonths: number;
  /** Share of the facility capex spent in each month from the start of conversion; must sum
   * to 1. Default: even over the construction months. GPUs are paid in the last construction
   * month whatever the phasing. */
  readonly capexPhasing?: readonly number[];
  /** Electricity price for the AI load, USD/kWh. */
  readonly powerPrice: UsdPerKwh;
  /** Cash operating costs other than power, as a share of revenue. */
  readonly otherOpexShareOfRevenue: number;
}

/** The AI segment. */
export type AiPlan = ColocationPlan | GpuCloudPlan;

/** A whole site. */
export interface SitePlan {
  /** Grid interconnect. */
  readonly grossPower: GrossPower;
  /** Months to project. */
  readonly horizonMonths: number;
  /** The mining segment. */
  readonly mining: MiningPlan;
  /** The AI segment. */
  readonly ai: AiPlan;
}

/**
 * Reads month `month` of a monthly value, naming the field when the series is too short.
 *
 * @example
 * ```ts
 * import { valueAt } from "./site_plan.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(valueAt(45, 7, "hashprice"), 45);
 * assert.equal(valueAt([40, 41, 42], 2, "hashprice"), 42);
 * assert.throws(() => valueAt([40], 3, "hashprice"), /hashprice: expected a value for each/);
 * ```
 */
export function valueAt(values: MonthlyValues, month: number, field: string): number {
  if (typeof values === "number") return values;
  if (month >= values.length) {
    throw new RangeError(
      `Cannot use ${field}: expected a value for each of the plan's months, got ${values.length}`,
    );
  }
  return values[month]!;
}

function checkMonthly(field: string, values: MonthlyValues, months: number, min: number): void {
  const n = typeof values === "number" ? 1 : values.length;
  if (typeof values !== "number" && n < months) {
    throw new RangeError(
      `Cannot use ${field}: expected at least ${months} monthly values, got ${n}`,
    );
  }
  for (let m = 0; m < Math.min(n, months); m++) {
    const v = finite(`${field}[${m}]`, typeof values === "number" ? values : values[m]!);
    if (v < min) {
      throw new RangeError(`Cannot use ${field}[${m}]: expected a value >= ${min}, got ${v}`);
    }
  }
}

function checkPhasing(phasing: readonly number[], months: number): void {
  if (phasing.length === 0 || phasing.length > months) {
    throw new RangeError(
      `Cannot use ai.capexPhasing: expected 1 to ${months} monthly shares, got ${phasing.length}`,
    );
  }
  const total = phasing.reduce(
    (sum, share, i) => sum + fraction(`ai.capexPhasing[${i}]`, share),
    0,
  );
  if (Math.abs(total - 1) > 1e-9) {
    throw new RangeError(`Cannot use ai.capexPhasing: expected shares summing to 1, got ${total}`);
  }
}

/**
 * Validates a plan; throws a RangeError or TypeError naming the first bad field.
 *
 * @example
 * ```ts
 * import { checkSitePlan } from "./site_plan.ts";
 * import { grossMw, jPerTh, usdPerKwh, usdPerMwYear, usdPerPhDay } from "../units/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const plan = {
 *   grossPower: grossMw(100), horizonMonths: 12,
 *   mining: { efficiency: jPerTh(20), pue: 1.1, hashprice: usdPerPhDay(45), powerPrice: usdPerKwh(0.04) },
 *   ai: { kind: "colocation", pue: 1.3, firstYearRent: usdPerMwYear(1.5e6), capexUsdPerItMw: 9e6,
 *     constructionMonths: 18 },
 * } as const;
 * checkSitePlan(plan);
 * assert.throws(() => checkSitePlan({ ...plan, mining: { ...plan.mining, pue: 0.9 } }), /mining.pue/);
 * ```
 */
export function checkSitePlan(plan: SitePlan): void {
  positive("grossPower", plan.grossPower);
  const months = wholeNumber("horizonMonths", plan.horizonMonths, 1);
  const m = plan.mining;
  positive("mining.efficiency", m.efficiency);
  pueValue("mining.pue", m.pue);
  checkMonthly("mining.hashprice", m.hashprice, months, 0);
  nonNegative("mining.powerPrice", m.powerPrice);
  nonNegative("mining.taxUsdPerKwh", m.taxUsdPerKwh ?? 0);
  fraction("mining.uptime", m.uptime ?? 1);
  fraction("mining.poolFee", m.poolFee ?? 0);
  fraction("mining.curtailedShare", m.curtailedShare ?? 0);
  nonNegative("mining.curtailmentCreditUsdPerKwh", m.curtailmentCreditUsdPerKwh ?? 0);
  nonNegative("mining.otherOpexUsdPerMwMonth", m.otherOpexUsdPerMwMonth ?? 0);
  nonNegative("mining.capexUsdPerMw", m.capexUsdPerMw ?? 0);
  if (m.switchOffAtLoss !== undefined && typeof m.switchOffAtLoss !== "boolean") {
    throw new TypeError(
      `Cannot use mining.switchOffAtLoss: expected true or false, got ${String(m.switchOffAtLoss)}`,
    );
  }
  checkAiPlan(plan.ai, months);
}

/**
 * Validates the AI segment of a plan of `horizonMonths` months; throws a RangeError or TypeError
 * naming the first bad field.
 *
 * @example
 * ```ts
 * import { checkAiPlan } from "./site_plan.ts";
 * import { usdPerMwYear } from "../units/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const ai = { kind: "colocation", pue: 1.3, firstYearRent: usdPerMwYear(1.5e6),
 *   capexUsdPerItMw: 9e6, constructionMonths: 18 } as const;
 * checkAiPlan(ai, 120);
 * assert.throws(() => checkAiPlan({ ...ai, capexPhasing: [0.5, 0.4] }, 120), /summing to 1, got 0.9/);
 * ```
 */
export function checkAiPlan(ai: AiPlan, horizonMonths: number): void {
  const months = wholeNumber("horizonMonths", horizonMonths, 1);
  pueValue("ai.pue", ai.pue);
  wholeNumber("ai.constructionMonths", ai.constructionMonths);
  if (ai.capexPhasing !== undefined) checkPhasing(ai.capexPhasing, months);
  if (ai.kind === "colocation") {
    positive("ai.firstYearRent", ai.firstYearRent);
    nonNegative("ai.escalator", ai.escalator ?? 0);
    if (ai.structure !== undefined && !LEASE_STRUCTURES.includes(ai.structure)) {
      throw new RangeError(
        `Cannot use ai.structure: expected one of ${
          LEASE_STRUCTURES.join(", ")
        }, got ${ai.structure}`,
      );
    }
    fraction("ai.noiMargin", ai.noiMargin ?? 0);
    nonNegative("ai.capexUsdPerItMw", ai.capexUsdPerItMw);
  } else if (ai.kind === "gpu cloud") {
    positive("ai.gpusPerItMw", ai.gpusPerItMw);
    checkMonthly("ai.priceUsdPerGpuHour", ai.priceUsdPerGpuHour, months, 0);
    fraction("ai.utilisation", ai.utilisation);
    nonNegative("ai.capexUsdPerGpu", ai.capexUsdPerGpu);
    wholeNumber("ai.gpuLifeMonths", ai.gpuLifeMonths, 1);
    nonNegative("ai.facilityCapexUsdPerItMw", ai.facilityCapexUsdPerItMw);
    nonNegative("ai.powerPrice", ai.powerPrice);
    fraction("ai.otherOpexShareOfRevenue", ai.otherOpexShareOfRevenue);
  } else {
    const kind = (ai as { kind: unknown }).kind;
    throw new TypeError(
      `Cannot use ai.kind: expected "colocation" or "gpu cloud", got ${String(kind)}`,
    );
  }
}
