/**
 * Building `data/capex_per_mw.csv` from `facts/capex_and_context_points.csv`: each facts metric
 * is mapped to a `CapexMetric` by an explicit table (a row without a number, such as
 * Bernstein's "Mullet" definition, is left out by name), each unit to an MW basis, and each value,
 * a number or a `low-high` range in USD per MW, is checked.
 *
 * @module
 */
import { CsvError, parseCsv, quote } from "./csv.ts";
import { formatCsv } from "./csv_format.ts";
import {
  type BuiltDataset,
  type DatasetBuildOptions,
  DEFAULT_SOURCE_DIR,
  type RawInput,
  readRawInput,
} from "./dataset_build.ts";
import { type CapexLeftOut, renderCapexPerMwSources } from "./capex_per_mw_sources.ts";
import { CAPEX_PER_MW_SCHEMA, type CapexPerMw, capexPerMwFromCsv } from "./capex_per_mw.ts";
import {
  CAPEX_POINTS_INPUT,
  CAPEX_POINTS_SCHEMA,
  FACTS_METRICS,
  UNIT_BASES,
  usdPerMwRange,
} from "./_capex_per_mw_facts.ts";

/**
 * Builds `capex_per_mw.csv` from `facts/capex_and_context_points.csv` under `options.sourceDir`.
 * Writes nothing.
 *
 * @example Build from a fixture with a range and a definition row
 * ```ts
 * import { buildCapexPerMw } from "./capex_per_mw_build.ts";
 * import assert from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir({ dir: "/tmp" });
 * await Deno.mkdir(`${dir}/facts`);
 * await Deno.writeTextFile(
 *   `${dir}/facts/capex_and_context_points.csv`,
 *   "subject,metric,figure_as_stated,value,unit,source_url,source_title,source_date,notes\n" +
 *     "TeraWulf HPC,HPC data center build cost,$8–$10 million per MW,8000000-10000000," +
 *     "USD per MW critical IT,https://x,X,,\n" +
 *     "Mullet,definition (no figure),AI in front,,,https://y,Y,,\n",
 * );
 * const built = await buildCapexPerMw({ sourceDir: dir, log: () => {} });
 * await Deno.remove(dir, { recursive: true });
 * assert.equal(built.rows, 1);
 * const [, terawulf] = built.csv.split("\n");
 * assert.match(terawulf!, /^TeraWulf HPC,build cost,8000000,10000000,9000000,critical IT,/);
 * ```
 */
export async function buildCapexPerMw(options: DatasetBuildOptions = {}): Promise<BuiltDataset> {
  const dir = options.sourceDir ?? DEFAULT_SOURCE_DIR;
  const log = options.log ?? console.log;
  const input = await readRawInput(`${dir}/${CAPEX_POINTS_INPUT}`);
  const { rows, leftOut } = capexRows(input);
  const csv = formatCsv(CAPEX_PER_MW_SCHEMA, rows);
  capexPerMwFromCsv(csv, { file: "capex_per_mw.csv (built)" });
  log(`capex_per_mw.csv: ${rows.length} figures (${leftOut.length} facts rows left out)`);
  return {
    file: "capex_per_mw.csv",
    csv,
    sources: renderCapexPerMwSources(rows, leftOut, { ...input, path: CAPEX_POINTS_INPUT }),
    rows: rows.length,
  };
}

function capexRows(input: RawInput): { rows: CapexPerMw[]; leftOut: CapexLeftOut[] } {
  const file = input.path;
  const { columns, rowCount, lines } = parseCsv(input.text, CAPEX_POINTS_SCHEMA, { file });
  const rows: CapexPerMw[] = [];
  const leftOut: CapexLeftOut[] = [];
  for (let i = 0; i < rowCount; i++) {
    const line = lines[i]!;
    const stated = columns.metric[i]!;
    const value = columns.value[i]!;
    const metric = FACTS_METRICS[stated]!; // the schema admits only FACTS_METRICS' keys
    if (metric === null) {
      if (value.trim() !== "") {
        throw new CsvError(
          file,
          line,
          "value",
          `${quote(stated)} rows carry no number, found ${quote(value)}`,
        );
      }
      leftOut.push({ line, subject: columns.subject[i]!, metric: stated });
      continue;
    }
    const unit = columns.unit[i]!;
    const basis = UNIT_BASES[unit];
    if (basis === undefined) {
      throw new CsvError(
        file,
        line,
        "unit",
        `expected one of ${Object.keys(UNIT_BASES).map((u) => `"${u}"`).join(", ")}, found ` +
          quote(unit),
      );
    }
    if (value.trim() === "") {
      throw new CsvError(
        file,
        line,
        "value",
        `expected USD per MW (metric "${metric}"), found an empty cell`,
      );
    }
    const { low, high } = usdPerMwRange(value, { file, line });
    rows.push({
      subject: columns.subject[i]!,
      metric,
      low_usd_per_mw: low,
      high_usd_per_mw: high,
      mid_usd_per_mw: (low + high) / 2,
      mw_basis: basis,
      figure_as_stated: columns.figure_as_stated[i]!,
      source_url: columns.source_url[i]!,
      source_title: columns.source_title[i]!,
      source_date: columns.source_date[i]!,
      notes: [`stated metric: ${stated}`, columns.notes[i]!].filter((n) => n !== "").join("; "),
    });
  }
  return { rows, leftOut };
}
