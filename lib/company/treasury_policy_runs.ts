/**
 * The same comparison under every treasury policy: {@linkcode minerVsMullet} run once per policy
 * on the same company and paths (the NPV does not depend on the policy; the treasury does), and
 * what a note reads off the runs: which policies never sell below cost, under how many the
 * mullet's treasury ends ahead, each strategy's median treasury equity by policy, and the
 * policies' treasuries as table text.
 *
 * @module
 */
import { monthEndIsoDate } from "../units/calendar.ts";
import { nonNegative } from "../units/checks.ts";
import { formatPercent, formatUsd } from "../units/format.ts";
import { formatNumber } from "../units/format_number.ts";
import {
  type MinerVsMullet,
  minerVsMullet,
  type MinerVsMulletInputs,
  type MinerVsMulletOptions,
} from "./miner_vs_mullet.ts";
import type { StrategyLabels } from "./miner_vs_mullet_rows.ts";
import type { StrategyOutcome } from "./strategy_outcome.ts";
import {
  TREASURY_POLICY_KINDS,
  TREASURY_POLICY_LABELS,
  type TreasuryPolicy,
} from "./treasury_policy.ts";

/**
 * Every policy of {@linkcode TREASURY_POLICY_KINDS}, in its order; the target holding keeps
 * `targetBtc`.
 *
 * @example
 * ```ts
 * import { everyTreasuryPolicy } from "./treasury_policy_runs.ts";
 * import assert from "node:assert/strict";
 *
 * const policies = everyTreasuryPolicy(1_212);
 * assert.equal(policies.length, 5);
 * assert.deepEqual(policies.at(-1), { kind: "target-holding", btc: 1_212 });
 * assert.throws(() => everyTreasuryPolicy(-1), /targetBtc: expected a value >= 0, got -1/);
 * ```
 */
export function everyTreasuryPolicy(targetBtc: number): TreasuryPolicy[] {
  nonNegative("targetBtc", targetBtc);
  return TREASURY_POLICY_KINDS.map((kind) =>
    kind === "target-holding" ? { kind, btc: targetBtc } : { kind } as TreasuryPolicy
  );
}

/** Options of {@linkcode minerVsMulletByPolicy}: the comparison's, the policies to run, and a
 * run already made. */
export interface ByPolicyOptions extends MinerVsMulletOptions {
  /** The policies to run, in the order to report them. Required. */
  readonly policies: readonly TreasuryPolicy[];
  /** A comparison already run with these options: reused for the policy of the same kind
   * instead of running it again. Default none. */
  readonly done?: MinerVsMullet;
}

/** One policy's comparison. */
export interface PolicyRun {
  /** The policy. */
  readonly policy: TreasuryPolicy;
  /** Its label (`TREASURY_POLICY_LABELS`). */
  readonly label: string;
  /** The comparison under it. */
  readonly result: MinerVsMullet;
}

/** One strategy's median treasury equity at the horizon under one policy, USD millions. */
export interface PolicyEquityRow {
  /** The policy's label. */
  readonly policy: string;
  /** The strategy's label. */
  readonly strategy: string;
  /** Median over paths of BTC held × price + cash − debt at the horizon, USD millions. */
  readonly equityMillions: number;
}

/** Result of {@linkcode minerVsMulletByPolicy}. */
export interface ByPolicy {
  /** One run per policy, in the order asked. */
  readonly runs: readonly PolicyRun[];
  /** Labels, in lower case, of the policies under which the pure miner never sells below its
   * all-in cost on any path. */
  readonly neverBelowCost: readonly string[];
  /** How many policies leave the mullet's median treasury equity above the pure miner's. */
  readonly mulletAhead: number;
}

/**
 * Runs the comparison under each policy.
 *
 * @example Hold all never sells, so never below cost
 * ```ts
 * import { everyTreasuryPolicy, minerVsMulletByPolicy } from "./treasury_policy_runs.ts";
 * import { ehs, grossMw, jPerTh, ths, usdPerMwYear } from "../units/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const company = {
 *   grossPower: grossMw(100), startHeight: 952_053, feesBtcPerBlock: 0.03,
 *   costs: { powerPrice: 0.04, pue: 1.1, poolFee: 0.02, hostingUsdPerMwMonth: 5_000, sgaUsdPerMonth: 1e6 },
 *   fleet: { horizonMonths: 24, deliveryLagMonths: 3, depreciationMonths: 36,
 *     models: [{ name: "S21", hashrate: ths(200), efficiency: jPerTh(17.5) }],
 *     installed: [{ model: "S21", units: 25_000 }] },
 * };
 * const ai = { kind: "colocation", pue: 1.25, firstYearRent: usdPerMwYear(1.8e6), capexUsdPerItMw: 9e6,
 *   constructionMonths: 12 } as const;
 * const btcPrice = { paths: new Float64Array(48).fill(100_000), pathCount: 2, steps: 24, seed: 1 };
 * const inputs = { company, ai, aiShare: 0.4, btcPrice, networkHashrate: ehs(1_000) };
 * const byPolicy = minerVsMulletByPolicy(inputs,
 *   { discountRate: 0.1, debtRateAnnual: 0.08, policies: everyTreasuryPolicy(100) });
 * assert.equal(byPolicy.runs.length, 5);
 * assert.ok(byPolicy.neverBelowCost.includes("hold all"));
 * // The NPV does not depend on the policy.
 * assert.equal(byPolicy.runs[0]!.result.pure.npvMeanUsd, byPolicy.runs[1]!.result.pure.npvMeanUsd);
 * ```
 */
