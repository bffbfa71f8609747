/**
 * From a company's published facts (`data/companies.csv`, preferred figures as of a date) and its
 * AI contracts (`data/miner_ai_deals.csv`) to the inputs of {@linkcode companyValue}. A figure
 * nobody published stays missing, and a company missing one the model needs is not valued: the
 * result says which. Each input keeps the fact it came from, for the note's source list.
 *
 * Rules, each stated where it applies:
 * - hashrate: operating, else of unstated basis, else installed (the basis is kept);
 * - debt: the published principal less the convertibles when its wording says it includes them
 *   (e.g. Riot's "converts + BTC-backed credit facility"), so nothing is counted twice;
 * - convertibles: valued as debt, as no conversion price is in the data;
 * - leases: the company's contracts with a critical-IT MW, a base-term value and a term (GPU-cloud
 *   contracts excluded: their value includes the GPUs), with year-one rent from the base-term
 *   value at the house escalator.
 *
 * @module
 */
import type { CompanyFact } from "../data/companies.ts";
import type { CompanyFactsAsOf } from "./company_facts_as_of.ts";
import { dealLeasePlan, leasePlanGaps } from "../deals/lease_plan.ts";
import { dealTicker } from "../deals/deal_labels.ts";
import type { MinerAiDeal } from "../data/miner_ai_deals.ts";
import type { HouseAssumptions } from "../house/house_assumptions.ts";
import type { CompanyInputs, CompanyLease } from "./company_value.ts";

/** What the company model needs and a company may not have published. */
export const REQUIRED_INPUTS = [
  "hashrate",
  "fleet efficiency",
  "BTC held",
  "cash",
  "debt",
  "shares outstanding",
] as const;

/** One of {@linkcode REQUIRED_INPUTS}. */
export type RequiredInput = typeof REQUIRED_INPUTS[number];

/** The model's inputs for a company, or why it cannot be valued. */
export interface CompanyInputsResult {
  /** The ticker. */
  readonly ticker: string;
  /** The inputs, when nothing the model needs is missing. */
  readonly inputs?: CompanyInputs;
  /** What the company has not published that the model needs. */
  readonly missing: readonly RequiredInput[];
  /** The fact behind each input, by input. */
  readonly sources: Readonly<Partial<Record<RequiredInput | "convertibles", CompanyFact>>>;
  /** How an input was read where a rule applied, in words. */
  readonly notes: readonly string[];
}

/**
 * The company's leases that a rent can be read from, planned from their deal rows at the house's
 * escalator and AI PUE ({@linkcode dealLeasePlan}); a deal that cannot be a lease
 * ({@linkcode leasePlanGaps}), such as a GPU-cloud contract, is left out.
 *
 * @example Hut 8's two triple-net leases; IREN's Microsoft contract is GPU cloud
 * ```ts
 * import { companyLeases } from "./company_inputs.ts";
 * import { loadMinerAiDeals } from "../data/miner_ai_deals.ts";
 * import { loadHouseAssumptions } from "../house/house_assumptions.ts";
 * import assert from "node:assert/strict";
 *
 * const deals = await loadMinerAiDeals();
 * const house = await loadHouseAssumptions();
 * const hut = companyLeases("HUT", deals, house);
 * assert.deepEqual(hut.map((l) => [l.dealId, l.itMw, l.structure]), [
 *   ["HUT-FLUIDSTACK-2025-12", 245, "triple net"],
 *   ["HUT-BEACONPOINT-2026-05", 352, "triple net"],
 * ]);
 * assert.ok(!companyLeases("IREN", deals, house).some((l) => l.dealId === "IREN-MSFT-2025-11"));
 * assert.deepEqual(companyLeases("NONE", deals, house), []);
 * ```
 */
