/**
 * Internal rate of return by a bracketed search: scan for a sign change of NPV, then solve
 * with Brent's method. Never returns `NaN`: no root, several roots, or a spent iteration budget
 * throw a {@linkcode ConvergenceError}.
 *
 * The search runs on `x = ln(1 + rate)`, which spreads the default bracket of rates
 * −99.99% … +1,000,000% (`low = -0.9999`, `high = 10_000`) over an even grid of
 * {@linkcode IRR_SCAN_INTERVALS} intervals (each about 0.0092 wide in `x`, i.e. ~0.9% in
 * `1 + rate`); two roots closer than one interval are not told apart. Brent's method stops when
 * the bracket is below `tolerance` in `x` (default 1e-12, a relative error of ~1e-12 in
 * `1 + rate`).
 *
 * @module
 */
import { finite, positive, wholeNumber } from "../units/checks.ts";
import { brent } from "./_brent.ts";
import { checkFlows, checkPeriodsPerYear, checkRate } from "./_checks.ts";
import { type CashFlow, type DatedCashFlow, datedFlowsToYears } from "./cash_flow.ts";
import { CONVERGENCE_REASONS, ConvergenceError } from "./convergence_error.ts";

/** Intervals in the scan for a sign change between `low` and `high` (even in `ln(1 + rate)`). */
export const IRR_SCAN_INTERVALS = 2000;

/** Options of {@linkcode xirr}; {@linkcode irr} adds `periodsPerYear`. */
export interface XirrOptions {
  /** Lowest annual rate searched, > −1. Default −0.9999 (−99.99%). */
  readonly low?: number;
  /** Highest annual rate searched, > `low`. Default 10,000 (+1,000,000%). */
  readonly high?: number;
  /** Stop when the root is bracketed within this width of `ln(1 + rate)`. Default 1e-12. */
  readonly tolerance?: number;
  /**
   * Brent iterations allowed before a `ConvergenceError`.
   *
   * @default 100
   */
  readonly maxIterations?: number;
}

/** Options of {@linkcode irr}. */
export interface IrrOptions extends XirrOptions {
  /** Periods per year when `t` counts periods (12 for month indices). Default 1 (`t` in years). */
  readonly periodsPerYear?: number;
}

/**
 * The annual effective rate at which the flows' NPV is zero (timing conventions in
 * `cash_flow.ts`; with `periodsPerYear: 12` the answer is still an annual rate).
 *
 * @example 100 out today and 110 back in a year is 10%; monthly flows give an annual rate
 * ```ts
 * import { irr } from "./irr.ts";
 * import assert from "node:assert/strict";
 *
 * assert.ok(Math.abs(irr([{ t: 0, amount: -100 }, { t: 1, amount: 110 }]) - 0.1) < 1e-12);
 * const monthly = [{ t: 0, amount: -100 }, { t: 6, amount: 110 }];
 * assert.ok(Math.abs(irr(monthly, { periodsPerYear: 12 }) - (1.1 ** 2 - 1)) < 1e-12);
 * // Two IRRs (10% and 20%): the error says so; a narrower bracket picks one.
 * const twoRoots = [{ t: 0, amount: -100 }, { t: 1, amount: 230 }, { t: 2, amount: -132 }];
 * assert.throws(() => irr(twoRoots), { name: "ConvergenceError", message: /multiple IRRs/ });
 * assert.ok(Math.abs(irr(twoRoots, { low: 0.15, high: 1 }) - 0.2) < 1e-12);
 * ```
 */
export function irr(flows: readonly CashFlow[], options: IrrOptions = {}): number {
  const { periodsPerYear = 1 } = options;
  checkFlows(flows);
  checkPeriodsPerYear(periodsPerYear);
  const years = new Float64Array(flows.length);
  const amounts = new Float64Array(flows.length);
  for (let i = 0; i < flows.length; i++) {
    years[i] = flows[i]!.t / periodsPerYear;
    amounts[i] = flows[i]!.amount;
  }
  return solveIrr(years, amounts, options, "irr");
}

/**
 * The annual rate at which the XNPV of dated flows is zero (Actual/365 from the first date, as
 * Excel's `XIRR`). Dates must never go backwards. Same search and errors as {@linkcode irr}.
 *
 * @example Microsoft's documented XIRR example returns 0.373362535 (37.34%)
 * ```ts
 * import { xirr } from "./irr.ts";
 * import assert from "node:assert/strict";
 *
 * const rate = xirr([
 *   { date: "2008-01-01", amount: -10_000 },
 *   { date: "2008-03-01", amount: 2_750 },
 *   { date: "2008-10-30", amount: 4_250 },
 *   { date: "2009-02-15", amount: 3_250 },
 *   { date: "2009-04-01", amount: 2_750 },
 * ]);
 * assert.ok(Math.abs(rate - 0.373362535) < 1e-8);
 * ```
 */
export function xirr(flows: readonly DatedCashFlow[], options: XirrOptions = {}): number {
  const timed = datedFlowsToYears(flows);
  return solveIrr(
    Float64Array.from(timed, (f) => f.t),
    Float64Array.from(timed, (f) => f.amount),
    options,
    "xirr",
  );
}

