import assert from "node:assert/strict";
import { loadBtcDaily } from "../data/btc_daily.ts";
import { pastHalvings } from "./halvings.ts";

Deno.test("the snapshot holds the four halvings on the days Coin Metrics counts them", async () => {
  const halvings = pastHalvings(await loadBtcDaily());
  // Public dates: 28 Nov 2012, 9 Jul 2016, 11 May 2020; block 840,000 was mined at 00:09 UTC on
  // 20 Apr 2024, which Coin Metrics counts on 19 Apr (its day holds 4 blocks at 3.125 BTC).
  assert.deepEqual(halvings, [
    { ordinal: 1, height: 210_000, date: "2012-11-28" },
    { ordinal: 2, height: 420_000, date: "2016-07-09" },
    { ordinal: 3, height: 630_000, date: "2020-05-11" },
    { ordinal: 4, height: 840_000, date: "2024-04-19" },
  ]);
});

Deno.test("a halving on the first day of the series is not reported (its day before is unknown)", () => {
  assert.deepEqual(pastHalvings({ date: ["a", "b"], height_end: [210_100, 210_244] }), []);
  assert.deepEqual(pastHalvings({ date: [], height_end: [] }), []);
});
