import assert from "node:assert/strict";
import { subsidyBetweenBtc } from "../chain/subsidy.ts";
import { loadBtcDaily } from "../data/btc_daily.ts";
import { ehs } from "../units/mod.ts";
import { minerProduction, networkIssuance, shareToHoldProduction } from "./production.ts";
import { assertAlmostEquals } from "../testing/assert_almost_equals.ts";

/** 1e-12 of the expected value, or 1e-12 absolute below 1. */
const TOLERANCE = { absolute: 1e-12, relative: 1e-12 };

// Height on 2026-06-01, the last day of data/btc_daily.csv.
const START = 952_053;
const BLOCKS_PER_MONTH = 4_380; // 144 × 365 ÷ 12

Deno.test("networkIssuance matches the subsidy schedule summed block by block", () => {
  const fees = 0.025;
  const n = networkIssuance({ startHeight: START, months: 60, feesBtcPerBlock: fees });
  assert.equal(n.blocksPerMonth, BLOCKS_PER_MONTH);
  // Independent computation: month m holds heights START + 4,380m + 1 … START + 4,380(m + 1);
  // lib/chain's subsidyBetweenBtc sums their subsidies exactly (in satoshis).
  for (let m = 0; m < 60; m++) {
    const from = START + m * BLOCKS_PER_MONTH + 1;
    const to = START + (m + 1) * BLOCKS_PER_MONTH;
    assertAlmostEquals(
      n.issuanceBtc[m]!,
      subsidyBetweenBtc(from, to) + BLOCKS_PER_MONTH * fees,
      TOLERANCE,
    );
  }
});

Deno.test("networkIssuance places the 2028 halving from the data's last height", async () => {
  const daily = await loadBtcDaily();
  const height = daily.height_end[daily.length - 1]!;
  assert.equal(height, START);
  const n = networkIssuance({ startHeight: height, months: 120, feesBtcPerBlock: 0 });
  // Month of height h: ⌊(h − 952,053 − 1) ÷ 4,380⌋. 1,050,000 → 22.36 → 22; 1,260,000 → 70.3
  // → 70; 1,470,000 → 118.25 → 118 (120 months reach height 952,053 + 525,600 = 1,477,653).
  assert.deepEqual(n.halvings, [
    { height: 1_050_000, month: 22 },
    { height: 1_260_000, month: 70 },
    { height: 1_470_000, month: 118 },
  ]);
});

Deno.test("minerProduction: BTC mined over a period = share × network issuance", () => {
  // 12.3 EH/s of 1,000 EH/s growing together at 2% a month: the share stays 1.23%.
  const months = 48;
  const own = Float64Array.from({ length: months }, (_, m) => ehs(12.3) * 1.02 ** m);
  const network = Float64Array.from({ length: months }, (_, m) => ehs(1_000) * 1.02 ** m);
  const p = minerProduction({
    hashrateThs: own,
    networkHashrateThs: network,
    startHeight: START,
    feesBtcPerBlock: 0.03,
  });
  for (const [from, to] of [[0, 12], [12, 36], [0, 48]] as const) {
    let mined = 0;
    let issued = 0;
    for (let m = from; m < to; m++) {
      mined += p.btcMined[m]!;
      issued += p.issuanceBtc[m]!;
    }
    assertAlmostEquals(mined, 0.0123 * issued, TOLERANCE);
  }
  p.share.forEach((s) => assertAlmostEquals(s, 0.0123, TOLERANCE));
});

Deno.test("minerProduction: a halving halves production at a constant share", async (t) => {
  const own = new Float64Array(36).fill(ehs(10));
  await t.step("without fees, exactly half", () => {
    const p = minerProduction({
      hashrateThs: own,
      networkHashrateThs: ehs(1_000),
      startHeight: START,
      feesBtcPerBlock: 0,
    });
    // 1% × 4,380 blocks × 3.125 BTC = 136.875 BTC a month before; 68.4375 after month 22.
    assertAlmostEquals(p.btcMined[0]!, 136.875, TOLERANCE);
    assertAlmostEquals(p.btcMined[21]!, 136.875, TOLERANCE);
    assertAlmostEquals(p.btcMined[23]!, 68.4375, TOLERANCE);
    assertAlmostEquals(p.btcMined[35]! / p.btcMined[0]!, 0.5, TOLERANCE);
    // The halving month mixes both subsidies.
    assert.ok(p.btcMined[22]! < 136.875 && p.btcMined[22]! > 68.4375);
  });
  await t.step("fees soften it: (1.5625 + f) ÷ (3.125 + f)", () => {
    const p = minerProduction({
      hashrateThs: own,
      networkHashrateThs: ehs(1_000),
      startHeight: START,
      feesBtcPerBlock: 0.05,
    });
    assertAlmostEquals(p.btcMined[30]! / p.btcMined[0]!, 1.6125 / 3.175, TOLERANCE);
  });
});

