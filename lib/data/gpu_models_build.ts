/**
 * Building `data/gpu_models.csv` from Epoch AI's machine-learning hardware table: choosing the
 * data-centre accelerators by a rule on Epoch's own columns, converting every figure to one
 * unit per column, and writing the dataset's section of `SOURCES.md`.
 *
 * @module
 */
import { CsvError, isIsoDate, numberCell, parseCsv, quote, type Schema } from "./csv.ts";
import { formatCsv } from "./csv_format.ts";
import {
  type BuiltDataset,
  type DatasetBuildOptions,
  DEFAULT_SOURCE_DIR,
  inputRow,
  INPUTS_TABLE_HEADER,
  readRawInput,
} from "./dataset_build.ts";
import {
  compareGpuModels,
  GPU_MODELS_PATH,
  GPU_MODELS_SCHEMA,
  type GpuModel,
  gpuModelsFromCsv,
  isReleaseDate,
} from "./gpu_models.ts";

/**
 * Epoch's table, relative to the source folder (see `../shared/data/SOURCES.md`).
 *
 * @example
 * ```ts
 * import { EPOCH_ML_HARDWARE } from "./gpu_models_build.ts";
 * import assert from "node:assert/strict";
 *
 * assert.ok(EPOCH_ML_HARDWARE.startsWith("raw/") && EPOCH_ML_HARDWARE.endsWith(".csv"));
 * ```
 */
export const EPOCH_ML_HARDWARE = "raw/epoch-ml-hardware-sr3k/ml_hardware.csv";

/**
 * The first release year kept: the A100 generation on.
 *
 * @example
 * ```ts
 * import { FIRST_RELEASE_YEAR } from "./gpu_models_build.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(FIRST_RELEASE_YEAR, 2020);
 * ```
 */
export const FIRST_RELEASE_YEAR = 2020;

/**
 * Consumer and workstation product lines, by name; Epoch has no market-segment column.
 *
 * @example
 * ```ts
 * import { CONSUMER_NAME } from "./gpu_models_build.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(CONSUMER_NAME.test("NVIDIA GeForce RTX 4090"), true);
 * assert.equal(CONSUMER_NAME.test("AMD Radeon Instinct MI300"), false);
 * assert.equal(CONSUMER_NAME.test("NVIDIA L40"), false);
 * ```
 */
export const CONSUMER_NAME = /\b(GeForce|TITAN|Quadro|RTX|Radeon RX)\b/i;

/** An Epoch note that overrides {@linkcode CONSUMER_NAME} (Epoch's wording for RTX 6000 Ada). */
const DATA_CENTRE_NOTE = "data center product";

const ORIGIN = "Epoch AI, via github.com/sr3-k/data@19836afc449abb71b6bef43214bf3fb04ece4cce";

// Every Epoch column used, read as optional text and converted here, so that each error names
// Epoch's own column and line.
const NAME = "Hardware name";
const MANUFACTURER = "Manufacturer";
const NOTES = "Notes";
const RELEASE_DATE = "Release date";
const PRICE = "Release price (USD)";
const PRICE_SOURCE = "Source for the price";
const LAST_MODIFIED = "Last modified";
const text = <N extends string>(name: N) => ({ name, type: "string", optional: true }) as const;
const EPOCH_SCHEMA = [
  text(NAME),
  text(MANUFACTURER),
  text(NOTES),
  text(RELEASE_DATE),
  text(PRICE),
  text("TDP (W)"),
  text("Memory size per board (Byte)"),
  text("Memory bandwidth (byte/s)"),
  text("Tensor-FP16/BF16 performance (FLOP/s)"),
  text("FP8 performance (FLOP/s)"),
  text(PRICE_SOURCE),
  text(LAST_MODIFIED),
] as const satisfies Schema;

/**
 * Each numeric output column: its Epoch column, the divisor to our unit, and the smallest raw
 * value a real accelerator has (smaller means a unit slip, such as GB written as bytes).
 */
