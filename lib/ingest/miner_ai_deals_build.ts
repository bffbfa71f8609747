/**
 * Builds `data/miner_ai_deals.csv` from the hand-compiled `facts/miner_ai_deals.csv`: keeps
 * every stated column verbatim, reads the announcement date, the figures' qualifiers, the
 * capacity basis, the event kind and the structure from the stated text by the explicit rules
 * of `_miner_ai_deals_text.ts` and `_miner_ai_deals_rules.ts`, applies the corrections the
 * input's notes record (`_miner_ai_deals_corrections.ts`), carries each row's critical IT MW,
 * and derives the F6 revenue intensity where a contract states one base-term value.
 *
 * @module
 */
import { CsvError, isDateOfForm, parseCsv, quote, type Schema } from "../data/csv.ts";
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
  MINER_AI_DEALS_SCHEMA,
  type MinerAiDeal,
  minerAiDealsFromCsv,
} from "../data/miner_ai_deals.ts";
import { renderMinerAiDealsSources } from "./miner_ai_deals_sources.ts";
import { contractRevenueIntensity, hasRevenueIntensity } from "../data/revenue_intensity.ts";
import {
  CAPACITY_BASIS_BY_WORDING,
  EVENT_KIND_RULES,
  STRUCTURE_RULES,
} from "./_miner_ai_deals_rules.ts";
import {
  FINDING_IN_NOTES,
  ROW_CORRECTIONS,
  type RowCorrection,
} from "./_miner_ai_deals_corrections.ts";
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
  // Checked against CAPACITY_BASIS_BY_WORDING by the build, whose wordings are too long to list.
  { name: "capacity_basis", type: "string", optional: true },
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
 * `<sourceDir>/facts/miner_ai_deals.csv` (default `data/inputs`). Writes nothing. Every cell
 * used is checked: a bad one is a {@linkcode CsvError} naming the input file, line, column,
 * value and what was expected. A finding recorded in a row's notes must have its entry in
 * `ROW_CORRECTIONS`, and each entry must still match its row (a renamed row keeps its finding
 * in its notes, so it fails too).
 *
 * @example
 * ```ts
 * import { buildMinerAiDeals } from "./miner_ai_deals_build.ts";
 * import assert from "node:assert/strict";
 *
 * const dataDir = new URL("../../data/inputs", import.meta.url).pathname;
 * const built = await buildMinerAiDeals({ sourceDir: dataDir, log: () => {} });
 * assert.equal(built.file, "miner_ai_deals.csv");
 * assert.match(built.sources, /^## `miner_ai_deals\.csv`/);
 * const helios = built.csv.split("\n").find((l) => l.startsWith("GLXY-CRWV-2025-08,"))!;
 * assert.match(helios, /,800,,approved power,critical IT load \(total committed\),393,/);
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
    const fail = (column: string, what: string) => new CsvError(file, line, column, what);
    rows.push(toDeal(stated, correctionOf(stated, fail), fail));
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

/**
 * The correction of this row, if any, after checking that it still applies: a finding in the
 * notes needs an entry, and an entry needs its finding and the cells it was written against.
 */
function correctionOf(
  s: InputRow,
  fail: (column: string, what: string) => CsvError,
): RowCorrection | undefined {
  const correction = ROW_CORRECTIONS.find((c) => c.dealId === s.deal_id);
  if (correction === undefined) {
    const finding = FINDING_IN_NOTES.exec(s.notes);
    if (finding === null) return undefined;
    throw fail(
      "notes",
      `record a finding, ${quote(s.notes.slice(finding.index))}; expected an entry for ` +
        `${s.deal_id} in ROW_CORRECTIONS saying what the dataset carries instead`,
    );
  }
  if (!s.notes.includes(correction.recordedAs)) {
    throw fail(
      "notes",
      `expected ${JSON.stringify(correction.recordedAs)}, the finding ROW_CORRECTIONS applies ` +
        `to ${s.deal_id}, found ${quote(s.notes)}`,
    );
  }
  for (const [column, compiled] of Object.entries(correction.compiled)) {
    const found = s[column as keyof typeof correction.compiled];
    if (found !== compiled) {
      throw fail(
        column,
        `expected ${JSON.stringify(compiled)}, the cell ROW_CORRECTIONS corrects for ` +
          `${s.deal_id}, found ${quote(String(found))}; read the row again and update the entry`,
      );
    }
  }
  return correction;
}

/**
 * One output row from one input row and its correction; `fail` makes the error for a column of
 * this line.
 */
function toDeal(
  s: InputRow,
  correction: RowCorrection | undefined,
  fail: (column: string, what: string) => CsvError,
): MinerAiDeal {
  if (!/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(s.deal_id)) {
    throw fail("deal_id", `expected letters, digits and hyphens, found ${quote(s.deal_id)}`);
  }
  if (!/^https?:\/\/\S+$/.test(s.source_url)) {
    throw fail("source_url", `expected an http(s) URL, found ${quote(s.source_url)}`);
  }
  if (s.source_date !== "" && !isDateOfForm(s.source_date, ["YYYY-MM", "YYYY-MM-DD"])) {
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
  const date = correction?.announcementDate ?? announcementDate(s.announcement_date_as_stated);
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
  const statedValue = figure(s, "contract_value_usd", "contract_value_as_stated", "USD", fail);
  const [valueUsd, value] = correction?.valueNotBaseTerm
    ? [NaN, "" as const]
    : [s.contract_value_usd, statedValue];
  const wording = s.capacity_basis;
  if (wording !== "" && !Object.hasOwn(CAPACITY_BASIS_BY_WORDING, wording)) {
    throw fail(
      "capacity_basis",
      `expected a wording listed in CAPACITY_BASIS_BY_WORDING or blank, found ${quote(wording)}`,
    );
  }
  let basis: CapacityBasis | "" = "";
  if (!Number.isNaN(s.capacity_mw)) {
    if (wording === "") {
      throw fail(
        "capacity_basis",
        `expected a wording listed in CAPACITY_BASIS_BY_WORDING when capacity_mw is given ` +
          `(${s.capacity_mw}), found an empty cell`,
      );
    }
    basis = correction?.capacityBasis ?? CAPACITY_BASIS_BY_WORDING[wording]!;
  } else if (wording !== "") {
    throw fail(
      "capacity_basis",
      `expected blank when capacity_mw is blank, found ${quote(wording)}`,
    );
  }
  const criticalItMw = criticalIt(s, basis, correction, fail);
  const texts = [s.event_type, s.other_terms_as_stated, s.notes];
  const structure = kind === "contract"
    ? STRUCTURE_RULES.find((r) =>
      (r.in === "event_type" ? [s.event_type] : texts).some((t) => r.pattern.test(t))
    )?.structure ?? ""
    : "";
  const terms = {
    event_kind: kind,
    contract_value_usd: valueUsd,
    term_years: s.term_years,
    capacity_mw: s.capacity_mw,
  };
  const intensity = hasRevenueIntensity(terms)
    ? contractRevenueIntensity({
      contractValueUsd: valueUsd,
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
    critical_it_mw: criticalItMw,
    contract_value_as_stated: s.contract_value_as_stated,
    contract_value_usd: valueUsd,
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

/**
 * The critical IT MW the row adds: `capacity_mw` on a critical-IT basis; the sum of the stated
 * tranches a correction names (each must be stated in `capacity_as_stated`); otherwise NaN.
 */
function criticalIt(
  s: InputRow,
  basis: CapacityBasis | "",
  correction: RowCorrection | undefined,
  fail: (column: string, what: string) => CsvError,
): number {
  const parts = correction?.criticalItMwParts;
  if (parts === undefined) return basis === "critical IT" ? s.capacity_mw : NaN;
  for (const part of parts) {
    if (statedFigure(s.capacity_as_stated, { value: part, unit: "MW" }) === undefined) {
      throw fail(
        "capacity_as_stated",
        `expected the ${part} MW of critical IT that ROW_CORRECTIONS adds up for ${s.deal_id}, ` +
          `found ${quote(s.capacity_as_stated)}`,
      );
    }
  }
  return parts.reduce((sum, mw) => sum + mw, 0);
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
