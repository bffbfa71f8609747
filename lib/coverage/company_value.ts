/**
 * A listed miner valued as sell-side coverage values it: a sum of the parts from the company's
 * facts and the house view, per share as a distribution over the house's Monte Carlo paths.
 *
 * - **Mining leg**: the operating hashrate at the fleet's J/TH, as a site under the house model
 *   (power at the company's price where it reports one, else the house's; the house's site costs
 *   per TH/s hashed; switched off in months below its cash cost), discounted at the house rate
 *   over a four-year horizon, JPMorgan's convention of valuing miners on four years of gross profit
 *   (https://binance.com/en-IN/square/post/17412339957489). Shown beside it: four-year gross profit
 *   (undiscounted) and EV per EH/s.
 * - **HPC/AI leg**: each contracted lease as its first full year of NOI capitalised at the house
 *   cap rate (the convention of Cantor and KBW,
 *   https://ng.investing.com/news/analyst-ratings/cantor-fitzgerald-bullish-on-applied-blockchain-stock-initiates-coverage-at-outperform-93CH-1686730),
 *   with the DCF of its rent schedule beside it; unsigned pipeline MW at the house value of a
 *   leased AI MW, weighted by the house probability of signing.
 * - **Balance sheet**: BTC held at the house start price, cash, debt; convertible notes as debt
 *   unless the value per share before them exceeds their conversion price, in which case they
 *   convert into shares.
 *
 * @module
 */
import { DEFAULT_NOI_MARGIN, type LeaseStructure } from "../compute/colocation.ts";
import { percentiles } from "../finance/percentiles.ts";
import type { HouseAssumptions } from "../house/house_assumptions.ts";
import { houseHashpricePaths, houseMwValues, houseSitePlan } from "../house/house_values.ts";
import { siteCashFlows } from "../site/site_cash_flows.ts";
import { siteNpv } from "../site/site_npv.ts";
import type { SitePlan } from "../site/site_plan.ts";
import { finite, nonNegative, positive } from "../units/checks.ts";
import { jPerTh } from "../units/efficiency.ts";
import { grossMw } from "../units/power.ts";
import { usdPerKwh } from "../units/prices.ts";

/** A contracted AI/HPC lease of the company. */
export interface CompanyLease {
  /** `deal_id` in `data/miner_ai_deals.csv`. */
  readonly dealId: string;
  /** Critical IT MW leased. */
  readonly itMw: number;
  /** Year-one rent per IT MW, USD. */
  readonly firstYearRentUsdPerItMw: number;
  /** Rent escalator a year. */
  readonly escalator: number;
  /** Years left on the base term. */
  readonly termYears: number;
  /** Who pays the operating costs (sets the NOI margin). */
  readonly structure: LeaseStructure;
}

/** A convertible note. */
export interface ConvertibleNote {
  /** Principal, USD. */
  readonly principalUsd: number;
  /** Conversion price per share, USD; unknown: always valued as debt. */
  readonly conversionPriceUsd?: number;
}

/** What the model needs of one company at one date. */
export interface CompanyInputs {
  /** Ticker. */
  readonly ticker: string;
  /** The date the facts are as of, `YYYY-MM-DD`. */
  readonly asOf: string;
  /** Operating (self-mining) hashrate, EH/s. */
  readonly hashrateEhs: number;
  /** Fleet efficiency, J/TH. */
  readonly fleetJPerTh: number;
  /** The company's power price, USD/kWh; default the house view's. */
  readonly powerPriceUsdPerKwh?: number;
  /** Bitcoin held. */
  readonly btcHeld: number;
  /** Cash, USD. */
  readonly cashUsd: number;
  /** Debt principal other than convertibles, USD. */
  readonly debtUsd: number;
  /** Convertible notes. */
  readonly convertibles: readonly ConvertibleNote[];
  /** Common shares outstanding. */
  readonly sharesOutstanding: number;
  /** Contracted AI/HPC leases. */
  readonly leases: readonly CompanyLease[];
  /** Critical IT MW in the pipeline, not signed. */
  readonly pipelineItMw: number;
}

