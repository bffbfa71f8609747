/**
 * The daily gross margin of one MW of miners over a grid of power prices and hashprice levels,
 * with and without a tax (F5 ÷ 365), and the hashprice levels a note reads it at: percentiles of
 * daily hashprice since a day (the last halving, say) and the latest trailing mean.
 *
 * @module
 */
import { DEFAULT_PERCENTILES, percentiles } from "../finance/percentiles.ts";
import { finite } from "../units/checks.ts";
import type { Efficiency } from "../units/efficiency.ts";
import { formatUsd } from "../units/format.ts";
import {
  DAYS_PER_YEAR,
  type UsdPerKwh,
  usdPerKwh,
  type UsdPerPhDay,
  usdPerPhDay,
} from "../units/prices.ts";
import { dayIndex } from "./_day_index.ts";
import type { PowerCostOptions } from "./_inputs.ts";
import { miningPerMw, type MiningPerMwInputs } from "./mining_per_mw.ts";

/** A hashprice a grid row is read at, and what to call it. */
export interface HashpriceLevel {
  /** "Median", "5th percentile", "Latest 30-day mean". */
  readonly label: string;
  /** The level. */
  readonly hashprice: UsdPerPhDay;
}

/** The daily columns {@linkcode hashpriceLevels} reads. */
export interface HashpriceSeries {
  /** UTC day, `YYYY-MM-DD`, oldest first. */
  readonly date: readonly string[];
  /** USD earned per PH/s that day. */
  readonly hashprice_usd_per_ph_day: ArrayLike<number>;
}

/** Options of {@linkcode hashpriceLevels}. */
export interface HashpriceLevelsOptions {
  /** First day of the percentiles, `YYYY-MM-DD`; the series must hold it. */
  readonly since: string;
  /** A level added to the percentiles, e.g. the latest trailing mean. */
  readonly latest: HashpriceLevel;
  /**
   * Percentiles of daily hashprice from `since` to the end.
   *
   * @default DEFAULT_PERCENTILES (5th, 25th, median, 75th, 95th)
   */
  readonly percentiles?: readonly number[];
}

/**
 * Percentiles of daily USD hashprice from `since` to the end of the series, and `latest`, highest
 * first. The 50th is labelled "Median", others "5th percentile" and so on.
 *
 * @example Five days from the second on, and a latest mean of 3.5
 * ```ts
 * import { hashpriceLevels } from "./margin_grid.ts";
 * import { usdPerPhDay } from "../units/prices.ts";
 * import assert from "node:assert/strict";
 *
 * const days = { date: ["d0", "d1", "d2", "d3", "d4", "d5"], hashprice_usd_per_ph_day: [99, 1, 2, 3, 4, 5] };
 * const levels = hashpriceLevels(days, {
 *   since: "d1",
 *   latest: { label: "Latest", hashprice: usdPerPhDay(3.5) },
 *   percentiles: [25, 50, 75],
 * });
 * assert.deepEqual(levels.map((l) => [l.label, l.hashprice]), [
 *   ["75th percentile", 4],
 *   ["Latest", 3.5],
 *   ["Median", 3],
 *   ["25th percentile", 2],
 * ]);
 * ```
 */
export function hashpriceLevels(
  days: HashpriceSeries,
  options: HashpriceLevelsOptions,
): HashpriceLevel[] {
  const { since, latest, percentiles: ps = DEFAULT_PERCENTILES } = options;
  const from = dayIndex(days.date, since, "since");
  const values = Array.from(days.hashprice_usd_per_ph_day).slice(from);
  const bands = percentiles(values, ps);
  const label = (p: number) => (p === 50 ? "Median" : `${p}th percentile`);
  finite("latest.hashprice", latest.hashprice);
  return [
    ...ps.map((p, i) => ({ label: label(p), hashprice: usdPerPhDay(bands[i]!) })),
    latest,
  ].sort((a, b) => b.hashprice - a.hashprice);
}

