/**
 * The inputs of the revenue-per-MW comparison, picked from the datasets with the house view's
 * fleet, PUEs and power price: today's trailing-mean hashprice, two fleets' J/TH, the newest
 * price of the current fleet's ASIC, a bitcoin mine's acquisition price, the comparable AI
 * leases (median rent and term), the median AI build cost, the H100's price, its newest dated
 * contract rent and its monthly list prices, and the GPU-cloud contract whose term is the GPUs'
 * clock. Ready for `businessesPerGrossMw` and `revenuePerMwHistory`.
 *
 * @module
 */
import { nextHalvings, type PastHalving, pastHalvings } from "../chain/halvings.ts";
import { DGX_H100, gpusPerItMw } from "../compute/gpu_density.ts";
import { type AsicPrice, loadAsicPrices } from "../data/asic_prices.ts";
import { asicModelPrices } from "../data/asic_model_prices.ts";
import { loadAsicModels } from "../data/asic_models.ts";
import { loadBtcDaily } from "../data/btc_daily.ts";
import { type CapexPerMw, loadCapexPerMw } from "../data/capex_per_mw.ts";
import { findGpuModel, type GpuModel, loadGpuModels } from "../data/gpu_models.ts";
import { type GpuRentalPriceRow, loadGpuRentalPrices } from "../data/gpu_rental_prices.ts";
import { loadMinerAiDeals } from "../data/miner_ai_deals.ts";
import {
  dealIntensities,
  type DealIntensity,
  type DealIntensitySummary,
  dealIntensitySummary,
} from "../deals/deal_analytics.ts";
import { percentiles } from "../finance/percentiles.ts";
import { latestMarket } from "../mining/latest_market.ts";
import type { BusinessesPerGrossMwInputs } from "../site/businesses_per_gross_mw.ts";
import type { RevenuePerMwHistoryInputs } from "../site/revenue_per_mw_history.ts";
import { wholeNumber } from "../units/checks.ts";
import { jPerTh } from "../units/efficiency.ts";
import { usdPerKwh, usdPerMwYear } from "../units/prices.ts";
import type { HouseAssumptions } from "./house_assumptions.ts";
import {
  type AsicFleet,
  asicFleet,
  bitcoinMinePrice,
  gpuCloudContract,
  newestGpuPricePoint,
} from "./input_picks.ts";

/** Options of {@linkcode loadRevenuePerMwInputs}; `null` or absent takes the house view's. */
export interface RevenuePerMwOptions {
  /** First day of the history, `YYYY-MM-DD`. */
  readonly startDate: string;
  /** Days in the trailing mean of hashprice. */
  readonly smoothingDays: number;
  /** The older fleet in the history, e.g. "Antminer S19". */
  readonly oldFleet: string;
  /** Today's fleet. @default the house view's current fleet */
  readonly newFleet?: string | null;
  /** Hashcentre PUE. @default the house view's */
  readonly miningPue?: number | null;
  /** AI hall PUE. @default the house view's */
  readonly aiPue?: number | null;
  /** Share of GPU-hours sold. */
  readonly gpuUtilisation: number;
  /** GPU-cloud EBITDA ÷ revenue. */
  readonly gpuEbitdaMargin: number;
}

/** The inputs picked, with the rows they come from. */
export interface RevenuePerMwInputs {
  /** The last day of `data/btc_daily.csv`. */
  readonly asOf: string;
  /** Days in the trailing mean of hashprice. */
  readonly smoothingDays: number;
  /** The old fleet and today's. */
  readonly fleets: readonly [AsicFleet, AsicFleet];
  /** The newest price of today's fleet's ASIC (`data/asic_prices.csv`). */
  readonly asicPrice: AsicPrice;
  /** The bitcoin mine bought (`data/capex_per_mw.csv`). */
  readonly mineSite: CapexPerMw;
  /** The comparable leases' rents. */
  readonly rents: DealIntensitySummary;
  /** Their median term, years. */
  readonly leaseTermYears: number;
  /** The AI build costs behind the median. */
  readonly buildProjects: number;
  /** The H100's row of `data/gpu_models.csv`. */
  readonly gpuModel: GpuModel;
  /** Its newest dated contract rent. */
  readonly contractPrice: GpuRentalPriceRow;
  /** Its published monthly list prices to `asOf`. */
  readonly listPrices: readonly GpuRentalPriceRow[];
  /** The GPU-cloud contract. */
  readonly gpuDeal: DealIntensity;
  /** Halvings since the start of the history. */
  readonly halvings: readonly PastHalving[];
  /** Inputs of `businessesPerGrossMw`. */
  readonly businesses: BusinessesPerGrossMwInputs;
  /** Inputs of `revenuePerMwHistory`. */
  readonly history: RevenuePerMwHistoryInputs;
}

/** The H100 as each dataset names it, and the server it is costed in. */
const H100 = {
  name: "H100",
  model: "H100 SXM5",
  rental: "H100",
  list: "H100 SXM",
  system: DGX_H100,
};