/** One part of the company's value. */
export interface CompanyPart {
  /** Name of the part. */
  readonly part: string;
  /** Its value, USD: the mean over the paths for the mining leg. */
  readonly valueUsd: number;
  /** How it was valued. */
  readonly basis: string;
}

/** A company valued under the house view. */
export interface CompanyValue {
  /** Ticker. */
  readonly ticker: string;
  /** The parts, in waterfall order; they sum to `equityMeanUsd`. */
  readonly parts: readonly CompanyPart[];
  /** Equity value, USD, on each path (the mining leg moves with the path). */
  readonly equityUsd: Float64Array;
  /** Mean equity value, USD. */
  readonly equityMeanUsd: number;
  /** Diluted shares (convertibles in the money converted). */
  readonly dilutedShares: number;
  /** Value per share: P10, P50, P90 over the paths and the mean, USD. */
  readonly perShareUsd: {
    readonly p10: number;
    readonly p50: number;
    readonly p90: number;
    readonly mean: number;
  };
  /** Mining leg: mean NPV per EH/s, USD. */
  readonly miningUsdPerEhs: number;
  /** Mining leg: four years of gross profit, undiscounted, mean over the paths, USD. */
  readonly fourYearGrossProfitUsd: number;
  /** Contracted HPC leases' DCF of rent less operating costs (NOI) over their terms, USD. */
  readonly leasesDcfUsd: number;
  /** Contracted and probability-weighted pipeline IT MW: what the AI legs value. */
  readonly aiItMw: number;
  /** The AI legs' value, USD (leases at the cap rate plus the weighted pipeline). */
  readonly aiValueUsd: number;
}

/** Options of {@linkcode companyValue}. */
export interface CompanyValueOptions {
  /** Months of mining valued. Default 48: four years of gross profit, JPMorgan's convention. */
  readonly miningHorizonMonths?: number;
}

/**
 * NOI of the first full year of a lease, USD: IT MW × year-one rent × the structure's NOI margin.
 *
 * @example
 * ```ts
 * import { firstYearNoi } from "./company_value.ts";
 * import { DEFAULT_NOI_MARGIN } from "../compute/colocation.ts";
 * import assert from "node:assert/strict";
 *
 * const lease = { dealId: "X", itMw: 100, firstYearRentUsdPerItMw: 1.5e6, escalator: 0.03,
 *   termYears: 10, structure: "triple net" as const };
 * assert.equal(firstYearNoi(lease), 100 * 1.5e6 * DEFAULT_NOI_MARGIN["triple net"]);
 * ```
 */
export function firstYearNoi(lease: CompanyLease): number {
  return lease.itMw * lease.firstYearRentUsdPerItMw * DEFAULT_NOI_MARGIN[lease.structure];
}

/** DCF of a lease's NOI at `rate`, month-end flows, rent stepping up yearly. */
function leaseDcf(lease: CompanyLease, rate: number): number {
  let value = 0;
  const monthly = firstYearNoi(lease) / 12;
  for (let m = 0; m < Math.round(lease.termYears * 12); m++) {
    value += monthly * (1 + lease.escalator) ** Math.floor(m / 12) / (1 + rate) ** ((m + 1) / 12);
  }
  return value;
}

function checkInputs(c: CompanyInputs): void {
  const where = (field: string) => `${c.ticker}.${field}`;
  nonNegative(where("hashrateEhs"), c.hashrateEhs);
  if (c.hashrateEhs > 0) positive(where("fleetJPerTh"), c.fleetJPerTh);
  nonNegative(where("btcHeld"), c.btcHeld);
  finite(where("cashUsd"), c.cashUsd);
  nonNegative(where("debtUsd"), c.debtUsd);
  positive(where("sharesOutstanding"), c.sharesOutstanding);
  nonNegative(where("pipelineItMw"), c.pipelineItMw);
  for (const [i, n] of c.convertibles.entries()) {
    nonNegative(where(`convertibles[${i}].principalUsd`), n.principalUsd);
    if (n.conversionPriceUsd !== undefined) {
      positive(where(`convertibles[${i}].conversionPriceUsd`), n.conversionPriceUsd);
    }
  }
  for (const [i, l] of c.leases.entries()) {
    positive(where(`leases[${i}].itMw`), l.itMw);
    positive(where(`leases[${i}].firstYearRentUsdPerItMw`), l.firstYearRentUsdPerItMw);
    positive(where(`leases[${i}].termYears`), l.termYears);
  }
}

