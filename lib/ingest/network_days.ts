/**
 * From Coin Metrics records to checked network days: numbers parsed, dates continuous, prices in
 * line with the week before, block heights carried; then {@linkcode checkNetworkDays} ties the
 * days to the subsidy schedule, the difficulty periods and plausible fees. Where a source has no
 * block count (some API pulls), blocks are derived from issuance and the schedule.
 *
 * @module
 */
import { subsidyBetweenBtc } from "../chain/subsidy.ts";
import { CsvError, numberCell } from "../data/csv.ts";
import type { MetricRecord, NetworkMetric } from "./coinmetrics.ts";
import { nextIsoDay } from "../units/calendar.ts";
import { checkNetworkDays, checkPriceAgainstWeek } from "./network_days_checks.ts";

/** The Bitcoin genesis block's UTC day (height 0; Coin Metrics counts it as 0 blocks). */
export const GENESIS_DATE = "2009-01-03";

/** One checked day of network data, with the place it was read from. */
export interface NetworkDay {
  readonly date: string;
  readonly blocks: number;
  /** Height of the day's last block. */
  readonly heightEnd: number;
  readonly hashrateThs: number;
  readonly subsidyBtc: number;
  readonly feesBtc: number;
  /** `NaN` before the source has a price. */
  readonly priceUsd: number;
  readonly file: string;
  readonly line: number;
  /** The column the block count was read from, for messages. Default `"BlkCnt"`; `"IssTotUSD"`
   * where blocks were derived from issuance in USD. */
  readonly blocksColumn?: "BlkCnt" | "IssTotUSD";
}

/** Options for {@linkcode networkDaysFromRecords}. */
export interface NetworkDaysOptions {
  /** Height of the last block before the first record's day. Default: the last `before` day's
   * `heightEnd`, or 0 when the records start on {@linkcode GENESIS_DATE}; otherwise it must be
   * given. */
  readonly heightBefore?: number;
  /** Checked days before the records (in date order), the neighbours the first records are
   * compared with. Default: none. */
  readonly before?: readonly NetworkDay[];
  /** Receives one line per skipped record. Default: ignore. */
  readonly log?: (line: string) => void;
  /** Return no days, rather than throw, when no record is complete. Default `false`. */
  readonly allowEmpty?: boolean;
}

const REQUIRED_NATIVE: readonly NetworkMetric[] = ["BlkCnt", "IssTotNtv", "FeeTotNtv"];
const REQUIRED_USD: readonly NetworkMetric[] = ["IssTotUSD", "PriceUSD", "FeeTotNtv"];

/**
 * Checks and converts records into network days.
 *
 * @example
 * ```ts
 * import { networkDaysFromRecords } from "./network_days.ts";
 * import assert from "node:assert/strict";
 *
 * const at = { file: "btc.csv", line: 2 };
 * const days = networkDaysFromRecords([
 *   { ...at, date: "2024-04-20", cells: { BlkCnt: "2", IssTotNtv: "6.25", FeeTotNtv: "1",
 *     HashRate: "6e8", PriceUSD: "64000" } },
 * ], { heightBefore: 840_000 });
 * assert.equal(days[0]!.heightEnd, 840_002);
 * ```
 */
export function networkDaysFromRecords(
  records: readonly MetricRecord[],
  options: NetworkDaysOptions = {},
): NetworkDay[] {
  const log = options.log ?? (() => {});
  const before = options.before ?? [];
  const end = completeLength(records, log);
  if (end === 0) {
    if (options.allowEmpty) return [];
    const file = records[0]?.file ?? "<input>";
    throw new CsvError(file, 0, undefined, "no row has the network metrics (BlkCnt, HashRate…)");
  }
  const first = records[0]!;
  const fromGenesis = first.date === GENESIS_DATE;
  let height = options.heightBefore ?? before.at(-1)?.heightEnd ?? (fromGenesis ? 0 : undefined);
  if (first.layout === "usd" && options.heightBefore === undefined && before.length === 0) {
    // IssTotUSD ÷ PriceUSD stands in for the block count only on days with a price.
    throw new CsvError(
      first.file,
      1,
      "BlkCnt",
      'the header has neither "BlkCnt" nor "IssTotNtv" (only "IssTotUSD"): a full export ' +
        "needs them, since blocks cannot be derived from issuance in USD before prices begin " +
        "(2010-07-18); such a file can only extend a full export",
    );
  }
  if (height === undefined) {
    throw new CsvError(
      first.file,
      first.line,
      "time",
      `the data start on ${first.date}, not at genesis (${GENESIS_DATE}), so block heights are ` +
        "unknown: use it to extend a full export",
    );
  }
  const days: NetworkDay[] = [];
  const prices: number[] = before.slice(-7).map((d) => d.priceUsd).filter((p) => p > 0);
  for (let i = 0; i < end; i++) {
    const record = records[i]!;
    if (i > 0) checkNextDate(records, i);
    const day = toDay(record, height, prices);
    if (day.priceUsd > 0) {
      prices.push(day.priceUsd);
      if (prices.length > 7) prices.shift();
    }
    height = day.heightEnd;
    days.push(day);
  }
  checkNetworkDays(before.length === 0 ? days : [...before, ...days], before.length);
  return days;
}

