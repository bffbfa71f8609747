/**
 * Depreciation schedules: straight line, and declining balance (double-declining by default)
 * with an optional switch to straight line.
 *
 * @module
 */
import { finite, nonNegative, positive } from "../units/checks.ts";
import { checkPeriodsPerYear } from "./_checks.ts";

/** Inputs of {@linkcode straightLineDepreciation}. */
export interface StraightLineInputs {
  /** Cost of the asset (any currency unit, e.g. USD). Required, ≥ 0. */
  readonly cost: number;
  /**
   * Value left at the end of its life, 0 ≤ salvage ≤ cost.
   *
   * @default 0
   */
  readonly salvage?: number;
  /** Useful life in years; `lifeYears × periodsPerYear` must be whole. Required. */
  readonly lifeYears: number;
  /**
   * Schedule periods per year (12 for monthly).
   *
   * @default 1
   */
  readonly periodsPerYear?: number;
}

/** Inputs of {@linkcode decliningBalanceDepreciation}. */
export interface DecliningBalanceInputs extends StraightLineInputs {
  /**
   * Rate multiple over straight line: 2 is double-declining.
   *
   * @default 2
   */
  readonly factor?: number;
  /**
   * Switch to straight line over the remaining life once that charges more, so the asset reaches
   * salvage at the end of its life (Excel's `VDB`). Default true; false is Excel's `DDB`, which
   * may leave book value above salvage at the end.
   */
  readonly switchToStraightLine?: boolean;
}

/** A depreciation schedule, one entry per period. */
export interface DepreciationSchedule {
  /** Number of periods (`lifeYears × periodsPerYear`). */
  readonly periods: number;
  /** Depreciation charged in each period. */
  readonly depreciation: Float64Array;
  /** Book value at the end of each period. */
  readonly bookValue: Float64Array;
}

/**
 * Straight-line depreciation: `(cost − salvage) / periods` each period.
 *
 * @example Excel's SLN example: 30,000 cost, 7,500 salvage, 10 years → 2,250 a year
 * ```ts
 * import { straightLineDepreciation } from "./depreciation.ts";
 * import assert from "node:assert/strict";
 *
 * const s = straightLineDepreciation({ cost: 30_000, salvage: 7_500, lifeYears: 10 });
 * assert.equal(s.depreciation[0], 2_250);
 * assert.equal(s.bookValue[9], 7_500);
 * assert.equal(straightLineDepreciation({ cost: 1_200, lifeYears: 1, periodsPerYear: 12 }).depreciation[11], 100);
 * ```
 */
export function straightLineDepreciation(inputs: StraightLineInputs): DepreciationSchedule {
  const { cost, salvage, periods } = checkInputs(inputs);
  const charge = (cost - salvage) / periods;
  const depreciation = new Float64Array(periods).fill(charge);
  const bookValue = new Float64Array(periods);
  for (let i = 0; i < periods; i++) bookValue[i] = cost - charge * (i + 1);
  bookValue[periods - 1] = salvage; // exact at the end, whatever the rounding on the way
  return { periods, depreciation, bookValue };
}

/**
 * Declining-balance depreciation: each period charges `factor / periods` of the opening book
 * value, never taking book value below salvage; optionally switching to straight line.
 *
 * @example Excel's DDB example: 2,400 cost, 300 salvage, 10 years
 * ```ts
 * import { decliningBalanceDepreciation } from "./depreciation.ts";
 * import assert from "node:assert/strict";
 *
 * const ddb = decliningBalanceDepreciation({
 *   cost: 2_400, salvage: 300, lifeYears: 10, switchToStraightLine: false,
 * });
 * assert.equal(ddb.depreciation[0], 480);
 * assert.equal(ddb.depreciation[9]!.toFixed(2), "22.12");
 * const vdb = decliningBalanceDepreciation({ cost: 2_400, salvage: 300, lifeYears: 10 });
 * assert.ok(Math.abs(vdb.bookValue[9]! - 300) < 1e-9);
 * ```
 */
export function decliningBalanceDepreciation(
  inputs: DecliningBalanceInputs,
): DepreciationSchedule {
  const { cost, salvage, periods } = checkInputs(inputs);
  const { factor = 2, switchToStraightLine = true } = inputs;
  positive("factor", factor);
  const rate = Math.min(1, factor / periods);
  const depreciation = new Float64Array(periods);
  const bookValue = new Float64Array(periods);
  let book = cost;
  for (let i = 0; i < periods; i++) {
    let charge = book * rate;
    if (switchToStraightLine) charge = Math.max(charge, (book - salvage) / (periods - i));
    charge = Math.max(0, Math.min(charge, book - salvage));
    book -= charge;
    depreciation[i] = charge;
    bookValue[i] = book;
  }
  return { periods, depreciation, bookValue };
}

function checkInputs(
  inputs: StraightLineInputs,
): { cost: number; salvage: number; periods: number } {
  const { cost, salvage = 0, lifeYears, periodsPerYear = 1 } = inputs;
  nonNegative("cost", cost);
  nonNegative("salvage", salvage);
  if (salvage > cost) {
    throw new RangeError(`Cannot use salvage: expected a value <= cost (${cost}), got ${salvage}`);
  }
  positive("lifeYears", lifeYears);
  checkPeriodsPerYear(periodsPerYear);
  const exact = finite("lifeYears × periodsPerYear", lifeYears * periodsPerYear);
  const periods = Math.round(exact);
  if (periods < 1 || Math.abs(exact - periods) > 1e-9 * Math.max(1, exact)) {
    throw new RangeError(
      `Cannot use lifeYears: expected a whole number of periods (lifeYears × periodsPerYear), got ${lifeYears} × ${periodsPerYear} = ${exact}`,
    );
  }
  return { cost, salvage, periods };
}
