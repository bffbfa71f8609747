/**
 * An ASIC as an investment over its life: month by month, its share of a growing network earns
 * the block subsidy of the heights mined that month (halvings included) plus fees, against the
 * power it burns; then cumulative cash, payback month and IRR.
 *
 * @module
 */
import { subsidyBetweenBtc } from "../chain/subsidy.ts";
import { finite, positive, wholeNumber } from "../units/checks.ts";
import type { Efficiency } from "../units/efficiency.ts";
import { type Hashrate, ths } from "../units/hashrate.ts";
import { type Btc, btc, type Usd, usd } from "../units/money.ts";
import { DAYS_PER_YEAR, type UsdPerKwh } from "../units/prices.ts";
import { allInPrice, poolFeeValue, type PowerCostOptions, pueOf, uptimeValue } from "./_inputs.ts";
import { ConvergenceError } from "../finance/convergence_error.ts";
import { irr } from "../finance/irr.ts";
import { TARGET_BLOCKS_PER_DAY } from "./hashprice.ts";

/**
 * An ASIC's IRR that does not exist or is not unique. Never `NaN`.
 *
 * @example
 * ```ts
 * import { IrrError } from "./asic_investment.ts";
 * import assert from "node:assert/strict";
 *
 * const error = new IrrError("Cannot compute the ASIC's IRR: no sign change");
 * assert.ok(error instanceof RangeError);
 * assert.equal(error.name, "IrrError");
 * ```
 */
export class IrrError extends RangeError {
  /** Always `"IrrError"`. */
  override name = "IrrError";
}

/** The machine's price, in total or per TH/s, never both. */
export type PurchasePrice =
  | { readonly purchasePriceUsd: Usd; readonly usdPerTh?: never }
  | { readonly usdPerTh: number; readonly purchasePriceUsd?: never };

/** Inputs of {@linkcode asicInvestment}. */
export type AsicInvestmentInputs = PurchasePrice & {
  /** The machine's hashrate. */
  readonly hashrate: Hashrate;
  /** The machine's efficiency, J/TH. */
  readonly efficiency: Efficiency;
  /** Electricity price before any tax. */
  readonly powerPriceUsdPerKwh: UsdPerKwh;
  /** Months of life (a whole number ≥ 1); no salvage value at the end. */
  readonly lifeMonths: number;
  /** Block height when the machine starts; heights then advance blocks/day × days/month a month. */
  readonly startHeight: number;
  /** Network hashrate in month 1. */
  readonly networkHashrateStart: Hashrate;
  /** Growth of difficulty (= network hashrate at a steady block rate) per month, e.g. 0.02. No
   * default: it is the model's main assumption. */
  readonly monthlyDifficultyGrowth: number;
  /** BTC price each month (at least `lifeMonths` entries; extra ones are ignored), or one
   * constant price. */
  readonly btcPricePath: Usd | readonly Usd[];
  /** Average fees per block, constant over the life. */
  readonly feesBtcPerBlock: Btc;
};

/** Options of {@linkcode asicInvestment}. */
export interface AsicInvestmentOptions extends PowerCostOptions {
  /**
   * Share of the time the machine runs, in (0, 1].
   *
   * @default 1
   */
  readonly uptime?: number;
  /**
   * Share of revenue the pool keeps, in [0, 1).
   *
   * @default 0
   */
  readonly poolFee?: number;
  /** Blocks a day. Default {@linkcode TARGET_BLOCKS_PER_DAY} (144, the 600-second target). */
  readonly blocksPerDay?: number;
  /** Days in a month. Default 365 ÷ 12, the 365-day year of F4. */
  readonly daysPerMonth?: number;
  /** Switch the machine off in months whose margin would be negative, as an operator would.
   * Default true: margins then never go negative after the purchase, so the IRR is unique
   * whenever some month is profitable. With false the table runs the machine at a loss, and the
   * flows can change sign more than once (a loss-making tail after a halving), which leaves the
   * IRR ambiguous. */
  readonly switchOffAtLoss?: boolean;
  /** What to do when the IRR is undefined (no month is profitable, margins that never repay
   * any of the price, or flows that change sign more than once): `"throw"` an
   * {@linkcode IrrError} (default), or return `irrMonthly` and `irrAnnual` as `undefined`, e.g.
   * in a sweep over power prices. */
  readonly onUndefinedIrr?: "throw" | "undefined";
}

