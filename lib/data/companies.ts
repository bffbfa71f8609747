/**
 * Listed miners' cited operating, power, HPC and balance-sheet facts, `data/companies.csv`: one
 * fact a row (ticker, period end, metric, value in the metric's one unit, basis, scope, source),
 * conflicting facts all kept, one row per ticker, metric and basis flagged `preferred` by
 * {@linkcode comparePreference}; a metric's value is in its one unit.
 *
 * @module
 */
import type { CsvText, Schema, SchemaRow } from "./csv.ts";
import { type DatasetLoader, datasetLoader, rowsFromCsv } from "./csv_rows.ts";

/** The unit of each metric family; the only unit a metric's value may be in. */
export const COMPANY_UNITS = [
  "EH/s",
  "J/TH",
  "BTC",
  "ETH",
  "MW",
  "GPUs",
  "shares",
  "USD",
  "USD/BTC",
  "USD/kWh",
] as const;
/** One of {@linkcode COMPANY_UNITS}. */
export type CompanyUnit = typeof COMPANY_UNITS[number];

/**
 * Every metric and its unit: the vocabulary of `facts/company_operating_facts.md`, closed.
 * Definitions are in that file and in `data/SOURCES.md`.
 */
export const COMPANY_METRIC_UNITS = {
  hashrate_operating: "EH/s",
  hashrate_installed: "EH/s",
  hashrate_unspecified: "EH/s",
  hashrate_hosted: "EH/s",
  hashrate_target: "EH/s",
  fleet_efficiency: "J/TH",
  btc_mined: "BTC",
  btc_held: "BTC",
  btc_loaned_or_pledged: "BTC",
  btc_sold: "BTC",
  btc_purchased: "BTC",
  btc_holdings_value: "USD",
  eth_held: "ETH",
  power_operating: "MW",
  power_under_construction: "MW",
  power_portfolio: "MW",
  power_pipeline: "MW",
  power_interconnect_approved: "MW",
  hpc_contracted_it: "MW",
  hpc_contracted_mw: "MW",
  hpc_operating_mw: "MW",
  hpc_under_construction_mw: "MW",
  hpc_pipeline_mw: "MW",
  hpc_contract_value: "USD",
  gpu_count: "GPUs",
  shares_outstanding: "shares",
  shares_issued: "shares",
  shares_weighted_basic: "shares",
  cash: "USD",
  liquidity: "USD",
  debt_principal: "USD",
  debt_carrying: "USD",
  convertible_notes_principal: "USD",
  convertible_notes_retired: "USD",
  debt_facility_size: "USD",
  financing_raised: "USD",
  cost_per_btc_energy: "USD/BTC",
  cost_per_btc_cash: "USD/BTC",
  power_cost: "USD/kWh",
  revenue_mining: "USD",
  revenue_hpc: "USD",
  revenue_total: "USD",
  capex_funded_by_tenant: "USD",
} as const satisfies Record<string, CompanyUnit>;

/** The metrics, in {@linkcode COMPANY_METRIC_UNITS} order. */
export const COMPANY_METRICS = Object.keys(COMPANY_METRIC_UNITS) as readonly CompanyMetric[];
/** One of {@linkcode COMPANY_METRICS}. */
export type CompanyMetric = keyof typeof COMPANY_METRIC_UNITS;

/**
 * What a figure is, beyond its metric, where the source says so (`not stated` where it does
 * not): a hashrate's `average operating` over the period, `operating at period end`,
 * `energized` or `installed` (deployed, installed, mining capacity, maximum); megawatts of
 * `critical IT`, `gross` facility power or grid-`approved` load; BTC held as a `total`
 * (loaned, pledged and restricted coins included), `excl. pledged` or `parent only`; cash
 * as `cash and equivalents`, `incl. restricted` or `unrestricted`; debt `outstanding` or an
 * `issue size`; a share count from a `cover page` (dated to the cover) or a `balance sheet`;
 * a flow's span, `month`, `quarter`, `year` or `year to date`.
 */
export const COMPANY_BASES = [
  "average operating",
  "operating at period end",
  "energized",
  "installed",
  "critical IT",
  "gross",
  "approved",
  "total",
  "excl. pledged",
  "parent only",
  "cash and equivalents",
  "incl. restricted",
  "unrestricted",
  "outstanding",
  "issue size",
  "cover page",
  "balance sheet",
  "month",
  "quarter",
  "year",
  "year to date",
  "not stated",
] as const;
/** One of {@linkcode COMPANY_BASES}. */
export type CompanyBasis = typeof COMPANY_BASES[number];

