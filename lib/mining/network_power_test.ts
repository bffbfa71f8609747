import assert from "node:assert/strict";
import { type Efficiency, jPerTh } from "../units/efficiency.ts";
import { ehs, type Hashrate } from "../units/hashrate.ts";
import { mw } from "../units/power.ts";
import { usdPerKwh, type UsdPerPhDay, usdPerPhDay } from "../units/prices.ts";
import {
  annualEnergyTwh,
  type HardwareModel,
  networkPowerBounds,
  type NetworkPowerInputs,
  powerInGw,
} from "./network_power.ts";

// A hand-made catalogue; efficiencies chosen for easy arithmetic.
const models: HardwareModel[] = [
  { name: "A", efficiency: jPerTh(100), releaseDate: "2014" },
  { name: "B", efficiency: jPerTh(60), releaseDate: "2016-06" },
  { name: "C", efficiency: jPerTh(30), releaseDate: "2019-05-15" },
  { name: "D", efficiency: jPerTh(20), releaseDate: "2022-01" },
  { name: "E", efficiency: jPerTh(15), releaseDate: "2025-01" },
];
const inputs: NetworkPowerInputs = {
  networkHashrate: ehs(500), // 5e8 TH/s
  hashprice: usdPerPhDay(50),
  powerPriceUsdPerKwh: usdPerKwh(0.05),
  models,
  date: "2023-06-01",
};

Deno.test("bounds computed by hand", () => {
  const r = networkPowerBounds(inputs);
  // η* = 50 ÷ (24 × 0.05) = 41.67 J/TH: A and B are unprofitable, E is not out yet.
  assert.ok(Math.abs(r.breakevenEfficiency - 50 / 1.2) < 1e-12);
  assert.deepEqual(r.available, ["A", "B", "C", "D"]);
  assert.deepEqual(r.profitable, ["C", "D"]);
  // Lower: 5e8 TH/s × 20 W per TH/s = 1e10 W = 10 GW on D.
  assert.deepEqual(r.lower, { power: 1e10, efficiency: 20, model: "D" });
  // Upper: × 30 = 15 GW on C.
  assert.deepEqual(r.upper, { power: 1.5e10, efficiency: 30, model: "C" });
  // Best guess: the mean of 30 and 20 = 25 J/TH, 12.5 GW.
  assert.deepEqual(r.bestGuess, { power: 1.25e10, efficiency: 25 });
  assert.equal(powerInGw(r.lower.power), 10);
  // 10 GW for 8,760 h = 87.6 TWh.
  assert.ok(Math.abs(annualEnergyTwh(r.lower.power) - 87.6) < 1e-9);
});

Deno.test("release dates: a model counts from its first day, partial dates included", () => {
  assert.deepEqual(networkPowerBounds({ ...inputs, date: "2021-12-31" }).available, [
    "A",
    "B",
    "C",
  ]);
  assert.deepEqual(networkPowerBounds({ ...inputs, date: "2022-01-01" }).available, [
    "A",
    "B",
    "C",
    "D",
  ]);
  assert.deepEqual(networkPowerBounds({ ...inputs, date: "2019-05-15" }).available, [
    "A",
    "B",
    "C",
  ]);
  const late = networkPowerBounds({ ...inputs, date: "2025-01-01" });
  assert.equal(late.lower.model, "E");
  assert.equal(late.bestGuess?.efficiency, (30 + 20 + 15) / 3);
});

Deno.test("invariants: lower ≤ best guess ≤ upper; dearer power lowers the upper bound", () => {
  let previousUpper = Infinity;
  for (const price of [0.01, 0.02, 0.03, 0.05, 0.08, 0.1]) {
    const r = networkPowerBounds({ ...inputs, powerPriceUsdPerKwh: usdPerKwh(price) });
    assert.ok(r.lower.power <= r.bestGuess!.power && r.bestGuess!.power <= r.upper!.power);
    assert.ok(r.upper!.power <= previousUpper);
    previousUpper = r.upper!.power;
  }
  // At 1¢ every released model is profitable (η* = 208 J/TH).
  assert.deepEqual(
    networkPowerBounds({ ...inputs, powerPriceUsdPerKwh: usdPerKwh(0.01) }).profitable,
    ["A", "B", "C", "D"],
  );
});

