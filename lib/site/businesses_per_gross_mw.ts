/**
 * Three businesses for one megawatt of a miner's grid connection, on one scale: self-mining,
 * a colocation lease to an AI tenant and a GPU cloud, each per **gross** MW-year (the site's
 * connection), so each is filled with load at its own PUE. For each: revenue (F4, F6, F8), a
 * cash margin, the capex that earns it, the cash yield on that capex and its payback (F7), and
 * the clock the payback races — the next halving for ASICs, the lease term for the building, the
 * GPU contract for the GPUs. The GPU cloud's owner cost per GPU-hour and its breakeven
 * utilisation come with it.
 *
 * @module
 */
import { colocationLease, yieldOnCost } from "../compute/colocation.ts";
import { breakevenUtilisation, gpuCloudRevenue, gpuOwnerCost } from "../compute/gpu_cloud.ts";
import { gpusPerItMw, type GpuSystem, powerPerGpu } from "../compute/gpu_density.ts";
import { miningPerMw } from "../mining/mining_per_mw.ts";
import { isIsoDate, isoDayNumber } from "../units/calendar.ts";
import { fraction, positive, pueValue } from "../units/checks.ts";
import { type Efficiency, hashrateFor } from "../units/efficiency.ts";
import { formatSignificant } from "../units/format_number.ts";
import { itMw, mw } from "../units/power.ts";
import type { UsdPerKwh, UsdPerMwYear, UsdPerPhDay } from "../units/prices.ts";
import { shortAsicName } from "./_short_names.ts";

/** Inputs of {@linkcode businessesPerGrossMw}. */
export interface BusinessesPerGrossMwInputs {
  /** The day the clocks start, `YYYY-MM-DD`. */
  readonly asOf: string;
  /** Electricity price, paid by the miners and the GPUs alike. */
  readonly powerPrice: UsdPerKwh;
  /** Self-mining with one fleet at today's hashprice. */
  readonly mining: {
    /** The fleet's model, e.g. "Antminer S21". */
    readonly fleet: string;
    /** Hashprice earned. */
    readonly hashprice: UsdPerPhDay;
    /** The fleet's J/TH at the wall. */
    readonly efficiency: Efficiency;
    /** Hashcentre PUE. */
    readonly pue: number;
    /** ASIC purchase price, USD per TH/s. */
    readonly asicUsdPerTh: number;
    /** A mining site bought, USD per gross MW. */
    readonly siteUsdPerMw: number;
    /** The next halving's date, `YYYY-MM-DD`: the miners' clock. */
    readonly nextHalving: string;
  };
  /** The market's median lease: first-year rent and term, no escalator, modified gross. */
  readonly lease: {
    /** Median rent per IT MW-year. */
    readonly rent: UsdPerMwYear;
    /** Median term, years (the NOI schedule runs over the whole years nearest it). */
    readonly termYears: number;
  };
  /** The AI data hall both AI businesses need. */
  readonly ai: {
    /** AI hall PUE. */
    readonly pue: number;
    /** Build cost per critical-IT MW, USD. */
    readonly buildUsdPerItMw: number;
  };
  /** A GPU cloud renting one GPU model by the hour. */
  readonly gpuCloud: {
    /** The GPU's name, e.g. "H100". */
    readonly gpu: string;
    /** The server that sets the GPUs per IT MW and the power per GPU. */
    readonly system: GpuSystem;
    /** Price per GPU with its share of the server, USD. */
    readonly gpuUsd: number;
    /** Rental price, USD per GPU-hour. */
    readonly priceUsdPerGpuHour: number;
    /** Share of GPU-hours sold. */
    readonly utilisation: number;
    /** EBITDA ÷ revenue. */
    readonly ebitdaMargin: number;
    /** The GPU contract's term, years: the GPUs' clock and depreciation life. */
    readonly contractYears: number;
    /** Who signed it, e.g. "IREN–Microsoft". */
    readonly contract: string;
  };
}

