/**
 * What a megawatt is worth under the house view, computed once so that every note that states
 * it states the same number: a MW kept mining (today's fleet, never refreshed, with its site
 * costs paid per TH/s hashed, switched off in months below its cash cost) and a MW leased to an AI tenant on the
 * template lease (built at the median disclosed cost), both as a central-case NPV over the
 * lease's base term at the house discount rate (mining averaged over the house's Monte Carlo
 * paths, as a fleet that can switch off is an option); the AI MW also as the sum-of-the-parts mark
 * sell-side notes use (first full year of NOI capitalised at the cap rate, less the build).
 *
 * The central case: the BTC price flat at the house start, the network's hashrate on its fitted
 * trend in excess of the price, fees and the block rate as today.
 *
 * @module
 */
import { dealLeasePlan } from "../deals/lease_plan.ts";
import { gbmPaths } from "../finance/gbm_paths.ts";
import { hashratePaths } from "../finance/hashrate_paths.ts";
import { hashpriceScenarios } from "../site/hashprice_scenarios.ts";
import { siteCashFlows } from "../site/site_cash_flows.ts";
import { siteNpv } from "../site/site_npv.ts";
import { siteNpvPaths } from "../site/site_npv_paths.ts";
import type { PathSet } from "../finance/path_set.ts";
import type { SitePlan } from "../site/site_plan.ts";
import { jPerTh } from "../units/efficiency.ts";
import { grossMw } from "../units/power.ts";
import { usdPerKwh } from "../units/prices.ts";
import type { HouseAssumptions } from "./house_assumptions.ts";

/**
 * Monthly USD hashprice of the central case, month 1 first: no volatility, the price flat and the
 * hashrate on its fitted trend.
 *
 * @example
 * ```ts
 * import { loadHouseAssumptions } from "./house_assumptions.ts";
 * import { centralHashprice } from "./house_values.ts";
 * import assert from "node:assert/strict";
 *
 * const house = await loadHouseAssumptions();
 * const path = centralHashprice(house, 60);
 * assert.equal(path.length, 60);
 * assert.ok(path[59]! < path[0]!); // a halving inside five years halves the subsidy
 * ```
 */
export function centralHashprice(house: HouseAssumptions, months: number): Float64Array {
  const common = { steps: months, stepYears: 1 / 12, paths: 1, seed: 1 } as const;
  return hashpriceScenarios({
    btcPrice: gbmPaths({ ...common, start: house.btcPrice.startUsd, driftAnnual: 0, volAnnual: 0 }),
    networkHashrate: hashratePaths({
      ...common,
      start: house.network.hashrate,
      growthAnnual: house.network.excessHashrateGrowthAnnual,
      volAnnual: 0,
    }),
    startHeight: house.startHeight,
    feesBtcPerBlock: house.feesBtcPerBlock,
  }, { blocksPerDay: house.blocksPerDay }).paths;
}

/**
 * The house view's site plan for `grossMw` MW over the template lease's base term: today's fleet
 * with its site costs in the back, the template lease in the front.
 *
 * @example
 * ```ts
 * import { loadHouseAssumptions } from "./house_assumptions.ts";
 * import { houseSitePlan } from "./house_values.ts";
 * import assert from "node:assert/strict";
 *
 * const house = await loadHouseAssumptions();
 * const plan = houseSitePlan(house, 300);
 * assert.equal(plan.horizonMonths, house.ai.leaseDeal.term_years * 12);
 * assert.equal(plan.mining.efficiency, house.fleetJPerTh);
 * ```
 */
export function houseSitePlan(house: HouseAssumptions, grossMegawatts: number): SitePlan {
  // The template lease as the models run it: year-one rent at the house escalator, its type.
  const lease = dealLeasePlan(house.ai.leaseDeal, {
    escalator: house.ai.escalator,
    pue: house.ai.pue,
  });
  const months = lease.termYears * 12;
  return {
    grossPower: grossMw(grossMegawatts),
    horizonMonths: months,
    mining: {
      efficiency: jPerTh(house.fleetJPerTh),
      pue: house.miningPue,
      hashprice: centralHashprice(house, months),
      powerPrice: usdPerKwh(house.powerPriceUsdPerKwh),
      otherOpexUsdPerMwMonth: house.siteCostUsdPerMwMonth,
      otherOpexWhileOff: false, // a cash hash cost is per TH/s hashed
    },
    ai: {
      kind: "colocation",
      pue: house.ai.pue,
      firstYearRent: lease.firstYearRent,
      escalator: lease.escalator,
      structure: lease.structure,
      capexUsdPerItMw: house.ai.buildCostUsdPerItMw,
      constructionMonths: house.ai.constructionMonths,
    },
  };
}

