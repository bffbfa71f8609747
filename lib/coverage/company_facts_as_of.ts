/**
 * What a valuation of one company reads from `data/companies.csv` at one date: for each input
 * (operating and installed hashrate, fleet J/TH, BTC held, power operating, MW contracted to
 * HPC, shares, debt, convertibles, cash) the preferred company figure among those whose period
 * ended by the date, with its source; a figure nobody published stays missing, and the result
 * lists what is missing.
 *
 * @module
 */
import {
  type CompanyBasis,
  type CompanyFact,
  type CompanyMetric,
  comparePreference,
} from "../data/companies.ts";
import { isIsoDate } from "../units/calendar.ts";

/**
 * The inputs a valuation needs, each a metric and the bases that answer it, in order: a basis
 * is used only when no fact has an earlier one (`undefined`: any basis, all ranked together).
 * BTC held counts every coin the company counts (a `total`, else a count whose basis the
 * source does not state), never a figure without pledged coins; debt and convertibles are
 * balances (`outstanding`, else `not stated`), never an offering's issue size.
 */
export const VALUATION_INPUTS: Readonly<
  Partial<Record<CompanyMetric, readonly CompanyBasis[] | undefined>>
> = {
  hashrate_operating: undefined,
  hashrate_installed: undefined,
  hashrate_unspecified: undefined,
  fleet_efficiency: undefined,
  btc_held: ["total", "not stated"],
  power_operating: undefined,
  hpc_contracted_it: undefined,
  hpc_contracted_mw: undefined,
  hpc_operating_mw: undefined,
  shares_outstanding: undefined,
  debt_principal: ["outstanding", "not stated"],
  convertible_notes_principal: ["outstanding", "not stated"],
  cash: undefined,
};

/** One of the keys of {@linkcode VALUATION_INPUTS}. */
export type ValuationInput = keyof typeof VALUATION_INPUTS;

/** What {@linkcode companyFactsAsOf} returns. */
export interface CompanyFactsAsOf {
  /** The ticker asked for. */
  readonly ticker: string;
  /** The date asked for, `YYYY-MM-DD`. */
  readonly asOf: string;
  /** Each input's fact (value, unit, period, basis, source), or `undefined` when none. */
  readonly facts: Readonly<Record<ValuationInput, CompanyFact | undefined>>;
  /** The inputs no fact answers, in {@linkcode VALUATION_INPUTS} order. */
  readonly missing: readonly ValuationInput[];
}

/**
 * For `ticker` as of `asOf`, each valuation input's preferred company figure among the facts
 * whose period ended on or before `asOf`, on the first of its bases that has one
 * ({@linkcode VALUATION_INPUTS}), by {@linkcode comparePreference} (company release and SEC
 * filing over press relay over aggregator, then the latest period, then the latest source
 * date); and the inputs none answers.
 *
 * @example Riot as of the end of 2025
 * ```ts
 * import { loadCompanyFacts } from "../data/companies.ts";
 * import { companyFactsAsOf } from "./company_facts_as_of.ts";
 * import assert from "node:assert/strict";
 *
 * const riot = companyFactsAsOf(await loadCompanyFacts(), { ticker: "RIOT", asOf: "2025-12-31" });
 * assert.equal(riot.facts.shares_outstanding?.value, 371_807_186); // 10-Q cover, Oct 29, 2025
 * assert.equal(riot.facts.hashrate_operating?.unit, "EH/s");
 * assert.ok(riot.missing.includes("power_operating")); // only site figures were published
 * ```
 */
export function companyFactsAsOf(
  facts: readonly CompanyFact[],
  options: { readonly ticker: string; readonly asOf: string },
): CompanyFactsAsOf {
  const { ticker, asOf } = options;
  if (!isIsoDate(asOf)) {
    throw new RangeError(`Cannot read asOf: expected YYYY-MM-DD, got "${asOf}"`);
  }
  const known = facts.filter((f) =>
    f.ticker === ticker && f.scope === "company" && f.period_end <= asOf
  );
  const found: Partial<Record<ValuationInput, CompanyFact | undefined>> = {};
  const missing: ValuationInput[] = [];
  for (const input of Object.keys(VALUATION_INPUTS) as ValuationInput[]) {
    const ofMetric = known.filter((f) => f.metric === input);
    const bases = VALUATION_INPUTS[input];
    const candidates = bases === undefined ? ofMetric : bases
      .map((basis) => ofMetric.filter((f) => f.basis === basis))
      .find((facts) => facts.length > 0) ?? [];
    const best = candidates.toSorted(comparePreference)[0];
    found[input] = best;
    if (best === undefined) missing.push(input);
  }
  return {
    ticker,
    asOf,
    facts: found as Record<ValuationInput, CompanyFact | undefined>,
    missing,
  };
}
