import assert from "node:assert/strict";
import { loadBtcDaily } from "../data/btc_daily.ts";
import {
  difficultyFromHashrate,
  hashrateFromDifficulty,
  issuancePerDay,
  nextHalvings,
  supplyAtHeight,
} from "./mod.ts";
import { ths } from "../units/hashrate.ts";

const daily = await loadBtcDaily();

Deno.test("difficulty ↔ hashrate reproduces the snapshot's identity on every day", () => {
  for (let i = 0; i < daily.length; i += 97) {
    const seconds = 86_400 / daily.blocks[i]!;
    const rate = hashrateFromDifficulty(daily.difficulty[i]!, { blockSeconds: seconds });
    assert.ok(Math.abs(rate / daily.hashrate_ths[i]! - 1) < 1e-9, daily.date[i]!);
    const d = difficultyFromHashrate(ths(daily.hashrate_ths[i]!), { blockSeconds: seconds });
    assert.ok(Math.abs(d / daily.difficulty[i]! - 1) < 1e-9, daily.date[i]!);
  }
});

Deno.test("supply at the end of each day equals the running sum of the snapshot's subsidies", () => {
  // Coin Metrics' supply excludes genesis; so does supplyAtHeight by default.
  const start = supplyAtHeight(daily.height_end[0]! - daily.blocks[0]!);
  let running = start;
  for (let i = 0; i < daily.length; i++) {
    running += daily.subsidy_btc[i]!;
    if (i % 500 === 0 || i === daily.length - 1) {
      assert.ok(Math.abs(supplyAtHeight(daily.height_end[i]!) - running) < 1e-6, daily.date[i]!);
    }
  }
  assert.equal(issuancePerDay(840_000, { blocksPerDay: 150 }), 468.75);
});

Deno.test("the fifth halving (block 1,050,000) is projected for spring 2028", () => {
  const [fifth] = nextHalvings(daily);
  assert.equal(fifth!.ordinal, 5);
  assert.equal(fifth!.height, 1_050_000);
  assert.equal(fifth!.blocksToGo, 1_050_000 - daily.height_end[daily.length - 1]!);
  // ~98,000 blocks at ~144 a day is ~680 days after 2026-06-01.
  assert.ok(fifth!.date >= "2028-03-01" && fifth!.date <= "2028-05-31", fifth!.date);
  const three = nextHalvings(daily, { count: 3 });
  assert.deepEqual(three.map((h) => h.ordinal), [5, 6, 7]);
  assert.throws(
    () => nextHalvings(daily, { windowDays: 0 }),
    /windowDays: expected a whole number >= 1, got 0/,
  );
});

Deno.test("conversions reject impossible inputs", () => {
  assert.throws(() => hashrateFromDifficulty(0), /difficulty: expected a value > 0, got 0/);
  assert.throws(
    () => hashrateFromDifficulty(1e14, { blockSeconds: NaN }),
    /blockSeconds: expected a finite number, got NaN/,
  );
  assert.throws(() => supplyAtHeight(-1), /height: expected a whole number >= 0, got -1/);
});
