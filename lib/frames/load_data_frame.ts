/**
 * Any dataset in `data/` as a danfo DataFrame in one call, for notebooks. The typed loaders in
 * `lib/data` stay the form models take; this only picks the loader by name and hands its rows
 * (or, for `btc_daily`, its columns) to {@linkcode toDataFrame}.
 *
 * @module
 */
import {
  type GpuPriceKind,
  type GpuPriceSelection,
  loadAsicModels,
  loadAsicPrices,
  loadBtcDaily,
  loadCapexPerMw,
  loadCompanyFacts,
  loadGpuModels,
  loadGpuRentalPrices,
  loadMinerAiDeals,
  loadNetworkPoints,
} from "../data/mod.ts";
import { type FrameRow, toDataFrame } from "./to_data_frame.ts";

/** The danfo DataFrame {@linkcode toDataFrame} makes (named apart from danfo's own class, so the API docs resolve without its Node typings). */
export type DanfoFrame = Awaited<ReturnType<typeof toDataFrame>>;

/** The datasets {@linkcode loadDataFrame} knows, by file name in `data/` without `.csv`. */
export const DATASET_NAMES = [
  "btc_daily",
  "asic_models",
  "asic_prices",
  "capex_per_mw",
  "companies",
  "gpu_models",
  "gpu_rental_prices",
  "miner_ai_deals",
  "network_points",
] as const;
/** A dataset's name, as in {@linkcode DATASET_NAMES}. */
export type DatasetName = typeof DATASET_NAMES[number];

/** A loader of rows made to give its DataFrame; each loader's row type is checked here. */
const frameOf =
  <R extends FrameRow<R>>(load: (path?: string | URL) => Promise<readonly R[]>) =>
  (path?: string | URL): Promise<DanfoFrame> => load(path).then((rows) => toDataFrame(rows));

/** Each dataset's loader of rows, by the dataset's name. */
const ROW_FRAMES: Record<
  Exclude<DatasetName, "btc_daily" | "gpu_rental_prices">,
  (path?: string | URL) => Promise<DanfoFrame>
> = {
  asic_models: frameOf(loadAsicModels),
  asic_prices: frameOf(loadAsicPrices),
  capex_per_mw: frameOf(loadCapexPerMw),
  companies: frameOf(loadCompanyFacts),
  gpu_models: frameOf(loadGpuModels),
  miner_ai_deals: frameOf(loadMinerAiDeals),
  network_points: frameOf(loadNetworkPoints),
};

/** Options of {@linkcode loadDataFrame} for any dataset but `gpu_rental_prices`. */
export interface LoadDataFrameOptions {
  /** The CSV file. Default: the dataset's file in this project's `data/`. */
  readonly path?: string | URL;
}
/** Options for `gpu_rental_prices`: the kind (or kinds sharing one unit) its loader demands. */
export type LoadGpuPricesFrameOptions<K extends GpuPriceKind = GpuPriceKind> =
  & GpuPriceSelection<K>
  & LoadDataFrameOptions;

/**
 * Loads the dataset `name` with its typed loader (every check of that loader applies) and
 * returns it as a danfo DataFrame whose columns are the loader's fields, in the loader's order.
 * `gpu_rental_prices` needs `{ kind }` (or `{ kinds }` of one unit), as its loader does; an
 * unknown name, or a `kind` for another dataset, is a `TypeError` listing what is valid.
 *
 * @example
 * ```ts
 * import { loadDataFrame } from "./load_data_frame.ts";
 * import assert from "node:assert/strict";
 *
 * const models = await loadDataFrame("asic_models");
 * assert.ok(models.columns.includes("efficiency_j_per_th"));
 * const peaks = await loadDataFrame("gpu_rental_prices", { kind: "peak" });
 * assert.deepEqual([...new Set(peaks.column("unit").values as string[])], ["USD per GPU-hour"]);
 * await assert.rejects(loadDataFrame("gpu_rental_prices", {} as { kind: "peak" }), /kind is required/);
 * await assert.rejects(loadDataFrame("btc_daly" as "btc_daily"), /Unknown dataset "btc_daly"/);
 * ```
 */
export function loadDataFrame(
  name: "gpu_rental_prices",
  options: LoadGpuPricesFrameOptions,
): Promise<DanfoFrame>;
/** Any other dataset as a DataFrame, from its file in `data/` or `options.path`. */
export function loadDataFrame(
  name: Exclude<DatasetName, "gpu_rental_prices">,
  options?: LoadDataFrameOptions,
): Promise<DanfoFrame>;
/** The dataset `name` as a DanfoFrame (see the first signature). */
export async function loadDataFrame(
  name: DatasetName,
  options: LoadDataFrameOptions | LoadGpuPricesFrameOptions = {},
): Promise<DanfoFrame> {
  const valid = `datasets: ${DATASET_NAMES.map((n) => JSON.stringify(n)).join(", ")}`;
  if (!(DATASET_NAMES as readonly unknown[]).includes(name)) {
    throw new TypeError(`Unknown dataset ${JSON.stringify(name)}; ${valid}`);
  }
  const given = (options ?? {}) as { kind?: unknown; kinds?: unknown; path?: string | URL };
  if (name === "gpu_rental_prices") {
    const prices = await loadGpuRentalPrices(options as LoadGpuPricesFrameOptions);
    return toDataFrame(prices.rows);
  }
  if (given.kind !== undefined || given.kinds !== undefined) {
    throw new TypeError(
      `Cannot select a kind of dataset ${JSON.stringify(name)}: only "gpu_rental_prices" has kinds`,
    );
  }
  if (name === "btc_daily") return toDataFrame(await loadBtcDaily(given.path));
  return ROW_FRAMES[name](given.path);
}