/** One business per gross MW. Money is USD. */
export interface BusinessPerGrossMw {
  /** Which business. */
  readonly kind: "mining" | "lease" | "gpu cloud";
  /** Its name in a table, e.g. "Self-mining (S21)". */
  readonly business: string;
  /** Its name in a sentence, e.g. "S21 mining", "the lease". */
  readonly shortName: string;
  /** Revenue per miner or IT MW-year: the basis the industry quotes. */
  readonly revenuePerLoadMw: number;
  /** Revenue per gross MW-year. */
  readonly revenue: number;
  /** Cash margin per gross MW-year: mining after power (F5), lease NOI, GPU-cloud EBITDA. */
  readonly margin: number;
  /** Margin ÷ revenue. */
  readonly marginShare: number;
  /** Capex per gross MW. */
  readonly capex: number;
  /** What the capex buys. */
  readonly capexBuys: string;
  /** Margin ÷ capex (F7). */
  readonly yield: number;
  /** Capex ÷ margin, years. */
  readonly paybackYears: number;
  /** The clock, years from `asOf`. */
  readonly clockYears: number;
  /** What the clock is, e.g. "next halving 2028-04-18". */
  readonly clock: string;
}

/** Result of {@linkcode businessesPerGrossMw}. */
export interface BusinessesPerGrossMw {
  /** Mining, lease, GPU cloud, in that order. */
  readonly rows: readonly [BusinessPerGrossMw, BusinessPerGrossMw, BusinessPerGrossMw];
  /** Self-mining. */
  readonly mining: BusinessPerGrossMw;
  /** The colocation lease. */
  readonly lease: BusinessPerGrossMw;
  /** The GPU cloud. */
  readonly gpuCloud: BusinessPerGrossMw;
  /** GPUs per IT MW. */
  readonly gpusPerItMw: number;
  /** The GPU owner's cost of an hour: depreciation over the contract (GPUs) and the lease term
   * (the hall's share), power at PUE on every hour, nothing else. */
  readonly gpuHour: {
    /** Cost per GPU-hour over all 8,760 hours, USD. */
    readonly costUsd: number;
    /** Depreciation's share of that cost. */
    readonly depreciationShare: number;
    /** Share of hours that must sell at the rental price to cover it. */
    readonly breakevenUtilisation: number;
  };
}

function row(
  fields: Omit<BusinessPerGrossMw, "marginShare" | "yield" | "paybackYears">,
): BusinessPerGrossMw {
  const returns = yieldOnCost({ noiPerMwYearUsd: fields.margin, capexPerMwUsd: fields.capex });
  return { ...fields, marginShare: fields.margin / fields.revenue, ...returns };
}

/**
 * The three businesses per gross MW.
 *
 * @example An S21 at $45/PH/day against a $1.75M lease and H100s at $2/h (hand-computed)
 * ```ts
 * import { businessesPerGrossMw } from "./businesses_per_gross_mw.ts";
 * import { DGX_H100 } from "../compute/gpu_density.ts";
 * import { jPerTh, usdPerKwh, usdPerMwYear, usdPerPhDay } from "../units/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const b = businessesPerGrossMw({
 *   asOf: "2026-06-01", powerPrice: usdPerKwh(0.04),
 *   mining: { fleet: "Antminer S21", hashprice: usdPerPhDay(45), efficiency: jPerTh(17.5), pue: 1.2,
 *     asicUsdPerTh: 17.5, siteUsdPerMw: 430_000, nextHalving: "2028-04-18" },
 *   lease: { rent: usdPerMwYear(1.75e6), termYears: 15 },
 *   ai: { pue: 1.25, buildUsdPerItMw: 9e6 },
 *   gpuCloud: { gpu: "H100", system: DGX_H100, gpuUsd: 33_600, priceUsdPerGpuHour: 2,
 *     utilisation: 0.8, ebitdaMargin: 0.85, contractYears: 5, contract: "IREN–Microsoft" },
 * });
 * // 57.14 PH/s per miner MW × $45 × 365 ÷ 1.2
 * assert.equal(Math.round(b.mining.revenue), Math.round(45 * (1e3 / 17.5) * 365 / 1.2));
 * // ASICs: 57,143 TH/s × $17.5 ÷ 1.2, plus the site
 * assert.equal(Math.round(b.mining.capex), Math.round(1e6 / 17.5 * 17.5 / 1.2 + 430_000));
 * assert.equal(b.lease.revenue, 1.75e6 / 1.25);
 * assert.equal(b.lease.paybackYears.toFixed(2), (9e6 / (1.75e6 * 0.85)).toFixed(2));
 * assert.equal(b.gpuCloud.business, "GPU cloud (H100)");
 * assert.equal(b.mining.clock, "next halving 2028-04-18");
 * ```
 */
