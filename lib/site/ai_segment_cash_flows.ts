/**
 * Monthly cash flows of a site's AI segment alone: the front of a mullet, a colocation lease or
 * a GPU cloud on `aiShare` of the gross MW, from month 0 (conversion starts) to the horizon. It
 * does not depend on the mining in the back, so a model that runs its own mining (a company's
 * fleet) takes the AI leg from here. `siteCashFlows` builds its AI series with it.
 *
 * Colocation: rent per IT MW with annual escalators from the first rent month; EBITDA = rent ×
 * NOI margin; the build spread over the construction months. GPU cloud: GPUs × price × hours ×
 * utilisation; costs are power at PUE on every hour plus a share of revenue; GPUs bought in the
 * last construction month and again at the end of each life. All flows fall at the end of each
 * month.
 *
 * @module
 */
import { DEFAULT_NOI_MARGIN } from "../compute/colocation.ts";
import { fraction, positive } from "../units/checks.ts";
import type { GrossPower } from "../units/power.ts";
import { HOURS_PER_YEAR } from "../units/prices.ts";
import { type AiPlan, checkAiPlan, valueAt } from "./site_plan.ts";

const HOURS_PER_MONTH = HOURS_PER_YEAR / 12;
/** Float64 series in {@linkcode AiSegmentCashFlows}. */
const SERIES = 4;

/** Options of {@linkcode aiSegmentCashFlows}. */
export interface AiSegmentOptions {
  /** The site's grid interconnect, of which the AI segment takes `aiShare`. Required. */
  readonly grossPower: GrossPower;
  /** Months to project, whole ≥ 1. Required. */
  readonly horizonMonths: number;
  /** Share of the gross MW given to AI, 0–1. Required. */
  readonly aiShare: number;
}

/** Monthly series of the AI segment, USD per month; index 0 is the first month. */
export interface AiSegmentCashFlows {
  /** Share of gross MW in the AI segment. */
  readonly aiShare: number;
  /** Gross MW in AI. */
  readonly aiGrossMw: number;
  /** AI critical IT MW (gross ÷ AI PUE). */
  readonly aiItMw: number;
  /** First month with AI revenue. */
  readonly aiStartMonth: number;
  /** Rent, or GPU rental revenue. */
  readonly aiRevenue: Float64Array;
  /** AI operating costs (rent × (1 − NOI margin), or power and other costs). */
  readonly aiOpex: Float64Array;
  /** AI revenue − AI operating costs (NOI for a lease). */
  readonly aiEbitda: Float64Array;
  /** Data-centre build and GPU purchases. */
  readonly aiCapex: Float64Array;
}

/**
 * Projects the AI segment's monthly cash flows on `aiShare` of a site. Throws a RangeError or
 * TypeError naming the first bad field.
 *
 * @example 40% of 100 MW leased: 32 IT MW at PUE 1.25, rent from month 12 after the build
 * ```ts
 * import { aiSegmentCashFlows } from "./ai_segment_cash_flows.ts";
 * import { grossMw, usdPerMwYear } from "../units/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const ai = aiSegmentCashFlows(
 *   { kind: "colocation", pue: 1.25, firstYearRent: usdPerMwYear(1.5e6), capexUsdPerItMw: 9e6,
 *     constructionMonths: 12, structure: "triple net" },
 *   { grossPower: grossMw(100), horizonMonths: 36, aiShare: 0.4 },
 * );
 * assert.equal(ai.aiItMw, 32);
 * assert.equal(ai.aiRevenue[11], 0);
 * assert.equal(ai.aiRevenue[12], 32 * 1.5e6 / 12);
 * // Triple net: NOI is Hut 8 River Bend's 97.3% of rent (DEFAULT_NOI_MARGIN).
 * assert.equal(ai.aiEbitda[12], ai.aiRevenue[12]! * 454e6 / (7.0e9 / 15));
 * assert.equal(ai.aiCapex[0], 32 * 9e6 / 12); // the build, evenly over 12 months
 * assert.throws(() => aiSegmentCashFlows({ kind: "colocation", pue: 0.9, firstYearRent: usdPerMwYear(1.5e6),
 *   capexUsdPerItMw: 9e6, constructionMonths: 12 }, { grossPower: grossMw(100), horizonMonths: 36, aiShare: 0.4 }),
 *   /ai.pue: expected a PUE >= 1, got 0.9/);
 * ```
 */
export function aiSegmentCashFlows(ai: AiPlan, options: AiSegmentOptions): AiSegmentCashFlows {
  positive("grossPower", options.grossPower);
  const months = options.horizonMonths;
  checkAiPlan(ai, months);
  const aiShare = fraction("aiShare", options.aiShare);
  const grossMw = options.grossPower / 1e6;
  const aiGrossMw = grossMw * aiShare;
  const aiItMw = aiGrossMw / ai.pue;
  const kwhPerGrossMwMonth = 1000 * HOURS_PER_MONTH;

  // The four series share one buffer.
  const buffer = new ArrayBuffer(SERIES * months * 8);
  let next = 0;
  const series = () => new Float64Array(buffer, 8 * months * next++, months);
  const out = { aiRevenue: series(), aiOpex: series(), aiEbitda: series(), aiCapex: series() };
  const aiStart = ai.constructionMonths;
  if (ai.kind === "colocation") {
    const margin = ai.noiMargin ?? DEFAULT_NOI_MARGIN[ai.structure ?? "modified gross"];
    spread(out.aiCapex, ai.capexUsdPerItMw * aiItMw, aiStart, ai.capexPhasing);
    for (let month = aiStart; month < months; month++) {
      const leaseYear = Math.floor((month - aiStart) / 12);
      const rent = aiItMw * ai.firstYearRent * (1 + (ai.escalator ?? 0)) ** leaseYear / 12;
      out.aiRevenue[month] = rent;
      out.aiOpex[month] = rent * (1 - margin);
      out.aiEbitda[month] = rent * margin;
    }
  } else {
    const gpus = aiItMw * ai.gpusPerItMw;
    spread(out.aiCapex, ai.facilityCapexUsdPerItMw * aiItMw, aiStart, ai.capexPhasing);
    // GPUs are bought in the last construction month and again at the end of each life.
    for (let buy = Math.max(0, aiStart - 1); buy < months; buy += ai.gpuLifeMonths) {
      out.aiCapex[buy]! += gpus * ai.capexUsdPerGpu;
    }
    const powerPerMonth = aiGrossMw * kwhPerGrossMwMonth * ai.powerPrice;
    for (let month = aiStart; month < months; month++) {
      const price = valueAt(ai.priceUsdPerGpuHour, month, "ai.priceUsdPerGpuHour");
      const revenue = gpus * price * HOURS_PER_MONTH * ai.utilisation;
      const opex = powerPerMonth + revenue * ai.otherOpexShareOfRevenue;
      out.aiRevenue[month] = revenue;
      out.aiOpex[month] = opex;
      out.aiEbitda[month] = revenue - opex;
    }
  }
  return { aiShare, aiGrossMw, aiItMw, aiStartMonth: aiStart, ...out };
}

/** Spreads `total` by `phasing`, or evenly over the first `months` months (month 0 when 0). */
function spread(
  target: Float64Array,
  total: number,
  months: number,
  phasing: readonly number[] | undefined,
): void {
  if (phasing !== undefined) {
    phasing.forEach((share, i) => (target[i]! += total * share));
    return;
  }
  const n = Math.max(1, Math.min(months, target.length));
  for (let i = 0; i < n; i++) target[i]! += total / n;
}
