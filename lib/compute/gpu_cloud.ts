/**
 * GPU cloud economics per IT megawatt: revenue at a rental price and utilisation (F8),
 * the owner's cost per GPU-hour, and the utilisation at which the two meet.
 *
 * @module
 */
import { fraction, nonNegative, positive, pueValue } from "../units/checks.ts";
import { HOURS_PER_YEAR, type UsdPerKwh, type UsdPerMwYear } from "../units/prices.ts";
import type { Power } from "../units/power.ts";

/** Inputs of {@linkcode gpuCloudRevenue}. */
export interface GpuCloudRevenueInputs {
  /** GPUs per IT MW (see `gpusPerItMw`). */
  readonly gpusPerItMw: number;
  /** Rental price, USD per GPU-hour. */
  readonly priceUsdPerGpuHour: number;
  /** Share of hours sold, 0–1. No default: it is the analyst's key assumption (training GPU
   * servers are operational ~80% of the time [S49]). */
  readonly utilisation: number;
}

/**
 * Revenue per IT MW-year: GPUs per MW × price × 8,760 h × utilisation (F8).
 *
 * @example H100 at $2.00 and 80%: $11.0M per IT MW-year (F8)
 * ```ts
 * import { gpuCloudRevenue } from "./gpu_cloud.ts";
 * import assert from "node:assert/strict";
 *
 * const rev = gpuCloudRevenue({ gpusPerItMw: 1000 / 1.275, priceUsdPerGpuHour: 2, utilisation: 0.8 });
 * assert.equal((rev / 1e6).toFixed(1), "11.0");
 * assert.throws(() => gpuCloudRevenue({ gpusPerItMw: 784, priceUsdPerGpuHour: 2, utilisation: 1.2 }), /utilisation/);
 * ```
 */
export function gpuCloudRevenue(inputs: GpuCloudRevenueInputs): UsdPerMwYear {
  return (positive("gpusPerItMw", inputs.gpusPerItMw) *
    nonNegative("priceUsdPerGpuHour", inputs.priceUsdPerGpuHour) * HOURS_PER_YEAR *
    fraction("utilisation", inputs.utilisation)) as UsdPerMwYear;
}

/** Inputs of {@linkcode gpuOwnerCost}. */
export interface GpuOwnerCostInputs {
  /** Purchase cost per GPU including its share of servers and network, USD. */
  readonly capexPerGpuUsd: number;
  /** Data-centre capex per GPU (building, power, cooling), USD. Use 0 when leasing space. */
  readonly facilityCapexPerGpuUsd: number;
  /** Straight-line depreciation life of the GPUs, years. */
  readonly gpuLifeYears: number;
  /** Depreciation life of the facility, years. */
  readonly facilityLifeYears: number;
  /** All-in IT power per GPU (see `powerPerGpu`). */
  readonly powerPerGpu: Power;
  /** Electricity price paid. */
  readonly powerPrice: UsdPerKwh;
  /** Facility PUE. */
  readonly pue: number;
  /** Other operating cost per GPU per year (staff, support, colocation rent), USD. */
  readonly otherOpexPerGpuYearUsd: number;
  /** Share of hours the GPU draws full power even when unsold: 1 charges power on every hour.
   * Default 1 (conservative). */
  readonly powerDutyCycle?: number;
}

/** Annual cost per GPU and its cost per hour sold. */
export interface GpuOwnerCost {
  /** Straight-line depreciation of GPU and facility, USD per year. */
  readonly depreciationPerYearUsd: number;
  /** Electricity at PUE, USD per year. */
  readonly powerPerYearUsd: number;
  /** Other operating cost, USD per year. */
  readonly otherOpexPerYearUsd: number;
  /** Sum of the three, USD per year. */
  readonly totalPerYearUsd: number;
  /** Total cost per GPU-hour over all 8,760 hours. */
  readonly costPerGpuHourUsd: number;
}

/**
 * An owner's yearly cost of one GPU: depreciation, power at PUE, other opex.
 *
 * @example H100 at $25,000 over 5 years, no facility, 1.275 kW, $0.05/kWh, PUE 1.2
 * ```ts
 * import { gpuOwnerCost } from "./gpu_cloud.ts";
 * import { kw } from "../units/power.ts";
 * import { usdPerKwh } from "../units/prices.ts";
 * import assert from "node:assert/strict";
 *
 * const c = gpuOwnerCost({ capexPerGpuUsd: 25_000, facilityCapexPerGpuUsd: 0, gpuLifeYears: 5,
 *   facilityLifeYears: 20, powerPerGpu: kw(1.275), powerPrice: usdPerKwh(0.05), pue: 1.2,
 *   otherOpexPerGpuYearUsd: 0 });
 * assert.equal(c.depreciationPerYearUsd, 5000);
 * assert.equal(c.powerPerYearUsd.toFixed(2), (1.275 * 1.2 * 8760 * 0.05).toFixed(2));
 * ```
 */
export function gpuOwnerCost(inputs: GpuOwnerCostInputs): GpuOwnerCost {
  const depreciation = nonNegative("capexPerGpuUsd", inputs.capexPerGpuUsd) /
      positive("gpuLifeYears", inputs.gpuLifeYears) +
    nonNegative("facilityCapexPerGpuUsd", inputs.facilityCapexPerGpuUsd) /
      positive("facilityLifeYears", inputs.facilityLifeYears);
  const kwPerGpu = positive("powerPerGpu", inputs.powerPerGpu) / 1000;
  const power = kwPerGpu * pueValue("pue", inputs.pue) * HOURS_PER_YEAR *
    nonNegative("powerPrice", inputs.powerPrice) *
    fraction("powerDutyCycle", inputs.powerDutyCycle ?? 1);
  const other = nonNegative("otherOpexPerGpuYearUsd", inputs.otherOpexPerGpuYearUsd);
  const total = depreciation + power + other;
  return {
    depreciationPerYearUsd: depreciation,
    powerPerYearUsd: power,
    otherOpexPerYearUsd: other,
    totalPerYearUsd: total,
    costPerGpuHourUsd: total / HOURS_PER_YEAR,
  };
}

/**
 * Utilisation at which rental revenue covers the owner's cost: cost per GPU-hour ÷ price.
 * Above 1 the GPU cannot break even at that price.
 *
 * @example $0.90 of cost per hour against a $2.00 price breaks even at 45% utilisation
 * ```ts
 * import { breakevenUtilisation } from "./gpu_cloud.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(breakevenUtilisation({ costPerGpuHourUsd: 0.9, priceUsdPerGpuHour: 2 }), 0.45);
 * ```
 */
export function breakevenUtilisation(
  inputs: { readonly costPerGpuHourUsd: number; readonly priceUsdPerGpuHour: number },
): number {
  return nonNegative("costPerGpuHourUsd", inputs.costPerGpuHourUsd) /
    positive("priceUsdPerGpuHour", inputs.priceUsdPerGpuHour);
}
