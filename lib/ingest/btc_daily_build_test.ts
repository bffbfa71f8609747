import assert from "node:assert/strict";
import { checkMagnitudes, extendNetworkDays, toRow } from "./btc_daily_build.ts";
import type { NetworkDay } from "./network_days.ts";
import type { MetricRecord } from "./coinmetrics.ts";
import { CsvError } from "../data/csv.ts";

// Ten days after the 2024 halving: 144 blocks at 3.125 BTC, 600 EH/s, $64,000.
function days(n: number, change: (i: number) => Partial<NetworkDay> = () => ({})): NetworkDay[] {
  return Array.from({ length: n }, (_, i) => ({
    date: `2024-05-${String(i + 1).padStart(2, "0")}`,
    blocks: 144,
    heightEnd: 842_000 + 144 * (i + 1),
    hashrateThs: 6e8,
    subsidyBtc: 450,
    feesBtc: 10,
    priceUsd: 64_000,
    file: "base.csv",
    line: i + 2,
    ...change(i),
  }));
}

Deno.test("a lasting 1000× jump is reported on its first day, not next to it", () => {
  const series = days(10, (i) => (i >= 6 ? { priceUsd: 64_000_000 } : {}));
  assert.throws(
    () => checkMagnitudes(series, 0),
    (e) =>
      e instanceof CsvError &&
      /^base\.csv:8: column "PriceUSD": 2024-05-07: 64000000 is 1\.00e\+3× above/.test(e.message),
  );
});

Deno.test("checkMagnitudes accepts real day-to-day moves of up to 2×", () => {
  checkMagnitudes(days(10, (i) => ({ priceUsd: i % 2 ? 64_000 : 128_000 })), 0);
});

Deno.test("a day without blocks is named at its input line", () => {
  assert.throws(
    () => checkMagnitudes(days(5, (i) => (i === 3 ? { blocks: 0 } : {})), 0),
    /base\.csv:5: column "BlkCnt"/,
  );
});

Deno.test("an overlap where only one source has a price is a disagreement", () => {
  const base = days(3, (i) => (i === 2 ? { priceUsd: NaN } : {}));
  const record = (i: number, price: string): MetricRecord => ({
    file: "ext.csv",
    line: i + 2,
    date: base[i]!.date,
    cells: { BlkCnt: "144", IssTotNtv: "450", FeeTotNtv: "10", HashRate: "6e8", PriceUSD: price },
  });
  assert.throws(
    () => extendNetworkDays(base, [record(1, "64000"), record(2, "64000")]),
    /ext\.csv:4: column "PriceUSD": 2024-05-03: 64000 disagrees with NaN in base\.csv:4/,
  );
});

Deno.test("toRow derives difficulty and hashprice (F2, SOURCES.md identity)", () => {
  const row = toRow(days(1)[0]!);
  // difficulty = 6e8 TH/s × 1e12 × 86400 ÷ (144 × 2^32)
  assert.ok(Math.abs(row.difficulty / 8.381903171539307e13 - 1) < 1e-12);
  // (450 + 10) BTC over 600,000 PH/s, at $64,000
  assert.ok(Math.abs(row.hashprice_btc_per_ph_day - 460 / 600_000) < 1e-15);
  assert.ok(Math.abs(row.hashprice_usd_per_ph_day - 460 * 64_000 / 600_000) < 1e-9);
});
