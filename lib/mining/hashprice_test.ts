import assert from "node:assert/strict";
import { subsidyBetweenBtc } from "../chain/subsidy.ts";
import { type BtcDaily, loadBtcDaily } from "../data/btc_daily.ts";
import { ehs, type Hashrate, ths } from "../units/hashrate.ts";
import { type Btc, btc, type Usd, usd } from "../units/money.ts";
import {
  HASHES_PER_DIFFICULTY,
  HASHES_PER_PH_DAY,
  hashpriceFromDifficulty,
  hashpriceFromNetwork,
  TARGET_BLOCKS_PER_DAY,
} from "./hashprice.ts";
import { assertAlmostEquals } from "../testing/assert_almost_equals.ts";

Deno.test("constants: 1 PH/s for a day is 1e15 × 86,400 = 8.64e19 hashes; 144 blocks a day", () => {
  assert.equal(HASHES_PER_PH_DAY, 8.64e19);
  assert.equal(HASHES_PER_DIFFICULTY, 4_294_967_296);
  assert.equal(TARGET_BLOCKS_PER_DAY, 144);
});

Deno.test("the difficulty and network forms agree when hashrate = D × 2^32 × 144 ÷ 86,400 ÷ 1e12", () => {
  for (const difficulty of [1.2e14, 8.6e13, 1.86e13]) {
    for (const [subsidy, fees] of [[3.125, 0.02], [6.25, 0.5], [1.5625, 0]] as const) {
      const hashrate = ths((difficulty * 2 ** 32 * 144) / 86_400 / 1e12);
      const price = usd(65_000);
      const fromDifficulty = hashpriceFromDifficulty({
        difficulty,
        blockRewardBtc: btc(subsidy + fees),
        btcPriceUsd: price,
      });
      const fromNetwork = hashpriceFromNetwork({
        networkHashrate: hashrate,
        subsidyBtcPerBlock: btc(subsidy),
        feesBtcPerBlock: btc(fees),
        btcPriceUsd: price,
      });
      assertAlmostEquals(
        fromNetwork.usdPerPhDay,
        fromDifficulty.usdPerPhDay,
        { relative: 1e-12 },
        "USD",
      );
      assertAlmostEquals(
        fromNetwork.btcPerPhDay,
        fromDifficulty.btcPerPhDay,
        { relative: 1e-12 },
        "BTC",
      );
    }
  }
});

Deno.test("reproduces the dataset's hashprice on real days (data/btc_daily.csv, F2)", async (t) => {
  const daily = await loadBtcDaily();
  // A 2021 day, both sides of the 2024 halving (20 Apr 2024 [S56]), a 2025 day and the last day.
  const days = ["2021-01-01", "2024-04-19", "2024-04-20", "2025-06-15", daily.date.at(-1)!];
  for (const date of days) {
    await t.step(date, () => {
      const i = daily.date.indexOf(date);
      assert.ok(i >= 0, date);
      const day = dayInputs(daily, i);
      const byDifficulty = hashpriceFromDifficulty({
        difficulty: daily.difficulty[i]!,
        blockRewardBtc: btc(day.subsidyPerBlock + day.feesPerBlock),
        btcPriceUsd: day.price,
      });
      const byNetwork = hashpriceFromNetwork(
        {
          networkHashrate: day.hashrate,
          subsidyBtcPerBlock: btc(day.subsidyPerBlock),
          feesBtcPerDay: btc(daily.fees_btc[i]!),
          btcPriceUsd: day.price,
        },
        { blocksPerDay: daily.blocks[i]! },
      );
      for (const hp of [byDifficulty, byNetwork]) {
        assertAlmostEquals(
          hp.usdPerPhDay,
          daily.hashprice_usd_per_ph_day[i]!,
          { relative: 1e-9 },
          `${date} USD`,
        );
        assertAlmostEquals(
          hp.btcPerPhDay,
          daily.hashprice_btc_per_ph_day[i]!,
          { relative: 1e-9 },
          `${date} BTC`,
        );
      }
    });
  }
});

Deno.test("the subsidy from lib/chain's schedule gives the same hashprice as the dataset's", async () => {
  const daily = await loadBtcDaily();
  // 2024-04-19 holds block 840,000: 147 blocks at 6.25 and 4 at 3.125.
  const i = daily.date.indexOf("2024-04-19");
  const last = daily.height_end[i]!;
  const subsidy = subsidyBetweenBtc(last - daily.blocks[i]! + 1, last);
  assert.equal(subsidy, 147 * 6.25 + 4 * 3.125);
  const hp = hashpriceFromNetwork(
    {
      networkHashrate: ths(daily.hashrate_ths[i]!),
      subsidyBtcPerBlock: btc(subsidy / daily.blocks[i]!),
      feesBtcPerDay: btc(daily.fees_btc[i]!),
      btcPriceUsd: usd(daily.price_usd[i]!),
    },
    { blocksPerDay: daily.blocks[i]! },
  );
  assertAlmostEquals(hp.usdPerPhDay, daily.hashprice_usd_per_ph_day[i]!, { relative: 1e-9 });
});