/** One month of an {@linkcode AsicInvestment}. */
export interface AsicMonth {
  /** Month number, 1 for the first. */
  readonly month: number;
  /** First and last block height of the month. */
  readonly heightStart: number;
  /** Last block height of the month. */
  readonly heightEnd: number;
  /** Average subsidy per block over the month's heights. */
  readonly subsidyBtcPerBlock: Btc;
  /** Network hashrate: start × (1 + growth)^(month − 1). */
  readonly networkHashrate: Hashrate;
  /** The machine's share of the network while it runs. */
  readonly hashrateShare: number;
  /** BTC price used. */
  readonly btcPriceUsd: Usd;
  /** False when switched off for a loss (see `switchOffAtLoss`); the month's flows are then 0. */
  readonly running: boolean;
  /** BTC earned after uptime and pool fee. */
  readonly btcMined: Btc;
  /** Revenue, USD. */
  readonly revenueUsd: Usd;
  /** Power cost (tax and PUE included), USD. */
  readonly powerCostUsd: Usd;
  /** Revenue − power cost, USD. */
  readonly marginUsd: Usd;
  /** −price + margins to date, USD. */
  readonly cumulativeCashUsd: Usd;
}

/** Result of {@linkcode asicInvestment}. */
export interface AsicInvestment {
  /** Price paid at the start (month 0). */
  readonly purchasePriceUsd: Usd;
  /** The monthly table. */
  readonly months: readonly AsicMonth[];
  /** First month whose cumulative cash is ≥ 0; undefined if the machine never pays back. */
  readonly paybackMonth: number | undefined;
  /** IRR per month of [−price, margin₁, …, marginₙ]. */
  readonly irrMonthly: number | undefined;
  /** The monthly IRR annualised: (1 + monthly)^12 − 1. */
  readonly irrAnnual: number | undefined;
  /** BTC earned over the life. */
  readonly totalBtcMined: Btc;
  /** Revenue over the life. */
  readonly totalRevenueUsd: Usd;
  /** Power cost over the life. */
  readonly totalPowerCostUsd: Usd;
  /** Sum of margins − price. */
  readonly netCashUsd: Usd;
}

/**
 * Monthly cash flows, payback and IRR of an ASIC bought at month 0.
 *
 * @example An S21 (200 TH/s, 17.5 J/TH) at $14/TH ([S60]) from the 2024 halving, 5¢ power
 * ```ts
 * import { asicInvestment } from "./asic_investment.ts";
 * import { jPerTh } from "../units/efficiency.ts";
 * import { ehs, ths } from "../units/hashrate.ts";
 * import { btc, usd } from "../units/money.ts";
 * import { usdPerKwh } from "../units/prices.ts";
 * import assert from "node:assert/strict";
 *
 * const inputs = {
 *   hashrate: ths(200),
 *   efficiency: jPerTh(17.5),
 *   usdPerTh: 14,
 *   powerPriceUsdPerKwh: usdPerKwh(0.05),
 *   lifeMonths: 36,
 *   startHeight: 840_000,
 *   networkHashrateStart: ehs(600),
 *   monthlyDifficultyGrowth: 0.02,
 *   btcPricePath: usd(90_000),
 *   feesBtcPerBlock: btc(0.05),
 * };
 * const s21 = asicInvestment(inputs);
 * assert.equal(s21.purchasePriceUsd, 2800);
 * assert.equal(s21.months[0]!.subsidyBtcPerBlock, 3.125);
 * assert.equal(s21.paybackMonth, 12);
 * assert.equal(s21.irrAnnual!.toFixed(2), "1.24"); // 124% a year (7.0% a month)
 * assert.throws(() => asicInvestment({ ...inputs, lifeMonths: 0 }), /lifeMonths: expected a whole number >= 1, got 0/);
 * ```
 */
