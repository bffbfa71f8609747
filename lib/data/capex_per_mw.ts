/**
 * Cited capital costs per MW, `data/capex_per_mw.csv`: what building, buying or valuing a
 * megawatt of AI/HPC or mining site cost, per its source. The schema is the single source of the
 * row type; a pure parser checks it; a loader returns one object per figure (a few rows, read
 * one by one in notebooks).
 *
 * @module
 */
import { CsvError, isIsoDate, parseCsv, quote, type Schema } from "./csv.ts";

/**
 * What a figure measures: `build cost` (capex to build a site), `acquisition price` (paid for
 * existing sites or a company, per MW), `valuation` (an analyst's value per MW, not a trade).
 */
export const CAPEX_METRICS = ["build cost", "acquisition price", "valuation"] as const;
/** One of {@linkcode CAPEX_METRICS}. */
export type CapexMetric = typeof CAPEX_METRICS[number];

/**
 * The megawatts a figure is per: `critical IT` (power for the IT load), `gross` (facility
 * power, IT × PUE), or `not stated` (the source says only "per MW").
 */
export const MW_BASES = ["critical IT", "gross", "not stated"] as const;
/** One of {@linkcode MW_BASES}. */
export type MwBasis = typeof MW_BASES[number];

/** Columns of `data/capex_per_mw.csv`; every number is USD per MW. */
export const CAPEX_PER_MW_SCHEMA = [
  { name: "subject", type: "string" },
  { name: "metric", type: "string", values: CAPEX_METRICS },
  { name: "low_usd_per_mw", type: "number", min: 0 },
  { name: "high_usd_per_mw", type: "number", min: 0 },
  { name: "mid_usd_per_mw", type: "number", min: 0 },
  { name: "mw_basis", type: "string", values: MW_BASES },
  { name: "figure_as_stated", type: "string" },
  { name: "source_url", type: "string" },
  { name: "source_title", type: "string" },
  { name: "source_date", type: "string", optional: true },
  { name: "notes", type: "string", optional: true },
] as const satisfies Schema;

/** The dataset's path relative to the project root. */
export const CAPEX_PER_MW_PATH = "data/capex_per_mw.csv";

/**
 * One cited figure, keyed by the header names of {@linkcode CAPEX_PER_MW_SCHEMA}.
 *
 * - `subject`: the project, deal or analyst view; `metric`: {@linkcode CapexMetric}.
 * - `low_usd_per_mw`, `high_usd_per_mw`: the stated range, USD per MW (equal for one value).
 * - `mid_usd_per_mw`: `(low + high) ÷ 2`, a derived midpoint, not a sourced figure.
 * - `mw_basis`: {@linkcode MwBasis}; compare figures only on the same basis.
 * - `figure_as_stated`, `source_url`, `source_title`, `source_date` (`YYYY-MM-DD`, `YYYY-MM`,
 *   `YYYY` or `""`), `notes`.
 */
export type CapexPerMw =
  & Omit<
    {
      readonly [C in typeof CAPEX_PER_MW_SCHEMA[number] as C["name"]]: C extends { type: "string" }
        ? string
        : number;
    },
    "metric" | "mw_basis"
  >
  & {
    readonly metric: CapexMetric;
    readonly mw_basis: MwBasis;
  };

/** Relative slack for `mid = (low + high) ÷ 2` after a CSV round trip. */
const MID_TOLERANCE = 1e-12;

function isPartialIsoDate(text: string): boolean {
  if (/^\d{4}$/.test(text)) return true;
  return isIsoDate(/^\d{4}-\d{2}$/.test(text) ? `${text}-01` : text);
}

