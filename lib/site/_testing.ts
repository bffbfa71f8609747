// Shared by the site tests: the sites they model.
import { grossMw, jPerTh, usdPerKwh, usdPerMwYear } from "../units/mod.ts";
import type { GpuCloudPlan, MonthlyValues, SitePlan } from "./site_plan.ts";

/** 300 MW: Core Scientific's fleet in the back, a colocation lease in the front. */
export function coreScientificSite(horizonMonths: number, hashprice: MonthlyValues): SitePlan {
  return {
    grossPower: grossMw(300),
    horizonMonths,
    mining: {
      efficiency: jPerTh(23.6), // Core Scientific's fleet, Jun 2024 [S11]
      pue: 1.2,
      hashprice,
      powerPrice: usdPerKwh(0.04),
      otherOpexUsdPerMwMonth: 1_000,
    },
    ai: {
      kind: "colocation",
      pue: 1.18,
      firstYearRent: usdPerMwYear(1.8e6),
      escalator: 0.03,
      capexUsdPerItMw: 10e6,
      constructionMonths: 12,
    },
  };
}

/** A DGX H100 GPU cloud at $2 an hour and 80% utilisation, GPUs renewed every five years. */
export const H100_CLOUD: GpuCloudPlan = {
  kind: "gpu cloud",
  pue: 1.2,
  gpusPerItMw: 1000 / 1.275, // DGX H100: 10.2 kW for 8 GPUs [S40]
  priceUsdPerGpuHour: 2,
  utilisation: 0.8,
  capexUsdPerGpu: 30_000,
  gpuLifeMonths: 60,
  facilityCapexUsdPerItMw: 15e6,
  constructionMonths: 12,
  powerPrice: usdPerKwh(0.05),
  otherOpexShareOfRevenue: 0.1,
};
