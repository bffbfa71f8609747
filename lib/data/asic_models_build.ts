/**
 * Building `data/asic_models.csv` from F2Pool's device list (86 SHA-256 ASICs, March 2020;
 * `_asic_f2pool.ts`) and the cited later models in `facts/asic_specs.csv` (`_asic_specs.ts`).
 * Every cell used is checked; F2Pool's own W/TH figure must agree with watts ÷ TH/s to its
 * rounding, every as-stated hashrate, power and efficiency in the facts file must agree with its
 * number and unit, and no manufacturer + model may repeat across the two.
 *
 * @module
 */
import { formatCsv } from "./csv_format.ts";
import {
  type BuiltDataset,
  type DatasetBuildOptions,
  DEFAULT_SOURCE_DIR,
  readRawInput,
} from "./dataset_build.ts";
import { ASIC_MODELS_SCHEMA, asicModelsFromCsv } from "./asic_models.ts";
import { renderAsicModelsSources } from "./asic_models_sources.ts";
import { F2POOL_DEVICES_INPUT, f2poolModels } from "./_asic_f2pool.ts";
import { checkUnique } from "./_asic_rows.ts";
import { ASIC_SPECS_INPUT, factsModels } from "./_asic_specs.ts";

/**
 * Builds `asic_models.csv` from `raw/…/mining-devices.csv` and `facts/asic_specs.csv` under
 * `options.sourceDir`. Writes nothing.
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
 * assert.equal(s19pro!.split(",").slice(2, 7).join(","), `2020-02,110,3250,${3250 / 110},30`);
 * assert.equal(s21!.split(",").slice(2, 7).join(","), "2023-09,200,,,17.5");
 * ```
 */
export async function buildAsicModels(options: DatasetBuildOptions = {}): Promise<BuiltDataset> {
  const dir = options.sourceDir ?? DEFAULT_SOURCE_DIR;
  const log = options.log ?? console.log;
  const f2pool = await readRawInput(`${dir}/${F2POOL_DEVICES_INPUT}`);
  const facts = await readRawInput(`${dir}/${ASIC_SPECS_INPUT}`);
  const rows = [...f2poolModels(f2pool), ...factsModels(facts)];
  checkUnique(rows);
  const csv = formatCsv(ASIC_MODELS_SCHEMA, rows.map((r) => r.row));
  asicModelsFromCsv(csv, { file: "asic_models.csv (built)" });
  const f2poolCount = rows.filter((r) => r.file === f2pool.path).length;
  log(
    `asic_models.csv: ${rows.length} models (${f2poolCount} F2Pool, ${
      rows.length - f2poolCount
    } facts)`,
  );
  return {
    file: "asic_models.csv",
    csv,
    sources: renderAsicModelsSources(rows.map((r) => r.row), f2pool, facts, f2poolCount),
    rows: rows.length,
  };
}
