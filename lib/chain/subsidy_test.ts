/**
 * Tests for the block subsidy schedule. Reference values: Bitcoin Core `GetBlockSubsidy`
 * (50 BTC, halving every 210,000 blocks, zero after 64 halvings) and the well-known supply cap
 * of 2,099,999,997,690,000 satoshis that this schedule sums to.
 */
import assert from "node:assert/strict";
import { blockSubsidyBtc, HALVING_INTERVAL_BLOCKS, subsidyBetweenBtc } from "./subsidy.ts";
import { SATS_PER_BTC } from "../units/money.ts";
import * as chain from "./mod.ts";

Deno.test("blockSubsidyBtc at known heights", () => {
  assert.equal(HALVING_INTERVAL_BLOCKS, 210_000);
  assert.equal(SATS_PER_BTC, 100_000_000);
  assert.equal(blockSubsidyBtc(0), 50);
  assert.equal(blockSubsidyBtc(209_999), 50);
  assert.equal(blockSubsidyBtc(210_000), 25);
  assert.equal(blockSubsidyBtc(420_000), 12.5);
  assert.equal(blockSubsidyBtc(630_000), 6.25);
  assert.equal(blockSubsidyBtc(839_999), 6.25);
  // The fourth halving, block 840,000 (20 Apr 2024).
  assert.equal(blockSubsidyBtc(840_000), 3.125);
  assert.equal(blockSubsidyBtc(1_050_000), 1.5625);
  // Right shifts of 50 BTC in sats: after 33 halvings the subsidy is 0 sats already.
  assert.equal(blockSubsidyBtc(32 * 210_000), 1e-8);
  assert.equal(blockSubsidyBtc(33 * 210_000), 0);
  assert.equal(blockSubsidyBtc(64 * 210_000 - 1), 0);
  assert.equal(blockSubsidyBtc(64 * 210_000), 0);
  assert.equal(blockSubsidyBtc(100 * 210_000), 0);
  assert.equal(blockSubsidyBtc(Number.MAX_SAFE_INTEGER), 0);
});

Deno.test("the subsidy halves (rounded down in sats) at every one of the 64 halvings", () => {
  const sats = (height: number) => Math.round(blockSubsidyBtc(height) * SATS_PER_BTC);
  assert.equal(sats(0), 5_000_000_000);
  for (let k = 1; k <= 64; k++) {
    const before = sats((k - 1) * HALVING_INTERVAL_BLOCKS);
    const at = sats(k * HALVING_INTERVAL_BLOCKS);
    assert.equal(at, Math.floor(before / 2), `halving ${k}`);
    // Constant within an era: the last block before the halving pays the old rate.
    assert.equal(sats(k * HALVING_INTERVAL_BLOCKS - 1), before, `last block of era ${k - 1}`);
  }
  // The era subsidies in sats are exactly 50 BTC shifted right: 5e9 >> k.
  for (let k = 0; k < 64; k++) {
    assert.equal(BigInt(sats(k * HALVING_INTERVAL_BLOCKS)), 5_000_000_000n >> BigInt(k));
  }
});

Deno.test("subsidyBetweenBtc sums the subsidies of a height range, both ends included", async (t) => {
  await t.step("simple ranges", () => {
    assert.equal(subsidyBetweenBtc(0, 0), 50);
    assert.equal(subsidyBetweenBtc(1, 144), 7200);
    assert.equal(subsidyBetweenBtc(840_000, 840_143), 144 * 3.125);
    // The example from the docs: a day straddling the 2024 halving.
    assert.equal(subsidyBetweenBtc(839_997, 840_003), 3 * 6.25 + 4 * 3.125);
    // An empty (reversed) range pays nothing.
    assert.equal(subsidyBetweenBtc(10, 9), 0);
  });

  await t.step("matches a brute-force loop over ranges straddling halvings", () => {
    const brute = (from: number, to: number) => {
      let sats = 0;
      for (let h = from; h <= to; h++) sats += Math.round(blockSubsidyBtc(h) * SATS_PER_BTC);
      return sats / SATS_PER_BTC;
    };
    const ranges: [number, number][] = [
      [209_900, 210_100],
      [419_950, 420_049],
      [629_999, 630_000],
      [839_000, 841_000],
      [0, 1000],
      [64 * 210_000 - 5, 64 * 210_000 + 5],
      [32 * 210_000 - 300, 34 * 210_000 + 300],
    ];
    for (const [from, to] of ranges) {
      assert.equal(subsidyBetweenBtc(from, to), brute(from, to), `${from}..${to}`);
    }
  });

  await t.step("a whole era pays 210,000 × its subsidy", () => {
    assert.equal(subsidyBetweenBtc(0, 209_999), 10_500_000);
    assert.equal(subsidyBetweenBtc(210_000, 419_999), 5_250_000);
    assert.equal(subsidyBetweenBtc(630_000, 839_999), 1_312_500);
  });

  await t.step("total supply cap: 2,099,999,997,690,000 sats", () => {
    assert.equal(subsidyBetweenBtc(0, 64 * HALVING_INTERVAL_BLOCKS), 20_999_999.9769);
    assert.equal(
      Math.round(subsidyBetweenBtc(0, 64 * HALVING_INTERVAL_BLOCKS) * SATS_PER_BTC),
      2_099_999_997_690_000,
    );
    // Nothing more is ever issued after the 64th halving.
    assert.equal(subsidyBetweenBtc(0, 100 * HALVING_INTERVAL_BLOCKS), 20_999_999.9769);
    assert.equal(
      subsidyBetweenBtc(64 * HALVING_INTERVAL_BLOCKS, 70 * HALVING_INTERVAL_BLOCKS),
      0,
    );
  });

  await t.step("supply at the start of each era matches the sum of earlier eras", () => {
    let sats = 0n;
    for (let k = 0; k < 64; k++) {
      const end = (k + 1) * HALVING_INTERVAL_BLOCKS - 1;
      sats += (5_000_000_000n >> BigInt(k)) * 210_000n;
      assert.equal(subsidyBetweenBtc(0, end), Number(sats) / SATS_PER_BTC, `era ${k}`);
    }
  });
});

Deno.test("heights must be whole numbers >= 0", async (t) => {
  for (const bad of [-1, 1.5, NaN, Infinity, -Infinity]) {
    await t.step(String(bad), () => {
      assert.throws(
        () => blockSubsidyBtc(bad),
        (e) =>
          e instanceof RangeError &&
          e.message === `Cannot use height: expected a whole number >= 0, got ${bad}`,
      );
      assert.throws(
        () => subsidyBetweenBtc(bad, 10),
        (e) =>
          e instanceof RangeError &&
          e.message === `Cannot use fromHeight: expected a whole number >= 0, got ${bad}`,
      );
      assert.throws(
        () => subsidyBetweenBtc(0, bad),
        (e) =>
          e instanceof RangeError &&
          e.message === `Cannot use toHeight: expected a whole number >= 0, got ${bad}`,
      );
    });
  }
});

Deno.test("chain/mod.ts re-exports the schedule", () => {
  assert.equal(chain.blockSubsidyBtc, blockSubsidyBtc);
  assert.equal(chain.subsidyBetweenBtc, subsidyBetweenBtc);
  assert.equal(chain.HALVING_INTERVAL_BLOCKS, HALVING_INTERVAL_BLOCKS);
});
