/**
 * Building `data/network_points.csv` from `facts/capex_and_context_points.csv`: the rows the
 * routing table sends here, each dated by an explicit entry whose words must be in the row, its
 * unit checked against the metric's and its value against a plausible range, sorted by metric
 * and date.
 *
 * @module
 */
import { type ColumnSpec, CsvError, numberCell, quote } from "../data/csv.ts";
import { formatCsv } from "./csv_format.ts";
import {
  type BuiltDataset,
  type DatasetBuildOptions,
  DEFAULT_SOURCE_DIR,
  readRawInput,
} from "./dataset_build.ts";
import {
  compareNetworkPoints,
  NETWORK_METRIC_UNITS,
  NETWORK_POINTS_SCHEMA,
  type NetworkPoint,
  networkPointsFromCsv,
} from "../data/network_points.ts";
import { renderNetworkPointsSources } from "./network_points_sources.ts";
import {
  CAPEX_POINTS_INPUT,
  type FactsRow,
  routeFactsRows,
  statedNotes,
} from "./_capex_per_mw_facts.ts";
import {
  isStatedUnit,
  NETWORK_POINT_DATES,
  PLAUSIBLE_VALUES,
  type PointDate,
  STATED_UNITS,
} from "./_network_points_facts.ts";

const VALUE: ColumnSpec = { name: "value", type: "number", min: 0 };

/**
 * Builds `network_points.csv` from `facts/capex_and_context_points.csv` under
 * `options.sourceDir`. Writes nothing.
 *
 * @example Build the CCAF survey's fleet efficiency from a fixture
 * ```ts
 * import { buildNetworkPoints } from "./network_points_build.ts";
 * import assert from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir({ dir: "/tmp" });
 * await Deno.mkdir(`${dir}/facts`);
 * await Deno.writeTextFile(
 *   `${dir}/facts/capex_and_context_points.csv`,
 *   "subject,metric,figure_as_stated,value,unit,source_url,source_title,source_date,notes\n" +
 *     '"Bitcoin mining industry (CCAF survey, 49 firms, ~48% / 268 EH/s of hashrate)",' +
 *     "industry-wide ASIC efficiency estimate,reaching 28.2 J/TH,28.2,J/TH,https://x,X," +
 *     "2025-04-30,survey June-Sep 2024\n",
 * );
 * const built = await buildNetworkPoints({ sourceDir: dir, log: () => {} });
 * await Deno.remove(dir, { recursive: true });
 * const [, ccaf] = built.csv.split("\n");
 * assert.match(ccaf!, /^fleet efficiency,2024,estimate,28\.2,J\/TH,/);
 * ```
 */
export async function buildNetworkPoints(
  options: DatasetBuildOptions = {},
): Promise<BuiltDataset> {
  const dir = options.sourceDir ?? DEFAULT_SOURCE_DIR;
  const log = options.log ?? console.log;
  const input = await readRawInput(`${dir}/${CAPEX_POINTS_INPUT}`);
  const facts = routeFactsRows(input);
  const points = facts.flatMap((row) => networkPoint(row, input.path) ?? []);
  // Stable: points of one metric and date keep the facts file's order.
  const sorted = points.toSorted(compareNetworkPoints);
  const csv = formatCsv(NETWORK_POINTS_SCHEMA, sorted);
  networkPointsFromCsv(csv, { file: "network_points.csv (built)" });
  log(`network_points.csv: ${sorted.length} points`);
  return {
    file: "network_points.csv",
    csv,
    sources: renderNetworkPointsSources(sorted, facts, { ...input, path: CAPEX_POINTS_INPUT }),
    rows: sorted.length,
  };
}

function dateOf(row: FactsRow, file: string): PointDate {
  const { subject, metric } = row.cells;
  const entry = NETWORK_POINT_DATES.find((d) => d.subject === subject && d.metric === metric);
  if (entry === undefined) {
    throw new CsvError(
      file,
      row.line,
      "subject",
      `no date is recorded for the network point ${quote(subject)} (${quote(metric)}): give ` +
        "it one in NETWORK_POINT_DATES with the words of the row that state it",
    );
  }
  const text = row.cells[entry.column];
  if (!text.includes(entry.asStated)) {
    throw new CsvError(
      file,
      row.line,
      entry.column,
      `expected the date ${entry.date} stated as ${quote(entry.asStated)}, found ${quote(text)}`,
    );
  }
  return entry;
}

function networkPoint(row: FactsRow, file: string): NetworkPoint | undefined {
  const { route, cells, line } = row;
  if (route.to !== "network_points") return undefined;
  const { metric } = route;
  if (!isStatedUnit(cells.unit, STATED_UNITS[metric])) {
    throw new CsvError(
      file,
      line,
      "unit",
      `expected ${quote(STATED_UNITS[metric])} (the unit of ${metric}), alone or followed by ` +
        `" (…)" or ", …", found ${quote(cells.unit)}`,
    );
  }
  const value = numberCell(file, line, VALUE, cells.value);
  const { min, max } = PLAUSIBLE_VALUES[metric];
  if (!(value >= min && value <= max)) {
    throw new CsvError(
      file,
      line,
      "value",
      `${quote(cells.value)} ${NETWORK_METRIC_UNITS[metric]} is outside ${min}..${max} for ` +
        `${metric}: is it in another unit?`,
    );
  }
  const date = dateOf(row, file);
  return {
    metric,
    date: date.date,
    statistic: route.statistic,
    value,
    unit: NETWORK_METRIC_UNITS[metric],
    subject: cells.subject,
    date_as_stated: date.asStated,
    figure_as_stated: cells.figure_as_stated,
    source_url: cells.source_url,
    source_title: cells.source_title,
    source_date: cells.source_date,
    notes: statedNotes(cells),
  } as NetworkPoint;
}
