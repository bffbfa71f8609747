/**
 * Monthly cash flows of a mullet site: the gross MW split between AI in the front and mining in
 * the back, per segment. The AI MW stop mining when conversion starts (month 0); the margin they
 * would have mined during construction is reported as `foregoneMiningEbitda`.
 *
 * Mining per month (F3–F5, F10): hashrate = miner power ÷ J/TH; revenue = PH/s ×
 * hashprice × days × running share × (1 − pool fee); power and tax on gross kWh drawn; credits
 * on kWh curtailed. In a month whose running margin (revenue − power − tax + credits) is
 * negative the fleet is switched off (`switchOffAtLoss`, default true): that month has no
 * revenue, power, tax or credit, and only the other cash opex is paid. The AI segment (a
 * colocation lease or a GPU cloud) is `aiSegmentCashFlows`'. All flows fall at the end of each
 * month.
 *
 * @module
 */
import { fraction } from "../units/checks.ts";
import { DAYS_PER_YEAR } from "../units/prices.ts";
import { aiSegmentCashFlows } from "./ai_segment_cash_flows.ts";
import { checkSitePlan, type SitePlan, valueAt } from "./site_plan.ts";
import { miningTerms } from "./_mining_terms.ts";

/** Days in an average month (365 ÷ 12), the basis of every monthly flow. */
export const DAYS_PER_MONTH = DAYS_PER_YEAR / 12;
/** Float64 series of {@linkcode SiteCashFlows} besides the AI segment's. */
const SERIES = 9;

/** Monthly series of a site, USD per month unless noted; index 0 is the first month. */
export interface SiteCashFlows {
  /** Share of gross MW in the AI segment. */
  readonly aiShare: number;
  /** Gross MW in mining and in AI. */
  readonly miningGrossMw: number;
  /** Gross MW in AI. */
  readonly aiGrossMw: number;
  /** AI critical IT MW (gross ÷ AI PUE). */
  readonly aiItMw: number;
  /** Mining hashrate, PH/s, when running. */
  readonly miningPhs: number;
  /** First month with AI revenue. */
  readonly aiStartMonth: number;
  /** 1 in months the fleet runs, 0 in months it is switched off for a loss (see
   * `switchOffAtLoss`). */
  readonly miningRunning: Uint8Array;
  /** Mining revenue after the pool fee. */
  readonly miningRevenue: Float64Array;
  /** Electricity and tax on mining electricity. */
  readonly miningPowerCost: Float64Array;
  /** The tax part of `miningPowerCost`. */
  readonly miningTax: Float64Array;
  /** Credits for curtailed kWh. */
  readonly curtailmentCredit: Float64Array;
  /** Other mining cash costs. */
  readonly miningOpex: Float64Array;
  /** Mining revenue − power and tax + credits − other costs. */
  readonly miningEbitda: Float64Array;
  /** Rent, or GPU rental revenue. */
  readonly aiRevenue: Float64Array;
  /** AI operating costs (rent × (1 − NOI margin), or power and other costs). */
  readonly aiOpex: Float64Array;
  /** AI revenue − AI operating costs (NOI for a lease). */
  readonly aiEbitda: Float64Array;
  /** Mining margin the AI MW would have earned while being converted (switched off at a loss
   * as the rest of the fleet). */
  readonly foregoneMiningEbitda: Float64Array;
  /** Capex to equip mining MW. */
  readonly miningCapex: Float64Array;
  /** Data-centre build and GPU purchases. */
  readonly aiCapex: Float64Array;
  /** EBITDA − capex, both segments. */
  readonly cashFlow: Float64Array;
}

/** Options of {@linkcode siteCashFlows}. */
export interface SiteCashFlowOptions {
  /** Share of the gross MW given to AI, 0–1. Required. */
  readonly aiShare: number;
}

/**
 * Projects a site's monthly cash flows for one split.
 *
 * @example 100 MW: a colocation lease on 40% of it, mining on the rest
 * ```ts
 * import { siteCashFlows } from "./site_cash_flows.ts";
 * import { grossMw, jPerTh, usdPerKwh, usdPerMwYear, usdPerPhDay } from "../units/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const flows = siteCashFlows({
 *   grossPower: grossMw(100), horizonMonths: 36,
 *   mining: { efficiency: jPerTh(20), pue: 1.1, hashprice: usdPerPhDay(45), powerPrice: usdPerKwh(0.04) },
 *   ai: { kind: "colocation", pue: 1.25, firstYearRent: usdPerMwYear(1.5e6), capexUsdPerItMw: 9e6,
 *     constructionMonths: 12 },
 * }, { aiShare: 0.4 });
 * assert.equal(flows.aiItMw, 32);
 * assert.equal(flows.aiRevenue[11], 0);
 * assert.equal(flows.aiRevenue[12], 32 * 1.5e6 / 12);
 * assert.ok(flows.cashFlow[0]! < 0); // building
 * ```
 *
 * @example A month below the fleet's hashcost is switched off (20 J/TH × PUE 1.1 × 24 h × $0.04 = $21.12 per PH/s-day)
 * ```ts
 * import { siteCashFlows } from "./site_cash_flows.ts";
 * import { grossMw, jPerTh, usdPerKwh, usdPerMwYear } from "../units/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const plan = {
 *   grossPower: grossMw(100), horizonMonths: 2,
 *   mining: { efficiency: jPerTh(20), pue: 1.1, hashprice: [45, 15], powerPrice: usdPerKwh(0.04),
 *     otherOpexUsdPerMwMonth: 1_000 },
 *   ai: { kind: "colocation", pue: 1.25, firstYearRent: usdPerMwYear(1.5e6), capexUsdPerItMw: 9e6,
 *     constructionMonths: 12 },
 * } as const;
 * const flows = siteCashFlows(plan, { aiShare: 0 });
 * assert.deepEqual(Array.from(flows.miningRunning), [1, 0]);
 * assert.equal(flows.miningRevenue[1], 0);
 * assert.equal(flows.miningEbitda[1], -100 * 1_000); // only the other opex is paid
 * const literal = siteCashFlows({ ...plan, mining: { ...plan.mining, switchOffAtLoss: false } }, { aiShare: 0 });
 * assert.ok(literal.miningEbitda[1]! < flows.miningEbitda[1]!); // running at a loss
 * // Opex that comes with hashing (a cash hash cost) is not paid while the fleet is off.
 * const perTh = siteCashFlows({ ...plan, mining: { ...plan.mining, otherOpexWhileOff: false } }, { aiShare: 0 });
 * assert.equal(perTh.miningEbitda[1], 0);
 * ```
 */
