/**
 * Building `data/capex_per_mw.csv` from `facts/capex_and_context_points.csv`: each facts metric
 * is routed by an explicit table (to a `CapexMetric` for an asset, to `network_points.csv`, or
 * out by name with a reason), each unit mapped to an MW basis, each value, a number or a
 * `low-high` range in USD per MW, checked, and a value the facts table derived as cost ÷ MW
 * re-derived from the division its notes state.
 *
 * @module
 */
import { CsvError, quote } from "../data/csv.ts";
import { formatCsv } from "./csv_format.ts";
import {
  type BuiltDataset,
  type DatasetBuildOptions,
  DEFAULT_SOURCE_DIR,
  readRawInput,
} from "./dataset_build.ts";
import { type CapexLeftOut, renderCapexPerMwSources } from "./capex_per_mw_sources.ts";
import { CAPEX_PER_MW_SCHEMA, type CapexPerMw, capexPerMwFromCsv } from "../data/capex_per_mw.ts";
import {
  CAPEX_POINTS_INPUT,
  type FactsRow,
  routeFactsRows,
  statedNotes,
  UNIT_BASES,
  usdPerMwRange,
} from "./_capex_per_mw_facts.ts";
import { perMwOrigin } from "./_capex_per_mw_derived.ts";

/**
 * Builds `capex_per_mw.csv` from `facts/capex_and_context_points.csv` under `options.sourceDir`.
 * Writes nothing.
 *
 * @example Build from a fixture with a range, a network point and a definition row
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
 *     "CCAF,industry-wide ASIC efficiency estimate,28.2 J/TH,28.2,J/TH,https://z,Z,,\n" +
 *     "Mullet,definition (no figure),AI in front,,,https://y,Y,,\n",
 * );
 * const built = await buildCapexPerMw({ sourceDir: dir, log: () => {} });
 * await Deno.remove(dir, { recursive: true });
 * assert.equal(built.rows, 1);
 * const [, terawulf] = built.csv.split("\n");
 * assert.match(terawulf!, /^TeraWulf HPC,build cost,AI\/HPC,8000000,10000000,9000000,critical IT,/);
 * ```
 */
export async function buildCapexPerMw(options: DatasetBuildOptions = {}): Promise<BuiltDataset> {
  const dir = options.sourceDir ?? DEFAULT_SOURCE_DIR;
  const log = options.log ?? console.log;
  const input = await readRawInput(`${dir}/${CAPEX_POINTS_INPUT}`);
  const facts = routeFactsRows(input);
  const { rows, leftOut } = capexRows(facts, input.path);
  const csv = formatCsv(CAPEX_PER_MW_SCHEMA, rows);
  capexPerMwFromCsv(csv, { file: "capex_per_mw.csv (built)" });
  const toNetwork = facts.filter((f) => f.route.to === "network_points").length;
  const left = facts.filter((f) => f.route.to === "left out").length + leftOut.length;
  log(
    `capex_per_mw.csv: ${rows.length} figures (${toNetwork} facts rows to network_points.csv, ` +
      `${left} left out)`,
  );
  return {
    file: "capex_per_mw.csv",
    csv,
    sources: renderCapexPerMwSources(rows, facts, leftOut, {
      ...input,
      path: CAPEX_POINTS_INPUT,
    }),
    rows: rows.length,
  };
}

function capexRows(
  facts: readonly FactsRow[],
  file: string,
): { rows: CapexPerMw[]; leftOut: CapexLeftOut[] } {
  const rows: CapexPerMw[] = [];
  const leftOut: CapexLeftOut[] = [];
  for (const { line, route, cells } of facts) {
    if (route.to !== "capex_per_mw") continue;
    const basis = UNIT_BASES[cells.unit];
    if (basis === undefined) {
      throw new CsvError(
        file,
        line,
        "unit",
        `expected one of ${Object.keys(UNIT_BASES).map((u) => `"${u}"`).join(", ")}, found ` +
          quote(cells.unit),
      );
    }
    if (typeof basis !== "string") {
      leftOut.push({ line, subject: cells.subject, why: basis.leftOut });
      continue;
    }
    if (cells.value.trim() === "") {
      throw new CsvError(
        file,
        line,
        "value",
        `expected USD per MW (metric "${route.metric}"), found an empty cell`,
      );
    }
    const range = usdPerMwRange(cells.value, { file, line });
    rows.push({
      subject: cells.subject,
      metric: route.metric,
      asset: route.asset,
      low_usd_per_mw: range.low,
      high_usd_per_mw: range.high,
      mid_usd_per_mw: (range.low + range.high) / 2,
      mw_basis: basis,
      per_mw: perMwOrigin(cells, range, { file, line }),
      figure_as_stated: cells.figure_as_stated,
      source_url: cells.source_url,
      source_title: cells.source_title,
      source_date: cells.source_date,
      notes: statedNotes(cells),
    });
  }
  return { rows, leftOut };
}
