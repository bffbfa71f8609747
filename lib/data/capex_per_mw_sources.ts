/**
 * The `capex_per_mw` section of `data/SOURCES.md`: origin, licence, columns, the metric mapping,
 * the facts rows left out, the checks, caveats, a table of the figures and the input with its
 * sha256.
 *
 * @module
 */
import type { CapexPerMw } from "./capex_per_mw.ts";
import { inputRow, INPUTS_TABLE_HEADER, type RawInput } from "./dataset_build.ts";
import {
  CAPEX_POINTS_INPUT,
  FACTS_METRICS,
  PLAUSIBLE_USD_PER_MW,
  UNIT_BASES,
} from "./_capex_per_mw_facts.ts";

/** A facts row left out of the dataset (it has no per-MW number), by line. */
export interface CapexLeftOut {
  /** Line in the facts file. */
  readonly line: number;
  /** The row's `subject`. */
  readonly subject: string;
  /** The row's `metric`, as stated. */
  readonly metric: string;
}

/** Escapes `|` for a markdown table cell. */
function cell(text: string): string {
  return text.replaceAll("|", "\\|");
}

/** `8000000` → `8.0`, in USD millions, for the sources table. */
function millions(usd: number): string {
  return (usd / 1e6).toFixed(2);
}

/**
 * The `capex_per_mw` section of `data/SOURCES.md` for `rows`, the facts rows `leftOut` and the
 * `input` (its `path` as SOURCES.md names it, relative to the source folder).
 *
 * @example
 * ```ts
 * import { renderCapexPerMwSources } from "./capex_per_mw_sources.ts";
 * import assert from "node:assert/strict";
 *
 * const md = renderCapexPerMwSources(
 *   [],
 *   [{ line: 4, subject: "Mullet", metric: "definition (no figure)" }],
 *   { path: "facts/capex_and_context_points.csv", bytes: 3, sha256: "ab", text: "" },
 * );
 * assert.match(md, /^## `capex_per_mw\.csv`: /);
 * assert.match(md, /line 4, Mullet \(definition \(no figure\)\)/);
 * assert.match(md, /\| `facts\/capex_and_context_points\.csv` \| .* \| 3 \| `ab` \|/);
 * ```
 */
export function renderCapexPerMwSources(
  rows: readonly CapexPerMw[],
  leftOut: readonly CapexLeftOut[],
  input: RawInput,
): string {
  const lines = [
    "## `capex_per_mw.csv`: cited build costs, acquisition prices and valuations per MW",
    "",
    "What building, buying or valuing a megawatt of AI/HPC or Bitcoin-mining capacity cost, as",
    "each source states it.",
    "",
    "- **Origin:** `facts/capex_and_context_points.csv`, hand-compiled from public pages; each row",
    "  carries `source_url`, `source_title`, `source_date` and the figure as the page states it.",
    "- **Licence:** none claimed; short factual figures with citations. Cite each row's source.",
    `- **Rows:** ${rows.length}.`,
    "- **Columns:** `subject`; `metric` (`build cost`, `acquisition price` or `valuation`);",
    "  `low_usd_per_mw`, `high_usd_per_mw` (USD per MW, the stated range; equal for a single",
    "  value); `mid_usd_per_mw`; `mw_basis` (`critical IT`, `gross`, or `not stated` where the",
    '  source says only "per MW"); `figure_as_stated`; `source_url`, `source_title`,',
    "  `source_date`; `notes` (starting with the facts file's own wording of the metric).",
    "- **Derived:** `mid_usd_per_mw = (low_usd_per_mw + high_usd_per_mw) ÷ 2`, the midpoint of",
    '  a stated range ("8000000-10000000" → 9000000) and the value itself for a single figure.',
    "  It is arithmetic, not a sourced figure.",
    "- **Metric mapping** (facts `metric` → `metric`):",
    ...Object.entries(FACTS_METRICS).map(([stated, metric]) =>
      `  - "${stated}" → ${metric === null ? "left out (no per-MW number)" : `\`${metric}\``}`
    ),
    "  The Aligned Data Centers figure is the price of its $40 billion acquisition per MW of",
    "  capacity, hence an acquisition price although the facts file calls it a valuation;",
    "  Bernstein's $3M/MW is an analyst's valuation multiple, not a trade.",
    "- **Left out:** " +
    (leftOut.length === 0
      ? "nothing."
      : leftOut.map((r) => `\`${CAPEX_POINTS_INPUT}\` line ${r.line}, ${r.subject} (${r.metric})`)
        .join("; ") + "."),
    "- **Checks at build:** the metric must be in the mapping and the unit one of " +
    Object.keys(UNIT_BASES).map((u) => `"${u}"`).join(", ") + ";",
    "  the value must be a number or a `low-high` range with low ≤ high, each bound within",
    `  ${PLAUSIBLE_USD_PER_MW.min}..${PLAUSIBLE_USD_PER_MW.max} USD per MW (a figure in millions`,
    "  fails).",
    "- **Caveats:** compare figures only on the same metric and MW basis. Build costs are the",
    "  developers' own estimates at announcement. Several sources are secondary (rewrites,",
    "  aggregator or social posts) and some pages show no date (`source_date` blank).",
    "",
    "| subject | metric | USD M per MW (low–high) | MW basis |",
    "|---|---|---|---|",
    ...rows.map((r) =>
      `| ${cell(r.subject)} | ${r.metric} | ${millions(r.low_usd_per_mw)}` +
      (r.high_usd_per_mw === r.low_usd_per_mw ? "" : `–${millions(r.high_usd_per_mw)}`) +
      ` | ${r.mw_basis} |`
    ),
    "",
    "### Inputs",
    "",
    INPUTS_TABLE_HEADER,
    inputRow(input, "hand-compiled from the pages in `source_url`"),
    "",
    "Rebuild: `deno task data`",
  ];
  return lines.join("\n") + "\n";
}
