import assert from "node:assert/strict";
import { loadBtcDaily } from "../data/btc_daily.ts";
import { trailingFeesPerBlock } from "./fees.ts";

Deno.test("days = 1 is each day's fees ÷ its blocks (real data)", async () => {
  const daily = await loadBtcDaily();
  const perBlock = trailingFeesPerBlock(daily.fees_btc, daily.blocks);
  assert.equal(perBlock.length, daily.length);
  for (const i of [0, 1000, 5026, daily.length - 1]) {
    assert.equal(perBlock[i], daily.fees_btc[i]! / daily.blocks[i]!);
  }
});

Deno.test("a 7-day window is Σ fees ÷ Σ blocks over the 7 days ending that day (independent sum)", async () => {
  const daily = await loadBtcDaily();
  const trailing = trailingFeesPerBlock(daily.fees_btc, daily.blocks, { days: 7 });
  const i = daily.date.indexOf("2024-04-20"); // the halving day, when fees spiked
  let fees = 0;
  let blocks = 0;
  for (const j of [i - 6, i - 5, i - 4, i - 3, i - 2, i - 1, i]) {
    fees += daily.fees_btc[j]!;
    blocks += daily.blocks[j]!;
  }
  assert.ok(Math.abs(trailing[i]! - fees / blocks) <= 1e-15 * (fees / blocks));
  // Smoothing: the 7-day average sits below the spike day's own average.
  assert.ok(trailing[i]! < daily.fees_btc[i]! / daily.blocks[i]!);
});

Deno.test("the first days use an expanding window and the output is never NaN", () => {
  const fees = [10, 20, 30, 40];
  const blocks = [100, 100, 200, 100];
  const out = [...trailingFeesPerBlock(fees, blocks, { days: 3 })];
  // By hand: 10/100; 30/200; 60/400; 90/400.
  assert.deepEqual(out, [0.1, 0.15, 0.15, 0.225]);
  assert.ok(out.every(Number.isFinite));
});

Deno.test("a window longer than the data averages everything", () => {
  const out = trailingFeesPerBlock([1, 2], [10, 30], { days: 30 });
  assert.equal(out[1], 3 / 40);
});

Deno.test("bad inputs name the field and value", () => {
  assert.throws(() => trailingFeesPerBlock([1, 2], [1]), /equal length, got 2 and 1/);
  assert.throws(
    () => trailingFeesPerBlock([1, NaN], [1, 1]),
    /feesBtc\[1\]: expected a finite number, got NaN/,
  );
  assert.throws(
    () => trailingFeesPerBlock([-1], [1]),
    /feesBtc\[0\]: expected a value >= 0, got -1/,
  );
  assert.throws(
    () => trailingFeesPerBlock([1], [1], { days: 0 }),
    /days: expected a whole number >= 1, got 0/,
  );
  assert.throws(
    () => trailingFeesPerBlock([1], [1], { days: 1.5 }),
    /days: expected a whole number >= 1, got 1.5/,
  );
  assert.throws(
    () => trailingFeesPerBlock([1, 1], [0, 0], { days: 2 }),
    /index 0: expected blocks in the 2-day window, got 0/,
  );
});
