import assert from "node:assert/strict";
import { type Efficiency, jPerTh } from "../units/efficiency.ts";
import {
  type BtcPerPhDay,
  btcPerPhDay,
  type UsdPerKwh,
  usdPerKwh,
  type UsdPerPhDay,
  usdPerPhDay,
} from "../units/prices.ts";
import {
  breakevenBtcPrice,
  breakevenEfficiency,
  type BreakevenOptions,
  breakevenPowerPrice,
  hashcost,
} from "./hashcost.ts";
import { assertAlmostEquals } from "../testing/assert_almost_equals.ts";

Deno.test("hashcost = 24 × η × p × PUE, and a tax adds to the price (F3, computed by hand)", () => {
  const s19 = { efficiency: jPerTh(34.2), powerPriceUsdPerKwh: usdPerKwh(0.06) };
  assertAlmostEquals(hashcost(s19), 24 * 34.2 * 0.06, 1e-12); // $49.248
  assertAlmostEquals(hashcost(s19, { pue: 1.2 }), 24 * 34.2 * 0.06 * 1.2, 1e-12);
  assertAlmostEquals(
    hashcost(s19, { taxUsdPerKwh: usdPerKwh(0.047) }),
    hashcost({ ...s19, powerPriceUsdPerKwh: usdPerKwh(0.107) }),
    1e-12,
  );
  assert.equal(hashcost({ ...s19, powerPriceUsdPerKwh: usdPerKwh(0) }), 0);
});

Deno.test("invariant: at the breakeven power price the margin is zero", () => {
  const optionSets: BreakevenOptions[] = [
    {},
    { pue: 1.15 },
    { pue: 1.3, taxUsdPerKwh: usdPerKwh(0.01) },
    { poolFee: 0.02 },
  ];
  for (const hp of [30, 45, 120]) {
    for (const eff of [13.5, 17.5, 34.2]) {
      for (const options of optionSets) {
        const hashprice = usdPerPhDay(hp);
        const efficiency = jPerTh(eff);
        const price = breakevenPowerPrice({ hashprice, efficiency }, options);
        const revenue = hp * (1 - (options.poolFee ?? 0));
        const margin = revenue - hashcost({ efficiency, powerPriceUsdPerKwh: price }, options);
        assertAlmostEquals(margin, 0, 1e-12 * hp, `HP ${hp}, η ${eff}`);
        // A cent above it loses money; a cent below it makes money.
        const above = hashcost(
          { efficiency, powerPriceUsdPerKwh: usdPerKwh(price + 0.01) },
          options,
        );
        assert.ok(revenue - above < 0);
      }
    }
  }
});

Deno.test("the breakeven power price goes negative when the tax alone exceeds revenue", () => {
  const price = breakevenPowerPrice(
    { hashprice: usdPerPhDay(20), efficiency: jPerTh(34.2) },
    { taxUsdPerKwh: usdPerKwh(0.089) },
  );
  // 20 ÷ (24 × 34.2) = 0.02437 $/kWh, less 0.089 of tax.
  assertAlmostEquals(price, 20 / (24 * 34.2) - 0.089, 1e-15);
  assert.ok(price < 0);
});

Deno.test("invariant: at the breakeven BTC price, BTC revenue equals hashcost", () => {
  const inputs = {
    btcHashprice: btcPerPhDay(0.00045),
    efficiency: jPerTh(21.5),
    powerPriceUsdPerKwh: usdPerKwh(0.045),
  };
  for (const options of [{}, { poolFee: 0.025, pue: 1.1 }] as BreakevenOptions[]) {
    const price = breakevenBtcPrice(inputs, options);
    const fee = options.poolFee ?? 0;
    assertAlmostEquals(0.00045 * (1 - fee) * price, hashcost(inputs, options), 1e-9);
  }
  // By hand: 24 × 21.5 × 0.045 = $23.22 a day ÷ 0.00045 BTC = $51,600.
  assertAlmostEquals(breakevenBtcPrice(inputs), 51_600, 1e-6);
});

Deno.test("invariant: a machine at the breakeven efficiency has zero margin; better ones profit", () => {
  const hashprice = usdPerPhDay(42);
  const powerPriceUsdPerKwh = usdPerKwh(0.055);
  const options = { pue: 1.1, taxUsdPerKwh: usdPerKwh(0.005) };
  const eff = breakevenEfficiency({ hashprice, powerPriceUsdPerKwh }, options);
  assertAlmostEquals(eff, 42 / (24 * 0.06 * 1.1), 1e-12);
  assertAlmostEquals(hashcost({ efficiency: eff, powerPriceUsdPerKwh }, options), 42, 1e-12);
  assert.ok(hashcost({ efficiency: jPerTh(eff - 1), powerPriceUsdPerKwh }, options) < 42);
});

Deno.test("bad inputs name the field and value", () => {
  const ok = { efficiency: jPerTh(17.5), powerPriceUsdPerKwh: usdPerKwh(0.05) };
  assert.throws(
    () => hashcost({ ...ok, efficiency: -17.5 as Efficiency }),
    /efficiency: expected a value > 0, got -17.5/,
  );
  assert.throws(
    () => hashcost({ ...ok, powerPriceUsdPerKwh: NaN as UsdPerKwh }),
    /powerPriceUsdPerKwh: expected a finite number, got NaN/,
  );
  assert.throws(() => hashcost(ok, { pue: 0.9 }), /pue: expected a PUE >= 1, got 0.9/);
  assert.throws(
    () => hashcost(ok, { taxUsdPerKwh: -0.01 as UsdPerKwh }),
    /taxUsdPerKwh: expected a value >= 0, got -0.01/,
  );
  const be = { hashprice: usdPerPhDay(45), efficiency: jPerTh(17.5) };
  assert.throws(
    () => breakevenPowerPrice(be, { poolFee: 1.2 }),
    /poolFee: expected a fraction between 0 and 1, got 1.2/,
  );
  assert.throws(
    () => breakevenPowerPrice(be, { poolFee: 1 }),
    /poolFee: expected a fee in \[0, 1\), got 1/,
  );
  assert.throws(
    () => breakevenPowerPrice({ ...be, hashprice: 0 as UsdPerPhDay }),
    /hashprice: expected a value > 0, got 0/,
  );
  assert.throws(
    () => breakevenBtcPrice({ ...ok, btcHashprice: 0 as BtcPerPhDay }),
    /btcHashprice: expected a value > 0, got 0/,
  );
  assert.throws(
    () => breakevenEfficiency({ hashprice: usdPerPhDay(45), powerPriceUsdPerKwh: usdPerKwh(0) }),
    /powerPriceUsdPerKwh \+ tax: expected a value > 0, got 0/,
  );
});
