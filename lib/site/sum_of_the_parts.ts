/**
 * Sum-of-the-parts valuation of a miner with an AI business: BTC held at market, mining EBITDA
 * at a multiple, contracted AI NOI at a cap rate, uncontracted powered MW at a price per MW,
 * less net debt. The parts come out in order, ready for a waterfall exhibit.
 *
 * The mining part is optional: a sum of the parts can value mining MW per MW instead (Bernstein
 * marks sites earmarked for AI per MW, https://btcpizza.com/?p=62718; VanEck quotes whole miners
 * per MW of capacity, https://www.sipoch.com/en/articles/300330021064466), by counting them in
 * `uncontractedMw` or in a part of its own. No public source cited here gives an EV ÷ EBITDA
 * multiple for mining, so there is no default multiple: give both `miningEbitdaUsd` and
 * `miningMultiple`, or neither (the mining part is then 0).
 *
 * @module
 */
import { finite, nonNegative, positive } from "../units/checks.ts";

/** Bernstein's value for sites earmarked for AI in its sum-of-the-parts, USD per MW
 * (~May 2026): the row "Bernstein valuation of miners' AI-earmarked power sites" of
 * `data/capex_per_mw.csv`, from https://btcpizza.com/?p=62718 (a test keeps the two equal). */
export const BERNSTEIN_USD_PER_AI_MW = 3e6;

/** Inputs of {@linkcode sumOfTheParts}. */
export interface SumOfThePartsInputs {
  /** Bitcoin on the balance sheet. */
  readonly btcHeld: number;
  /** BTC price, USD. */
  readonly btcPriceUsd: number;
  /** Mining EBITDA for the year valued, USD. Default none: no mining part on EBITDA (mining
   * valued per MW, or not at all). Needs `miningMultiple`. */
  readonly miningEbitdaUsd?: number;
  /** EV ÷ EBITDA multiple for mining. No cited figure, so no default: required with
   * `miningEbitdaUsd`, and only with it. */
  readonly miningMultiple?: number;
  /** Annual NOI of contracted AI leases, USD. */
  readonly aiNoiUsd: number;
  /** Cap rate for AI NOI (NOI ÷ value). */
  readonly aiCapRate: number;
  /** Powered MW not yet contracted. */
  readonly uncontractedMw: number;
  /** Net debt (debt − cash), USD; negative for net cash. */
  readonly netDebtUsd: number;
}

/** Options of {@linkcode sumOfTheParts}. */
export interface SumOfThePartsOptions {
  /** Value per uncontracted MW. Default {@linkcode BERNSTEIN_USD_PER_AI_MW}. */
  readonly usdPerUncontractedMw?: number;
  /** Shares outstanding, for a per-share value. Default: none. */
  readonly shares?: number;
}

/** One part of the valuation. */
export interface ValuationPart {
  /** Name of the part. */
  readonly part: string;
  /** Its value, USD (negative for net debt). */
  readonly valueUsd: number;
  /** How it was valued, in words. */
  readonly basis: string;
}

/** The valuation. */
export interface SumOfTheParts {
  /** The parts, in waterfall order. */
  readonly parts: readonly ValuationPart[];
  /** Sum of the parts before net debt. */
  readonly enterpriseValueUsd: number;
  /** Enterprise value less net debt. */
  readonly equityValueUsd: number;
  /** Equity value per share, when `shares` was given. */
  readonly perShareUsd: number | undefined;
}

