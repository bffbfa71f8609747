/**
 * Returns of a site's monthly cash flows: NPV, IRR, payback, peak funding need, capex, and
 * revenue and EBITDA per MW-year for each segment. The IRR is a root solve on every call; when
 * only the NPV is needed (e.g. per Monte Carlo path) use `siteNpv`, which is much cheaper.
 *
 * @module
 */
import { ConvergenceError } from "../finance/convergence_error.ts";
import { irr } from "../finance/irr.ts";
import { npv } from "../finance/npv.ts";
import { paybackPeriod } from "../finance/payback.ts";
import { peakFundingNeed } from "../finance/peak_funding.ts";
import { finite, nonNegative } from "../units/checks.ts";
import type { SiteCashFlows } from "./site_cash_flows.ts";

/** Revenue and EBITDA intensity of a segment, USD per MW-year. */
export interface SegmentIntensity {
  /** Per gross MW of the segment. */
  readonly revenuePerGrossMwYear: number;
  /** EBITDA per gross MW-year. */
  readonly ebitdaPerGrossMwYear: number;
}

/** The returns of one projection. */
export interface SiteReturns {
  /** NPV of `cashFlow` (plus any terminal value) at the discount rate, flows at month ends. */
  readonly npvUsd: number;
  /** Terminal value added at the horizon, USD (0 without `terminal`). */
  readonly terminalValueUsd: number;
  /** Annual IRR, or `undefined` when none exists (see `irrProblem`). */
  readonly irr: number | undefined;
  /** Why there is no IRR, when there is none. */
  readonly irrProblem: string | undefined;
  /** Years until cumulative cash turns positive for good; `undefined` if never. */
  readonly paybackYears: number | undefined;
  /** Largest cumulative cash deficit, USD. */
  readonly peakFundingUsd: number;
  /** Total capex over the horizon, USD. */
  readonly capexUsd: number;
  /** Undiscounted sums over the horizon. */
  readonly totalEbitdaUsd: number;
  /** Mining margin given up while converting, USD. */
  readonly totalForegoneMiningUsd: number;
  /** Mining: mean over the horizon, annualised. */
  readonly mining: SegmentIntensity;
  /** AI: mean over the months with revenue, annualised; also per IT MW. */
  readonly ai: SegmentIntensity & {
    readonly revenuePerItMwYear: number;
    readonly ebitdaPerItMwYear: number;
  };
}

/** Options of {@linkcode siteReturns}. */
export interface SiteReturnsOptions {
  /** Annual discount rate. Required: the cost of capital is the analyst's call. */
  readonly discountRate: number;
  /** Value at the end of the horizon as multiples of each segment's last-12-month EBITDA,
   * added to the last month's cash flow. Default none: only the horizon's cash counts, which
   * undervalues long leases that outlast it. */
  readonly terminal?: {
    readonly miningEbitdaMultiple?: number;
    readonly aiEbitdaMultiple?: number;
  };
}

/**
 * Terminal value at the horizon: each segment's last-12-month EBITDA times its multiple.
 *
 * @example
 * ```ts
 * import { terminalValue } from "./site_returns.ts";
 * import assert from "node:assert/strict";
 *
 * const flows = { miningEbitda: new Float64Array(24).fill(1), aiEbitda: new Float64Array(24).fill(2),
 *   cashFlow: new Float64Array(24) };
 * assert.equal(terminalValue(flows, { miningEbitdaMultiple: 5, aiEbitdaMultiple: 10 }), 12 * 5 + 24 * 10);
 * ```
 */
export function terminalValue(
  flows: Pick<SiteCashFlows, "miningEbitda" | "aiEbitda" | "cashFlow">,
  terminal: NonNullable<SiteReturnsOptions["terminal"]>,
): number {
  const n = flows.cashFlow.length;
  const lastYear = (values: Float64Array) => {
    let sum = 0;
    for (let i = Math.max(0, n - 12); i < n; i++) sum += values[i]!;
    return sum * 12 / Math.min(12, n);
  };
  return lastYear(flows.miningEbitda) *
      nonNegative("terminal.miningEbitdaMultiple", terminal.miningEbitdaMultiple ?? 0) +
    lastYear(flows.aiEbitda) *
      nonNegative("terminal.aiEbitdaMultiple", terminal.aiEbitdaMultiple ?? 0);
}

