/**
 * Tax scenarios for the mining models: no tax and the IMF's two proposed rates [S69], each with
 * the label a note prints; a machine's breakeven power price under each, and what a tax takes of
 * a MW's revenue. A tax per kWh adds to the power price, so it lowers every breakeven by exactly
 * its amount (F3).
 *
 * @module
 */
import { positive } from "../units/checks.ts";
import type { Efficiency } from "../units/efficiency.ts";
import { formatPowerPrice } from "../units/format.ts";
import { type UsdPerKwh, usdPerKwh, type UsdPerMwYear, type UsdPerPhDay } from "../units/prices.ts";
import { type BreakevenOptions, breakevenPowerPrice } from "./hashcost.ts";
import { IMF_MINING_TAX, taxPerMwYear } from "./imf_tax.ts";
import { miningPerMw } from "./mining_per_mw.ts";

/** A tax scenario: what a note calls it and the tax per kWh. */
export interface TaxCase {
  /** Label for legends and table headers, e.g. "IMF direct $0.047". */
  readonly label: string;
  /** Tax per kWh added to the power price. */
  readonly tax: UsdPerKwh;
}

/** The three cases of {@linkcode imfTaxCases}, in order: none, direct, with air pollution. */
export type ImfTaxCases = readonly [untaxed: TaxCase, direct: TaxCase, airPollution: TaxCase];

/**
 * No tax, the IMF's direct rate and its rate with air pollution ({@linkcode IMF_MINING_TAX}),
 * labelled with their USD/kWh.
 *
 * @example
 * ```ts
 * import { imfTaxCases } from "./tax_cases.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(imfTaxCases().map((c) => c.label), [
 *   "No tax",
 *   "IMF direct $0.047",
 *   "IMF, air pollution $0.089",
 * ]);
 * assert.deepEqual(imfTaxCases().map((c) => c.tax), [0, 0.047, 0.089]);
 * ```
 */
export function imfTaxCases(): ImfTaxCases {
  const { direct, withAirPollution } = IMF_MINING_TAX;
  return [
    { label: "No tax", tax: usdPerKwh(0) },
    { label: `IMF direct ${formatPowerPrice(direct)}`, tax: direct },
    { label: `IMF, air pollution ${formatPowerPrice(withAirPollution)}`, tax: withAirPollution },
  ];
}

/** Inputs of {@linkcode taxBreakevens}. */
export interface TaxBreakevensInputs {
  /** USD hashprice. */
  readonly hashprice: UsdPerPhDay;
  /** Miner efficiency, J/TH. */
  readonly efficiency: Efficiency;
  /** The tax scenarios, e.g. {@linkcode imfTaxCases}. */
  readonly cases: readonly TaxCase[];
}

/**
 * The breakeven power price before tax ({@linkcode breakevenPowerPrice}) under each tax case, in
 * the order of `cases`. Other options (PUE, pool fee) apply to every case; a `taxUsdPerKwh` in
 * them is replaced by each case's tax.
 *
 * @example An S21 (17.5 J/TH) at $36.42/PH/day: 8.7¢ untaxed, 4.0¢ and −0.2¢ with the IMF's rates
 * ```ts
 * import { imfTaxCases, taxBreakevens } from "./tax_cases.ts";
 * import { jPerTh } from "../units/efficiency.ts";
 * import { usdPerPhDay } from "../units/prices.ts";
 * import assert from "node:assert/strict";
 *
 * const breakevens = taxBreakevens({
 *   hashprice: usdPerPhDay(36.42),
 *   efficiency: jPerTh(17.5),
 *   cases: imfTaxCases(),
 * });
 * // 36.42 ÷ (24 × 17.5) = 0.08671; less 0.047 and 0.089
 * assert.deepEqual(breakevens.map((p) => p.toFixed(4)), ["0.0867", "0.0397", "-0.0023"]);
 * assert.throws(() => taxBreakevens({ hashprice: usdPerPhDay(36.42), efficiency: jPerTh(17.5), cases: [] }), /cases: expected at least one/);
 * ```
 */
export function taxBreakevens(
  inputs: TaxBreakevensInputs,
  options: BreakevenOptions = {},
): UsdPerKwh[] {
  if (inputs.cases.length === 0) {
    throw new RangeError("Cannot use cases: expected at least one tax case, got 0");
  }
  positive("efficiency", inputs.efficiency);
  return inputs.cases.map(({ tax }) =>
    breakevenPowerPrice(inputs, { ...options, taxUsdPerKwh: tax })
  );
}

/** Inputs of {@linkcode taxShareOfRevenue}. */
export interface TaxShareInputs {
  /** USD hashprice. */
  readonly hashprice: UsdPerPhDay;
  /** Miner efficiency, J/TH. */
  readonly efficiency: Efficiency;
  /** Tax per kWh. */
  readonly tax: UsdPerKwh;
}

/** Result of {@linkcode taxShareOfRevenue}, per MW of miner load running all year. */
export interface TaxShare {
  /** Mining revenue per MW-year (F4). */
  readonly revenuePerMwYear: UsdPerMwYear;
  /** The tax per MW-year (F10). */
  readonly taxPerMwYear: UsdPerMwYear;
  /** Tax ÷ revenue: above 1 the tax alone exceeds what the machines earn. */
  readonly share: number;
}

/**
 * What a per-kWh tax takes of a MW's mining revenue: {@linkcode taxPerMwYear} ÷
 * `miningPerMw(…).revenuePerMinerMwYear`.
 *
 * @example The IMF's direct tax is 44% of an S21 MW's revenue at $45/PH/day
 * ```ts
 * import { taxShareOfRevenue } from "./tax_cases.ts";
 * import { IMF_MINING_TAX } from "./imf_tax.ts";
 * import { jPerTh } from "../units/efficiency.ts";
 * import { usdPerPhDay } from "../units/prices.ts";
 * import assert from "node:assert/strict";
 *
 * const burden = taxShareOfRevenue({ hashprice: usdPerPhDay(45), efficiency: jPerTh(17.5), tax: IMF_MINING_TAX.direct });
 * // $411,720 of 45 × 57.14 PH × 365 = $938,571
 * assert.equal(Math.round(burden.taxPerMwYear), 411_720);
 * assert.equal(Math.round(burden.revenuePerMwYear), 938_571);
 * assert.equal(burden.share.toFixed(3), "0.439");
 * ```
 */
export function taxShareOfRevenue(inputs: TaxShareInputs): TaxShare {
  const { hashprice, efficiency } = inputs;
  const revenue = miningPerMw({ hashprice, efficiency, powerPriceUsdPerKwh: usdPerKwh(0) })
    .revenuePerMinerMwYear;
  const tax = taxPerMwYear(inputs.tax);
  return { revenuePerMwYear: revenue, taxPerMwYear: tax, share: tax / revenue };
}
