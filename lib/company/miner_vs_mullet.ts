/**
 * A pure self-miner against the mullet on the same company and the same price paths: the same
 * gross MW either all hashing, or split per the site model — AI in the front (`aiSegmentCashFlows`
 * of lib/site, from month 0) and mining in the back with the same fleet scaled to the MW left.
 * Both run the same treasury policy. Per path: monthly cash flow, BTC mined, network share,
 * NPV and the treasury; across paths: means, dispersion and percentiles for the comparison
 * table (`minerVsMulletTable`), plus a sum-of-the-parts value of each.
 *
 * Cash flow = EBITDA (coins valued at the month's price as mined, after pool fee, power,
 * hosting and SG&A; plus AI NOI) − capex (machines and the AI build). SG&A is the same in both
 * strategies; in the cost per BTC the mullet's mining carries its share of MW of it. The
 * network hashrate paths are exogenous: the mullet's smaller fleet does not lower them. Unless
 * the company says otherwise, uneconomic models are switched off month by month on each path
 * (`switchOffAtLoss`), in both strategies alike.
 *
 * @module
 */
import type { PathSet } from "../finance/path_set.ts";
import { aiSegmentCashFlows } from "../site/ai_segment_cash_flows.ts";
import type { AiPlan, MonthlyValues } from "../site/site_plan.ts";
import { type SiteReturnsOptions, terminalValue } from "../site/site_returns.ts";
import { finite, fraction } from "../units/checks.ts";
import { checkMinerCompany, type MinerCompany } from "./miner_company.ts";
import { networkIssuance, type NetworkIssuanceOptions } from "./production.ts";
import { compileTreasuryPolicy, type TreasuryPolicy } from "./treasury_policy.ts";
import { HOURS_PER_MONTH } from "./unit_costs.ts";
import { StrategyTally, strategyValue } from "./_strategy_tally.ts";
import type { MulletValuation, StrategyOutcome } from "./strategy_outcome.ts";
import { newJob } from "./_treasury_kernel.ts";
import { checkPaths, pathRow } from "./_monthly.ts";
import { modelsRunning, runningFleet } from "./_running_fleet.ts";

/** Inputs of {@linkcode minerVsMullet}. */
export interface MinerVsMulletInputs {
  /** The company (its fleet fills the whole grid connection's mining MW as a pure miner). */
  readonly company: MinerCompany;
  /** The mullet's AI segment (colocation or GPU cloud), as in lib/site. */
  readonly ai: AiPlan;
  /** Share of gross MW the mullet gives to AI, 0–1 (e.g. `bestSplit(…).best.aiShare`). */
  readonly aiShare: number;
  /** BTC price paths, USD, one value per month (`gbmPaths`, `bootstrapPaths`); at least the
   * company's horizon in steps. */
  readonly btcPrice: PathSet;
  /** Network hashrate, TH/s: paths paired by index with `btcPrice` (`hashratePaths`), or one
   * scenario for every path. */
  readonly networkHashrate: PathSet | MonthlyValues;
}

/** Options of {@linkcode minerVsMullet}. */
export interface MinerVsMulletOptions extends NetworkIssuanceOptions {
  /** Annual discount rate for NPV. Required: the cost of capital is the analyst's call. */
  readonly discountRate: number;
  /** Annual interest rate on debt the treasury draws. Required (see `simulateTreasury`). */
  readonly debtRateAnnual: number;
  /**
   * Treasury policy of both strategies.
   *
   * @default { kind: "sell-all" }
   */
  readonly policy?: TreasuryPolicy;
  /** Debt limit, USD. Default `Infinity` (see `simulateTreasury`). */
  readonly debtLimitUsd?: number;
  /** Terminal value at the horizon as EBITDA multiples, added to NPV (as `siteReturns`).
   * Default none: only the horizon's cash counts. */
  readonly terminal?: SiteReturnsOptions["terminal"];
  /** Sum-of-the-parts assumptions. Default none: no `sumOfTheParts` in the result. */
  readonly valuation?: MulletValuation;
}

/** Result of {@linkcode minerVsMullet}. */
export interface MinerVsMullet {
  /** Months projected. */
  readonly months: number;
  /** Paths evaluated. */
  readonly paths: number;
  /** Share of gross MW in AI for the mullet. */
  readonly aiShare: number;
  /** The pure self-miner. */
  readonly pure: StrategyOutcome;
  /** The mullet. */
  readonly mullet: StrategyOutcome;
  /** Mean over months and paths of the network share the mullet gives up (pure − mullet). */
  readonly hashrateShareGivenUp: number;
  /** Mullet NPV − pure NPV, per path, USD. */
  readonly npvDifferenceUsd: Float64Array;
  /** Share of paths on which the mullet's NPV is higher. */
  readonly mulletWinsProbability: number;
}

