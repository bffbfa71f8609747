/**
 * The accelerator catalogue, `data/gpu_models.csv`: data-centre AI accelerators from Epoch AI's
 * machine-learning hardware table, one row per model, with a lookup by name.
 *
 * Rows come back as frozen objects rather than typed columns: the table is small (about 80
 * rows) and analysts look models up by name far more often than they scan a column.
 *
 * @module
 */
import type { CsvText, Schema, SchemaRow } from "./csv.ts";
import {
  compareRows,
  type DatasetLoader,
  datasetLoader,
  type RowOrder,
  rowsFromCsv,
} from "./csv_rows.ts";
import { editDistance } from "../units/edit_distance.ts";

/** Columns of `data/gpu_models.csv`; every header names its unit. Blank means Epoch has none. */
export const GPU_MODELS_SCHEMA = [
  { name: "name", type: "string" },
  { name: "vendor", type: "string" },
  { name: "release_date", type: "date", dates: ["YYYY", "YYYY-MM", "YYYY-MM-DD"] },
  { name: "tdp_w", type: "number", optional: true, min: 0 },
  { name: "memory_gb", type: "number", optional: true, min: 0 },
  { name: "memory_bandwidth_tbps", type: "number", optional: true, min: 0 },
  { name: "bf16_tflops", type: "number", optional: true, min: 0 },
  { name: "fp8_tflops", type: "number", optional: true, min: 0 },
  { name: "release_price_usd", type: "number", optional: true, min: 0 },
  { name: "price_source", type: "string", optional: true },
] as const satisfies Schema;

/** The dataset's path relative to the project root. */
export const GPU_MODELS_PATH = "data/gpu_models.csv";

/**
 * One accelerator model, keyed by the header names of {@linkcode GPU_MODELS_SCHEMA}. Numbers are
 * `NaN` and text is `""` where Epoch AI has no value.
 *
 * - `name`: Epoch's `Hardware name`, verbatim (e.g. `"NVIDIA H100 SXM5 80GB"`); `vendor`: its
 *   `Manufacturer` (e.g. `"NVIDIA"`, `"AMD"`, `"Google"`).
 * - `release_date`: `YYYY-MM-DD`; `YYYY-MM` or `YYYY` where Epoch gives only a month or year.
 * - `tdp_w`: thermal design power per board, W; `memory_gb`: memory per board, GB = 1e9 bytes;
 *   `memory_bandwidth_tbps`: TB/s = 1e12 bytes per second.
 * - `bf16_tflops`, `fp8_tflops`: dense (no sparsity) 16-bit and FP8 tensor throughput, TFLOP/s.
 * - `release_price_usd`: price at release, USD per unit, as Epoch gives it; `price_source`:
 *   Epoch's `Source for the price`, whitespace collapsed to single spaces.
 */
export type GpuModel = SchemaRow<typeof GPU_MODELS_SCHEMA>;

/**
 * The dataset's row order: by vendor, then release date, then name, comparing character codes
 * (so the order does not depend on the locale). A year-only date sorts before that year's days.
 *
 * @example
 * ```ts
 * import { compareGpuModels } from "./gpu_models.ts";
 * import assert from "node:assert/strict";
 *
 * const a = { vendor: "AMD", release_date: "2024-10-10", name: "AMD Instinct MI325X" };
 * const b = { vendor: "NVIDIA", release_date: "2022-09-20", name: "NVIDIA H100 PCIe" };
 * assert.equal(compareGpuModels(a, b), -1);
 * assert.equal(compareGpuModels(b, b), 0);
 * ```
 */
export const compareGpuModels: RowOrder<GpuModel, "vendor" | "release_date" | "name"> = compareRows(
  GPU_MODELS_SCHEMA,
  ["vendor", "release_date", "name"],
);

/**
 * Parses the text of `data/gpu_models.csv`: the header must equal the schema, release dates
 * must be `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, names must be unique and rows in
 * {@linkcode compareGpuModels} order. Any problem is a {@linkcode CsvError} naming the line.
 *
 * @example
 * ```ts
 * import { GPU_MODELS_SCHEMA, gpuModelsFromCsv } from "./gpu_models.ts";
 * import assert from "node:assert/strict";
 *
 * const csv = GPU_MODELS_SCHEMA.map((c) => c.name).join(",") + "\n" +
 *   "NVIDIA B200,NVIDIA,2024-11-15,1000,180,7.7,2250,4500,,\n";
 * const [b200] = gpuModelsFromCsv(csv);
 * assert.equal(b200!.tdp_w, 1000);
 * assert.ok(Number.isNaN(b200!.release_price_usd));
 * assert.throws(() => gpuModelsFromCsv(csv.replace("2024-11-15", "15/11/2024")), /:2: column "release_date"/);
 * ```
 */