/**
 * Values a company under the house view.
 *
 * @example A miner with 10 EH/s, 500 BTC, one lease and no debt
 * ```ts
 * import { loadHouseAssumptions } from "../house/house_assumptions.ts";
 * import { companyValue } from "./company_value.ts";
 * import assert from "node:assert/strict";
 *
 * const house = await loadHouseAssumptions();
 * const v = companyValue({
 *   ticker: "TEST", asOf: "2026-06-01", hashrateEhs: 10, fleetJPerTh: 20, btcHeld: 500,
 *   cashUsd: 100e6, debtUsd: 0, convertibles: [], sharesOutstanding: 100e6, pipelineItMw: 0,
 *   leases: [{ dealId: "X", itMw: 100, firstYearRentUsdPerItMw: 1.5e6, escalator: 0.03, termYears: 10, structure: "triple net" }],
 * }, house);
 * const part = (name: string) => v.parts.find((p) => p.part === name)!.valueUsd;
 * assert.equal(part("BTC held"), 500 * house.btcPrice.startUsd);
 * assert.ok(Math.abs(v.equityMeanUsd - v.parts.reduce((a, p) => a + p.valueUsd, 0)) < 1e-3);
 * assert.ok(v.perShareUsd.p10 <= v.perShareUsd.p50 && v.perShareUsd.p50 <= v.perShareUsd.p90);
 * ```
 */