Deno.test("fees per block and per day are the same input", () => {
  const common = {
    networkHashrate: ehs(700),
    subsidyBtcPerBlock: btc(3.125),
    btcPriceUsd: usd(100_000),
  };
  const perBlock = hashpriceFromNetwork({ ...common, feesBtcPerBlock: btc(0.04) });
  const perDay = hashpriceFromNetwork({ ...common, feesBtcPerDay: btc(0.04 * 144) });
  assertAlmostEquals(perDay.usdPerPhDay, perBlock.usdPerPhDay, { relative: 1e-14 });
  // By hand: 144 × 3.165 BTC × $100,000 ÷ 700,000 PH/s = $65.1086
  assertAlmostEquals(perBlock.usdPerPhDay, (144 * 3.165 * 100_000) / 700_000, { relative: 1e-14 });
});

Deno.test("invariants: linear in price and reward, inverse in difficulty", () => {
  const base = { difficulty: 1e14, blockRewardBtc: btc(3.2), btcPriceUsd: usd(80_000) };
  const hp = hashpriceFromDifficulty(base).usdPerPhDay;
  assertAlmostEquals(
    hashpriceFromDifficulty({ ...base, btcPriceUsd: usd(160_000) }).usdPerPhDay,
    2 * hp,
    { relative: 1e-14 },
  );
  assertAlmostEquals(
    hashpriceFromDifficulty({ ...base, blockRewardBtc: btc(1.6) }).usdPerPhDay,
    hp / 2,
    { relative: 1e-14 },
  );
  assertAlmostEquals(hashpriceFromDifficulty({ ...base, difficulty: 2e14 }).usdPerPhDay, hp / 2, {
    relative: 1e-14,
  });
  // The BTC form has no price term.
  assertAlmostEquals(hashpriceFromDifficulty(base).btcPerPhDay * 80_000, hp, { relative: 1e-14 });
});

Deno.test("bad inputs are RangeErrors or TypeErrors naming the field and value", () => {
  const ok = { difficulty: 1e14, blockRewardBtc: btc(3.2), btcPriceUsd: usd(80_000) };
  assert.throws(
    () => hashpriceFromDifficulty({ ...ok, difficulty: NaN }),
    /difficulty: expected a finite number, got NaN/,
  );
  assert.throws(
    () => hashpriceFromDifficulty({ ...ok, difficulty: 0 }),
    /difficulty: expected a value > 0, got 0/,
  );
  assert.throws(
    () => hashpriceFromDifficulty({ ...ok, blockRewardBtc: -1 as Btc }),
    /blockRewardBtc: expected a value >= 0, got -1/,
  );
  assert.throws(
    () => hashpriceFromDifficulty({ ...ok, btcPriceUsd: usd(0) }),
    /btcPriceUsd: expected a value > 0, got 0/,
  );
  const net = { networkHashrate: ehs(600), subsidyBtcPerBlock: btc(3.125), btcPriceUsd: usd(1) };
  assert.throws(
    () => hashpriceFromNetwork({ ...net, networkHashrate: -5 as Hashrate, feesBtcPerDay: btc(1) }),
    /networkHashrate: expected a value > 0, got -5/,
  );
  assert.throws(
    () => hashpriceFromNetwork({ ...net, feesBtcPerBlock: NaN as Btc }),
    /feesBtcPerBlock: expected a finite number, got NaN/,
  );
  assert.throws(
    () => hashpriceFromNetwork({ ...net, btcPriceUsd: -3 as Usd, feesBtcPerDay: btc(1) }),
    /btcPriceUsd: expected a value > 0, got -3/,
  );
  assert.throws(
    // @ts-expect-error: fees given both ways
    () => hashpriceFromNetwork({ ...net, feesBtcPerBlock: btc(0.1), feesBtcPerDay: btc(1) }),
    /exactly one of feesBtcPerBlock or feesBtcPerDay, got both/,
  );
  assert.throws(
    // @ts-expect-error: fees missing
    () => hashpriceFromNetwork(net),
    TypeError,
  );
  assert.throws(
    () => hashpriceFromNetwork({ ...net, feesBtcPerDay: btc(1) }, { blocksPerDay: NaN }),
    /blocksPerDay: expected a finite number, got NaN/,
  );
});

function dayInputs(daily: BtcDaily, i: number) {
  const blocks = daily.blocks[i]!;
  return {
    hashrate: ths(daily.hashrate_ths[i]!),
    subsidyPerBlock: daily.subsidy_btc[i]! / blocks,
    feesPerBlock: daily.fees_btc[i]! / blocks,
    price: usd(daily.price_usd[i]!),
  };
}
