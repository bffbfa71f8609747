/**
 * The `companies` section of `data/SOURCES.md`: origin, licence, columns, the metric vocabulary
 * and units, the basis rules, the conflict rule, the corrections and rows left out, the checks,
 * coverage (ticker × valuation input: the latest period available) and the holes, and the
 * inputs with their sha256.
 *
 * @module
 */
import {
  COMPANY_BASES,
  COMPANY_METRIC_UNITS,
  type CompanyFact,
  type CompanyMetric,
  type PeriodPrecision,
} from "../../data/companies.ts";
import { VALUATION_INPUTS, type ValuationInput } from "../../coverage/company_facts_as_of.ts";
import { inputRow, INPUTS_TABLE_HEADER, type RawInput } from "../dataset_build.ts";
import { BASIS_FAMILIES, PART_WORDING, SITE_FLAG } from "./_companies_basis.ts";
import { FACT_VERDICTS } from "./_companies_corrections.ts";
import type { LeftOutFact } from "./_companies_facts.ts";

/** Escapes `|` for a markdown table cell. */
function cell(text: string): string {
  return text.replaceAll("|", "\\|");
}

/** A period end at its stated precision: `2026-01-31` of a month-only period is `2026-01`. */
function shownPeriod(fact: { period_end: string; period_precision: PeriodPrecision }): string {
  if (fact.period_precision === "year") return fact.period_end.slice(0, 4);
  if (fact.period_precision === "month") return fact.period_end.slice(0, 7);
  return fact.period_end;
}

/** Ticker × valuation input: the latest period of a company figure, `—` where none. */
function coverage(facts: readonly CompanyFact[]): { table: string[]; holes: string[] } {
  const inputs = Object.keys(VALUATION_INPUTS) as ValuationInput[];
  const tickers = [...new Set(facts.map((f) => f.ticker))].sort();
  const table = [
    `| ticker | facts | ${inputs.map((i) => `\`${i}\``).join(" | ")} |`,
    `|---|---:|${inputs.map(() => "---").join("|")}|`,
  ];
  const holes: string[] = [];
  for (const ticker of tickers) {
    const own = facts.filter((f) => f.ticker === ticker);
    const missing: string[] = [];
    const cells = inputs.map((input) => {
      const bases = VALUATION_INPUTS[input];
      const latest = own.filter((f) =>
        f.metric === input && f.scope === "company" &&
        (bases === undefined || bases.includes(f.basis))
      ).toSorted((a, b) =>
        a.period_end < b.period_end ? 1 : a.period_end > b.period_end ? -1 : 0
      )[0];
      if (latest === undefined) missing.push(`\`${input}\``);
      return latest === undefined ? "—" : shownPeriod(latest);
    });
    table.push(`| ${ticker} | ${own.length} | ${cells.join(" | ")} |`);
    if (missing.length > 0) holes.push(`  - ${ticker}: ${missing.join(", ")}`);
  }
  return { table, holes };
}

/**
 * The `companies` section of `data/SOURCES.md` for the built `facts`, the rows `leftOut` and
 * the `inputs` (their `path` as SOURCES.md names them, relative to the source folder).
 *
 * @example
 * ```ts
 * import { renderCompaniesSources } from "./companies_sources.ts";
 * import assert from "node:assert/strict";
 *
 * const md = renderCompaniesSources([], [], [
 *   { path: "facts/company_operating_facts.csv", bytes: 3, sha256: "ab", text: "" },
 * ]);
 * assert.match(md, /^## `companies\.csv`: /);
 * assert.match(md, /\| `facts\/company_operating_facts\.csv` \| .* \| 3 \| `ab` \|/);
 * ```
 */
