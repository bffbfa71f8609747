import assert from "node:assert/strict";
import { loadBtcDaily } from "../data/btc_daily.ts";
import { CsvError } from "../data/csv.ts";
import type { NetworkDay } from "./network_days.ts";
import {
  checkNetworkDays,
  FEES_NEIGHBOUR_FACTOR,
  FEES_NEIGHBOUR_FLOOR_BTC,
  MAX_FEES_PER_BLOCK_BTC,
  PRICE_NEIGHBOUR_FACTOR,
} from "./network_days_checks.ts";
import { impliedDifficulty, median, RETARGET_INTERVAL } from "./network_days_difficulty.ts";

// Ten days after the 2024 halving inside one difficulty period: 144 blocks at 3.125 BTC.
function days(n: number, change: (i: number) => Partial<NetworkDay> = () => ({})): NetworkDay[] {
  return Array.from({ length: n }, (_, i) => ({
    date: `2024-05-${String(i + 1).padStart(2, "0")}`,
    blocks: 144,
    heightEnd: 840_700 + 144 * (i + 1),
    hashrateThs: 6e8,
    subsidyBtc: 450,
    feesBtc: 10,
    priceUsd: 64_000,
    file: "btc.csv",
    line: i + 2,
    ...change(i),
  }));
}

function assertRejected(series: readonly NetworkDay[], expected: string): void {
  assert.throws(
    () => checkNetworkDays(series),
    (e) => e instanceof CsvError && e.message === expected,
  );
}

Deno.test("checkNetworkDays: fees", async (t) => {
  await t.step("in satoshis from one day on: named on that day, with the unit", () => {
    assertRejected(
      days(10, (i) => (i >= 6 ? { feesBtc: 1e9 } : {})),
      'btc.csv:8: column "FeeTotNtv": 2024-05-07: 1000000000 BTC of fees over 144 blocks is ' +
        "6.94e+6 BTC a block, above the limit of 50 (the most on record is 9.65 BTC a block, " +
        "on 2017-12-22): are the fees in satoshis rather than BTC?",
    );
  });
  await t.step("one day × 1000 under the per-block bound: the week before", () => {
    // 0.01 BTC a day × 1000 is 10 BTC, 0.07 a block: only the neighbours can see it.
    assertRejected(
      days(10, (i) => ({ feesBtc: i === 5 ? 2_000 : 2 })),
      'btc.csv:7: column "FeeTotNtv": 2024-05-06: 2000 BTC of fees is 1.00e+3× the median of ' +
        "the week before (2 BTC); no day has paid more than 74× (2011-12-11), and the limit is " +
        "200×: check the unit or a typo",
    );
  });
  await t.step("a week of near-zero fees is compared with 1 BTC, not with 0", () => {
    checkNetworkDays(days(10, (i) => ({ feesBtc: i === 5 ? 150 : 0 })));
    assertRejected(
      days(10, (i) => ({ feesBtc: i === 5 ? 250 : 1e-6 })),
      'btc.csv:7: column "FeeTotNtv": 2024-05-06: 250 BTC of fees is 250× 1 BTC (the week ' +
        "before paid a median of 0.000001); no day has paid more than 74× (2011-12-11), and " +
        "the limit is 200×: check the unit or a typo",
    );
  });
  await t.step("a halving-day spike like 2024-04-20 passes (1206 BTC, 11× the week)", () => {
    checkNetworkDays(days(10, (i) => ({ feesBtc: i === 8 ? 1206.47 : 107 })));
  });
  await t.step("× 1000 above the per-block limit is not called satoshis", () => {
    assertRejected(
      days(10, (i) => ({ feesBtc: i === 5 ? 20_000 : 20 })),
      'btc.csv:7: column "FeeTotNtv": 2024-05-06: 20000 BTC of fees over 144 blocks is 139 BTC ' +
        "a block, above the limit of 50 (the most on record is 9.65 BTC a block, on " +
        "2017-12-22): check the unit or a typo",
    );
  });
});

