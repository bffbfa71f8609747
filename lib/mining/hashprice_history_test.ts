import assert from "node:assert/strict";
import { loadBtcDaily } from "../data/btc_daily.ts";
import { rangeMean } from "../finance/means.ts";
import { assertAlmostEquals } from "../testing/assert_almost_equals.ts";
import { hashpriceHistory } from "./hashprice_history.ts";

const daily = await loadBtcDaily();
const window = { from: "2016-01-01", windowDays: 30, afterHalvingDays: 180 };

Deno.test("the 2016, 2020 and 2024 halvings, dated by their blocks' header time", () => {
  const h = hashpriceHistory(daily, window);
  assert.deepEqual(h.halvings.map((x) => [x.ordinal, x.height, x.date]), [
    [2, 420_000, "2016-07-09"],
    [3, 630_000, "2020-05-11"],
    [4, 840_000, "2024-04-20"], // block 840,000 was mined at 00:09 UTC on 2024-04-20
  ]);
  assert.equal(h.asOf, daily.date[daily.length - 1]);
  assert.equal(h.startIndex, daily.date.indexOf("2016-01-01"));
});

Deno.test("each halving's means are the 30 days either side of its day, by hand", () => {
  const h = hashpriceHistory(daily, window);
  const usd = daily.hashprice_usd_per_ph_day;
  for (const x of h.halvings) {
    const i = daily.date.indexOf(x.date);
    assert.equal(x.usdBefore, rangeMean(usd, i - 30, i));
    assert.equal(x.usdAfter, rangeMean(usd, i + 1, i + 31));
    assertAlmostEquals(x.usdChange, x.usdAfter / x.usdBefore - 1);
    assert.ok(x.usdChange < 0, `halving ${x.ordinal} cut the dollar hashprice`);
    assert.equal(x.afterDate, daily.date[i + 180]);
    assertAlmostEquals(x.ehsAfter, rangeMean(daily.hashrate_ths, i + 151, i + 181) / 1e6);
  }
  // Block 840,000's subsidy halving: hashrate was about 600 EH/s in the month before it.
  const fourth = h.halvings.at(-1)!;
  assert.ok(fourth.ehsBefore > 550 && fourth.ehsBefore < 700, String(fourth.ehsBefore));
});

Deno.test("ends of the window, folds and the weekly sample", () => {
  const h = hashpriceHistory(daily, window);
  const n = daily.length;
  const start = h.startIndex;
  const btc = daily.hashprice_btc_per_ph_day;
  assert.equal(h.first.usdPerPhDay, rangeMean(daily.hashprice_usd_per_ph_day, start, start + 30));
  assert.equal(h.latest.btcPerPhDay, rangeMean(btc, n - 30, n));
  assertAlmostEquals(h.btcFold, rangeMean(btc, start, start + 30) / rangeMean(btc, n - 30, n));
  assertAlmostEquals(h.usdChange, h.latest.usdPerPhDay / h.first.usdPerPhDay - 1);
  assertAlmostEquals(h.hashrateFold, h.latest.ehs / h.first.ehs);
  assert.equal(h.weekly[0]!.date, "2016-01-01");
  for (let k = 1; k < h.weekly.length; k++) {
    const gap = Date.parse(h.weekly[k]!.date) - Date.parse(h.weekly[k - 1]!.date);
    assert.equal(gap, 7 * 86_400_000);
  }
  const last = h.weekly.at(-1)!;
  assert.ok(Date.parse(h.asOf) - Date.parse(last.date) < 7 * 86_400_000);
});

Deno.test("a window from the first day starts the weekly sample at the first full mean", () => {
  const h = hashpriceHistory(daily, { ...window, from: daily.date[0]! });
  assert.equal(h.weekly[0]!.date, daily.date[29]);
  assert.ok(h.halvings.length >= 4); // 2012, 2016, 2020, 2024
});

Deno.test("bad windows name the field and the value", () => {
  assert.throws(
    () => hashpriceHistory(daily, { ...window, windowDays: 0 }),
    /^RangeError: Cannot use windowDays: expected a whole number >= 1, got 0/,
  );
  assert.throws(
    () => hashpriceHistory(daily, { ...window, afterHalvingDays: -1 }),
    /^RangeError: Cannot use afterHalvingDays: expected a whole number >= 0, got -1/,
  );
  assert.throws(
    () => hashpriceHistory(daily, { ...window, from: "2016-02-30" }),
    /^RangeError: Cannot use from: the series has no day "2016-02-30"/,
  );
  assert.throws(
    () => hashpriceHistory(daily, { ...window, from: daily.date.at(-5)! }),
    /^RangeError: Cannot use windowDays: 30 days from .* run past the series' end/,
  );
  // A halving too close to the series' start for a mean before it.
  const i = daily.date.indexOf("2024-04-20");
  const short = {
    date: daily.date.slice(i - 5),
    height_end: daily.height_end.subarray(i - 5),
    hashprice_usd_per_ph_day: daily.hashprice_usd_per_ph_day.subarray(i - 5),
    hashprice_btc_per_ph_day: daily.hashprice_btc_per_ph_day.subarray(i - 5),
    hashrate_ths: daily.hashrate_ths.subarray(i - 5),
  };
  assert.throws(
    () => hashpriceHistory(short, { ...window, from: short.date[0]! }),
    /^RangeError: Cannot measure halving 4 \(2024-04-20\): the series needs 30 days before it/,
  );
});