/**
 * Loads the datasets and picks the comparison's inputs.
 *
 * @example
 * ```ts
 * import { loadHouseAssumptions } from "./house_assumptions.ts";
 * import { loadRevenuePerMwInputs } from "./revenue_per_mw_inputs.ts";
 * import assert from "node:assert/strict";
 *
 * const house = await loadHouseAssumptions();
 * const inputs = await loadRevenuePerMwInputs(house, { startDate: "2020-01-01", smoothingDays: 30,
 *   oldFleet: "Antminer S19", gpuUtilisation: 0.8, gpuEbitdaMargin: 0.85 });
 * assert.equal(inputs.businesses.mining.fleet, house.fleet.current.model);
 * assert.equal(inputs.businesses.ai.buildUsdPerItMw, house.ai.buildCostUsdPerItMw);
 * assert.ok(inputs.listPrices.every((p) => p.date <= inputs.asOf && Number.isFinite(p.value)));
 * ```
 */
export async function loadRevenuePerMwInputs(
  house: HouseAssumptions,
  options: RevenuePerMwOptions,
): Promise<RevenuePerMwInputs> {
  const [daily, models, prices, capex, deals, gpus, contracts, lists] = await Promise.all([
    loadBtcDaily(),
    loadAsicModels(),
    loadAsicPrices(),
    loadCapexPerMw(),
    loadMinerAiDeals(),
    loadGpuModels(),
    loadGpuRentalPrices({ kind: "contract" }),
    loadGpuRentalPrices({ kind: "on-demand list" }),
  ]);
  const { smoothingDays } = options;
  // Today's hashprice as every note states it: the trailing mean latestMarket takes.
  const { asOf, hashprice } = latestMarket(daily, wholeNumber("smoothingDays", smoothingDays, 1));
  const fleets = [
    asicFleet(models, options.oldFleet),
    asicFleet(models, options.newFleet ?? house.fleet.current.model),
  ] as const;
  const today = fleets[1];
  const asicPrice = asicModelPrices(prices, today.model).at(-1);
  if (asicPrice === undefined) {
    throw new RangeError(`data/asic_prices.csv has no price for ${today.model}`);
  }
  const mineSite = bitcoinMinePrice(capex);
  const leases = dealIntensities(deals);
  const rents = dealIntensitySummary(leases);
  const [leaseTermYears] = percentiles(leases.map((d) => d.termYears), [50]);
  const gpuDeal = gpuCloudContract(deals);
  const gpuModel = findGpuModel(gpus, H100.model);
  const contractPrice = newestGpuPricePoint(contracts.rows, H100.rental);
  const listPrices = lists.rows
    .filter((r) => r.gpu === H100.list && Number.isFinite(r.value) && r.date <= asOf);
  const miningPue = options.miningPue ?? house.miningPue;
  const aiPue = options.aiPue ?? house.ai.pue;
  const powerPrice = usdPerKwh(house.powerPriceUsdPerKwh);
  const [nextHalving] = nextHalvings(daily);
  const businesses: BusinessesPerGrossMwInputs = {
    asOf,
    powerPrice,
    mining: {
      fleet: today.model,
      hashprice,
      efficiency: jPerTh(today.efficiency),
      pue: miningPue,
      asicUsdPerTh: asicPrice.value_usd_per_th,
      siteUsdPerMw: mineSite.mid_usd_per_mw,
      nextHalving: nextHalving!.date,
    },
    lease: { rent: usdPerMwYear(rents.medianUsdPerMwYear), termYears: leaseTermYears! },
    ai: { pue: aiPue, buildUsdPerItMw: house.ai.buildCostUsdPerItMw },
    gpuCloud: {
      gpu: H100.name,
      system: H100.system,
      gpuUsd: gpuModel.release_price_usd,
      priceUsdPerGpuHour: contractPrice.value,
      utilisation: options.gpuUtilisation,
      ebitdaMargin: options.gpuEbitdaMargin,
      contractYears: gpuDeal.termYears,
      contract: `${gpuDeal.company}–${gpuDeal.counterparty}`,
    },
  };
  return {
    asOf,
    smoothingDays,
    fleets,
    asicPrice,
    mineSite,
    rents,
    leaseTermYears: leaseTermYears!,
    buildProjects: house.ai.buildCostRows.length,
    gpuModel,
    contractPrice,
    listPrices,
    gpuDeal,
    halvings: pastHalvings(daily).filter((h) => h.date >= options.startDate),
    businesses,
    history: {
      daily,
      startDate: options.startDate,
      smoothingDays,
      fleets,
      powerPrice,
      miningPue,
      leases,
      aiPue,
      gpu: H100.name,
      gpuListPrices: listPrices,
      gpusPerItMw: gpusPerItMw(H100.system),
      utilisation: options.gpuUtilisation,
    },
  };
}