/**
 * Parses the text of `data/capex_per_mw.csv`, checking that `metric` and `mw_basis` are known
 * categories, every bound is positive, `low ≤ high`, `mid = (low + high) ÷ 2`, `source_date` is
 * a full or partial ISO date, and that no subject repeats a metric.
 *
 * @example
 * ```ts
 * import { capexPerMwFromCsv } from "./capex_per_mw.ts";
 * import assert from "node:assert/strict";
 *
 * const csv = "subject,metric,low_usd_per_mw,high_usd_per_mw,mid_usd_per_mw,mw_basis," +
 *   "figure_as_stated,source_url,source_title,source_date,notes\n" +
 *   "TeraWulf HPC,build cost,8000000,10000000,9000000,critical IT,$8–$10 million per MW," +
 *   "https://x,X,,\n";
 * const [terawulf] = capexPerMwFromCsv(csv);
 * assert.equal(terawulf!.mid_usd_per_mw, 9e6);
 * assert.throws(() => capexPerMwFromCsv(csv.replace("build cost", "capex")), /"metric"/);
 * ```
 */
export function capexPerMwFromCsv(
  text: string,
  options: { file?: string } = {},
): readonly CapexPerMw[] {
  const file = options.file ?? CAPEX_PER_MW_PATH;
  // The schema checks that metric and mw_basis are known categories.
  const { columns, rowCount, lines } = parseCsv(text, CAPEX_PER_MW_SCHEMA, { file });
  const rows: CapexPerMw[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < rowCount; i++) {
    const line = lines[i]!;
    const metric = columns.metric[i]!;
    const basis = columns.mw_basis[i]!;
    const low = columns.low_usd_per_mw[i]!;
    const high = columns.high_usd_per_mw[i]!;
    const mid = columns.mid_usd_per_mw[i]!;
    if (low === 0) {
      throw new CsvError(file, line, "low_usd_per_mw", 'expected a positive number, found "0"');
    }
    if (low > high) {
      throw new CsvError(
        file,
        line,
        "high_usd_per_mw",
        `expected at least low_usd_per_mw ${low}, found ${high}`,
      );
    }
    const expected = (low + high) / 2;
    if (Math.abs(mid - expected) > MID_TOLERANCE * expected) {
      throw new CsvError(
        file,
        line,
        "mid_usd_per_mw",
        `expected (low + high) ÷ 2 = ${expected}, found ${mid}`,
      );
    }
    const sourceDate = columns.source_date[i]!;
    if (sourceDate !== "" && !isPartialIsoDate(sourceDate)) {
      throw new CsvError(
        file,
        line,
        "source_date",
        `expected YYYY, YYYY-MM or YYYY-MM-DD, found ${quote(sourceDate)}`,
      );
    }
    const subject = columns.subject[i]!;
    const key = `${subject}\u0000${metric}`;
    const first = seen.get(key);
    if (first !== undefined) {
      throw new CsvError(
        file,
        line,
        "subject",
        `${quote(subject)} repeats line ${first} for metric ${quote(metric)}`,
      );
    }
    seen.set(key, line);
    rows.push({
      subject,
      metric,
      low_usd_per_mw: low,
      high_usd_per_mw: high,
      mid_usd_per_mw: mid,
      mw_basis: basis,
      figure_as_stated: columns.figure_as_stated[i]!,
      source_url: columns.source_url[i]!,
      source_title: columns.source_title[i]!,
      source_date: sourceDate,
      notes: columns.notes[i]!,
    });
  }
  return rows;
}

/**
 * Reads `data/capex_per_mw.csv` (or another path) into one object per figure.
 *
 * @example
 * ```ts
 * import { loadCapexPerMw } from "./capex_per_mw.ts";
 * import assert from "node:assert/strict";
 *
 * const capex = await loadCapexPerMw();
 * const builds = capex.filter((c) => c.metric === "build cost" && c.mw_basis === "critical IT");
 * assert.ok(builds.every((c) => c.low_usd_per_mw >= 8e6 && c.high_usd_per_mw <= 11e6));
 * ```
 */
export async function loadCapexPerMw(
  path: string | URL = new URL(`../../${CAPEX_PER_MW_PATH}`, import.meta.url),
): Promise<readonly CapexPerMw[]> {
  const text = await Deno.readTextFile(path);
  return capexPerMwFromCsv(text, { file: path instanceof URL ? path.pathname : path });
}
