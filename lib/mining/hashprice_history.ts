/**
 * Hashprice through the halvings, from a daily series such as `data/btc_daily.csv`: trailing
 * means at both ends of a window, the move across each halving day, the network's hashrate
 * before each halving and some time after it, and a weekly sample for charts. Means are over
 * `windowDays` days so that a single day's fees or luck does not set a level.
 *
 * @module
 */
import { type DailyHeights, type PastHalving, pastHalvings } from "../chain/halvings.ts";
import { rangeMean } from "../finance/means.ts";
import { wholeNumber } from "../units/checks.ts";
import { dayIndex } from "./_day_index.ts";

/** The daily columns {@linkcode hashpriceHistory} reads (`loadBtcDaily()` has them all). */
export interface HashpriceDays extends DailyHeights {
  /** USD per PH/s per day. */
  readonly hashprice_usd_per_ph_day: ArrayLike<number>;
  /** BTC per PH/s per day. */
  readonly hashprice_btc_per_ph_day: ArrayLike<number>;
  /** Network hashrate, TH/s. */
  readonly hashrate_ths: ArrayLike<number>;
}

/** The window {@linkcode hashpriceHistory} looks at; no defaults, as each is a note's choice. */
export interface HashpriceHistoryWindow {
  /** First day, `YYYY-MM-DD`; the series must hold it. Halvings before it are left out. */
  readonly from: string;
  /** Days in each trailing mean, at least 1. */
  readonly windowDays: number;
  /** Days after a halving at which hashrate is compared with its level before, at least 0. */
  readonly afterHalvingDays: number;
}

/** Means over `windowDays` days. */
export interface WindowMeans {
  /** Hashprice, USD per PH/s per day. */
  readonly usdPerPhDay: number;
  /** Hashprice, BTC per PH/s per day. */
  readonly btcPerPhDay: number;
  /** Network hashrate, EH/s. */
  readonly ehs: number;
}

/** A halving and what moved across it. */
export interface HalvingMove extends PastHalving {
  /** Mean USD hashprice over the `windowDays` days before the halving day. */
  readonly usdBefore: number;
  /** Mean USD hashprice over the `windowDays` days after it (fewer if the series ends). */
  readonly usdAfter: number;
  /** `usdAfter / usdBefore − 1`. */
  readonly usdChange: number;
  /** Mean hashrate over the `windowDays` days before the halving day, EH/s. */
  readonly ehsBefore: number;
  /** Last day of the period after the halving (`afterHalvingDays` on, or the series' end). */
  readonly afterDate: string;
  /** Mean hashrate over the `windowDays` days to `afterDate`, EH/s. */
  readonly ehsAfter: number;
  /** `ehsAfter / ehsBefore − 1`. */
  readonly ehsChange: number;
}

/** One week's point of the charts: trailing means of hashprice, the day's hashrate. */
export interface WeeklyHashprice {
  /** The day sampled, `YYYY-MM-DD`. */
  readonly date: string;
  /** Trailing mean USD hashprice per PH/s per day. */
  readonly usd: number;
  /** Trailing mean BTC hashprice per PH/s per day. */
  readonly btc: number;
  /** The day's network hashrate, EH/s. */
  readonly ehs: number;
}

/** Result of {@linkcode hashpriceHistory}. */
export interface HashpriceHistory {
  /** Index of `from` in the series. */
  readonly startIndex: number;
  /** The series' last day. */
  readonly asOf: string;
  /** Means over the first `windowDays` days from `from`. */
  readonly first: WindowMeans;
  /** Means over the last `windowDays` days of the series. */
  readonly latest: WindowMeans;
  /** `latest / first − 1` of the USD hashprice. */
  readonly usdChange: number;
  /** How many times lower the BTC hashprice is: `first / latest`. */
  readonly btcFold: number;
  /** How many times over hashrate grew: `latest / first`. */
  readonly hashrateFold: number;
  /** The halvings on or after `from`, in order. */
  readonly halvings: readonly HalvingMove[];
  /** Every seventh day from `from` (or the first day with a full trailing window). */
  readonly weekly: readonly WeeklyHashprice[];
}

const EH_IN_TH = 1e6;

