import assert from "node:assert/strict";
import { loadBtcDaily } from "../data/btc_daily.ts";
import { assertAlmostEquals } from "../testing/assert_almost_equals.ts";
import { feeShares, revenueDaysByYear } from "./revenue_by_year.ts";

const daily = await loadBtcDaily();

Deno.test("the days from 2016 keep their order and values, tagged by year", () => {
  const c = revenueDaysByYear(daily, { from: "2016-01-01" });
  const start = daily.date.indexOf("2016-01-01");
  assert.equal(c.length, daily.length - start);
  assert.equal(c.year.length, c.length);
  assert.equal(c.year[0], "2016");
  assert.equal(c.year.at(-1), daily.date.at(-1)!.slice(0, 4));
  assert.equal(c.fees_btc[0], daily.fees_btc[start]);
  assert.equal(c.subsidy_btc.at(-1), daily.subsidy_btc[daily.length - 1]);
  assert.equal(c.hashprice_usd[10], daily.hashprice_usd_per_ph_day[start + 10]);
});

Deno.test("2024's fee share on sums: 6.5% of miners' BTC", () => {
  const c = revenueDaysByYear(daily, { from: "2024-01-01" });
  let fees = 0;
  let subsidy = 0;
  for (let i = 0; i < c.length; i++) {
    if (c.year[i] !== "2024") continue;
    fees += c.fees_btc[i]!;
    subsidy += c.subsidy_btc[i]!;
  }
  const [share] = feeShares([fees], [subsidy]);
  assertAlmostEquals(share!, fees / (fees + subsidy));
  assert.equal((share! * 100).toFixed(1), "6.5");
});

Deno.test("bad inputs: an unknown day, lengths that differ, negative or empty revenue", () => {
  assert.throws(
    () => revenueDaysByYear(daily, { from: "1999-01-01" }),
    /^RangeError: Cannot use from: the series has no day "1999-01-01" \(it runs from 2010-07-18/,
  );
  assert.throws(() => feeShares([1, 2], [3]), /Cannot take fee shares: 2 fees against 1 subsidies/);
  assert.throws(() => feeShares([-1], [3]), /entry 0 has fees -1 and subsidy 3/);
  assert.throws(() => feeShares([1, NaN], [3, 3]), /entry 1 has fees NaN and subsidy 3/);
  assert.deepEqual(feeShares([], []), []);
});