const MEASURES = {
  tdp_w: { column: "TDP (W)", divisor: 1, least: 0, unit: "W" },
  memory_gb: { column: "Memory size per board (Byte)", divisor: 1e9, least: 1e6, unit: "bytes" },
  memory_bandwidth_tbps: {
    column: "Memory bandwidth (byte/s)",
    divisor: 1e12,
    least: 1e9,
    unit: "byte/s",
  },
  bf16_tflops: {
    column: "Tensor-FP16/BF16 performance (FLOP/s)",
    divisor: 1e12,
    least: 1e9,
    unit: "FLOP/s",
  },
  fp8_tflops: { column: "FP8 performance (FLOP/s)", divisor: 1e12, least: 1e9, unit: "FLOP/s" },
  release_price_usd: { column: PRICE, divisor: 1, least: 0, unit: "USD" },
} as const satisfies Record<NumericColumn, Measure>;

interface Measure {
  readonly column: EpochColumn;
  readonly divisor: number;
  readonly least: number;
  readonly unit: string;
}

type NumericSpec = Extract<typeof GPU_MODELS_SCHEMA[number], { type: "number" }>;
type NumericColumn = NumericSpec["name"];
const NUMERIC_COLUMNS: readonly NumericColumn[] = GPU_MODELS_SCHEMA
  .filter((c): c is NumericSpec => c.type === "number")
  .map((c) => c.name);

type EpochColumn = typeof EPOCH_SCHEMA[number]["name"];

/** Why a row of Epoch's table is not in the dataset. */
type Exclusion = "undated" | "older" | "consumer" | "no manufacturer";

