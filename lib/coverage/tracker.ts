/**
 * The coverage tracker: every listed miner in `data/companies.csv` on one row, from its preferred
 * published facts as of a date and the house view. What sell-side trackers put side by side
 * (JPMorgan's twice-monthly note: combined EH/s and share of network, block reward per EH/s, each
 * company's value against its share of four years of block rewards,
 * https://staging.coindesk.com/markets/2024/10/16/us-listed-bitcoin-miners-hit-record-29-of-network-hashrate-in-october-jpmorgan):
 * hashrate and its share of the network, fleet J/TH, BTC held, HPC MW contracted, its share of the
 * next four years' issuance, and, where the company publishes what the model needs, its sum of the
 * parts per share; where it does not, what is missing.
 *
 * @module
 */
import type { CompanyFact } from "../data/companies.ts";
import { companyFactsAsOf } from "./company_facts_as_of.ts";
import type { MinerAiDeal } from "../data/miner_ai_deals.ts";
import { networkIssuance } from "../company/production.ts";
import type { HouseAssumptions } from "../house/house_assumptions.ts";
import { companyInputs, type CompanyInputsResult } from "./company_inputs.ts";
import { type CompanyValue, companyValue } from "./company_value.ts";

/** One company's row. */
export interface TrackerRow {
  /** Ticker. */
  readonly ticker: string;
  /** Company name. */
  readonly company: string;
  /** Hashrate, EH/s (operating where published), NaN where none is. */
  readonly hashrateEhs: number;
  /** Which hashrate it is: operating, unspecified or installed; "" where none. */
  readonly hashrateBasis: string;
  /** Share of the network's hashrate (the house view's 30-day mean). */
  readonly networkShare: number;
  /** BTC of the next four years' issuance (subsidy and fees) at that share. */
  readonly fourYearRewardBtc: number;
  /** Fleet J/TH, NaN where not published. */
  readonly fleetJPerTh: number;
  /** BTC held, NaN where not published. */
  readonly btcHeld: number;
  /** HPC capacity contracted, critical IT MW, NaN where not published. */
  readonly hpcContractedItMw: number;
  /** The valuation, where the company publishes what the model needs. */
  readonly value?: CompanyValue;
  /** What the model needs and the company has not published. */
  readonly missing: readonly string[];
  /** The model's inputs and their sources. */
  readonly inputs: CompanyInputsResult;
}

/** The tracker. */
export interface Tracker {
  /** The facts' as-of date. */
  readonly asOf: string;
  /** The house view's data date (network, price). */
  readonly houseAsOf: string;
  /** Network hashrate, EH/s. */
  readonly networkEhs: number;
  /** BTC issued over the next four years at the recent block rate, subsidy and fees. */
  readonly fourYearIssuanceBtc: number;
  /** One row per ticker, by hashrate, largest first (companies with none last). */
  readonly rows: readonly TrackerRow[];
  /** Combined hashrate of the covered miners, EH/s. */
  readonly combinedEhs: number;
  /** Their combined share of the network's hashrate. */
  readonly combinedShare: number;
}

/**
 * Builds the tracker.
 *
 * @example
 * ```ts
 * import { loadCompanyFacts } from "../data/companies.ts";
 * import { loadMinerAiDeals } from "../data/miner_ai_deals.ts";
 * import { loadHouseAssumptions } from "../house/house_assumptions.ts";
 * import { coverageTracker } from "./tracker.ts";
 * import assert from "node:assert/strict";
 *
 * const t = coverageTracker(await loadCompanyFacts(), await loadMinerAiDeals(), await loadHouseAssumptions(),
 *   { asOf: "2026-06-30" });
 * assert.equal(t.rows.length, 16);
 * const riot = t.rows.find((r) => r.ticker === "RIOT")!;
 * assert.ok(Math.abs(riot.networkShare - riot.hashrateEhs / t.networkEhs) < 1e-12);
 * assert.equal(t.combinedShare, t.combinedEhs / t.networkEhs);
 * assert.ok(riot.value !== undefined && riot.missing.length === 0);
 * ```
 */
export function coverageTracker(
  facts: readonly CompanyFact[],
  deals: readonly MinerAiDeal[],
  house: HouseAssumptions,
  options: { readonly asOf: string },
): Tracker {
  const networkEhs = house.network.hashrate / 1e6;
  const issuance = networkIssuance({
    startHeight: house.startHeight,
    months: 48,
    feesBtcPerBlock: house.feesBtcPerBlock,
  }, { blocksPerDay: house.blocksPerDay });
  const fourYear = issuance.issuanceBtc.reduce((a, b) => a + b, 0);
  const tickers = [...new Set(facts.map((f) => f.ticker))];
  const rows = tickers.map((ticker): TrackerRow => {
    const asOf = companyFactsAsOf(facts, { ticker, asOf: options.asOf });
    const f = asOf.facts;
    const hash = f.hashrate_operating ?? f.hashrate_unspecified ?? f.hashrate_installed;
    const hashrate = hash?.value ?? NaN;
    const share = Number.isFinite(hashrate) ? hashrate / networkEhs : NaN;
    const inputs = companyInputs(asOf, deals, house);
    return {
      ticker,
      company: facts.find((x) => x.ticker === ticker)!.company,
      hashrateEhs: hashrate,
      hashrateBasis: hash === undefined ? "" : hash.metric.replace("hashrate_", ""),
      networkShare: share,
      fourYearRewardBtc: share * fourYear,
      fleetJPerTh: f.fleet_efficiency?.value ?? NaN,
      btcHeld: f.btc_held?.value ?? NaN,
      hpcContractedItMw: f.hpc_contracted_it?.value ?? NaN,
      ...(inputs.inputs === undefined ? {} : { value: companyValue(inputs.inputs, house) }),
      missing: inputs.missing,
      inputs,
    };
  }).toSorted((a, b) =>
    (Number.isFinite(b.hashrateEhs) ? b.hashrateEhs : -1) -
      (Number.isFinite(a.hashrateEhs) ? a.hashrateEhs : -1) || a.ticker.localeCompare(b.ticker)
  );
  const combinedEhs = rows.reduce(
    (a, r) => a + (Number.isFinite(r.hashrateEhs) ? r.hashrateEhs : 0),
    0,
  );
  return {
    asOf: options.asOf,
    houseAsOf: house.asOf,
    networkEhs,
    fourYearIssuanceBtc: fourYear,
    rows,
    combinedEhs,
    combinedShare: combinedEhs / networkEhs,
  };
}
