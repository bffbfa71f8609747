/**
 * A miner's treasury month by month under a policy (`treasury_policy.ts`): BTC held, cash,
 * debt drawn to fund capex and opex, interest, and mark-to-market equity = BTC held × price +
 * cash − debt. Flags the months in which coins were sold below the month's all-in cost per BTC,
 * and those in which a sale was forced (the debt limit left no other way to pay).
 *
 * Each month, at the month's price: the coins received join the stack; other income is added
 * to cash; interest on the opening debt, cash expenses and capex are paid from cash; the policy sells; a shortfall is met with
 * debt up to the limit, then by a forced sale of coins, then by debt beyond the limit
 * (flagged); spare cash repays debt.
 *
 * @module
 */
import { finite, nonNegative } from "../units/checks.ts";
import type { BalanceSheet } from "./miner_company.ts";
import { checkSeries } from "./_monthly.ts";
import { newJob, runTreasury, type TreasuryTrace } from "./_treasury_kernel.ts";
import { compileTreasuryPolicy, type TreasuryPolicy } from "./treasury_policy.ts";

/** Inputs of {@linkcode simulateTreasury}: one value per month (a `MinerProjection` fits). */
export interface TreasuryInputs {
  /** BTC price, USD. */
  readonly btcPriceUsd: ArrayLike<number>;
  /** Coins received after the pool fee, BTC. */
  readonly btcReceived: ArrayLike<number>;
  /** Costs paid in dollars (power, hosting, SG&A), USD. */
  readonly cashExpensesUsd: ArrayLike<number>;
  /** Capex, USD. */
  readonly capexUsd: ArrayLike<number>;
  /** All-in cost per BTC mined, USD (`Infinity` when none is mined). */
  readonly allInCostPerBtc: ArrayLike<number>;
  /** Cash earned other than by selling coins (e.g. an AI segment's NOI), USD. Default none. */
  readonly otherIncomeUsd?: ArrayLike<number>;
}

/** Options of {@linkcode simulateTreasury}. */
export interface TreasuryOptions {
  /** The policy. Required. */
  readonly policy: TreasuryPolicy;
  /** Annual effective interest rate on debt. Required: the analyst's cost of debt (MARA's 2031
   * converts pay 2.125%, Core Scientific's 3% [S3]). */
  readonly debtRateAnnual: number;
  /** Most debt the company can draw, USD. Default `Infinity`: no limit, so the run shows the
   * debt a policy needs. */
  readonly debtLimitUsd?: number;
  /** Opening BTC, cash and debt. Default none. */
  readonly opening?: BalanceSheet;
}

/** Result of {@linkcode simulateTreasury}; series have one value per month (end of month). */
export interface TreasuryResult {
  /** BTC held. */
  readonly btcHeld: Float64Array;
  /** BTC sold, by the policy and forced. */
  readonly btcSold: Float64Array;
  /** The forced part of `btcSold`. */
  readonly forcedBtcSold: Float64Array;
  /** Proceeds of sales, USD. */
  readonly saleProceedsUsd: Float64Array;
  /** Interest paid, USD. */
  readonly interestUsd: Float64Array;
  /** Debt drawn, USD. */
  readonly debtDrawnUsd: Float64Array;
  /** Debt repaid, USD. */
  readonly debtRepaidUsd: Float64Array;
  /** Cash, USD. */
  readonly cashUsd: Float64Array;
  /** Debt outstanding, USD. */
  readonly debtUsd: Float64Array;
  /** BTC held × price + cash − debt, USD. */
  readonly equityUsd: Float64Array;
  /** Months with coins sold below the month's all-in cost per BTC. */
  readonly saleBelowCostMonths: readonly number[];
  /** The first of them, or `undefined`: did the policy ever sell below cost? */
  readonly firstSaleBelowCostMonth: number | undefined;
  /** Months with a forced sale (the debt limit reached). */
  readonly forcedSaleMonths: readonly number[];
  /** Months in which debt went beyond the limit (nothing left to sell). */
  readonly debtLimitBreachMonths: readonly number[];
  /** Total debt drawn, USD. */
  readonly totalDebtDrawnUsd: number;
  /** Highest debt outstanding, USD. */
  readonly peakDebtUsd: number;
}

function monthsFlagged(flags: Uint8Array): number[] {
  const out: number[] = [];
  flags.forEach((flag, m) => flag && out.push(m));
  return out;
}

