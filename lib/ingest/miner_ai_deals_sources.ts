/**
 * The `miner_ai_deals` section of `data/SOURCES.md`: origin, licence, columns, the reading
 * rules (qualifiers, event kinds, structures, capacity bases), the corrections the input's notes
 * record, caveats computed from the rows, and the input with its sha256.
 *
 * @module
 */
import { INPUTS_TABLE_HEADER } from "./dataset_build.ts";
import type { MinerAiDeal } from "../data/miner_ai_deals.ts";
import {
  CAPACITY_BASIS_BY_WORDING,
  EVENT_KIND_RULES,
  STRUCTURE_RULES,
} from "./_miner_ai_deals_rules.ts";
import { ROW_CORRECTIONS, type RowCorrection } from "./_miner_ai_deals_corrections.ts";
import { QUALIFIER_RULES } from "./_miner_ai_deals_text.ts";

/**
 * The SOURCES.md section for `rows`; `inputTableRow` is the input's row of the inputs table
 * (see `inputRow` in `dataset_build.ts`).
 *
 * @example
 * ```ts
 * import { renderMinerAiDealsSources } from "./miner_ai_deals_sources.ts";
 * import assert from "node:assert/strict";
 *
 * const md = renderMinerAiDealsSources([], "| `facts/miner_ai_deals.csv` | x | 1 | `ab` |");
 * assert.match(md, /^## `miner_ai_deals\.csv`: /);
 * assert.match(md, /\*\*Licence:\*\* none claimed/);
 * assert.match(md, /\| gross power \| gross \|/);
 * assert.ok(md.endsWith("| `facts/miner_ai_deals.csv` | x | 1 | `ab` |\n\nRebuild: `deno task data`.\n"));
 * ```
 */
