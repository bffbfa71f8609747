/**
 * Builds `data/miner_ai_deals.csv` from the hand-compiled `facts/miner_ai_deals.csv`: keeps
 * every stated column verbatim, reads the announcement date, the figures' qualifiers, the
 * capacity basis, the event kind and the structure from the stated text by the explicit rules
 * of `_miner_ai_deals_text.ts` and `_miner_ai_deals_rules.ts`, and derives the F6 revenue
 * intensity where a contract states one base-term value.
 *
 * @module
 */
import { CsvError, parseCsv, quote, type Schema } from "./csv.ts";
import { formatCsv } from "./csv_format.ts";
import {
  type BuiltDataset,
  type DatasetBuildOptions,
  DEFAULT_SOURCE_DIR,
  inputRow,
  readRawInput,
} from "./dataset_build.ts";
import {
  type CapacityBasis,
  type FigureQualifier,
  isDayOrMonth,
  MINER_AI_DEALS_SCHEMA,
  type MinerAiDeal,
  minerAiDealsFromCsv,
} from "./miner_ai_deals.ts";
import { renderMinerAiDealsSources } from "./miner_ai_deals_sources.ts";
import { contractRevenueIntensity, hasRevenueIntensity } from "./revenue_intensity.ts";
import {
  CAPACITY_BASIS_BY_WORDING,
  EVENT_KIND_RULES,
  STRUCTURE_RULES,
} from "./_miner_ai_deals_rules.ts";
import { announcementDate, statedFigure } from "./_miner_ai_deals_text.ts";

/** The input, relative to the source folder. */
export const MINER_AI_DEALS_INPUT = "facts/miner_ai_deals.csv";

/** Columns of the input `facts/miner_ai_deals.csv`, in its order. */
export const MINER_AI_DEALS_INPUT_SCHEMA = [
  { name: "deal_id", type: "string" },
  { name: "company", type: "string" },
  { name: "counterparty", type: "string", optional: true },
  { name: "guarantor_or_end_user", type: "string", optional: true },
  { name: "site", type: "string", optional: true },
  { name: "event_type", type: "string" },
  { name: "announcement_date_as_stated", type: "string", optional: true },
  { name: "capacity_as_stated", type: "string", optional: true },
  { name: "capacity_mw", type: "number", optional: true, min: 0 },
  {
    name: "capacity_basis",
    type: "string",
    optional: true,
    values: Object.keys(CAPACITY_BASIS_BY_WORDING),
  },
  { name: "contract_value_as_stated", type: "string", optional: true },
  { name: "contract_value_usd", type: "number", optional: true, min: 0 },
  { name: "term_years", type: "number", optional: true, min: 0 },
  { name: "extension_options_as_stated", type: "string", optional: true },
  { name: "other_terms_as_stated", type: "string", optional: true },
  { name: "source_url", type: "string" },
  { name: "source_title", type: "string" },
  { name: "source_date", type: "string", optional: true },
  { name: "notes", type: "string", optional: true },
] as const satisfies Schema;

/** One input row, keyed by the input's header. */
type InputRow = {
  readonly [C in typeof MINER_AI_DEALS_INPUT_SCHEMA[number] as C["name"]]: C extends
    { type: "string" } ? string : number;
};

/**
 * Builds `data/miner_ai_deals.csv` and its SOURCES.md section from
 * `<sourceDir>/facts/miner_ai_deals.csv`. Writes nothing. Every cell used is checked: a bad one
 * is a {@linkcode CsvError} naming the input file, line, column, value and what was expected.
 *
 * @example
 * ```ts
 * import { buildMinerAiDeals } from "./miner_ai_deals_build.ts";
 * import assert from "node:assert/strict";
 *
 * const built = await buildMinerAiDeals({ sourceDir: "../shared/data", log: () => {} })
 *   .catch(() => undefined); // the public inputs live outside the project
 * if (built !== undefined) {
 *   assert.equal(built.file, "miner_ai_deals.csv");
 *   assert.match(built.sources, /^## `miner_ai_deals\.csv`/);
 * }
 * ```
 */
export async function buildMinerAiDeals(options: DatasetBuildOptions = {}): Promise<BuiltDataset> {
  const sourceDir = options.sourceDir ?? DEFAULT_SOURCE_DIR;
  const input = await readRawInput(`${sourceDir}/${MINER_AI_DEALS_INPUT}`);
  const file = input.path;
  const { columns, rowCount, lines } = parseCsv(input.text, MINER_AI_DEALS_INPUT_SCHEMA, { file });
  const rows: MinerAiDeal[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < rowCount; i++) {
    const line = lines[i]!;
    const stated = Object.fromEntries(
      MINER_AI_DEALS_INPUT_SCHEMA.map(({ name }) => [name, columns[name][i]!]),
    ) as InputRow;
    const first = seen.get(stated.deal_id);
    if (first !== undefined) {
      throw new CsvError(
        file,
        line,
        "deal_id",
        `${quote(stated.deal_id)} repeats line ${first}; expected a unique deal_id`,
      );
    }
    seen.set(stated.deal_id, line);
    rows.push(toDeal(stated, (column, what) => new CsvError(file, line, column, what)));
  }
  const csv = formatCsv(MINER_AI_DEALS_SCHEMA, rows);
  minerAiDealsFromCsv(csv, { file: "miner_ai_deals.csv (built)" });
  (options.log ?? console.log)(`miner_ai_deals.csv: ${rows.length} rows from ${file}`);
  return {
    file: "miner_ai_deals.csv",
    csv,
    // The inputs table names the input as SOURCES.md does, whatever folder it was read from.
    sources: renderMinerAiDealsSources(
      rows,
      inputRow({ ...input, path: MINER_AI_DEALS_INPUT }, "hand-compiled from public web pages"),
    ),
    rows: rows.length,
  };
}