/**
 * Builds `data/gpu_models.csv` from Epoch's table in `sourceDir`, without writing anything.
 * Every cell used is checked (a bad one is a `CsvError` naming Epoch's file, line, column and
 * value), and the CSV passes {@linkcode gpuModelsFromCsv} before it is returned.
 *
 * @example
 * ```ts
 * import { buildGpuModels } from "./gpu_models_build.ts";
 * import assert from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir({ dir: "/tmp" });
 * await Deno.mkdir(`${dir}/raw/epoch-ml-hardware-sr3k`, { recursive: true });
 * await Deno.writeTextFile(
 *   `${dir}/raw/epoch-ml-hardware-sr3k/ml_hardware.csv`,
 *   "Hardware name,Manufacturer,Notes,Release date,Release price (USD),TDP (W)," +
 *     "Memory size per board (Byte),Memory bandwidth (byte/s)," +
 *     "Tensor-FP16/BF16 performance (FLOP/s),FP8 performance (FLOP/s)," +
 *     "Source for the price,Last modified\n" +
 *     "NVIDIA B200,NVIDIA,,2024-11-15,,1000.0,180000000000.0,7700000000000.0," +
 *     "2250000000000000.0,4500000000000000.0,,2025-06-01 10:00:00+00:00\n",
 * );
 * const built = await buildGpuModels({ sourceDir: dir, log: () => {} });
 * assert.equal(built.csv.split("\n")[1], "NVIDIA B200,NVIDIA,2024-11-15,1000,180,7.7,2250,4500,,");
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function buildGpuModels(options: DatasetBuildOptions = {}): Promise<BuiltDataset> {
  const sourceDir = options.sourceDir ?? DEFAULT_SOURCE_DIR;
  const log = options.log ?? console.log;
  const input = await readRawInput(`${sourceDir}/${EPOCH_ML_HARDWARE}`);
  const file = input.path;
  const { columns, rowCount, lines } = parseCsv(input.text, EPOCH_SCHEMA, {
    file,
    header: "subset",
  });
  const kept: GpuModel[] = [];
  const excluded = new Map<Exclusion, string[]>();
  const lineOfName = new Map<string, number>();
  let lastModified = "";
  for (let i = 0; i < rowCount; i++) {
    const line = lines[i]!;
    const cell = (name: EpochColumn): string => columns[name][i]!;
    const name = cell(NAME).trim();
    if (name === "") {
      throw new CsvError(file, line, NAME, "expected the hardware's name, found an empty cell");
    }
    const earlier = lineOfName.get(name);
    if (earlier !== undefined) {
      throw new CsvError(file, line, NAME, `${quote(name)} repeats line ${earlier}`);
    }
    lineOfName.set(name, line);
    const date = cell(RELEASE_DATE).trim();
    if (date !== "" && !isReleaseDate(date)) {
      throw new CsvError(
        file,
        line,
        RELEASE_DATE,
        `expected a date YYYY-MM-DD (or YYYY-MM or YYYY), found ${quote(date)}`,
      );
    }
    const modified = cell(LAST_MODIFIED).trim();
    if (modified !== "" && !isIsoDate(modified.slice(0, 10))) {
      throw new CsvError(
        file,
        line,
        LAST_MODIFIED,
        `expected a timestamp, found ${quote(modified)}`,
      );
    }
    if (modified.slice(0, 10) > lastModified) lastModified = modified.slice(0, 10);
    // Every row's figures are checked, kept or not: a broken cell means a broken file.
    const figure = (out: NumericColumn) => {
      const m = MEASURES[out];
      return measure(file, line, m, cell(m.column));
    };
    const model: GpuModel = {
      name,
      vendor: cell(MANUFACTURER).trim(),
      release_date: date,
      tdp_w: figure("tdp_w"),
      memory_gb: figure("memory_gb"),
      memory_bandwidth_tbps: figure("memory_bandwidth_tbps"),
      bf16_tflops: figure("bf16_tflops"),
      fp8_tflops: figure("fp8_tflops"),
      release_price_usd: figure("release_price_usd"),
      price_source: cell(PRICE_SOURCE).trim().replace(/\s+/g, " "),
    };
    const exclusion = exclusionOf(model, date, cell(NOTES));
    if (exclusion === undefined) kept.push(model);
    else excluded.set(exclusion, [...excluded.get(exclusion) ?? [], name]);
  }
  if (kept.length === 0) {
    throw new CsvError(
      file,
      0,
      undefined,
      `no row is a data-centre accelerator released in ${FIRST_RELEASE_YEAR} or later`,
    );
  }
  kept.sort(compareGpuModels);
  const csv = formatCsv(GPU_MODELS_SCHEMA, kept.map((model) => ({ ...model })));
  const models = gpuModelsFromCsv(csv, { file: GPU_MODELS_PATH });
  log(
    `${GPU_MODELS_PATH}: ${models.length} of ${rowCount} Epoch rows, sha256 of input ${input.sha256}`,
  );
  const sources = renderSources({
    models,
    epochRows: rowCount,
    excluded,
    lastModified,
    inputTableRow: inputRow({ ...input, path: EPOCH_ML_HARDWARE }, ORIGIN),
  });
  return { file: "gpu_models.csv", csv, sources, rows: models.length };
}

function exclusionOf(model: GpuModel, date: string, notes: string): Exclusion | undefined {
  if (date === "") return "undated";
  if (Number(date.slice(0, 4)) < FIRST_RELEASE_YEAR) return "older";
  if (CONSUMER_NAME.test(model.name) && !notes.includes(DATA_CENTRE_NOTE)) return "consumer";
  if (model.vendor === "") return "no manufacturer";
  return undefined;
}

function measure(file: string, line: number, m: Measure, raw: string): number {
  const value = numberCell(file, line, { name: m.column, type: "number", optional: true }, raw);
  if (Number.isNaN(value)) return NaN;
  if (value <= 0) {
    throw new CsvError(file, line, m.column, `expected a positive number, found ${quote(raw)}`);
  }
  if (value < m.least) {
    throw new CsvError(
      file,
      line,
      m.column,
      `expected at least ${m.least} ${m.unit} (is it in another unit?), found ${quote(raw)}`,
    );
  }
  // Division by a power of ten is exact to the nearest double: 989400000000000 / 1e12 is 989.4.
  return value / m.divisor;
}

interface SourcesFacts {
  readonly models: readonly GpuModel[];
  readonly epochRows: number;
  readonly excluded: ReadonlyMap<Exclusion, readonly string[]>;
  readonly lastModified: string;
  readonly inputTableRow: string;
}

/** Flagship models whose gaps are worth stating (those present in the data). */
const FLAGSHIPS = [
  "NVIDIA H100 SXM5 80GB",
  "NVIDIA H100 PCIe",
  "NVIDIA H100 NVL",
  "NVIDIA H200 SXM",
  "NVIDIA B200",
  "NVIDIA GB200",
  "NVIDIA B300 (Blackwell Ultra)",
  "NVIDIA GB300 (Blackwell Ultra)",
  "AMD Instinct MI300X",
  "AMD Instinct MI325X",
  "AMD Instinct MI355X",
];

