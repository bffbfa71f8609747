import assert from "node:assert/strict";
import { jPerTh } from "../units/efficiency.ts";
import { ehs, type Hashrate, ths } from "../units/hashrate.ts";
import { type Btc, btc, type Usd, usd } from "../units/money.ts";
import { usdPerKwh } from "../units/prices.ts";
import { asicInvestment, type AsicInvestmentInputs, IrrError } from "./asic_investment.ts";
import { assertAlmostEquals } from "../testing/assert_almost_equals.ts";

const BLOCKS_PER_MONTH = 144 * 365 / 12; // 4,380
const machine = {
  hashrate: ths(200),
  efficiency: jPerTh(17.5),
  powerPriceUsdPerKwh: usdPerKwh(0.05),
  lifeMonths: 12,
  startHeight: 1_050_000 - 6 * BLOCKS_PER_MONTH, // the fifth halving starts month 7
  networkHashrateStart: ehs(800),
  monthlyDifficultyGrowth: 0,
  btcPricePath: usd(100_000),
  feesBtcPerBlock: btc(0.1),
};
// An S21 at $14/TH [S60].
const base: AsicInvestmentInputs = { ...machine, purchasePriceUsd: usd(2800) };

Deno.test("a halving inside the life halves the subsidy part of revenue at a constant share", () => {
  const r = asicInvestment(base);
  assert.equal(BLOCKS_PER_MONTH, 4380);
  assert.equal(r.months[5]!.heightEnd, 1_049_999);
  assert.equal(r.months[6]!.heightStart, 1_050_000);
  const share = 200 / 8e8;
  const feePart = share * 4380 * 0.1 * 100_000;
  for (let m = 0; m < 12; m++) {
    const month = r.months[m]!;
    assert.equal(month.subsidyBtcPerBlock, m < 6 ? 3.125 : 1.5625, `month ${m + 1}`);
    assert.equal(month.hashrateShare, share);
  }
  const before = r.months[0]!.revenueUsd - feePart;
  const after = r.months[6]!.revenueUsd - feePart;
  assertAlmostEquals(after, before / 2, { relative: 1e-12 });
  // By hand: 2.5e-7 × 4,380 blocks × 3.125 BTC × $100,000 = $342.1875 of subsidy a month.
  assertAlmostEquals(before, 342.1875, { relative: 1e-12 });
});

Deno.test("a month straddling the halving blends the two subsidies by blocks", () => {
  const r = asicInvestment({ ...base, startHeight: 1_050_000 - 2190, lifeMonths: 2 });
  assert.equal(r.months[0]!.subsidyBtcPerBlock, (2190 * 3.125 + 2190 * 1.5625) / 4380);
  assert.equal(r.months[1]!.subsidyBtcPerBlock, 1.5625);
});

Deno.test("zero difficulty growth and a constant price: revenue is constant between halvings", () => {
  const r = asicInvestment({ ...base, startHeight: 960_000, lifeMonths: 20 });
  assert.ok(r.months.at(-1)!.heightEnd < 1_050_000);
  for (const month of r.months) {
    assert.equal(month.revenueUsd, r.months[0]!.revenueUsd);
    assert.equal(month.marginUsd, r.months[0]!.marginUsd);
  }
});

