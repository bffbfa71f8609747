/**
 * Calibration of the Monte Carlo network inputs from the daily dataset (`loadBtcDaily()`'s
 * `date`, `price_usd` and `hashrate_ths` columns) over a look-back window ending on the last
 * day: the BTC price's volatility and trend growth, the network hashrate's level, trend growth,
 * volatility, and its growth in excess of the price's — the inputs of `gbmPaths` and
 * `hashratePaths`.
 *
 * Definitions (years of 365 days; `n` = `meanDays`):
 * - **Level**: the mean of the last `n` days.
 * - **Trend growth** of a series: the mean of the window's last `n` days over the mean of its
 *   first `n` days, annualised over the days between the two means' midpoints. On a series that
 *   grows at a constant rate this is that rate exactly.
 * - **BTC volatility**: sample standard deviation of the window's daily log returns × √365
 *   (BTC trades every day).
 * - **Hashrate volatility**: sample standard deviation of the log changes between consecutive
 *   `n`-day means (blocks ending on the last day, going back as far as the window allows) ×
 *   √(365 ÷ n); monthly means, as daily hashrate is an estimate from block luck.
 * - **Excess hashrate growth**: (1 + hashrate growth) ÷ (1 + price growth) − 1. Hashprice moves
 *   with price ÷ hashrate (DOMAIN.md F2), so trendless price paths with hashrate growing at this
 *   rate keep hashprice's historical trend.
 *
 * @module
 */
import { finite, positive, wholeNumber } from "../units/checks.ts";
import { type Hashrate, ths } from "../units/hashrate.ts";

/** The daily columns read, as `loadBtcDaily()` returns them: one row per consecutive UTC day. */
export interface NetworkDailyColumns {
  /** UTC days, `YYYY-MM-DD`, consecutive. */
  readonly date: readonly string[];
  /** BTC price at each day's close, USD. */
  readonly price_usd: ArrayLike<number>;
  /** Mean network hashrate each day, TH/s. */
  readonly hashrate_ths: ArrayLike<number>;
}

/** Options of {@linkcode networkCalibration}. */
export interface NetworkCalibrationOptions {
  /** Length of the look-back window in years of 365 days, ending on the last day. Required:
   * the window is the analyst's call (one halving cycle is about 4 years). */
  readonly lookbackYears: number;
  /** Days in each mean (levels, trend ends, hashrate blocks), whole ≥ 1. Default 30: about a
   * month, the step of monthly simulated paths. */
  readonly meanDays?: number;
}

/** Result of {@linkcode networkCalibration}; rates are annual fractions (0.4 = 40%). */
export interface NetworkCalibration {
  /** First day of the window. */
  readonly fromDate: string;
  /** Last day of the window (the series' last day). */
  readonly toDate: string;
  /** Days in each mean. */
  readonly meanDays: number;
  /** Network hashrate now: the mean of the last `meanDays` days. */
  readonly hashrate: Hashrate;
  /** Trend growth of the network hashrate. */
  readonly hashrateGrowthAnnual: number;
  /** Trend growth of the BTC price (its drift over the window). */
  readonly priceGrowthAnnual: number;
  /** Hashrate growth in excess of the price's: (1 + hashrate) ÷ (1 + price) − 1. */
  readonly excessHashrateGrowthAnnual: number;
  /** Volatility of the BTC price from daily log returns. */
  readonly btcVolAnnual: number;
  /** Volatility of the network hashrate from changes of its `meanDays`-day means. */
  readonly hashrateVolAnnual: number;
}

const DAY_MS = 86_400_000;

function mean(values: ArrayLike<number>, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += values[i]!;
  return sum / (to - from);
}

function sampleStdev(values: readonly number[]): number {
  const m = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((a, v) => a + (v - m) ** 2, 0) / (values.length - 1));
}

