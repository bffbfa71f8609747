/**
 * The `gpu_rental_prices` section of `data/SOURCES.md`: what each kind of row is, where it
 * comes from, its licence and caveats, how the derived values are computed, the label tables
 * and the inputs with their sha256.
 *
 * @module
 */
import { inputRow, INPUTS_TABLE_HEADER, type RawInput } from "./dataset_build.ts";
import { BACKFILL_INDEXES } from "./gpu_backfill.ts";
import { GPU_PRICE_KINDS, KIND_PERIODS, KIND_UNITS } from "../data/gpu_price_kinds.ts";
import {
  POINT_GPUS,
  POINT_PERIODS,
  POINT_PROVIDERS,
  POINT_UNITS,
  PRICE_TYPE_KINDS,
} from "./gpu_price_points.ts";
import type { GpuRentalPriceRow } from "../data/gpu_rental_prices.ts";
import type { TrackerFile } from "./gpu_tracker.ts";
import { trackerLabel } from "./gpu_tracker_daily.ts";

/** What the build learnt about one tracker file. */
export interface TrackerSummary {
  /** The file and its GPU. */
  readonly tracker: TrackerFile;
  /** Number of snapshots (lines). */
  readonly snapshots: number;
  /** `timestamp` of the first snapshot. */
  readonly first: string;
  /** `timestamp` of the last snapshot. */
  readonly last: string;
  /** Number of distinct UTC days. */
  readonly days: number;
  /** Providers seen in `by_provider`, in name order. */
  readonly providers: readonly string[];
  /** Fewest snapshots on one day. */
  readonly fewestPerDay: number;
  /** Most snapshots on one day. */
  readonly mostPerDay: number;
}

/** Everything the section reports. */
export interface GpuRentalPricesMeta {
  /** The dataset rows. */
  readonly rows: readonly GpuRentalPriceRow[];
  /** One summary per tracker file. */
  readonly trackers: readonly TrackerSummary[];
  /** The inputs read (paths relative to the source folder) and where they come from. */
  readonly inputs: readonly { readonly input: RawInput; readonly origin: string }[];
  /** sha256 of the CSV text. */
  readonly sha256: string;
}

function range(dates: readonly string[]): string {
  const known = dates.filter((d) => d !== "").sort();
  return known.length === 0 ? "no dates" : `${known[0]} .. ${known[known.length - 1]}`;
}

function table(header: string, lines: readonly string[]): string[] {
  const cells = header.split("|").length - 2;
  return [header, `|${"---|".repeat(cells)}`, ...lines, ""];
}

/**
 * Markdown for the dataset's section of `data/SOURCES.md`.
 *
 * @example
 * ```ts
 * import { renderGpuRentalPricesSources } from "./gpu_rental_prices_sources.ts";
 * import assert from "node:assert/strict";
 *
 * const md = renderGpuRentalPricesSources({ rows: [], trackers: [], inputs: [], sha256: "ab" });
 * assert.match(md, /^## `gpu_rental_prices\.csv`/);
 * assert.match(md, /Copyright \(c\) 2025 Piotr Mazurek/);
 * assert.match(md, /"It is a demonstration\."/);
 * ```
 */
