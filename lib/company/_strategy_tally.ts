// Per-strategy scratch series and running totals for minerVsMullet: one path at a time in,
// the distributions and means of the comparison table out; and the strategy's sum of the parts
// by lib/site's sumOfTheParts (BTC held at today's price, forward mining EBITDA at a multiple,
// run-rate AI NOI at a cap rate, less net debt and the AI build capex still to spend).
import type { PathSet } from "../finance/path_set.ts";
import { percentiles } from "../finance/percentiles.ts";
import { type SumOfTheParts, sumOfTheParts } from "../site/sum_of_the_parts.ts";
import { nonNegative, positive } from "../units/checks.ts";
import { formatUsd } from "../units/format.ts";
import type { CheckedCompany } from "./miner_company.ts";
import type { MulletValuation, StrategyOutcome } from "./strategy_outcome.ts";
import { runTreasury, type TreasuryJob } from "./_treasury_kernel.ts";
import type { TreasuryPolicyKind } from "./treasury_policy.ts";

/** Scratch and totals of one strategy. */
export class StrategyTally {
  readonly share: Float64Array;
  readonly btc: Float64Array;
  readonly received: Float64Array;
  readonly miningEbitda: Float64Array;
  readonly ebitda: Float64Array;
  readonly cash: Float64Array;
  readonly expenses: Float64Array;
  readonly capex: Float64Array;
  readonly allIn: Float64Array;
  readonly npv: Float64Array;
  readonly cashPaths: Float64Array;
  readonly endEquity: Float64Array;
  private readonly sumCash: Float64Array;
  private readonly sumSqCash: Float64Array;
  private readonly shift: Float64Array;
  private readonly sumBtc: Float64Array;
  private readonly sumShare: Float64Array;
  private forwardEbitda = 0;
  private negativeCash = 0;
  private negativeEbitda = 0;
  private endBtc = 0;
  private peakDebt = 0;
  private debtDrawn = 0;
  private pathsBelowCost = 0;
  private monthsBelowCost = 0;
  private readonly firstBelow: number[] = [];
  private pathsForced = 0;
  private pathsBreached = 0;
  policy: TreasuryPolicyKind = "sell-all";

  constructor(
    readonly strategy: "pure miner" | "mullet",
    readonly scale: number,
    readonly aiEbitda: Float64Array,
    readonly aiCapex: Float64Array,
    readonly aiShare: number,
    readonly months: number,
    readonly paths: number,
  ) {
    const series = () => new Float64Array(months);
    this.share = series();
    this.btc = series();
    this.received = series();
    this.miningEbitda = series();
    this.ebitda = series();
    this.cash = series();
    this.expenses = series();
    this.capex = series();
    this.allIn = series();
    this.sumCash = series();
    this.sumSqCash = series();
    this.shift = series();
    this.sumBtc = series();
    this.sumShare = series();
    this.npv = new Float64Array(paths);
    this.endEquity = new Float64Array(paths);
    this.cashPaths = new Float64Array(paths * months);
  }

  /** Mean over the paths so far of the first 12 months' mining EBITDA, annualised. */
  forwardMiningEbitdaUsd(): number {
    return this.forwardEbitda / this.paths;
  }

  /** Records path `p` from the scratch series, then runs its treasury. */
  addPath(p: number, npv: number, job: TreasuryJob): void {
    const months = this.months;
    this.npv[p] = npv;
    this.cashPaths.set(this.cash, p * months);
    if (p === 0) this.shift.set(this.cash);
    let forward = 0;
    for (let m = 0; m < months; m++) {
      const cash = this.cash[m]!;
      // Shifted by path 0's value so the variance keeps its precision.
      const d = cash - this.shift[m]!;
      this.sumCash[m]! += d;
      this.sumSqCash[m]! += d * d;
      this.sumBtc[m]! += this.btc[m]!;
      this.sumShare[m]! += this.share[m]!;
      if (cash < 0) this.negativeCash++;
      if (this.ebitda[m]! < 0) this.negativeEbitda++;
      if (m < 12) forward += this.miningEbitda[m]!;
    }
    this.forwardEbitda += (forward * 12) / Math.min(12, months);
    runTreasury(job);
    this.endBtc += job.btc;
    this.endEquity[p] = job.equity;
    this.peakDebt += job.peakDebt;
    this.debtDrawn += job.debtDrawn;
    if (job.salesBelowCost > 0) {
      this.pathsBelowCost++;
      this.firstBelow.push(job.firstSaleBelowCost);
    }
    this.monthsBelowCost += job.salesBelowCost;
    if (job.forcedSales > 0) this.pathsForced++;
    if (job.breaches > 0) this.pathsBreached++;
  }

