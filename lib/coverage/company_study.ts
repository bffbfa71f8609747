/**
 * Everything one company's note shows, in one call: its preferred published figures with their
 * sources, its inputs and value under the house view, the value per share over the house view's
 * BTC prices and hashrate trends, its AI contracts, and the bridge from a previous run (by default
 * the same house view on its figures to the quarter end before). A note prints and draws these;
 * it computes none of them.
 *
 * @module
 */
import type { CompanyFact } from "../data/companies.ts";
import type { MinerAiDeal } from "../data/miner_ai_deals.ts";
import { dealTicker } from "../deals/deal_labels.ts";
import { type HouseAssumptions, overrideHouse } from "../house/house_assumptions.ts";
import { isIsoDate, quarterEndBefore } from "../units/calendar.ts";
import { formatPercent, formatUsd } from "../units/format.ts";
import { type CompanyFactsAsOf, companyFactsAsOf } from "./company_facts_as_of.ts";
import { companyInputs, type CompanyInputsResult } from "./company_inputs.ts";
import {
  type CompanyInputs,
  type CompanyPart,
  type CompanyValue,
  companyValue,
} from "./company_value.ts";
import { type BridgeStep, describeInput, type ValueBridge, valueBridge } from "./value_bridge.ts";

/** One published figure as the note's table prints it. */
export interface CompanyFactRow {
  /** The valuation input, in words ("shares outstanding"). */
  readonly input: string;
  /** The figure and its unit. */
  readonly value: string;
  /** The end of the period it is for. */
  readonly period: string;
  /** Its basis (e.g. operating, outstanding). */
  readonly basis: string;
  /** Source type and title, cut to 90 characters (the URL is in data/companies.csv). */
  readonly source: string;
}

/** One cell of the sensitivity grid: the P50 value per share at a BTC price and trend. */
export interface SensitivityCell {
  /** The BTC price, as printed. */
  readonly price: string;
  /** The hashrate trend against the price, a year, as printed. */
  readonly trend: string;
  /** P50 value per share, USD. */
  readonly usd: number;
}

/** The bridge from a previous run, or why there is none. */
export type CompanyBridge =
  | {
    readonly previousAsOf: string;
    readonly previousHouse: HouseAssumptions;
    readonly bridge: ValueBridge;
    /** The steps whose inputs changed, in order. */
    readonly moved: readonly BridgeStep[];
    /** The step that moved the value most, if any did. */
    readonly largest?: BridgeStep;
  }
  | { readonly previousAsOf: string; readonly why: string };

/** What {@linkcode companyStudy} returns. */
export interface CompanyStudy {
  /** The ticker. */
  readonly ticker: string;
  /** The company's name. */
  readonly company: string;
  /** The facts' date. */
  readonly asOf: string;
  /** The preferred figures as of that date. */
  readonly published: CompanyFactsAsOf;
  /** The model's inputs, or what is missing. */
  readonly result: CompanyInputsResult;
  /** The value under the house view, when the company has every input. */
  readonly value?: CompanyValue;
  /** The published figures the note lists, with their sources. */
  readonly factRows: readonly CompanyFactRow[];
  /** P50 value per share over the house's bear, start and bull price × trend −2σ, fitted, +2σ. */
  readonly sensitivity: readonly SensitivityCell[];
  /** The grid's lowest and highest cells (none when the company is not valued). */
  readonly sensitivityRange?: { readonly low: SensitivityCell; readonly high: SensitivityCell };
  /** Each part of the value with its value per diluted share (none when not valued). */
  readonly parts: readonly (CompanyPart & { readonly perShareUsd: number })[];
  /** The part largest in size, gain or loss (none when not valued). */
  readonly largestPart?: CompanyPart;
  /** The company's deals (by the ticker that starts each deal id). */
  readonly deals: readonly MinerAiDeal[];
  /** Its AI/HPC contracts among them. */
  readonly contracts: number;
  /** The bridge from the previous run. */
  readonly bridge: CompanyBridge;
}

/** Options of {@linkcode companyStudy}. */
export interface CompanyStudyOptions {
  /** The ticker. Required. */
  readonly ticker: string;
  /** The facts' date. Required. */
  readonly asOf: string;
  /** The previous run's facts date. Default: the quarter end before `asOf`. */
  readonly previousAsOf?: string;
  /** The previous run's house view. Default: this run's. */
  readonly previousHouse?: HouseAssumptions;
}