export function minerVsMulletByPolicy(
  inputs: MinerVsMulletInputs,
  options: ByPolicyOptions,
): ByPolicy {
  const { policies, done, ...comparison } = options;
  const doneKind = (comparison.policy ?? { kind: "sell-all" }).kind;
  const runs = policies.map((policy) => ({
    policy,
    label: TREASURY_POLICY_LABELS[policy.kind],
    result: done !== undefined && policy.kind === doneKind
      ? done
      : minerVsMullet(inputs, { ...comparison, policy }),
  }));
  const neverBelowCost = runs
    .filter((r) => r.result.pure.treasury.saleBelowCostProbability === 0)
    .map((r) => r.label.toLowerCase());
  const mulletAhead =
    runs.filter((r) =>
      r.result.mullet.treasury.endEquityP50Usd > r.result.pure.treasury.endEquityP50Usd
    ).length;
  return { runs, neverBelowCost, mulletAhead };
}

/**
 * Each strategy's median treasury equity at the horizon under each policy, for a column chart.
 *
 * @example
 * ```ts
 * import { policyEquityRows } from "./treasury_policy_runs.ts";
 * import assert from "node:assert/strict";
 *
 * const treasury = (usd: number) => ({ treasury: { endEquityP50Usd: usd } });
 * const runs = [{ label: "Hold all", result: { pure: treasury(2e6), mullet: treasury(3e6) } }] as never;
 * assert.deepEqual(policyEquityRows({ runs } as never, { pure: "A", mullet: "B" }), [
 *   { policy: "Hold all", strategy: "A", equityMillions: 2 },
 *   { policy: "Hold all", strategy: "B", equityMillions: 3 },
 * ]);
 * ```
 */
export function policyEquityRows(byPolicy: ByPolicy, labels: StrategyLabels): PolicyEquityRow[] {
  return byPolicy.runs.flatMap(({ label, result }) => [
    {
      policy: label,
      strategy: labels.pure,
      equityMillions: result.pure.treasury.endEquityP50Usd / 1e6,
    },
    {
      policy: label,
      strategy: labels.mullet,
      equityMillions: result.mullet.treasury.endEquityP50Usd / 1e6,
    },
  ]);
}

/** One policy's treasury, both strategies side by side, as text for a table. */
export interface PolicyTableRow {
  /** The policy's label. */
  readonly policy: string;
  /** Share of paths selling below all-in cost: "pure / mullet". */
  readonly belowCost: string;
  /** The pure miner's median first month of such a sale, `YYYY-MM`, or "never". */
  readonly firstBelowCost: string;
  /** Mean peak debt: "pure / mullet". */
  readonly peakDebt: string;
  /** Mean BTC held at the horizon: "pure / mullet". */
  readonly endBtc: string;
}

/**
 * The columns of the policy table for `markdownTable` (lib/charts): the policy, then each figure
 * right-aligned.
 *
 * @example
 * ```ts
 * import { POLICY_TABLE_COLUMNS } from "./treasury_policy_runs.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(POLICY_TABLE_COLUMNS.map((c) => c.cell),
 *   ["policy", "belowCost", "firstBelowCost", "peakDebt", "endBtc"]);
 * ```
 */
export const POLICY_TABLE_COLUMNS = [
  { title: "Policy", cell: "policy" },
  { title: "Paths selling below cost (all mining / mullet)", cell: "belowCost", align: "right" },
  { title: "First such month, median (all mining)", cell: "firstBelowCost", align: "right" },
  { title: "Peak debt, mean (all mining / mullet)", cell: "peakDebt", align: "right" },
  {
    title: "BTC held at the horizon, mean (all mining / mullet)",
    cell: "endBtc",
    align: "right",
  },
] as const satisfies readonly {
  readonly title: string;
  readonly cell: keyof PolicyTableRow;
  readonly align?: "right";
}[];

/**
 * Each policy's treasury as table text, the pure miner's figure before the mullet's; months are
 * dated from `start` (`monthEndIsoDate`).
 *
 * @example
 * ```ts
 * import { policyTableRows } from "./treasury_policy_runs.ts";
 * import assert from "node:assert/strict";
 *
 * const treasury = (below: number, first: number | undefined) => ({ treasury: {
 *   saleBelowCostProbability: below, firstSaleBelowCostMonthMedian: first, peakDebtMeanUsd: 385e6,
 *   endBtcMean: 1_090.4 } });
 * const runs = [{ label: "Sell all monthly", result: { pure: treasury(1, 1.5), mullet: treasury(0.5, 3) } }];
 * assert.deepEqual(policyTableRows({ runs } as never, { start: "2026-06-01" }), [{
 *   policy: "Sell all monthly", belowCost: "100% / 50%", firstBelowCost: "2026-08",
 *   peakDebt: "$385M / $385M", endBtc: "1,090 / 1,090" }]);
 * ```
 */
export function policyTableRows(
  byPolicy: ByPolicy,
  options: { readonly start: string },
): PolicyTableRow[] {
  const pct = (share: number) => formatPercent(share, 0);
  return byPolicy.runs.map(({ label, result: { pure, mullet } }) => {
    const both = (f: (o: StrategyOutcome) => string) => `${f(pure)} / ${f(mullet)}`;
    const first = pure.treasury.firstSaleBelowCostMonthMedian;
    return {
      policy: label,
      belowCost: both((o) => pct(o.treasury.saleBelowCostProbability)),
      firstBelowCost: first === undefined
        ? "never"
        : monthEndIsoDate(options.start, Math.round(first)).slice(0, 7),
      peakDebt: both((o) => formatUsd(o.treasury.peakDebtMeanUsd)),
      endBtc: both((o) => formatNumber(o.treasury.endBtcMean)),
    };
  });
}