export function gpuModelsFromCsv(text: CsvText, options: { file?: string } = {}): GpuModel[] {
  return rowsFromCsv(text, GPU_MODELS_SCHEMA, {
    file: options.file ?? GPU_MODELS_PATH,
    unique: [{ key: ["name"] }],
    sortedBy: ["vendor", "release_date", "name"],
  }).rows;
}

/**
 * Reads `data/gpu_models.csv` (or another path) into rows.
 *
 * @example
 * ```ts
 * import { findGpuModel, loadGpuModels } from "./gpu_models.ts";
 * import assert from "node:assert/strict";
 *
 * const models = await loadGpuModels();
 * assert.equal(findGpuModel(models, "NVIDIA H100 SXM5 80GB").tdp_w, 700);
 * ```
 */
export const loadGpuModels: DatasetLoader<GpuModel[]> = datasetLoader(
  GPU_MODELS_PATH,
  gpuModelsFromCsv,
);

/**
 * The model called `name`. An exact name wins; otherwise case is ignored, and then a query
 * whose words are all words of exactly one name finds it (`"H100 SXM5"` finds
 * `"NVIDIA H100 SXM5 80GB"`). Anything else is a `RangeError` that lists the near names: a query
 * matching several names (`"H100"`) never picks one.
 *
 * @example
 * ```ts
 * import { findGpuModel, type GpuModel } from "./gpu_models.ts";
 * import assert from "node:assert/strict";
 *
 * const row = (name: string) => ({ name }) as GpuModel;
 * const models = [row("NVIDIA H100 PCIe"), row("NVIDIA H100 SXM5 80GB"), row("NVIDIA H200 SXM")];
 * assert.equal(findGpuModel(models, "H100 SXM5").name, "NVIDIA H100 SXM5 80GB");
 * assert.equal(findGpuModel(models, "nvidia h200 sxm").name, "NVIDIA H200 SXM");
 * assert.throws(() => findGpuModel(models, "H100"), /matches 2 names: "NVIDIA H100 PCIe", "NVIDIA H100 SXM5 80GB"/);
 * assert.throws(() => findGpuModel(models, "H100 SXM"), /near names: "NVIDIA H100 SXM5 80GB"/);
 * ```
 */
export function findGpuModel(models: readonly GpuModel[], name: string): GpuModel {
  const exact = models.find((m) => m.name === name);
  if (exact !== undefined) return exact;
  const wanted = words(name);
  if (wanted.length === 0) throw new RangeError(`Cannot find a GPU model: the name is empty`);
  const folded = wanted.join(" ");
  const sameButCase = models.filter((m) => words(m.name).join(" ") === folded);
  if (sameButCase.length === 1) return sameButCase[0]!;
  const byWords = models.filter((m) => {
    const have = words(m.name);
    return wanted.every((w) => have.includes(w));
  });
  if (byWords.length === 1) return byWords[0]!;
  if (byWords.length > 1) {
    throw new RangeError(
      `Cannot find GPU model "${name}": it matches ${byWords.length} names: ` +
        `${byWords.map((m) => `"${m.name}"`).join(", ")}; pass one of them`,
    );
  }
  const near = nearNames(models, wanted);
  throw new RangeError(
    `Cannot find GPU model "${name}" among ${models.length} models` +
      (near.length > 0 ? `; near names: ${near.map((n) => `"${n}"`).join(", ")}` : ""),
  );
}

function words(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter((w) => w !== "");
}

/** Up to five names sharing the most query words (as substrings), then by edit distance. */
function nearNames(models: readonly GpuModel[], wanted: readonly string[]): string[] {
  const query = wanted.join(" ");
  const scored = models.map((m) => {
    const lower = m.name.toLowerCase();
    return {
      name: m.name,
      shared: wanted.filter((w) => lower.includes(w)).length,
      distance: editDistance(query, lower),
    };
  });
  scored.sort((a, b) =>
    b.shared - a.shared || a.distance - b.distance ||
    (Number(a.name > b.name) - Number(a.name < b.name))
  );
  const best = scored[0];
  if (best === undefined) return [];
  const pool = best.shared > 0 ? scored.filter((s) => s.shared > 0) : scored;
  return pool.slice(0, 5).map((s) => s.name);
}
