/**
 * The `capex_per_mw` section of `data/SOURCES.md`: origin, licence, columns, the metric and unit
 * mappings, the facts rows sent to `network_points.csv` or left out, the checks, caveats, a table
 * of the figures and the input with its sha256.
 *
 * @module
 */
import type { CapexPerMw } from "../data/capex_per_mw.ts";
import { inputRow, INPUTS_TABLE_HEADER, type RawInput } from "./dataset_build.ts";
import {
  CAPEX_POINTS_INPUT,
  FACTS_METRICS,
  type FactsRow,
  PLAUSIBLE_USD_PER_MW,
  UNIT_BASES,
} from "./_capex_per_mw_facts.ts";
import { DERIVED_MARKER } from "./_capex_per_mw_derived.ts";

/** A facts row routed to `capex_per_mw` but left out (by its unit), and why. */
export interface CapexLeftOut {
  /** Line in the facts file. */
  readonly line: number;
  /** The row's `subject`. */
  readonly subject: string;
  /** Why it is left out. */
  readonly why: string;
}

/** Escapes `|` for a markdown table cell. */
function cell(text: string): string {
  return text.replaceAll("|", "\\|");
}

/** `8000000` → `8.00`, in USD millions, for the sources table. */
function millions(usd: number): string {
  return (usd / 1e6).toFixed(2);
}

/**
 * The facts rows that neither dataset takes, one markdown item each (`line N, subject
 * (metric): why`), for the SOURCES.md sections of both datasets built from the facts file.
 *
 * @example
 * ```ts
 * import { factsLeftOut } from "./capex_per_mw_sources.ts";
 * import assert from "node:assert/strict";
 *
 * const mullet = {
 *   line: 8,
 *   route: { to: "left out", why: "a definition, no figure" },
 *   cells: { subject: "Mullet", metric: "definition (no figure)" },
 * } as const;
 * assert.deepEqual(factsLeftOut([mullet as never], []), [
 *   "  - line 8, Mullet (definition (no figure)): a definition, no figure",
 * ]);
 * ```
 */
export function factsLeftOut(
  facts: readonly FactsRow[],
  byUnit: readonly CapexLeftOut[],
): string[] {
  const items = [
    ...facts.flatMap((f) =>
      f.route.to === "left out"
        ? [{ line: f.line, text: `${f.cells.subject} (${f.cells.metric}): ${f.route.why}` }]
        : []
    ),
    ...byUnit.map((r) => ({ line: r.line, text: `${r.subject}: ${r.why}` })),
  ];
  return items.toSorted((a, b) => a.line - b.line).map((i) => `  - line ${i.line}, ${i.text}`);
}

/**
 * The `capex_per_mw` section of `data/SOURCES.md` for `rows`, every routed row of the facts
 * file (`facts`), the rows `leftOut` by their unit and the `input` (its `path` as SOURCES.md
 * names it, relative to the source folder).
 *
 * @example
 * ```ts
 * import { renderCapexPerMwSources } from "./capex_per_mw_sources.ts";
 * import assert from "node:assert/strict";
 *
 * const md = renderCapexPerMwSources(
 *   [],
 *   [],
 *   [{ line: 12, subject: "HIVE Toronto", why: "in Canadian dollars" }],
 *   { path: "facts/capex_and_context_points.csv", bytes: 3, sha256: "ab", text: "" },
 * );
 * assert.match(md, /^## `capex_per_mw\.csv`: /);
 * assert.match(md, /line 12, HIVE Toronto: in Canadian dollars/);
 * assert.match(md, /\| `facts\/capex_and_context_points\.csv` \| .* \| 3 \| `ab` \|/);
 * ```
 */
