/**
 * A deal row of `data/miner_ai_deals.csv` as the lease the models run: its structure as a lease
 * type (triple net when the source says NNN, modified gross otherwise), the year-one rent that
 * gives the base-term value at an escalator (the row's F6 rent is the term's average), and its
 * critical IT MW with the gross MW they draw at a PUE (F9). The house view's template lease and
 * a covered company's contracts are both built here, so they cannot drift apart.
 *
 * @module
 */
import { firstYearRentFor, type LeaseStructure } from "../compute/colocation.ts";
import type { MinerAiDeal } from "../data/miner_ai_deals.ts";
import { grossFromIt, itMw, toMw } from "../units/power.ts";
import type { UsdPerMwYear } from "../units/prices.ts";

/** The terms a deal row does not state: the house's escalator and PUE. */
export interface LeaseTerms {
  /** Annual rent escalator, e.g. 0.03. */
  readonly escalator: number;
  /** Facility PUE of the leased hall (gross MW ÷ IT MW), at least 1. */
  readonly pue: number;
}

/** A lease planned from a deal row. */
export interface LeasePlan {
  /** The dataset `deal_id`. */
  readonly dealId: string;
  /** Critical IT MW leased (`critical_it_mw`). */
  readonly itMw: number;
  /** Gross MW the IT load draws: IT MW × PUE. */
  readonly grossMw: number;
  /** Year-one rent per IT MW-year that gives the base-term value at the escalator. */
  readonly firstYearRent: UsdPerMwYear;
  /** Annual rent escalator. */
  readonly escalator: number;
  /** Base term, years. */
  readonly termYears: number;
  /** Who pays the property costs: `"triple net"` for a row whose structure is `lease NNN`. */
  readonly structure: LeaseStructure;
}

/**
 * What keeps a deal row from being planned as a lease, in words; empty when nothing does. A
 * lease needs a contract (not a GPU-cloud one, whose value includes the GPUs) with a critical
 * IT MW, a base-term value and a term.
 *
 * @example
 * ```ts
 * import { leasePlanGaps } from "./lease_plan.ts";
 * import { loadMinerAiDeals } from "../data/miner_ai_deals.ts";
 * import assert from "node:assert/strict";
 *
 * const deals = await loadMinerAiDeals();
 * const gaps = (id: string) => leasePlanGaps(deals.find((d) => d.deal_id === id)!);
 * assert.deepEqual(gaps("HUT-FLUIDSTACK-2025-12"), []);
 * assert.deepEqual(gaps("IREN-MSFT-2025-11"), ["GPU cloud: its value includes the GPUs"]);
 * ```
 */
export function leasePlanGaps(deal: MinerAiDeal): string[] {
  return [
    ...(deal.event_kind === "contract" ? [] : [`not a contract but ${deal.event_kind}`]),
    ...(deal.structure === "GPU cloud" ? ["GPU cloud: its value includes the GPUs"] : []),
    ...(deal.critical_it_mw > 0 ? [] : ["no critical IT MW"]),
    ...(deal.contract_value_usd > 0 ? [] : ["no base-term value"]),
    ...(deal.term_years > 0 ? [] : ["no term"]),
  ];
}

/**
 * The lease a deal row describes, at the house's escalator and PUE. A row that cannot be one
 * ({@linkcode leasePlanGaps}) is a `RangeError` naming the deal and what it lacks.
 *
 * @example Hut 8 River Bend: $7.0B over 15 years on 245 MW of IT, triple net [S21]
 * ```ts
 * import { dealLeasePlan } from "./lease_plan.ts";
 * import { loadMinerAiDeals } from "../data/miner_ai_deals.ts";
 * import assert from "node:assert/strict";
 *
 * const deals = await loadMinerAiDeals();
 * const hut = deals.find((d) => d.deal_id === "HUT-FLUIDSTACK-2025-12")!;
 * const plan = dealLeasePlan(hut, { escalator: 0.03, pue: 1.3 });
 * assert.equal(plan.structure, "triple net");
 * assert.equal((plan.firstYearRent / 1e6).toFixed(3), "1.536"); // below the $1.905M average
 * assert.equal(plan.grossMw, 245 * 1.3);
 * const msft = deals.find((d) => d.deal_id === "IREN-MSFT-2025-11")!;
 * assert.throws(() => dealLeasePlan(msft, { escalator: 0.03, pue: 1.3 }),
 *   /^RangeError: Cannot plan deal IREN-MSFT-2025-11 as a lease: GPU cloud: its value includes the GPUs/);
 * ```
 */
export function dealLeasePlan(deal: MinerAiDeal, terms: LeaseTerms): LeasePlan {
  const gaps = leasePlanGaps(deal);
  if (gaps.length > 0) {
    throw new RangeError(`Cannot plan deal ${deal.deal_id} as a lease: ${gaps.join("; ")}`);
  }
  const it = itMw(deal.critical_it_mw);
  return {
    dealId: deal.deal_id,
    itMw: deal.critical_it_mw,
    grossMw: toMw(grossFromIt(it, terms.pue)),
    firstYearRent: firstYearRentFor(
      { contractValueUsd: deal.contract_value_usd, termYears: deal.term_years, itPower: it },
      { escalator: terms.escalator },
    ),
    escalator: terms.escalator,
    termYears: deal.term_years,
    structure: deal.structure === "lease NNN" ? "triple net" : "modified gross",
  };
}