/** Index after the last complete record; incomplete records at the tail are skipped, logged. */
function completeLength(records: readonly MetricRecord[], log: (line: string) => void): number {
  let end = records.length;
  while (end > 0 && !isComplete(records[end - 1]!)) end--;
  for (let i = end; i < records.length; i++) {
    const r = records[i]!;
    const has = Object.keys(r.cells);
    log(
      `skipped ${r.file}:${r.line} (${r.date}): the newest day has ` +
        (has.length === 0 ? "no network metrics yet" : `only ${has.join(", ")}`) +
        " (Coin Metrics publishes reference rates before the day's network data)",
    );
  }
  return end;
}

function isComplete(record: MetricRecord): boolean {
  const required = (record.layout ?? "native") === "native" ? REQUIRED_NATIVE : REQUIRED_USD;
  return required.every((m) => m in record.cells) && "HashRate" in record.cells &&
    "PriceUSD" in record.cells;
}

function checkNextDate(records: readonly MetricRecord[], i: number): void {
  const previous = records[i - 1]!;
  const record = records[i]!;
  const expected = nextIsoDay(previous.date);
  if (record.date === expected) return;
  let what: string;
  if (record.date === previous.date) what = "repeats the previous date";
  else if (record.date < previous.date) {
    what = `goes back in time (previous row is ${previous.date})`;
  } else {
    // A row that jumps ahead while the day it skipped comes a little later is out of order.
    const later = records.slice(i + 1, i + 32).find((r) => r.date === expected);
    what = later === undefined
      ? `leaves a gap: expected ${expected} after ${previous.date}`
      : `is out of order: expected ${expected} after ${previous.date}, which comes later ` +
        `(line ${later.line})`;
  }
  throw new CsvError(record.file, record.line, "time", `${record.date} ${what}`);
}

function toDay(record: MetricRecord, heightBefore: number, prices: readonly number[]): NetworkDay {
  const { file, line, cells } = record;
  const read = (metric: NetworkMetric, integer = false): number => {
    const raw = cells[metric];
    if (raw === undefined) {
      throw new CsvError(
        file,
        line,
        metric,
        `expected ${integer ? "a whole number" : "a number"}, found an empty cell`,
      );
    }
    return numberCell(
      file,
      line,
      { name: metric, type: integer ? "integer" : "number", min: 0 },
      raw,
    );
  };
  const native = (record.layout ?? "native") === "native";
  // Blank before the source's first price; required from then on, and in the USD layout.
  const priceUsd = cells.PriceUSD === undefined && prices.length === 0 && native
    ? NaN
    : read("PriceUSD");
  if (priceUsd === 0) {
    throw new CsvError(file, line, "PriceUSD", "expected a price above 0, found 0");
  }
  // Before any block count is derived from it.
  checkPriceAgainstWeek(prices, priceUsd, record);
  let blocks: number;
  let subsidyBtc: number;
  if (native) {
    blocks = read("BlkCnt", true);
    // Coin Metrics leaves IssTotNtv blank on the days of 2009 without blocks.
    subsidyBtc = blocks === 0 && cells.IssTotNtv === undefined ? 0 : read("IssTotNtv");
  } else {
    blocks = blocksForIssuance(heightBefore, read("IssTotUSD") / priceUsd, record);
    subsidyBtc = subsidyBetweenBtc(heightBefore + 1, heightBefore + blocks);
  }
  const hashrateThs = blocks === 0 && cells.HashRate === undefined ? 0 : read("HashRate");
  if (blocks > 0 && hashrateThs === 0) {
    throw new CsvError(file, line, "HashRate", `expected a hashrate above 0 on a day with blocks`);
  }
  return {
    date: record.date,
    blocks,
    heightEnd: heightBefore + blocks,
    hashrateThs,
    subsidyBtc,
    feesBtc: read("FeeTotNtv"),
    priceUsd,
    file,
    line,
    ...(native ? {} : { blocksColumn: "IssTotUSD" as const }),
  };
}

/**
 * The whole number of blocks after `heightBefore` whose subsidies sum to `issuedBtc`, within a
 * tenth of a block: Coin Metrics' own `IssTotUSD ÷ PriceUSD` differs from `IssTotNtv` by up to
 * 2e-5 relative (2022-09-09 .. 12), far less than one block.
 */
function blocksForIssuance(heightBefore: number, issuedBtc: number, record: MetricRecord): number {
  const fullSubsidy = subsidyBetweenBtc(heightBefore + 1, heightBefore + 1);
  if (fullSubsidy === 0) return 0;
  // The day may straddle a halving, so try counts between the two era rates.
  const low = Math.max(0, Math.floor(issuedBtc / fullSubsidy) - 1);
  for (let blocks = low; blocks <= 2 * low + 4; blocks++) {
    const paid = subsidyBetweenBtc(heightBefore + 1, heightBefore + blocks);
    if (Math.abs(paid - issuedBtc) <= 0.1 * fullSubsidy / 2) return blocks;
    if (paid > issuedBtc) break;
  }
  throw new CsvError(
    record.file,
    record.line,
    "IssTotUSD",
    `IssTotUSD ÷ PriceUSD = ${issuedBtc} BTC is not a whole number of blocks at ` +
      `${fullSubsidy} BTC after height ${heightBefore}`,
  );
}