/** The published figures as the note's table prints them. */
function factRows(published: CompanyFactsAsOf): CompanyFactRow[] {
  return Object.entries(published.facts).flatMap(([input, f]) =>
    f === undefined ? [] : [{
      input: input.replaceAll("_", " "),
      value: `${f.value.toLocaleString("en-US")} ${f.unit}`,
      period: f.period_end,
      basis: f.basis,
      source: `${f.source_type}: ${f.source_title}`.slice(0, 90),
    }]
  );
}

/**
 * The P50 value per share at the house view's bear, start and bull BTC prices and its fitted
 * hashrate trend and two standard errors either side: nine cells, price by price, the house view
 * itself in the middle.
 *
 * @example
 * ```ts
 * import { valueSensitivity } from "./company_study.ts";
 * import { companyFactsAsOf } from "./company_facts_as_of.ts";
 * import { companyInputs } from "./company_inputs.ts";
 * import { companyValue } from "./company_value.ts";
 * import { loadCompanyFacts } from "../data/companies.ts";
 * import { loadMinerAiDeals } from "../data/miner_ai_deals.ts";
 * import { loadHouseAssumptions } from "../house/house_assumptions.ts";
 * import { formatUsd } from "../units/format.ts";
 * import assert from "node:assert/strict";
 *
 * const house = await loadHouseAssumptions();
 * const published = companyFactsAsOf(await loadCompanyFacts(), { ticker: "RIOT", asOf: "2025-12-31" });
 * const inputs = companyInputs(published, await loadMinerAiDeals(), house).inputs!;
 * const grid = valueSensitivity(inputs, house);
 * assert.deepEqual([...new Set(grid.map((c) => c.price))],
 *   [house.btcPrice.bearUsd, house.btcPrice.startUsd, house.btcPrice.bullUsd].map((p) => formatUsd(p)));
 * assert.equal(grid[4]!.usd, companyValue(inputs, house).perShareUsd.p50);
 * // At each hashrate trend, a higher BTC price is worth more per share.
 * for (let t = 0; t < 3; t++) assert.ok(grid[t]!.usd < grid[t + 3]!.usd && grid[t + 3]!.usd < grid[t + 6]!.usd);
 * ```
 */
export function valueSensitivity(
  inputs: CompanyInputs,
  house: HouseAssumptions,
): SensitivityCell[] {
  const prices = [house.btcPrice.bearUsd, house.btcPrice.startUsd, house.btcPrice.bullUsd];
  const trend = house.network.excessHashrateGrowthAnnual;
  const se = house.network.excessHashrateGrowthStdErr;
  return prices.flatMap((price) =>
    [trend - 2 * se, trend, trend + 2 * se].map((g) => ({
      price: formatUsd(price),
      trend: formatPercent(g, 1),
      usd: companyValue(
        inputs,
        overrideHouse(house, { btcStartUsd: price, excessHashrateGrowthAnnual: g }),
      ).perShareUsd.p50,
    }))
  );
}

/**
 * The study of one company.
 *
 * @example
 * ```ts
 * import { companyStudy } from "./company_study.ts";
 * import { loadCompanyFacts } from "../data/companies.ts";
 * import { loadMinerAiDeals } from "../data/miner_ai_deals.ts";
 * import { loadHouseAssumptions } from "../house/house_assumptions.ts";
 * import assert from "node:assert/strict";
 *
 * const facts = await loadCompanyFacts();
 * const deals = await loadMinerAiDeals();
 * const house = await loadHouseAssumptions();
 * const riot = companyStudy(facts, deals, house, { ticker: "RIOT", asOf: "2025-12-31" });
 * assert.equal(riot.company, "Riot Platforms, Inc.");
 * assert.equal(riot.sensitivity.length, 9);
 * // The grid's middle is the house view itself.
 * assert.equal(riot.sensitivity[4]!.usd, riot.value!.perShareUsd.p50);
 * assert.ok(riot.sensitivityRange!.low.usd <= riot.sensitivity[4]!.usd);
 * const perShare = riot.parts.reduce((a, p) => a + p.perShareUsd, 0);
 * assert.ok(Math.abs(perShare - riot.value!.perShareUsd.mean) < 1e-9);
 * assert.equal(riot.largestPart!.part, "BTC held");
 * assert.ok("bridge" in riot.bridge && riot.bridge.previousAsOf === "2025-09-30");
 * assert.throws(() => companyStudy(facts, deals, house, { ticker: "RIOT", asOf: "2025-12-31", previousAsOf: "2025-13-01" }),
 *   /Cannot study RIOT: previousAsOf is not a day \(YYYY-MM-DD\): "2025-13-01"/);
 * assert.throws(() => companyStudy(facts, deals, house, { ticker: "RIOTT", asOf: "2025-12-31" }),
 *   /data\/companies.csv has no ticker "RIOTT": expected one of .*RIOT/);
 * ```
 */
