/**
 * Building `data/btc_daily.csv` from checked network days: joining a full export with an
 * extension (their overlap must agree), deriving difficulty and hashprice, and rejecting
 * magnitudes no real day has (a unit slip, a price 1000× off its neighbours).
 *
 * @module
 */
import { CsvError } from "../data/csv.ts";
import type { MetricRecord } from "./coinmetrics.ts";
import { nextIsoDay } from "../units/calendar.ts";
import { type NetworkDay, networkDaysFromRecords } from "./network_days.ts";
import { neighbourMessage, PRICE_NEIGHBOUR_FACTOR } from "./network_days_checks.ts";
import { median } from "./network_days_difficulty.ts";
import { BTC_DAILY_SCHEMA } from "../data/btc_daily.ts";
import { formatCsv } from "./csv_format.ts";

/** Agreement required between two sources on the same day (SOURCES.md measured 6.5e-8). */
export const OVERLAP_TOLERANCE = 1e-6;
/**
 * A hashrate more than this factor away from the median of the week before it is rejected (prices:
 * {@linkcode PRICE_NEIGHBOUR_FACTOR}). Since prices began (2010-07-18) the ratio stays within
 * 1.53× up (2010-10-17) and 1.88× down (0.533, 2017-11-11); this catches a unit slip, the
 * difficulty check in `network_days_difficulty.ts` a one-day typo.
 */
export const NEIGHBOUR_FACTOR = 10;
/** No hashrate above 1e12 TH/s (1,000,000 EH/s, about 1000× the 2026 network) is plausible. */
export const MAX_HASHRATE_THS = 1e12;

/** Summary of an overlap check. */
export interface OverlapReport {
  readonly days: number;
  readonly from: string;
  readonly to: string;
  readonly maxRelativeDifference: number;
}

/**
 * Appends an extension to a full series. Days both cover must agree within
 * {@linkcode OVERLAP_TOLERANCE}; the extension's later days continue the block heights.
 */
export function extendNetworkDays(
  base: readonly NetworkDay[],
  extension: readonly MetricRecord[],
  log: (line: string) => void = () => {},
): { days: NetworkDay[]; overlap: OverlapReport | undefined } {
  const last = base[base.length - 1];
  const firstExt = extension[0];
  if (last === undefined || firstExt === undefined) return { days: [...base], overlap: undefined };
  const byDate = new Map(base.map((d, i) => [d.date, i]));
  const startIndex = byDate.get(firstExt.date);
  if (startIndex === undefined && firstExt.date !== nextIsoDay(last.date)) {
    throw new CsvError(
      firstExt.file,
      firstExt.line,
      "time",
      `the extension starts on ${firstExt.date}, which leaves a gap after ${last.date} (${last.file})`,
    );
  }
  const heightBefore = startIndex === undefined
    ? last.heightEnd
    : startIndex === 0
    ? base[0]!.heightEnd - base[0]!.blocks
    : base[startIndex - 1]!.heightEnd;
  const before = startIndex === undefined ? base : base.slice(0, startIndex);
  const extDays = networkDaysFromRecords(extension, { heightBefore, before, log });
  let maxDiff = 0;
  let overlapDays = 0;
  const added: NetworkDay[] = [];
  for (const day of extDays) {
    const i = byDate.get(day.date);
    if (i === undefined) {
      added.push(day);
      continue;
    }
    maxDiff = Math.max(maxDiff, compareDays(base[i]!, day));
    overlapDays++;
  }
  const overlap = overlapDays === 0 ? undefined : {
    days: overlapDays,
    from: extDays[0]!.date,
    to: extDays[overlapDays - 1]!.date,
    maxRelativeDifference: maxDiff,
  };
  return { days: [...base, ...added], overlap };
}

function compareDays(a: NetworkDay, b: NetworkDay): number {
  const fields = [
    ["blocks", "BlkCnt"],
    ["hashrateThs", "HashRate"],
    ["subsidyBtc", "IssTotNtv"],
    ["feesBtc", "FeeTotNtv"],
    ["priceUsd", "PriceUSD"],
  ] as const;
  let worst = 0;
  for (const [field, metric] of fields) {
    const x = a[field];
    const y = b[field];
    if (Number.isNaN(x) && Number.isNaN(y)) continue;
    // One source with a value and the other without is a disagreement too (NaN compares false).
    const diff = Math.abs(x - y) / Math.max(Math.abs(x), Math.abs(y), 1e-12);
    if (!(diff <= OVERLAP_TOLERANCE || Math.abs(x - y) <= 1e-9)) {
      throw new CsvError(
        b.file,
        b.line,
        metric,
        `${b.date}: ${y} disagrees with ${x} in ${a.file}:${a.line} (relative difference ` +
          `${diff.toExponential(2)}, tolerance ${OVERLAP_TOLERANCE})`,
      );
    }
    worst = Math.max(worst, Math.abs(x - y) <= 1e-9 ? 0 : diff);
  }
  return worst;
}

/** A row of `data/btc_daily.csv`, keyed by its header names. */
export type BtcDailyRow = {
  [C in typeof BTC_DAILY_SCHEMA[number] as C["name"]]: C extends {
    type: "date";
  } ? string
    : number;
};

