import assert from "node:assert/strict";
import { btc, ehs, grossMw, jPerTh, ths, usd, w } from "../units/mod.ts";
import type { MinerCompany } from "./miner_company.ts";
import { projectMiner } from "./miner_projection.ts";
import { assertAlmostEquals } from "../testing/assert_almost_equals.ts";

/** 1e-12 of the expected value, or 1e-12 absolute below 1. */
const TOLERANCE = { absolute: 1e-12, relative: 1e-12 };

const company: MinerCompany = {
  grossPower: grossMw(50),
  startHeight: 952_053,
  feesBtcPerBlock: 0,
  costs: {
    powerPrice: 0.05,
    pue: 1,
    poolFee: 0.02,
    hostingUsdPerMwMonth: 10_000,
    sgaUsdPerMonth: 200_000,
  },
  fleet: {
    horizonMonths: 36,
    deliveryLagMonths: 3,
    depreciationMonths: 24,
    models: [
      { name: "S19", hashrate: ths(95), power: w(3_250) },
      { name: "S21", hashrate: ths(200), efficiency: jPerTh(17.5) },
    ],
    installed: [{ model: "S19", units: 5_000 }, {
      model: "S21",
      units: 5_000,
      bookValueUsd: usd(24e6),
    }],
  },
};

Deno.test("projectMiner: a month computed by hand", () => {
  const p = projectMiner({ company, btcPriceUsd: 100_000, networkHashrateThs: ehs(1_000) });
  // Fleet: 5,000 × 95 + 5,000 × 200 = 1.475 EH/s; 16.25 + 17.5 = 33.75 MW.
  // Share 1.475 ÷ 1,000 = 0.1475%; 4,380 blocks × 3.125 BTC × 0.001475 = 20.1891 BTC.
  const mined = 0.001475 * 4_380 * 3.125;
  assertAlmostEquals(p.production.share[0]!, 0.001475, TOLERANCE);
  assertAlmostEquals(p.production.btcMined[0]!, mined, TOLERANCE);
  assertAlmostEquals(p.btcReceived[0]!, mined * 0.98, TOLERANCE);
  // Costs: power 33,750 kW × 730 h × $0.05 = $1,231,875; pool 2% of revenue; hosting
  // 33.75 MW × $10k = $337,500; SG&A $200k; depreciation $24M ÷ 24 = $1M.
  const revenue = mined * 100_000;
  const cash = 1_231_875 + 0.02 * revenue + 337_500 + 200_000;
  assertAlmostEquals(p.costs.cashCostUsd[0]!, cash, TOLERANCE);
  assertAlmostEquals(p.ebitdaUsd[0]!, revenue - cash, TOLERANCE);
  assertAlmostEquals(p.allInCostPerBtc[0]!, (cash + 1e6) / mined, TOLERANCE);
  assertAlmostEquals(p.cashExpensesUsd[0]!, 1_231_875 + 337_500 + 200_000, TOLERANCE);
  assertAlmostEquals(p.cashFlowUsd[0]!, revenue - cash, TOLERANCE);
  // After the 2028 halving (month 22) the S19 no longer pays its power at $100k (see the next
  // test) and is switched off: only the S21's 1 EH/s mines, 0.1% × 4,380 × 1.5625 BTC.
  assertAlmostEquals(p.production.btcMined[30]!, 0.001 * 4_380 * 1.5625, TOLERANCE);
  // Kept on, the whole fleet mines half as much at the same share.
  const on = projectMiner({
    company: { ...company, switchOffAtLoss: false },
    btcPriceUsd: 100_000,
    networkHashrateThs: ehs(1_000),
  });
  assertAlmostEquals(on.production.btcMined[30]!, mined / 2, TOLERANCE);
});

