/**
 * A {@linkcode minerVsMullet} comparison read for its exhibits: chart rows (NPV statistics and
 * percentiles per strategy, monthly series by month-end date), which strategy leads, and the
 * headline figures the comparison table holds (BTC and network share given up, the cut in cash-flow
 * volatility), the pure miner's output and network share either side of a halving, and the sum
 * of the parts of each strategy as table rows, and the comparison table's columns. Chart rows carry NPVs in
 * USD millions, as the exhibits' axes do.
 *
 * @module
 */
import { rangeMean } from "../finance/means.ts";
import { percentiles } from "../finance/percentiles.ts";
import { monthEndIsoDate } from "../units/calendar.ts";
import { wholeNumber } from "../units/checks.ts";
import { formatUsd } from "../units/format.ts";
import { type ComparisonRow, minerVsMulletTable } from "./comparison_table.ts";
import type { MinerProjection } from "./miner_projection.ts";
import type { MinerVsMullet } from "./miner_vs_mullet.ts";
import type { StrategyOutcome } from "./strategy_outcome.ts";

/** What a note calls each strategy in its legends. */
export interface StrategyLabels {
  /** The pure self-miner. */
  readonly pure: string;
  /** The mullet. */
  readonly mullet: string;
}

/** One strategy's NPV at one statistic or percentile, USD millions. */
export interface StrategyNpvRow {
  /** The statistic ("Median") or percentile ("P15"). */
  readonly stat: string;
  /** The strategy's label. */
  readonly strategy: string;
  /** NPV, USD millions. */
  readonly npvMillions: number;
}

/** One month of one named series. */
export interface MonthlyRow {
  /** End of the month, `YYYY-MM-DD`. */
  readonly date: string;
  /** The series' name. */
  readonly series: string;
  /** Its value that month. */
  readonly value: number;
}

function labelled(result: MinerVsMullet, labels: StrategyLabels) {
  return [[labels.pure, result.pure], [labels.mullet, result.mullet]] as const;
}

/**
 * Each strategy's NPV at the 5th percentile, the median, the mean and the 95th percentile.
 *
 * @example
 * ```ts
 * import { npvStatRows } from "./miner_vs_mullet_rows.ts";
 * import assert from "node:assert/strict";
 *
 * const outcome = { npvP5Usd: -1e6, npvP50Usd: 2e6, npvMeanUsd: 3e6, npvP95Usd: 9e6 };
 * const rows = npvStatRows({ pure: outcome, mullet: outcome } as never, { pure: "A", mullet: "B" });
 * assert.deepEqual(rows.slice(0, 2), [
 *   { stat: "5th percentile", strategy: "A", npvMillions: -1 },
 *   { stat: "Median", strategy: "A", npvMillions: 2 },
 * ]);
 * assert.equal(rows.length, 8);
 * ```
 */
export function npvStatRows(result: MinerVsMullet, labels: StrategyLabels): StrategyNpvRow[] {
  const stats = (o: StrategyOutcome) =>
    [
      ["5th percentile", o.npvP5Usd],
      ["Median", o.npvP50Usd],
      ["Mean", o.npvMeanUsd],
      ["95th percentile", o.npvP95Usd],
    ] as const;
  return labelled(result, labels).flatMap(([strategy, o]) =>
    stats(o).map(([stat, value]) => ({ stat, strategy, npvMillions: value / 1e6 }))
  );
}

/** Every tenth percentile from the 5th to the 95th: 5, 15, … 95. */
export const TENTH_PERCENTILES: readonly number[] = Object.freeze(
  Array.from({ length: 10 }, (_, i) => 5 + 10 * i),
);

/** Result of {@linkcode npvProfile}. */
export interface NpvProfile {
  /** Each strategy's NPV at each level ("P5", …), USD millions. */
  readonly rows: StrategyNpvRow[];
  /** The path-by-path difference (mullet − pure) at each level, USD. */
  readonly differenceUsd: number[];
  /** Its median, USD. */
  readonly differenceMedianUsd: number;
  /** Each strategy's 95th less 5th percentile of NPV, USD. */
  readonly spreadUsd: { readonly pure: number; readonly mullet: number };
}