  /** The strategy's outcome over every path added. */
  outcome(seed: number, sumOfTheParts: SumOfTheParts | undefined): StrategyOutcome {
    const { months, paths } = this;
    const [p5, p50, p95] = percentiles(this.npv, [5, 50, 95]);
    const [e5, e50, e95] = percentiles(this.endEquity, [5, 50, 95]);
    const meanCash = new Float64Array(months);
    let cashTotal = 0;
    let volatility = 0;
    for (let m = 0; m < months; m++) {
      const meanShifted = this.sumCash[m]! / paths;
      meanCash[m] = this.shift[m]! + meanShifted;
      cashTotal += meanCash[m]!;
      volatility += Math.sqrt(Math.max(0, this.sumSqCash[m]! / paths - meanShifted ** 2));
    }
    let losses = 0;
    for (const v of this.npv) if (v < 0) losses++;
    const btcByMonth = this.sumBtc.map((v) => v / paths);
    const shareByMonth = this.sumShare.map((v) => v / paths);
    const mean = (values: Float64Array) => values.reduce((a, b) => a + b, 0) / values.length;
    return {
      strategy: this.strategy,
      aiShare: this.aiShare,
      npvUsd: this.npv,
      npvMeanUsd: mean(this.npv),
      npvP5Usd: p5!,
      npvP50Usd: p50!,
      npvP95Usd: p95!,
      lossProbability: losses / paths,
      cashFlow: { paths: this.cashPaths, pathCount: paths, steps: months, seed },
      meanCashFlowByMonth: meanCash,
      meanMonthlyCashFlowUsd: cashTotal / months,
      cashFlowVolatilityUsd: volatility / months,
      negativeCashFlowMonths: this.negativeCash / paths,
      negativeEbitdaMonths: this.negativeEbitda / paths,
      btcMinedByMonth: btcByMonth,
      btcMined: btcByMonth.reduce((a, b) => a + b, 0),
      shareByMonth,
      meanShare: mean(shareByMonth),
      forwardMiningEbitdaUsd: this.forwardMiningEbitdaUsd(),
      treasury: {
        policy: this.policy,
        endBtcMean: this.endBtc / paths,
        endEquityUsd: this.endEquity,
        endEquityMeanUsd: mean(this.endEquity),
        endEquityP5Usd: e5!,
        endEquityP50Usd: e50!,
        endEquityP95Usd: e95!,
        peakDebtMeanUsd: this.peakDebt / paths,
        debtDrawnMeanUsd: this.debtDrawn / paths,
        saleBelowCostProbability: this.pathsBelowCost / paths,
        saleBelowCostMonthsMean: this.monthsBelowCost / paths,
        firstSaleBelowCostMonthMedian: this.firstBelow.length === 0
          ? undefined
          : percentiles(this.firstBelow, [50])[0]!,
        forcedSaleProbability: this.pathsForced / paths,
        debtLimitBreachProbability: this.pathsBreached / paths,
      },
      sumOfTheParts,
    };
  }
}

/** The strategy's sum of the parts. Net debt includes the AI build capex still to spend. */
export function strategyValue(
  tally: StrategyTally,
  company: CheckedCompany,
  valuation: MulletValuation,
  price: PathSet,
  grossMw: number,
): SumOfTheParts {
  const months = tally.months;
  const { miningEbitdaMultiple, miningUsdPerMw } = valuation;
  if ((miningEbitdaMultiple === undefined) === (miningUsdPerMw === undefined)) {
    throw new TypeError(
      "Cannot use valuation: expected exactly one of miningEbitdaMultiple or miningUsdPerMw, " +
        `got ${miningEbitdaMultiple === undefined ? "neither" : "both"}`,
    );
  }
  const byMw = miningUsdPerMw !== undefined;
  const multiple = byMw ? 0 : nonNegative("valuation.miningEbitdaMultiple", miningEbitdaMultiple!);
  const perMw = byMw ? nonNegative("valuation.miningUsdPerMw", miningUsdPerMw) : 0;
  const miningMw = grossMw * tally.scale;
  const capRate = positive("valuation.aiCapRate", valuation.aiCapRate);
  let firstPrice = 0;
  for (let p = 0; p < price.pathCount; p++) firstPrice += price.paths[p * price.steps]!;
  const btcPrice = positive(
    "valuation.btcPriceUsd",
    valuation.btcPriceUsd ?? firstPrice / price.pathCount,
  );
  let start = tally.aiEbitda.findIndex((v) => v !== 0);
  if (start < 0) start = months;
  let noi = 0;
  const end = Math.min(months, start + 12);
  for (let m = start; m < end; m++) noi += tally.aiEbitda[m]!;
  const runRate = end > start ? (noi * 12) / (end - start) : 0;
  const buildCapex = tally.aiCapex.reduce((a, b) => a + b, 0);
  const value = sumOfTheParts({
    btcHeld: company.opening.btc,
    btcPriceUsd: btcPrice,
    miningEbitdaUsd: byMw ? 0 : tally.forwardMiningEbitdaUsd(),
    miningMultiple: multiple,
    aiNoiUsd: Math.max(0, runRate),
    aiCapRate: capRate,
    uncontractedMw: byMw ? miningMw : 0,
    netDebtUsd: company.opening.debtUsd - company.opening.cashUsd + buildCapex,
  }, { usdPerUncontractedMw: perMw });
  if (!byMw) return value;
  // Valued per MW, the mining MW take the place of sumOfTheParts' "Uncontracted MW" part.
  const parts = value.parts
    .filter((part) => part.part !== "Mining")
    .map((part) =>
      part.part === "Uncontracted MW"
        ? { ...part, part: "Mining MW", basis: `${miningMw} MW at ${formatUsd(perMw)}/MW` }
        : part
    );
  return { ...value, parts };
}
