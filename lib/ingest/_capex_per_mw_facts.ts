/**
 * Reading `facts/capex_and_context_points.csv`: its columns, the explicit table that routes each
 * stated `metric` to `capex_per_mw.csv` (as a {@linkcode CapexMetric} for an asset), to
 * `network_points.csv` (as a {@linkcode NetworkMetric}) or out of both with a reason, the table
 * of capex units and their MW basis, and the reader of a value in USD per MW. Internal to
 * `lib/ingest`: the two builds apply them and SOURCES.md prints them.
 *
 * @module
 */
import { CsvError, parseCsv, quote, type Schema } from "../data/csv.ts";
import type { RawInput } from "./dataset_build.ts";
import type { CapexAsset, CapexMetric, MwBasis } from "../data/capex_per_mw.ts";
import type { NetworkMetric, NetworkStatistic } from "../data/network_points.ts";

/** The cited points, relative to the source folder. */
export const CAPEX_POINTS_INPUT = "facts/capex_and_context_points.csv";

/** Where a facts row goes: a per-MW figure, a network point, or neither (and why). */
export type FactsRoute =
  | { readonly to: "capex_per_mw"; readonly metric: CapexMetric; readonly asset: CapexAsset }
  | {
    readonly to: "network_points";
    readonly metric: NetworkMetric;
    readonly statistic: NetworkStatistic;
  }
  | { readonly to: "left out"; readonly why: string; readonly noFigure?: true };

const capex = (metric: CapexMetric, asset: CapexAsset): FactsRoute => ({
  to: "capex_per_mw",
  metric,
  asset,
});
const network = (metric: NetworkMetric, statistic: NetworkStatistic): FactsRoute => ({
  to: "network_points",
  metric,
  statistic,
});
const SITE_POWER = "a site's power in MW, with no cost: not a per-MW figure";
const UNDATED = "the page gives no date for the figure, so it cannot be a dated point";

/**
 * Each facts `metric` and where its rows go. A conversion of existing (mining) buildings is a
 * retrofit, whatever the facts table calls it; a mine's completion or incremental build is a
 * build cost. The Aligned Data Centers figure is the price of a $40 billion acquisition per MW,
 * and CoreWeave's agreed (later terminated) purchase of Core Scientific a deal value per MW,
 * so both are acquisition prices although the facts table words them as valuations; Bernstein's
 * $3M/MW is an analyst's multiple, not a trade.
 */
export const FACTS_METRICS: Readonly<Record<string, FactsRoute>> = {
  "HPC data center build cost": capex("build cost", "AI/HPC"),
  "HPC data center build cost (as stated by secondary source)": capex("build cost", "AI/HPC"),
  "HPC data center investment": capex("build cost", "AI/HPC"),
  "HPC campus investment per MW (derived)": capex("build cost", "AI/HPC"),
  "planned HPC capex per MW (derived)": capex("build cost", "AI/HPC"),
  "HPC retrofit capex (existing mining buildings)": capex("retrofit cost", "AI/HPC"),
  "HPC retrofit cost per MW (derived)": capex("retrofit cost", "AI/HPC"),
  "HPC retrofit cost per contracted MW (derived)": capex("retrofit cost", "AI/HPC"),
  "HPC conversion cost per MW (derived)": capex("retrofit cost", "AI/HPC"),
  "bitcoin mining site build cost": capex("build cost", "bitcoin mining"),
  "bitcoin mining site completion cost": capex("build cost", "bitcoin mining"),
  "bitcoin mining incremental build cost": capex("build cost", "bitcoin mining"),
  "bitcoin mining site acquisition cost": capex("acquisition price", "bitcoin mining"),
  "bitcoin mining site acquisition cost per MW (derived)": capex(
    "acquisition price",
    "bitcoin mining",
  ),
  "bitcoin mining site cost per MW": capex("acquisition price", "bitcoin mining"),
  "AI data center valuation per MW": capex("acquisition price", "AI/HPC"),
  "M&A value per MW gross power (derived)": capex("acquisition price", "mining and HPC"),
  "valuation multiple": capex("valuation", "AI/HPC"),
  "industry-wide ASIC efficiency estimate": network("fleet efficiency", "estimate"),
  "estimated network power draw": network("network power", "estimate"),
  "hashprice low": network("hashprice", "point"),
  "hashprice all-time low (USD)": network("hashprice", "point"),
  "USD hashprice and latest difficulty adjustment": network("hashprice", "point"),
  "difficulty adjustment": network("difficulty", "point"),
  "difficulty adjustments (June 2026)": network("difficulty", "point"),
  "difficulty record and hashprice low": network("difficulty", "point"),
  "monthly average hashrate": network("hashrate", "monthly average"),
  "monthly average hashrate; daily block reward revenue per EH/s": network(
    "hashrate",
    "monthly average",
  ),
  "hashprice five-year low": { to: "left out", why: UNDATED },
  "hashprice record low (undated)": { to: "left out", why: UNDATED },
  "median total hashcost vs hashprice": { to: "left out", why: UNDATED },
  "weighted average cash cost to mine 1 BTC (listed miners)": {
    to: "left out",
    why: "listed miners' cost per BTC: neither a per-MW cost nor a network point",
  },
  "SHA-256 compute revenue per MWh, <19 J/TH fleets": {
    to: "left out",
    why: "revenue per MWh of one fleet tier, not a network-wide point",
  },
  "total import duty rate": { to: "left out", why: "an import duty on ASICs, not per MW" },
  "approved power capacity": { to: "left out", why: SITE_POWER },
  "site energization": { to: "left out", why: SITE_POWER },
  "power contract / planned AI campus size": { to: "left out", why: SITE_POWER },
  "planned data-center power load (no cost per MW stated)": { to: "left out", why: SITE_POWER },
  "projected real property investment (no per-MW stated)": {
    to: "left out",
    why: "the source states no per-MW figure",
    noFigure: true,
  },
  "definition (no figure)": { to: "left out", why: "a definition, no figure", noFigure: true },
};

