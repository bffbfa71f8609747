/**
 * The verdicts the facts table records in its own notes ("check 2026-12-06: WRONG BASIS — …")
 * and what `data/companies.csv` does with each row: a correction where the verdict says what
 * the figure is, or the row left out where it does not (a period the check could not date, a
 * basis it could only guess). Each entry names the row by its cells as compiled, so a
 * re-compiled row is read again rather than corrected blindly. Internal to `lib/ingest`: the
 * build applies the entries and SOURCES.md prints them.
 *
 * @module
 */
import type { CompanyBasis, CompanyMetric } from "../../data/companies.ts";

/** Words in `notes` that record a verdict the build must act on (upper case only). */
export const VERDICT_IN_NOTES = /\bWRONG (?:PERIOD|BASIS|PERIOD\/BASIS)\b/;

/** The cells that name a row of the facts table. */
export interface CompiledRow {
  readonly ticker: string;
  readonly metric: string;
  readonly value: number;
  readonly period_end: string;
}

/** What the build does with one row the facts table's check found wrong, or that it leaves out. */
export interface FactVerdict {
  /** The row, by its cells as compiled. */
  readonly row: CompiledRow;
  /** The verdict's words in the row's notes, or `"the facts table's notes"` for a caveat. */
  readonly recordedAs: string;
  /** Leave the row out. */
  readonly leaveOut?: true;
  /** The metric the figure truly is. */
  readonly metric?: CompanyMetric;
  /** The basis the figure truly has. */
  readonly basis?: CompanyBasis;
  /** The period end the figure truly has. */
  readonly periodEnd?: string;
  /** Why, citing what the row's notes cite. */
  readonly why: string;
}

/**
 * The verdicts, one per row at most.
 *
 * @example
 * ```ts
 * import { FACT_VERDICTS } from "./_companies_corrections.ts";
 * import assert from "node:assert/strict";
 *
 * const mara = FACT_VERDICTS.find((v) => v.row.ticker === "MARA" && v.row.value === 3_599_927_000);
 * assert.equal(mara?.metric, "debt_carrying");
 * ```
 */
export const FACT_VERDICTS: readonly FactVerdict[] = [
  {
    row: { ticker: "HUT", metric: "debt_principal", value: 130_000_000, period_end: "2025-09-30" },
    recordedAs: "WRONG BASIS",
    metric: "debt_facility_size",
    why: "$130M is the size of the Coinbase credit facility; no drawn amount is stated.",
  },
  {
    row: {
      ticker: "IREN",
      metric: "debt_principal",
      value: 3_600_000_000,
      period_end: "2026-02-05",
    },
    recordedAs: "WRONG BASIS",
    metric: "debt_facility_size",
    why: "$3.6bn is GPU financing secured for the Microsoft contract (a facility size); no " +
      "drawn amount is stated.",
  },
  {
    row: {
      ticker: "MARA",
      metric: "debt_principal",
      value: 3_599_927_000,
      period_end: "2025-12-31",
    },
    recordedAs: "WRONG BASIS",
    metric: "debt_carrying",
    why: "XBRL LongTermDebt is a carrying amount, not face; it is about $350M above the " +
      "$3,298M convert face, which fits the $350M credit facilities still outstanding.",
  },
  {
    row: { ticker: "RIOT", metric: "cash", value: 330_700_000, period_end: "2025-10-30" },
    recordedAs: "WRONG PERIOD",
    periodEnd: "2025-09-30",
    why: "$330.7M unrestricted cash is the September 30, 2025 10-Q balance; October 30 is the " +
      "10-Q's filing date.",
  },
  {
    row: { ticker: "WULF", metric: "hpc_contracted_it", value: 72.5, period_end: "2025-11-10" },
    recordedAs: "WRONG BASIS",
    metric: "hpc_contracted_mw",
    basis: "gross",
    why: "TeraWulf's Q2-2025 release calls the Core42 capacity \"72.5 MW of gross HPC hosting " +
      'infrastructure": gross MW, not critical IT.',
  },
  {
    row: { ticker: "BITF", metric: "hashrate_operating", value: 17.7, period_end: "2025-06-30" },
    recordedAs: "WRONG PERIOD/BASIS",
    leaveOut: true,
    why: "an AI-written article pairs 17.7 with Q1's 19.5 EH/s, which Bitfarms reports as " +
      "hashrate under management at its release date; the check can only guess the period and " +
      "basis.",
  },
  {
    row: {
      ticker: "MARA",
      metric: "shares_outstanding",
      value: 370_457_880,
      period_end: "2025-06-30",
    },
    recordedAs: "WRONG PERIOD",
    leaveOut: true,
    why: "a 10-Q cover-page count (dated late July or early August 2025) keyed by the " +
      "aggregator to the quarter end; the cover date was not found.",
  },
  {
    row: {
      ticker: "MARA",
      metric: "shares_outstanding",
      value: 378_184_353,
      period_end: "2025-09-30",
    },
    recordedAs: "WRONG PERIOD",
    leaveOut: true,
    why: "a 10-Q cover-page count (dated about late October 2025) keyed by the aggregator to " +
      "the quarter end; the cover date was not found.",
  },
  {
    row: { ticker: "CORZ", metric: "hpc_operating_mw", value: 250, period_end: "2025-12-31" },
    recordedAs: "the facts table's notes",
    leaveOut: true,
    why: 'a plan ("plans to have 250 MW online ... by the end of the year"), not an operating ' +
      "figure, as its basis and company_operating_facts.md say.",
  },
];
