/**
 * Reading the company fact tables (`facts/company_operating_facts.csv` and the project's own
 * `facts/company_facts_added.csv`, same columns) into facts of `data/companies.csv`: every
 * cell checked against the vocabulary, the value against its as-stated text, the basis and
 * scope read from the table's words, and the check verdicts applied. Internal to `lib/ingest`.
 *
 * @module
 */
import { CsvError, isIsoDate, parseCsv, quote, type Schema } from "../../data/csv.ts";
import {
  COMPANY_METRIC_UNITS,
  COMPANY_METRICS,
  COMPANY_SOURCE_TYPES,
  type CompanyFact,
  type CompanyMetric,
  lastDayOf,
  type PeriodPrecision,
} from "../../data/companies.ts";
import type { RawInput } from "../dataset_build.ts";
import { basisFamily, readBasis, readScope } from "./_companies_basis.ts";
import { checkStatedFigure } from "./_companies_stated.ts";
import { FACT_VERDICTS, type FactVerdict, VERDICT_IN_NOTES } from "./_companies_corrections.ts";

/** The facts tables, relative to the source folder. */
export const COMPANY_FACTS_INPUTS = [
  "facts/company_operating_facts.csv",
  "facts/company_facts_added.csv",
] as const;

/** Columns of both facts tables, exactly. */
export const COMPANY_FACTS_SCHEMA = [
  { name: "ticker", type: "string" },
  { name: "company", type: "string" },
  { name: "metric", type: "string", values: COMPANY_METRICS },
  { name: "value", type: "number", min: 0 },
  { name: "unit", type: "string" },
  { name: "period_end", type: "string" },
  { name: "period_as_stated", type: "string", optional: true },
  { name: "figure_as_stated", type: "string" },
  { name: "basis", type: "string", optional: true },
  { name: "source_url", type: "string" },
  { name: "source_title", type: "string" },
  { name: "source_date", type: "string", optional: true },
  { name: "source_type", type: "string", values: COMPANY_SOURCE_TYPES },
  { name: "notes", type: "string", optional: true },
] as const satisfies Schema;

/** A facts row left out, and why. */
export interface LeftOutFact {
  /** `facts/<file>:<line>`. */
  readonly input: string;
  /** The verdict that leaves it out. */
  readonly verdict: FactVerdict;
}

/** What {@linkcode readCompanyFacts} reads from one table. */
export interface ReadFacts {
  /** The facts, in file order, all `preferred: false`. */
  readonly facts: CompanyFact[];
  /** Rows left out. */
  readonly leftOut: LeftOutFact[];
  /** The verdicts applied (corrections and rows left out). */
  readonly applied: FactVerdict[];
}

const PERIOD = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** `2025-09-30` → day, `2026-01` → month, `2023` → year; anything else `undefined`. */
function periodPrecision(text: string): PeriodPrecision | undefined {
  const match = PERIOD.exec(text);
  if (match === null) return undefined;
  if (match[3] !== undefined) return isIsoDate(text) ? "day" : undefined;
  if (match[2] !== undefined) return isIsoDate(`${text}-01`) ? "month" : undefined;
  return "year";
}

function checkOf(notes: string): "confirmed" | "not found" | "unchecked" {
  const match = /\bcheck \d{4}-\d{2}-\d{2}: (CONFIRMED|NOT FOUND)\b/.exec(notes);
  if (match === null) return "unchecked";
  return match[1] === "CONFIRMED" ? "confirmed" : "not found";
}

function verdictFor(
  ticker: string,
  metric: string,
  value: number,
  periodEnd: string,
): FactVerdict | undefined {
  return FACT_VERDICTS.find((v) =>
    v.row.ticker === ticker && v.row.metric === metric && v.row.value === value &&
    v.row.period_end === periodEnd
  );
}

/**
 * Reads one facts table; `path` (relative to the source folder) names the rows' `input`.
 * Throws a {@linkcode CsvError} naming file, line, column and value for an unknown metric,
 * unit, basis, source type, a period that is not an ISO date, a value its as-stated text does
 * not state, and a check verdict the build has no entry for.
 *
 * @example
 * ```ts
 * import { readCompanyFacts } from "./_companies_facts.ts";
 * import assert from "node:assert/strict";
 *
 * const text = "ticker,company,metric,value,unit,period_end,period_as_stated,figure_as_stated," +
 *   "basis,source_url,source_title,source_date,source_type,notes\n" +
 *   "HIVE,HIVE Digital,hashrate_operating,16.2,EH/s,2025-09-30,Q2 FY26," +
 *   '"Hashrate ... 16,2 EH/s",\"operating, period-end\",https://x,X,2025-11,press relay,\n';
 * const input = { path: "/tmp/f.csv", bytes: 0, sha256: "", text };
 * const [hive] = readCompanyFacts(input, "facts/f.csv").facts;
 * assert.equal(hive!.basis, "operating at period end");
 * assert.equal(hive!.input, "facts/f.csv:2");
 * assert.throws(
 *   () => readCompanyFacts({ ...input, text: text.replace("2025-09-30", "Q3 2025") }, "facts/f.csv"),
 *   /\/tmp\/f\.csv:2: column "period_end": expected an ISO date/,
 * );
 * ```
 */
