/**
 * The comparison table of {@linkcode minerVsMullet}: one row per measure, the pure miner and
 * the mullet side by side with the difference (mullet − pure), as numbers and as display text
 * (formatted with lib/units/format.ts). Ready for `tableSpec` or a markdown table.
 *
 * @module
 */
import { formatPercent, formatUsd } from "../units/format.ts";
import type { MinerVsMullet } from "./miner_vs_mullet.ts";
import { TREASURY_POLICY_LABELS } from "./treasury_policy.ts";

/** One measure of the comparison. Numbers are `NaN` where a measure has no value. */
export interface ComparisonRow {
  /** What is measured, with its basis. */
  readonly metric: string;
  /** The pure miner's value. */
  readonly pure: number;
  /** The mullet's value. */
  readonly mullet: number;
  /** Mullet − pure. */
  readonly difference: number;
  /** `pure` as display text. */
  readonly pureText: string;
  /** `mullet` as display text. */
  readonly mulletText: string;
  /** `difference` as display text, signed. */
  readonly differenceText: string;
}

type Kind = "usd" | "percent" | "share" | "months" | "btc" | "points";

function text(value: number, kind: Kind, signed = false): string {
  if (Number.isNaN(value)) return "–";
  const sign = signed && value > 0 ? "+" : "";
  switch (kind) {
    case "usd":
      return sign + formatUsd(value);
    case "percent":
      return sign + formatPercent(value);
    case "share": // a miner's share of the network is a fraction of a percent
      return sign + formatPercent(value, 3);
    case "points":
      return `${sign}${(value * 100).toFixed(Math.abs(value) < 0.01 ? 3 : 1)} pp`;
    case "months":
      return sign + value.toFixed(1);
    case "btc":
      return sign + value.toLocaleString("en-US", { maximumFractionDigits: 0 });
  }
}

/**
 * The rows of the comparison, in reading order: cash flow (level, volatility, negative months),
 * BTC and network share, NPV and its distribution, the treasury under the policy, and the
 * sum-of-the-parts value when the comparison had one.
 *
 * @example
 * ```ts
 * import { minerVsMulletTable } from "./comparison_table.ts";
 * import { minerVsMullet } from "./miner_vs_mullet.ts";
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
 * const btcPrice = { paths: new Float64Array(24).fill(100_000), pathCount: 1, steps: 24, seed: 1 };
 * const result = minerVsMullet({ company, ai, aiShare: 0.5, btcPrice, networkHashrate: ehs(1_000) },
 *   { discountRate: 0.1, debtRateAnnual: 0.08 });
 * const rows = minerVsMulletTable(result);
 * const btc = rows.find((r) => r.metric.startsWith("BTC mined"))!;
 * assert.ok(Math.abs(btc.mullet / btc.pure - 0.5) < 1e-12);
 * assert.equal(rows[0]!.differenceText.startsWith("-$"), true); // building the AI hall costs cash
 * ```
 */
export function minerVsMulletTable(result: MinerVsMullet): ComparisonRow[] {
  const { pure, mullet, months } = result;
  const rows: ComparisonRow[] = [];
  const add = (metric: string, a: number, b: number, kind: Kind, diffKind: Kind = kind) =>
    rows.push({
      metric,
      pure: a,
      mullet: b,
      difference: b - a,
      pureText: text(a, kind),
      mulletText: text(b, kind),
      differenceText: text(b - a, diffKind, true),
    });
  add("Monthly cash flow, mean", pure.meanMonthlyCashFlowUsd, mullet.meanMonthlyCashFlowUsd, "usd");
  add(
    "Monthly cash flow, volatility (s.d. across paths)",
    pure.cashFlowVolatilityUsd,
    mullet.cashFlowVolatilityUsd,
    "usd",
  );
  add(
    `Months of negative cash flow (of ${months})`,
    pure.negativeCashFlowMonths,
    mullet.negativeCashFlowMonths,
    "months",
  );
  add(`BTC mined over ${months} months`, pure.btcMined, mullet.btcMined, "btc");
  add("Network hashrate share, mean", pure.meanShare, mullet.meanShare, "share", "points");
  add("NPV, mean", pure.npvMeanUsd, mullet.npvMeanUsd, "usd");
  add("NPV, 5th percentile", pure.npvP5Usd, mullet.npvP5Usd, "usd");
  add("NPV, median", pure.npvP50Usd, mullet.npvP50Usd, "usd");
  add("NPV, 95th percentile", pure.npvP95Usd, mullet.npvP95Usd, "usd");
  add("Probability NPV < 0", pure.lossProbability, mullet.lossProbability, "percent", "points");
  const wins = result.mulletWinsProbability;
  rows.push({
    metric: "Paths on which the mullet's NPV is higher",
    pure: NaN,
    mullet: wins,
    difference: NaN,
    pureText: "–",
    mulletText: formatPercent(wins),
    differenceText: "–",
  });
  const policy = TREASURY_POLICY_LABELS[pure.treasury.policy];
  add(
    `Treasury equity at horizon, median (${policy})`,
    pure.treasury.endEquityP50Usd,
    mullet.treasury.endEquityP50Usd,
    "usd",
  );
  add(
    `Paths selling BTC below all-in cost (${policy})`,
    pure.treasury.saleBelowCostProbability,
    mullet.treasury.saleBelowCostProbability,
    "percent",
    "points",
  );
  if (pure.sumOfTheParts !== undefined && mullet.sumOfTheParts !== undefined) {
    add(
      "Sum-of-the-parts equity value",
      pure.sumOfTheParts.equityValueUsd,
      mullet.sumOfTheParts.equityValueUsd,
      "usd",
    );
  }
  return rows;
}
