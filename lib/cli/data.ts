/**
 * `deno task data`: build the datasets in `data/` from public sources.
 *
 *   deno task data                      rebuild from the inputs committed in data/inputs
 *   deno task data --inputs DIR         rebuild from another folder of inputs (raw/, facts/)
 *   deno task data --from <file|URL>    build from a Coin Metrics CSV export (repeatable)
 *   deno task data --update             append the newest days from the community API
 *
 * @module
 */
import { parseArgs } from "node:util";
import {
  buildBtcDaily,
  type InputSource,
  prepareBtcDaily,
  updateBtcDaily,
} from "../ingest/btc_daily_ingest.ts";
import {
  type BuiltDataset,
  type DatasetBuildOptions,
  writeBuiltDatasets,
} from "../ingest/dataset_build.ts";
import { buildGpuModels } from "../ingest/gpu_models_build.ts";
import { buildMinerAiDeals } from "../ingest/miner_ai_deals_build.ts";
import { buildGpuRentalPrices } from "../ingest/gpu_rental_prices_build.ts";
import { buildAsicModels } from "../ingest/asic_models_build.ts";
import { buildAsicPrices } from "../ingest/asic_prices_build.ts";
import { buildCapexPerMw } from "../ingest/capex_per_mw_build.ts";
import { buildNetworkPoints } from "../ingest/network_points_build.ts";
import { buildCompanies } from "../ingest/companies/companies_build.ts";
import { COINMETRICS_API } from "../ingest/coinmetrics.ts";

// Relative to the project root, where `deno task` runs.
const RAW = "data/inputs/raw/";

/** The inputs `deno task data` uses when none is given. */
export const DEFAULT_BTC_INPUTS: readonly InputSource[] = [
  {
    location: `${RAW}coinmetrics-btc-chrisshao0/coinmetrics_btc.csv`,
    origin: "Coin Metrics community `btc.csv` (github.com/coinmetrics/data, `csv/btc.csv`) as " +
      "downloaded 2026-03-23; copy at github.com/chrisshao0/APS1052 `data/raw/coinmetrics_btc.csv`, " +
      "commit 13c566a489cfac0b315d1e1bb0f9ada258b7ff5f",
  },
  {
    location: `${RAW}coinmetrics-btc-gabrielmazzali/coinmetrics_btc.csv`,
    origin: "Coin Metrics community API pull, 2020-01-01 .. 2026-06-01 (no `BlkCnt`: blocks are " +
      "derived from `IssTotUSD ÷ PriceUSD` and the subsidy schedule); copy at " +
      "github.com/GabrielMazzali/onchain-vs-price `data/raw/coinmetrics_btc.csv`, commit " +
      "07062f86523d63a24872d1e5335729c6b01d7923",
  },
];

/** Every dataset `deno task data` builds from the public inputs in `data/inputs`. */
export const DATASET_BUILDERS: Readonly<
  Record<string, (options: DatasetBuildOptions) => Promise<BuiltDataset>>
> = {
  btc_daily: async (options) => (await prepareBtcDaily(DEFAULT_BTC_INPUTS, options)).dataset,
  asic_models: buildAsicModels,
  asic_prices: buildAsicPrices,
  capex_per_mw: buildCapexPerMw,
  network_points: buildNetworkPoints,
  gpu_models: buildGpuModels,
  gpu_rental_prices: buildGpuRentalPrices,
  miner_ai_deals: buildMinerAiDeals,
  companies: buildCompanies,
};

const USAGE =
  `Usage: deno task data [--only <name>]... [--inputs <dir>] [--from <file or URL>]... [--update] [--out <dir>]

  (no option)     rebuild every dataset in data/ from the public inputs in data/inputs
  --inputs DIR    read the public inputs (raw/ and facts/) from DIR instead of data/inputs
  --only NAME     rebuild only this dataset (repeatable): ${
    Object.keys(DATASET_BUILDERS).join(", ")
  }
  --from X        build btc_daily.csv from the Coin Metrics CSV export X; repeat to extend it
  --update        append the newest days to btc_daily.csv from the Coin Metrics community API
  --api URL       API base URL for --update (default ${COINMETRICS_API})
  --out DIR       write into DIR instead of data/`;

async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      from: { type: "string", multiple: true },
      only: { type: "string", multiple: true },
      inputs: { type: "string" },
      update: { type: "boolean" },
      api: { type: "string" },
      out: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const outDir = values.out ?? "data";
  if (values.update) {
    if (values.from) throw new TypeError("Cannot combine --update with --from");
    await updateBtcDaily({ outDir, ...(values.api ? { apiBaseUrl: values.api } : {}) });
    return 0;
  }
  if (values.from) {
    await buildBtcDaily(values.from.map((location) => ({ location })), { outDir });
    return 0;
  }
  const names = values.only ?? Object.keys(DATASET_BUILDERS);
  const unknown = names.filter((name) => !(name in DATASET_BUILDERS));
  if (unknown.length > 0) {
    throw new TypeError(
      `Cannot build ${unknown.join(", ")}: expected one of ${
        Object.keys(DATASET_BUILDERS).join(", ")
      }`,
    );
  }
  // Build everything first, then write everything at once: one bad input leaves data/ as it was.
  const built: BuiltDataset[] = [];
  const options = values.inputs === undefined ? {} : { sourceDir: values.inputs };
  for (const name of names) built.push(await DATASET_BUILDERS[name]!(options));
  await writeBuiltDatasets(outDir, built);
  for (const dataset of built) console.log(`wrote ${outDir}/${dataset.file}: ${dataset.rows} rows`);
  return 0;
}

if (import.meta.main) {
  try {
    Deno.exit(await main(Deno.args));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`data: ${message}`);
    if (error instanceof Deno.errors.NotCapable) {
      console.error(
        "data: reading that location needs a permission the task does not grant; " +
          "copy the file into the project, or run lib/cli/data.ts with the --allow-net/--allow-read it needs",
      );
    }
    if (error instanceof TypeError && /Unknown option|Unexpected argument/.test(message)) {
      console.error(USAGE);
    }
    console.error("data: nothing was written");
    Deno.exit(1);
  }
}