export function readCompanyFacts(input: RawInput, path: string): ReadFacts {
  const file = input.path;
  const { columns, rowCount, lines } = parseCsv(input.text, COMPANY_FACTS_SCHEMA, { file });
  const facts: CompanyFact[] = [];
  const leftOut: LeftOutFact[] = [];
  const applied: FactVerdict[] = [];
  for (let i = 0; i < rowCount; i++) {
    const line = lines[i]!;
    const ticker = columns.ticker[i]!;
    if (!/^[A-Z]{2,5}$/.test(ticker)) {
      throw new CsvError(
        file,
        line,
        "ticker",
        `expected 2-5 capital letters, found ${quote(ticker)}`,
      );
    }
    const statedMetric = columns.metric[i]!;
    const value = columns.value[i]!;
    const unit = columns.unit[i]!;
    if (unit !== COMPANY_METRIC_UNITS[statedMetric]) {
      throw new CsvError(
        file,
        line,
        "unit",
        `metric ${quote(statedMetric)} is in ${quote(COMPANY_METRIC_UNITS[statedMetric])}, ` +
          `found ${quote(unit)}`,
      );
    }
    const statedPeriod = columns.period_end[i]!;
    if (periodPrecision(statedPeriod) === undefined) {
      throw new CsvError(
        file,
        line,
        "period_end",
        `expected an ISO date (YYYY-MM-DD, YYYY-MM or YYYY), found ${quote(statedPeriod)}`,
      );
    }
    const sourceDate = columns.source_date[i]!;
    if (sourceDate !== "" && periodPrecision(sourceDate) === undefined) {
      throw new CsvError(
        file,
        line,
        "source_date",
        `expected YYYY-MM-DD, YYYY-MM, YYYY or an empty cell, found ${quote(sourceDate)}`,
      );
    }
    const notes = columns.notes[i]!;
    const statedBasis = columns.basis[i]!;
    const figure = columns.figure_as_stated[i]!;
    checkStatedFigure(file, line, { value, unit, figure, basis: statedBasis, notes });

    const verdict = verdictFor(ticker, statedMetric, value, statedPeriod);
    const recorded = VERDICT_IN_NOTES.exec(notes);
    if (recorded !== null && verdict === undefined) {
      throw new CsvError(
        file,
        line,
        "notes",
        `the notes record "${recorded[0]}" for ${ticker} ${statedMetric} ${value} at ` +
          `${statedPeriod}, and the build has no correction for it`,
      );
    }
    const where = `${path}:${line}`;
    if (verdict !== undefined) applied.push(verdict);
    if (verdict?.leaveOut === true) {
      leftOut.push({ input: where, verdict });
      continue;
    }
    const metric: CompanyMetric = verdict?.metric ?? statedMetric;
    const basis = verdict?.basis ?? readBasis(metric, statedBasis);
    if (basis === undefined) {
      throw new CsvError(
        file,
        line,
        "basis",
        `no rule of the ${basisFamily(metric).name} family reads ${quote(statedBasis)} ` +
          `(metric ${quote(metric)}): state it as the source words it, e.g. "energized", ` +
          `"critical IT", "gross", "total", or "not stated"`,
      );
    }
    const periodEnd = verdict?.periodEnd ?? statedPeriod;
    facts.push({
      ticker,
      company: columns.company[i]!,
      period_end: lastDayOf(periodEnd),
      period_precision: periodPrecision(periodEnd)!,
      metric,
      value,
      unit: COMPANY_METRIC_UNITS[metric],
      basis,
      scope: readScope(statedBasis, notes),
      preferred: false,
      source_type: columns.source_type[i]!,
      source_url: columns.source_url[i]!,
      source_title: columns.source_title[i]!,
      source_date: sourceDate,
      check: verdict === undefined ? checkOf(notes) : "corrected",
      figure_as_stated: figure,
      basis_as_stated: statedBasis,
      period_as_stated: columns.period_as_stated[i]!,
      input: where,
      notes: verdict === undefined ? notes : [notes, `corrected by the build: ${verdict.why}`]
        .filter((n) => n !== "").join("; "),
    });
  }
  return { facts, leftOut, applied };
}