/**
 * Whose figure it is: the `company`'s, one `site`'s (flagged site-level by the facts table),
 * or a `part` of a company figure (an increment, one phase, a subset, a subsidiary's
 * contribution). Only company figures can be preferred.
 */
export const COMPANY_SCOPES = ["company", "site", "part"] as const;
/** One of {@linkcode COMPANY_SCOPES}. */
export type CompanyScope = typeof COMPANY_SCOPES[number];

/**
 * Where the figure was read: the company's own release (newswire copy or IR site), an SEC
 * filing, a press relay (a news site restating it), or an aggregator (AI-written summaries, a
 * repository transcribing XBRL).
 */
export const COMPANY_SOURCE_TYPES = [
  "company release",
  "SEC filing",
  "press relay",
  "aggregator",
] as const;
/** One of {@linkcode COMPANY_SOURCE_TYPES}. */
export type CompanySourceType = typeof COMPANY_SOURCE_TYPES[number];

/** How precisely the source dates the period: to the day, the month or the year. */
export const PERIOD_PRECISIONS = ["day", "month", "year"] as const;
/** One of {@linkcode PERIOD_PRECISIONS}. */
export type PeriodPrecision = typeof PERIOD_PRECISIONS[number];

/**
 * What the facts table's own check found: `confirmed` on the page, `not found` in its store
 * (the figure seen on another page its notes cite), `corrected` by the build as the check's
 * verdict says, or `unchecked`.
 */
export const COMPANY_CHECKS = ["confirmed", "not found", "corrected", "unchecked"] as const;
/** One of {@linkcode COMPANY_CHECKS}. */
export type CompanyCheck = typeof COMPANY_CHECKS[number];

/** Columns of `data/companies.csv`. */
export const COMPANIES_SCHEMA = [
  { name: "ticker", type: "string" },
  { name: "company", type: "string" },
  { name: "period_end", type: "date" },
  { name: "period_precision", type: "string", values: PERIOD_PRECISIONS },
  { name: "metric", type: "string", values: COMPANY_METRICS },
  { name: "value", type: "number", min: 0 },
  { name: "unit", type: "string", values: COMPANY_UNITS },
  { name: "basis", type: "string", values: COMPANY_BASES },
  { name: "scope", type: "string", values: COMPANY_SCOPES },
  { name: "preferred", type: "string", values: ["yes", "no"] },
  { name: "source_type", type: "string", values: COMPANY_SOURCE_TYPES },
  { name: "source_url", type: "string" },
  { name: "source_title", type: "string" },
  { name: "source_date", type: "date", optional: true, dates: ["YYYY", "YYYY-MM", "YYYY-MM-DD"] },
  { name: "check", type: "string", values: COMPANY_CHECKS },
  { name: "figure_as_stated", type: "string" },
  { name: "basis_as_stated", type: "string", optional: true },
  { name: "period_as_stated", type: "string", optional: true },
  { name: "input", type: "string" },
  { name: "notes", type: "string", optional: true },
] as const satisfies Schema;

/** The dataset's path relative to the project root. */
export const COMPANIES_PATH = "data/companies.csv";

/**
 * One cited fact, keyed by the header names of {@linkcode COMPANIES_SCHEMA}.
 *
 * - `period_end`: `YYYY-MM-DD`, the last day of the month or year when the source gives only
 *   that (`period_precision` says which); for a stock the as-of date, for a flow the last day.
 * - `value` in `unit`, the metric's unit ({@linkcode COMPANY_METRIC_UNITS}).
 * - `basis`, `scope`: {@linkcode CompanyBasis}, {@linkcode CompanyScope}; compare figures only
 *   on the same basis.
 * - `preferred`: the one row of its ticker, metric and basis that
 *   {@linkcode comparePreference} ranks first (company figures only).
 * - `figure_as_stated`, `basis_as_stated`, `period_as_stated`: the facts table's quotation and
 *   wording; `input`: the facts file and line the row comes from; `notes`: its notes, then any
 *   correction the build made.
 */
export type CompanyFact =
  & Omit<SchemaRow<typeof COMPANIES_SCHEMA>, "preferred">
  & { readonly preferred: boolean };

/** Rank of each source type: lower is preferred; a company release and a filing tie. */
export const SOURCE_TYPE_RANK: Readonly<Record<CompanySourceType, number>> = {
  "company release": 0,
  "SEC filing": 0,
  "press relay": 1,
  "aggregator": 2,
};

/**
 * The last day a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date can mean, for ordering dates of mixed
 * precision; `""` (no date) stays `""` and sorts first.
 *
 * @example
 * ```ts
 * import { lastDayOf } from "./companies.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(lastDayOf("2024-02"), "2024-02-29");
 * assert.equal(lastDayOf("2023"), "2023-12-31");
 * assert.equal(lastDayOf("2025-11-13"), "2025-11-13");
 * ```
 */
