import assert from "node:assert/strict";
import { createRng } from "../finance/rng.ts";
import { btc, usd } from "../units/mod.ts";
import { simulateTreasury, type TreasuryInputs } from "./treasury.ts";
import {
  compileTreasuryPolicy,
  policySaleBtc,
  TREASURY_POLICY_KINDS,
  type TreasuryPolicy,
} from "./treasury_policy.ts";
import { assertAlmostEquals } from "../testing/assert_almost_equals.ts";

/** 1e-9 of the expected value, or 1e-9 absolute below 1. */
const TOLERANCE = { absolute: 1e-9, relative: 1e-9 };

type Series = { readonly [K in keyof Required<TreasuryInputs>]: Float64Array };

/** 60 months of a noisy miner: price around $80k, ~25 BTC a month, ~$1.5M of costs. */
function noisyMiner(seed: number): Series {
  const rng = createRng(seed);
  const months = 60;
  const series = (f: () => number) => Float64Array.from({ length: months }, f);
  let price = 80_000;
  return {
    btcPriceUsd: series(() => (price *= Math.exp(0.15 * rng.normal()))),
    btcReceived: series(() => 25 * (0.8 + 0.4 * rng.uniform())),
    cashExpensesUsd: series(() => 1.5e6 * (0.9 + 0.2 * rng.uniform())),
    capexUsd: series(() => (rng.uniform() < 0.1 ? 5e6 : 0)),
    allInCostPerBtc: series(() => 70_000 + 20_000 * rng.uniform()),
    otherIncomeUsd: series(() => (rng.uniform() < 0.5 ? 3e5 : 0)),
  };
}

const POLICIES: TreasuryPolicy[] = [
  { kind: "sell-all" },
  { kind: "hold-all" },
  { kind: "sell-above-cost" },
  { kind: "cover-cash-costs" },
  { kind: "target-holding", btc: 150 },
];
const OPENING = { btc: btc(100), cashUsd: usd(2e6), debtUsd: usd(1e6) };

Deno.test("treasury invariants hold for every policy, limit and path", async (t) => {
  assert.equal(POLICIES.length, TREASURY_POLICY_KINDS.length);
  for (const policy of POLICIES) {
    for (const debtLimitUsd of [Infinity, 5e6]) {
      await t.step(`${policy.kind}, debt limit ${debtLimitUsd}`, () => {
        for (let seed = 1; seed <= 20; seed++) {
          const inputs = noisyMiner(seed);
          const r = simulateTreasury(inputs, {
            policy,
            debtRateAnnual: 0.08,
            debtLimitUsd,
            opening: OPENING,
          });
          let held = 100;
          let cash = 2e6;
          for (let m = 0; m < 60; m++) {
            const price = inputs.btcPriceUsd[m]!;
            // Equity is holdings at market + cash − debt.
            assertAlmostEquals(
              r.equityUsd[m]!,
              r.btcHeld[m]! * price + r.cashUsd[m]! - r.debtUsd[m]!,
              TOLERANCE,
            );
            // Coins: what was held + received − sold.
            held += inputs.btcReceived[m]! - r.btcSold[m]!;
            assertAlmostEquals(r.btcHeld[m]!, held, TOLERANCE);
            // Cash: every inflow and outflow accounted for.
            cash += r.saleProceedsUsd[m]! + inputs.otherIncomeUsd[m]! + r.debtDrawnUsd[m]! -
              r.debtRepaidUsd[m]! - inputs.cashExpensesUsd[m]! - inputs.capexUsd[m]! -
              r.interestUsd[m]!;
            // Sums of millions carry float error of ~1e-8 dollars: compare to a hundredth of a cent.
            assert.ok(Math.abs(r.cashUsd[m]! - cash) < 1e-4, `${r.cashUsd[m]} ≠ ${cash}`);
            assert.ok(r.btcHeld[m]! >= -1e-9 && r.cashUsd[m]! >= 0 && r.debtUsd[m]! >= 0);
            // Cash and debt are never both held: spare cash repays debt.
            assert.ok(r.cashUsd[m]! === 0 || r.debtUsd[m]! === 0);
            if (debtLimitUsd !== Infinity && r.debtLimitBreachMonths.length === 0) {
              assert.ok(r.debtUsd[m]! <= debtLimitUsd + 1e-6);
            }
          }
          // A sale below cost is flagged exactly when coins were sold under the month's cost.
          const below = [...r.btcSold.keys()].filter((m) =>
            r.btcSold[m]! > 0 && inputs.btcPriceUsd[m]! < inputs.allInCostPerBtc[m]!
          );
          assert.deepEqual(r.saleBelowCostMonths, below);
          assert.equal(r.firstSaleBelowCostMonth, below[0]);
          if (debtLimitUsd === Infinity) assert.deepEqual(r.forcedSaleMonths, []);
        }
      });
    }
  }
});