export function companyStudy(
  facts: readonly CompanyFact[],
  deals: readonly MinerAiDeal[],
  house: HouseAssumptions,
  options: CompanyStudyOptions,
): CompanyStudy {
  const { ticker, asOf } = options;
  const company = facts.find((f) => f.ticker === ticker)?.company;
  if (company === undefined) {
    throw new RangeError(
      `data/companies.csv has no ticker "${ticker}": expected one of ${
        [...new Set(facts.map((f) => f.ticker))].join(", ")
      }`,
    );
  }
  for (const [name, day] of [["asOf", asOf], ["previousAsOf", options.previousAsOf]] as const) {
    if (day !== undefined && !isIsoDate(day)) {
      throw new RangeError(`Cannot study ${ticker}: ${name} is not a day (YYYY-MM-DD): "${day}"`);
    }
  }
  const published = companyFactsAsOf(facts, { ticker, asOf });
  const result = companyInputs(published, deals, house);
  const value = result.inputs === undefined ? undefined : companyValue(result.inputs, house);
  const own = deals.filter((d) => dealTicker(d) === ticker);
  const previousAsOf = options.previousAsOf ?? quarterEndBefore(asOf);
  const previousHouse = options.previousHouse ?? house;
  const previous = companyInputs(
    companyFactsAsOf(facts, { ticker, asOf: previousAsOf }),
    deals,
    previousHouse,
  );
  let bridge: CompanyBridge;
  if (result.inputs === undefined) {
    bridge = { previousAsOf, why: `${ticker} is not valued to ${asOf}` };
  } else if (previous.inputs === undefined) {
    bridge = {
      previousAsOf,
      why: `${ticker} is not valued to ${previousAsOf}, as the data then held no ${
        previous.missing.join(", ")
      }`,
    };
  } else {
    const b = valueBridge(
      { inputs: previous.inputs, house: previousHouse },
      { inputs: result.inputs, house },
    );
    const moved = b.steps.filter((s) => s.changed.length > 0);
    const largest = moved.toSorted((x, y) => Math.abs(y.changeUsd) - Math.abs(x.changeUsd))[0];
    bridge = {
      previousAsOf,
      previousHouse,
      bridge: b,
      moved,
      ...(largest === undefined ? {} : { largest }),
    };
  }
  const sensitivity = result.inputs === undefined ? [] : valueSensitivity(result.inputs, house);
  const parts = value === undefined
    ? []
    : value.parts.map((p) => ({ ...p, perShareUsd: p.valueUsd / value.dilutedShares }));
  const bySize = parts.toSorted((a, b) => Math.abs(b.valueUsd) - Math.abs(a.valueUsd));
  return {
    ticker,
    company,
    asOf,
    published,
    result,
    ...(value === undefined ? {} : { value }),
    factRows: factRows(published),
    sensitivity,
    ...(sensitivity.length === 0 ? {} : {
      sensitivityRange: {
        low: sensitivity.reduce((a, b) => (b.usd < a.usd ? b : a)),
        high: sensitivity.reduce((a, b) => (b.usd > a.usd ? b : a)),
      },
    }),
    parts,
    ...(bySize[0] === undefined ? {} : { largestPart: bySize[0] }),
    deals: own,
    contracts: own.filter((d) => d.event_kind === "contract").length,
    bridge,
  };
}

/**
 * The bridge's changed inputs as table rows: driver, its change per share, the input's path and
 * both runs' values as printed.
 *
 * @example
 * ```ts
 * import { bridgeChangeRows } from "./company_study.ts";
 * import assert from "node:assert/strict";
 *
 * const step = { driver: "Shares", changeUsd: -0.01,
 *   changed: [{ path: "company.sharesOutstanding", previous: 371116000, current: 371807000 }] };
 * assert.deepEqual(bridgeChangeRows([step]), [{ driver: "Shares", perShare: "-$0.01",
 *   input: "company.sharesOutstanding", previous: "371,116,000", current: "371,807,000" }]);
 * ```
 */
export function bridgeChangeRows(
  steps: readonly BridgeStep[],
): { driver: string; perShare: string; input: string; previous: string; current: string }[] {
  return steps.flatMap((s) =>
    s.changed.map((c) => ({
      driver: s.driver,
      perShare: formatUsd(s.changeUsd),
      input: c.path,
      previous: describeInput(c.previous),
      current: describeInput(c.current),
    }))
  );
}