export function companyValue(
  company: CompanyInputs,
  house: HouseAssumptions,
  options: CompanyValueOptions = {},
): CompanyValue {
  checkInputs(company);
  const months = options.miningHorizonMonths ?? 48;
  const rate = house.discountRate;
  const pue = house.miningPue;
  const power = company.powerPriceUsdPerKwh ?? house.powerPriceUsdPerKwh;

  // Mining leg: the fleet as a site under the house model, per path.
  const ths = company.hashrateEhs * 1e6;
  const miningGrossMw = ths * company.fleetJPerTh * pue / 1e6;
  const paths = houseHashpricePaths(house, months);
  const n = paths.pathCount;
  const miningNpv = new Float64Array(n);
  let grossProfit = 0;
  if (miningGrossMw > 0) {
    const base = houseSitePlan(house, miningGrossMw);
    const plan: SitePlan = {
      ...base,
      grossPower: grossMw(miningGrossMw),
      horizonMonths: months,
      mining: {
        ...base.mining,
        efficiency: jPerTh(company.fleetJPerTh),
        powerPrice: usdPerKwh(power),
      },
    };
    for (let p = 0; p < n; p++) {
      const flows = siteCashFlows({
        ...plan,
        mining: { ...plan.mining, hashprice: paths.paths.subarray(p * months, (p + 1) * months) },
      }, { aiShare: 0 });
      miningNpv[p] = siteNpv(flows, { discountRate: rate });
      for (let m = 0; m < months; m++) grossProfit += flows.miningEbitda[m]!;
    }
    grossProfit /= n;
  }
  const miningMean = miningNpv.reduce((a, b) => a + b, 0) / n;

  // AI legs: leases at the cap rate; the pipeline at the house mark, weighted.
  const leasesCapped = company.leases.reduce((a, l) => a + firstYearNoi(l) / house.capRate, 0);
  const leasesDcf = company.leases.reduce((a, l) => a + leaseDcf(l, rate), 0);
  const aiMarkPerItMw = houseMwValues(house).aiMarkUsdPerGrossMw * house.ai.pue;
  const pipelineWeighted = company.pipelineItMw * house.leaseSigningProbability;
  const pipelineValue = pipelineWeighted * aiMarkPerItMw;
  const contractedMw = company.leases.reduce((a, l) => a + l.itMw, 0);

  // Balance sheet; convertibles convert when the value per share before them beats their price.
  const btcValue = company.btcHeld * house.btcPrice.startUsd;
  const beforeConverts = miningMean + leasesCapped + pipelineValue + btcValue + company.cashUsd -
    company.debtUsd;
  let shares = company.sharesOutstanding;
  let convertibleDebt = 0;
  for (const note of company.convertibles) {
    const price = note.conversionPriceUsd;
    const perShare = (beforeConverts - convertibleDebt) / shares;
    if (price !== undefined && perShare > price) shares += note.principalUsd / price;
    else convertibleDebt += note.principalUsd;
  }
  const fixed = leasesCapped + pipelineValue + btcValue + company.cashUsd - company.debtUsd -
    convertibleDebt;
  const equity = miningNpv.map((v) => v + fixed);
  const perShare = Array.from(equity, (e) => e / shares);
  const [p10, p50, p90] = percentiles(perShare, [10, 50, 90]) as [number, number, number];
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const parts: CompanyPart[] = [
    {
      part: "Mining",
      valueUsd: miningMean,
      basis: `${company.hashrateEhs} EH/s at ${company.fleetJPerTh} J/TH, ${months}-month DCF at ` +
        `${pct(rate)}, mean of ${n} paths`,
    },
    {
      part: "AI leases",
      valueUsd: leasesCapped,
      basis: `${contractedMw.toFixed(0)} IT MW contracted, first-year NOI at a ${
        pct(house.capRate)
      } cap rate`,
    },
    {
      part: "AI pipeline",
      valueUsd: pipelineValue,
      basis:
        `${company.pipelineItMw.toFixed(0)} IT MW unsigned × ${
          pct(house.leaseSigningProbability)
        } ` +
        `signing probability at the house AI mark`,
    },
    { part: "BTC held", valueUsd: btcValue, basis: `${company.btcHeld} BTC at the house price` },
    { part: "Cash", valueUsd: company.cashUsd, basis: "as reported" },
    { part: "Debt", valueUsd: -company.debtUsd, basis: "principal, as reported" },
    {
      part: "Convertible notes",
      valueUsd: -convertibleDebt,
      basis: "principal of notes out of the money (the rest convert into shares)",
    },
  ];
  return {
    ticker: company.ticker,
    parts,
    equityUsd: equity,
    equityMeanUsd: miningMean + fixed,
    dilutedShares: shares,
    perShareUsd: { p10, p50, p90, mean: (miningMean + fixed) / shares },
    miningUsdPerEhs: company.hashrateEhs > 0 ? miningMean / company.hashrateEhs : 0,
    fourYearGrossProfitUsd: grossProfit,
    leasesDcfUsd: leasesDcf,
    aiItMw: contractedMw + pipelineWeighted,
    aiValueUsd: leasesCapped + pipelineValue,
  };
}

/**
 * The reverse sum of the parts: the value per IT MW of the AI legs that a market value implies,
 * holding every other part at the house view's mean. A market value is never assumed: the user
 * supplies it.
 *
 * @example
 * ```ts
 * import { impliedAiUsdPerItMw } from "./company_value.ts";
 * import assert from "node:assert/strict";
 *
 * const value = { equityMeanUsd: 2e9, aiValueUsd: 1.2e9, aiItMw: 100, dilutedShares: 1e8 };
 * // Without the AI legs the company is worth 0.8B; a 2.8B market value leaves 2.0B for 100 MW.
 * assert.equal(impliedAiUsdPerItMw(value, 2.8e9), 20e6);
 * assert.throws(() => impliedAiUsdPerItMw({ ...value, aiItMw: 0 }, 2.8e9), /no AI MW \(aiItMw 0\)/);
 * ```
 */
export function impliedAiUsdPerItMw(
  value: Pick<CompanyValue, "equityMeanUsd" | "aiValueUsd" | "aiItMw">,
  marketCapUsd: number,
): number {
  positive("marketCapUsd", marketCapUsd);
  if (!(value.aiItMw > 0)) {
    throw new RangeError(
      `Cannot imply an AI value per MW: the company has no AI MW (aiItMw ${value.aiItMw})`,
    );
  }
  return (marketCapUsd - (value.equityMeanUsd - value.aiValueUsd)) / value.aiItMw;
}
