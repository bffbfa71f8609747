import assert from "node:assert/strict";
import { loadBtcDaily } from "../data/btc_daily.ts";
import { pastHalvings } from "./halvings.ts";
import { HALVING_BLOCKS } from "./halving_blocks.ts";

Deno.test("the snapshot holds the four halvings on the days their blocks were mined", async () => {
  const halvings = pastHalvings(await loadBtcDaily());
  // Block 840,000 was mined at 00:09 UTC on 20 Apr 2024 (HALVING_BLOCKS cites it); Coin Metrics
  // counts it on 19 Apr, whose day row already holds 4 blocks at 3.125 BTC.
  assert.deepEqual(halvings, [
    { ordinal: 1, height: 210_000, date: "2012-11-28", seriesDate: "2012-11-28" },
    { ordinal: 2, height: 420_000, date: "2016-07-09", seriesDate: "2016-07-09" },
    { ordinal: 3, height: 630_000, date: "2020-05-11", seriesDate: "2020-05-11" },
    { ordinal: 4, height: 840_000, date: "2024-04-20", seriesDate: "2024-04-19" },
  ]);
});

Deno.test("each cited halving block's day is the series' day or the day after", async () => {
  // A day-counting source runs a few blocks ahead of header-time days, never behind.
  for (const halving of pastHalvings(await loadBtcDaily())) {
    const lag = (Date.parse(halving.date) - Date.parse(halving.seriesDate)) / 86_400_000;
    assert.ok(
      lag === 0 || lag === 1,
      `${halving.ordinal}: ${halving.seriesDate} → ${halving.date}`,
    );
  }
  for (const block of HALVING_BLOCKS) {
    assert.equal(block.height, block.ordinal * 210_000);
    assert.match(block.minedAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$/);
    assert.match(block.source, /^https:\/\//);
  }
});

Deno.test("a halving on the first day of the series is not reported (its day before is unknown)", () => {
  assert.deepEqual(pastHalvings({ date: ["a", "b"], height_end: [210_100, 210_244] }), []);
  assert.deepEqual(pastHalvings({ date: [], height_end: [] }), []);
});