/**
 * The house view's Monte Carlo paths of the BTC price (a driftless GBM from the house start at the
 * fitted volatility) and of the network's hashrate (its fitted excess growth and volatility, on
 * an independent seed, `seed + 1`), `house.view.simulation` paths of `months` monthly steps.
 *
 * @example
 * ```ts
 * import { loadHouseAssumptions } from "./house_assumptions.ts";
 * import { housePaths } from "./house_values.ts";
 * import assert from "node:assert/strict";
 *
 * const house = await loadHouseAssumptions();
 * const { btcPrice, networkHashrate } = housePaths(house, 24);
 * assert.equal(btcPrice.pathCount, house.view.simulation.paths.value);
 * assert.equal(networkHashrate.seed, btcPrice.seed + 1);
 * ```
 */
export function housePaths(
  house: HouseAssumptions,
  months: number,
): { readonly btcPrice: PathSet; readonly networkHashrate: PathSet } {
  const common = {
    steps: months,
    stepYears: 1 / 12,
    paths: house.view.simulation.paths.value,
  } as const;
  const seed = house.view.simulation.seed.value;
  return {
    btcPrice: gbmPaths({
      ...common,
      start: house.btcPrice.startUsd,
      driftAnnual: 0,
      volAnnual: house.network.btcVolAnnual,
      seed,
    }),
    networkHashrate: hashratePaths({
      ...common,
      start: house.network.hashrate,
      growthAnnual: house.network.excessHashrateGrowthAnnual,
      volAnnual: house.network.hashrateVolAnnual,
      seed: seed + 1,
    }),
  };
}

/**
 * The house view's Monte Carlo hashprice paths, from {@linkcode housePaths}.
 *
 * @example
 * ```ts
 * import { loadHouseAssumptions } from "./house_assumptions.ts";
 * import { houseHashpricePaths } from "./house_values.ts";
 * import assert from "node:assert/strict";
 *
 * const house = await loadHouseAssumptions();
 * const hp = houseHashpricePaths(house, 24);
 * assert.equal(hp.pathCount, house.view.simulation.paths.value);
 * assert.equal(hp.steps, 24);
 * ```
 */
export function houseHashpricePaths(house: HouseAssumptions, months: number): PathSet {
  return hashpriceScenarios({
    ...housePaths(house, months),
    startHeight: house.startHeight,
    feesBtcPerBlock: house.feesBtcPerBlock,
  }, { blocksPerDay: house.blocksPerDay });
}

/** What a megawatt is worth under the house view. */
export interface HouseMwValues {
  /** A gross MW kept mining: mean NPV per gross MW over the house paths. A fleet that is switched
   * off in months below its cash cost is an option on hashprice, so the mean exceeds the
   * central case. */
  readonly miningUsdPerGrossMw: number;
  /** Standard error of that mean. */
  readonly miningStdErrUsdPerGrossMw: number;
  /** A gross MW kept mining in the central case (price flat, hashrate on trend). */
  readonly miningCentralUsdPerGrossMw: number;
  /** Share of paths on which a mining MW loses money. */
  readonly miningLossProbability: number;
  /** A gross MW leased to AI (built, then leased): central-case NPV per gross MW. */
  readonly aiUsdPerGrossMw: number;
  /** The AI MW as sell-side sums of the parts mark it, per gross MW: the first full year's NOI
   * capitalised at the cap rate, less the build. */
  readonly aiMarkUsdPerGrossMw: number;
  /** First full year's lease NOI per IT MW. */
  readonly aiFirstYearNoiUsdPerItMw: number;
  /** The horizon of the NPVs, months (the lease's base term). */
  readonly horizonMonths: number;
  /** Months the fleet runs in the central case (the rest are below its cash cost). */
  readonly miningRunningMonths: number;
}

/**
 * A MW's value kept mining and leased to AI, under the house view.
 *
 * @example The AI mark is the capitalised NOI less the build, per gross MW
 * ```ts
 * import { loadHouseAssumptions } from "./house_assumptions.ts";
 * import { houseMwValues } from "./house_values.ts";
 * import assert from "node:assert/strict";
 *
 * const house = await loadHouseAssumptions();
 * const v = houseMwValues(house);
 * const mark = (v.aiFirstYearNoiUsdPerItMw / house.capRate - house.ai.buildCostUsdPerItMw) / house.ai.pue;
 * assert.ok(Math.abs(v.aiMarkUsdPerGrossMw - mark) < 1e-6);
 * assert.equal(v.horizonMonths, house.ai.leaseDeal.term_years * 12);
 * ```
 */
