/**
 * What the market pays per MW, set by set: the comparable leases (the bases a note compares,
 * GPU cloud left out unless asked for), every lease with a rent on any MW basis, and each
 * GPU-cloud contract on its own, with the comparable median set against a market asking rate
 * and the first year's contracts against the later ones.
 *
 * @module
 */
import { CAPACITY_BASES, type CapacityBasis, type MinerAiDeal } from "../data/miner_ai_deals.ts";
import { positive } from "../units/checks.ts";
import {
  dealIntensities,
  type DealIntensity,
  type DealIntensitySummary,
  dealIntensitySummary,
} from "./deal_analytics.ts";
import { announcedMonth, dealLabel } from "./deal_labels.ts";

/** Options of {@linkcode rentSets}: the comparable set, and the asking rate to compare with. */
export interface RentSetsOptions {
  /** MW bases of the comparable set, each one of `CAPACITY_BASES`. Default `["critical IT"]`:
   * per-IT-MW rents compare; gross and unspecified MW do not ({@linkcode dealIntensities}). */
  readonly bases?: readonly string[];
  /** Keep GPU-cloud contracts in the comparable set. Default `false`: their value includes the
   * GPUs. */
  readonly includeGpuCloud?: boolean;
  /** A market asking rent, USD per kW-month, that the comparable median is set against (no
   * default: the note cites the one it uses). */
  readonly askingUsdPerKwMonth: number;
}

/** A GPU-cloud contract's rent beside the leases'. */
export interface GpuCloudRent {
  /** The contract's intensity. */
  readonly intensity: DealIntensity;
  /** "TICKER / Tenant (YYYY-MM)". */
  readonly label: string;
  /** Its rent per MW-year over the comparable median. */
  readonly timesMedian: number;
}

/** Contracts announced in one span and their mean rent. */
export interface RentPeriod {
  /** How many. */
  readonly deals: number;
  /** Mean rent per MW-year, each contract weighted alike. */
  readonly meanUsdPerMwYear: number;
}

/** A contract left out of the comparable set. */
export interface ExcludedContract {
  /** The dataset `deal_id`. */
  readonly dealId: string;
  /** `YYYY-MM` or "undated". */
  readonly announced: string;
  /** Why, in words: blanks, a MW basis not compared, GPU cloud. */
  readonly reasons: readonly string[];
}

/** Result of {@linkcode rentSets}. */
export interface RentSets {
  /** The comparable leases, in announcement order. */
  readonly comparable: readonly DealIntensity[];
  /** Their summary. */
  readonly summary: DealIntensitySummary;
  /** Every lease with a rent, on any MW basis, GPU cloud left out. */
  readonly leases: readonly DealIntensity[];
  /** Their summary. */
  readonly leasesSummary: DealIntensitySummary;
  /** Each GPU-cloud contract with a rent. */
  readonly gpuCloud: readonly GpuCloudRent[];
  /** `1 − median ÷ asking`, per kW-month: how far the comparable median sits below the asking
   * rate (negative when above). */
  readonly medianBelowAsking: number;
  /** The contracts not in the comparable set, in dataset order, with the reasons. */
  readonly excluded: readonly ExcludedContract[];
  /** The dated comparable contracts of the first year announced against those since; absent
   * when every dated one is of that year. */
  readonly firstYear?: {
    readonly year: string;
    readonly early: RentPeriod;
    readonly later: RentPeriod;
  };
}

const mean = (xs: readonly DealIntensity[]): RentPeriod => ({
  deals: xs.length,
  meanUsdPerMwYear: xs.reduce((sum, i) => sum + i.usdPerMwYear, 0) / xs.length,
});

/**
 * The rent sets of a deals dataset.
 *
 * @example The comparable leases against CBRE's H2 2024 asking rate of $184.06/kW-month [S77]
 * ```ts
 * import { rentSets } from "./rent_sets.ts";
 * import { loadMinerAiDeals } from "../data/miner_ai_deals.ts";
 * import assert from "node:assert/strict";
 *
 * const sets = rentSets(await loadMinerAiDeals(), { askingUsdPerKwMonth: 184.06 });
 * assert.ok(sets.comparable.every((i) => i.capacityBasis === "critical IT"));
 * assert.ok(sets.medianBelowAsking > 0); // miners' leases rent below the market's asking rate
 * assert.ok(sets.gpuCloud.every((g) => g.timesMedian > 3)); // their value includes the GPUs
 * ```
 */
export function rentSets(deals: readonly MinerAiDeal[], options: RentSetsOptions): RentSets {
  const asking = positive("askingUsdPerKwMonth", options.askingUsdPerKwMonth);
  const bases = (options.bases ?? ["critical IT"]).map(capacityBasis);
  const includeGpuCloud = options.includeGpuCloud ?? false;
  const comparable = dealIntensities(deals, { bases, includeGpuCloud });
  const comparableIds = new Set(comparable.map((i) => i.dealId));
  const reasons = (d: MinerAiDeal) => [
    ...(Number.isNaN(d.capacity_mw) ? ["no MW figure"] : []),
    ...(Number.isNaN(d.contract_value_usd) ? ["no base-term value"] : []),
    ...(Number.isNaN(d.term_years) ? ["no term"] : []),
    ...(d.capacity_basis !== "" && !bases.includes(d.capacity_basis)
      ? [`MW basis ${d.capacity_basis === "unspecified" ? "not stated" : d.capacity_basis}`]
      : []),
    ...(d.structure === "GPU cloud" && !includeGpuCloud
      ? ["GPU cloud: value includes the GPUs"]
      : []),
  ];
  const summary = dealIntensitySummary(comparable);
  const leases = dealIntensities(deals, { bases: CAPACITY_BASES });
  const gpuCloud = dealIntensities(deals, { bases: CAPACITY_BASES, includeGpuCloud: true })
    .filter((i) => i.structure === "GPU cloud")
    .map((intensity) => ({
      intensity,
      label: dealLabel({
        deal_id: intensity.dealId,
        counterparty: intensity.counterparty,
        announcement_date: intensity.announcementDate,
      }),
      timesMedian: intensity.usdPerMwYear / summary.medianUsdPerMwYear,
    }));
  const dated = comparable.filter((i) => i.announcementDate !== "");
  const year = dated.map((i) => i.announcementDate.slice(0, 4)).sort()[0];
  const early = dated.filter((i) => i.announcementDate.slice(0, 4) === year);
  const later = dated.filter((i) => i.announcementDate.slice(0, 4) !== year);
  return {
    comparable,
    summary,
    leases,
    leasesSummary: dealIntensitySummary(leases),
    gpuCloud,
    medianBelowAsking: 1 - summary.medianUsdPerKwMonth / asking,
    excluded: deals
      .filter((d) => d.event_kind === "contract" && !comparableIds.has(d.deal_id))
      .map((d) => ({
        dealId: d.deal_id,
        announced: announcedMonth(d.announcement_date),
        reasons: reasons(d),
      })),
    ...(year === undefined || later.length === 0
      ? {}
      : { firstYear: { year, early: mean(early), later: mean(later) } }),
  };
}

function capacityBasis(basis: string): CapacityBasis {
  if (!(CAPACITY_BASES as readonly string[]).includes(basis)) {
    throw new RangeError(
      `Cannot use bases: ${JSON.stringify(basis)} is not one of ${
        CAPACITY_BASES.map((b) => JSON.stringify(b)).join(", ")
      }`,
    );
  }
  return basis as CapacityBasis;
}
