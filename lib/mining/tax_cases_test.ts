import assert from "node:assert/strict";
import { type Efficiency, jPerTh } from "../units/efficiency.ts";
import { type UsdPerKwh, usdPerKwh, usdPerPhDay } from "../units/prices.ts";
import { breakevenPowerPrice } from "./hashcost.ts";
import { IMF_MINING_TAX } from "./imf_tax.ts";
import { imfTaxCases, taxBreakevens, taxShareOfRevenue } from "./tax_cases.ts";
import { assertAlmostEquals } from "../testing/assert_almost_equals.ts";

const hashprice = usdPerPhDay(36.42);
const s21 = jPerTh(17.5);

Deno.test("imfTaxCases: no tax first, then the IMF's two rates [S69]", () => {
  const [none, direct, air] = imfTaxCases();
  assert.deepEqual(none, { label: "No tax", tax: 0 });
  assert.equal(direct.tax, IMF_MINING_TAX.direct);
  assert.equal(air.tax, IMF_MINING_TAX.withAirPollution);
  assert.equal(air.label, "IMF, air pollution $0.089");
});

Deno.test("taxBreakevens: each tax lowers the breakeven by exactly its amount (F3)", async (t) => {
  const [untaxed, direct, air] = taxBreakevens({
    hashprice,
    efficiency: s21,
    cases: imfTaxCases(),
  });
  await t.step("untaxed: HP ÷ (24 × η)", () => {
    assertAlmostEquals(untaxed!, 36.42 / (24 * 17.5), 1e-15);
  });
  await t.step("taxed: the untaxed breakeven less the tax", () => {
    assertAlmostEquals(untaxed! - direct!, 0.047, 1e-15);
    assertAlmostEquals(untaxed! - air!, 0.089, 1e-15);
    assert.ok(air! < 0, "the air-pollution rate exceeds an S21's revenue per kWh at $36.42");
  });
  await t.step("PUE and pool fee apply to every case; a tax option is replaced", () => {
    const options = { pue: 1.1, poolFee: 0.02, taxUsdPerKwh: usdPerKwh(1) };
    const got = taxBreakevens({ hashprice, efficiency: s21, cases: imfTaxCases() }, options);
    const want = imfTaxCases().map(({ tax }) =>
      breakevenPowerPrice({ hashprice, efficiency: s21 }, { ...options, taxUsdPerKwh: tax })
    );
    assert.deepEqual(got, want);
  });
  await t.step("bad inputs name the field", () => {
    assert.throws(
      () => taxBreakevens({ hashprice, efficiency: NaN as Efficiency, cases: imfTaxCases() }),
      /Cannot use efficiency: expected a finite number, got NaN/,
    );
    assert.throws(
      () => taxBreakevens({ hashprice, efficiency: s21, cases: [] }),
      /Cannot use cases: expected at least one tax case, got 0/,
    );
    assert.throws(
      () =>
        taxBreakevens({
          hashprice,
          efficiency: s21,
          cases: [{ label: "x", tax: -1 as UsdPerKwh }],
        }),
      /taxUsdPerKwh: expected a value >= 0, got -1/,
    );
  });
});

Deno.test("taxShareOfRevenue: the tax per MW-year over the MW's mining revenue (F4, F10)", () => {
  const direct = taxShareOfRevenue({ hashprice, efficiency: s21, tax: IMF_MINING_TAX.direct });
  // 0.047 × 8,760 MWh × 1,000 = $411,720; 36.42 × (1,000 ÷ 17.5) PH × 365 = $759,617
  assertAlmostEquals(direct.taxPerMwYear, 411_720, 1e-6);
  assertAlmostEquals(direct.revenuePerMwYear, (36.42 * 1000 / 17.5) * 365, 1e-9);
  assertAlmostEquals(direct.share, 411_720 / ((36.42 * 1000 / 17.5) * 365), 1e-12);
  const air = taxShareOfRevenue({
    hashprice,
    efficiency: s21,
    tax: IMF_MINING_TAX.withAirPollution,
  });
  assert.ok(air.share > 1, `the air-pollution rate takes more than revenue: ${air.share}`);
  assert.equal(taxShareOfRevenue({ hashprice, efficiency: s21, tax: usdPerKwh(0) }).share, 0);
});