/** One output row from one input row; `fail` makes the error for a column of this line. */
function toDeal(s: InputRow, fail: (column: string, what: string) => CsvError): MinerAiDeal {
  if (!/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(s.deal_id)) {
    throw fail("deal_id", `expected letters, digits and hyphens, found ${quote(s.deal_id)}`);
  }
  if (!/^https?:\/\/\S+$/.test(s.source_url)) {
    throw fail("source_url", `expected an http(s) URL, found ${quote(s.source_url)}`);
  }
  if (s.source_date !== "" && !isDayOrMonth(s.source_date)) {
    throw fail(
      "source_date",
      `expected YYYY-MM-DD, YYYY-MM or blank, found ${quote(s.source_date)}`,
    );
  }
  const kind = EVENT_KIND_RULES.find((r) => r.pattern.test(s.event_type))?.kind;
  if (kind === undefined) {
    throw fail(
      "event_type",
      `expected an event type EVENT_KIND_RULES can classify, found ${quote(s.event_type)}`,
    );
  }
  const date = announcementDate(s.announcement_date_as_stated);
  const shared = Math.min(date.length, s.source_date.length);
  if (shared > 0 && date.slice(0, shared) > s.source_date.slice(0, shared)) {
    throw fail(
      "announcement_date_as_stated",
      `${quote(s.announcement_date_as_stated)} reads as ${date}, after source_date ` +
        `${s.source_date}; expected a date on or before the page's`,
    );
  }
  for (const column of ["capacity_mw", "term_years"] as const) {
    if (s[column] === 0) throw fail(column, 'expected a positive number or blank, found "0"');
  }
  const capacity = figure(s, "capacity_mw", "capacity_as_stated", "MW", fail);
  const value = figure(s, "contract_value_usd", "contract_value_as_stated", "USD", fail);
  // The schema admits only the wordings of CAPACITY_BASIS_BY_WORDING, or blank.
  const wording = s.capacity_basis;
  let basis: CapacityBasis | "" = "";
  if (!Number.isNaN(s.capacity_mw)) {
    if (wording === "") {
      throw fail(
        "capacity_basis",
        `expected a wording listed in CAPACITY_BASIS_BY_WORDING when capacity_mw is given ` +
          `(${s.capacity_mw}), found an empty cell`,
      );
    }
    basis = CAPACITY_BASIS_BY_WORDING[wording]!;
  } else if (wording !== "") {
    throw fail(
      "capacity_basis",
      `expected blank when capacity_mw is blank, found ${quote(wording)}`,
    );
  }
  const texts = [s.event_type, s.other_terms_as_stated, s.notes];
  const structure = kind === "contract"
    ? STRUCTURE_RULES.find((r) =>
      (r.in === "event_type" ? [s.event_type] : texts).some((t) => r.pattern.test(t))
    )?.structure ?? ""
    : "";
  const terms = {
    event_kind: kind,
    contract_value_usd: s.contract_value_usd,
    term_years: s.term_years,
    capacity_mw: s.capacity_mw,
  };
  const intensity = hasRevenueIntensity(terms)
    ? contractRevenueIntensity({
      contractValueUsd: s.contract_value_usd,
      termYears: s.term_years,
      capacityMw: s.capacity_mw,
    })
    : { usdPerMwYear: NaN, usdPerKwMonth: NaN };
  return {
    deal_id: s.deal_id,
    company: s.company,
    counterparty: s.counterparty,
    guarantor_or_end_user: s.guarantor_or_end_user,
    site: s.site,
    event_type: s.event_type,
    event_kind: kind,
    announcement_date: date,
    announcement_date_as_stated: s.announcement_date_as_stated,
    capacity_as_stated: s.capacity_as_stated,
    capacity_mw: s.capacity_mw,
    capacity_qualifier: capacity,
    capacity_basis: basis,
    capacity_basis_as_stated: wording,
    contract_value_as_stated: s.contract_value_as_stated,
    contract_value_usd: s.contract_value_usd,
    contract_value_qualifier: value,
    term_years: s.term_years,
    structure,
    extension_options_as_stated: s.extension_options_as_stated,
    other_terms_as_stated: s.other_terms_as_stated,
    usd_per_mw_year: intensity.usdPerMwYear,
    usd_per_kw_month: intensity.usdPerKwMonth,
    source_url: s.source_url,
    source_title: s.source_title,
    source_date: s.source_date,
    notes: s.notes,
  };
}

/** The qualifier of a number column's figure, which its `_as_stated` column must state. */
function figure(
  s: InputRow,
  column: "capacity_mw" | "contract_value_usd",
  statedColumn: "capacity_as_stated" | "contract_value_as_stated",
  unit: "MW" | "USD",
  fail: (column: string, what: string) => CsvError,
): FigureQualifier | "" {
  const value = s[column];
  if (Number.isNaN(value)) return "";
  const qualifier = statedFigure(s[statedColumn], { value, unit });
  if (qualifier === undefined) {
    throw fail(
      column,
      `${value} is not stated in ${statedColumn} ${quote(s[statedColumn])}; expected ` +
        `${unit === "MW" ? "an MW or GW" : "a $ or USD"} figure there equal to it`,
    );
  }
  return qualifier;
}