export function renderGpuRentalPricesSources(meta: GpuRentalPricesMeta): string {
  const { rows } = meta;
  const kindLines = GPU_PRICE_KINDS.map((kind) => {
    const of = rows.filter((r) => r.kind === kind);
    const gpus = [...new Set(of.map((r) => r.gpu))].join(", ");
    return `| \`${kind}\` | ${KIND_UNITS[kind]} | ${KIND_PERIODS[kind]} | ${of.length} | ` +
      `${gpus} | ${range(of.map((r) => r.date))} |`;
  });
  const trackerLines = meta.trackers.map((t) =>
    `| \`${t.tracker.file}\` (\`${
      trackerLabel(t.tracker)
    }\`) | ${t.tracker.gpu} | ${t.snapshots} | ` +
    `${t.first} .. ${t.last} | ${t.days} | ${t.fewestPerDay}–${t.mostPerDay} | ` +
    `${t.providers.join(", ")} |`
  );
  const backfillLines = Object.entries(BACKFILL_INDEXES).map(([index, gpu]) => {
    const of = rows.filter((r) => r.kind === "on-demand list" && r.gpu_as_stated === index);
    const published = of.filter((r) => r.status === "published");
    return `| \`${index}\` | ${gpu} | ${of.length} | ${published.length} | ` +
      `${range(published.map((r) => r.date))} | ${of.length - published.length} |`;
  });
  const md = (table: Readonly<Record<string, unknown>>, show: (v: unknown) => string) =>
    Object.entries(table).map(([stated, v]) => `| ${JSON.stringify(stated)} | ${show(v)} |`);
  const lines = [
    "## `gpu_rental_prices.csv`: GPU prices by kind — daily marketplace statistics, a monthly on-demand list-price back-series and cited price points",
    "",
    "A long table: one value per row, with its `kind`, `unit`, `gpu`, `statistic` and source.",
    "Kinds are different things and each has one unit, so never average across kinds. Load one",
    'kind at a time: `loadGpuRentalPrices({ kind: "marketplace" })` (or `kinds: [...]` of one unit).',
    "",
    `- **Rows:** ${rows.length}. **sha256 of gpu_rental_prices.csv:** \`${meta.sha256}\``,
    "",
    ...table("| kind | unit | period | rows | GPUs | dates |", kindLines),
    "### (a) `marketplace`: daily statistics of the GPU marketplace tracker",
    "",
    "- **Origin:** github.com/tugot17/gpu-price-tracker `data/summary/*.jsonl`, commit",
    "  `718a831c495f202f8c290d290b1f652aa7ed70d9` (2025-11-16): snapshots of Prime Intellect's",
    "  compute-marketplace availability API, which aggregates other clouds' listings.",
    '- **Licence:** MIT. Attribution: "Copyright (c) 2025 Piotr Mazurek" (the repository\'s LICENSE).',
    "- **Derived, per GPU and UTC day** (the day of each snapshot's `timestamp`):",
    "  `min` = the lowest snapshot `price_stats.min`; `max` = the highest `price_stats.max`;",
    "  `p25`, `median`, `p75` = the median over the day's snapshots of each snapshot's `p25`,",
    "  `median`, `p75` (not percentiles of the pooled listings); `provider-median` = the median",
    "  over the day's snapshots that list the provider of `by_provider[provider].avg` (the",
    "  provider's average price per GPU-hour across its configurations). A median of an even",
    "  count is the mean of the two middle values, rounded to 6 decimals. `observations` = the",
    "  number of snapshots behind the value. `p10`, `p90` and `mean` are checked (finite,",
    "  ≥ 0) but not shipped; `availability` and `by_config` are not read.",
    "- **Caveats:** listings mix spot and on-demand (`best_deal.spot`) and all regions; about 4",
    "  weeks only; snapshots came every 4 h at first (6 a day) and about every 30 min later, so",
    "  compare days by `observations`; the first and last days are partial. Prices are USD per",
    "  GPU-hour across all listed configurations (single GPUs and multi-GPU nodes).",
    "",
    ...table(
      "| file (label) | gpu | snapshots | first .. last | days | snapshots a day | providers |",
      trackerLines,
    ),
    "### (b) `on-demand list`: the GIX monthly back-series",
    "",
    "- **Origin:** transcribed by hand from the markdown table in",
    "  https://github.com/henryzhangpku/gpu-price-index/blob/f741b56d6f8615757008a24372d340cc13f9d2f4/docs/BACKFILL.md",
    '  §6 ("The back-series: reconstructed from archived public rate cards"). The repository',
    "  listing shows no LICENSE; the monthly figures are kept as short factual figures with",
    "  their citation on every row, like the other `facts/` inputs.",
    "- **What it is** (per that document): the median of provider medians of **on-demand list",
    "  prices** from Internet-Archive captures of 11 neocloud price pages, restated to a standard",
    "  SXM/8-GPU good (statistic `median-of-provider-medians`). AWS, GCP, Azure, Oracle and",
    "  marketplaces are excluded. A month with fewer than 3 providers is withheld.",
    "- **The source's own caveats:**",
    '  "list prices, not transactions; not the index"; "It is a demonstration."',
    "  Treat the figures as indicative (transcribed by hand).",
    "- **Withheld months** stay in the file with an empty `value`, their `status`",
    "  (`withheld (<3 providers)`) and `providers_voting`; they are never filled.",
    "",
    ...table(
      "| index | gpu | months | published | published months | withheld |",
      backfillLines,
    ),
    "### (c) cited price points",
    "",
    "- **Origin:** `facts/gpu_rental_price_points.csv`, compiled by hand from public pages; every",
    "  row keeps `figure_as_stated`, `period_as_stated`, `provider_or_market_as_stated`,",
    "  `source_url`, `source_title`, `source_date` and `notes`. Several sources are secondary",
    "  (relaying SemiAnalysis or RBC data) or undated: see `notes`. Short factual figures with",
    "  citations; no licence claimed.",
    '- **Values:** a single figure is `point`; "below $2" (unit stated as an upper bound) is',
    '  `upper-bound`; "down by up to 45%" is `up-to`; a range `a-b` gives two rows `range-low`',
    "  and `range-high`; a move `a -> b` gives `from` and `to`.",
    "- **Dates:** `date` is the first day of the calendar month or year that contains the stated",
    '  period (`date_precision` says which; `year` 2023-01-01 means "in 2023", not 1 January);',
    "  empty when the period is not inside one month or year. No day is guessed.",
    "",
    "Kind from `price_type`:",
    "",
    ...table("| price_type as stated | kind |", md(PRICE_TYPE_KINDS, (v) => `\`${v}\``)),
    "Unit from `unit`:",
    "",
    ...table(
      "| unit as stated | unit, statistic |",
      md(POINT_UNITS, (v) => {
        const u = v as { unit: string; statistic?: string };
        return `${u.unit}${u.statistic === undefined ? "" : `, \`${u.statistic}\``}`;
      }),
    ),
    "Date from `period_as_stated`:",
    "",
    ...table(
      "| period as stated | date (precision) |",
      md(POINT_PERIODS, (v) => {
        const p = v as { date: string; precision: string } | undefined;
        return p === undefined ? "empty" : `${p.date} (${p.precision})`;
      }),
    ),
    "Provider from `provider_or_market` (empty: a market, average, index or data source):",
    "",
    ...table(
      "| provider or market as stated | provider |",
      md(POINT_PROVIDERS, (v) => (v === "" ? "empty" : String(v))),
    ),
    "### GPU names",
    "",
    "Tracker: `H100_80GB SXM5` → H100 SXM, `H100_80GB PCIe` → H100 PCIe, `H200_141GB` → H200,",
    "`B200_180GB` → B200, `A100_80GB SXM4` → A100 SXM. Back-series (restated to an SXM good):",
    `${Object.entries(BACKFILL_INDEXES).map(([k, v]) => `\`${k}\` → ${v}`).join(", ")}.`,
    `Points: ${Object.entries(POINT_GPUS).map(([k, v]) => `"${k}" → ${v}`).join(", ")}.`,
    "`H100` alone means the source does not state SXM or PCIe; it is never merged with either.",
    "",
    "### Columns",
    "",
    "`date` (YYYY-MM-DD, see above), `period` (day | month | point), `date_precision` (day |",
    "month | year | empty), `period_as_stated`, `gpu`, `gpu_as_stated`, `kind`,",
    "`price_type_as_stated`, `statistic`, `provider` (the provider a value is for; empty when",
    "not per provider), `provider_or_market_as_stated`, `value` (in `unit`: USD per GPU-hour,",
    "USD per GPU, or percent), `unit`, `observations` (snapshots, marketplace only),",
    "`providers_voting` (back-series only), `status` (back-series only), `figure_as_stated`,",
    "`source` (the input file), `source_url`, `source_title`, `source_date`, `notes`.",
    "",
    "### Inputs",
    "",
    INPUTS_TABLE_HEADER,
    ...meta.inputs.map(({ input, origin }) => inputRow(input, origin)),
    "",
    "Rebuild: `deno task data`.",
  ];
  return lines.join("\n") + "\n";
}