export function siteCashFlows(plan: SitePlan, options: SiteCashFlowOptions): SiteCashFlows {
  checkSitePlan(plan);
  const aiShare = fraction("aiShare", options.aiShare);
  const months = plan.horizonMonths;
  const grossMw = plan.grossPower / 1e6;
  const aiGrossMw = grossMw * aiShare;
  const miningGrossMw = grossMw - aiGrossMw;
  const m = plan.mining;
  const ai = plan.ai;

  // Mining, per gross MW and month, before the hashprice.
  const t = miningTerms(m);
  const { phsPerGrossMw, running, payout, kwhDrawn, tax, powerPerMw, creditPerMw } = t;
  const { opexPerMw, runningOpex, switchOff, opexWhileOff } = t;

  // The 9 series share one buffer: one allocation instead of 9 (siteCashFlows runs once per
  // scenario and split in bestSplit).
  const buffer = new ArrayBuffer(SERIES * months * 8 + months);
  let next = 0;
  const series = () => new Float64Array(buffer, 8 * months * next++, months);
  const miningRunning = new Uint8Array(buffer, SERIES * months * 8, months);
  const out = {
    miningRevenue: series(),
    miningPowerCost: series(),
    miningTax: series(),
    curtailmentCredit: series(),
    miningOpex: series(),
    miningEbitda: series(),
    foregoneMiningEbitda: series(),
    miningCapex: series(),
    cashFlow: series(),
  };
  // The AI segment does not depend on the mining.
  const aiSegment = aiSegmentCashFlows(ai, {
    grossPower: plan.grossPower,
    horizonMonths: months,
    aiShare,
  });
  const { aiRevenue, aiOpex, aiEbitda, aiCapex } = aiSegment;
  const aiStart = ai.constructionMonths;
  for (let month = 0; month < months; month++) {
    // Margin of one gross MW of mining this month.
    const hashprice = valueAt(m.hashprice, month, "mining.hashprice");
    const revenuePerMw = phsPerGrossMw * hashprice * DAYS_PER_MONTH * running * payout;
    // Off for the month when running would lose money: nothing earned or drawn; fixed opex is
    // still paid, opex that comes with hashing is not (and then counts in the decision).
    const on = !(switchOff && revenuePerMw - powerPerMw - runningOpex + creditPerMw < 0);
    const runningMarginPerMw = on ? revenuePerMw - powerPerMw + creditPerMw : 0;
    const paidOpexPerMw = opexWhileOff || on ? opexPerMw : 0;
    const marginPerMw = runningMarginPerMw - paidOpexPerMw;
    miningRunning[month] = on ? 1 : 0;
    if (on) {
      out.miningRevenue[month] = revenuePerMw * miningGrossMw;
      out.miningPowerCost[month] = powerPerMw * miningGrossMw;
      out.miningTax[month] = kwhDrawn * tax * miningGrossMw;
      out.curtailmentCredit[month] = creditPerMw * miningGrossMw;
    }
    out.miningOpex[month] = paidOpexPerMw * miningGrossMw;
    out.miningEbitda[month] = marginPerMw * miningGrossMw;
    if (month < aiStart) out.foregoneMiningEbitda[month] = marginPerMw * aiGrossMw;
  }
  out.miningCapex[0] = (m.capexUsdPerMw ?? 0) * miningGrossMw;

  for (let month = 0; month < months; month++) {
    out.cashFlow[month] = out.miningEbitda[month]! + aiEbitda[month]! -
      out.miningCapex[month]! - aiCapex[month]!;
  }
  return {
    aiShare,
    miningGrossMw,
    aiGrossMw,
    aiItMw: aiSegment.aiItMw,
    miningPhs: phsPerGrossMw * miningGrossMw,
    aiStartMonth: aiStart,
    miningRunning,
    ...out,
    aiRevenue,
    aiOpex,
    aiEbitda,
    aiCapex,
  };
}
