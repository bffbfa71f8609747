/**
 * One input picked from a dataset's rows, where a note needs a single figure: a fleet's J/TH
 * and release from the ASIC catalogue, a GPU's newest dated price point, a bitcoin mine's
 * acquisition price per MW, the GPU-cloud contract among the miners' AI deals. Each names the
 * dataset when it has no such row.
 *
 * @module
 */
import { asicEfficiency, type AsicEfficiencyBasis } from "../data/asic_efficiency.ts";
import { type AsicModel, preferredAsicModels } from "../data/asic_models.ts";
import type { CapexPerMw } from "../data/capex_per_mw.ts";
import type { GpuRentalPriceRow } from "../data/gpu_rental_prices.ts";
import type { MinerAiDeal } from "../data/miner_ai_deals.ts";
import { dealIntensities, type DealIntensity } from "../deals/deal_analytics.ts";

/** A fleet: its catalogue row's model and release, and its J/TH at the wall. */
export interface AsicFleet {
  /** The model, as `data/asic_models.csv` spells it. */
  readonly model: string;
  /** Release month, `YYYY-MM`. */
  readonly release: string;
  /** J/TH at the wall. */
  readonly efficiency: number;
  /** Whether the J/TH is W ÷ TH/s or as the source states it. */
  readonly basis: AsicEfficiencyBasis;
}

/**
 * A model's fleet from the catalogue's preferred rows.
 *
 * @example
 * ```ts
 * import { asicFleet } from "./input_picks.ts";
 * import { loadAsicModels } from "../data/asic_models.ts";
 * import assert from "node:assert/strict";
 *
 * const models = await loadAsicModels();
 * assert.deepEqual(asicFleet(models, "Antminer S21"),
 *   { model: "Antminer S21", release: "2023-09", efficiency: 17.5, basis: "stated" });
 * assert.throws(() => asicFleet(models, "Antminer S99"), /data\/asic_models\.csv has no Antminer S99/);
 * ```
 */
export function asicFleet(models: readonly AsicModel[], model: string): AsicFleet {
  const row = preferredAsicModels(models).find((m) => m.model === model);
  if (row === undefined) throw new RangeError(`data/asic_models.csv has no ${model}`);
  const { efficiency, basis } = asicEfficiency(row);
  return { model, release: row.release, efficiency, basis };
}

/**
 * The newest dated `point` of a GPU's prices (the later row in the file, if two share a date).
 *
 * @example
 * ```ts
 * import { newestGpuPricePoint } from "./input_picks.ts";
 * import { loadGpuRentalPrices } from "../data/gpu_rental_prices.ts";
 * import assert from "node:assert/strict";
 *
 * const contracts = (await loadGpuRentalPrices({ kind: "contract" })).rows;
 * const h100 = newestGpuPricePoint(contracts, "H100");
 * assert.deepEqual([h100.date, h100.value], ["2026-03-01", 2.35]); // SemiAnalysis, 1-year contract
 * assert.throws(() => newestGpuPricePoint(contracts, "A100"), /has no dated A100 price point/);
 * ```
 */
export function newestGpuPricePoint(
  rows: readonly GpuRentalPriceRow[],
  gpu: string,
): GpuRentalPriceRow {
  const newest = rows
    .filter((r) => r.gpu === gpu && r.statistic === "point" && r.date !== "")
    .reduce<GpuRentalPriceRow | undefined>(
      (a, b) => (a === undefined || b.date >= a.date ? b : a),
      undefined,
    );
  if (newest === undefined) {
    throw new RangeError(`data/gpu_rental_prices.csv has no dated ${gpu} price point`);
  }
  return newest;
}

/**
 * The first bitcoin-mine acquisition price in `data/capex_per_mw.csv`: what a miner pays per MW
 * for a running mine instead of building one.
 *
 * @example
 * ```ts
 * import { bitcoinMinePrice } from "./input_picks.ts";
 * import { loadCapexPerMw } from "../data/capex_per_mw.ts";
 * import assert from "node:assert/strict";
 *
 * const mine = bitcoinMinePrice(await loadCapexPerMw());
 * assert.equal(mine.subject, "CleanSpark Georgia bitcoin mines acquisition");
 * assert.equal(mine.mid_usd_per_mw, 430_000);
 * assert.throws(() => bitcoinMinePrice([]), /has no bitcoin-mine acquisition price/);
 * ```
 */
export function bitcoinMinePrice(capex: readonly CapexPerMw[]): CapexPerMw {
  const row = capex.find((r) => r.metric === "acquisition price" && r.asset === "bitcoin mining");
  if (row === undefined) {
    throw new RangeError("data/capex_per_mw.csv has no bitcoin-mine acquisition price");
  }
  return row;
}

/**
 * The first GPU-cloud contract of `data/miner_ai_deals.csv` with a revenue intensity: its term is
 * how long the GPUs are sold for.
 *
 * @example
 * ```ts
 * import { gpuCloudContract } from "./input_picks.ts";
 * import { loadMinerAiDeals } from "../data/miner_ai_deals.ts";
 * import assert from "node:assert/strict";
 *
 * const deal = gpuCloudContract(await loadMinerAiDeals());
 * assert.deepEqual([deal.company, deal.counterparty, deal.termYears], ["IREN", "Microsoft", 5]);
 * assert.throws(() => gpuCloudContract([]), /has no GPU-cloud contract/);
 * ```
 */
export function gpuCloudContract(deals: readonly MinerAiDeal[]): DealIntensity {
  const deal = dealIntensities(deals, { includeGpuCloud: true })
    .find((d) => d.structure === "GPU cloud");
  if (deal === undefined) throw new RangeError("data/miner_ai_deals.csv has no GPU-cloud contract");
  return deal;
}
