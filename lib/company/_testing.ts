// Shared by the company tests that read a comparison: a 100 MW miner with two vintages, an upgrade
// and a retirement, against the mullet with a colocation lease, over 200 seeded paths.
import { gbmPaths } from "../finance/gbm_paths.ts";
import { hashratePaths } from "../finance/hashrate_paths.ts";
import type { PathSet } from "../finance/path_set.ts";
import { btc, ehs, grossMw, jPerTh, ths, usd, usdPerMwYear, w } from "../units/mod.ts";
import type { MinerCompany } from "./miner_company.ts";
import type { MinerVsMulletInputs } from "./miner_vs_mullet.ts";

const MONTHS = 48;
const COMPANY: MinerCompany = {
  grossPower: grossMw(100),
  startHeight: 952_053,
  feesBtcPerBlock: 0.03,
  costs: {
    powerPrice: 0.045,
    pue: 1.1,
    poolFee: 0.02,
    hostingUsdPerMwMonth: 6_000,
    hostingWhileOff: 0.5,
    sgaUsdPerMonth: 1.5e6,
  },
  balanceSheet: { btc: btc(500), cashUsd: usd(20e6), debtUsd: usd(50e6) },
  fleet: {
    horizonMonths: MONTHS,
    deliveryLagMonths: 3,
    depreciationMonths: 36,
    models: [
      { name: "S19 XP", hashrate: ths(140), power: w(3_000) },
      { name: "S21", hashrate: ths(200), efficiency: jPerTh(17.5) },
    ],
    installed: [{ model: "S19 XP", units: 10_000 }, { model: "S21", units: 10_000 }],
    purchases: [{ month: 12, model: "S21", units: 9_000, usdPerTh: 14 }],
    retireAbove: [{ month: 15, aboveJPerTh: jPerTh(20) }],
  },
};
const PATHS = { steps: MONTHS, stepYears: 1 / 12, paths: 200 } as const;

/** The comparison's inputs at `aiShare`. */
export function comparisonInputs(
  aiShare: number,
):
  & Omit<MinerVsMulletInputs, "btcPrice" | "networkHashrate">
  & { readonly btcPrice: PathSet; readonly networkHashrate: PathSet } {
  return {
    company: COMPANY,
    ai: {
      kind: "colocation",
      pue: 1.25,
      firstYearRent: usdPerMwYear(1.8e6),
      capexUsdPerItMw: 10e6,
      constructionMonths: 12,
    },
    aiShare,
    btcPrice: gbmPaths({ ...PATHS, start: 90_000, driftAnnual: 0.2, volAnnual: 0.6, seed: 3 }),
    networkHashrate: hashratePaths({
      ...PATHS,
      start: ehs(950),
      growthAnnual: 0.3,
      volAnnual: 0.1,
      seed: 4,
    }),
  };
}
