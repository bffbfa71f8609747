/**
 * Reading `facts/capex_and_context_points.csv`: its columns, the explicit tables that map each
 * stated `metric` to a {@linkcode CapexMetric} (or leave the row out) and each `unit` to an MW
 * basis, and the reader of a value in USD per MW. Internal to `lib/data`: the build applies
 * them and SOURCES.md prints them.
 *
 * @module
 */
import { CsvError, quote, type Schema } from "./csv.ts";
import type { CapexMetric, MwBasis } from "./capex_per_mw.ts";

/** The cited points, relative to the source folder. */
export const CAPEX_POINTS_INPUT = "facts/capex_and_context_points.csv";

/**
 * Each facts `metric` and what it becomes; `null` leaves the row out (it has no per-MW number).
 * The Aligned Data Centers figure is the price of a $40 billion acquisition per MW of capacity,
 * so it is an acquisition price although the facts file words it as a valuation; Bernstein's
 * $3M/MW is an analyst's multiple, not a trade.
 */
export const FACTS_METRICS: Readonly<Record<string, CapexMetric | null>> = {
  "HPC data center build cost": "build cost",
  "bitcoin mining site acquisition cost": "acquisition price",
  "AI data center valuation per MW": "acquisition price",
  "valuation multiple": "valuation",
  "definition (no figure)": null,
};

/** Each accepted facts `unit` and the MW basis it states. */
export const UNIT_BASES: Readonly<Record<string, MwBasis>> = {
  "USD per MW critical IT": "critical IT",
  "USD per MW gross": "gross",
  "USD per MW": "not stated",
};

/** Bounds outside which a USD-per-MW figure is a unit slip (e.g. millions written as 8-10). */
export const PLAUSIBLE_USD_PER_MW = { min: 1e4, max: 1e8 } as const;

/** Columns of `facts/capex_and_context_points.csv`, exactly. */
export const CAPEX_POINTS_SCHEMA = [
  { name: "subject", type: "string" },
  { name: "metric", type: "string", values: Object.keys(FACTS_METRICS) },
  { name: "figure_as_stated", type: "string" },
  { name: "value", type: "string", optional: true },
  { name: "unit", type: "string", optional: true },
  { name: "source_url", type: "string" },
  { name: "source_title", type: "string" },
  { name: "source_date", type: "string", optional: true },
  { name: "notes", type: "string", optional: true },
] as const satisfies Schema;

const NUMBER_OR_RANGE = /^(\d+(?:\.\d+)?)(?:\s*[-–]\s*(\d+(?:\.\d+)?))?$/;

/**
 * Reads a value in USD per MW: one number (`"430000"`) or a range (`"8000000-10000000"`), as
 * `{ low, high }`; `low > high`, anything else, and figures outside
 * {@linkcode PLAUSIBLE_USD_PER_MW} throw a {@linkcode CsvError} naming the cell.
 *
 * @example
 * ```ts
 * import { usdPerMwRange } from "./_capex_per_mw_facts.ts";
 * import assert from "node:assert/strict";
 *
 * const where = { file: "f.csv", line: 2 };
 * assert.deepEqual(usdPerMwRange("8000000-10000000", where), { low: 8e6, high: 1e7 });
 * assert.deepEqual(usdPerMwRange("430000", where), { low: 430000, high: 430000 });
 * assert.throws(() => usdPerMwRange("10000000-8000000", where), /f\.csv:2: column "value"/);
 * ```
 */
export function usdPerMwRange(
  raw: string,
  where: { readonly file: string; readonly line: number },
): { low: number; high: number } {
  const { file, line } = where;
  const match = NUMBER_OR_RANGE.exec(raw.trim());
  if (match === null) {
    throw new CsvError(
      file,
      line,
      "value",
      `expected USD per MW as a number or a range "low-high" (e.g. 8000000-10000000), found ${
        quote(raw)
      }`,
    );
  }
  const low = Number(match[1]);
  const high = match[2] === undefined ? low : Number(match[2]);
  if (low > high) {
    throw new CsvError(
      file,
      line,
      "value",
      `the range ${quote(raw)} runs from high to low: expected low ≤ high`,
    );
  }
  for (const bound of [low, high]) {
    if (bound < PLAUSIBLE_USD_PER_MW.min || bound > PLAUSIBLE_USD_PER_MW.max) {
      throw new CsvError(
        file,
        line,
        "value",
        `${bound} USD per MW in ${quote(raw)} is outside ${PLAUSIBLE_USD_PER_MW.min}..` +
          `${PLAUSIBLE_USD_PER_MW.max}: is it in thousands or millions rather than USD?`,
      );
    }
  }
  return { low, high };
}