/**
 * Turns network days into dataset rows, from the first day with a price. Derives difficulty
 * (SOURCES.md identity) and hashprice (F2), after {@linkcode checkMagnitudes}.
 */
export function btcDailyRows(days: readonly NetworkDay[]): BtcDailyRow[] {
  const start = days.findIndex((d) => !Number.isNaN(d.priceUsd) && d.blocks > 0);
  if (start === -1) {
    throw new CsvError(days[0]?.file ?? "<input>", 0, "PriceUSD", "no day has a price");
  }
  const kept = days.slice(start);
  checkMagnitudes(kept, 0);
  return kept.map(toRow);
}

/** The dataset row for one day. */
export function toRow(d: NetworkDay): BtcDailyRow {
  const hashratePh = d.hashrateThs / 1000;
  const paidBtc = d.subsidyBtc + d.feesBtc;
  return {
    date: d.date,
    blocks: d.blocks,
    height_end: d.heightEnd,
    hashrate_ths: d.hashrateThs,
    difficulty: (d.hashrateThs * 1e12 * 86_400) / (d.blocks * 2 ** 32),
    subsidy_btc: d.subsidyBtc,
    fees_btc: d.feesBtc,
    price_usd: d.priceUsd,
    hashprice_usd_per_ph_day: (paidBtc * d.priceUsd) / hashratePh,
    hashprice_btc_per_ph_day: paidBtc / hashratePh,
  };
}

/**
 * Rejects magnitudes no real day has, from index `from` on (earlier days serve as neighbours):
 * a hashrate implying a difficulty below the protocol minimum of 1 or above
 * {@linkcode MAX_HASHRATE_THS}, a day without blocks, and a hashrate more than
 * {@linkcode NEIGHBOUR_FACTOR}× (a price more than {@linkcode PRICE_NEIGHBOUR_FACTOR}×) away from
 * the median of the week before it (the week after, for the first days).
 */
export function checkMagnitudes(days: readonly NetworkDay[], from: number): void {
  for (let i = from; i < days.length; i++) {
    const d = days[i]!;
    if (d.blocks < 1) {
      throw new CsvError(
        d.file,
        d.line,
        "BlkCnt",
        `${d.date}: ${d.blocks} blocks; every day since the first priced one has blocks, and ` +
          "difficulty and hashprice need them",
      );
    }
    const difficulty = (d.hashrateThs * 1e12 * 86_400) / (d.blocks * 2 ** 32);
    if (difficulty < 1) {
      throw new CsvError(
        d.file,
        d.line,
        "HashRate",
        `${d.hashrateThs} TH/s with ${d.blocks} blocks implies difficulty ${
          difficulty.toPrecision(3)
        },` +
          " below the protocol minimum of 1: is the hashrate in PH/s or EH/s rather than TH/s?",
      );
    }
    if (d.hashrateThs > MAX_HASHRATE_THS) {
      throw new CsvError(
        d.file,
        d.line,
        "HashRate",
        `${d.hashrateThs} TH/s is above ${MAX_HASHRATE_THS} TH/s (1,000,000 EH/s): is the hashrate ` +
          "in H/s rather than TH/s?",
      );
    }
    checkNeighbours(days, i, "hashrateThs", "HashRate");
    checkNeighbours(days, i, "priceUsd", "PriceUSD");
  }
}

function checkNeighbours(
  days: readonly NetworkDay[],
  i: number,
  field: "hashrateThs" | "priceUsd",
  metric: string,
): void {
  // Compare with the week before (the week after for the first days), so a lasting jump is
  // reported on its first day rather than on a good day next to it.
  const around: number[] = [];
  for (let j = i - 1; j >= Math.max(0, i - 7); j--) {
    const v = days[j]![field];
    if (v > 0) around.push(v);
  }
  if (around.length < 3) {
    for (let j = i + 1; j <= Math.min(days.length - 1, i + 7); j++) {
      const v = days[j]![field];
      if (v > 0) around.push(v);
    }
  }
  if (around.length < 3) return;
  const typical = median(around);
  const value = days[i]![field];
  const ratio = value / typical;
  const factor = field === "priceUsd" ? PRICE_NEIGHBOUR_FACTOR : NEIGHBOUR_FACTOR;
  if (ratio > factor || ratio < 1 / factor) {
    const d = days[i]!;
    throw new CsvError(d.file, d.line, metric, neighbourMessage(d.date, value, typical, factor));
  }
}

/**
 * Serialises rows to CSV text with the dataset header, numbers in shortest round-trip form.
 *
 * @example
 * ```ts
 * import { formatBtcDailyCsv } from "./btc_daily_build.ts";
 * import assert from "node:assert/strict";
 *
 * const csv = formatBtcDailyCsv([]);
 * assert.equal(csv.split("\n")[0]!.split(",")[0], "date");
 * ```
 */
export function formatBtcDailyCsv(rows: readonly BtcDailyRow[]): string {
  return formatCsv(BTC_DAILY_SCHEMA, rows);
}
