/**
 * A screen of fleets (machines or fleet averages) against power prices, with and without a tax:
 * each fleet's breakeven power price under every tax case, whether it still covers its power at
 * each price, how many fleets do, and the bars of a breakeven chart. A fleet covers its power at
 * a price when its breakeven before tax is at or above that price (F3).
 *
 * @module
 */
import { finite, positive } from "../units/checks.ts";
import type { Efficiency } from "../units/efficiency.ts";
import { formatNumber } from "../units/format_number.ts";
import type { UsdPerPhDay } from "../units/prices.ts";
import { taxBreakevens, type TaxCase } from "./tax_cases.ts";

/** What the screen needs of a fleet; anything else it carries comes back in `machine`. */
export interface ScreenedFleet {
  /** Name in the exhibits. */
  readonly name: string;
  /** Efficiency at the wall, J/TH. */
  readonly efficiency: Efficiency;
}

/** Whether a fleet covers its power at a price, in the words of the exhibits. */
export const COVER_STATUSES = {
  /** It covers its power even with the tax. */
  taxed: "yes, even taxed",
  /** It covers its power without the tax, not with it. */
  untaxedOnly: "untaxed only",
  /** It does not cover its power even untaxed. */
  no: "no",
} as const;

/** One of {@linkcode COVER_STATUSES}. */
export type CoverStatus = typeof COVER_STATUSES[keyof typeof COVER_STATUSES];

/** Inputs of {@linkcode fleetScreen}. */
export interface FleetScreenInputs<F extends ScreenedFleet> {
  /** USD hashprice. */
  readonly hashprice: UsdPerPhDay;
  /** The fleets, in the order of the rows. */
  readonly fleets: readonly F[];
  /** Tax cases: the first is the base (no tax), the second the tax screened; every case gets a
   * breakeven. */
  readonly cases: readonly [TaxCase, TaxCase, ...TaxCase[]];
  /** Power prices before tax, USD/kWh: one status column `at0`, `at1`, … each. */
  readonly powerPricesUsdPerKwh: readonly number[];
}

/** A row of the screen: one fleet. */
export interface FleetScreenRow<F extends ScreenedFleet = ScreenedFleet> {
  /** The fleet's name. */
  readonly fleet: string;
  /** Its J/TH. */
  readonly jPerTh: number;
  /** Breakeven before tax, USD/kWh, under the first case. */
  readonly untaxed: number;
  /** Breakeven before tax, USD/kWh, under the second case. */
  readonly taxed: number;
  /** Breakeven before tax, USD/kWh, under each case in order. */
  readonly breakevens: readonly number[];
  /** The fleet as given. */
  readonly machine: F;
  /** Status at `powerPricesUsdPerKwh[i]`, under the key `at${i}`. */
  readonly [at: `at${number}`]: CoverStatus;
}

/** Fleets that cover their power at one price. */
export interface CoverCount {
  /** Power price before tax, USD/kWh. */
  readonly price: number;
  /** Fleets whose breakeven under the first case is at or above it. */
  readonly untaxed: number;
  /** Fleets whose breakeven under the second case is at or above it. */
  readonly taxed: number;
}

/** A bar of a breakeven chart: one fleet under one of the first two cases. */
export interface BreakevenBar {
  /** "Name, 17.5 J/TH". */
  readonly model: string;
  /** The case's label. */
  readonly case: string;
  /** Breakeven before tax, USD/kWh. */
  readonly breakeven: number;
}

/** Result of {@linkcode fleetScreen}. */
export interface FleetScreen<F extends ScreenedFleet> {
  /** One row per fleet, in order. */
  readonly rows: readonly FleetScreenRow<F>[];
  /** One count per power price, in order. */
  readonly counts: readonly CoverCount[];
  /** Two bars per fleet (first case, then second), in order. */
  readonly bars: readonly BreakevenBar[];
}

/**
 * Screen `fleets` at `powerPricesUsdPerKwh` under the first two tax cases. Options (PUE, pool
 * fee) apply to every breakeven.
 *
 * Throws a RangeError for a fleet whose efficiency is not a positive number (naming it), a power
 * price that is not finite, or no fleet.
 *
 * @example At $36.42/PH/day an S21 pays at 3¢ even with the IMF's direct tax, an S19 only untaxed
 * ```ts
 * import { fleetScreen } from "./fleet_screen.ts";
 * import { imfTaxCases } from "./tax_cases.ts";
 * import { jPerTh } from "../units/efficiency.ts";
 * import { usdPerPhDay } from "../units/prices.ts";
 * import assert from "node:assert/strict";
 *
 * const screen = fleetScreen({
 *   hashprice: usdPerPhDay(36.42),
 *   fleets: [{ name: "S21", efficiency: jPerTh(17.5) }, { name: "S19", efficiency: jPerTh(34.2) }],
 *   cases: imfTaxCases(),
 *   powerPricesUsdPerKwh: [0.03, 0.05],
 * });
 * // Breakevens: S21 36.42 ÷ (24 × 17.5) = 0.0867 (0.0397 taxed), S19 0.0444 (−0.0026 taxed)
 * assert.deepEqual(screen.rows.map((r) => [r.fleet, r.at0, r.at1]), [
 *   ["S21", "yes, even taxed", "untaxed only"],
 *   ["S19", "untaxed only", "no"],
 * ]);
 * assert.deepEqual(screen.counts[1], { price: 0.05, untaxed: 1, taxed: 0 });
 * assert.deepEqual(screen.bars.map((b) => b.model), ["S21, 17.5 J/TH", "S21, 17.5 J/TH", "S19, 34.2 J/TH", "S19, 34.2 J/TH"]);
 * ```
 */
export function fleetScreen<F extends ScreenedFleet>(
  inputs: FleetScreenInputs<F>,
  options: { readonly pue?: number; readonly poolFee?: number } = {},
): FleetScreen<F> {
  const { hashprice, cases } = inputs;
  if (inputs.fleets.length === 0) {
    throw new RangeError("Cannot screen fleets: expected at least one fleet, got 0");
  }
  const prices = inputs.powerPricesUsdPerKwh.map((p, i) => finite(`powerPricesUsdPerKwh[${i}]`, p));
  const rows = inputs.fleets.map((machine, i) => {
    const efficiency = positive(`fleets[${i}] (${machine.name}).efficiency`, machine.efficiency);
    const breakevens = taxBreakevens({ hashprice, efficiency: machine.efficiency, cases }, options);
    const untaxed = breakevens[0]!;
    const taxed = breakevens[1]!;
    const status = (price: number): CoverStatus =>
      taxed >= price
        ? COVER_STATUSES.taxed
        : untaxed >= price
        ? COVER_STATUSES.untaxedOnly
        : COVER_STATUSES.no;
    const statuses = Object.fromEntries(prices.map((price, k) => [`at${k}`, status(price)]));
    return {
      fleet: machine.name,
      jPerTh: efficiency,
      untaxed,
      taxed,
      breakevens,
      machine,
      ...statuses,
    };
  }) as FleetScreenRow<F>[];
  const counts = prices.map((price) => ({
    price,
    untaxed: rows.filter((r) => r.untaxed >= price).length,
    taxed: rows.filter((r) => r.taxed >= price).length,
  }));
  const bars = rows.flatMap((r) => {
    const model = `${r.fleet}, ${formatNumber(r.jPerTh, 1)} J/TH`;
    return [
      { model, case: cases[0].label, breakeven: r.untaxed },
      { model, case: cases[1].label, breakeven: r.taxed },
    ];
  });
  return { rows, counts, bars };
}
