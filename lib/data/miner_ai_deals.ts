/**
 * AI/HPC deals disclosed by Bitcoin miners, `data/miner_ai_deals.csv`, with their normalised
 * vocabularies and F6 revenue intensity. A few dozen deals are read row by row in notebooks
 * (`filter` by company, `find` a deal), so rows suit them better than typed columns.
 *
 * @module
 */
import { type CsvText, quote, type Schema, type SchemaRow } from "./csv.ts";
import { type DatasetLoader, datasetLoader, type RowFail, rowsFromCsv } from "./csv_rows.ts";
import { contractRevenueIntensity, hasRevenueIntensity } from "./revenue_intensity.ts";

/**
 * What a deal's MW figure measures: the IT load a tenant uses, the facility's gross power, the
 * utility power a site is approved for (more than its IT load), or not said.
 */
export const CAPACITY_BASES = ["critical IT", "gross", "approved power", "unspecified"] as const;
/** One of {@linkcode CAPACITY_BASES}. */
export type CapacityBasis = typeof CAPACITY_BASES[number];

/**
 * What a row records; only a `contract` has terms that F6 can turn into a rent. A `disclosure`
 * adds facts about an existing deal (an end user named on an earnings call), not a new one.
 */
export const EVENT_KINDS = [
  "contract",
  "acquisition agreement",
  "acquisition terminated",
  "groundbreaking",
  "disclosure",
] as const;
/** One of {@linkcode EVENT_KINDS}. */
export type EventKind = typeof EVENT_KINDS[number];

/** The deal's structure, as far as the stated text names it. */
export const STRUCTURES = [
  "lease NNN",
  "lease modified gross",
  "lease",
  "colocation",
  "hosting",
  "GPU cloud",
] as const;
/** One of {@linkcode STRUCTURES}. */
export type Structure = typeof STRUCTURES[number];

/** The word the source puts before a figure: "approximately 200 MW", "over $100 million". */
export const FIGURE_QUALIFIERS = ["approximately", "at least", "up to"] as const;
/** One of {@linkcode FIGURE_QUALIFIERS}. */
export type FigureQualifier = typeof FIGURE_QUALIFIERS[number];

/** Columns of `data/miner_ai_deals.csv`; every numeric header names its unit. */
export const MINER_AI_DEALS_SCHEMA = [
  { name: "deal_id", type: "string" },
  { name: "company", type: "string" },
  { name: "counterparty", type: "string", optional: true },
  { name: "guarantor_or_end_user", type: "string", optional: true },
  { name: "site", type: "string", optional: true },
  { name: "event_type", type: "string" },
  { name: "event_kind", type: "string", values: EVENT_KINDS },
  { name: "announcement_date", type: "date", optional: true, dates: ["YYYY-MM", "YYYY-MM-DD"] },
  { name: "announcement_date_as_stated", type: "string", optional: true },
  { name: "capacity_as_stated", type: "string", optional: true },
  { name: "capacity_mw", type: "number", optional: true, positive: true },
  { name: "capacity_qualifier", type: "string", optional: true, values: FIGURE_QUALIFIERS },
  { name: "capacity_basis", type: "string", optional: true, values: CAPACITY_BASES },
  { name: "capacity_basis_as_stated", type: "string", optional: true },
  { name: "critical_it_mw", type: "number", optional: true, positive: true },
  { name: "contract_value_as_stated", type: "string", optional: true },
  { name: "contract_value_usd", type: "number", optional: true, min: 0 },
  { name: "contract_value_qualifier", type: "string", optional: true, values: FIGURE_QUALIFIERS },
  { name: "term_years", type: "number", optional: true, positive: true },
  { name: "structure", type: "string", optional: true, values: STRUCTURES },
  { name: "extension_options_as_stated", type: "string", optional: true },
  { name: "other_terms_as_stated", type: "string", optional: true },
  { name: "usd_per_mw_year", type: "number", optional: true, min: 0 },
  { name: "usd_per_kw_month", type: "number", optional: true, min: 0 },
  { name: "source_url", type: "string", url: true },
  { name: "source_title", type: "string" },
  { name: "source_date", type: "date", optional: true, dates: ["YYYY-MM", "YYYY-MM-DD"] },
  { name: "notes", type: "string", optional: true },
] as const satisfies Schema;