Deno.test("PUE multiplies every bound and tightens profitability", () => {
  const plain = networkPowerBounds(inputs);
  const r = networkPowerBounds(inputs, { pue: 1.1 });
  assert.ok(Math.abs(r.lower.power - plain.lower.power * 1.1) < 1e-3);
  assert.ok(Math.abs(r.breakevenEfficiency - plain.breakevenEfficiency / 1.1) < 1e-12);
  // With a tax of 5¢ the breakeven halves to 20.8 J/TH: only D remains.
  const taxed = networkPowerBounds(inputs, { taxUsdPerKwh: usdPerKwh(0.05) });
  assert.deepEqual(taxed.profitable, ["D"]);
});

Deno.test("no released model pays: no upper bound and no best guess, the floor kept", async (t) => {
  await t.step("50¢/kWh: η* = 50 ÷ (24 × 0.5) = 4.17 J/TH, below D's 20 J/TH", () => {
    const r = networkPowerBounds({ ...inputs, powerPriceUsdPerKwh: usdPerKwh(0.5) });
    assert.ok(Math.abs(r.breakevenEfficiency - 50 / 12) < 1e-12);
    assert.deepEqual(r.available, ["A", "B", "C", "D"]);
    assert.deepEqual(r.profitable, []);
    assert.equal(r.upper, undefined);
    assert.equal(r.bestGuess, undefined);
    // The floor does not depend on price: 5e8 TH/s on D at 20 J/TH = 10 GW, as at 5¢.
    assert.deepEqual(r.lower, { power: 1e10, efficiency: 20, model: "D" });
  });
  await t.step("a tax alone can do it: 5¢ + 20¢ tax gives η* = 8.33 J/TH", () => {
    const taxed = networkPowerBounds(inputs, { taxUsdPerKwh: usdPerKwh(0.2) });
    assert.deepEqual(taxed.profitable, []);
    assert.equal(taxed.upper, undefined);
  });
  await t.step("the boundary: a model exactly at η* pays", () => {
    // η* = 50 ÷ (24 × p) = 20 J/TH at p = 50 ÷ 480: D is profitable, alone.
    const r = networkPowerBounds({ ...inputs, powerPriceUsdPerKwh: usdPerKwh(50 / 480) });
    assert.deepEqual(r.profitable, ["D"]);
    assert.deepEqual(r.upper, { power: 1e10, efficiency: 20, model: "D" });
    assert.deepEqual(r.bestGuess, { power: 1e10, efficiency: 20 });
  });
  await t.step("bad input still throws, whether or not a model would pay", () => {
    assert.throws(
      () =>
        networkPowerBounds({ ...inputs, powerPriceUsdPerKwh: usdPerKwh(0.5), date: "2010-01-01" }),
      /expected a model released by 2010-01-01, got none of 5/,
    );
    assert.throws(
      () => networkPowerBounds({ ...inputs, hashprice: NaN as UsdPerPhDay }),
      /hashprice: expected a finite number, got NaN/,
    );
  });
});

Deno.test("helpers convert watts", () => {
  assert.equal(powerInGw(mw(2500)), 2.5);
  assert.ok(Math.abs(annualEnergyTwh(mw(1000)) - 8.76) < 1e-12);
});

Deno.test("bad inputs name the field and value", () => {
  assert.throws(
    () => networkPowerBounds({ ...inputs, networkHashrate: -1 as Hashrate }),
    /networkHashrate: expected a value > 0, got -1/,
  );
  assert.throws(
    () => networkPowerBounds({ ...inputs, powerPriceUsdPerKwh: usdPerKwh(0) }),
    /powerPriceUsdPerKwh \+ tax: expected a value > 0, got 0/,
  );
  assert.throws(
    () => networkPowerBounds({ ...inputs, date: "2023-6-1" }),
    /date: expected a date YYYY-MM-DD, got 2023-6-1/,
  );
  assert.throws(
    () =>
      networkPowerBounds({
        ...inputs,
        models: [{ name: "X", efficiency: jPerTh(20), releaseDate: "June 2020" }],
      }),
    /models\[0\].releaseDate: expected YYYY-MM-DD, YYYY-MM or YYYY, got June 2020/,
  );
  assert.throws(
    () =>
      networkPowerBounds({
        ...inputs,
        models: [{ name: "X", efficiency: NaN as Efficiency, releaseDate: "2020" }],
      }),
    /models\[0\].efficiency: expected a finite number, got NaN/,
  );
  assert.throws(
    () => networkPowerBounds({ ...inputs, date: "2010-01-01" }),
    /expected a model released by 2010-01-01, got none of 5/,
  );
  assert.throws(
    () => networkPowerBounds(inputs, { pue: 0.9 }),
    /pue: expected a PUE >= 1, got 0.9/,
  );
});
