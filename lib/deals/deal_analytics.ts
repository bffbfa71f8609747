/**
 * What the market pays per MW: revenue intensities of miners' AI/HPC contracts
 * (`data/miner_ai_deals.csv`, F6), filtered to comparable deals and summarised.
 *
 * @module
 */
import type { CapacityBasis, MinerAiDeal } from "../data/miner_ai_deals.ts";
import { percentiles } from "../finance/percentiles.ts";

/** A contract's revenue intensity, with what qualifies it. */
export interface DealIntensity {
  /** The dataset `deal_id`. */
  readonly dealId: string;
  /** The miner. */
  readonly company: string;
  /** The tenant or buyer. */
  readonly counterparty: string;
  /** `YYYY-MM-DD`, `YYYY-MM` or `""`. */
  readonly announcementDate: string;
  /** Contracted MW. */
  readonly capacityMw: number;
  /** What the MW measures. */
  readonly capacityBasis: CapacityBasis | "";
  /** Base term, years. */
  readonly termYears: number;
  /** Base-term contract value, USD. */
  readonly contractValueUsd: number;
  /** F6: contract value ÷ term ÷ MW. */
  readonly usdPerMwYear: number;
  /** The same per kW-month. */
  readonly usdPerKwMonth: number;
  /** `"upper"` when the MW was "more than" stated (so the rent per MW is at most this),
   * `"lower"` for "up to"; `"point"` otherwise. */
  readonly bound: "point" | "upper" | "lower";
  /** Lease structure named by the source, or `""`. */
  readonly structure: string;
}

/** Options of {@linkcode dealIntensities}. */
export interface DealIntensityOptions {
  /** Capacity bases to keep. Default `["critical IT"]`: per-IT-MW rents compare; gross and
   * unspecified MW do not (deals mix the two bases). */
  readonly bases?: readonly CapacityBasis[];
  /** Keep GPU-cloud contracts, whose value includes the GPUs. Default `false`: not comparable
   * to colocation rents (e.g. data/miner_ai_deals.csv IREN-MSFT-2025-11). */
  readonly includeGpuCloud?: boolean;
}

/**
 * Contracts with a revenue intensity, comparable ones only, in announcement order (undated
 * last).
 *
 * @example
 * ```ts
 * import { dealIntensities } from "./deal_analytics.ts";
 * import { loadMinerAiDeals } from "../data/miner_ai_deals.ts";
 * import assert from "node:assert/strict";
 *
 * const deals = dealIntensities(await loadMinerAiDeals());
 * const corz = deals.find((d) => d.company === "Core Scientific" && d.capacityMw === 200)!;
 * assert.equal(Math.round(corz.usdPerMwYear), 1_458_333);
 * assert.ok(deals.every((d) => d.capacityBasis === "critical IT"));
 * ```
 */
export function dealIntensities(
  deals: readonly MinerAiDeal[],
  options: DealIntensityOptions = {},
): DealIntensity[] {
  const bases = options.bases ?? ["critical IT"];
  return deals
    .filter((d) =>
      d.event_kind === "contract" && Number.isFinite(d.usd_per_mw_year) &&
      d.capacity_basis !== "" && bases.includes(d.capacity_basis) &&
      (options.includeGpuCloud || d.structure !== "GPU cloud")
    )
    .map((d) => ({
      dealId: d.deal_id,
      company: d.company,
      counterparty: d.counterparty,
      announcementDate: d.announcement_date,
      capacityMw: d.capacity_mw,
      capacityBasis: d.capacity_basis,
      termYears: d.term_years,
      contractValueUsd: d.contract_value_usd,
      usdPerMwYear: d.usd_per_mw_year,
      usdPerKwMonth: d.usd_per_kw_month,
      bound: d.capacity_qualifier === "at least"
        ? "upper" as const
        : d.capacity_qualifier === "up to"
        ? "lower" as const
        : "point" as const,
      structure: d.structure,
    }))
    // Undated deals last.
    .sort((a, b) =>
      (a.announcementDate === "" ? "9" : a.announcementDate)
        .localeCompare(b.announcementDate === "" ? "9" : b.announcementDate)
    );
}

/** Summary of {@linkcode dealIntensitySummary}. */
export interface DealIntensitySummary {
  /** Number of deals. */
  readonly deals: number;
  /** Sum of their MW. */
  readonly totalMw: number;
  /** Σ value ÷ Σ (term × MW): the MW-weighted rent. */
  readonly weightedUsdPerMwYear: number;
  /** Median rent per MW-year. */
  readonly medianUsdPerMwYear: number;
  /** Lowest rent per MW-year. */
  readonly minUsdPerMwYear: number;
  /** Highest rent per MW-year. */
  readonly maxUsdPerMwYear: number;
  /** Median rent per kW-month. */
  readonly medianUsdPerKwMonth: number;
}

/**
 * Count, MW and the spread of rents across deals.
 *
 * @example
 * ```ts
 * import { dealIntensitySummary } from "./deal_analytics.ts";
 * import assert from "node:assert/strict";
 *
 * const d = (mw: number, value: number, term: number) => ({ capacityMw: mw, contractValueUsd: value,
 *   termYears: term, usdPerMwYear: value / term / mw, usdPerKwMonth: value / term / mw / 12_000 });
 * const s = dealIntensitySummary([d(200, 3.5e9, 12), d(245, 7e9, 15)]);
 * assert.equal(s.deals, 2);
 * assert.equal(s.weightedUsdPerMwYear, (3.5e9 + 7e9) / (12 * 200 + 15 * 245));
 * ```
 */
export function dealIntensitySummary(
  deals: readonly Pick<
    DealIntensity,
    "capacityMw" | "contractValueUsd" | "termYears" | "usdPerMwYear" | "usdPerKwMonth"
  >[],
): DealIntensitySummary {
  if (deals.length === 0) {
    throw new RangeError("Cannot summarise deals: expected at least one, got 0");
  }
  let value = 0;
  let mwYears = 0;
  let mw = 0;
  for (const d of deals) {
    value += d.contractValueUsd;
    mwYears += d.termYears * d.capacityMw;
    mw += d.capacityMw;
  }
  const rents = deals.map((d) => d.usdPerMwYear);
  const [median] = percentiles(rents, [50]);
  const [medianKw] = percentiles(deals.map((d) => d.usdPerKwMonth), [50]);
  return {
    deals: deals.length,
    totalMw: mw,
    weightedUsdPerMwYear: value / mwYears,
    medianUsdPerMwYear: median!,
    minUsdPerMwYear: Math.min(...rents),
    maxUsdPerMwYear: Math.max(...rents),
    medianUsdPerKwMonth: medianKw!,
  };
}