Deno.test("hold-all never sells when debt is available", () => {
  for (let seed = 1; seed <= 20; seed++) {
    const inputs = noisyMiner(seed);
    const r = simulateTreasury(inputs, {
      policy: { kind: "hold-all" },
      debtRateAnnual: 0.1,
      opening: OPENING,
    });
    assert.ok(r.btcSold.every((sold) => sold === 0));
    assertAlmostEquals(r.btcHeld[59]!, 100 + inputs.btcReceived.reduce((a, b) => a + b), TOLERANCE);
    assert.equal(r.firstSaleBelowCostMonth, undefined);
  }
});

Deno.test("each policy's sales, computed by hand", async (t) => {
  // Two months at $50k against an all-in cost of $70k, then one at $100k; 10 BTC a month;
  // $600k of cash expenses a month; no capex, no interest, nothing held at the start.
  const inputs = {
    btcPriceUsd: [50_000, 50_000, 100_000],
    btcReceived: [10, 10, 10],
    cashExpensesUsd: [600_000, 600_000, 600_000],
    capexUsd: [0, 0, 0],
    allInCostPerBtc: [70_000, 70_000, 70_000],
  };
  const run = (policy: TreasuryPolicy, debtLimitUsd = Infinity) =>
    simulateTreasury(inputs, { policy, debtRateAnnual: 0, debtLimitUsd });
  await t.step("sell-all: sells every coin, below cost in months 0 and 1", () => {
    const r = run({ kind: "sell-all" });
    assert.deepEqual([...r.btcSold], [10, 10, 10]);
    // Debt: 600k − 500k = 100k, then 200k; month 2 brings 1M − 600k = 400k: repay 200k.
    assert.deepEqual([...r.debtUsd], [100_000, 200_000, 0]);
    assert.deepEqual([...r.cashUsd], [0, 0, 200_000]);
    assert.deepEqual(r.saleBelowCostMonths, [0, 1]);
  });
  await t.step("sell-above-cost: holds at a loss, sells the 30 BTC at $100k", () => {
    const r = run({ kind: "sell-above-cost" });
    assert.deepEqual([...r.btcSold], [0, 0, 30]);
    assert.deepEqual([...r.debtUsd], [600_000, 1_200_000, 0]);
    // 30 × 100k = 3M − 600k − 1.2M repaid = 1.2M.
    assert.deepEqual([...r.cashUsd], [0, 0, 1_200_000]);
    assert.deepEqual(r.saleBelowCostMonths, []);
  });
  await t.step("cover-cash-costs: coins worth $600k, capped at the coins held", () => {
    const r = run({ kind: "cover-cash-costs" });
    // Month 0: 12 BTC wanted, 10 held → all 10, 100k of debt. Month 1: same, debt 200k.
    // Month 2: 6 BTC at $100k; 4 left.
    assert.deepEqual([...r.btcSold], [10, 10, 6]);
    assert.deepEqual([...r.btcHeld], [0, 0, 4]);
    assert.deepEqual([...r.debtUsd], [100_000, 200_000, 200_000]);
  });
  await t.step("target-holding of 15 BTC: sells only what is above", () => {
    const r = run({ kind: "target-holding", btc: 15 });
    assert.deepEqual([...r.btcSold], [0, 5, 10]);
    assert.deepEqual([...r.btcHeld], [10, 15, 15]);
  });
  await t.step("a debt limit forces a sale below cost, flagged with its month", () => {
    const r = run({ kind: "hold-all" }, 500_000);
    // Month 0: 500k of debt, then 2 BTC (100k ÷ 50k) sold by force at $50k < $70k.
    assert.equal(r.btcSold[0], 2);
    assert.equal(r.firstSaleBelowCostMonth, 0);
    // Month 1: 600k more, no room: 12 BTC forced (8 + 10 held → 6 left). Month 2: 6 BTC at
    // $100k forced too (16 held → 10), above cost this time.
    assert.equal(r.btcHeld[1], 6);
    assert.equal(r.btcHeld[2], 10);
    assert.deepEqual(r.forcedSaleMonths, [0, 1, 2]);
    assert.deepEqual(r.saleBelowCostMonths, [0, 1]);
  });
  await t.step("nothing left to sell: debt goes beyond the limit, flagged", () => {
    const r = simulateTreasury({ ...inputs, btcReceived: [0, 0, 0] }, {
      policy: { kind: "hold-all" },
      debtRateAnnual: 0,
      debtLimitUsd: 0,
    });
    assert.deepEqual(r.debtLimitBreachMonths, [0, 1, 2]);
    assert.equal(r.debtUsd[2], 1_800_000);
  });
});