/**
 * Hashprice and hashrate from `window.from` to the end of `days`, around each halving.
 *
 * @example A halving on 2024-04-20 halves a flat hashprice; hashrate rides it out
 * ```ts
 * import { hashpriceHistory } from "./hashprice_history.ts";
 * import assert from "node:assert/strict";
 *
 * const days = {
 *   date: ["2024-04-15", "2024-04-16", "2024-04-17", "2024-04-18", "2024-04-19", "2024-04-20",
 *     "2024-04-21", "2024-04-22", "2024-04-23", "2024-04-24"],
 *   height_end: Array.from({ length: 10 }, (_, i) => 839_300 + 144 * i), // 840,000 on 20 April
 *   hashprice_usd_per_ph_day: [100, 100, 100, 100, 100, 80, 50, 50, 50, 50],
 *   hashprice_btc_per_ph_day: [2, 2, 2, 2, 2, 1.5, 1, 1, 1, 1],
 *   hashrate_ths: [600e6, 600e6, 600e6, 600e6, 600e6, 590e6, 580e6, 600e6, 620e6, 640e6],
 * };
 * const h = hashpriceHistory(days, { from: "2024-04-16", windowDays: 2, afterHalvingDays: 3 });
 * const [fourth] = h.halvings;
 * assert.equal(fourth!.date, "2024-04-20");
 * assert.deepEqual([fourth!.usdBefore, fourth!.usdAfter, fourth!.usdChange], [100, 50, -0.5]);
 * assert.deepEqual([fourth!.afterDate, fourth!.ehsBefore, fourth!.ehsAfter], ["2024-04-23", 600, 610]);
 * assert.equal(h.btcFold, 2); // 2 BTC in the first two days, 1 in the last two
 * assert.deepEqual(h.weekly.map((w) => w.date), ["2024-04-16", "2024-04-23"]);
 * assert.throws(() => hashpriceHistory(days, { from: "2016-01-01", windowDays: 2, afterHalvingDays: 3 }),
 *   /Cannot use from: the series has no day "2016-01-01" \(it runs from 2024-04-15 to 2024-04-24\)/);
 * ```
 */
export function hashpriceHistory(
  days: HashpriceDays,
  window: HashpriceHistoryWindow,
): HashpriceHistory {
  const w = wholeNumber("windowDays", window.windowDays, 1);
  const afterDays = wholeNumber("afterHalvingDays", window.afterHalvingDays, 0);
  const n = days.date.length;
  const start = dayIndex(days.date, window.from, "from");
  if (start + w > n) {
    throw new RangeError(
      `Cannot use windowDays: ${w} days from ${window.from} run past the series' end, ${
        days.date[n - 1]
      }`,
    );
  }
  const usd = days.hashprice_usd_per_ph_day;
  const btc = days.hashprice_btc_per_ph_day;
  const ths = days.hashrate_ths;
  const means = (from: number, to: number): WindowMeans => ({
    usdPerPhDay: rangeMean(usd, from, to),
    btcPerPhDay: rangeMean(btc, from, to),
    ehs: rangeMean(ths, from, to) / EH_IN_TH,
  });
  const first = means(start, start + w);
  const latest = means(n - w, n);

  const halvings = pastHalvings(days).filter((h) => h.date >= window.from).map((h) => {
    const i = dayIndex(days.date, h.date, `halving ${h.ordinal}'s date`);
    if (i < w || i + 1 >= n) {
      throw new RangeError(
        `Cannot measure halving ${h.ordinal} (${h.date}): the series needs ${w} days before it and one after`,
      );
    }
    const j = Math.min(n - 1, i + afterDays);
    const usdBefore = rangeMean(usd, i - w, i);
    const usdAfter = rangeMean(usd, i + 1, Math.min(n, i + 1 + w));
    const ehsBefore = rangeMean(ths, i - w, i) / EH_IN_TH;
    const ehsAfter = rangeMean(ths, Math.max(0, j + 1 - w), j + 1) / EH_IN_TH;
    return {
      ...h,
      usdBefore,
      usdAfter,
      usdChange: usdAfter / usdBefore - 1,
      ehsBefore,
      afterDate: days.date[j]!,
      ehsAfter,
      ehsChange: ehsAfter / ehsBefore - 1,
    };
  });

  const weekly: WeeklyHashprice[] = [];
  for (let i = Math.max(start, w - 1); i < n; i += 7) {
    weekly.push({
      date: days.date[i]!,
      usd: rangeMean(usd, i + 1 - w, i + 1),
      btc: rangeMean(btc, i + 1 - w, i + 1),
      ehs: ths[i]! / EH_IN_TH,
    });
  }
  return {
    startIndex: start,
    asOf: days.date[n - 1]!,
    first,
    latest,
    usdChange: latest.usdPerPhDay / first.usdPerPhDay - 1,
    btcFold: first.btcPerPhDay / latest.btcPerPhDay,
    hashrateFold: latest.ehs / first.ehs,
    halvings,
    weekly,
  };
}