/**
 * Compares the pure miner with the mullet over every price path.
 *
 * @example With no AI the two strategies are the same company
 * ```ts
 * import { minerVsMullet } from "./miner_vs_mullet.ts";
 * import { ehs, grossMw, jPerTh, ths, usdPerMwYear } from "../units/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const company = {
 *   grossPower: grossMw(100), startHeight: 952_053, feesBtcPerBlock: 0.03,
 *   costs: { powerPrice: 0.04, pue: 1.1, poolFee: 0.02, hostingUsdPerMwMonth: 5_000, sgaUsdPerMonth: 1e6 },
 *   fleet: { horizonMonths: 24, deliveryLagMonths: 3, depreciationMonths: 36,
 *     models: [{ name: "S21", hashrate: ths(200), efficiency: jPerTh(17.5) }],
 *     installed: [{ model: "S21", units: 25_000 }] },
 * };
 * const ai = { kind: "colocation", pue: 1.25, firstYearRent: usdPerMwYear(1.8e6), capexUsdPerItMw: 9e6,
 *   constructionMonths: 12 } as const;
 * const btcPrice = { paths: new Float64Array(2 * 24).fill(100_000), pathCount: 2, steps: 24, seed: 1 };
 * const same = minerVsMullet({ company, ai, aiShare: 0, btcPrice, networkHashrate: ehs(1_000) },
 *   { discountRate: 0.1, debtRateAnnual: 0.08 });
 * assert.equal(same.pure.npvMeanUsd, same.mullet.npvMeanUsd);
 * const split = minerVsMullet({ company, ai, aiShare: 0.4, btcPrice, networkHashrate: ehs(1_000) },
 *   { discountRate: 0.1, debtRateAnnual: 0.08 });
 * assert.ok(Math.abs(split.mullet.btcMined - 0.6 * split.pure.btcMined) < 1e-9);
 * ```
 */