Deno.test("matches an independent month-by-month computation (growth, price path, fees, PUE, tax)", async (t) => {
  const prices = Array.from({ length: 30 }, (_, i) => usd(90_000 + 1500 * i));
  const options = { uptime: 0.97, poolFee: 0.02, pue: 1.05, taxUsdPerKwh: usdPerKwh(0.005) };
  // One case switches off after the halving and never pays back; one pays back.
  for (const [usdPerTh, power] of [[16, 0.05], [10, 0.03]] as const) {
    await t.step(`$${usdPerTh}/TH at ${power * 100}¢`, () => {
      const r = asicInvestment(scenario(usdPerTh, power), options);

      // Independent: heights advance 4,380 a month; the fifth halving is at 1,050,000.
      const price = usdPerTh * 200;
      const flows = [-price];
      let cumulative = -price;
      let payback: number | undefined;
      let btcTotal = 0;
      for (let m = 1; m <= 30; m++) {
        const first = 1_000_000 + 4380 * (m - 1);
        let subsidy = 0;
        for (let h = first; h < first + 4380; h++) subsidy += h < 1_050_000 ? 3.125 : 1.5625;
        const share = 200 / (8.5e8 * 1.015 ** (m - 1));
        const mined = share * 0.97 * 0.98 * (subsidy + 0.1 * 4380);
        const cost = 3.5 * 24 * (365 / 12) * 0.97 * 1.05 * (power + 0.005);
        // Switched off when it would lose money (the default).
        const runs = mined * prices[m - 1]! - cost >= 0;
        const margin = runs ? mined * prices[m - 1]! - cost : 0;
        const row = r.months[m - 1]!;
        assert.equal(row.running, runs, `running month ${m}`);
        assertAlmostEquals(row.btcMined, runs ? mined : 0, { relative: 1e-12 }, `BTC month ${m}`);
        assertAlmostEquals(
          row.powerCostUsd,
          runs ? cost : 0,
          { relative: 1e-12 },
          `power month ${m}`,
        );
        assertAlmostEquals(row.marginUsd, margin, { relative: 1e-12 }, `margin month ${m}`);
        flows.push(margin);
        cumulative += margin;
        btcTotal += runs ? mined : 0;
        if (payback === undefined && cumulative >= 0) payback = m;
      }
      assert.equal(r.purchasePriceUsd, price);
      assert.equal(r.paybackMonth, payback);
      assertAlmostEquals(r.netCashUsd, cumulative, { relative: 1e-9 });
      assertAlmostEquals(r.totalBtcMined, btcTotal, { relative: 1e-12 });
      // The IRR zeroes the NPV of the flows (NPV written out here, not the module's).
      const npv = (rate: number) => flows.reduce((sum, x, i) => sum + x / (1 + rate) ** i, 0);
      assert.ok(Math.abs(npv(r.irrMonthly!)) < 1e-8);
      assertAlmostEquals(r.irrAnnual!, (1 + r.irrMonthly!) ** 12 - 1, { relative: 1e-15 });
    });
  }
  await t.step("the cases are what they claim", () => {
    const first = asicInvestment(scenario(16, 0.05), options);
    assert.ok(first.months.some((m) => !m.running) && first.paybackMonth === undefined);
    const second = asicInvestment(scenario(10, 0.03), options);
    assert.ok(second.paybackMonth !== undefined && second.irrAnnual! > 0);
    // Kept running through its loss-making tail, the first machine has two IRRs.
    assert.throws(
      () => asicInvestment(scenario(16, 0.05), { ...options, switchOffAtLoss: false }),
      /multiple IRRs — NPV changes sign 2 times/,
    );
  });

  function scenario(usdPerTh: number, power: number): AsicInvestmentInputs {
    return {
      ...machine,
      usdPerTh,
      powerPriceUsdPerKwh: usdPerKwh(power),
      lifeMonths: 30,
      startHeight: 1_000_000,
      networkHashrateStart: ehs(850),
      monthlyDifficultyGrowth: 0.015,
      btcPricePath: prices,
    };
  }
});

Deno.test("a total price equals the same price per TH/s", () => {
  assert.deepEqual(asicInvestment({ ...machine, usdPerTh: 14 }), asicInvestment(base));
});

Deno.test("a machine that never pays back: payback undefined, IRR negative but defined", () => {
  const r = asicInvestment({ ...base, purchasePriceUsd: usd(20_000) });
  assert.equal(r.paybackMonth, undefined);
  assert.ok(r.irrMonthly! < 0 && r.irrAnnual! < 0);
  assert.ok(r.netCashUsd < 0);
});

Deno.test("a machine never profitable: IrrError by default, undefined on request", () => {
  const losing = { ...base, powerPriceUsdPerKwh: usdPerKwh(0.5) };
  assert.throws(
    () => asicInvestment(losing),
    (e) =>
      e instanceof IrrError && e instanceof RangeError &&
      /Cannot compute the ASIC's IRR: margins over the life total 0.00 USD/.test(e.message) &&
      /onUndefinedIrr/.test(e.message),
  );
  const r = asicInvestment(losing, { onUndefinedIrr: "undefined" });
  assert.equal(r.irrMonthly, undefined);
  assert.equal(r.irrAnnual, undefined);
  assert.equal(r.paybackMonth, undefined);
  assert.ok(r.months.every((m) => !m.running && m.marginUsd === 0));
  // Kept running at a loss, every month is negative.
  const mechanical = asicInvestment(losing, {
    switchOffAtLoss: false,
    onUndefinedIrr: "undefined",
  });
  assert.ok(mechanical.months.every((m) => m.running && m.marginUsd < 0));
  assert.throws(
    () => asicInvestment(losing, { switchOffAtLoss: false }),
    /margins over the life total -\d+/,
  );
});

