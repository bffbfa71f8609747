/**
 * From Coin Metrics records to checked network days: numbers parsed, dates continuous, block
 * heights carried, and every day's issuance checked against the subsidy schedule. Where a source
 * has no block count (some API pulls), blocks are derived from issuance and the schedule.
 *
 * @module
 */
import { subsidyBetweenBtc } from "../chain/subsidy.ts";
import { CsvError, numberCell } from "./csv.ts";
import type { MetricRecord, NetworkMetric } from "./coinmetrics.ts";
import { nextIsoDay } from "./dates.ts";

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
}

/** Options for {@linkcode networkDaysFromRecords}. */
export interface NetworkDaysOptions {
  /** Height of the last block before the first record's day. Default: 0 when the records start
   * on {@linkcode GENESIS_DATE}; otherwise it must be given. */
  readonly heightBefore?: number;
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
  const end = completeLength(records, log);
  if (end === 0) {
    if (options.allowEmpty) return [];
    const file = records[0]?.file ?? "<input>";
    throw new CsvError(file, 0, undefined, "no row has the network metrics (BlkCnt, HashRate…)");
  }
  const first = records[0]!;
  let height = options.heightBefore ?? (first.date === GENESIS_DATE ? 0 : undefined);
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
  let priced = false;
  for (let i = 0; i < end; i++) {
    const record = records[i]!;
    if (i > 0) checkNextDate(records[i - 1]!, record);
    const day = toDay(record, height, priced);
    priced ||= !Number.isNaN(day.priceUsd);
    height = day.heightEnd;
    days.push(day);
  }
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
  const native = "BlkCnt" in record.cells || "IssTotNtv" in record.cells;
  const required = native ? REQUIRED_NATIVE : REQUIRED_USD;
  return required.every((m) => m in record.cells) && "HashRate" in record.cells &&
    "PriceUSD" in record.cells;
}

function checkNextDate(previous: MetricRecord, record: MetricRecord): void {
  const expected = nextIsoDay(previous.date);
  if (record.date === expected) return;
  const what = record.date === previous.date
    ? "repeats the previous date"
    : record.date < previous.date
    ? `goes back in time (previous row is ${previous.date})`
    : `leaves a gap: expected ${expected} after ${previous.date}`;
  throw new CsvError(record.file, record.line, "time", `${record.date} ${what}`);
}

function toDay(record: MetricRecord, heightBefore: number, priced: boolean): NetworkDay {
  const { file, line, cells } = record;
  const read = (metric: NetworkMetric, integer = false): number => {
    const raw = cells[metric];
    if (raw === undefined) {
      throw new CsvError(file, line, metric, `expected a number, found an empty cell`);
    }
    return numberCell(
      file,
      line,
      { name: metric, type: integer ? "integer" : "number", min: 0 },
      raw,
    );
  };
  const priceUsd = cells.PriceUSD === undefined && !priced ? NaN : read("PriceUSD");
  if (priceUsd === 0) {
    throw new CsvError(file, line, "PriceUSD", "expected a price above 0, found 0");
  }
  let blocks: number;
  let subsidyBtc: number;
  if ("BlkCnt" in cells || "IssTotNtv" in cells) {
    blocks = read("BlkCnt", true);
    subsidyBtc = blocks === 0 && cells.IssTotNtv === undefined ? 0 : read("IssTotNtv");
    const expected = subsidyBetweenBtc(heightBefore + 1, heightBefore + blocks);
    if (Math.abs(subsidyBtc - expected) > 1e-6) {
      throw new CsvError(
        file,
        line,
        "IssTotNtv",
        `${subsidyBtc} BTC does not match the subsidy schedule: ${blocks} blocks after height ` +
          `${heightBefore} pay ${expected} BTC`,
      );
    }
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
