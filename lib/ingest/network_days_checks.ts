/**
 * Checks that tie network days to each other and to the protocol, run in date order so the first
 * impossible day is named at its own line: issuance against the subsidy schedule, hashrate and
 * blocks against the difficulty period ({@linkcode difficultyCheck}), fees against a bound per
 * block and against the week before, and prices against the week before.
 *
 * The bounds come from the Coin Metrics history (2009-01-03 .. 2026-06-01, measured on the
 * export and the API pull in `data/inputs/raw`); every real day passes them with a margin.
 *
 * @module
 */
import { subsidyBetweenBtc } from "../chain/subsidy.ts";
import { CsvError } from "../data/csv.ts";
import type { NetworkDay } from "./network_days.ts";
import { difficultyCheck, median } from "./network_days_difficulty.ts";

/**
 * A price more than this factor away from the median of the week before it is rejected. Since
 * prices began (2010-07-18) the largest ratio is 2.11× (2011-05-13) up and 1.94× (0.514,
 * 2013-04-11) down.
 */
export const PRICE_NEIGHBOUR_FACTOR = 4;
/**
 * No day pays more fees than this per block, in BTC. The most on record is 9.65 BTC a block
 * (2017-12-22; the 2024-04-20 halving day paid 9.28 BTC a block, 1206 BTC over 130 blocks).
 */
export const MAX_FEES_PER_BLOCK_BTC = 50;
/**
 * A day's fees above this factor times the median of the week before (or
 * {@linkcode FEES_NEIGHBOUR_FLOOR_BTC}, whichever is more) are rejected. The largest ratio on
 * record is 73.9× (2011-12-11, 220 BTC against 2.98); the halving day 2024-04-20 is 11.3×.
 */
export const FEES_NEIGHBOUR_FACTOR = 200;
/**
 * The least median of fees the week check compares with, in BTC: in 2010 a week's fees were often
 * 0 or a few satoshis, against which ordinary days look millions of times larger.
 */
export const FEES_NEIGHBOUR_FLOOR_BTC = 1;

/**
 * Checks days `from` on, in date order; earlier days serve as neighbours and teach the difficulty
 * of the period under way. Throws a {@linkcode CsvError} naming the file, line, column and value
 * of the first impossible day.
 *
 * @example
 * ```ts
 * import { checkNetworkDays } from "./network_days_checks.ts";
 * import assert from "node:assert/strict";
 *
 * const days = [0, 1, 2, 3, 4].map((i) => ({
 *   date: `2024-05-0${i + 1}`, blocks: 144, heightEnd: 842_000 + 144 * (i + 1),
 *   hashrateThs: 6e8, subsidyBtc: 450, feesBtc: i === 4 ? 10_000 : 10, priceUsd: 64_000,
 *   file: "btc.csv", line: i + 2,
 * }));
 * checkNetworkDays(days.slice(0, 4));
 * assert.throws(() => checkNetworkDays(days), /btc\.csv:6: column "FeeTotNtv": 2024-05-05: 10000 BTC/);
 * ```
 */
export function checkNetworkDays(days: readonly NetworkDay[], from = 0): void {
  const difficulty = difficultyCheck(days);
  for (let i = 0; i < days.length; i++) {
    const report = i >= from;
    if (report) checkSchedule(days[i]!);
    difficulty(i, report);
    if (report) checkFees(days, i);
  }
}

function checkSchedule(day: NetworkDay): void {
  const heightBefore = day.heightEnd - day.blocks;
  const expected = subsidyBetweenBtc(heightBefore + 1, day.heightEnd);
  if (Math.abs(day.subsidyBtc - expected) > 1e-6) {
    throw new CsvError(
      day.file,
      day.line,
      "IssTotNtv",
      `${day.subsidyBtc} BTC does not match the subsidy schedule: ${day.blocks} blocks after ` +
        `height ${heightBefore} pay ${expected} BTC`,
    );
  }
}