/**
 * The NPV distributions at percentile `levels` (0–100, default {@linkcode TENTH_PERCENTILES}), and
 * of the difference on the same path.
 *
 * @example
 * ```ts
 * import { npvProfile } from "./miner_vs_mullet_rows.ts";
 * import assert from "node:assert/strict";
 *
 * const pure = { npvUsd: Float64Array.of(0, 10e6), npvP5Usd: 0.5e6, npvP95Usd: 9.5e6 };
 * const mullet = { npvUsd: Float64Array.of(5e6, 5e6), npvP5Usd: 5e6, npvP95Usd: 5e6 };
 * const result = { pure, mullet, npvDifferenceUsd: Float64Array.of(5e6, -5e6) } as never;
 * const profile = npvProfile(result, { pure: "A", mullet: "B" }, [50]);
 * assert.deepEqual(profile.rows, [
 *   { stat: "P50", strategy: "A", npvMillions: 5 },
 *   { stat: "P50", strategy: "B", npvMillions: 5 },
 * ]);
 * assert.equal(profile.differenceMedianUsd, 0);
 * assert.deepEqual(profile.spreadUsd, { pure: 9e6, mullet: 0 });
 * assert.equal(npvProfile(result, { pure: "A", mullet: "B" }).rows[1]!.stat, "P15");
 * ```
 */
export function npvProfile(
  result: MinerVsMullet,
  labels: StrategyLabels,
  levels: readonly number[] = TENTH_PERCENTILES,
): NpvProfile {
  const rows = labelled(result, labels).flatMap(([strategy, o]) => {
    const values = percentiles(o.npvUsd, levels);
    return levels.map((level, i) => ({
      stat: `P${level}`,
      strategy,
      npvMillions: values[i]! / 1e6,
    }));
  });
  const spread = (o: StrategyOutcome) => o.npvP95Usd - o.npvP5Usd;
  return {
    rows,
    differenceUsd: percentiles(result.npvDifferenceUsd, levels),
    differenceMedianUsd: percentiles(result.npvDifferenceUsd, [50])[0]!,
    spreadUsd: { pure: spread(result.pure), mullet: spread(result.mullet) },
  };
}

/**
 * Named monthly series as rows, month by month up to `months`, dated at each month's end from
 * `start` (`monthEndIsoDate`): the long form a time-series chart takes.
 *
 * @example
 * ```ts
 * import { monthlyRows } from "./miner_vs_mullet_rows.ts";
 * import assert from "node:assert/strict";
 *
 * const rows = monthlyRows("2026-06-01", { "All mining": [94, 60, 58] }, { months: 2 });
 * assert.deepEqual(rows, [
 *   { date: "2026-07-01", series: "All mining", value: 94 },
 *   { date: "2026-08-01", series: "All mining", value: 60 },
 * ]);
 * assert.throws(() => monthlyRows("2026-06-01", { a: [1] }, { months: 2 }), /"a" has 1 months, expected at least 2/);
 * ```
 */
export function monthlyRows(
  start: string,
  series: Readonly<Record<string, ArrayLike<number>>>,
  options: { readonly months: number },
): MonthlyRow[] {
  const months = wholeNumber("months", options.months);
  const dates = Array.from({ length: months }, (_, m) => monthEndIsoDate(start, m));
  return Object.entries(series).flatMap(([name, values]) => {
    if (values.length < months) {
      throw new RangeError(
        `Cannot chart "${name}": "${name}" has ${values.length} months, expected at least ${months}`,
      );
    }
    return dates.map((date, m) => ({ date, series: name, value: values[m]! }));
  });
}

/** Result of {@linkcode comparisonHeadlines}. */
export interface ComparisonHeadlines {
  /** The strategy whose NPV is higher on more paths. */
  readonly leader: "mullet" | "pure self-miner";
  /** The share of paths on which it is higher. */
  readonly leaderShare: number;
  /** BTC the mullet mines less over the horizon (mean over paths). */
  readonly btcGivenUp: number;
  /** That as a share of the pure miner's BTC. */
  readonly btcGivenUpShare: number;
  /** The network share the mullet gives up, as the comparison table shows it ("0.136 pp"). */
  readonly shareGivenUpText: string;
  /** How much less volatile the mullet's monthly cash flow is: 1 − mullet ÷ pure. */
  readonly volatilityCut: number;
}