function meanPerYear(values: Float64Array, from: number): number {
  if (from >= values.length) return 0;
  let sum = 0;
  for (let i = from; i < values.length; i++) sum += values[i]!;
  return (sum / (values.length - from)) * 12;
}

/**
 * NPV, IRR, payback and per-MW intensities of a projection.
 *
 * @example A plan that pays 1,000 a month after 12,000 up front
 * ```ts
 * import { siteReturns } from "./site_returns.ts";
 * import assert from "node:assert/strict";
 *
 * const cash = Float64Array.from({ length: 25 }, (_, m) => (m === 0 ? -12_000 : 1_000));
 * const zero = new Float64Array(25);
 * const flows = { aiShare: 0, miningGrossMw: 1, aiGrossMw: 0, aiItMw: 0, miningPhs: 1, aiStartMonth: 0,
 *   miningRunning: new Uint8Array(25).fill(1), miningRevenue: zero, miningPowerCost: zero, miningTax: zero, curtailmentCredit: zero, miningOpex: zero,
 *   miningEbitda: cash.map((c, m) => (m === 0 ? 0 : c)), aiRevenue: zero, aiOpex: zero, aiEbitda: zero,
 *   foregoneMiningEbitda: zero, miningCapex: cash.map((c, m) => (m === 0 ? -c : 0)), aiCapex: zero,
 *   cashFlow: cash };
 * const r = siteReturns(flows, { discountRate: 0 });
 * assert.equal(r.npvUsd, 12_000);
 * assert.equal(r.peakFundingUsd, 12_000);
 * // Paid at the end of month 1, recovered by the end of month 13.
 * assert.equal(r.paybackYears, 13 / 12);
 * ```
 */
export function siteReturns(flows: SiteCashFlows, options: SiteReturnsOptions): SiteReturns {
  const rate = finite("discountRate", options.discountRate);
  const terminal = terminalValue(flows, options.terminal ?? {});
  const last = flows.cashFlow.length - 1;
  // Month m's flow lands at the end of month m; the terminal value with the last one.
  const dated = Array.from(
    flows.cashFlow,
    (amount, m) => ({ t: m + 1, amount: m === last ? amount + terminal : amount }),
  );
  const timing = { periodsPerYear: 12 };
  let irrValue: number | undefined;
  let irrProblem: string | undefined;
  try {
    irrValue = irr(dated, timing);
  } catch (error) {
    if (!(error instanceof ConvergenceError)) throw error;
    irrProblem = error.message;
  }
  let capex = 0;
  let ebitda = 0;
  let foregone = 0;
  for (let m = 0; m < flows.cashFlow.length; m++) {
    capex += flows.miningCapex[m]! + flows.aiCapex[m]!;
    ebitda += flows.miningEbitda[m]! + flows.aiEbitda[m]!;
    foregone += flows.foregoneMiningEbitda[m]!;
  }
  const aiRevenue = meanPerYear(flows.aiRevenue, flows.aiStartMonth);
  const aiEbitda = meanPerYear(flows.aiEbitda, flows.aiStartMonth);
  const perMw = (value: number, mw: number) => (mw > 0 ? value / mw : 0);
  return {
    npvUsd: npv(dated, { rate, ...timing }),
    terminalValueUsd: terminal,
    irr: irrValue,
    irrProblem,
    paybackYears: paybackPeriod(dated, timing),
    peakFundingUsd: peakFundingNeed(dated, timing).need,
    capexUsd: capex,
    totalEbitdaUsd: ebitda,
    totalForegoneMiningUsd: foregone,
    mining: {
      revenuePerGrossMwYear: perMw(meanPerYear(flows.miningRevenue, 0), flows.miningGrossMw),
      ebitdaPerGrossMwYear: perMw(meanPerYear(flows.miningEbitda, 0), flows.miningGrossMw),
    },
    ai: {
      revenuePerGrossMwYear: perMw(aiRevenue, flows.aiGrossMw),
      ebitdaPerGrossMwYear: perMw(aiEbitda, flows.aiGrossMw),
      revenuePerItMwYear: perMw(aiRevenue, flows.aiItMw),
      ebitdaPerItMwYear: perMw(aiEbitda, flows.aiItMw),
    },
  };
}