/**
 * Values the parts and adds them up.
 *
 * @example
 * ```ts
 * import { sumOfTheParts } from "./sum_of_the_parts.ts";
 * import assert from "node:assert/strict";
 *
 * const v = sumOfTheParts({ btcHeld: 1000, btcPriceUsd: 90_000, miningEbitdaUsd: 100e6, miningMultiple: 6,
 *   aiNoiUsd: 150e6, aiCapRate: 0.075, uncontractedMw: 200, netDebtUsd: 500e6 }, { shares: 300e6 });
 * // 90M + 600M + 2,000M + 600M − 500M
 * assert.equal(v.equityValueUsd, 2_790e6);
 * assert.equal(v.perShareUsd, 9.3);
 * assert.deepEqual(v.parts.map((p) => p.part), ["BTC held", "Mining", "AI leases", "Uncontracted MW", "Net debt"]);
 * // Mining MW marked per MW instead: no EBITDA, no multiple, and the mining part is 0.
 * const perMw = sumOfTheParts({ btcHeld: 0, btcPriceUsd: 90_000, aiNoiUsd: 0, aiCapRate: 0.075,
 *   uncontractedMw: 100, netDebtUsd: 0 });
 * assert.equal(perMw.parts[1]!.valueUsd, 0);
 * assert.equal(perMw.equityValueUsd, 300e6);
 * assert.throws(() => sumOfTheParts({ btcHeld: 0, btcPriceUsd: 1, miningEbitdaUsd: 100e6, aiNoiUsd: 0,
 *   aiCapRate: 0.075, uncontractedMw: 0, netDebtUsd: 0 }), /expected miningEbitdaUsd and miningMultiple together, got no miningMultiple/);
 * ```
 */
export function sumOfTheParts(
  inputs: SumOfThePartsInputs,
  options: SumOfThePartsOptions = {},
): SumOfTheParts {
  const perMw = nonNegative(
    "usdPerUncontractedMw",
    options.usdPerUncontractedMw ?? BERNSTEIN_USD_PER_AI_MW,
  );
  const btc = nonNegative("btcHeld", inputs.btcHeld) * positive("btcPriceUsd", inputs.btcPriceUsd);
  const onEbitda = inputs.miningEbitdaUsd !== undefined || inputs.miningMultiple !== undefined;
  if (onEbitda && (inputs.miningEbitdaUsd === undefined || inputs.miningMultiple === undefined)) {
    const missing = inputs.miningMultiple === undefined ? "miningMultiple" : "miningEbitdaUsd";
    throw new TypeError(
      `Cannot value mining on EBITDA: expected miningEbitdaUsd and miningMultiple together, ` +
        `got no ${missing}`,
    );
  }
  const mining = onEbitda
    ? finite("miningEbitdaUsd", inputs.miningEbitdaUsd!) *
      nonNegative("miningMultiple", inputs.miningMultiple!)
    : 0;
  const ai = nonNegative("aiNoiUsd", inputs.aiNoiUsd) / positive("aiCapRate", inputs.aiCapRate);
  const land = nonNegative("uncontractedMw", inputs.uncontractedMw) * perMw;
  const debt = finite("netDebtUsd", inputs.netDebtUsd);
  const parts: ValuationPart[] = [
    { part: "BTC held", valueUsd: btc, basis: `${inputs.btcHeld} BTC at $${inputs.btcPriceUsd}` },
    {
      part: "Mining",
      valueUsd: mining,
      basis: onEbitda ? `${inputs.miningMultiple}× EBITDA` : "not valued on EBITDA",
    },
    {
      part: "AI leases",
      valueUsd: ai,
      basis: `NOI at a ${(inputs.aiCapRate * 100).toFixed(1)}% cap rate`,
    },
    {
      part: "Uncontracted MW",
      valueUsd: land,
      basis: `${inputs.uncontractedMw} MW at $${perMw / 1e6}M/MW`,
    },
    { part: "Net debt", valueUsd: -debt, basis: "debt less cash" },
  ];
  const enterprise = btc + mining + ai + land;
  const equity = enterprise - debt;
  const shares = options.shares === undefined ? undefined : positive("shares", options.shares);
  return {
    parts,
    enterpriseValueUsd: enterprise,
    equityValueUsd: equity,
    perShareUsd: shares === undefined ? undefined : equity / shares,
  };
}
