// The best split of a 300 MW site over 1,000 Monte Carlo hashprice scenarios × 21 shares × 120
// months: BTC price by GBM, network hashrate growing with noise, the subsidy by the schedule.
import { gbmPaths } from "../finance/gbm_paths.ts";
import { hashratePaths } from "../finance/hashrate_paths.ts";
import { ehs, grossMw, jPerTh, usdPerKwh, usdPerMwYear } from "../units/mod.ts";
import { bestSplit } from "./best_split.ts";
import { hashpriceScenarios } from "./hashprice_scenarios.ts";
import type { SitePlan } from "./site_plan.ts";

const months = 120;
const paths = 1000;
// Illustrative scenario parameters for timing only (not a forecast).
const btcPrice = gbmPaths({
  start: 90_000,
  driftAnnual: 0,
  volAnnual: 0.5,
  steps: months,
  stepYears: 1 / 12,
  paths,
  seed: 7,
});
const networkHashrate = hashratePaths({
  start: ehs(950),
  growthAnnual: 0.3,
  volAnnual: 0.1,
  steps: months,
  stepYears: 1 / 12,
  paths,
  seed: 8,
});
const hashprice = hashpriceScenarios({
  btcPrice,
  networkHashrate,
  startHeight: 952_053,
  feesBtcPerBlock: 0.02,
});

const plan: SitePlan = {
  grossPower: grossMw(300),
  horizonMonths: months,
  mining: { efficiency: jPerTh(17.5), pue: 1.1, hashprice: 45, powerPrice: usdPerKwh(0.04) },
  ai: {
    kind: "colocation",
    pue: 1.25,
    firstYearRent: usdPerMwYear(1.8e6),
    capexUsdPerItMw: 10e6,
    constructionMonths: 18,
  },
};

Deno.bench("bestSplit: 1,000 scenarios × 21 shares × 120 months", () => {
  bestSplit(plan, { discountRate: 0.1, hashprice });
});