function renderSources(f: SourcesFacts): string {
  const dates = f.models.map((m) => m.release_date).sort();
  const vendors = new Map<string, number>();
  for (const m of f.models) vendors.set(m.vendor, (vendors.get(m.vendor) ?? 0) + 1);
  const list = (names: readonly string[] | undefined) =>
    names === undefined || names.length === 0 ? "none" : names.map((n) => `"${n}"`).join(", ");
  const numeric = NUMERIC_COLUMNS;
  const blanks = numeric.map((c) =>
    `\`${c}\` ${f.models.filter((m) => Number.isNaN(m[c])).length}`
  );
  const gaps = FLAGSHIPS.flatMap((name) => {
    const m = f.models.find((x) => x.name === name);
    const missing = m === undefined ? [] : numeric.filter((c) => Number.isNaN(m[c]));
    return missing.length === 0 ? [] : [`${name}: ${missing.map((c) => `\`${c}\``).join(", ")}`];
  });
  const firstOfMonth = f.models
    .filter((m) => m.release_date.length === 10 && m.release_date.endsWith("-01"))
    .map((m) => m.name);
  const priced = f.models.filter((m) => !Number.isNaN(m.release_price_usd)).length;
  return [
    "## `gpu_models.csv`: data-centre AI accelerators (Epoch AI)",
    "",
    "One row per accelerator model: release date, power, memory, memory bandwidth, dense 16-bit",
    "and FP8 tensor throughput, and the release price where Epoch AI has one.",
    "",
    '- **Publisher:** Epoch AI, "Data on Machine Learning Hardware"',
    "  (https://epoch.ai/data/machine-learning-hardware), table `ml_hardware.csv` as copied to",
    "  github.com/sr3-k/data at commit 19836afc449abb71b6bef43214bf3fb04ece4cce.",
    "- **Licence:** CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). Attribution:",
    "  \"Epoch AI, 'Data on Machine Learning Hardware'. Retrieved from",
    '  https://epoch.ai/data/machine-learning-hardware".',
    `- **Rows:** ${f.models.length} of Epoch's ${f.epochRows}; release dates ${dates[0]} .. ${
      dates[dates.length - 1]
    }; Epoch rows last modified up to ${f.lastModified || "(not stated)"}. By vendor: ${
      [...vendors].map(([v, n]) => `${v} ${n}`).join(", ")
    }.`,
    "  Sorted by `vendor`, then `release_date`, then `name` (character codes, not locale).",
    "- **Inclusion rule** (Epoch's own columns, in this order; Epoch has no market-segment",
    '  column, and its `Type` is not used because it is uneven: Trainium is a "GPU", Gaudi blank):',
    `  1. \`Release date\` in ${FIRST_RELEASE_YEAR} or later (the A100 generation on). Left out:`,
    `     ${f.excluded.get("older")?.length ?? 0} older rows, and rows without a release date: ${
      list(f.excluded.get("undated"))
    }.`,
    "  2. `Hardware name` not of a consumer or workstation line (GeForce, TITAN, Quadro, RTX,",
    '     Radeon RX), unless Epoch\'s `Notes` call it a "data center product" (Epoch on the RTX',
    '     6000 Ada: "the company describes it as a data center product in technical',
    `     documentation"). Left out: ${list(f.excluded.get("consumer"))}.`,
    "  3. `Manufacturer` given (a vendor is required and never guessed). Left out:",
    `     ${list(f.excluded.get("no manufacturer"))}.`,
    "  Everything else is kept: TPUs, Trainium, Gaudi, Ascend, in-house and HPC chips and the",
    "  China-market variants (A800, H800, H20, L20) are data-centre parts too.",
    "- **Columns** (blank where Epoch has no value):",
    '  - `name`: Epoch `Hardware name`, verbatim (Epoch\'s spelling, e.g. "NVIDIA L20 PCle").',
    "  - `vendor`: Epoch `Manufacturer`.",
    "  - `release_date`: Epoch `Release date`, `YYYY-MM-DD`. Where Epoch gives only a month or a",
    "    year it is kept as `YYYY-MM` or `YYYY` (no day is invented); no row does in this input.",
    "  - `tdp_w`: `TDP (W)`, watts per board.",
    "  - `memory_gb`: `Memory size per board (Byte)` ÷ 1e9 (GB = 1e9 bytes). Epoch stores the",
    "    H100 SXM5's 80 GB as 80000000000 bytes, so 80 (and Meta MTIA v1's 128000000 bytes of",
    "    on-chip memory, 0.128).",
    "  - `memory_bandwidth_tbps`: `Memory bandwidth (byte/s)` ÷ 1e12 (TB/s = 1e12 bytes/s).",
    "  - `bf16_tflops`: `Tensor-FP16/BF16 performance (FLOP/s)` ÷ 1e12, Epoch's one column for",
    "    16-bit (FP16/BF16) tensor throughput. Dense, without sparsity: Epoch's notes say",
    '    "Listed performance figures are without sparsity." (H100 SXM5, H100 PCIe, B100, B200),',
    '    "Performance figures are listed without sparsity." (B300, GB300) and, for parts whose',
    '    vendor quotes sparse figures, "We divide performance by 2 to convert it from performance',
    '    over sparse matrices to performance over dense matrices." (L4, RTX 6000 Ada).',
    "  - `fp8_tflops`: `FP8 performance (FLOP/s)` ÷ 1e12, dense on the same convention.",
    "  - `release_price_usd`: `Release price (USD)`, USD per unit, as Epoch gives it.",
    "  - `price_source`: Epoch `Source for the price`, with line breaks and runs of spaces",
    "    collapsed to one space.",
    "- **Caveats:**",
    `  - Only ${priced} rows have a release price. The H100 SXM5's 33600 is not a list price:`,
    "    Epoch's source text begins \"No official MSRP. Industry analyst in May 2023 reports DGX",
    '    servers with 8xH100 were sold for $269k, or $33,600 per GPU."',
    "  - `price_source` is kept even where Epoch has no price, and some entries point at pages",
    '    about other products (Google TPU v4 and "NVIDIA A100" link to GeForce and Titan pages);',
    "    read it before relying on a price.",
    '  - GB200 and GB300 rows are per GPU: Epoch, "Performance figures are *per GPU*, not per',
    '    GB200 superchip (which contains 2 GPUs)."',
    `  - Blank cells by column: ${blanks.join(", ")}.`,
    `  - Gaps in flagship rows: ${gaps.length === 0 ? "none" : gaps.join("; ")}.`,
    "  - Release dates on the 1st of a month may stand for a month or a year only; kept as Epoch",
    `    gives them: ${list(firstOfMonth)}.`,
    "",
    "### Inputs",
    "",
    INPUTS_TABLE_HEADER,
    f.inputTableRow,
    "",
    "### Rebuild",
    "",
    "`deno task data`",
    "",
  ].join("\n");
}
