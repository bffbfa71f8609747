/**
 * The daily Bitcoin network dataset, `data/btc_daily.csv`, loaded as typed columns.
 *
 * @module
 */
import { type Columns, CsvError, type CsvText, parseCsv, type Schema } from "./csv.ts";
import { type DatasetLoader, datasetLoader } from "./csv_rows.ts";
import { isoDayNumber, nextIsoDay } from "../units/calendar.ts";

/** Columns of `data/btc_daily.csv`; every header names its unit. */
export const BTC_DAILY_SCHEMA = [
  { name: "date", type: "date" },
  { name: "blocks", type: "integer", min: 1 },
  { name: "height_end", type: "integer", min: 0 },
  { name: "hashrate_ths", type: "number", min: 0 },
  { name: "difficulty", type: "number", min: 1 },
  { name: "subsidy_btc", type: "number", min: 0 },
  { name: "fees_btc", type: "number", min: 0 },
  { name: "price_usd", type: "number", min: 0 },
  { name: "hashprice_usd_per_ph_day", type: "number", min: 0 },
  { name: "hashprice_btc_per_ph_day", type: "number", min: 0 },
] as const satisfies Schema;

/** The dataset's path relative to the project root. */
export const BTC_DAILY_PATH = "data/btc_daily.csv";

/**
 * One UTC day per row, in date order with no gaps.
 *
 * - `date`: UTC day, `YYYY-MM-DD`.
 * - `blocks`: blocks mined that day; `height_end`: height of the day's last block.
 * - `hashrate_ths`: mean network hashrate, TH/s (Coin Metrics `HashRate`).
 * - `difficulty`: mean difficulty, from `hashrate × 1e12 × 86400 ÷ (blocks × 2^32)`.
 * - `subsidy_btc`, `fees_btc`: BTC paid to miners as block subsidy and as fees.
 * - `price_usd`: Coin Metrics reference price at the day's close.
 * - `hashprice_*_per_ph_day`: (subsidy + fees) per PH/s of hashrate, in USD and BTC (F2).
 */
export type BtcDaily =
  & {
    readonly [C in keyof Columns<typeof BTC_DAILY_SCHEMA>]: C extends "date" ? readonly string[]
      : Float64Array;
  }
  & {
    /** Number of days. */
    readonly length: number;
  };

/**
 * Parses the text of `data/btc_daily.csv`, checking the schema and that dates are consecutive.
 *
 * @example
 * ```ts
 * import { BTC_DAILY_SCHEMA, btcDailyFromCsv } from "./btc_daily.ts";
 * import assert from "node:assert/strict";
 *
 * const csv = BTC_DAILY_SCHEMA.map((c) => c.name).join(",") + "\n" +
 *   "2024-04-20,144,840143,6e8,1.2e14,450,5,64000,48.5,0.00076\n";
 * const daily = btcDailyFromCsv(csv);
 * assert.equal(daily.length, 1);
 * assert.equal(daily.subsidy_btc[0], 450);
 * ```
 */
export function btcDailyFromCsv(text: CsvText, options: { file?: string } = {}): BtcDaily {
  const file = options.file ?? BTC_DAILY_PATH;
  const { columns, rowCount, lines } = parseCsv(text, BTC_DAILY_SCHEMA, { file });
  const dates = columns.date;
  let previous = rowCount > 0 ? isoDayNumber(dates[0]!) : 0;
  for (let i = 1; i < rowCount; i++) {
    const current = isoDayNumber(dates[i]!);
    if (current === previous + 1) {
      previous = current;
      continue;
    }
    const expected = nextIsoDay(dates[i - 1]!);
    const what = dates[i]! < expected
      ? dates[i] === dates[i - 1] ? "repeats the previous date" : "goes back in time"
      : `skips from ${dates[i - 1]} (expected ${expected})`;
    throw new CsvError(file, lines[i]!, "date", `${JSON.stringify(dates[i])} ${what}`);
  }
  return { ...columns, length: rowCount };
}

/**
 * Reads `data/btc_daily.csv` (or another path) into typed columns.
 *
 * @example
 * ```ts
 * import { loadBtcDaily } from "./btc_daily.ts";
 * import assert from "node:assert/strict";
 *
 * const daily = await loadBtcDaily();
 * const i = daily.date.indexOf("2024-04-20");
 * assert.equal(daily.subsidy_btc[i]! / daily.blocks[i]!, 3.125);
 * ```
 */
export const loadBtcDaily: DatasetLoader<BtcDaily> = datasetLoader(BTC_DAILY_PATH, btcDailyFromCsv);