export function renderMinerAiDealsSources(
  rows: readonly MinerAiDeal[],
  inputTableRow: string,
): string {
  const dates = rows.map((r) => r.announcement_date).filter((d) => d !== "").sort();
  const derived = rows.filter((r) => !Number.isNaN(r.usd_per_mw_year));
  const bound = (r: MinerAiDeal) => {
    const upper = r.capacity_qualifier === "at least" || r.contract_value_qualifier === "up to";
    const lower = r.capacity_qualifier === "up to" || r.contract_value_qualifier === "at least";
    return upper === lower ? "" : upper ? "an upper bound" : "a lower bound";
  };
  const code = (text: string) => `\`${text}\``;
  const restated = (c: RowCorrection) =>
    [
      ...(c.capacityBasis === undefined ? [] : [`capacity_basis ${c.capacityBasis}`]),
      ...(c.criticalItMwParts === undefined
        ? []
        : [`critical_it_mw ${c.criticalItMwParts.join(" + ")} MW`]),
      ...(c.announcementDate === undefined ? [] : [`announcement_date ${c.announcementDate}`]),
      ...(c.valueNotBaseTerm ? ["contract_value_usd blank, so no F6"] : []),
    ].join("; ");
  const lines = [
    "## `miner_ai_deals.csv`: AI/HPC deals disclosed by Bitcoin miners",
    "",
    "One row per disclosed event: hosting, colocation and lease contracts, a GPU-cloud contract,",
    "option exercises and expansions, and events without terms (an acquisition agreement and its",
    "termination, a groundbreaking), with the F6 revenue intensity where a contract states one",
    "base-term value.",
    "",
    "- **Origin:** compiled by hand from public web pages (company releases, SEC exhibits, trade",
    "  press, some aggregators) by the project's data scout; every row carries `source_url`,",
    "  `source_title` and `source_date`. The compiler's words: \"Where a page showed no date,",
    "  source_date is blank. Bracketed words inside a quoted figure are clarifications added when",
    '  compiling. Nothing was estimated. A blank means the source did not state it."',
    "- **Licence:** none claimed: short factual figures, each with its citation. Cite the row's",
    "  `source_url` (attribution: the publisher of that page).",
    `- **Rows:** ${rows.length}; announcement dates ${dates[0]} .. ${dates.at(-1)} ` +
    `(${rows.length - dates.length} rows have none); F6 derived for ${derived.length} rows.`,
    "- **Columns:** `deal_id` (unique); `company`, `counterparty`, `guarantor_or_end_user`, `site`,",
    "  `event_type` (verbatim); `event_kind`; `announcement_date` (`YYYY-MM-DD`, or `YYYY-MM`);",
    "  `capacity_mw` (MW) with `capacity_qualifier` and `capacity_basis` (critical IT, gross,",
    "  approved power or unspecified); `critical_it_mw` (MW: the critical IT load the row adds,",
    "  `capacity_mw` on a critical-IT basis, the stated IT tranches where a correction gives them,",
    "  blank otherwise); `contract_value_usd` (USD, one base-term value, as compiled) with",
    "  `contract_value_qualifier`; `term_years` (years); `structure`; `usd_per_mw_year` (USD per",
    "  MW-year) and `usd_per_kw_month` (USD per kW-month); `source_url`, `source_title`,",
    "  `source_date` (the page's date), `notes`. Every `*_as_stated` column is the source's",
    "  wording, verbatim.",
    "- **Derived (F6):** `usd_per_mw_year = contract_value_usd ÷ term_years ÷",
    "  capacity_mw`; `usd_per_kw_month = usd_per_mw_year ÷ 1000 ÷ 12`; unrounded; only for an",
    "  `event_kind` of `contract` with all three figures, blank otherwise.",
    "- **announcement_date** is read from `announcement_date_as_stated` only: a day when the text",
    '  names exactly one ("June 3, 2024", "Oct. 22, 2024", "2024-11-25", "2025/09/25",',
    '  "20241118") and any weekday it names agrees; the month when it names only a month or',
    "  several days of one month; blank otherwise. `source_date` is the page's date, not the",
    "  deal's: it is never used as the announcement date, only to check that it is not later.",
    "- **Qualifiers** are the words before the figure in `capacity_as_stated` or",
    "  `contract_value_as_stated` (which must state the figure): " +
    QUALIFIER_RULES.map((r) => `${code(r.pattern.source)} → ${r.qualifier}`).join("; ") + ".",
    "- **event_kind** from `event_type`, first match: " +
    EVENT_KIND_RULES.map((r) => `${code(r.pattern.source)} → ${r.kind}`).join("; ") + ".",
    "- **structure** (contracts only), first match: " +
    STRUCTURE_RULES.map((r) => `${code(r.pattern.source)} in ${r.in} → ${r.structure}`).join("; ") +
    ".",
    "- **capacity_basis** from the input's wording (`capacity_basis_as_stated`):",
    "",
    "| wording | capacity_basis |",
    "|---|---|",
    ...Object.entries(CAPACITY_BASIS_BY_WORDING).map(([w, b]) => `| ${w} | ${b} |`),
    "",
    "### Corrections",
    "",
    'Where a row\'s notes record a finding (a "CORRECTION" remark or a "WRONG …" check',
    "verdict), the build restates the cells named here, and fails if the finding or the compiled",
    "cells it was written against change.",
    "",
    ...ROW_CORRECTIONS.filter((c) => rows.some((r) => r.deal_id === c.dealId))
      .map((c) => `- ${code(c.dealId)}: ${restated(c)}. ${c.why}`),
    "",
    "### Caveats",
    "",
    "- `capacity_mw` mixes bases (critical IT, gross, approved power, unspecified): compare",
    "  per-MW values on one basis, and sum `critical_it_mw`, not `capacity_mw`, for MW on a",
    "  critical-IT basis.",
    "- F6 averages the contract over its term: escalators make year-1 rent lower than the average,",
    "  and triple-net versus modified-gross leases change what the rent covers.",
    ...derived.filter((r) => bound(r) !== "").map((r) =>
      `- ${code(r.deal_id)}: the capacity is \"${r.capacity_qualifier}\" and the value ` +
      `\"${r.contract_value_qualifier || "as stated"}\", so F6 is ${bound(r)}.`
    ),
    ...derived.filter((r) => r.capacity_basis === "unspecified").map((r) =>
      `- ${code(r.deal_id)}: the source does not say whether its MW is IT or gross.`
    ),
    ...derived.filter((r) => r.structure === "GPU cloud").map((r) =>
      `- ${code(r.deal_id)}: a GPU-cloud contract (the value includes GPUs), not comparable to ` +
      "colocation rents."
    ),
    ...rows.filter((r) => r.event_kind !== "contract" && !Number.isNaN(r.contract_value_usd)).map(
      (r) =>
        `- ${code(r.deal_id)} (${r.event_kind}) keeps the compiled contract_value_usd ` +
        `${r.contract_value_usd}, which is not this row's rent; see its notes.`,
    ),
    "",
    "### Inputs",
    "",
    INPUTS_TABLE_HEADER,
    inputTableRow,
    "",
    "Rebuild: `deno task data`.",
  ];
  return lines.join("\n") + "\n";
}
