/**
 * A split study's results as the rows its exhibits chart: each share's mean NPV with its status
 * against the constraints, a site's monthly segment flows summed by project year, and the table
 * comparing named splits' NPVs.
 *
 * @module
 */
import { markdownTable } from "../charts/markdown_table.ts";
import { yearSums } from "../finance/year_sums.ts";
import { formatPercent, formatUsd } from "../units/format.ts";
import type { SplitRow } from "./best_split.ts";
import type { SiteCashFlows } from "./site_cash_flows.ts";

/** Where a share stands against the constraints, in words. */
export type SplitStatus =
  | "Best feasible split"
  | "Feasible"
  | "Over the capex budget"
  | "Below the minimum mining share"
  | "Loss risk above the limit";

/**
 * A row's status: the best, feasible, or the first constraint it breaks (the capex budget first,
 * then the mining floor, then the risk limit).
 *
 * @example
 * ```ts
 * import { splitStatus } from "./split_rows.ts";
 * import assert from "node:assert/strict";
 *
 * const row = (breaks: string[]) => ({ feasible: breaks.length === 0, breaks });
 * const best = row([]);
 * assert.equal(splitStatus(best, best), "Best feasible split");
 * assert.equal(splitStatus(row([]), best), "Feasible");
 * assert.equal(splitStatus(row(["loss probability", "capex budget"]), best), "Over the capex budget");
 * assert.equal(splitStatus(row(["loss probability"]), best), "Loss risk above the limit");
 * ```
 */
export function splitStatus(
  row: Pick<SplitRow, "feasible" | "breaks">,
  best: Pick<SplitRow, "feasible" | "breaks"> | undefined,
): SplitStatus {
  if (row === best) return "Best feasible split";
  if (row.feasible) return "Feasible";
  if (row.breaks.includes("capex budget")) return "Over the capex budget";
  if (row.breaks.includes("minimum mining share")) return "Below the minimum mining share";
  return "Loss risk above the limit";
}

/** One bar of the split chart. */
export interface SplitColumn {
  /** The AI share, as a whole percentage ("35%"). */
  readonly share: string;
  /** Mean NPV, USD millions. */
  readonly npvM: number;
  /** The row's {@linkcode SplitStatus}. */
  readonly status: SplitStatus;
}

/**
 * The split chart's bars: the rows whose share is on `grid`, in their order, with the mean NPV in
 * USD millions and each row's status.
 *
 * @example
 * ```ts
 * import { splitColumns } from "./split_rows.ts";
 * import assert from "node:assert/strict";
 *
 * const rows = [
 *   { aiShare: 0, npvMeanUsd: 1e8, feasible: true, breaks: [] },
 *   { aiShare: 0.2, npvMeanUsd: 3e8, feasible: true, breaks: [] },
 *   { aiShare: 0.5, npvMeanUsd: 5e8, feasible: false, breaks: ["capex budget"] },
 * ];
 * assert.deepEqual(splitColumns({ rows, best: rows[1] }, [0, 0.5]), [
 *   { share: "0%", npvM: 100, status: "Feasible" },
 *   { share: "50%", npvM: 500, status: "Over the capex budget" },
 * ]);
 * ```
 */
export function splitColumns(
  split: {
    readonly rows: readonly Pick<SplitRow, "aiShare" | "npvMeanUsd" | "feasible" | "breaks">[];
    readonly best: Pick<SplitRow, "feasible" | "breaks"> | undefined;
  },
  grid: readonly number[],
): SplitColumn[] {
  return split.rows.filter((r) => grid.includes(r.aiShare)).map((r) => ({
    share: formatPercent(r.aiShare, 0),
    npvM: r.npvMeanUsd / 1e6,
    status: splitStatus(r, split.best),
  }));
}

/** One segment's flows over one project year. */
export interface SegmentYear {
  /** Project year, "Y1" first. */
  readonly year: string;
  /** The segment: "Mining margin", "AI lease NOI" or "AI build capex". */
  readonly segment: "Mining margin" | "AI lease NOI" | "AI build capex";
  /** USD millions in that year; capex negative. */
  readonly usdM: number;
}