export function lastDayOf(date: string): string {
  if (/^\d{4}$/.test(date)) return `${date}-12-31`;
  if (/^\d{4}-\d{2}$/.test(date)) {
    const [year, month] = date.split("-").map(Number) as [number, number];
    const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return `${date}-${String(day).padStart(2, "0")}`;
  }
  return date;
}

/**
 * Orders two facts by preference, first the preferred: a company release or SEC filing over a
 * press relay over an aggregator; then the later period end; then the later source date
 * (a month-only date counts as its last day, no date as the earliest). Equal facts return 0,
 * so a stable sort keeps their order.
 *
 * @example The source type comes before the period
 * ```ts
 * import { comparePreference } from "./companies.ts";
 * import assert from "node:assert/strict";
 *
 * const filing = { source_type: "SEC filing", period_end: "2025-09-30", source_date: "2025-11-04" } as const;
 * const relay = { source_type: "press relay", period_end: "2025-12-31", source_date: "2026-03-01" } as const;
 * assert.ok(comparePreference(filing, relay) < 0);
 * assert.ok(comparePreference({ ...relay, period_end: "2025-09-30" }, relay) > 0);
 * ```
 */
export function comparePreference(
  a: Pick<CompanyFact, "source_type" | "period_end" | "source_date">,
  b: Pick<CompanyFact, "source_type" | "period_end" | "source_date">,
): number {
  const rank = SOURCE_TYPE_RANK[a.source_type] - SOURCE_TYPE_RANK[b.source_type];
  if (rank !== 0) return rank;
  if (a.period_end !== b.period_end) return a.period_end > b.period_end ? -1 : 1;
  const dateA = lastDayOf(a.source_date);
  const dateB = lastDayOf(b.source_date);
  if (dateA !== dateB) return dateA > dateB ? -1 : 1;
  return 0;
}

/**
 * Parses the text of `data/companies.csv`, checking every vocabulary, that each value is in
 * its metric's unit, that `source_date` is a full or partial ISO date, that only company
 * figures are preferred and that no ticker, metric and basis has two preferred rows.
 *
 * @example
 * ```ts
 * import { COMPANIES_SCHEMA, companyFactsFromCsv } from "./companies.ts";
 * import assert from "node:assert/strict";
 *
 * const csv = COMPANIES_SCHEMA.map((c) => c.name).join(",") + "\n" +
 *   "RIOT,Riot Platforms,2025-10-31,day,hashrate_installed,36.6,EH/s,installed,company,yes," +
 *   "press relay,https://x,X,2025-11-04,confirmed,reached 36.6 EH/s,deployed,October 2025," +
 *   "facts/company_operating_facts.csv:279,\n";
 * const [riot] = companyFactsFromCsv(csv);
 * assert.equal(riot!.value, 36.6);
 * assert.equal(riot!.preferred, true);
 * assert.throws(() => companyFactsFromCsv(csv.replace(",EH/s,", ",PH/s,")), /column "unit"/);
 * ```
 */
export function companyFactsFromCsv(
  text: CsvText,
  options: { file?: string } = {},
): readonly CompanyFact[] {
  return rowsFromCsv(text, COMPANIES_SCHEMA, {
    file: options.file ?? COMPANIES_PATH,
    follows: [{ column: "unit", by: "metric", values: COMPANY_METRIC_UNITS }],
    check: (row, fail) => {
      if (row.preferred === "yes" && row.scope !== "company") {
        throw fail("preferred", `a ${row.scope} figure cannot be preferred`);
      }
    },
    unique: [{
      key: ["ticker", "metric", "basis"],
      column: "preferred",
      where: (row) => row.preferred === "yes",
      rows: "preferred row",
    }],
  }).rows.map((row) => Object.freeze({ ...row, preferred: row.preferred === "yes" }));
}

/**
 * Reads `data/companies.csv` (or another path) into one object per fact.
 *
 * @example Riot's shares: the later cover-page count is the preferred one
 * ```ts
 * import { loadCompanyFacts } from "./companies.ts";
 * import assert from "node:assert/strict";
 *
 * const facts = await loadCompanyFacts();
 * const riotShares = facts.filter((f) => f.ticker === "RIOT" && f.metric === "shares_outstanding");
 * assert.ok(riotShares.length >= 2);
 * const preferred = riotShares.filter((f) => f.preferred);
 * assert.ok(preferred.every((f) => f.unit === "shares"));
 * ```
 */
export const loadCompanyFacts: DatasetLoader<readonly CompanyFact[]> = datasetLoader(
  COMPANIES_PATH,
  companyFactsFromCsv,
);
