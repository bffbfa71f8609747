/**
 * Treasury policies as data, not code paths: what a miner does with the coins it mines. One
 * interpreter ({@linkcode policySaleBtc}) turns a policy and the month's position into the BTC
 * to sell; `simulateTreasury` runs it month after month.
 *
 * - `sell-all`: sell every coin held, every month.
 * - `hold-all`: never sell (costs are met from cash, then debt).
 * - `sell-above-cost`: sell every coin held in months when the price is above the month's
 *   all-in cost per BTC; hold otherwise — the policy of never selling BTC at a loss that
 *   Bernstein describes [S2].
 * - `cover-cash-costs`: sell coins worth the month's cash expenses and interest; capex is funded
 *   from cash, then debt.
 * - `target-holding`: sell whatever is above a target stack (a number of BTC, or one per
 *   month); never buy.
 *
 * @module
 */
import type { MonthlyValues } from "../site/site_plan.ts";
import { finite, nonNegative, positive, wholeNumber } from "../units/checks.ts";
import { monthlySeries } from "./_monthly.ts";
import {
  COVER_CASH_COSTS,
  HOLD_ALL,
  saleBtc,
  SELL_ABOVE_COST,
  SELL_ALL,
  TARGET_HOLDING,
} from "./_treasury_kernel.ts";

/**
 * The policy kinds, in a fixed order.
 *
 * @example
 * ```ts
 * import { TREASURY_POLICY_KINDS } from "./treasury_policy.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(TREASURY_POLICY_KINDS.length, 5);
 * assert.ok(TREASURY_POLICY_KINDS.includes("sell-above-cost"));
 * ```
 */
export const TREASURY_POLICY_KINDS = [
  "sell-all",
  "hold-all",
  "sell-above-cost",
  "cover-cash-costs",
  "target-holding",
] as const;

/** One of {@linkcode TREASURY_POLICY_KINDS}. */
export type TreasuryPolicyKind = typeof TREASURY_POLICY_KINDS[number];

/** A treasury policy (see the module docs). */
export type TreasuryPolicy =
  | { readonly kind: "sell-all" }
  | { readonly kind: "hold-all" }
  | { readonly kind: "sell-above-cost" }
  | { readonly kind: "cover-cash-costs" }
  | {
    readonly kind: "target-holding";
    /** BTC to keep: one value, or one per month; each ≥ 0. */
    readonly btc: MonthlyValues;
  };

/**
 * Short labels for tables and legends.
 *
 * @example
 * ```ts
 * import { TREASURY_POLICY_KINDS, TREASURY_POLICY_LABELS } from "./treasury_policy.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(TREASURY_POLICY_LABELS["hold-all"], "Hold all");
 * assert.ok(TREASURY_POLICY_KINDS.every((kind) => TREASURY_POLICY_LABELS[kind].length > 0));
 * ```
 */
export const TREASURY_POLICY_LABELS: Readonly<Record<TreasuryPolicyKind, string>> = {
  "sell-all": "Sell all monthly",
  "hold-all": "Hold all",
  "sell-above-cost": "Sell above all-in cost",
  "cover-cash-costs": "Sell to cover cash costs",
  "target-holding": "Target holding",
};

const CODES = [SELL_ALL, HOLD_ALL, SELL_ABOVE_COST, COVER_CASH_COSTS, TARGET_HOLDING] as const;

/** A checked policy for `months` months: its code and, for a target, the target by month. */
export interface CompiledTreasuryPolicy {
  /** The policy kind. */
  readonly kind: TreasuryPolicyKind;
  /** Index of the kind in {@linkcode TREASURY_POLICY_KINDS}. */
  readonly code: number;
  /** BTC to keep each month (`target-holding` only). */
  readonly targetBtc: Float64Array | undefined;
}

/**
 * Checks a policy for `months` months; a target that holds a negative amount is rejected with
 * the field, the month and the value.
 *
 * @example
 * ```ts
 * import { compileTreasuryPolicy } from "./treasury_policy.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(compileTreasuryPolicy({ kind: "hold-all" }, 12).code, 1);
 * assert.throws(() => compileTreasuryPolicy({ kind: "target-holding", btc: [500, 500, -10] }, 3),
 *   /Cannot use policy\.btc in month 2: expected a value >= 0, got -10/);
 * ```
 */
export function compileTreasuryPolicy(
  policy: TreasuryPolicy,
  months: number,
): CompiledTreasuryPolicy {
  wholeNumber("months", months, 1);
  const kind = (policy as { kind?: unknown } | undefined)?.kind;
  const code = TREASURY_POLICY_KINDS.indexOf(kind as TreasuryPolicyKind);
  if (code < 0) {
    throw new TypeError(
      `Cannot use policy.kind: expected one of ${TREASURY_POLICY_KINDS.join(", ")}, got ${
        String(kind)
      }`,
    );
  }
  const targetBtc = policy.kind === "target-holding"
    ? monthlySeries("policy.btc", policy.btc, months, nonNegative)
    : undefined;
  return { kind: policy.kind, code: CODES[code]!, targetBtc };
}

/** The month's position a policy decides on. */
export interface PolicyMonth {
  /** Month, from 0. */
  readonly month: number;
  /** BTC held, including this month's coins. */
  readonly btcHeld: number;
  /** BTC price, USD. */
  readonly priceUsd: number;
  /** The month's all-in cost per BTC mined, USD (`Infinity` when nothing was mined). */
  readonly allInCostPerBtc: number;
  /** Cash expenses and interest due this month less other income, USD (≤ 0: nothing to
   * cover). */
  readonly cashNeedUsd: number;
}

/**
 * BTC the policy sells this month: between 0 and the BTC held.
 *
 * @example At $60k against an all-in cost of $70k, "sell above cost" holds
 * ```ts
 * import { policySaleBtc } from "./treasury_policy.ts";
 * import assert from "node:assert/strict";
 *
 * const month = { month: 0, btcHeld: 100, priceUsd: 60_000, allInCostPerBtc: 70_000, cashNeedUsd: 1.2e6 };
 * assert.equal(policySaleBtc({ kind: "sell-all" }, month), 100);
 * assert.equal(policySaleBtc({ kind: "sell-above-cost" }, month), 0);
 * assert.equal(policySaleBtc({ kind: "cover-cash-costs" }, month), 20);
 * assert.equal(policySaleBtc({ kind: "target-holding", btc: 70 }, month), 30);
 * ```
 */
export function policySaleBtc(policy: TreasuryPolicy, month: PolicyMonth): number {
  const m = wholeNumber("month", month.month);
  const compiled = compileTreasuryPolicy(policy, m + 1);
  const held = nonNegative("btcHeld", month.btcHeld);
  const price = positive("priceUsd", month.priceUsd);
  const cost = month.allInCostPerBtc === Infinity
    ? Infinity
    : nonNegative("allInCostPerBtc", month.allInCostPerBtc);
  const need = finite("cashNeedUsd", month.cashNeedUsd);
  const sale = saleBtc(compiled.code, compiled.targetBtc, m, held, price, cost, need);
  return Math.min(held, Math.max(0, sale));
}