/**
 * The comparison's headline figures, as the comparison table (`minerVsMulletTable`) holds them.
 *
 * @example With no AI the two strategies tie: nothing given up
 * ```ts
 * import { comparisonHeadlines } from "./miner_vs_mullet_rows.ts";
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
 * const btcPrice = { paths: new Float64Array(48).fill(100_000), pathCount: 2, steps: 24, seed: 1 };
 * const inputs = { company, ai, btcPrice, networkHashrate: ehs(1_000) };
 * const options = { discountRate: 0.1, debtRateAnnual: 0.08 };
 * const tie = comparisonHeadlines(minerVsMullet({ ...inputs, aiShare: 0 }, options));
 * assert.equal(tie.leader, "pure self-miner"); // higher on no path: the other leads on all
 * assert.equal(tie.leaderShare, 1);
 * assert.ok(tie.btcGivenUp === 0);
 * const split = comparisonHeadlines(minerVsMullet({ ...inputs, aiShare: 0.4 }, options));
 * assert.ok(Math.abs(split.btcGivenUpShare - 0.4) < 1e-12);
 * ```
 */
export function comparisonHeadlines(result: MinerVsMullet): ComparisonHeadlines {
  const rows = minerVsMulletTable(result);
  const btc = rows.find((r) => r.metric.startsWith("BTC mined"))!;
  const share = rows.find((r) => r.metric.startsWith("Network hashrate share"))!;
  const wins = result.mulletWinsProbability;
  return {
    leader: wins >= 0.5 ? "mullet" : "pure self-miner",
    leaderShare: wins >= 0.5 ? wins : 1 - wins,
    btcGivenUp: -btc.difference,
    btcGivenUpShare: -btc.difference / btc.pure,
    shareGivenUpText: share.differenceText.replace("-", ""),
    volatilityCut: 1 - result.mullet.cashFlowVolatilityUsd / result.pure.cashFlowVolatilityUsd,
  };
}

/** One part of a strategy's sum of the parts, as text for a table. */
export interface SumOfThePartsRow {
  /** The strategy's label. */
  readonly strategy: string;
  /** The part; the equity value in bold. */
  readonly part: string;
  /** Its value (`formatUsd`); the equity value in bold. */
  readonly value: string;
  /** How it was valued. */
  readonly basis: string;
}

/**
 * Each strategy's sum of the parts: its parts with a value, then its equity value in bold.
 * Throws when the comparison ran without `valuation`.
 *
 * @example
 * ```ts
 * import { sumOfThePartsRows } from "./miner_vs_mullet_rows.ts";
 * import assert from "node:assert/strict";
 *
 * const sotp = { equityValueUsd: 129e6, parts: [
 *   { part: "Mining MW", valueUsd: 129e6, basis: "300 MW at $430k/MW" },
 *   { part: "AI leases", valueUsd: 0, basis: "NOI at a 6.0% cap rate" },
 * ] };
 * const result = { pure: { sumOfTheParts: sotp }, mullet: { sumOfTheParts: sotp } } as never;
 * const rows = sumOfThePartsRows(result, { pure: "A", mullet: "B" });
 * assert.deepEqual(rows.slice(0, 2), [
 *   { strategy: "A", part: "Mining MW", value: "$129M", basis: "300 MW at $430k/MW" },
 *   { strategy: "A", part: "**Equity value**", value: "**$129M**", basis: "" },
 * ]);
 * assert.throws(() => sumOfThePartsRows({ pure: {}, mullet: {} } as never, { pure: "A", mullet: "B" }),
 *   /A has no sum of the parts: run minerVsMullet with valuation/);
 * ```
 */