export function businessesPerGrossMw(inputs: BusinessesPerGrossMwInputs): BusinessesPerGrossMw {
  const { mining: m, lease: l, ai, gpuCloud: g } = inputs;
  for (
    const [field, date] of [["asOf", inputs.asOf], ["mining.nextHalving", m.nextHalving]] as const
  ) {
    if (!isIsoDate(date)) {
      throw new RangeError(`Cannot use ${field}: expected a YYYY-MM-DD date, got "${date}"`);
    }
  }
  const aiPue = pueValue("ai.pue", ai.pue);
  const build = positive("ai.buildUsdPerItMw", ai.buildUsdPerItMw);
  const termYears = positive("lease.termYears", l.termYears);

  const perMw = miningPerMw(
    { hashprice: m.hashprice, efficiency: m.efficiency, powerPriceUsdPerKwh: inputs.powerPrice },
    { pue: m.pue },
  );
  const thPerMinerMw = hashrateFor(mw(1), m.efficiency);
  const fleet = shortAsicName(m.fleet);
  const mining = row({
    kind: "mining",
    business: `Self-mining (${fleet})`,
    shortName: `${fleet} mining`,
    revenuePerLoadMw: perMw.revenuePerMinerMwYear,
    revenue: perMw.revenuePerGrossMwYear,
    margin: perMw.grossMarginPerGrossMwYear,
    capex: (thPerMinerMw * positive("mining.asicUsdPerTh", m.asicUsdPerTh)) / m.pue +
      positive("mining.siteUsdPerMw", m.siteUsdPerMw),
    capexBuys: "ASICs + mining site",
    clockYears: (isoDayNumber(m.nextHalving) - isoDayNumber(inputs.asOf)) / 365,
    clock: `next halving ${m.nextHalving}`,
  });

  const schedule = colocationLease({
    itPower: itMw(1),
    firstYearRent: l.rent,
    termYears: Math.round(termYears),
  });
  const lease = row({
    kind: "lease",
    business: "Colocation lease",
    shortName: "the lease",
    revenuePerLoadMw: schedule.averageRent,
    revenue: schedule.averageRent / aiPue,
    margin: schedule.averageNoiPerMwYear / aiPue,
    capex: build / aiPue,
    capexBuys: "data centre",
    clockYears: termYears,
    clock: `median lease ${formatSignificant(termYears)} years`,
  });

  const gpus = gpusPerItMw(g.system);
  const gpuRevenue = gpuCloudRevenue({
    gpusPerItMw: gpus,
    priceUsdPerGpuHour: g.priceUsdPerGpuHour,
    utilisation: g.utilisation,
  });
  const gpuCloud = row({
    kind: "gpu cloud",
    business: `GPU cloud (${g.gpu})`,
    shortName: "the GPU cloud",
    revenuePerLoadMw: gpuRevenue,
    revenue: gpuRevenue / aiPue,
    margin: (gpuRevenue * fraction("gpuCloud.ebitdaMargin", g.ebitdaMargin)) / aiPue,
    capex: (gpus * positive("gpuCloud.gpuUsd", g.gpuUsd) + build) / aiPue,
    capexBuys: "data centre + GPUs",
    clockYears: positive("gpuCloud.contractYears", g.contractYears),
    clock: `GPU contract ${formatSignificant(g.contractYears)} years (${g.contract})`,
  });

  const owner = gpuOwnerCost({
    capexPerGpuUsd: g.gpuUsd,
    facilityCapexPerGpuUsd: build / gpus,
    gpuLifeYears: g.contractYears,
    facilityLifeYears: termYears,
    powerPerGpu: powerPerGpu(g.system),
    powerPrice: inputs.powerPrice,
    pue: aiPue,
    otherOpexPerGpuYearUsd: 0,
  });
  return {
    rows: [mining, lease, gpuCloud],
    mining,
    lease,
    gpuCloud,
    gpusPerItMw: gpus,
    gpuHour: {
      costUsd: owner.costPerGpuHourUsd,
      depreciationShare: owner.depreciationPerYearUsd / owner.totalPerYearUsd,
      breakevenUtilisation: breakevenUtilisation({
        costPerGpuHourUsd: owner.costPerGpuHourUsd,
        priceUsdPerGpuHour: g.priceUsdPerGpuHour,
      }),
    },
  };
}