export function renderCompaniesSources(
  facts: readonly CompanyFact[],
  leftOut: readonly LeftOutFact[],
  inputs: readonly RawInput[],
): string {
  const { table, holes } = coverage(facts);
  const count = (f: (fact: CompanyFact) => boolean) => facts.filter(f).length;
  const corrections = FACT_VERDICTS.filter((v) => v.leaveOut !== true);
  const lines = [
    "## `companies.csv`: listed miners' cited operating, power, HPC and balance-sheet facts",
    "",
    "One fact a row: a ticker, a period end, a metric from a closed vocabulary, its value in the",
    "metric's one unit, its basis, its scope and its source. Facts that disagree are all kept; a",
    "stated rule flags the one a model uses.",
    "",
    `- **Origin:** \`${inputs.map((i) => i.path).join("` and `")}\`, hand-compiled from public`,
    "  pages (company releases, SEC filings, press relays, aggregators); each row carries",
    "  `source_url`, `source_title`, `source_date`, `source_type` and the figure as the page",
    "  states it. `company_operating_facts.md` beside the first gives its definitions and known",
    "  conflicts; the second holds the project's own additions, each read from a filing or a",
    "  company release.",
    "- **Licence:** none claimed; short factual figures with citations. Cite each row's source.",
    `- **Rows:** ${facts.length} (${count((f) => f.preferred)} preferred; ` +
    `${count((f) => f.scope === "site")} site and ${count((f) => f.scope === "part")} part ` +
    `figures; ${count((f) => f.check === "corrected")} corrected; ${leftOut.length} facts rows ` +
    "left out).",
    "- **Columns:** `ticker`; `company`; `period_end` (`YYYY-MM-DD`: for a stock the as-of",
    "  date, for a flow the last day of the period; the last day of the month or year where the",
    "  source gives only that); `period_precision` (`day`, `month`, `year`); `metric`; `value`;",
    "  `unit`; `basis`; `scope` (`company`, `site`, `part`); `preferred` (`yes`/`no`);",
    "  `source_type` (`company release`, `SEC filing`, `press relay`, `aggregator`);",
    "  `source_url`, `source_title`, `source_date`; `check` (the facts table's own check of the",
    "  page: `confirmed`, `not found` in its store but seen on another page its notes cite,",
    "  `corrected` by the build as the check's verdict says, or `unchecked`);",
    "  `figure_as_stated`, `basis_as_stated`, `period_as_stated` (the facts table's words);",
    "  `input` (facts file and line); `notes`.",
    "- **Metrics and units** (one unit a metric; definitions in `company_operating_facts.md`):",
    ...Object.entries(
      Object.groupBy(
        Object.entries(COMPANY_METRIC_UNITS),
        ([, unit]) => unit,
      ),
    ).map(([unit, metrics]) =>
      `  - ${unit}: ${metrics!.map(([metric]) => `\`${metric}\``).join(", ")}`
    ),
    `- **Bases:** ${COMPANY_BASES.map((b) => `\`${b}\``).join(", ")}. Read from the facts`,
    "  table's `basis` words by ordered rules (first match wins), per family of metrics:",
    ...BASIS_FAMILIES.map((family) =>
      `  - ${family.name} (${family.metrics.map((m) => `\`${m}\``).join(", ")}): ` +
      (family.rules.length === 0
        ? "`not stated` (the words stay in `basis_as_stated`)"
        : family.rules.map((r) => `\`${cell(r.pattern.source)}\` → \`${r.basis}\``).join("; ") +
          (family.strict ? "; any other wording is an error" : "; otherwise `not stated`"))
    ),
    "  Where the words name a basis and also say it is not stated, it is `not stated`.",
    `- **Scope:** \`site\` where the notes flag the row site-level (\`${SITE_FLAG.source}\`);`,
    `  \`part\` where the basis words an increment, a phase, a subset or a contribution`,
    `  (\`${cell(PART_WORDING.source)}\`) or the notes say "increment at"; else \`company\`.`,
    "- **Conflict rule (`preferred`):** within each ticker, metric and basis, among company",
    "  figures only, the preferred row is the first by: source type (a company release or an",
    "  SEC filing, then a press relay, then an aggregator); then the latest `period_end`; then",
    "  the latest `source_date` (a month-only date counts as its last day, none as the",
    "  earliest); then the earlier row. So a company's own figure is preferred to a later",
    "  relay's: MARA's 52,850 BTC held at 2025-09-30 (SEC filing) to 53,822 at 2025-12-31",
    "  (press relays). Rows on different bases measure different things and are never ranked",
    "  against each other. `companyFactsAsOf(facts, { ticker, asOf })` applies the same rule to",
    "  the company figures whose period ended by `asOf`, per valuation input:",
    ...(Object.entries(VALUATION_INPUTS) as [ValuationInput, readonly string[] | undefined][])
      .map(([input, bases]) =>
        `  - \`${input}\` (${COMPANY_METRIC_UNITS[input as CompanyMetric]}): ` +
        (bases === undefined ? "any basis" : bases.map((b) => `\`${b}\``).join(" or "))
      ),
    "  and says which are missing: a value nobody published stays missing.",
    "- **Corrected** (the facts table's check verdicts, applied as they say):",
    ...corrections.map((v) =>
      `  - ${v.row.ticker} \`${v.row.metric}\` ${v.row.value} at ${v.row.period_end} ` +
      `(${v.recordedAs}): ` +
      [
        v.metric === undefined ? "" : `metric \`${v.metric}\``,
        v.basis === undefined ? "" : `basis \`${v.basis}\``,
        v.periodEnd === undefined ? "" : `period end ${v.periodEnd}`,
      ].filter((s) => s !== "").join(", ") + `. ${v.why}`
    ),
    "- **Left out:**" + (leftOut.length === 0 ? " nothing." : ""),
    ...leftOut.map((l) =>
      `  - \`${l.input}\`, ${l.verdict.row.ticker} \`${l.verdict.row.metric}\` ` +
      `${l.verdict.row.value} (${l.verdict.recordedAs}): ${l.verdict.why}`
    ),
    "- **Checks at build:** every column present; the metric in the vocabulary and the unit its",
    "  unit; `period_end` and `source_date` ISO dates (day, month or year); the source type in",
    "  its vocabulary; the basis read by a rule; the value one of the figures `figure_as_stated`",
    "  states in the metric's unit, after only stated arithmetic (a scale word such as",
    '  "million" or "bn", GW → MW, cents → USD, a decimal comma as in "16,2 EH/s", and',
    '  thousands where the figure, basis or notes say "thousands"), a number followed by another',
    "  unit's word never counting; a check verdict (WRONG PERIOD, WRONG BASIS) in a row's notes",
    "  needs its entry above, and each entry must name exactly one row.",
    "- **Caveats:** a company figure may still be a sum over leases or tranches, or one lease",
    "  (`basis_as_stated` says which); `debt_principal` may or may not include convertibles",
    "  (its `basis_as_stated` names the instruments); issue sizes of convertibles are not",
    "  balances (basis `issue size`). Aggregators (AI-written summaries, a repository",
    "  transcribing XBRL) are the least preferred source; their figures matched the companies'",
    "  where both were seen.",
    "",
    "### Coverage: latest period of a company figure per valuation input",
    "",
    ...table,
    "",
    "Holes (no company figure for a valuation input):",
    "",
    ...holes,
    "",
    "### Inputs",
    "",
    INPUTS_TABLE_HEADER,
    ...inputs.map((input) => inputRow(input, "hand-compiled from the pages in `source_url`")),
    "",
    "Rebuild: `deno task data --only companies`",
  ];
  return lines.join("\n") + "\n";
}
