/**
 * Cited capital costs per MW, `data/capex_per_mw.csv`: what building, converting, buying or
 * valuing a megawatt of AI/HPC or mining capacity cost, per its source: one object per figure (a
 * few dozen rows, read one by one in notebooks).
 *
 * @module
 */
import type { CsvText, Schema, SchemaRow } from "./csv.ts";
import { type DatasetLoader, datasetLoader, rowsFromCsv } from "./csv_rows.ts";

/**
 * What a figure measures: `build cost` (capex to build or complete a site), `retrofit cost`
 * (capex to convert existing buildings, such as a mine's, to AI/HPC), `acquisition price` (paid
 * or agreed for existing sites or a company, per MW), `valuation` (an analyst's value per MW,
 * not a trade).
 */
export const CAPEX_METRICS = [
  "build cost",
  "retrofit cost",
  "acquisition price",
  "valuation",
] as const;
/** One of {@linkcode CAPEX_METRICS}. */
export type CapexMetric = typeof CAPEX_METRICS[number];

/**
 * What the megawatt is for: `AI/HPC` data-centre capacity, `bitcoin mining` capacity, or
 * `mining and HPC` (a company whose megawatts do both, bought whole).
 */
export const CAPEX_ASSETS = ["AI/HPC", "bitcoin mining", "mining and HPC"] as const;
/** One of {@linkcode CAPEX_ASSETS}. */
export type CapexAsset = typeof CAPEX_ASSETS[number];

/**
 * The megawatts a figure is per: `critical IT` (power for the IT load, including IT MW under
 * contract), `gross` (facility power, IT × PUE), or `not stated` (the source says only "per MW",
 * or the MW of a project whose basis it does not give).
 */
export const MW_BASES = ["critical IT", "gross", "not stated"] as const;
/** One of {@linkcode MW_BASES}. */
export type MwBasis = typeof MW_BASES[number];

/**
 * Where the per-MW number comes from: `as stated` (the source gives it per MW) or `cost ÷ MW`
 * (the facts table divided the cost the source states by the MW it states; the build re-does
 * the division).
 */
export const PER_MW_ORIGINS = ["as stated", "cost ÷ MW"] as const;
/** One of {@linkcode PER_MW_ORIGINS}. */
export type PerMwOrigin = typeof PER_MW_ORIGINS[number];

/** Columns of `data/capex_per_mw.csv`; every number is USD per MW. */
export const CAPEX_PER_MW_SCHEMA = [
  { name: "subject", type: "string" },
  { name: "metric", type: "string", values: CAPEX_METRICS },
  { name: "asset", type: "string", values: CAPEX_ASSETS },
  { name: "low_usd_per_mw", type: "number", positive: true },
  { name: "high_usd_per_mw", type: "number", min: 0 },
  { name: "mid_usd_per_mw", type: "number", min: 0 },
  { name: "mw_basis", type: "string", values: MW_BASES },
  { name: "per_mw", type: "string", values: PER_MW_ORIGINS },
  { name: "figure_as_stated", type: "string" },
  { name: "source_url", type: "string", url: true },
  { name: "source_title", type: "string" },
  { name: "source_date", type: "date", optional: true, dates: ["YYYY", "YYYY-MM", "YYYY-MM-DD"] },
  { name: "notes", type: "string", optional: true },
] as const satisfies Schema;

/** The dataset's path relative to the project root. */
export const CAPEX_PER_MW_PATH = "data/capex_per_mw.csv";

/**
 * One cited figure, keyed by the header names of {@linkcode CAPEX_PER_MW_SCHEMA}.
 *
 * - `subject`: the project, deal or analyst view; `metric`: {@linkcode CapexMetric};
 *   `asset`: {@linkcode CapexAsset}.
 * - `low_usd_per_mw`, `high_usd_per_mw`: the stated range, USD per MW (equal for one value).
 * - `mid_usd_per_mw`: `(low + high) ÷ 2`, a derived midpoint, not a sourced figure.
 * - `mw_basis`: {@linkcode MwBasis}; compare figures only on the same basis.
 * - `per_mw`: {@linkcode PerMwOrigin}: stated per MW by the source, or its cost ÷ its MW.
 * - `figure_as_stated`, `source_url`, `source_title`, `source_date` (`YYYY-MM-DD`, `YYYY-MM`,
 *   `YYYY` or `""`), `notes` (the facts table's wording of the metric and unit, then its notes).
 */
export type CapexPerMw = SchemaRow<typeof CAPEX_PER_MW_SCHEMA>;

/**
 * Parses the text of `data/capex_per_mw.csv`, checking that `metric`, `asset`, `mw_basis` and
 * `per_mw` are known categories, every bound is positive, `low ≤ high`,
 * `mid = (low + high) ÷ 2`, `source_date` is a full or partial ISO date, and that no subject
 * repeats a metric from the same source.
 *
 * @example
 * ```ts
 * import { CAPEX_PER_MW_SCHEMA, capexPerMwFromCsv } from "./capex_per_mw.ts";
 * import assert from "node:assert/strict";
 *
 * const csv = CAPEX_PER_MW_SCHEMA.map((c) => c.name).join(",") + "\n" +
 *   "TeraWulf HPC,build cost,AI/HPC,8000000,10000000,9000000,critical IT,as stated," +
 *   "$8–$10 million per MW,https://x,X,,\n";
 * const [terawulf] = capexPerMwFromCsv(csv);
 * assert.equal(terawulf!.mid_usd_per_mw, 9e6);
 * assert.throws(() => capexPerMwFromCsv(csv.replace("build cost", "capex")), /"metric"/);
 * ```
 */
export function capexPerMwFromCsv(
  text: CsvText,
  options: { file?: string } = {},
): readonly CapexPerMw[] {
  return rowsFromCsv(text, CAPEX_PER_MW_SCHEMA, {
    file: options.file ?? CAPEX_PER_MW_PATH,
    check: ({ low_usd_per_mw: low, high_usd_per_mw: high }, fail) => {
      if (low > high) {
        throw fail("high_usd_per_mw", `expected at least low_usd_per_mw ${low}, found ${high}`);
      }
    },
    derived: [{
      column: "mid_usd_per_mw",
      formula: "(low + high) ÷ 2",
      value: (row) => (row.low_usd_per_mw + row.high_usd_per_mw) / 2,
    }],
    // Two sources may disagree on one project's figure; both are kept, each once.
    unique: [{ key: ["subject", "metric", "source_url"] }],
  }).rows;
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
 * const builds = capex.filter((c) =>
 *   c.metric === "build cost" && c.asset === "AI/HPC" && c.mw_basis === "critical IT"
 * );
 * assert.ok(builds.every((c) => c.low_usd_per_mw >= 8e6 && c.high_usd_per_mw <= 11e6));
 * // Riot's retrofit of existing mining buildings: a different metric from a build.
 * const riot = capex.find((c) => c.metric === "retrofit cost" && c.subject.startsWith("Riot"));
 * assert.equal(riot?.mid_usd_per_mw, 3.6e6);
 * ```
 */
export const loadCapexPerMw: DatasetLoader<readonly CapexPerMw[]> = datasetLoader(
  CAPEX_PER_MW_PATH,
  capexPerMwFromCsv,
);
