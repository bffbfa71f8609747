/**
 * Multiple on invested capital.
 *
 * @module
 */
import { finite } from "../units/checks.ts";
import type { CashFlow, DatedCashFlow } from "./cash_flow.ts";

/**
 * MOIC: money returned ÷ money invested, i.e. the sum of positive amounts over the absolute sum
 * of negative amounts. Timing is ignored (use `npv` or `irr` for that), so
 * it takes timed or dated flows alike. Throws when nothing was invested.
 *
 * @example 100 in, 60 + 90 back: 1.5×
 * ```ts
 * import { moic } from "./moic.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(moic([{ t: 0, amount: -100 }, { t: 1, amount: 60 }, { t: 2, amount: 90 }]), 1.5);
 * assert.equal(moic([{ date: "2025-01-01", amount: -50 }, { date: "2026-01-01", amount: 25 }]), 0.5);
 * assert.throws(() => moic([{ t: 0, amount: 10 }]), /expected at least one negative amount/);
 * ```
 */
export function moic(flows: ReadonlyArray<CashFlow | DatedCashFlow>): number {
  if (!Array.isArray(flows)) {
    throw new TypeError(`Cannot use flows: expected an array of cash flows, got ${typeof flows}`);
  }
  let invested = 0;
  let returned = 0;
  for (let i = 0; i < flows.length; i++) {
    const amount = finite(`flows[${i}].amount`, flows[i]!.amount);
    if (amount < 0) invested -= amount;
    else returned += amount;
  }
  if (invested === 0) {
    throw new RangeError(
      `Cannot compute moic: expected at least one negative amount (money invested), got none in ${flows.length} flows`,
    );
  }
  return returned / invested;
}