export function companyLeases(
  ticker: string,
  deals: readonly MinerAiDeal[],
  house: HouseAssumptions,
): CompanyLease[] {
  const terms = { escalator: house.ai.escalator, pue: house.ai.pue };
  return deals
    .filter((d) => dealTicker(d) === ticker && leasePlanGaps(d).length === 0)
    .map((d) => {
      const plan = dealLeasePlan(d, terms);
      return {
        dealId: plan.dealId,
        itMw: plan.itMw,
        firstYearRentUsdPerItMw: plan.firstYearRent,
        escalator: plan.escalator,
        termYears: plan.termYears,
        structure: plan.structure,
      };
    });
}

/**
 * The model's inputs for one company.
 *
 * @example Riot at the end of 2025: its debt figure includes its convertibles
 * ```ts
 * import { loadCompanyFacts } from "../data/companies.ts";
 * import { companyFactsAsOf } from "./company_facts_as_of.ts";
 * import { loadMinerAiDeals } from "../data/miner_ai_deals.ts";
 * import { loadHouseAssumptions } from "../house/house_assumptions.ts";
 * import { companyInputs } from "./company_inputs.ts";
 * import assert from "node:assert/strict";
 *
 * const facts = companyFactsAsOf(await loadCompanyFacts(), { ticker: "RIOT", asOf: "2025-12-31" });
 * const riot = companyInputs(facts, await loadMinerAiDeals(), await loadHouseAssumptions());
 * assert.deepEqual(riot.missing, []);
 * assert.equal(riot.inputs!.debtUsd, 794e6 - 594e6); // "converts + BTC-backed credit facility"
 * assert.equal(riot.inputs!.convertibles[0]!.principalUsd, 594e6);
 * ```
 */
export function companyInputs(
  asOf: CompanyFactsAsOf,
  deals: readonly MinerAiDeal[],
  house: HouseAssumptions,
): CompanyInputsResult {
  const f = asOf.facts;
  const notes: string[] = [];
  const sources: Partial<Record<RequiredInput | "convertibles", CompanyFact>> = {};
  const missing: RequiredInput[] = [];
  const take = (input: RequiredInput, fact: CompanyFact | undefined): number | undefined => {
    if (fact === undefined) {
      missing.push(input);
      return undefined;
    }
    sources[input] = fact;
    return fact.value;
  };
  const hashFact = f.hashrate_operating ?? f.hashrate_unspecified ?? f.hashrate_installed;
  if (hashFact !== undefined && hashFact.metric !== "hashrate_operating") {
    notes.push(
      `hashrate: no operating figure, so the ${
        hashFact.metric.replace("hashrate_", "")
      } one (${hashFact.value} EH/s)`,
    );
  }
  const hashrate = take("hashrate", hashFact);
  const efficiency = take("fleet efficiency", f.fleet_efficiency);
  const btc = take("BTC held", f.btc_held);
  const cash = take("cash", f.cash);
  const shares = take("shares outstanding", f.shares_outstanding);
  const converts = f.convertible_notes_principal;
  if (converts !== undefined) sources.convertibles = converts;
  let debt = take("debt", f.debt_principal);
  const debtFact = f.debt_principal;
  if (debt !== undefined && debtFact !== undefined && converts !== undefined) {
    const wording = `${debtFact.basis_as_stated} ${debtFact.figure_as_stated}`;
    if (/convert/i.test(wording) && !/exclud/i.test(wording)) {
      debt = debt - converts.value;
      notes.push(
        `debt: the published ${debtFact.value} includes the convertibles, so ${converts.value} is taken out of it`,
      );
    }
  }
  if (converts !== undefined) {
    notes.push("convertibles: valued as debt (no conversion price in the data)");
  }
  const base = { ticker: asOf.ticker, missing, sources, notes };
  if (missing.length > 0) return base;
  return {
    ...base,
    inputs: {
      ticker: asOf.ticker,
      asOf: asOf.asOf,
      hashrateEhs: hashrate!,
      fleetJPerTh: efficiency!,
      btcHeld: btc!,
      cashUsd: cash!,
      debtUsd: Math.max(0, debt!),
      convertibles: converts === undefined ? [] : [{ principalUsd: converts.value }],
      sharesOutstanding: shares!,
      leases: companyLeases(asOf.ticker, deals, house),
      pipelineItMw: 0,
    },
  };
}