Deno.test("interest on debt, computed by hand", () => {
  // 12% a year effective: 1.12^(1/12) − 1 = 0.948879…% a month on the opening debt of $1.2M.
  const r = simulateTreasury({
    btcPriceUsd: [1, 1],
    btcReceived: [0, 0],
    cashExpensesUsd: [0, 0],
    capexUsd: [0, 0],
    allInCostPerBtc: [1, 1],
  }, { policy: { kind: "hold-all" }, debtRateAnnual: 0.12, opening: { debtUsd: usd(1.2e6) } });
  const monthly = 1.12 ** (1 / 12) - 1;
  assertAlmostEquals(r.interestUsd[0]!, 1.2e6 * monthly, TOLERANCE);
  assertAlmostEquals(r.debtUsd[1]!, 1.2e6 * (1 + monthly) ** 2, TOLERANCE);
  assertAlmostEquals(r.peakDebtUsd, r.debtUsd[1]!, TOLERANCE);
});

Deno.test("policySaleBtc interprets the data, never below 0 or above the holding", () => {
  const month = {
    month: 3,
    btcHeld: 40,
    priceUsd: 80_000,
    allInCostPerBtc: 60_000,
    cashNeedUsd: 800_000,
  };
  assert.equal(policySaleBtc({ kind: "sell-above-cost" }, month), 40);
  assert.equal(policySaleBtc({ kind: "hold-all" }, month), 0);
  assert.equal(policySaleBtc({ kind: "cover-cash-costs" }, month), 10);
  assert.equal(policySaleBtc({ kind: "cover-cash-costs" }, { ...month, cashNeedUsd: -5 }), 0);
  assert.equal(policySaleBtc({ kind: "target-holding", btc: [0, 0, 0, 50] }, month), 0);
  assert.equal(policySaleBtc({ kind: "target-holding", btc: [0, 0, 0, 25] }, month), 15);
  assert.equal(
    policySaleBtc({ kind: "sell-above-cost" }, { ...month, allInCostPerBtc: Infinity }),
    0,
  );
});

Deno.test("treasury: bad input names the field, month and value", () => {
  const inputs = noisyMiner(1);
  const options = { policy: { kind: "sell-all" }, debtRateAnnual: 0.08 } as const;
  assert.throws(
    () => compileTreasuryPolicy({ kind: "target-holding", btc: -10 }, 12),
    /Cannot use policy\.btc: expected a value >= 0, got -10/,
  );
  const target = new Float64Array(60).fill(100);
  target[17] = -1;
  assert.throws(
    () => simulateTreasury(inputs, { ...options, policy: { kind: "target-holding", btc: target } }),
    /Cannot use policy\.btc in month 17: expected a value >= 0, got -1/,
  );
  assert.throws(
    () => simulateTreasury(inputs, { ...options, policy: { kind: "sell-some" } as never }),
    /Cannot use policy\.kind: expected one of sell-all, hold-all, sell-above-cost, cover-cash-costs, target-holding, got sell-some/,
  );
  const price = inputs.btcPriceUsd.slice();
  price[9] = 0;
  assert.throws(
    () => simulateTreasury({ ...inputs, btcPriceUsd: price }, options),
    /Cannot use btcPriceUsd in month 9: expected a value > 0, got 0/,
  );
  const received = inputs.btcReceived.slice();
  received[4] = -3;
  assert.throws(
    () => simulateTreasury({ ...inputs, btcReceived: received }, options),
    /Cannot use btcReceived in month 4: expected a value >= 0, got -3/,
  );
  assert.throws(
    () => simulateTreasury({ ...inputs, capexUsd: [1] }, options),
    /Cannot use capexUsd: expected 60 monthly values, got 1/,
  );
  assert.throws(
    () => simulateTreasury(inputs, { ...options, debtRateAnnual: -1 }),
    /debtRateAnnual: expected a rate > -1, got -1/,
  );
  assert.throws(
    () => simulateTreasury(inputs, { ...options, debtLimitUsd: -1 }),
    /debtLimitUsd: expected a value >= 0, got -1/,
  );
  assert.throws(
    () => simulateTreasury(inputs, { ...options, opening: { btc: btc(-5) } }),
    /opening\.btc: expected a value >= 0, got -5/,
  );
});