/** The dataset's path relative to the project root. */
export const MINER_AI_DEALS_PATH = "data/miner_ai_deals.csv";

/**
 * One row of `data/miner_ai_deals.csv`, keyed by the header names of
 * {@linkcode MINER_AI_DEALS_SCHEMA}. Blank numbers are `NaN`, blank text is `""`. Columns ending
 * in `_as_stated` are the source's wording, verbatim; the others are read from it by the rules
 * of `miner_ai_deals_build.ts` (stated in SOURCES.md).
 *
 * - `deal_id`: unique key. `company` is the miner; `counterparty` the tenant or buyer;
 *   `guarantor_or_end_user` who backstops or uses the capacity (also a supplier, once).
 * - `event_type`: the source's label; `event_kind`: one of {@linkcode EVENT_KINDS}.
 * - `announcement_date`: `YYYY-MM-DD`, or `YYYY-MM` when only the month is certain, or `""`.
 * - `capacity_mw` (MW) with `capacity_qualifier` and `capacity_basis` (one of
 *   {@linkcode CAPACITY_BASES}; `""` exactly when there is no MW figure).
 * - `critical_it_mw` (MW): the critical IT load this row adds, whatever basis `capacity_mw` has:
 *   equal to `capacity_mw` when that is critical IT, the stated IT tranches where a recorded
 *   correction gives them (Galaxy Helios: 800 MW approved power, 260 + 133 MW IT), else blank.
 *   Sum this column, not `capacity_mw`, for MW on a critical-IT basis.
 * - `contract_value_usd` (USD) with `contract_value_qualifier`: one base-term value for a
 *   `contract`; on other kinds what the compiler recorded (a program total at a groundbreaking,
 *   an equity value for an acquisition; see `notes`). `term_years` (years); `structure` (one
 *   of {@linkcode STRUCTURES} or `""`).
 * - `usd_per_mw_year`, `usd_per_kw_month`: F6, present only for a `contract` with a value, a
 *   term and a MW figure ({@linkcode contractRevenueIntensity}).
 * - `source_url` (http or https), `source_title`, `source_date` (`YYYY-MM-DD`, `YYYY-MM` or
 *   `""`: the page's date, not the deal's), `notes`.
 */
export type MinerAiDeal = SchemaRow<typeof MINER_AI_DEALS_SCHEMA>;

/**
 * Parses the text of `data/miner_ai_deals.csv` and checks its invariants: `deal_id` is unique;
 * `source_url` is http(s); dates are `YYYY-MM-DD` or `YYYY-MM`; normalised columns hold a value
 * from their list; `capacity_basis` is blank exactly when `capacity_mw` is; `critical_it_mw`
 * equals `capacity_mw` on a critical-IT basis and is at most `capacity_mw` otherwise; `usd_per_mw_year`
 * and `usd_per_kw_month` are present exactly when {@linkcode hasRevenueIntensity} and equal F6.
 *
 * @example
 * ```ts
 * import { MINER_AI_DEALS_SCHEMA, minerAiDealsFromCsv } from "./miner_ai_deals.ts";
 * import assert from "node:assert/strict";
 *
 * const header = MINER_AI_DEALS_SCHEMA.map((c) => c.name).join(",");
 * const row = "X-1,Miner,Tenant,,,lease,contract,2025-06,June 2025,200 MW,200,,critical IT," +
 *   `critical IT,200,$1.2 billion,1200000000,,10,lease,,,${1.2e9 / 10 / 200},${1.2e9 / 10 / 200 / 12000},` +
 *   "https://example.com/x,Title,2025-06-02,";
 * const [deal] = minerAiDealsFromCsv(`${header}\n${row}\n`);
 * assert.equal(deal!.usd_per_mw_year, 600_000);
 * assert.throws(
 *   () => minerAiDealsFromCsv(`${header}\n${row.replace(",critical IT,critical IT,", ",IT,critical IT,")}\n`, { file: "d.csv" }),
 *   /^CsvError: d\.csv:2: column "capacity_basis": expected one of "critical IT", "gross", "approved power", "unspecified"/,
 * );
 * ```
 */