Deno.test("checkNetworkDays: issuance against the schedule, before the difficulty", () => {
  assertRejected(
    days(5, (i) => (i === 3 ? { subsidyBtc: 453.125 } : {})),
    'btc.csv:5: column "IssTotNtv": 453.125 BTC does not match the subsidy schedule: 144 ' +
      "blocks after height 841132 pay 450 BTC",
  );
});

Deno.test("the check bounds stand on the Coin Metrics history, with a margin", async (t) => {
  const daily = await loadBtcDaily();
  const n = daily.length;
  const largest = (values: (i: number) => number | undefined) => {
    let best = { value: -Infinity, date: "" };
    for (let i = 0; i < n; i++) {
      const value = values(i);
      if (value !== undefined && value > best.value) best = { value, date: daily.date[i]! };
    }
    return best;
  };
  const week = (column: Float64Array, i: number) => {
    const values = [];
    for (let j = Math.max(0, i - 7); j < i; j++) if (column[j]! > 0) values.push(column[j]!);
    return values.length >= 3 ? median(values) : undefined;
  };
  await t.step("fees per block: 9.65 BTC on 2017-12-22 is the most, 9.28 the halving day", () => {
    const record = largest((i) => daily.fees_btc[i]! / daily.blocks[i]!);
    assert.equal(record.date, "2017-12-22");
    assert.equal(record.value.toFixed(2), "9.65");
    const halving = daily.date.indexOf("2024-04-20");
    assert.equal((daily.fees_btc[halving]! / daily.blocks[halving]!).toFixed(2), "9.28");
    assert.ok(MAX_FEES_PER_BLOCK_BTC >= 5 * record.value);
  });
  await t.step("fees against the week before: 73.9× on 2011-12-11 is the most", () => {
    const record = largest((i) => {
      const typical = week(daily.fees_btc, i);
      if (i < 7 || typical === undefined) return undefined;
      return daily.fees_btc[i]! / Math.max(typical, FEES_NEIGHBOUR_FLOOR_BTC);
    });
    assert.equal(record.date, "2011-12-11");
    assert.equal(record.value.toFixed(1), "73.9");
    assert.ok(FEES_NEIGHBOUR_FACTOR >= 2.5 * record.value);
  });
  await t.step("prices against the week before: 2.11× up (2011-05-13), 1.94× down", () => {
    const up = largest((i) => {
      const typical = week(daily.price_usd, i);
      return typical === undefined ? undefined : daily.price_usd[i]! / typical;
    });
    const down = largest((i) => {
      const typical = week(daily.price_usd, i);
      return typical === undefined ? undefined : typical / daily.price_usd[i]!;
    });
    assert.deepEqual([up.date, up.value.toFixed(2)], ["2011-05-13", "2.11"]);
    assert.deepEqual([down.date, down.value.toFixed(2)], ["2013-04-11", "1.94"]);
    assert.ok(PRICE_NEIGHBOUR_FACTOR >= 1.8 * Math.max(up.value, down.value));
  });
  await t.step("days inside one difficulty period agree within 1.2e-8 (2021-06-22)", () => {
    const record = largest((i) => {
      if (i === 0) return undefined;
      const firstOfPrevious = daily.height_end[i - 1]! - daily.blocks[i - 1]! + 1;
      const period = Math.floor(daily.height_end[i]! / RETARGET_INTERVAL);
      if (Math.floor(firstOfPrevious / RETARGET_INTERVAL) !== period) return undefined;
      const at = (j: number) =>
        impliedDifficulty({ hashrateThs: daily.hashrate_ths[j]!, blocks: daily.blocks[j]! });
      return Math.abs(at(i) / at(i - 1) - 1);
    });
    assert.equal(record.date, "2021-06-22");
    assert.ok(record.value < 1.2e-8 && record.value > 1e-9, String(record.value));
  });
});
