/**
 * Miners' revenue year by year: the days of a daily series tagged with their calendar year, as
 * columns a DataFrame groups by year, and the share of revenue in BTC that fees make up. The
 * share is taken on sums (fees ÷ (fees + subsidy)), never as a mean of daily shares, so a year
 * weighs each BTC earned alike.
 *
 * @module
 */
import { dayIndex } from "./_day_index.ts";

/** The daily columns {@linkcode revenueDaysByYear} reads (`loadBtcDaily()` has them all). */
export interface RevenueDays {
  /** UTC days, `YYYY-MM-DD`. */
  readonly date: readonly string[];
  /** USD per PH/s per day. */
  readonly hashprice_usd_per_ph_day: ArrayLike<number>;
  /** Fees paid to miners that day, BTC. */
  readonly fees_btc: ArrayLike<number>;
  /** Subsidy paid to miners that day, BTC. */
  readonly subsidy_btc: ArrayLike<number>;
}

/** Columns of {@linkcode revenueDaysByYear}, one entry per day. */
export interface RevenueDayColumns {
  /** Calendar year, `YYYY`. */
  readonly year: string[];
  /** USD hashprice per PH/s per day. */
  readonly hashprice_usd: Float64Array;
  /** Fees, BTC. */
  readonly fees_btc: Float64Array;
  /** Subsidy, BTC. */
  readonly subsidy_btc: Float64Array;
  /** Number of days. */
  readonly length: number;
}

/**
 * The days from `from` to the series' end, each with its calendar year, hashprice, fees and
 * subsidy: what `toDataFrame` takes to group a year's mean hashprice and sums of BTC.
 *
 * @example
 * ```ts
 * import { revenueDaysByYear } from "./revenue_by_year.ts";
 * import assert from "node:assert/strict";
 *
 * const days = { date: ["2023-12-30", "2023-12-31", "2024-01-01"], hashprice_usd_per_ph_day: [90, 80, 70],
 *   fees_btc: [30, 20, 10], subsidy_btc: [900, 900, 900] };
 * const c = revenueDaysByYear(days, { from: "2023-12-31" });
 * assert.deepEqual(c.year, ["2023", "2024"]);
 * assert.deepEqual([...c.hashprice_usd], [80, 70]);
 * assert.equal(c.length, 2);
 * ```
 */
export function revenueDaysByYear(
  days: RevenueDays,
  options: { readonly from: string },
): RevenueDayColumns {
  const start = dayIndex(days.date, options.from, "from");
  const end = days.date.length;
  const slice = (values: ArrayLike<number>) =>
    Float64Array.from({ length: end - start }, (_, k) => values[start + k]!);
  return {
    year: days.date.slice(start).map((d) => d.slice(0, 4)),
    hashprice_usd: slice(days.hashprice_usd_per_ph_day),
    fees_btc: slice(days.fees_btc),
    subsidy_btc: slice(days.subsidy_btc),
    length: end - start,
  };
}

/**
 * Fees as a share of miners' revenue in BTC, entry by entry: `fees ÷ (fees + subsidy)`.
 *
 * @example 10 BTC of fees beside a 90 BTC subsidy are a tenth of the revenue
 * ```ts
 * import { feeShares } from "./revenue_by_year.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(feeShares([10, 0], [90, 3.125]), [0.1, 0]);
 * assert.throws(() => feeShares([1], [1, 2]), /Cannot take fee shares: 1 fees against 2 subsidies/);
 * assert.throws(() => feeShares([0], [0]), /Cannot take fee shares: entry 0 has fees 0 and subsidy 0/);
 * ```
 */
export function feeShares(feesBtc: ArrayLike<number>, subsidyBtc: ArrayLike<number>): number[] {
  if (feesBtc.length !== subsidyBtc.length) {
    throw new RangeError(
      `Cannot take fee shares: ${feesBtc.length} fees against ${subsidyBtc.length} subsidies`,
    );
  }
  return Array.from({ length: feesBtc.length }, (_, i) => {
    const fees = feesBtc[i]!;
    const subsidy = subsidyBtc[i]!;
    if (!(fees >= 0) || !(subsidy >= 0) || !(fees + subsidy > 0)) {
      throw new RangeError(
        `Cannot take fee shares: entry ${i} has fees ${fees} and subsidy ${subsidy} (expected both >= 0, not both 0)`,
      );
    }
    return fees / (fees + subsidy);
  });
}
