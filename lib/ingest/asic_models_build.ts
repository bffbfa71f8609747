/**
 * Building `data/asic_models.csv` from F2Pool's device list (86 SHA-256 ASICs, March 2020;
 * `_asic_f2pool.ts`) and the cited later models in `facts/asic_specs.csv` (`_asic_specs.ts`).
 * Every cell used is checked; F2Pool's own W/TH figure must agree with watts ÷ TH/s to its
 * rounding, every hashrate, power and efficiency in the facts file must restate a figure of its
 * as-stated text, and a manufacturer + model may repeat only as a conflict between sources the
 * facts file documents, both rows kept and one marked `preferred` (`_asic_preferred.ts`).
 * F2Pool's list is not part of the project (no licence): without it, its rows are carried over
 * from the published catalogue (`_asic_f2pool_published.ts`).
 *
 * @module
 */
import {
  type BuiltDataset,
  type DatasetBuildOptions,
  DEFAULT_SOURCE_DIR,
  type RawInput,
  readRawInput,
} from "./dataset_build.ts";
import { ASIC_MODELS_SCHEMA, type AsicModel, asicModelsFromCsv } from "../data/asic_models.ts";
import { formatCsv } from "./csv_format.ts";
import { renderAsicModelsSources } from "./asic_models_sources.ts";
import { F2POOL_DEVICES_INPUT, f2poolModels } from "./_asic_f2pool.ts";
import { PUBLISHED_DIR, publishedF2pool } from "./_asic_f2pool_published.ts";
import { checkUnique, type LocatedModel } from "./_asic_rows.ts";
import { choosePreferred } from "./_asic_preferred.ts";
import { ASIC_SPECS_INPUT, factsModels } from "./_asic_specs.ts";

/**
 * The CSV text of `rows` in the catalogue's layout: the inverse of {@linkcode asicModelsFromCsv}
 * (`preferred` as `true`/`false`, `NaN` as an empty cell).
 *
 * @example
 * ```ts
 * import { asicModelsFromCsv } from "../data/asic_models.ts";
 * import { formatAsicModels } from "./asic_models_build.ts";
 * import assert from "node:assert/strict";
 *
 * const text = "manufacturer,model,release,hashrate_ths,power_w,efficiency_j_per_th," +
 *   "stated_efficiency_j_per_th,preferred,source,notes\nBitmain,Antminer S21,2023-09,200,,,17.5," +
 *   "true,https://viabtc.com/blog/en/268?category=0,\n";
 * assert.equal(formatAsicModels(asicModelsFromCsv(text)), text);
 * ```
 */
export function formatAsicModels(rows: readonly AsicModel[]): string {
  return formatCsv(
    ASIC_MODELS_SCHEMA,
    rows.map((row) => ({ ...row, preferred: String(row.preferred) })),
  );
}

/** Options of {@linkcode buildAsicModels}. */
export interface AsicModelsBuildOptions extends DatasetBuildOptions {
  /**
   * Folder of the published `asic_models.csv` and `SOURCES.md`, read for the F2Pool rows when
   * `raw/f2pool-mining-devices-mattk8/mining-devices.csv` is not in the source folder.
   * Default `"data"`.
   */
  readonly publishedDir?: string;
}

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return false;
    throw error;
  }
}

/** F2Pool's rows and the list's record: from the raw list if present, else as published. */
async function f2poolRows(
  dir: string,
  options: AsicModelsBuildOptions,
  log: (line: string) => void,
): Promise<{ models: LocatedModel[]; input: RawInput }> {
  const path = `${dir}/${F2POOL_DEVICES_INPUT}`;
  if (await exists(path)) {
    const input = await readRawInput(path);
    return { models: f2poolModels(input), input };
  }
  const published = await publishedF2pool(options.publishedDir ?? PUBLISHED_DIR);
  log(
    `asic_models.csv: ${path} is absent, so its ${published.models.length} F2Pool rows come ` +
      `from ${published.csvPath} and its size and sha256 from ${published.sourcesPath}`,
  );
  return published;
}

/**
 * Builds `asic_models.csv` from `raw/…/mining-devices.csv` (or, without it, the published
 * F2Pool rows) and `facts/asic_specs.csv` under `options.sourceDir`. Writes nothing.
 *
 * @example Build from a one-model fixture
 * ```ts
 * import { buildAsicModels } from "./asic_models_build.ts";
 * import assert from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir({ dir: "/tmp" });
 * await Deno.mkdir(`${dir}/raw/f2pool-mining-devices-mattk8`, { recursive: true });
 * await Deno.mkdir(`${dir}/facts`);
 * await Deno.writeTextFile(
 *   `${dir}/raw/f2pool-mining-devices-mattk8/mining-devices.csv`,
 *   "Company,Device,Hashrate (T),Power Consumption (W),Unit Power (W/T) #,Year Released," +
 *     "Month Released,,\nBitmain,Antminer S19 Pro,110,3250,30,2020,2,,\n",
 * );
 * await Deno.writeTextFile(
 *   `${dir}/facts/asic_specs.csv`,
 *   "manufacturer,model,release_or_announce_as_stated,hashrate_as_stated,hashrate_ths," +
 *     "power_as_stated,power_w,efficiency_as_stated,efficiency_j_per_th,price_as_stated," +
 *     "source_url,source_title,source_date,source_type,notes\n" +
 *     "Bitmain,Antminer S21,September 2023,200 TH/s,200,,,17.5 J/TH,17.5,,https://x,X,,blog,\n",
 * );
 * const built = await buildAsicModels({ sourceDir: dir, log: () => {} });
 * await Deno.remove(dir, { recursive: true });
 * assert.equal(built.rows, 2);
 * const [, s19pro, s21] = built.csv.split("\n");
 * assert.equal(s19pro!.split(",").slice(2, 8).join(","), `2020-02,110,3250,${3250 / 110},30,true`);
 * assert.equal(s21!.split(",").slice(2, 8).join(","), "2023-09,200,,,17.5,true");
 * ```
 */
export async function buildAsicModels(options: AsicModelsBuildOptions = {}): Promise<BuiltDataset> {
  const dir = options.sourceDir ?? DEFAULT_SOURCE_DIR;
  const log = options.log ?? console.log;
  const f2pool = await f2poolRows(dir, options, log);
  const facts = await readRawInput(`${dir}/${ASIC_SPECS_INPUT}`);
  const fromFacts = factsModels(facts);
  const located = [...f2pool.models, ...fromFacts.models];
  checkUnique(located);
  const { rows, conflicts } = choosePreferred(located);
  const csv = formatAsicModels(rows.map((r) => r.row));
  asicModelsFromCsv(csv, { file: "asic_models.csv (built)" });
  const f2poolCount = f2pool.models.length;
  log(
    `asic_models.csv: ${rows.length} rows (${f2poolCount} F2Pool, ${
      rows.length - f2poolCount
    } facts; ${conflicts.length} conflict${conflicts.length === 1 ? "" : "s"} kept side by ` +
      `side; ${fromFacts.dropped.length} facts row${
        fromFacts.dropped.length === 1 ? "" : "s"
      } left out)`,
  );
  return {
    file: "asic_models.csv",
    csv,
    sources: renderAsicModelsSources({
      rows: rows.map((r) => r.row),
      f2poolCount,
      f2pool: f2pool.input,
      facts,
      conflicts,
      dropped: fromFacts.dropped,
    }),
    rows: rows.length,
  };
}