/**
 * Gross margin per MW of miner load per day: `miningPerMw(…).grossMarginPerMinerMwYear ÷ 365`.
 *
 * @example An S21 (17.5 J/TH) at $45/PH/day and 3.5¢/kWh clears $1,731 a day per MW
 * ```ts
 * import { marginPerMwDay } from "./margin_grid.ts";
 * import { jPerTh } from "../units/efficiency.ts";
 * import { usdPerKwh, usdPerPhDay } from "../units/prices.ts";
 * import assert from "node:assert/strict";
 *
 * const inputs = { hashprice: usdPerPhDay(45), efficiency: jPerTh(17.5), powerPriceUsdPerKwh: usdPerKwh(0.035) };
 * // 45 × 57.14 PH = $2,571 revenue; 24,000 kWh × $0.035 = $840 power
 * assert.equal(Math.round(marginPerMwDay(inputs)), 1731);
 * assert.equal(Math.round(marginPerMwDay(inputs, { taxUsdPerKwh: usdPerKwh(0.047) })), 603);
 * ```
 */
export function marginPerMwDay(inputs: MiningPerMwInputs, options: PowerCostOptions = {}): number {
  return miningPerMw(inputs, options).grossMarginPerMinerMwYear / DAYS_PER_YEAR;
}

/** Inputs of {@linkcode marginGrid}. */
export interface MarginGridInputs {
  /** Efficiency of the machines, J/TH. */
  readonly efficiency: Efficiency;
  /** The rows: hashprice levels, in order. */
  readonly levels: readonly HashpriceLevel[];
  /** The columns: power prices before tax, USD/kWh, in order. */
  readonly powerPricesUsdPerKwh: readonly number[];
  /** The tax of the `marginTaxed` figures, USD/kWh. */
  readonly tax: UsdPerKwh;
}

/** A cell of {@linkcode marginGrid}. */
export interface MarginCell {
  /** Power price before tax, USD/kWh. */
  readonly price: number;
  /** The row's label and level: "Median, $45.0". */
  readonly level: string;
  /** Gross margin per MW per day, USD, untaxed. */
  readonly margin: number;
  /** The same with the tax. */
  readonly marginTaxed: number;
}

/** Result of {@linkcode marginGrid}. */
export interface MarginGrid {
  /** Row by row (levels), each across the power prices. */
  readonly cells: readonly MarginCell[];
  /** Cells with a negative margin untaxed. */
  readonly underwater: number;
  /** Cells with a negative margin with the tax. */
  readonly underwaterTaxed: number;
}

/**
 * Daily gross margin per MW ({@linkcode marginPerMwDay}) at every level × power price, untaxed
 * and taxed. Options (PUE) apply to every cell.
 *
 * @example An S21 at $30 and $45/PH/day, 3¢ and 8¢: one cell under water untaxed, three taxed
 * ```ts
 * import { marginGrid } from "./margin_grid.ts";
 * import { jPerTh } from "../units/efficiency.ts";
 * import { usdPerKwh, usdPerPhDay } from "../units/prices.ts";
 * import assert from "node:assert/strict";
 *
 * const grid = marginGrid({
 *   efficiency: jPerTh(17.5),
 *   levels: [{ label: "High", hashprice: usdPerPhDay(45) }, { label: "Low", hashprice: usdPerPhDay(30) }],
 *   powerPricesUsdPerKwh: [0.03, 0.08],
 *   tax: usdPerKwh(0.047),
 * });
 * assert.deepEqual(grid.cells.map((c) => [c.level, c.price, Math.round(c.margin)]), [
 *   ["High, $45.0", 0.03, 1851], ["High, $45.0", 0.08, 651],
 *   ["Low, $30.0", 0.03, 994], ["Low, $30.0", 0.08, -206],
 * ]);
 * assert.deepEqual([grid.underwater, grid.underwaterTaxed], [1, 3]);
 * ```
 */
export function marginGrid(inputs: MarginGridInputs, options: PowerCostOptions = {}): MarginGrid {
  const { efficiency, tax } = inputs;
  const cells = inputs.levels.flatMap(({ label, hashprice }) =>
    inputs.powerPricesUsdPerKwh.map((price) => {
      const at = { hashprice, efficiency, powerPriceUsdPerKwh: usdPerKwh(price) };
      return {
        price,
        level: `${label}, ${formatUsd(hashprice)}`,
        margin: marginPerMwDay(at, { ...options, taxUsdPerKwh: usdPerKwh(0) }),
        marginTaxed: marginPerMwDay(at, { ...options, taxUsdPerKwh: tax }),
      };
    })
  );
  return {
    cells,
    underwater: cells.filter((c) => c.margin < 0).length,
    underwaterTaxed: cells.filter((c) => c.marginTaxed < 0).length,
  };
}
