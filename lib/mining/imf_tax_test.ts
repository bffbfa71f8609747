import assert from "node:assert/strict";
import { jPerTh } from "../units/efficiency.ts";
import { type UsdPerKwh, usdPerKwh } from "../units/prices.ts";
import { hashcost } from "./hashcost.ts";
import { IMF_MINING_TAX, taxPerMwYear } from "./imf_tax.ts";

Deno.test("the IMF's rates as quoted in [S69]", () => {
  assert.equal(IMF_MINING_TAX.direct, 0.047);
  assert.equal(IMF_MINING_TAX.withAirPollution, 0.089);
});

Deno.test("F10: $0.047/kWh is $0.41M and $0.089 is $0.78M per MW-year (8,760,000 kWh)", () => {
  assert.ok(Math.abs(taxPerMwYear(IMF_MINING_TAX.direct) - 411_720) < 1e-6);
  assert.ok(Math.abs(taxPerMwYear(IMF_MINING_TAX.withAirPollution) - 779_640) < 1e-6);
  assert.equal((taxPerMwYear(IMF_MINING_TAX.direct) / 1e6).toFixed(2), "0.41");
  assert.equal((taxPerMwYear(IMF_MINING_TAX.withAirPollution) / 1e6).toFixed(2), "0.78");
});

Deno.test("an 85% rise from $0.089 [S69] implies a ≈$0.105/kWh baseline; the tax option reproduces it", () => {
  const baseline = usdPerKwh(0.089 / 0.85);
  assert.equal(baseline.toFixed(3), "0.105");
  const inputs = { efficiency: jPerTh(17.5), powerPriceUsdPerKwh: baseline };
  const ratio = hashcost(inputs, { taxUsdPerKwh: IMF_MINING_TAX.withAirPollution }) /
    hashcost(inputs);
  assert.ok(Math.abs(ratio - 1.85) < 1e-12);
});

Deno.test("bad input names the field and value", () => {
  assert.throws(
    () => taxPerMwYear(-0.01 as UsdPerKwh),
    /taxUsdPerKwh: expected a value >= 0, got -0.01/,
  );
  assert.throws(
    () => taxPerMwYear(NaN as UsdPerKwh),
    /taxUsdPerKwh: expected a finite number, got NaN/,
  );
});