export function houseMwValues(house: HouseAssumptions): HouseMwValues {
  const plan = houseSitePlan(house, 1);
  const rate = { discountRate: house.discountRate };
  const mining = siteCashFlows(plan, { aiShare: 0 });
  const months = plan.horizonMonths;
  const paths = houseHashpricePaths(house, months);
  // Every path at once: the plan validated and discounted once (siteNpvPaths).
  const npvs = siteNpvPaths(plan, { aiShare: 0, hashprice: paths, ...rate }).npvsUsd;
  let sum = 0;
  let sumSquares = 0;
  let losses = 0;
  for (const npv of npvs) {
    sum += npv;
    sumSquares += npv * npv;
    if (npv < 0) losses++;
  }
  const n = paths.pathCount;
  const mean = sum / n;
  const variance = n > 1 ? Math.max(0, (sumSquares - n * mean * mean) / (n - 1)) : 0;
  const ai = siteCashFlows(plan, { aiShare: 1 });
  const start = ai.aiStartMonth;
  const firstYearNoi = ai.aiEbitda.subarray(start, start + 12).reduce((a, b) => a + b, 0) /
    ai.aiItMw;
  let running = 0;
  for (const r of mining.miningRunning) running += r;
  return {
    miningUsdPerGrossMw: mean,
    miningStdErrUsdPerGrossMw: Math.sqrt(variance / n),
    miningCentralUsdPerGrossMw: siteNpv(mining, rate),
    miningLossProbability: losses / n,
    aiUsdPerGrossMw: siteNpv(ai, rate),
    aiMarkUsdPerGrossMw: (firstYearNoi / house.capRate - house.ai.buildCostUsdPerItMw) /
      house.ai.pue,
    aiFirstYearNoiUsdPerItMw: firstYearNoi,
    horizonMonths: plan.horizonMonths,
    miningRunningMonths: running,
  };
}

/** One part of a site's value under the house view. */
export interface SitePart {
  /** Name of the part. */
  readonly part: string;
  /** Its value, USD (negative for the build still to pay). */
  readonly valueUsd: number;
  /** How it was valued, in words. */
  readonly basis: string;
}

/**
 * A site split between AI and mining, valued part by part as a sum of the parts under the house
 * view: the AI lease's first full year of NOI capitalised at the cap rate, each gross MW kept
 * mining at the house value of a mining MW, less the AI build. Like with like: an AI MW is
 * marked as sell-side notes mark leased capacity, a mining MW by what it earns as a mine.
 *
 * @example All mining: the mining MW at the house value, nothing else
 * ```ts
 * import { loadHouseAssumptions } from "./house_assumptions.ts";
 * import { houseMwValues, houseSiteParts } from "./house_values.ts";
 * import assert from "node:assert/strict";
 *
 * const house = await loadHouseAssumptions();
 * const parts = houseSiteParts(house, { grossMw: 100, aiShare: 0 });
 * assert.equal(parts.find((p) => p.part === "Mining MW")!.valueUsd, 100 * houseMwValues(house).miningUsdPerGrossMw);
 * assert.equal(parts.find((p) => p.part === "AI lease")!.valueUsd, 0);
 * ```
 */
export function houseSiteParts(
  house: HouseAssumptions,
  site: { readonly grossMw: number; readonly aiShare: number },
): SitePart[] {
  const values = houseMwValues(house);
  const flows = siteCashFlows(houseSitePlan(house, site.grossMw), { aiShare: site.aiShare });
  const start = flows.aiStartMonth;
  const noi = flows.aiEbitda.subarray(start, start + 12).reduce((a, b) => a + b, 0);
  const capex = flows.aiCapex.reduce((a, b) => a + b, 0);
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return [
    {
      part: "AI lease",
      valueUsd: noi / house.capRate,
      basis: `first full year of NOI capitalised at a ${pct(house.capRate)} cap rate`,
    },
    {
      part: "Mining MW",
      valueUsd: values.miningUsdPerGrossMw * flows.miningGrossMw,
      basis: `${flows.miningGrossMw.toFixed(0)} gross MW at the house value of a mining MW`,
    },
    { part: "AI build", valueUsd: -capex, basis: "the build, at the median disclosed cost" },
  ];
}
