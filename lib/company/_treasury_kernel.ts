// The monthly treasury loop shared by simulateTreasury (one path, full trace) and minerVsMullet
// (10,000 paths, totals only): plain Float64Arrays, no allocation per month.

/** Policy codes, in the order of TREASURY_POLICY_KINDS. */
export const SELL_ALL = 0;
export const HOLD_ALL = 1;
export const SELL_ABOVE_COST = 2;
export const COVER_CASH_COSTS = 3;
export const TARGET_HOLDING = 4;

/** BTC a policy sells in month `m` (before the cap at the BTC held). */
export function saleBtc(
  code: number,
  target: Float64Array | undefined,
  m: number,
  held: number,
  price: number,
  allInCost: number,
  cashNeed: number,
): number {
  switch (code) {
    case SELL_ALL:
      return held;
    case SELL_ABOVE_COST:
      return price > allInCost ? held : 0;
    case COVER_CASH_COSTS:
      return cashNeed > 0 ? cashNeed / price : 0;
    case TARGET_HOLDING:
      return held - target![m]!;
    default:
      return 0;
  }
}

/** Per-month trace of a run (all optional outputs of one path). */
export interface TreasuryTrace {
  btcHeld: Float64Array;
  btcSold: Float64Array;
  forcedBtcSold: Float64Array;
  saleProceedsUsd: Float64Array;
  interestUsd: Float64Array;
  debtDrawnUsd: Float64Array;
  debtRepaidUsd: Float64Array;
  cashUsd: Float64Array;
  debtUsd: Float64Array;
  equityUsd: Float64Array;
  saleBelowCost: Uint8Array;
  forcedSale: Uint8Array;
  debtLimitBreach: Uint8Array;
}

/** One run: inputs set by the caller (subarrays of one path), totals written by the kernel. */
export interface TreasuryJob {
  months: number;
  code: number;
  target: Float64Array | undefined;
  price: ArrayLike<number>;
  received: ArrayLike<number>;
  expenses: ArrayLike<number>;
  capex: ArrayLike<number>;
  income: ArrayLike<number>;
  allInCost: ArrayLike<number>;
  openingBtc: number;
  openingCash: number;
  openingDebt: number;
  monthlyRate: number;
  debtLimit: number;
  // Written by runTreasury.
  btc: number;
  cash: number;
  debt: number;
  equity: number;
  peakDebt: number;
  debtDrawn: number;
  btcSold: number;
  salesBelowCost: number;
  firstSaleBelowCost: number;
  forcedSales: number;
  firstForcedSale: number;
  breaches: number;
}

/** A job with every number zeroed, ready for the caller to fill in. */
export function newJob(months: number): TreasuryJob {
  const none = new Float64Array(0);
  return {
    months,
    code: 0,
    target: undefined,
    price: none,
    received: none,
    expenses: none,
    capex: none,
    income: none,
    allInCost: none,
    openingBtc: 0,
    openingCash: 0,
    openingDebt: 0,
    monthlyRate: 0,
    debtLimit: Infinity,
    btc: 0,
    cash: 0,
    debt: 0,
    equity: 0,
    peakDebt: 0,
    debtDrawn: 0,
    btcSold: 0,
    salesBelowCost: 0,
    firstSaleBelowCost: -1,
    forcedSales: 0,
    firstForcedSale: -1,
    breaches: 0,
  };
}

/**
 * Runs the month loop. Each month, at the month's price: coins received join the stack; other
 * income is added to cash; interest on the opening debt, cash expenses and capex are paid; the policy sells;
 * a shortfall is covered by debt up to the limit, then by a forced sale of coins, then by debt
 * beyond the limit (flagged); spare cash repays debt.
 */
export function runTreasury(job: TreasuryJob, trace?: TreasuryTrace): void {
  const { price, received, expenses, capex, income, allInCost, code, target, monthlyRate } = job;
  const debtLimit = job.debtLimit;
  let btc = job.openingBtc;
  let cash = job.openingCash;
  let debt = job.openingDebt;
  let peakDebt = debt;
  let drawnTotal = 0;
  let soldTotal = 0;
  let below = 0;
  let firstBelow = -1;
  let forcedCount = 0;
  let firstForced = -1;
  let breaches = 0;
  for (let m = 0; m < job.months; m++) {
    const p = price[m]!;
    btc += received[m]!;
    const interest = debt * monthlyRate;
    // What coin sales must cover: expenses and interest net of other income.
    const need = expenses[m]! + interest - income[m]!;
    cash -= need + capex[m]!;
    let sell = saleBtc(code, target, m, btc, p, allInCost[m]!, need);
    if (sell > btc) sell = btc;
    if (sell < 0) sell = 0;
    btc -= sell;
    cash += sell * p;
    let drawn = 0;
    let forced = 0;
    let breach = 0;
    if (cash < 0) {
      const room = debtLimit - debt;
      drawn = room > 0 ? Math.min(-cash, room) : 0;
      debt += drawn;
      cash += drawn;
      if (cash < 0 && btc > 0) {
        forced = Math.min(btc, -cash / p);
        btc -= forced;
        cash += forced * p;
      }
      if (cash < -1e-6) {
        breach = 1;
        debt -= cash;
        drawn -= cash;
      }
      if (cash < 0) cash = 0;
    }
    let repaid = 0;
    if (cash > 0 && debt > 0) {
      repaid = Math.min(cash, debt);
      cash -= repaid;
      debt -= repaid;
    }
    const sold = sell + forced;
    const isBelow = sold > 0 && p < allInCost[m]! ? 1 : 0;
    if (isBelow) {
      below++;
      if (firstBelow < 0) firstBelow = m;
    }
    if (forced > 0) {
      forcedCount++;
      if (firstForced < 0) firstForced = m;
    }
    breaches += breach;
    drawnTotal += drawn;
    soldTotal += sold;
    if (debt > peakDebt) peakDebt = debt;
    if (trace !== undefined) {
      trace.btcHeld[m] = btc;
      trace.btcSold[m] = sold;
      trace.forcedBtcSold[m] = forced;
      trace.saleProceedsUsd[m] = sold * p;
      trace.interestUsd[m] = interest;
      trace.debtDrawnUsd[m] = drawn;
      trace.debtRepaidUsd[m] = repaid;
      trace.cashUsd[m] = cash;
      trace.debtUsd[m] = debt;
      trace.equityUsd[m] = btc * p + cash - debt;
      trace.saleBelowCost[m] = isBelow;
      trace.forcedSale[m] = forced > 0 ? 1 : 0;
      trace.debtLimitBreach[m] = breach;
    }
  }
  const last = job.months - 1;
  job.btc = btc;
  job.cash = cash;
  job.debt = debt;
  job.equity = btc * price[last]! + cash - debt;
  job.peakDebt = peakDebt;
  job.debtDrawn = drawnTotal;
  job.btcSold = soldTotal;
  job.salesBelowCost = below;
  job.firstSaleBelowCost = firstBelow;
  job.forcedSales = forcedCount;
  job.firstForcedSale = firstForced;
  job.breaches = breaches;
}
