/**
 * The mining market as a note states it "today": trailing means over the last days of a daily
 * series such as `data/btc_daily.csv` of hashprice (USD and BTC), the BTC price and the network
 * hashrate. A mean over a window, not the last day, so that one day's fees or luck does not set
 * the level every breakeven is computed from.
 *
 * @module
 */
import { rangeMean } from "../finance/means.ts";
import { wholeNumber } from "../units/checks.ts";
import { type Hashrate, ths } from "../units/hashrate.ts";
import { type Usd, usd } from "../units/money.ts";
import { type BtcPerPhDay, btcPerPhDay, type UsdPerPhDay, usdPerPhDay } from "../units/prices.ts";

/** The daily columns {@linkcode latestMarket} reads (`loadBtcDaily()` has them all). */
export interface MarketDays {
  /** UTC day, `YYYY-MM-DD`, oldest first. */
  readonly date: readonly string[];
  /** BTC price at the day's close, USD. */
  readonly price_usd: ArrayLike<number>;
  /** USD earned per PH/s that day. */
  readonly hashprice_usd_per_ph_day: ArrayLike<number>;
  /** BTC earned per PH/s that day. */
  readonly hashprice_btc_per_ph_day: ArrayLike<number>;
  /** Mean network hashrate that day, TH/s. */
  readonly hashrate_ths: ArrayLike<number>;
}

/** Result of {@linkcode latestMarket}: means over the last `windowDays` days. */
export interface LatestMarket {
  /** The series' last day, `YYYY-MM-DD`. */
  readonly asOf: string;
  /** Days in each mean. */
  readonly windowDays: number;
  /** Mean USD hashprice. */
  readonly hashprice: UsdPerPhDay;
  /** Mean BTC hashprice. */
  readonly btcHashprice: BtcPerPhDay;
  /** Mean BTC price, USD. */
  readonly btcPriceUsd: Usd;
  /** Mean network hashrate. */
  readonly networkHashrate: Hashrate;
}

/**
 * Means of hashprice, BTC price and hashrate over the last `windowDays` days of `days`.
 *
 * Throws a RangeError for a window that is not a whole number of days ≥ 1, is longer than the
 * series, or a column shorter than `date`.
 *
 * @example Three days of a series, means over the last two
 * ```ts
 * import { latestMarket } from "./latest_market.ts";
 * import assert from "node:assert/strict";
 *
 * const days = {
 *   date: ["2026-05-30", "2026-05-31", "2026-06-01"],
 *   price_usd: [70_000, 76_000, 80_000],
 *   hashprice_usd_per_ph_day: [30, 35, 37],
 *   hashprice_btc_per_ph_day: [0.0005, 0.00046, 0.00044],
 *   hashrate_ths: [9e8, 9.8e8, 1e9],
 * };
 * const market = latestMarket(days, 2);
 * assert.equal(market.asOf, "2026-06-01");
 * assert.equal(market.hashprice, 36);
 * assert.equal(market.btcPriceUsd, 78_000);
 * assert.equal(market.networkHashrate, 9.9e8);
 * assert.ok(Math.abs(market.btcHashprice - 0.00045) < 1e-15);
 * assert.throws(() => latestMarket(days, 4), /Cannot use windowDays: expected at most 3 days/);
 * ```
 */
export function latestMarket(days: MarketDays, windowDays: number): LatestMarket {
  wholeNumber("windowDays", windowDays, 1);
  const length = days.date.length;
  if (windowDays > length) {
    throw new RangeError(
      `Cannot use windowDays: expected at most ${length} days (the series' length), got ${windowDays}`,
    );
  }
  const columns = [
    "price_usd",
    "hashprice_usd_per_ph_day",
    "hashprice_btc_per_ph_day",
    "hashrate_ths",
  ] as const;
  for (const column of columns) {
    if (days[column].length !== length) {
      throw new RangeError(
        `Cannot use ${column}: expected ${length} values (one per date), got ${
          days[column].length
        }`,
      );
    }
  }
  const mean = (values: ArrayLike<number>) => rangeMean(values, length - windowDays, length);
  return {
    asOf: days.date[length - 1]!,
    windowDays,
    hashprice: usdPerPhDay(mean(days.hashprice_usd_per_ph_day)),
    btcHashprice: btcPerPhDay(mean(days.hashprice_btc_per_ph_day)),
    btcPriceUsd: usd(mean(days.price_usd)),
    networkHashrate: ths(mean(days.hashrate_ths)),
  };
}