/**
 * Calibrates price and hashrate paths to the last `lookbackYears` of daily data. Throws a
 * RangeError naming the field when the window is longer than the data or too short for three
 * `meanDays` blocks, the columns differ in length, the days are not consecutive, or a price or
 * hashrate in the window is not > 0.
 *
 * @example A price growing 50% a year and a hashrate doubling yearly: exact trends, no volatility
 * ```ts
 * import { networkCalibration } from "./network_calibration.ts";
 * import assert from "node:assert/strict";
 *
 * const n = 800;
 * const date = Array.from({ length: n }, (_, i) => new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10));
 * const price_usd = Array.from({ length: n }, (_, i) => 60_000 * 1.5 ** (i / 365));
 * const hashrate_ths = Array.from({ length: n }, (_, i) => 6e8 * 2 ** (i / 365));
 * const c = networkCalibration({ date, price_usd, hashrate_ths }, { lookbackYears: 2 });
 * assert.equal(c.fromDate, date[n - 1 - 730]);
 * assert.ok(Math.abs(c.priceGrowthAnnual - 0.5) < 1e-12);
 * assert.ok(Math.abs(c.hashrateGrowthAnnual - 1) < 1e-12);
 * assert.ok(Math.abs(c.excessHashrateGrowthAnnual - 1 / 3) < 1e-12); // 2 ÷ 1.5 − 1
 * assert.ok(c.btcVolAnnual < 1e-9 && c.hashrateVolAnnual < 1e-9);
 * assert.throws(() => networkCalibration({ date, price_usd, hashrate_ths }, { lookbackYears: 3 }),
 *   /lookbackYears: expected a window within the 800 days of data, got 3/);
 * ```
 */
export function networkCalibration(
  daily: NetworkDailyColumns,
  options: NetworkCalibrationOptions,
): NetworkCalibration {
  const n = daily.date.length;
  for (const field of ["price_usd", "hashrate_ths"] as const) {
    if (daily[field].length !== n) {
      throw new RangeError(
        `Cannot use ${field}: expected ${n} values, one per date, got ${daily[field].length}`,
      );
    }
  }
  const years = positive("lookbackYears", finite("lookbackYears", options.lookbackYears));
  const meanDays = wholeNumber("meanDays", options.meanDays ?? 30, 1);
  const last = n - 1;
  const from = last - Math.round(years * 365);
  if (from < 0) {
    throw new RangeError(
      `Cannot use lookbackYears: expected a window within the ${n} days of data, got ${years}`,
    );
  }
  const windowDays = last - from + 1;
  if (windowDays < 3 * meanDays) {
    throw new RangeError(
      `Cannot use lookbackYears: expected a window of at least 3 × meanDays = ${
        3 * meanDays
      } days, got ${windowDays}`,
    );
  }
  const span = (Date.parse(daily.date[last]!) - Date.parse(daily.date[from]!)) / DAY_MS;
  if (span !== last - from) {
    throw new RangeError(
      `Cannot use date: expected consecutive days from ${daily.date[from]} to ${
        daily.date[last]
      } (${last - from} days apart), got ${span} days apart`,
    );
  }
  for (let i = from; i <= last; i++) {
    positive(`price_usd[${i}]`, daily.price_usd[i]!);
    positive(`hashrate_ths[${i}]`, daily.hashrate_ths[i]!);
  }

  // Trend growth: first and last n-day means, annualised over the days between them.
  const tail = last + 1 - meanDays;
  const elapsedYears = (tail - from) / 365;
  const trend = (values: ArrayLike<number>) =>
    (mean(values, tail, last + 1) / mean(values, from, from + meanDays)) ** (1 / elapsedYears) -
    1;
  const hashrateGrowth = trend(daily.hashrate_ths);
  const priceGrowth = trend(daily.price_usd);

  const priceReturns: number[] = [];
  for (let i = from + 1; i <= last; i++) {
    priceReturns.push(Math.log(daily.price_usd[i]! / daily.price_usd[i - 1]!));
  }
  // n-day blocks ending on the last day, oldest first.
  const blockMeans: number[] = [];
  for (let end = last + 1; end - meanDays >= from; end -= meanDays) {
    blockMeans.unshift(mean(daily.hashrate_ths, end - meanDays, end));
  }
  const hashrateChanges = blockMeans.slice(1).map((v, i) => Math.log(v / blockMeans[i]!));

  return {
    fromDate: daily.date[from]!,
    toDate: daily.date[last]!,
    meanDays,
    hashrate: ths(mean(daily.hashrate_ths, tail, last + 1)),
    hashrateGrowthAnnual: hashrateGrowth,
    priceGrowthAnnual: priceGrowth,
    excessHashrateGrowthAnnual: (1 + hashrateGrowth) / (1 + priceGrowth) - 1,
    btcVolAnnual: sampleStdev(priceReturns) * Math.sqrt(365),
    hashrateVolAnnual: sampleStdev(hashrateChanges) * Math.sqrt(365 / meanDays),
  };
}
