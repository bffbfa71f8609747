/**
 * Building `data/gpu_models.csv` from Epoch AI's machine-learning hardware table: choosing the
 * data-centre accelerators by a rule on Epoch's own columns, converting every figure to one
 * unit per column; `gpu_models_sources.ts` writes the dataset's section of `SOURCES.md`.
 *
 * @module
 */
import {
  CsvError,
  DATE_FORMS,
  isDateOfForm,
  numberCell,
  parseCsv,
  quote,
  type Schema,
} from "../data/csv.ts";
import { isIsoDate } from "../units/calendar.ts";
import { formatCsv } from "./csv_format.ts";
import {
  type BuiltDataset,
  type DatasetBuildOptions,
  DEFAULT_SOURCE_DIR,
  inputRow,
  readRawInput,
} from "./dataset_build.ts";
import { type Exclusion, renderGpuModelsSources } from "./gpu_models_sources.ts";
import {
  compareGpuModels,
  GPU_MODELS_PATH,
  GPU_MODELS_SCHEMA,
  type GpuModel,
  gpuModelsFromCsv,
} from "../data/gpu_models.ts";

/**
 * Epoch's table, relative to the inputs folder (see `data/inputs/README.md`).
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

type EpochColumn = typeof EPOCH_SCHEMA[number]["name"];

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
    if (date !== "" && !isDateOfForm(date, DATE_FORMS)) {
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
  const sources = renderGpuModelsSources({
    models,
    epochRows: rowCount,
    firstReleaseYear: FIRST_RELEASE_YEAR,
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
