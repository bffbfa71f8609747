import assert from "node:assert/strict";
import { nextHalvings } from "../chain/halvings.ts";
import { loadBtcDaily } from "../data/btc_daily.ts";
import { DAYS_PER_MONTH, hashpriceScenarios, subsidyByMonth } from "./mod.ts";
import { constantPaths } from "../finance/path_set.ts";

const DAY_MS = 86_400_000;
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY_MS;

// Days from month 0's start to the first block at the lower subsidy, read back from the mean
// subsidy of the month that contains it: the share of that month's blocks mined before it.
function simulatedHalvingDay(subsidy: Float64Array, before: number): number {
  const month = subsidy.findIndex((s) => s < before);
  const share = (subsidy[month]! - before / 2) / (before / 2);
  return (month + share) * DAYS_PER_MONTH;
}

Deno.test("at the observed block rate the simulated halving falls on nextHalvings' day; at 144 about six days early", async () => {
  const daily = await loadBtcDaily();
  const last = daily.length - 1;
  const [next] = nextHalvings(daily);
  const inputs = { startHeight: daily.height_end[last]!, months: 36 };
  const expectedDay = days(daily.date[last]!, next!.date); // lib/chain rounds up to whole days
  const observed = simulatedHalvingDay(
    subsidyByMonth(inputs, { blocksPerDay: next!.blocksPerDay }),
    3.125,
  );
  assert.ok(Math.abs(observed - expectedDay) <= 1, `${observed} vs ${expectedDay}`);
  // Independent: the blocks to go at 144 a day against at the observed rate.
  const early = next!.blocksToGo / next!.blocksPerDay - next!.blocksToGo / 144;
  const at144 = simulatedHalvingDay(subsidyByMonth(inputs), 3.125);
  assert.ok(Math.abs(observed - at144 - early) < 0.1, `${observed - at144} vs ${early}`);
  if (next!.blocksPerDay < 144) assert.ok(at144 < observed);
});

Deno.test("without a halving, hashprice scales with blocks per day (F2, network form)", () => {
  const flat = (v: number) => constantPaths(v, { steps: 3, pathCount: 2 });
  const inputs = {
    btcPrice: flat(90_000),
    networkHashrate: flat(9e8),
    startHeight: 900_000,
    feesBtcPerBlock: 0.02,
  };
  const at144 = hashpriceScenarios(inputs);
  const slow = hashpriceScenarios(inputs, { blocksPerDay: 142.8 });
  for (let i = 0; i < 6; i++) {
    assert.ok(Math.abs(at144.paths[i]! - 144 * (3.125 + 0.02) * 90_000 / 9e5) < 1e-9);
    assert.ok(Math.abs(slow.paths[i]! / at144.paths[i]! - 142.8 / 144) < 1e-12);
  }
  assert.throws(
    () => hashpriceScenarios(inputs, { blocksPerDay: 0 }),
    /blocksPerDay: expected a value > 0, got 0/,
  );
  assert.throws(
    () => subsidyByMonth({ startHeight: 900_000, months: 3 }, { blocksPerDay: -144 }),
    /blocksPerDay: expected a value > 0, got -144/,
  );
});