Deno.test("projectMiner switches off models whose coins do not pay their power", async (t) => {
  // Per TH/s a month the network pays 4,380 × 3.125 ÷ 1e9 = 1.36875e-5 BTC, 98% after the fee.
  // Power per TH/s a month at $0.05: S19 34.21 W → $1.24873; S21 17.5 W → $0.63875.
  // Breakeven prices: S19 1.24873 ÷ (1.36875e-5 × 0.98) = $93,091; S21 $47,619.
  const prices = [100_000, 60_000, 40_000, ...new Array(33).fill(100_000)];
  await t.step("at $100k both run, at $60k only the S21, at $40k none", () => {
    const p = projectMiner({ company, btcPriceUsd: prices, networkHashrateThs: ehs(1_000) });
    assert.deepEqual([...p.runningThs.slice(0, 4)], [1_475_000, 1_000_000, 0, 1_475_000]);
    assert.deepEqual([...p.runningPowerW.slice(0, 3)], [33_750_000, 17_500_000, 0]);
    assert.equal(p.production.btcMined[2], 0);
    assert.equal(p.allInCostPerBtc[2], Infinity);
    // Hosting and SG&A are still paid in the idle month.
    assertAlmostEquals(p.costs.cashCostUsd[2]!, 337_500 + 200_000, TOLERANCE);
  });
  await t.step("unless told to keep everything on", () => {
    const p = projectMiner({
      company: { ...company, switchOffAtLoss: false },
      btcPriceUsd: prices,
      networkHashrateThs: ehs(1_000),
    });
    assert.ok(p.runningThs.every((v) => v === 1_475_000));
  });
});

Deno.test("projectMiner: BTC mined = share × issuance as the fleet changes", () => {
  const growing: MinerCompany = {
    ...company,
    feesBtcPerBlock: 0.04,
    fleet: {
      ...company.fleet,
      purchases: [{ month: 2, model: "S21", units: 2_000, usdPerTh: 14 }],
      retirements: [{ month: 10, model: "S19", units: 5_000 }],
    },
  };
  const network = Float64Array.from({ length: 36 }, (_, m) => ehs(950) * 1.02 ** m);
  const p = projectMiner({ company: growing, btcPriceUsd: 150_000, networkHashrateThs: network });
  let mined = 0;
  let expected = 0;
  for (let m = 0; m < 36; m++) {
    mined += p.production.btcMined[m]!;
    expected += (p.operatingThs[m]! / network[m]!) * p.production.issuanceBtc[m]!;
  }
  assertAlmostEquals(mined, expected, TOLERANCE);
  assert.equal(p.operatingThs[5], 1_475_000 + 400_000);
  assert.equal(p.operatingThs[10], 1_400_000);
});

Deno.test("a company: bad input names the field, month and value", () => {
  const run = (change: Partial<MinerCompany>, network = ehs(1_000) as number) =>
    projectMiner({
      company: { ...company, ...change },
      btcPriceUsd: 1e5,
      networkHashrateThs: network,
    });
  assert.throws(
    () => run({ grossPower: grossMw(30) }),
    /Cannot use fleet in month 0: expected at most 30 MW gross of miners at PUE 1, got 33\.75 MW/,
  );
  assert.throws(
    () =>
      run({
        fleet: {
          ...company.fleet,
          purchases: [{ month: 6, model: "S21", units: 10_000, usdPerTh: 14 }],
        },
      }),
    // 33.75 MW + 10,000 × 200 TH/s × 17.5 J/TH = 68.75 MW once they arrive in month 9.
    /fleet in month 9: expected at most 50 MW gross of miners at PUE 1, got 68\.75 MW/,
  );
  assert.throws(() => run({}, ehs(1)), /networkHashrateThs in month 0: expected at least/);
  assert.throws(
    () => run({ balanceSheet: { btc: btc(-1) } }),
    /balanceSheet\.btc: expected a value >= 0, got -1/,
  );
  assert.throws(
    () => run({ feesBtcPerBlock: -0.1 }),
    /feesBtcPerBlock: expected a value >= 0, got -0.1/,
  );
  assert.throws(
    () => projectMiner({ company, btcPriceUsd: [1e5, -1], networkHashrateThs: ehs(1_000) }),
    /btcPriceUsd: expected 36 monthly values, got 2/,
  );
});