Deno.test("the share needed to hold production flat doubles through a halving", async (t) => {
  await t.step("shareToHoldProduction", () => {
    const s = shareToHoldProduction({ share: 0.015, height: START, feesBtcPerBlock: 0 });
    assert.equal(s.halvingHeight, 1_050_000);
    assert.equal(s.subsidyBeforeBtc, 3.125);
    assert.equal(s.subsidyAfterBtc, 1.5625);
    assert.equal(s.multiple, 2);
    assert.equal(s.shareNeeded, 0.03);
    // The 2032 halving: 1.5625 → 0.78125; with 0.1 BTC of fees (1.6625 ÷ 0.88125).
    const later = shareToHoldProduction({ share: 0.015, height: 1_100_000, feesBtcPerBlock: 0.1 });
    assert.equal(later.halvingHeight, 1_260_000);
    assertAlmostEquals(later.multiple, 1.6625 / 0.88125, TOLERANCE);
  });
  await t.step("minerProduction.flatShare and flatHashrateThs", () => {
    const network = Float64Array.from({ length: 36 }, (_, m) => ehs(900) * 1.01 ** m);
    const p = minerProduction({
      hashrateThs: new Float64Array(36).fill(ehs(9)),
      networkHashrateThs: network,
      startHeight: START,
      feesBtcPerBlock: 0,
    });
    assertAlmostEquals(p.flatShare[0]!, 0.01, TOLERANCE);
    assertAlmostEquals(p.flatShare[30]!, 0.02, TOLERANCE);
    assertAlmostEquals(p.flatHashrateThs[30]!, 0.02 * network[30]!, TOLERANCE);
    // Holding the flat share would mine month 0's BTC in every month.
    p.flatShare.forEach((s, m) =>
      assertAlmostEquals(s * p.issuanceBtc[m]!, p.btcMined[0]!, TOLERANCE)
    );
  });
});

Deno.test("production: bad inputs name the field, month and value", () => {
  const own = new Float64Array(12).fill(ehs(10));
  const base = {
    hashrateThs: own,
    networkHashrateThs: ehs(1_000),
    startHeight: START,
    feesBtcPerBlock: 0,
  };
  const network = new Float64Array(12).fill(ehs(1_000));
  network[7] = ehs(5);
  assert.throws(
    () => minerProduction({ ...base, networkHashrateThs: network }),
    /Cannot use networkHashrateThs in month 7: expected at least the miner's 10000000 TH\/s, got 5000000/,
  );
  const fees = new Float64Array(12);
  fees[3] = -0.1;
  assert.throws(
    () => minerProduction({ ...base, feesBtcPerBlock: fees }),
    /Cannot use feesBtcPerBlock in month 3: expected a value >= 0, got -0.1/,
  );
  const bad = own.slice();
  bad[2] = NaN;
  assert.throws(
    () => minerProduction({ ...base, hashrateThs: bad }),
    /Cannot use hashrateThs in month 2: expected a finite number, got NaN/,
  );
  assert.throws(
    () => minerProduction({ ...base, networkHashrateThs: [ehs(1_000)] }),
    /Cannot use networkHashrateThs: expected 12 monthly values, got 1/,
  );
  assert.throws(
    () => minerProduction(base, { referenceMonth: 12 }),
    /referenceMonth: expected a whole number in \[0, 11\], got 12/,
  );
  assert.throws(
    () => networkIssuance({ startHeight: -1, months: 1, feesBtcPerBlock: 0 }),
    /startHeight: expected a whole number >= 0, got -1/,
  );
  assert.throws(
    () => shareToHoldProduction({ share: 1.5, height: START, feesBtcPerBlock: 0 }),
    /share: expected a fraction between 0 and 1, got 1.5/,
  );
});