/**
 * A site's mining margin, AI NOI and AI build capex (negative) summed by project year, in USD
 * millions, segment by segment: the rows of a stacked yearly column chart.
 *
 * @example 18 months: a full year and a half year per segment
 * ```ts
 * import { segmentYears } from "./split_rows.ts";
 * import assert from "node:assert/strict";
 *
 * const month = (usd: number) => new Float64Array(18).fill(usd);
 * const rows = segmentYears({ miningEbitda: month(1e6), aiEbitda: month(2e6), aiCapex: month(1e6) });
 * assert.equal(rows.length, 6);
 * assert.deepEqual(rows[0], { year: "Y1", segment: "Mining margin", usdM: 12 });
 * assert.deepEqual(rows[3], { year: "Y2", segment: "AI lease NOI", usdM: 12 });
 * assert.deepEqual(rows[5], { year: "Y2", segment: "AI build capex", usdM: -6 });
 * ```
 */
export function segmentYears(
  flows: Pick<SiteCashFlows, "miningEbitda" | "aiEbitda" | "aiCapex">,
): SegmentYear[] {
  const segments = [
    ["Mining margin", flows.miningEbitda, 1],
    ["AI lease NOI", flows.aiEbitda, 1],
    ["AI build capex", flows.aiCapex, -1],
  ] as const;
  return segments.flatMap(([segment, monthly, sign]) =>
    yearSums(monthly).map((usd, y) => ({ year: `Y${y + 1}`, segment, usdM: sign * usd / 1e6 }))
  );
}

/**
 * The markdown table comparing named splits: mean NPV, the three NPV percentiles each row holds
 * (`npvPercentilesUsd`, titled by `percentiles`), the loss probability and the capex ("–" for
 * all mining).
 *
 * @example
 * ```ts
 * import { splitComparisonTable } from "./split_rows.ts";
 * import assert from "node:assert/strict";
 *
 * const row = (aiShare: number, capexUsd: number) => ({ aiShare, npvMeanUsd: 2e8, capexUsd,
 *   npvPercentilesUsd: [1e8, 2e8, 3e8], lossProbability: 0.05 });
 * const table = splitComparisonTable([{ name: "All mining", row: row(0, 0) },
 *   { name: "Best split", row: row(0.5, 5e8) }], { percentiles: [10, 50, 90] });
 * assert.equal(table, [
 *   "| Split | Mean NPV | P10 | P50 | P90 | P(NPV < 0) | Capex |",
 *   "|---|--:|--:|--:|--:|--:|--:|",
 *   "| All mining (0% AI) | $200M | $100M | $200M | $300M | 5% | – |",
 *   "| Best split (50% AI) | $200M | $100M | $200M | $300M | 5% | $500M |",
 * ].join("\n"));
 * assert.throws(() => splitComparisonTable([{ name: "x", row: row(0, 0) }], { percentiles: [50] }),
 *   /row 1 holds 3 NPV percentiles, 1 titled/);
 * ```
 */
export function splitComparisonTable(
  compared: readonly {
    readonly name: string;
    readonly row: Pick<
      SplitRow,
      "aiShare" | "npvMeanUsd" | "npvPercentilesUsd" | "lossProbability" | "capexUsd"
    >;
  }[],
  options: { readonly percentiles: readonly number[] },
): string {
  compared.forEach(({ row }, i) => {
    if (row.npvPercentilesUsd.length !== options.percentiles.length) {
      throw new RangeError(
        `Cannot build the comparison: row ${
          i + 1
        } holds ${row.npvPercentilesUsd.length} NPV percentiles, ${options.percentiles.length} titled`,
      );
    }
  });
  type Compared = (typeof compared)[number];
  const right = "right" as const;
  return markdownTable(compared, [
    { title: "Split", cell: (c: Compared) => `${c.name} (${formatPercent(c.row.aiShare, 0)} AI)` },
    { title: "Mean NPV", cell: (c: Compared) => formatUsd(c.row.npvMeanUsd), align: right },
    ...options.percentiles.map((q, k) => ({
      title: `P${q}`,
      cell: (c: Compared) => formatUsd(c.row.npvPercentilesUsd[k]!),
      align: right,
    })),
    {
      title: "P(NPV < 0)",
      cell: (c: Compared) => formatPercent(c.row.lossProbability, 0),
      align: right,
    },
    {
      title: "Capex",
      cell: (c: Compared) => c.row.aiShare === 0 ? "–" : formatUsd(c.row.capexUsd),
      align: right,
    },
  ]);
}