Deno.test("switching off at a loss (default) idles the machine after the halving at 12¢", () => {
  // At 12¢ the S21 makes money before the halving and loses after it.
  const inputs = { ...base, powerPriceUsdPerKwh: usdPerKwh(0.12), purchasePriceUsd: usd(1000) };
  const always = asicInvestment(inputs, { switchOffAtLoss: false, onUndefinedIrr: "undefined" });
  assert.ok(always.months[0]!.marginUsd > 0 && always.months[6]!.marginUsd < 0);
  assert.ok(always.months.every((m) => m.running));
  const smart = asicInvestment(inputs);
  assert.deepEqual(smart.months.map((m) => m.running), [
    ...Array(6).fill(true),
    ...Array(6).fill(false),
  ]);
  assert.ok(smart.months.slice(6).every((m) => m.marginUsd === 0 && m.btcMined === 0));
  assert.ok(smart.netCashUsd > always.netCashUsd);
  assert.ok(Number.isFinite(smart.irrAnnual));
  // Running at a loss after a profit makes the flows change sign twice: no unique IRR (here
  // none: the NPV is negative at every rate).
  assert.throws(() => asicInvestment(inputs, { switchOffAtLoss: false }), IrrError);
});

Deno.test("bad inputs name the field and value", () => {
  const bad = (patch: Partial<Record<keyof AsicInvestmentInputs, unknown>>) => () =>
    asicInvestment({ ...base, ...patch } as AsicInvestmentInputs);
  assert.throws(bad({ hashrate: -200 as Hashrate }), /hashrate: expected a value > 0, got -200/);
  assert.throws(bad({ lifeMonths: 0 }), /lifeMonths: expected a whole number >= 1, got 0/);
  assert.throws(bad({ lifeMonths: 1.5 }), /lifeMonths: expected a whole number >= 1, got 1.5/);
  assert.throws(bad({ startHeight: -1 }), /startHeight: expected a whole number >= 0, got -1/);
  assert.throws(
    bad({ monthlyDifficultyGrowth: undefined }),
    /monthlyDifficultyGrowth: expected a number, got undefined/,
  );
  assert.throws(
    bad({ monthlyDifficultyGrowth: -1 }),
    /monthlyDifficultyGrowth: expected > -1, got -1/,
  );
  assert.throws(bad({ btcPricePath: 0 as Usd }), /btcPricePath: expected a value > 0, got 0/);
  assert.throws(
    bad({ btcPricePath: [usd(1), usd(2)] }),
    /expected at least 12 monthly prices \(lifeMonths\), got 2/,
  );
  assert.throws(
    bad({ btcPricePath: Array.from({ length: 12 }, (_, i) => (i === 4 ? NaN : 1e5)) }),
    /btcPricePath\[4\]: expected a finite number, got NaN/,
  );
  assert.throws(bad({ feesBtcPerBlock: -0.1 as Btc }), /feesBtcPerBlock: expected >= 0, got -0.1/);
  assert.throws(bad({ purchasePriceUsd: usd(0) }), /purchasePriceUsd: expected a value > 0, got 0/);
  assert.throws(bad({ usdPerTh: 14 }), /exactly one of purchasePriceUsd or usdPerTh, got both/);
  assert.throws(
    bad({ networkHashrateStart: ths(100) }),
    /Cannot model month 1: the network hashrate 100 TH\/s is below the machine's 200 TH\/s/,
  );
  assert.throws(
    () => asicInvestment(base, { uptime: 1.5 }),
    /uptime: expected a fraction between 0 and 1, got 1.5/,
  );
  assert.throws(
    () => asicInvestment(base, { poolFee: 1.2 }),
    /poolFee: expected a fraction between 0 and 1, got 1.2/,
  );
  assert.throws(() => asicInvestment(base, { pue: 0.9 }), /pue: expected a PUE >= 1, got 0.9/);
  assert.throws(() => asicInvestment(base, { blocksPerDay: 0.001 }), /at least 1 block a month/);
});
