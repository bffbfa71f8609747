// The pure miner against the mullet over 10,000 BTC price paths × 120 months (target: < 1 s on
// a 2-core machine): GBM prices, network hashrate growing with noise, a 300 MW company with a
// mixed fleet, upgrades and retirements, a colocation lease on half the MW, sell-above-cost
// treasury. Scenario parameters are illustrative, for timing only (not a forecast).
import { gbmPaths } from "../finance/gbm_paths.ts";
import { hashratePaths } from "../finance/hashrate_paths.ts";
import { ehs, grossMw, jPerTh, ths, usdPerKwh, usdPerMwYear, w } from "../units/mod.ts";
import { minerVsMullet } from "./miner_vs_mullet.ts";
import type { MinerCompany } from "./miner_company.ts";

const months = 120;
const paths = 10_000;
const pathInputs = { steps: months, stepYears: 1 / 12, paths } as const;
const priceInputs = { ...pathInputs, start: 71_000, driftAnnual: 0.1, volAnnual: 0.5, seed: 7 };
const networkInputs = {
  ...pathInputs,
  start: ehs(950),
  growthAnnual: 0.25,
  volAnnual: 0.1,
  seed: 8,
};
const btcPrice = gbmPaths(priceInputs);
const networkHashrate = hashratePaths(networkInputs);

const company: MinerCompany = {
  grossPower: grossMw(300),
  startHeight: 952_053,
  feesBtcPerBlock: 0.025,
  costs: {
    powerPrice: usdPerKwh(0.04),
    pue: 1.1,
    poolFee: 0.02,
    hostingUsdPerMwMonth: 5_000,
    sgaUsdPerMonth: 3e6,
  },
  fleet: {
    horizonMonths: months,
    deliveryLagMonths: 3,
    depreciationMonths: 36,
    models: [
      { name: "S19 XP", hashrate: ths(140), power: w(3_000) },
      { name: "S21", hashrate: ths(200), efficiency: jPerTh(17.5) },
      { name: "S21 XP", hashrate: ths(270), efficiency: jPerTh(13.5) },
    ],
    installed: [{ model: "S19 XP", units: 40_000 }, { model: "S21", units: 40_000 }],
    purchases: [{ month: 20, model: "S21 XP", units: 30_000, usdPerTh: 14 }],
    retireAbove: [{ month: 23, aboveJPerTh: jPerTh(20) }],
  },
};
const ai = {
  kind: "colocation",
  pue: 1.25,
  firstYearRent: usdPerMwYear(1.8e6),
  capexUsdPerItMw: 10e6,
  constructionMonths: 18,
} as const;
const options = {
  discountRate: 0.1,
  debtRateAnnual: 0.08,
  policy: { kind: "sell-above-cost" },
  terminal: { miningEbitdaMultiple: 5, aiEbitdaMultiple: 12 },
  valuation: { miningEbitdaMultiple: 6, aiCapRate: 0.075 },
} as const;

Deno.bench("minerVsMullet: 10,000 price paths × 120 months", () => {
  minerVsMullet({ company, ai, aiShare: 0.5, btcPrice, networkHashrate }, options);
});

Deno.bench("minerVsMullet with drawing the 10,000 price and hashrate paths", () => {
  minerVsMullet({
    company,
    ai,
    aiShare: 0.5,
    btcPrice: gbmPaths(priceInputs),
    networkHashrate: hashratePaths(networkInputs),
  }, options);
});