export function minerVsMullet(
  inputs: MinerVsMulletInputs,
  options: MinerVsMulletOptions,
): MinerVsMullet {
  const company = checkMinerCompany(inputs.company);
  const { months, fleet, costs } = company;
  const aiShare = fraction("aiShare", inputs.aiShare);
  const grossMw = inputs.company.grossPower / 1e6;
  const rate = finite("discountRate", options.discountRate);
  if (rate <= -1) {
    throw new RangeError(`Cannot use discountRate: expected a rate > -1, got ${rate}`);
  }
  const debtRate = finite("debtRateAnnual", options.debtRateAnnual);
  if (debtRate <= -1) {
    throw new RangeError(`Cannot use debtRateAnnual: expected a rate > -1, got ${debtRate}`);
  }
  const debtLimit = options.debtLimitUsd ?? Infinity;
  if (!(debtLimit >= 0)) {
    throw new RangeError(`Cannot use debtLimitUsd: expected a value >= 0, got ${debtLimit}`);
  }
  const policy = compileTreasuryPolicy(options.policy ?? { kind: "sell-all" }, months);
  const price = inputs.btcPrice;
  checkPaths("btcPrice", price, months);
  const netInput = inputs.networkHashrate;
  const netPaths = typeof netInput === "object" && "pathCount" in netInput ? netInput : undefined;
  let netShared: Float64Array | undefined;
  if (netPaths !== undefined) {
    checkPaths("networkHashrate", netPaths, months);
    if (netPaths.pathCount !== price.pathCount) {
      throw new RangeError(
        `Cannot pair paths: btcPrice has ${price.pathCount} paths, networkHashrate ${netPaths.pathCount}`,
      );
    }
  } else {
    const values = netInput as MonthlyValues;
    netShared = Float64Array.from(
      { length: months },
      (_, m) => typeof values === "number" ? values : values[m] ?? NaN,
    );
  }

  // The AI front from the site model (mining is ours).
  const site = aiSegmentCashFlows(inputs.ai, {
    grossPower: inputs.company.grossPower,
    horizonMonths: months,
    aiShare,
  });
  const issuance = networkIssuance(
    { startHeight: inputs.company.startHeight, months, feesBtcPerBlock: company.feesBtcPerBlock },
    options,
  ).issuanceBtc;

  // Path-independent monthly parts: electricity and hosting per W running, hosting per W
  // installed (the part still paid when switched off).
  const running = runningFleet(fleet, costs, issuance, company.switchOffAtLoss);
  const stride = running.models + 1;
  const usdPerRunningW = new Float64Array(months);
  const hostingPerRunningW = (costs.pue / 1e6) * costs.hosting * (1 - costs.hostingWhileOff);
  const hosting = new Float64Array(months);
  for (let m = 0; m < months; m++) {
    usdPerRunningW[m] = (costs.pue / 1000) * costs.uptime * HOURS_PER_MONTH *
      costs.powerUsdPerKwh[m]!;
    usdPerRunningW[m]! += hostingPerRunningW;
    hosting[m] = (fleet.powerW[m]! * costs.pue / 1e6) * costs.hosting * costs.hostingWhileOff;
  }
  const zero = new Float64Array(months);
  const tallies = [
    new StrategyTally("pure miner", 1, zero, zero, 0, months, price.pathCount),
    new StrategyTally(
      "mullet",
      1 - aiShare,
      site.aiEbitda,
      site.aiCapex,
      aiShare,
      months,
      price.pathCount,
    ),
  ];
  for (const tally of tallies) tally.policy = policy.kind;
  const discount = Float64Array.from({ length: months }, (_, m) => (1 + rate) ** (-(m + 1) / 12));
  const terminal = options.terminal;
  const job = newJob(months);
  job.code = policy.code;
  job.target = policy.targetBtc;
  job.openingBtc = company.opening.btc;
  job.openingCash = company.opening.cashUsd;
  job.openingDebt = company.opening.debtUsd;
  job.monthlyRate = (1 + debtRate) ** (1 / 12) - 1;
  job.debtLimit = debtLimit;
  const fee = costs.poolFee;
  const pureShare = new Float64Array(months);
  const miningExpenses = new Float64Array(months);

  for (let p = 0; p < price.pathCount; p++) {
    const prices = pathRow(price, p, months);
    const network = netPaths === undefined ? netShared! : pathRow(netPaths, p, months);
    for (let m = 0; m < months; m++) {
      const pm = prices[m]!;
      const net = network[m]!;
      if (!(pm > 0) || pm === Infinity) {
        throw new RangeError(
          `Cannot use btcPrice (path ${p}) in month ${m}: expected a value > 0, got ${pm}`,
        );
      }
      const k = modelsRunning(running, m, pm / net);
      const operating = running.cumulativeThs[m * stride + k]! * costs.uptime;
      if (!(net >= operating) || !(net > 0) || net === Infinity) {
        throw new RangeError(
          `Cannot use networkHashrate (path ${p}) in month ${m}: expected a value > 0 and at ` +
            `least the miner's ${operating} TH/s, got ${net}`,
        );
      }
      pureShare[m] = operating / net;
      miningExpenses[m] = running.cumulativeW[m * stride + k]! * usdPerRunningW[m]! + hosting[m]!;
    }
    for (const tally of tallies) {
      let value = 0;
      for (let m = 0; m < months; m++) {
        const f = tally.scale;
        const btc = pureShare[m]! * f * issuance[m]!;
        const revenue = btc * prices[m]!;
        const miningCosts = fee * revenue + miningExpenses[m]! * f + costs.sga;
        const miningEbitda = revenue - miningCosts;
        const ebitda = miningEbitda + tally.aiEbitda[m]!;
        const cash = ebitda - (fleet.capexUsd[m]! * f + tally.aiCapex[m]!);
        // In the cost per BTC the mining carries its MW share of SG&A.
        const allIn = miningCosts - costs.sga * (1 - f) + fleet.depreciationUsd[m]! * f;
        tally.share[m] = pureShare[m]! * f;
        tally.btc[m] = btc;
        tally.received[m] = btc * (1 - fee);
        tally.miningEbitda[m] = miningEbitda;
        tally.ebitda[m] = ebitda;
        tally.cash[m] = cash;
        tally.expenses[m] = miningExpenses[m]! * f + costs.sga;
        tally.capex[m] = fleet.capexUsd[m]! * f + tally.aiCapex[m]!;
        tally.allIn[m] = btc > 0 ? allIn / btc : Infinity;
        value += cash * discount[m]!;
      }
      if (terminal !== undefined) {
        value += terminalValue(
          { miningEbitda: tally.miningEbitda, aiEbitda: tally.aiEbitda, cashFlow: tally.cash },
          terminal,
        ) * discount[months - 1]!;
      }
      job.price = prices;
      job.received = tally.received;
      job.expenses = tally.expenses;
      job.capex = tally.capex;
      job.income = tally.aiEbitda;
      job.allInCost = tally.allIn;
      tally.addPath(p, value, job);
    }
  }

  const [pure, mullet] = tallies.map((tally) =>
    tally.outcome(
      price.seed,
      options.valuation === undefined
        ? undefined
        : strategyValue(tally, company, options.valuation, price, grossMw),
    )
  ) as [StrategyOutcome, StrategyOutcome];
  const difference = pure.npvUsd.map((v, p) => mullet.npvUsd[p]! - v);
  let wins = 0;
  for (const d of difference) if (d > 0) wins++;
  return {
    months,
    paths: price.pathCount,
    aiShare,
    pure,
    mullet,
    hashrateShareGivenUp: pure.meanShare - mullet.meanShare,
    npvDifferenceUsd: difference,
    mulletWinsProbability: wins / price.pathCount,
  };
}
