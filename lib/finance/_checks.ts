// Argument checks shared inside lib/finance: cash-flow arrays, discount rates, path counts.
// Messages follow lib/units/checks.ts: "Cannot use <field>: expected <what>, got <value>".
import { finite, positive, wholeNumber } from "../units/checks.ts";
import type { CashFlow, DatedCashFlow } from "./cash_flow.ts";
import { isoDayNumber } from "./_dates.ts";

/** Throws unless `flows` is a non-empty array of `{ t, amount }` with finite numbers. */
export function checkFlows(flows: readonly CashFlow[], field = "flows"): void {
  checkNonEmpty(flows, field);
  for (let i = 0; i < flows.length; i++) {
    const flow = flows[i]!;
    finite(`${field}[${i}].t`, flow.t);
    finite(`${field}[${i}].amount`, flow.amount);
  }
}

/** Throws unless `flows` is non-empty, amounts are finite, and `t` never decreases. */
export function checkOrderedFlows(flows: readonly CashFlow[], field = "flows"): void {
  checkFlows(flows, field);
  for (let i = 1; i < flows.length; i++) {
    if (flows[i]!.t < flows[i - 1]!.t) {
      throw new RangeError(
        `Cannot use ${field}[${i}].t: expected times in order (>= ${flows[i - 1]!.t}), got ${
          flows[i]!.t
        }`,
      );
    }
  }
}

/**
 * Throws unless `flows` is a non-empty array of dated flows with valid dates that never go
 * backwards; returns each flow's day number (days since 1970-01-01).
 */
export function checkDatedFlows(flows: readonly DatedCashFlow[], field = "flows"): Float64Array {
  checkNonEmpty(flows, field);
  const days = new Float64Array(flows.length);
  for (let i = 0; i < flows.length; i++) {
    const flow = flows[i]!;
    days[i] = isoDayNumber(`${field}[${i}].date`, flow.date);
    finite(`${field}[${i}].amount`, flow.amount);
    if (i > 0 && days[i]! < days[i - 1]!) {
      throw new RangeError(
        `Cannot use ${field}[${i}].date: expected dates in order (on or after ${
          flows[i - 1]!.date
        }), got ${flow.date}`,
      );
    }
  }
  return days;
}

function checkNonEmpty(flows: readonly unknown[], field: string): void {
  if (!Array.isArray(flows)) {
    throw new TypeError(
      `Cannot use ${field}: expected an array of cash flows, got ${typeof flows}`,
    );
  }
  if (flows.length === 0) {
    throw new RangeError(`Cannot use ${field}: expected at least one cash flow, got 0`);
  }
}

/** Throws unless `rate` is a finite annual rate above −100%. */
export function checkRate(field: string, rate: number): number {
  finite(field, rate);
  if (rate <= -1) {
    throw new RangeError(`Cannot use ${field}: expected a rate > -1 (-100%), got ${rate}`);
  }
  return rate;
}

/** Throws unless `periodsPerYear` is finite and > 0. */
export function checkPeriodsPerYear(periodsPerYear: number): number {
  return positive("periodsPerYear", periodsPerYear);
}

/** Throws unless `value` is a whole number ≥ 1. */
export function checkCount(field: string, value: number): number {
  return wholeNumber(field, value, 1);
}
