/**
 * What `minerVsMullet` reports for each strategy across the price paths — cash flow, BTC and
 * network share, NPV and its distribution, the treasury under the policy, a sum-of-the-parts
 * value — and the valuation assumptions it takes.
 *
 * @module
 */
import type { PathSet } from "../finance/path_set.ts";
import type { SumOfTheParts } from "../site/sum_of_the_parts.ts";
import type { TreasuryPolicyKind } from "./treasury_policy.ts";

/**
 * Sum-of-the-parts assumptions of `minerVsMullet`. Mining is valued on its EBITDA or on its MW:
 * give exactly one of `miningEbitdaMultiple` and `miningUsdPerMw`. No cited defaults.
 */
export interface MulletValuation {
  /** EV ÷ EBITDA multiple on the forward 12 months' mining EBITDA (after SG&A). */
  readonly miningEbitdaMultiple?: number;
  /** Value per gross MW kept mining, USD (e.g. VanEck: miners trade at ~$4.5M per MW of
   * installed capacity as whole companies, https://www.sipoch.com/en/articles/300330021064466;
   * under the house view, `houseMwValues().miningUsdPerGrossMw`). */
  readonly miningUsdPerMw?: number;
  /** Cap rate on the AI segment's run-rate NOI (its first 12 months of revenue, annualised). */
  readonly aiCapRate: number;
  /** BTC price for the BTC held, USD. Default: the mean of the paths' first month. */
  readonly btcPriceUsd?: number;
}

/** The treasury across paths. */
export interface TreasuryOutcome {
  /** The policy both strategies ran. */
  readonly policy: TreasuryPolicyKind;
  /** Mean BTC held at the horizon. */
  readonly endBtcMean: number;
  /** Equity (BTC × price + cash − debt) at the horizon, per path, USD. */
  readonly endEquityUsd: Float64Array;
  /** Mean of `endEquityUsd`. */
  readonly endEquityMeanUsd: number;
  /** 5th percentile of `endEquityUsd`. */
  readonly endEquityP5Usd: number;
  /** Median of `endEquityUsd`. */
  readonly endEquityP50Usd: number;
  /** 95th percentile of `endEquityUsd`. */
  readonly endEquityP95Usd: number;
  /** Mean of each path's highest debt, USD. */
  readonly peakDebtMeanUsd: number;
  /** Mean total debt drawn, USD. */
  readonly debtDrawnMeanUsd: number;
  /** Share of paths with coins sold below the month's all-in cost at least once. */
  readonly saleBelowCostProbability: number;
  /** Mean number of months with a sale below cost. */
  readonly saleBelowCostMonthsMean: number;
  /** Median first month of a sale below cost over the paths that had one; `undefined` if none. */
  readonly firstSaleBelowCostMonthMedian: number | undefined;
  /** Share of paths with a sale forced by the debt limit. */
  readonly forcedSaleProbability: number;
  /** Share of paths whose debt went beyond the limit. */
  readonly debtLimitBreachProbability: number;
}

/** One strategy across paths. */
export interface StrategyOutcome {
  /** Which strategy. */
  readonly strategy: "pure miner" | "mullet";
  /** Share of gross MW in AI (0 for the pure miner). */
  readonly aiShare: number;
  /** NPV per path, USD. */
  readonly npvUsd: Float64Array;
  /** Mean NPV, USD. */
  readonly npvMeanUsd: number;
  /** 5th percentile of NPV, USD. */
  readonly npvP5Usd: number;
  /** Median NPV, USD. */
  readonly npvP50Usd: number;
  /** 95th percentile of NPV, USD. */
  readonly npvP95Usd: number;
  /** Share of paths with NPV < 0. */
  readonly lossProbability: number;
  /** Monthly cash flow (EBITDA − capex) per path, USD. */
  readonly cashFlow: PathSet;
  /** Mean over paths of each month's cash flow, USD. */
  readonly meanCashFlowByMonth: Float64Array;
  /** Mean over months and paths of the monthly cash flow, USD. */
  readonly meanMonthlyCashFlowUsd: number;
  /** Volatility of cash flow: the standard deviation of a month's cash flow across paths,
   * averaged over months, USD (deterministic items such as build capex add nothing). */
  readonly cashFlowVolatilityUsd: number;
  /** Mean number of months per path with negative cash flow. */
  readonly negativeCashFlowMonths: number;
  /** Mean number of months per path with negative EBITDA (before capex). */
  readonly negativeEbitdaMonths: number;
  /** Mean over paths of BTC mined each month (before pool fee). */
  readonly btcMinedByMonth: Float64Array;
  /** Mean over paths of the BTC mined over the horizon. */
  readonly btcMined: number;
  /** Mean over paths of the network share each month. */
  readonly shareByMonth: Float64Array;
  /** Mean over months and paths of the network share. */
  readonly meanShare: number;
  /** Mean over paths of the first 12 months' mining EBITDA (after SG&A), annualised, USD. */
  readonly forwardMiningEbitdaUsd: number;
  /** The treasury under the policy. */
  readonly treasury: TreasuryOutcome;
  /** Sum-of-the-parts value, when `valuation` was given. */
  readonly sumOfTheParts: SumOfTheParts | undefined;
}
