import assert from "node:assert/strict";
import { type Efficiency, jPerTh } from "../units/efficiency.ts";
import { usdPerKwh, usdPerPhDay } from "../units/prices.ts";
import { IMF_MINING_TAX, taxPerMwYear } from "./imf_tax.ts";
import { miningPerMw } from "./mining_per_mw.ts";
import { assertAlmostEquals } from "../testing/assert_almost_equals.ts";

const S21 = jPerTh(17.5); // Antminer S21, 17.5 J/TH [S60]

Deno.test("S21 at HP $38–50 earns $0.8–1.0M per miner MW-year (F4)", () => {
  for (const [hp, expected] of [[38, "0.8"], [50, "1.0"]] as const) {
    const r = miningPerMw({
      hashprice: usdPerPhDay(hp),
      efficiency: S21,
      powerPriceUsdPerKwh: usdPerKwh(0.03),
    });
    // Independent computation of F4: HP × (1e6 ÷ 17.5 ÷ 1000 PH/s) × 365 days.
    const revenue = hp * (1e6 / 17.5 / 1000) * 365;
    assertAlmostEquals(r.revenuePerMinerMwYear, revenue, 1e-6);
    assert.equal((r.revenuePerMinerMwYear / 1e6).toFixed(1), expected);
  }
  // The same range to two places: ~$0.80–1.04M.
  assert.equal((38 * (1e6 / 17.5 / 1000) * 365 / 1e6).toFixed(2), "0.79");
  assert.equal((50 * (1e6 / 17.5 / 1000) * 365 / 1e6).toFixed(2), "1.04");
});

Deno.test("a power cost of $0.26–0.35M per MW-year implies 3.0–4.0¢/kWh at PUE 1 (F5)", () => {
  // 8,760 MWh × p: $0.26M ⇔ p = 2.97¢, $0.35M ⇔ p = 4.00¢ — the range of Riot's 2024 3.4¢
  // [S66] and Core Scientific's 2024 ~4.0¢ [S13].
  for (const [cents, expected] of [[0.03, "0.26"], [0.04, "0.35"]] as const) {
    const r = miningPerMw({
      hashprice: usdPerPhDay(45),
      efficiency: S21,
      powerPriceUsdPerKwh: usdPerKwh(cents),
    });
    assertAlmostEquals(r.powerCostPerMinerMwYear, 8760 * 1000 * cents, 1e-6);
    assert.equal((r.powerCostPerMinerMwYear / 1e6).toFixed(2), expected);
  }
});

Deno.test("PUE: power cost per miner MW scales by PUE; per gross MW divides by it (F4, F5)", () => {
  const inputs = {
    hashprice: usdPerPhDay(45),
    efficiency: S21,
    powerPriceUsdPerKwh: usdPerKwh(0.04),
  };
  const plain = miningPerMw(inputs);
  const r = miningPerMw(inputs, { pue: 1.2 });
  assertAlmostEquals(r.revenuePerMinerMwYear, plain.revenuePerMinerMwYear, 1e-9);
  assertAlmostEquals(r.powerCostPerMinerMwYear, plain.powerCostPerMinerMwYear * 1.2, 1e-6);
  assertAlmostEquals(r.revenuePerGrossMwYear, plain.revenuePerMinerMwYear / 1.2, 1e-6);
  assertAlmostEquals(r.grossMarginPerGrossMwYear, r.grossMarginPerMinerMwYear / 1.2, 1e-6);
  assertAlmostEquals(
    r.grossMarginPerMinerMwYear,
    r.revenuePerMinerMwYear - r.powerCostPerMinerMwYear,
    1e-6,
  );
});

Deno.test("the IMF's $0.089 rate [S69] would take ~75–100% of S21 revenue at HP $38–50", () => {
  for (const [hp, share] of [[50, 0.75], [38, 0.985]] as const) {
    const inputs = {
      hashprice: usdPerPhDay(hp),
      efficiency: S21,
      powerPriceUsdPerKwh: usdPerKwh(0.03),
    };
    const untaxed = miningPerMw(inputs);
    const taxed = miningPerMw(inputs, { taxUsdPerKwh: IMF_MINING_TAX.withAirPollution });
    const tax = taxed.powerCostPerMinerMwYear - untaxed.powerCostPerMinerMwYear;
    assertAlmostEquals(tax, taxPerMwYear(IMF_MINING_TAX.withAirPollution), 1e-6);
    assertAlmostEquals(tax / untaxed.revenuePerMinerMwYear, share, 0.01, `HP ${hp}`);
  }
});

Deno.test("bad inputs name the field and value", () => {
  const ok = { hashprice: usdPerPhDay(45), efficiency: S21, powerPriceUsdPerKwh: usdPerKwh(0.04) };
  assert.throws(
    () => miningPerMw({ ...ok, efficiency: 0 as Efficiency }),
    /efficiency: expected a value > 0, got 0/,
  );
  assert.throws(() => miningPerMw(ok, { pue: 0.9 }), /pue: expected a PUE >= 1, got 0.9/);
  assert.throws(() => miningPerMw(ok, { pue: NaN }), /pue: expected a finite number, got NaN/);
});