export function asicInvestment(
  inputs: AsicInvestmentInputs,
  options: AsicInvestmentOptions = {},
): AsicInvestment {
  const hashrate = positive("hashrate", inputs.hashrate);
  const efficiency = positive("efficiency", inputs.efficiency);
  const price = purchasePrice(inputs, hashrate);
  const life = wholeNumber("lifeMonths", inputs.lifeMonths, 1);
  const startHeight = wholeNumber("startHeight", inputs.startHeight);
  const network0 = positive("networkHashrateStart", inputs.networkHashrateStart);
  const growth = finite("monthlyDifficultyGrowth", inputs.monthlyDifficultyGrowth);
  if (growth <= -1) {
    throw new RangeError(`Cannot use monthlyDifficultyGrowth: expected > -1, got ${growth}`);
  }
  const prices = pricePath(inputs.btcPricePath, life);
  const fees = finite("feesBtcPerBlock", inputs.feesBtcPerBlock);
  if (fees < 0) throw new RangeError(`Cannot use feesBtcPerBlock: expected >= 0, got ${fees}`);
  const uptime = uptimeValue("uptime", options.uptime ?? 1);
  const keep = 1 - poolFeeValue("poolFee", options.poolFee ?? 0);
  const daysPerMonth = positive("daysPerMonth", options.daysPerMonth ?? DAYS_PER_YEAR / 12);
  const blocksPerMonth = positive("blocksPerDay", options.blocksPerDay ?? TARGET_BLOCKS_PER_DAY) *
    daysPerMonth;
  if (blocksPerMonth < 1) {
    throw new RangeError(
      `Cannot use blocksPerDay × daysPerMonth: expected at least 1 block a month, got ${blocksPerMonth}`,
    );
  }
  const kwhPerMonth = (hashrate * efficiency / 1000) * 24 * daysPerMonth * uptime *
    pueOf(options);
  const powerCostPerMonth = kwhPerMonth * allInPrice(inputs.powerPriceUsdPerKwh, options);

  const months: AsicMonth[] = [];
  const flows = [-price];
  let cumulative = -price;
  let paybackMonth: number | undefined;
  let totals = { btc: 0, revenue: 0, power: 0 };
  for (let m = 1; m <= life; m++) {
    const heightStart = startHeight + Math.round((m - 1) * blocksPerMonth);
    const heightEnd = startHeight + Math.round(m * blocksPerMonth) - 1;
    const blocks = heightEnd - heightStart + 1;
    const subsidy = subsidyBetweenBtc(heightStart, heightEnd);
    const network = network0 * (1 + growth) ** (m - 1);
    const share = hashrate / network;
    if (share > 1) {
      throw new RangeError(
        `Cannot model month ${m}: the network hashrate ${network} TH/s is below the machine's ` +
          `${hashrate} TH/s`,
      );
    }
    const btcPrice = prices[m - 1]!;
    const mined = share * uptime * keep * (subsidy + fees * blocks);
    const margin = mined * btcPrice - powerCostPerMonth;
    const running = !((options.switchOffAtLoss ?? true) && margin < 0);
    const month = {
      btcMined: running ? mined : 0,
      revenue: running ? mined * btcPrice : 0,
      power: running ? powerCostPerMonth : 0,
    };
    cumulative += month.revenue - month.power;
    if (paybackMonth === undefined && cumulative >= 0) paybackMonth = m;
    flows.push(month.revenue - month.power);
    totals = {
      btc: totals.btc + month.btcMined,
      revenue: totals.revenue + month.revenue,
      power: totals.power + month.power,
    };
    months.push({
      month: m,
      heightStart,
      heightEnd,
      subsidyBtcPerBlock: btc(subsidy / blocks),
      networkHashrate: ths(network),
      hashrateShare: share,
      btcPriceUsd: usd(btcPrice),
      running,
      btcMined: btc(month.btcMined),
      revenueUsd: usd(month.revenue),
      powerCostUsd: usd(month.power),
      marginUsd: usd(month.revenue - month.power),
      cumulativeCashUsd: usd(cumulative),
    });
  }
  const irrMonthly = monthlyIrr(flows, price, options.onUndefinedIrr ?? "throw");
  return {
    purchasePriceUsd: usd(price),
    months,
    paybackMonth,
    irrMonthly,
    irrAnnual: irrMonthly === undefined ? undefined : (1 + irrMonthly) ** 12 - 1,
    totalBtcMined: btc(totals.btc),
    totalRevenueUsd: usd(totals.revenue),
    totalPowerCostUsd: usd(totals.power),
    netCashUsd: usd(cumulative),
  };
}

function purchasePrice(inputs: PurchasePrice, hashrate: number): number {
  const total = inputs.purchasePriceUsd;
  const perTh = inputs.usdPerTh;
  if ((total === undefined) === (perTh === undefined)) {
    throw new TypeError(
      "Cannot use the purchase price: expected exactly one of purchasePriceUsd or usdPerTh, got " +
        (total === undefined ? "neither" : "both"),
    );
  }
  return total !== undefined
    ? positive("purchasePriceUsd", total)
    : positive("usdPerTh", perTh!) * hashrate;
}

function pricePath(path: Usd | readonly Usd[], life: number): Float64Array {
  const prices = new Float64Array(life);
  if (typeof path === "number") {
    prices.fill(positive("btcPricePath", path));
    return prices;
  }
  if (path.length < life) {
    throw new RangeError(
      `Cannot use btcPricePath: expected at least ${life} monthly prices (lifeMonths), got ` +
        `${path.length}`,
    );
  }
  for (let i = 0; i < life; i++) prices[i] = positive(`btcPricePath[${i}]`, path[i]!);
  return prices;
}

function monthlyIrr(
  flows: number[],
  price: number,
  onUndefined: "throw" | "undefined",
): number | undefined {
  try {
    // One period per month, so the solver returns (and brackets) the monthly rate directly.
    return irr(flows.map((amount, t) => ({ t, amount })), { periodsPerYear: 1 });
  } catch (error) {
    if (!(error instanceof ConvergenceError)) throw error;
    if (onUndefined === "undefined") return undefined;
    const margins = flows.slice(1).reduce((a, b) => a + b, 0);
    throw new IrrError(
      `Cannot compute the ASIC's IRR: margins over the life total ${margins.toFixed(2)} USD ` +
        `against a price of ${price.toFixed(2)} USD. ${error.message}. Pass ` +
        '{ onUndefinedIrr: "undefined" } to get undefined instead.',
    );
  }
}