export function renderCapexPerMwSources(
  rows: readonly CapexPerMw[],
  facts: readonly FactsRow[],
  leftOut: readonly CapexLeftOut[],
  input: RawInput,
): string {
  const toNetwork = facts.filter((f) => f.route.to === "network_points").map((f) => f.line);
  const left = factsLeftOut(facts, leftOut);
  const lines = [
    "## `capex_per_mw.csv`: cited build, retrofit and acquisition costs and valuations per MW",
    "",
    "What building, converting, buying or valuing a megawatt of AI/HPC or Bitcoin-mining",
    "capacity cost, as each source states it (or as its stated cost ÷ its stated MW).",
    "",
    `- **Origin:** \`${CAPEX_POINTS_INPUT}\`, hand-compiled from public pages; each row`,
    "  carries `source_url`, `source_title`, `source_date` and the figure as the page states it.",
    "- **Licence:** none claimed; short factual figures with citations. Cite each row's source.",
    `- **Rows:** ${rows.length}.`,
    "- **Columns:** `subject`; `metric` (`build cost`, `retrofit cost`, `acquisition price` or",
    "  `valuation`); `asset` (`AI/HPC`, `bitcoin mining`, or `mining and HPC` for a company",
    "  bought whole); `low_usd_per_mw`, `high_usd_per_mw` (USD per MW, the stated range; equal",
    "  for a single value); `mid_usd_per_mw`; `mw_basis` (`critical IT`, `gross`, or `not stated`",
    "  where the source gives no basis); `per_mw` (`as stated` by the source, or `cost ÷ MW`);",
    "  `figure_as_stated`; `source_url`, `source_title`, `source_date`; `notes` (the facts",
    "  file's wording of the metric and unit, then its notes).",
    "- **Derived:** `mid_usd_per_mw = (low_usd_per_mw + high_usd_per_mw) ÷ 2`, the midpoint of",
    '  a stated range ("8000000-10000000" → 9000000) and the value itself for a single figure;',
    "  arithmetic, not a sourced figure. A `cost ÷ MW` row is the stated cost divided by the",
    "  stated MW in the facts file, which writes the division at the start of the row's notes",
    `  ("${DERIVED_MARKER}: $128M / 18 MW"); the build re-does it and checks the value to the`,
    "  dollar.",
    "- **Metric mapping** (facts `metric` → `metric`, `asset`):",
    ...Object.entries(FACTS_METRICS).flatMap(([stated, route]) =>
      route.to === "capex_per_mw" ? [`  - "${stated}" → \`${route.metric}\`, ${route.asset}`] : []
    ),
    "  A conversion of existing (mining) buildings is a retrofit; a mine's completion or",
    "  incremental build is a build cost. The Aligned Data Centers figure is the price of its",
    "  $40 billion acquisition per MW, and CoreWeave's agreed (later terminated) purchase of",
    "  Core Scientific a deal value per gross MW, hence acquisition prices; Bernstein's $3M/MW",
    "  is an analyst's valuation multiple, not a trade.",
    "- **Unit mapping** (facts `unit` → `mw_basis`):",
    ...Object.entries(UNIT_BASES).map(([unit, basis]) =>
      `  - "${unit}" → ${typeof basis === "string" ? `\`${basis}\`` : `left out: ${basis.leftOut}`}`
    ),
    "  IT MW under a colocation contract are critical IT. A unit's qualifier (an upper bound,",
    "  the MW a division used) stays in `notes`.",
    `- **To \`network_points.csv\`:** the dated network and market points, \`${CAPEX_POINTS_INPUT}\``,
    `  lines ${toNetwork.join(", ")}.`,
    `- **Left out** (lines of \`${CAPEX_POINTS_INPUT}\`):` + (left.length === 0 ? " nothing." : ""),
    ...left,
    "- **Checks at build:** the metric must be in the mapping and the unit in the unit mapping;",
    "  the value must be a number or a `low-high` range with low ≤ high, each bound within",
    `  ${PLAUSIBLE_USD_PER_MW.min}..${PLAUSIBLE_USD_PER_MW.max} USD per MW (a figure in millions`,
    '  fails); a metric or unit that says "derived" needs the division in the notes, and the',
    "  division must give the value.",
    "- **Caveats:** compare figures only on the same metric, asset and MW basis. Build costs are",
    "  the developers' own estimates at announcement, and some include more than the building",
    "  (a campus's total investment; whether GPUs are in is often not stated). Retrofits of",
    "  existing mining buildings cost far less per MW than greenfield builds and are not",
    "  comparable with them. A `cost ÷ MW` figure is only as good as its MW: Applied Digital's",
    "  280 MW campus leases 200 MW of critical IT, Bit Digital's 5 MW is the contracted IT of a",
    "  site that may host more, and the CoreWeave–Core Scientific deal was terminated. Hut 8's",
    "  Salt Creek figure is an upper bound. Several sources are secondary (rewrites, aggregator",
    "  or AI-written pages, flagged in `notes`) and some pages show no date (`source_date`",
    "  blank).",
    "",
    "| subject | metric | asset | USD M per MW (low–high) | MW basis | per MW |",
    "|---|---|---|---|---|---|",
    ...rows.map((r) =>
      `| ${cell(r.subject)} | ${r.metric} | ${r.asset} | ${millions(r.low_usd_per_mw)}` +
      (r.high_usd_per_mw === r.low_usd_per_mw ? "" : `–${millions(r.high_usd_per_mw)}`) +
      ` | ${r.mw_basis} | ${r.per_mw} |`
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