function solveIrr(
  years: Float64Array,
  amounts: Float64Array,
  options: XirrOptions,
  what: string,
): number {
  const { low = -0.9999, high = 10_000, tolerance = 1e-12, maxIterations = 100 } = options;
  checkRate("low", low);
  checkRate("high", high);
  if (high <= low) {
    throw new RangeError(`Cannot use high: expected a rate above low (${low}), got ${high}`);
  }
  positive("tolerance", tolerance);
  wholeNumber("maxIterations", maxIterations, 1);
  let hasIn = false;
  let hasOut = false;
  for (const amount of amounts) {
    if (amount > 0) hasIn = true;
    if (amount < 0) hasOut = true;
  }
  let tMin = Infinity;
  let tMax = -Infinity;
  for (const t of years) {
    tMin = Math.min(tMin, t);
    tMax = Math.max(tMax, t);
  }
  const summary = summarise(amounts, tMin, tMax);
  if (!hasIn || !hasOut) {
    throw new ConvergenceError(
      CONVERGENCE_REASONS.noSignChange,
      `Cannot compute ${what}: no sign change in the cash flows (every amount is ${
        hasIn ? ">= 0" : "<= 0"
      }), so no rate makes NPV zero — ${summary}`,
    );
  }
  if (tMin === tMax) {
    // Every flow at one time: NPV is the plain sum whatever the rate.
    const sum = amounts.reduce((total, amount) => total + amount, 0);
    throw new ConvergenceError(
      sum === 0 ? CONVERGENCE_REASONS.multipleRoots : CONVERGENCE_REASONS.noSignChange,
      `Cannot compute ${what}: every flow is at the same time, so NPV (${sum}) does not depend on the rate — ${summary}`,
    );
  }
  // NPV(x) = Σ a·e^(−t·x). Multiplying by e^(tRef·x) keeps the sign and, with tRef = tMin for
  // x ≥ 0 and tMax for x < 0, keeps every term at most |a|: no overflow anywhere in the bracket.
  const scaledNpv = (x: number, tRef: number): number => {
    let total = 0;
    for (let i = 0; i < years.length; i++) total += amounts[i]! * Math.exp((tRef - years[i]!) * x);
    return total;
  };
  const xLow = Math.log1p(low);
  const xHigh = Math.log1p(high);
  const step = (xHigh - xLow) / IRR_SCAN_INTERVALS;
  const brackets: Array<[number, number]> = [];
  let xPrev = xLow;
  let fPrev = scaledNpv(xLow, xLow >= 0 ? tMin : tMax);
  if (fPrev === 0) brackets.push([xLow, xLow]);
  for (let i = 1; i <= IRR_SCAN_INTERVALS; i++) {
    const x = i === IRR_SCAN_INTERVALS ? xHigh : xLow + i * step;
    const f = scaledNpv(x, x >= 0 ? tMin : tMax);
    if (f === 0) brackets.push([x, x]);
    else if (fPrev !== 0 && (f > 0) !== (fPrev > 0)) brackets.push([xPrev, x]);
    xPrev = x;
    fPrev = f;
  }
  const range = `between rates ${low} and ${high}`;
  if (brackets.length === 0) {
    throw new ConvergenceError(
      CONVERGENCE_REASONS.noSignChange,
      `Cannot compute ${what}: no sign change in NPV ${range} — ${summary}`,
    );
  }
  // Brent's method on one bracket, scaled by the tRef that suits its sign of x.
  const solve = ([a, b]: [number, number]) =>
    a === b
      ? { converged: true, x: a, iterations: 0 }
      : brent((x) => scaledNpv(x, (a + b) / 2 >= 0 ? tMin : tMax), a, b, tolerance, maxIterations);
  if (brackets.length > 1) {
    // Solve the first few brackets so the message can say where the roots are.
    const roots = brackets.slice(0, 5).map((bracket) =>
      +Math.expm1(solve(bracket).x).toPrecision(6)
    );
    const more = brackets.length > 5 ? ", …" : "";
    throw new ConvergenceError(
      CONVERGENCE_REASONS.multipleRoots,
      `Cannot compute ${what}: multiple IRRs — NPV changes sign ${brackets.length} times ${range}, ` +
        `at rates ${roots.join(", ")}${more}; pass options.low and options.high to bracket one — ` +
        summary,
    );
  }
  const result = solve(brackets[0]!);
  if (!result.converged) {
    throw new ConvergenceError(
      CONVERGENCE_REASONS.maxIterations,
      `Cannot compute ${what}: did not converge in ${maxIterations} iterations (last rate ${
        Math.expm1(result.x)
      }, tolerance ${tolerance}) — ${summary}`,
    );
  }
  return finite("irr", Math.expm1(result.x));
}

function summarise(amounts: Float64Array, first: number, last: number): string {
  let outflows = 0;
  let inflows = 0;
  for (const amount of amounts) {
    if (amount < 0) outflows += amount;
    else inflows += amount;
  }
  return `flows: ${amounts.length} from t = ${+first.toFixed(4)} to ${+last.toFixed(4)} years, ` +
    `outflows ${+outflows.toPrecision(6)}, inflows ${+inflows.toPrecision(6)}`;
}