/**
 * Each accepted capex `unit` and the MW basis it states, or why a row in it is left out. IT MW
 * under a colocation contract are critical IT; a unit's qualifier (an upper bound, the MW the
 * division used) stays in the row's notes.
 */
export const UNIT_BASES: Readonly<Record<string, MwBasis | { readonly leftOut: string }>> = {
  "USD per MW critical IT": "critical IT",
  "USD per MW critical IT (20 MW basis; derived)": "critical IT",
  "USD per MW contracted IT (5 MW basis)": "critical IT",
  "USD per MW gross": "gross",
  "USD per MW gross power": "gross",
  "USD per MW": "not stated",
  "USD per MW (basis not stated)": "not stated",
  "USD per MW (upper bound)": "not stated",
  "USD per MW (75 MW basis as stated; derived)": "not stated",
  "USD per MW (MW basis as stated; lease is 200 MW critical IT)": "not stated",
  "CAD per MW (utility power allocation basis)": {
    leftOut: "in Canadian dollars; the dataset is in USD and the row cites no exchange rate",
  },
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

/** One facts row as read, with its line and route. */
export interface FactsRow {
  /** Line in the facts file. */
  readonly line: number;
  /** Where it goes, from {@linkcode FACTS_METRICS}. */
  readonly route: FactsRoute;
  /** The cells, by header name. */
  readonly cells: { readonly [C in typeof CAPEX_POINTS_SCHEMA[number] as C["name"]]: string };
}

/**
 * Parses the facts file against {@linkcode CAPEX_POINTS_SCHEMA} and routes every row by its
 * metric. A row whose metric carries no figure must have an empty `value`.
 *
 * @example
 * ```ts
 * import { routeFactsRows } from "./_capex_per_mw_facts.ts";
 * import assert from "node:assert/strict";
 *
 * const text = "subject,metric,figure_as_stated,value,unit,source_url,source_title,source_date," +
 *   "notes\nCCAF,industry-wide ASIC efficiency estimate,28.2 J/TH,28.2,J/TH,https://x,X,,\n";
 * const [row] = routeFactsRows({ path: "f.csv", bytes: 0, sha256: "", text });
 * assert.equal(row!.line, 2);
 * assert.equal(row!.route.to, "network_points");
 * assert.throws(
 *   () => routeFactsRows({ path: "f.csv", bytes: 0, sha256: "", text: text.replace("industry", "x") }),
 *   /f\.csv:2: column "metric": expected one of/,
 * );
 * ```
 */
export function routeFactsRows(input: RawInput): readonly FactsRow[] {
  const file = input.path;
  const { columns, rowCount, lines } = parseCsv(input.text, CAPEX_POINTS_SCHEMA, { file });
  const rows: FactsRow[] = [];
  for (let i = 0; i < rowCount; i++) {
    const line = lines[i]!;
    const stated = columns.metric[i]!;
    const route = FACTS_METRICS[stated]!; // the schema admits only FACTS_METRICS' keys
    const value = columns.value[i]!;
    if (route.to === "left out" && route.noFigure === true && value.trim() !== "") {
      throw new CsvError(
        file,
        line,
        "value",
        `${quote(stated)} rows carry no number, found ${quote(value)}`,
      );
    }
    rows.push({
      line,
      route,
      cells: {
        subject: columns.subject[i]!,
        metric: stated,
        figure_as_stated: columns.figure_as_stated[i]!,
        value,
        unit: columns.unit[i]!,
        source_url: columns.source_url[i]!,
        source_title: columns.source_title[i]!,
        source_date: columns.source_date[i]!,
        notes: columns.notes[i]!,
      },
    });
  }
  return rows;
}

/**
 * The notes a built row carries: the facts table's wording of the metric and unit, then its
 * own notes, so nothing the mapping collapses is lost.
 *
 * @example
 * ```ts
 * import { statedNotes } from "./_capex_per_mw_facts.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(
 *   statedNotes({ metric: "hashprice low", unit: "USD per PH/s per day", notes: "" }),
 *   "stated metric: hashprice low; stated unit: USD per PH/s per day",
 * );
 * ```
 */
export function statedNotes(
  cells: { readonly metric: string; readonly unit: string; readonly notes: string },
): string {
  return [`stated metric: ${cells.metric}`, `stated unit: ${cells.unit}`, cells.notes]
    .filter((n) => n !== "")
    .join("; ");
}

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
