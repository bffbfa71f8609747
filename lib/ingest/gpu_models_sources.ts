/**
 * The `gpu_models` section of `data/SOURCES.md`: Epoch AI's table as publisher and licence, the
 * inclusion rule with the rows it left out, each column's conversion, caveats counted from the
 * rows, and the input with its sha256.
 *
 * @module
 */
import { INPUTS_TABLE_HEADER } from "./dataset_build.ts";
import { GPU_MODELS_SCHEMA, type GpuModel } from "../data/gpu_models.ts";

/** Why a row of Epoch's table is not in the dataset. */
export type Exclusion = "undated" | "older" | "consumer" | "no manufacturer";

type NumericSpec = Extract<typeof GPU_MODELS_SCHEMA[number], { type: "number" }>;
const NUMERIC_COLUMNS: readonly NumericSpec["name"][] = GPU_MODELS_SCHEMA
  .filter((c): c is NumericSpec => c.type === "number")
  .map((c) => c.name);

/** What the build learnt, for {@linkcode renderGpuModelsSources}. */
export interface GpuModelsSourcesFacts {
  /** The dataset rows, as the loader reads them back. */
  readonly models: readonly GpuModel[];
  /** Number of rows in Epoch's table. */
  readonly epochRows: number;
  /** The first release year kept (the inclusion rule's first step). */
  readonly firstReleaseYear: number;
  /** Names of the Epoch rows left out, by reason. */
  readonly excluded: ReadonlyMap<Exclusion, readonly string[]>;
  /** Latest `Last modified` day among Epoch's rows, `YYYY-MM-DD`, or `""`. */
  readonly lastModified: string;
  /** The input's row of the inputs table (see `inputRow` in `dataset_build.ts`). */
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

/**
 * Markdown describing publisher, licence, rows, the inclusion rule, columns, caveats (counted
 * from the rows) and the input with its sha256.
 *
 * @example
 * ```ts
 * import { renderGpuModelsSources } from "./gpu_models_sources.ts";
 * import assert from "node:assert/strict";
 *
 * const md = renderGpuModelsSources({
 *   models: [{
 *     name: "NVIDIA B200", vendor: "NVIDIA", release_date: "2024-11-15", tdp_w: 1000,
 *     memory_gb: 180, memory_bandwidth_tbps: 7.7, bf16_tflops: 2250, fp8_tflops: 4500,
 *     release_price_usd: NaN, price_source: "",
 *   }],
 *   epochRows: 3,
 *   firstReleaseYear: 2020,
 *   excluded: new Map([["older", ["NVIDIA V100"]], ["undated", ["Mystery chip"]]]),
 *   lastModified: "2025-06-01",
 *   inputTableRow: "| `raw/ml_hardware.csv` | Epoch AI | 1 | `ab` |",
 * });
 * assert.match(md, /CC BY 4\.0/);
 * assert.match(md, /\*\*Rows:\*\* 1 of Epoch's 3; release dates 2024-11-15 \.\. 2024-11-15/);
 * assert.match(md, /Left out:\n {5}1 older rows, and rows without a release date: "Mystery chip"\./);
 * ```
 */
export function renderGpuModelsSources(f: GpuModelsSourcesFacts): string {
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
    `  1. \`Release date\` in ${f.firstReleaseYear} or later (the A100 generation on). Left out:`,
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
