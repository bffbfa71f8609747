import assert from "node:assert/strict";
import { loadBtcDaily } from "../data/btc_daily.ts";
import { rangeMean } from "../finance/means.ts";
import { latestMarket } from "./latest_market.ts";

Deno.test("latestMarket: means over the last days of data/btc_daily.csv", async () => {
  const daily = await loadBtcDaily();
  const n = daily.length;
  const market = latestMarket(daily, 30);
  assert.equal(market.asOf, daily.date[n - 1]);
  assert.equal(market.windowDays, 30);
  assert.equal(market.hashprice, rangeMean(daily.hashprice_usd_per_ph_day, n - 30, n));
  assert.equal(market.btcHashprice, rangeMean(daily.hashprice_btc_per_ph_day, n - 30, n));
  assert.equal(market.btcPriceUsd, rangeMean(daily.price_usd, n - 30, n));
  assert.equal(market.networkHashrate, rangeMean(daily.hashrate_ths, n - 30, n));
  // One day is the last day itself.
  assert.equal(latestMarket(daily, 1).hashprice, daily.hashprice_usd_per_ph_day[n - 1]);
});

Deno.test("latestMarket: bad windows and ragged columns are errors naming the field", () => {
  const days = {
    date: ["2026-05-31", "2026-06-01"],
    price_usd: [76_000, 80_000],
    hashprice_usd_per_ph_day: [35, 37],
    hashprice_btc_per_ph_day: [0.00046, 0.00044],
    hashrate_ths: [9.8e8, 1e9],
  };
  assert.throws(() => latestMarket(days, 0), /Cannot use windowDays/);
  assert.throws(() => latestMarket(days, 1.5), /Cannot use windowDays/);
  assert.throws(
    () => latestMarket(days, 3),
    /Cannot use windowDays: expected at most 2 days \(the series' length\), got 3/,
  );
  assert.throws(
    () => latestMarket({ ...days, price_usd: [80_000] }, 1),
    /Cannot use price_usd: expected 2 values \(one per date\), got 1/,
  );
});