function checkFees(days: readonly NetworkDay[], i: number): void {
  const day = days[i]!;
  const perBlock = day.feesBtc / Math.max(day.blocks, 1);
  if (perBlock > MAX_FEES_PER_BLOCK_BTC) {
    throw new CsvError(
      day.file,
      day.line,
      "FeeTotNtv",
      `${day.date}: ${day.feesBtc} BTC of fees over ${day.blocks} blocks is ` +
        `${perBlock.toPrecision(3)} BTC a block, above the limit of ${MAX_FEES_PER_BLOCK_BTC} ` +
        "(the most on record is 9.65 BTC a block, on 2017-12-22): " +
        // Fees in satoshis are 1e8× the real ones, far beyond a typo or a 1000× slip.
        (perBlock >= 1e5
          ? "are the fees in satoshis rather than BTC?"
          : "check the unit or a typo"),
    );
  }
  const week: number[] = [];
  for (let j = i - 1; j >= Math.max(0, i - 7); j--) week.push(days[j]!.feesBtc);
  if (week.length < 3) return;
  const typical = median(week);
  const reference = Math.max(typical, FEES_NEIGHBOUR_FLOOR_BTC);
  const ratio = day.feesBtc / reference;
  if (ratio > FEES_NEIGHBOUR_FACTOR) {
    throw new CsvError(
      day.file,
      day.line,
      "FeeTotNtv",
      `${day.date}: ${day.feesBtc} BTC of fees is ${ratio.toPrecision(3)}× ` +
        (typical >= FEES_NEIGHBOUR_FLOOR_BTC
          ? `the median of the week before (${typical} BTC)`
          : `${FEES_NEIGHBOUR_FLOOR_BTC} BTC (the week before paid a median of ${typical})`) +
        `; no day has paid more than 74× (2011-12-11), and the limit is ` +
        `${FEES_NEIGHBOUR_FACTOR}×: check the unit or a typo`,
    );
  }
}

/**
 * Rejects a price more than {@linkcode PRICE_NEIGHBOUR_FACTOR}× away from the median of the
 * prices in `previous` (the days before it, at most a week of them, at least 3; otherwise there is
 * nothing to compare with). `at` locates the price for the message.
 *
 * @example
 * ```ts
 * import { checkPriceAgainstWeek } from "./network_days_checks.ts";
 * import assert from "node:assert/strict";
 *
 * const at = { file: "btc.csv", line: 9, date: "2024-05-05" };
 * checkPriceAgainstWeek([64_000, 65_000, 63_000], 70_000, at);
 * assert.throws(
 *   () => checkPriceAgainstWeek([64_000, 65_000, 63_000], 640_000, at),
 *   /^CsvError: btc\.csv:9: column "PriceUSD": 2024-05-05: 640000 is 10\.0× above/,
 * );
 * ```
 */
export function checkPriceAgainstWeek(
  previous: readonly number[],
  price: number,
  at: { readonly file: string; readonly line: number; readonly date: string },
): void {
  const week = previous.slice(-7).filter((p) => p > 0);
  if (week.length < 3 || !(price > 0)) return;
  const typical = median(week);
  const ratio = price / typical;
  if (ratio > PRICE_NEIGHBOUR_FACTOR || ratio < 1 / PRICE_NEIGHBOUR_FACTOR) {
    throw new CsvError(at.file, at.line, "PriceUSD", neighbourMessage(at.date, price, typical));
  }
}

/**
 * The message for a value too far from the median of the days around it.
 *
 * @example
 * ```ts
 * import { neighbourMessage } from "./network_days_checks.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(
 *   neighbourMessage("2024-05-05", 5, 100, 10),
 *   "2024-05-05: 5 is 20.0× below the median of the days around it (100); days stay within " +
 *     "10× of it: check the unit or a typo",
 * );
 * ```
 */
export function neighbourMessage(
  date: string,
  value: number,
  typical: number,
  factor = PRICE_NEIGHBOUR_FACTOR,
): string {
  const ratio = value / typical;
  const times = ratio >= 1 ? ratio : 1 / ratio;
  return `${date}: ${value} is ${times.toPrecision(3)}× ${ratio >= 1 ? "above" : "below"} the ` +
    `median of the days around it (${typical}); days stay within ${factor}× of it: check the ` +
    "unit or a typo";
}
