import assert from "node:assert/strict";
import { jPerTh } from "../units/efficiency.ts";
import { type Hashrate, ths } from "../units/hashrate.ts";
import { type Power, w } from "../units/power.ts";
import { type UsdPerKwh, usdPerKwh, type UsdPerPhDay, usdPerPhDay } from "../units/prices.ts";
import { asicEconomics, type AsicEconomicsOptions } from "./asic_economics.ts";
import { miningPerMw } from "./mining_per_mw.ts";
import { assertAlmostEquals } from "../testing/assert_almost_equals.ts";

const s21 = {
  hashrate: ths(200),
  efficiency: jPerTh(17.5),
  hashprice: usdPerPhDay(45),
  powerPriceUsdPerKwh: usdPerKwh(0.05),
};

Deno.test("an S21 with uptime, pool fee, PUE and tax, computed by hand", () => {
  const r = asicEconomics(s21, {
    uptime: 0.95,
    poolFee: 0.02,
    pue: 1.1,
    taxUsdPerKwh: usdPerKwh(0.01),
  });
  const revenue = 45 * 0.2 * 0.95 * 0.98; // $8.379
  const kwh = 3.5 * 24 * 0.95 * 1.1; // 87.78 kWh
  const power = kwh * 0.06;
  assertAlmostEquals(r.daily.revenueUsd, revenue, 1e-12);
  assertAlmostEquals(r.daily.powerCostUsd, power, 1e-12);
  assertAlmostEquals(r.energyKwhPerDay, kwh, 1e-12);
  assertAlmostEquals(r.daily.marginUsd, revenue - power, 1e-12);
  assertAlmostEquals(r.yearly.marginUsd, 365 * (revenue - power), 1e-9);
  assertAlmostEquals(r.marginFraction, (revenue - power) / revenue, 1e-12);
  assertAlmostEquals(r.breakevenPowerPriceUsdPerKwh, revenue / kwh - 0.01, 1e-12);
});

Deno.test("a spec by power equals the same spec by efficiency", () => {
  const byPower = asicEconomics({
    hashrate: ths(200),
    power: w(3500),
    hashprice: usdPerPhDay(45),
    powerPriceUsdPerKwh: usdPerKwh(0.05),
  });
  assert.deepEqual(byPower, asicEconomics(s21));
});

Deno.test("invariant: at the breakeven power price the margin is zero, in every setting", () => {
  const settings: AsicEconomicsOptions[] = [
    {},
    { uptime: 0.9, poolFee: 0.015 },
    { pue: 1.25, taxUsdPerKwh: usdPerKwh(0.047) },
    { curtailment: { fraction: 0.05, creditUsdPerKwh: 0.08 } },
  ];
  for (const options of settings) {
    const r = asicEconomics(s21, options);
    const atBreakeven = asicEconomics(
      { ...s21, powerPriceUsdPerKwh: r.breakevenPowerPriceUsdPerKwh },
      options,
    );
    assertAlmostEquals(atBreakeven.daily.marginUsd, 0, 1e-12, JSON.stringify(options));
  }
});

Deno.test("curtailment: switched-off hours earn nothing, cost nothing and collect the credit", () => {
  const r = asicEconomics(s21, {
    uptime: 0.9,
    curtailment: { fraction: 0.1, creditUsdPerKwh: 0.2 },
  });
  const running = 0.9 * 0.9;
  assertAlmostEquals(r.daily.revenueUsd, 9 * running, 1e-12);
  assertAlmostEquals(r.daily.powerCostUsd, 84 * running * 0.05, 1e-12);
  assertAlmostEquals(r.daily.curtailmentCreditUsd, 84 * 0.9 * 0.1 * 0.2, 1e-12);
  assertAlmostEquals(
    r.daily.marginUsd,
    r.daily.revenueUsd + r.daily.curtailmentCreditUsd - r.daily.powerCostUsd,
    1e-12,
  );
  // Without a credit, curtailment at a profitable price only loses margin.
  const none = asicEconomics(s21);
  assert.ok(
    asicEconomics(s21, { curtailment: { fraction: 0.1 } }).daily.marginUsd < none.daily.marginUsd,
  );
});

Deno.test("1 MW of S21s a year matches miningPerMw (F4, F5)", () => {
  const oneMw = asicEconomics({ ...s21, hashrate: ths(1e6 / 17.5) });
  const perMw = miningPerMw(s21);
  assertAlmostEquals(oneMw.yearly.revenueUsd, perMw.revenuePerMinerMwYear, 1e-6);
  assertAlmostEquals(oneMw.yearly.powerCostUsd, perMw.powerCostPerMinerMwYear, 1e-6);
  assertAlmostEquals(oneMw.power, 1e6, 1e-6);
});

Deno.test("bad inputs name the field and value", () => {
  assert.throws(
    () => asicEconomics({ ...s21, hashrate: -200 as Hashrate }),
    /hashrate: expected a value > 0, got -200/,
  );
  assert.throws(
    () => asicEconomics(s21, { uptime: 1.5 }),
    /uptime: expected a fraction between 0 and 1, got 1.5/,
  );
  assert.throws(
    () => asicEconomics(s21, { poolFee: 1.2 }),
    /poolFee: expected a fraction between 0 and 1, got 1.2/,
  );
  assert.throws(() => asicEconomics(s21, { pue: 0.9 }), /pue: expected a PUE >= 1, got 0.9/);
  assert.throws(
    () => asicEconomics({ ...s21, hashprice: 0 as UsdPerPhDay }),
    /hashprice: expected a value > 0, got 0/,
  );
  assert.throws(
    () => asicEconomics({ ...s21, powerPriceUsdPerKwh: NaN as UsdPerKwh }),
    /powerPriceUsdPerKwh: expected a finite number, got NaN/,
  );
  assert.throws(
    () =>
      asicEconomics({
        hashrate: ths(200),
        power: -1 as Power,
        hashprice: usdPerPhDay(45),
        powerPriceUsdPerKwh: usdPerKwh(0.05),
      }),
    /power: expected a value > 0, got -1/,
  );
  assert.throws(
    () => asicEconomics({ ...s21, power: w(3500) } as never),
    /exactly one of efficiency or power, got both/,
  );
  assert.throws(
    () => asicEconomics(s21, { curtailment: { fraction: 1 } }),
    /curtailment.fraction: expected a fraction in \[0, 1\), got 1/,
  );
  assert.throws(
    () => asicEconomics(s21, { curtailment: { fraction: 0.1, creditUsdPerKwh: -1 } }),
    /curtailment.creditUsdPerKwh: expected a value >= 0, got -1/,
  );
});