export function minerAiDealsFromCsv(
  text: CsvText,
  options: { file?: string } = {},
): readonly MinerAiDeal[] {
  return rowsFromCsv(text, MINER_AI_DEALS_SCHEMA, {
    file: options.file ?? MINER_AI_DEALS_PATH,
    check: checkRow,
    derived: [{
      column: "usd_per_mw_year",
      formula: F6,
      value: (row) => f6(row).usdPerMwYear,
      needs,
    }, {
      column: "usd_per_kw_month",
      formula: `${F6} ÷ 1000 ÷ 12`,
      value: (row) => f6(row).usdPerKwMonth,
      needs,
    }],
    unique: [{ key: ["deal_id"] }],
  }).rows;
}

const F6 = "F6 contract_value_usd ÷ term_years ÷ capacity_mw";
const needs = "F6 needs a contract with contract_value_usd, term_years and capacity_mw";

/** F6 of a row, or `NaN` where it does not apply. */
function f6(row: MinerAiDeal): { usdPerMwYear: number; usdPerKwMonth: number } {
  if (!hasRevenueIntensity(row)) return { usdPerMwYear: NaN, usdPerKwMonth: NaN };
  const { contract_value_usd, term_years, capacity_mw } = row;
  return contractRevenueIntensity({
    contractValueUsd: contract_value_usd,
    termYears: term_years,
    capacityMw: capacity_mw,
  });
}

function checkRow(row: MinerAiDeal, fail: RowFail<MinerAiDeal>): void {
  if ((row.capacity_basis === "") !== Number.isNaN(row.capacity_mw)) {
    throw fail(
      "capacity_basis",
      `expected a basis exactly when capacity_mw is given, found ${quote(row.capacity_basis)} ` +
        `with capacity_mw ${row.capacity_mw}`,
    );
  }
  if (!Number.isNaN(row.critical_it_mw)) {
    const onItBasis = row.capacity_basis === "critical IT";
    if (
      onItBasis ? row.critical_it_mw !== row.capacity_mw : !(row.critical_it_mw <= row.capacity_mw)
    ) {
      throw fail(
        "critical_it_mw",
        `expected ${onItBasis ? "capacity_mw" : "at most capacity_mw"} (${row.capacity_mw}, ` +
          `${row.capacity_basis || "no basis"}), found ${row.critical_it_mw}`,
      );
    }
  } else if (row.capacity_basis === "critical IT") {
    throw fail(
      "critical_it_mw",
      `expected capacity_mw (${row.capacity_mw}) on a critical-IT basis, found an empty cell`,
    );
  }
}

/**
 * Reads `data/miner_ai_deals.csv` (or another path) into one object per deal.
 *
 * @example
 * ```ts
 * import { loadMinerAiDeals } from "./miner_ai_deals.ts";
 * import assert from "node:assert/strict";
 *
 * const deals = await loadMinerAiDeals();
 * const hut = deals.find((d) => d.deal_id === "HUT-FLUIDSTACK-2025-12")!;
 * assert.equal(hut.capacity_mw, 245);
 * assert.equal(hut.structure, "lease NNN");
 * ```
 */
export const loadMinerAiDeals: DatasetLoader<readonly MinerAiDeal[]> = datasetLoader(
  MINER_AI_DEALS_PATH,
  minerAiDealsFromCsv,
);
