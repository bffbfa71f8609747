/**
 * Building `data/capex_per_mw.csv` from `facts/capex_and_context_points.csv`: each facts metric
 * is mapped to a {@linkcode CapexMetric} by an explicit table (a row without a number, such as
 * Bernstein's "Mullet" definition, is left out by name), each unit to an MW basis, and each value,
 * a number or a `low-high` range in USD per MW, is checked.
 *
 * @module
 */
import { CsvError, parseCsv, quote, type Schema } from "./csv.ts";
import { formatCsv } from "./csv_format.ts";
import {
  type BuiltDataset,
  type DatasetBuildOptions,
  DEFAULT_SOURCE_DIR,
  inputRow,
  INPUTS_TABLE_HEADER,
  type RawInput,
  readRawInput,
} from "./dataset_build.ts";
import {
  CAPEX_PER_MW_SCHEMA,
  type CapexMetric,
  type CapexPerMw,
  capexPerMwFromCsv,
  type MwBasis,
} from "./capex_per_mw.ts";

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
const CAPEX_POINTS_SCHEMA = [
  { name: "subject", type: "string" },
  { name: "metric", type: "string" },
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
 * import { usdPerMwRange } from "./capex_per_mw_build.ts";
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

/** A facts row left out of the dataset, and why. */
interface LeftOut {
  readonly line: number;
  readonly subject: string;
  readonly metric: string;
}

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
    sources: capexSources(rows, leftOut, input),
    rows: rows.length,
  };
}

function capexRows(input: RawInput): { rows: CapexPerMw[]; leftOut: LeftOut[] } {
  const file = input.path;
  // Parsed without the final newline: parseCsv lets papaparse guess the delimiter, and the
  // empty last line can make it pick ";" on a small quoted file (papaparse 5.7.1).
  const { columns, rowCount, lines } = parseCsv(
    input.text.replace(/[\r\n]+$/, ""),
    CAPEX_POINTS_SCHEMA,
    { file },
  );
  const rows: CapexPerMw[] = [];
  const leftOut: LeftOut[] = [];
  for (let i = 0; i < rowCount; i++) {
    const line = lines[i]!;
    const stated = columns.metric[i]!;
    const value = columns.value[i]!;
    if (!Object.hasOwn(FACTS_METRICS, stated)) {
      throw new CsvError(
        file,
        line,
        "metric",
        `${quote(stated)} is not a known metric; expected one of ` +
          `${Object.keys(FACTS_METRICS).map((m) => `"${m}"`).join(", ")} (add new ones to ` +
          "FACTS_METRICS with their category)",
      );
    }
    const metric = FACTS_METRICS[stated]!;
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

/** Escapes `|` for a markdown table cell. */
function cell(text: string): string {
  return text.replaceAll("|", "\\|");
}

/** `8000000` → `8.0`, in USD millions, for the sources table. */
function millions(usd: number): string {
  return (usd / 1e6).toFixed(2);
}

/** The `capex_per_mw` section of `data/SOURCES.md`. */
function capexSources(
  rows: readonly CapexPerMw[],
  leftOut: readonly LeftOut[],
  input: RawInput,
): string {
  const lines = [
    "## `capex_per_mw.csv`: cited build costs, acquisition prices and valuations per MW",
    "",
    "What building, buying or valuing a megawatt of AI/HPC or Bitcoin-mining capacity cost, as",
    "each source states it.",
    "",
    "- **Origin:** `facts/capex_and_context_points.csv`, hand-compiled from public pages; each row",
    "  carries `source_url`, `source_title`, `source_date` and the figure as the page states it.",
    "- **Licence:** none claimed; short factual figures with citations. Cite each row's source.",
    `- **Rows:** ${rows.length}.`,
    "- **Columns:** `subject`; `metric` (`build cost`, `acquisition price` or `valuation`);",
    "  `low_usd_per_mw`, `high_usd_per_mw` (USD per MW, the stated range; equal for a single",
    "  value); `mid_usd_per_mw`; `mw_basis` (`critical IT`, `gross`, or `not stated` where the",
    '  source says only "per MW"); `figure_as_stated`; `source_url`, `source_title`,',
    "  `source_date`; `notes` (starting with the facts file's own wording of the metric).",
    "- **Derived:** `mid_usd_per_mw = (low_usd_per_mw + high_usd_per_mw) ÷ 2`, the midpoint of",
    '  a stated range ("8000000-10000000" → 9000000) and the value itself for a single figure.',
    "  It is arithmetic, not a sourced figure.",
    "- **Metric mapping** (facts `metric` → `metric`):",
    ...Object.entries(FACTS_METRICS).map(([stated, metric]) =>
      `  - "${stated}" → ${metric === null ? "left out (no per-MW number)" : `\`${metric}\``}`
    ),
    "  The Aligned Data Centers figure is the price of its $40 billion acquisition per MW of",
    "  capacity, hence an acquisition price although the facts file calls it a valuation;",
    "  Bernstein's $3M/MW is an analyst's valuation multiple, not a trade.",
    "- **Left out:** " +
    (leftOut.length === 0
      ? "nothing."
      : leftOut.map((r) => `\`${CAPEX_POINTS_INPUT}\` line ${r.line}, ${r.subject} (${r.metric})`)
        .join("; ") + "."),
    "- **Checks at build:** the metric must be in the mapping and the unit one of " +
    Object.keys(UNIT_BASES).map((u) => `"${u}"`).join(", ") + ";",
    "  the value must be a number or a `low-high` range with low ≤ high, each bound within",
    `  ${PLAUSIBLE_USD_PER_MW.min}..${PLAUSIBLE_USD_PER_MW.max} USD per MW (a figure in millions`,
    "  fails).",
    "- **Caveats:** compare figures only on the same metric and MW basis. Build costs are the",
    "  developers' own estimates at announcement. Several sources are secondary (rewrites,",
    "  aggregator or social posts) and some pages show no date (`source_date` blank).",
    "",
    "| subject | metric | USD M per MW (low–high) | MW basis |",
    "|---|---|---|---|",
    ...rows.map((r) =>
      `| ${cell(r.subject)} | ${r.metric} | ${millions(r.low_usd_per_mw)}` +
      (r.high_usd_per_mw === r.low_usd_per_mw ? "" : `–${millions(r.high_usd_per_mw)}`) +
      ` | ${r.mw_basis} |`
    ),
    "",
    "### Inputs",
    "",
    INPUTS_TABLE_HEADER,
    inputRow(
      { ...input, path: CAPEX_POINTS_INPUT },
      "hand-compiled from the pages in `source_url`",
    ),
    "",
    "Rebuild: `deno task data`",
  ];
  return lines.join("\n") + "\n";
}