/**
 * Runs a treasury policy over the months of a projection.
 *
 * @example Holding everything at a loss: debt funds the costs (checked by hand)
 * ```ts
 * import { simulateTreasury } from "./treasury.ts";
 * import assert from "node:assert/strict";
 *
 * const inputs = { btcPriceUsd: [50_000, 50_000], btcReceived: [10, 10], cashExpensesUsd: [600_000, 600_000],
 *   capexUsd: [0, 0], allInCostPerBtc: [70_000, 70_000] };
 * const hold = simulateTreasury(inputs, { policy: { kind: "hold-all" }, debtRateAnnual: 0 });
 * assert.deepEqual([...hold.btcHeld], [10, 20]);
 * assert.deepEqual([...hold.debtUsd], [600_000, 1_200_000]);
 * assert.equal(hold.equityUsd[1], 20 * 50_000 - 1_200_000);
 * assert.equal(hold.firstSaleBelowCostMonth, undefined);
 * const sell = simulateTreasury(inputs, { policy: { kind: "sell-all" }, debtRateAnnual: 0 });
 * assert.deepEqual(sell.saleBelowCostMonths, [0, 1]);
 * ```
 */
export function simulateTreasury(inputs: TreasuryInputs, options: TreasuryOptions): TreasuryResult {
  const months = inputs.btcPriceUsd?.length ?? 0;
  if (months === 0) {
    throw new RangeError("Cannot use btcPriceUsd: expected monthly values, got none");
  }
  checkSeries("btcPriceUsd", inputs.btcPriceUsd, months, (field, v) => {
    if (!(v > 0) || !Number.isFinite(v)) {
      throw new RangeError(`Cannot use ${field}: expected a value > 0, got ${v}`);
    }
    return v;
  });
  checkSeries("btcReceived", inputs.btcReceived, months, nonNegative);
  checkSeries("cashExpensesUsd", inputs.cashExpensesUsd, months, nonNegative);
  checkSeries("capexUsd", inputs.capexUsd, months, nonNegative);
  checkSeries("allInCostPerBtc", inputs.allInCostPerBtc, months, (field, v) => {
    if (v === Infinity) return v;
    return nonNegative(field, v);
  });
  if (inputs.otherIncomeUsd !== undefined) {
    checkSeries("otherIncomeUsd", inputs.otherIncomeUsd, months, finite);
  }
  const policy = compileTreasuryPolicy(options.policy, months);
  const rate = finite("debtRateAnnual", options.debtRateAnnual);
  if (rate <= -1) {
    throw new RangeError(`Cannot use debtRateAnnual: expected a rate > -1, got ${rate}`);
  }
  const limit = options.debtLimitUsd ?? Infinity;
  if (!(limit >= 0)) {
    throw new RangeError(`Cannot use debtLimitUsd: expected a value >= 0, got ${limit}`);
  }
  const opening = options.opening ?? {};
  const job = newJob(months);
  job.code = policy.code;
  job.target = policy.targetBtc;
  job.price = inputs.btcPriceUsd;
  job.received = inputs.btcReceived;
  job.expenses = inputs.cashExpensesUsd;
  job.capex = inputs.capexUsd;
  job.income = inputs.otherIncomeUsd ?? new Float64Array(months);
  job.allInCost = inputs.allInCostPerBtc;
  job.openingBtc = nonNegative("opening.btc", opening.btc ?? 0);
  job.openingCash = nonNegative("opening.cashUsd", opening.cashUsd ?? 0);
  job.openingDebt = nonNegative("opening.debtUsd", opening.debtUsd ?? 0);
  job.monthlyRate = (1 + rate) ** (1 / 12) - 1;
  job.debtLimit = limit;
  const series = () => new Float64Array(months);
  const trace: TreasuryTrace = {
    btcHeld: series(),
    btcSold: series(),
    forcedBtcSold: series(),
    saleProceedsUsd: series(),
    interestUsd: series(),
    debtDrawnUsd: series(),
    debtRepaidUsd: series(),
    cashUsd: series(),
    debtUsd: series(),
    equityUsd: series(),
    saleBelowCost: new Uint8Array(months),
    forcedSale: new Uint8Array(months),
    debtLimitBreach: new Uint8Array(months),
  };
  runTreasury(job, trace);
  const below = monthsFlagged(trace.saleBelowCost);
  const { saleBelowCost: _b, forcedSale, debtLimitBreach, ...series_ } = trace;
  return {
    ...series_,
    saleBelowCostMonths: below,
    firstSaleBelowCostMonth: below[0],
    forcedSaleMonths: monthsFlagged(forcedSale),
    debtLimitBreachMonths: monthsFlagged(debtLimitBreach),
    totalDebtDrawnUsd: job.debtDrawn,
    peakDebtUsd: job.peakDebt,
  };
}
