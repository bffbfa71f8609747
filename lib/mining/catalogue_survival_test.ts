import assert from "node:assert/strict";
import { asicEfficiency, hasAsicEfficiency } from "../data/asic_efficiency.ts";
import { loadAsicModels, preferredAsicModels } from "../data/asic_models.ts";
import { jPerTh } from "../units/efficiency.ts";
import { ehs } from "../units/hashrate.ts";
import { usdPerKwh, usdPerPhDay } from "../units/prices.ts";
import {
  catalogueCounts,
  modelsNamed,
  networkPowerScenarios,
  payingShares,
  survivalBars,
} from "./catalogue_survival.ts";
import { networkPowerBounds } from "./network_power.ts";
import { imfTaxCases } from "./tax_cases.ts";

const hashprice = usdPerPhDay(36.42);
const cases = imfTaxCases();

async function ratedCatalogue() {
  const models = preferredAsicModels(await loadAsicModels());
  return models.filter(hasAsicEfficiency).map((m) => ({ ...m, ...asicEfficiency(m) }));
}

Deno.test("payingShares on the committed catalogue (data/asic_models.csv)", async (t) => {
  const rated = await ratedCatalogue();
  await t.step("at $36.42/PH/day and 5¢: 18, 10 and 2 of the 104 rated models", () => {
    // Cut-offs 30.35, 15.64 and 10.92 J/TH: HP ÷ (24 × (0.05 + tax)).
    const shares = payingShares({ hashprice, models: rated, powerPriceUsdPerKwh: 0.05, cases });
    assert.equal(rated.length, 104);
    assert.deepEqual(shares.map((s) => Math.round(s * rated.length)), [18, 10, 2]);
  });
  await t.step("shares never rise with the power price or the tax", () => {
    const bars = survivalBars({
      hashprice,
      models: rated,
      powerPricesUsdPerKwh: [0.02, 0.04, 0.06, 0.08, 0.1],
      cases,
    });
    assert.equal(bars.length, 15);
    for (let k = 0; k < 3; k++) {
      const byPrice = bars.filter((b) => b.case === cases[k]!.label).map((b) => b.share);
      byPrice.slice(1).forEach((s, i) => assert.ok(s <= byPrice[i]!, `${cases[k]!.label}`));
    }
    for (let i = 0; i < bars.length; i += 3) {
      assert.ok(bars[i]!.share >= bars[i + 1]!.share && bars[i + 1]!.share >= bars[i + 2]!.share);
    }
    assert.deepEqual(bars.slice(0, 3).map((b) => b.price), ["$0.02", "$0.02", "$0.02"]);
  });
  await t.step("counts: stated-only and undated models", () => {
    const counts = catalogueCounts(rated);
    assert.equal(counts.rated, 104);
    assert.equal(counts.statedOnly, rated.filter((m) => m.basis === "stated").length);
    assert.ok(counts.undated > 0 && counts.undated < counts.rated);
  });
});

Deno.test("networkPowerScenarios: networkPowerBounds per price × case on the dated models", async () => {
  const rated = await ratedCatalogue();
  const inputs = {
    networkHashrate: ehs(986),
    hashprice,
    date: "2026-06-01",
    models: rated,
    powerPricesUsdPerKwh: [0.03, 0.05],
    cases,
  };
  const scenarios = networkPowerScenarios(inputs);
  assert.deepEqual(scenarios.map((s) => [s.price, s.case.label]), [
    [0.03, "No tax"],
    [0.03, "IMF direct $0.047"],
    [0.03, "IMF, air pollution $0.089"],
    [0.05, "No tax"],
    [0.05, "IMF direct $0.047"],
    [0.05, "IMF, air pollution $0.089"],
  ]);
  const undated = rated.filter((m) => m.release === "").map((m) => m.model);
  for (const s of scenarios) {
    assert.ok(s.bounds.available.every((name) => !undated.includes(name)));
  }
  // At 5¢ untaxed the least efficient released model that pays is the S19 Pro (29.5 J/TH), and
  // with the direct tax the Avalon A16 (13.8 J/TH): the rows of note 04's table.
  assert.equal(scenarios[3]!.bounds.upper?.model, "Antminer S19 Pro");
  assert.equal(scenarios[4]!.bounds.upper?.model, "Avalon A16");
  const dated = rated.filter((m) => m.release !== "").map((m) => ({
    name: m.model,
    efficiency: m.efficiency,
    releaseDate: m.release,
  }));
  assert.deepEqual(
    scenarios[4]!.bounds,
    networkPowerBounds({ ...inputs, models: dated, powerPriceUsdPerKwh: usdPerKwh(0.05) }, {
      taxUsdPerKwh: cases[1].tax,
    }),
  );
});

Deno.test("modelsNamed and payingShares: bad input is an error naming what is wrong", () => {
  const catalogue = [{ model: "Antminer S21", release: "2023-09", efficiency: jPerTh(17.5) }];
  assert.deepEqual(modelsNamed(catalogue, ["Antminer S21", "Antminer S21"]).length, 2);
  assert.throws(
    () => modelsNamed(catalogue, ["Antminer S9"], "data/asic_models.csv"),
    /Cannot find "Antminer S9" in data\/asic_models.csv/,
  );
  assert.throws(() => modelsNamed(catalogue, ["x"]), /Cannot find "x" in the catalogue/);
  assert.throws(
    () =>
      payingShares({
        hashprice,
        models: [{ efficiency: jPerTh(17.5) }, { efficiency: NaN as never }],
        powerPriceUsdPerKwh: 0.05,
        cases,
      }),
    /Cannot use models\[1\]\.efficiency: expected a finite number, got NaN/,
  );
  assert.throws(
    () => payingShares({ hashprice, models: catalogue, powerPriceUsdPerKwh: 0, cases: [cases[0]] }),
    /powerPriceUsdPerKwh \+ tax: expected a value > 0, got 0/,
  );
});
