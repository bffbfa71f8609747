/**
 * Calibration of the Monte Carlo network inputs from the daily dataset (`loadBtcDaily()`'s
 * `date`, `price_usd` and `hashrate_ths` columns) over a look-back window ending on the last
 * day: the BTC price's volatility and trend growth, the network hashrate's level, trend growth,
 * volatility, and its growth in excess of the price's — the inputs of `gbmPaths` and
 * `hashratePaths`.
 *
 * Definitions (years of 365 days; `n` = `meanDays`):
 * - **Level**: the mean of the last `n` days.
 * - **Trend growth** of a series: a log-linear trend fitted by least squares to the log of
 *   every day in the window, `ln x = a + b·t` (t in days), reported as `e^(365·b) − 1`. On a
 *   series that grows at a constant rate this is that rate exactly. Every day weighs the same,
 *   so the trend does not hang on the first and last months (ratios of end-point means over a
 *   four-year window ending 2026-06-01 gave the hashrate +9% a year faster than the price; the
 *   fitted trend gives it about 5% a year slower).
 * - **Standard error** of a trend growth: the Newey–West (1987) heteroskedasticity- and
 *   autocorrelation-consistent standard error of `b` (Bartlett weights, `n` lags: the residuals
 *   of a daily series about its trend are strongly autocorrelated, so the plain least-squares
 *   error would be far too small), carried to the growth rate by the delta method,
 *   `365·e^(365·b)·se(b)`. See https://doi.org/10.2307/1913610.
 * - **BTC volatility**: sample standard deviation of the window's daily log returns × √365
 *   (BTC trades every day).
 * - **Hashrate volatility**: sample standard deviation of the log changes between consecutive
 *   `n`-day means (blocks ending on the last day, going back as far as the window allows) ×
 *   √(365 ÷ n); monthly means, as daily hashrate is an estimate from block luck.
 * - **Excess hashrate growth**: (1 + hashrate growth) ÷ (1 + price growth) − 1. Hashprice moves
 *   with price ÷ hashrate (F2), so trendless price paths with hashrate growing at this
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

/** A log-linear trend fitted to daily data: `ln x = a + b·t`, t in days. */
interface LogTrend {
  /** Annual growth, `e^(365·b) − 1`. */
  readonly growth: number;
  /** Newey–West standard error of the annual growth. */
  readonly stdErr: number;
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
  /** Hashrate growth in excess of the price's: (1 + hashrate) ÷ (1 + price) − 1, which is the
   * fitted trend of hashrate ÷ price. */
  readonly excessHashrateGrowthAnnual: number;
  /** Standard error of `hashrateGrowthAnnual` (Newey–West, `meanDays` lags). */
  readonly hashrateGrowthStdErr: number;
  /** Standard error of `priceGrowthAnnual` (Newey–West, `meanDays` lags). */
  readonly priceGrowthStdErr: number;
  /** Standard error of `excessHashrateGrowthAnnual` (Newey–West, `meanDays` lags). */
  readonly excessHashrateGrowthStdErr: number;
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

/** Least-squares log-linear trend of `y` (already logged) on day index, with a Newey–West error. */
function logTrend(y: Float64Array, lags: number): LogTrend {
  const n = y.length;
  const tMean = (n - 1) / 2;
  let yMean = 0;
  for (let i = 0; i < n; i++) yMean += y[i]!;
  yMean /= n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const x = i - tMean;
    sxx += x * x;
    sxy += x * (y[i]! - yMean);
  }
  const slope = sxy / sxx;
  // Scores x_t·e_t of the slope's estimating equation.
  const score = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = i - tMean;
    score[i] = x * (y[i]! - yMean - slope * x);
  }
  let meat = 0;
  for (let i = 0; i < n; i++) meat += score[i]! * score[i]!;
  for (let lag = 1; lag <= Math.min(lags, n - 1); lag++) {
    let sum = 0;
    for (let i = lag; i < n; i++) sum += score[i]! * score[i - lag]!;
    meat += 2 * (1 - lag / (lags + 1)) * sum;
  }
  const slopeStdErr = Math.sqrt(Math.max(meat, 0)) / sxx;
  const growthFactor = Math.exp(365 * slope);
  return { growth: growthFactor - 1, stdErr: 365 * growthFactor * slopeStdErr };
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

  // Trend growth: log-linear fits over every day of the window.
  const tail = last + 1 - meanDays;
  const logs = (f: (i: number) => number) =>
    Float64Array.from({ length: windowDays }, (_, k) => f(from + k));
  const hashrateTrend = logTrend(logs((i) => Math.log(daily.hashrate_ths[i]!)), meanDays);
  const priceTrend = logTrend(logs((i) => Math.log(daily.price_usd[i]!)), meanDays);
  const excessTrend = logTrend(
    logs((i) => Math.log(daily.hashrate_ths[i]! / daily.price_usd[i]!)),
    meanDays,
  );

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
    hashrateGrowthAnnual: hashrateTrend.growth,
    priceGrowthAnnual: priceTrend.growth,
    excessHashrateGrowthAnnual: excessTrend.growth,
    hashrateGrowthStdErr: hashrateTrend.stdErr,
    priceGrowthStdErr: priceTrend.stdErr,
    excessHashrateGrowthStdErr: excessTrend.stdErr,
    btcVolAnnual: sampleStdev(priceReturns) * Math.sqrt(365),
    hashrateVolAnnual: sampleStdev(hashrateChanges) * Math.sqrt(365 / meanDays),
  };
}