export function sumOfThePartsRows(
  result: MinerVsMullet,
  labels: StrategyLabels,
): SumOfThePartsRow[] {
  return labelled(result, labels).flatMap(([strategy, o]) => {
    const sotp = o.sumOfTheParts;
    if (sotp === undefined) {
      throw new TypeError(
        `Cannot list the parts: ${strategy} has no sum of the parts: run minerVsMullet with valuation`,
      );
    }
    return [
      ...sotp.parts.filter((p) => p.valueUsd !== 0).map((p) => ({
        strategy,
        part: p.part,
        value: formatUsd(p.valueUsd),
        basis: p.basis,
      })),
      {
        strategy,
        part: "**Equity value**",
        value: `**${formatUsd(sotp.equityValueUsd)}**`,
        basis: "",
      },
    ];
  });
}

/** Result of {@linkcode acrossHalving}. */
export interface AcrossHalving {
  /** The pure miner's mean BTC a month over the 3 months before the halving's month. */
  readonly btcBefore: number;
  /** The same over the 3 months after it. */
  readonly btcAfter: number;
  /** The network share the central case would need the month after, to mine month 1's BTC. */
  readonly shareNeeded: number;
  /** The pure miner's mean network share that month. */
  readonly shareHeld: number;
}

/**
 * The pure miner either side of the halving in month `month`: mean BTC a month over the 3 months
 * before and after (the halving's own month, half at each subsidy, left out), and, the month
 * after, the share of the network it holds against the share a central projection (`projectMiner`
 * on one price and network path) says it would need to keep mining what it mined in month 1.
 *
 * @example
 * ```ts
 * import { acrossHalving } from "./miner_vs_mullet_rows.ts";
 * import assert from "node:assert/strict";
 *
 * const pure = { btcMinedByMonth: [100, 100, 100, 75, 50, 50, 50], shareByMonth: [0, 0, 0, 0, 0.01, 0, 0] };
 * const central = { production: { flatShare: [0, 0, 0, 0, 0.02, 0, 0] } };
 * assert.deepEqual(acrossHalving({ pure } as never, central as never, { month: 3 }),
 *   { btcBefore: 100, btcAfter: 50, shareNeeded: 0.02, shareHeld: 0.01 });
 * assert.throws(() => acrossHalving({ pure } as never, central as never, { month: 4 }),
 *   /expected a non-empty range within 7 values, got 5 to 8/);
 * ```
 */
export function acrossHalving(
  result: MinerVsMullet,
  central: MinerProjection,
  halving: { readonly month: number },
): AcrossHalving {
  const mined = result.pure.btcMinedByMonth;
  const m = wholeNumber("halving.month", halving.month, 3);
  return {
    btcBefore: rangeMean(mined, m - 3, m),
    btcAfter: rangeMean(mined, m + 1, m + 4),
    shareNeeded: central.production.flatShare[m + 1]!,
    shareHeld: result.pure.shareByMonth[m + 1]!,
  };
}

/** A column of the comparison table, as `tableSpec` (lib/charts) takes it. */
export interface ComparisonColumn {
  /** The row's text field shown. */
  readonly field: keyof Pick<
    ComparisonRow,
    "metric" | "pureText" | "mulletText" | "differenceText"
  >;
  /** The header. */
  readonly title: string;
  /** Cells are shown as the text the row holds. */
  readonly format: "text";
  /** Figures line up on the right. */
  readonly align?: "right";
}

/**
 * The columns of the comparison table (`minerVsMulletTable`'s rows): the measure, each
 * strategy's figure under its label, and the difference.
 *
 * @example
 * ```ts
 * import { comparisonTableColumns } from "./miner_vs_mullet_rows.ts";
 * import assert from "node:assert/strict";
 *
 * const columns = comparisonTableColumns({ pure: "All mining", mullet: "Mullet" });
 * assert.deepEqual(columns.map((c) => c.title), ["Measure", "All mining", "Mullet", "Mullet − pure"]);
 * assert.ok(columns.slice(1).every((c) => c.align === "right"));
 * ```
 */
export function comparisonTableColumns(labels: StrategyLabels): readonly ComparisonColumn[] {
  return [
    { field: "metric", title: "Measure", format: "text" },
    { field: "pureText", title: labels.pure, format: "text", align: "right" },
    { field: "mulletText", title: labels.mullet, format: "text", align: "right" },
    { field: "differenceText", title: "Mullet − pure", format: "text", align: "right" },
  ];
}
