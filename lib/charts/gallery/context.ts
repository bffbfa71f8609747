/**
 * What every gallery exhibit draws on: the datasets and the house view, loaded once, and a few
 * figures derived from them (the latest 30-day hashprice, the comparable lease rents).
 *
 * @module
 */
import type { Exhibit, ExhibitChrome } from "../exhibit.ts";
import type { TopLevelSpec } from "vega-lite";
import {
  dealIntensities,
  type DealIntensity,
  type DealIntensitySummary,
  dealIntensitySummary,
} from "../../deals/deal_analytics.ts";
import { type BtcDaily, loadBtcDaily } from "../../data/btc_daily.ts";
import { type GpuRentalPrices, loadGpuRentalPrices } from "../../data/gpu_rental_prices.ts";
import { loadMinerAiDeals, type MinerAiDeal } from "../../data/miner_ai_deals.ts";
import { type HouseAssumptions, loadHouseAssumptions } from "../../house/house_assumptions.ts";

/** Makes the next-numbered exhibit of the gallery. */
export type NextExhibit = (chart: TopLevelSpec, chrome: Omit<ExhibitChrome, "number">) => Exhibit;

/** The loaded data and shared figures. */
export interface GalleryContext {
  readonly daily: BtcDaily;
  readonly deals: readonly MinerAiDeal[];
  readonly marketplace: GpuRentalPrices<"marketplace">;
  /** The house view (`notebooks/house_view.yaml`) resolved against the data. */
  readonly house: HouseAssumptions;
  /** Last day of the network data. */
  readonly asOf: string;
  /** Index of that day. */
  readonly last: number;
  /** Mean USD hashprice of the last 30 days. */
  readonly hashprice30d: number;
  /** Comparable lease contracts (critical IT, no GPU cloud). */
  readonly comparable: readonly DealIntensity[];
  readonly rents: DealIntensitySummary;
}

/** Loads the datasets and the house view, and derives the shared figures. */
export async function galleryContext(): Promise<GalleryContext> {
  const daily = await loadBtcDaily();
  const deals = await loadMinerAiDeals();
  const marketplace = await loadGpuRentalPrices({ kind: "marketplace" });
  const house = await loadHouseAssumptions();
  const last = daily.length - 1;
  let sum = 0;
  for (let i = last - 29; i <= last; i++) sum += daily.hashprice_usd_per_ph_day[i]!;
  const comparable = dealIntensities(deals);
  return {
    daily,
    deals,
    marketplace,
    house,
    asOf: daily.date[last]!,
    last,
    hashprice30d: sum / 30,
    comparable,
    rents: dealIntensitySummary(comparable),
  };
}
