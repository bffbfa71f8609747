import assert from "node:assert/strict";
import { asicEfficiency, hasAsicEfficiency } from "../data/asic_efficiency.ts";
import { loadAsicModels, preferredAsicModels } from "../data/asic_models.ts";
import { loadBtcDaily } from "../data/btc_daily.ts";
import { jPerTh } from "../units/efficiency.ts";
import { usdPerKwh } from "../units/prices.ts";
import { costPerBtc } from "./cost_per_btc.ts";
import { latestMarket } from "./latest_market.ts";
import { marginPerMwDay } from "./margin_grid.ts";
import { powerTaxStudy, type PowerTaxStudyInputs, type RatedModel } from "./power_tax_study.ts";
import { generationBreakevenTable, networkPowerTable } from "./power_tax_tables.ts";
import { taxBreakevens } from "./tax_cases.ts";
import { assertAlmostEquals } from "../testing/assert_almost_equals.ts";

async function noteInputs(): Promise<PowerTaxStudyInputs<RatedModel & { model: string }>> {
  const models = preferredAsicModels(await loadAsicModels());
  const catalogue = models.filter(hasAsicEfficiency).map((m) => ({ ...m, ...asicEfficiency(m) }));
  return {
    days: await loadBtcDaily(),
    windowDays: 30,
    catalogue,
    catalogueSource: "data/asic_models.csv",
    generations: ["Antminer S9 (13T)", "Antminer S19", "Antminer S21", "Antminer S21 XP"],
    benchmarkModel: "Antminer S21",
    fleetAverages: [{ name: "Network average", efficiency: jPerTh(28.2) }],
    scenarioPricesUsdPerKwh: [0.03, 0.05, 0.07],
    gridPricesUsdPerKwh: [0.02, 0.05, 0.08],
  };
}

Deno.test("powerTaxStudy on note 04's data: each figure is the mining model's", async (t) => {
  const inputs = await noteInputs();
  const study = powerTaxStudy(inputs);
  const { hashprice, btcHashprice } = study.market;
  await t.step("the market is the trailing means over the window", () => {
    assert.deepEqual(study.market, latestMarket(inputs.days, 30));
    assert.equal(study.halving.date, "2024-04-20"); // block 840,000
    assert.equal(study.halving.height, 840_000);
  });
  await t.step("generations: S21 breakeven HP ÷ (24 × 17.5), less each tax", () => {
    const s21 = study.generations.rows[2]!;
    assert.equal(s21.fleet, "S21");
    assertAlmostEquals(s21.untaxed, hashprice / (24 * 17.5), 1e-15);
    assertAlmostEquals(s21.untaxed - s21.taxed, 0.047, 1e-15);
    assert.deepEqual(study.benchmark.breakevens, s21.breakevens);
  });
  await t.step("power cost per BTC at the middle price, untaxed and taxed", () => {
    const s19 = study.generations.rows[1]!.machine;
    const cost = (tax: number) =>
      costPerBtc(
        { btcHashprice, efficiency: s19.efficiency, powerPriceUsdPerKwh: usdPerKwh(0.05) },
        {
          taxUsdPerKwh: usdPerKwh(tax),
        },
      ).powerCostUsd;
    assert.deepEqual(study.powerCostPerBtc[1], { untaxed: cost(0), taxed: cost(0.047) });
    // Power cost per BTC scales with (p + tax): 0.097 ÷ 0.05.
    assertAlmostEquals(study.powerCostPerBtc[1]!.taxed / study.powerCostPerBtc[1]!.untaxed, 1.94);
  });
  await t.step("the direct tax per MW: $411,720 a year, $1,128 a day (F10)", () => {
    assertAlmostEquals(study.taxPerMwYear[1]!, 411_720, 1e-9);
    assertAlmostEquals(study.directTaxPerMwDay, 1128, 1e-12);
    assert.equal(study.taxPerMwYear[0], 0);
  });
  await t.step("benchmark margins at the low price, and the grid's shape", () => {
    const at = { hashprice, efficiency: jPerTh(17.5), powerPriceUsdPerKwh: usdPerKwh(0.03) };
    assert.equal(study.benchmark.marginAtLowPrice.untaxed, marginPerMwDay(at));
    assertAlmostEquals(
      study.benchmark.marginAtLowPrice.untaxed - study.benchmark.marginAtLowPrice.taxed,
      1128,
      1e-9,
    );
    assert.equal(study.benchmark.grid.cells.length, 6 * 3); // 5 percentiles and the latest mean
  });
  await t.step("fleets: the generations, then the averages", () => {
    assert.deepEqual(study.fleets.rows.map((r) => r.fleet), [
      "S9 (13T)",
      "S19",
      "S21",
      "S21 XP",
      "Network average",
    ]);
    assert.deepEqual(
      study.averageBreakevens[0],
      taxBreakevens({ hashprice, efficiency: jPerTh(28.2), cases: study.cases }),
    );
  });
  await t.step("tables: one line per generation and per price × case", () => {
    assert.equal(generationBreakevenTable(study).split("\n").length, 2 + 4);
    assert.equal(networkPowerTable(study).split("\n").length, 2 + 3 * 3);
  });
});

Deno.test("powerTaxStudy: bad inputs are errors naming the model or the series", async () => {
  const inputs = await noteInputs();
  assert.throws(
    () => powerTaxStudy({ ...inputs, generations: ["Antminer S19", "Antminer S99"] }),
    /Cannot find "Antminer S99" in data\/asic_models.csv/,
  );
  const n = 3;
  const beforeAnyHalving = {
    date: ["2010-01-01", "2010-01-02", "2010-01-03"],
    height_end: [100, 200, 300],
    price_usd: Array(n).fill(0.01),
    hashprice_usd_per_ph_day: Array(n).fill(1e6),
    hashprice_btc_per_ph_day: Array(n).fill(1e8),
    hashrate_ths: Array(n).fill(1e-3),
  };
  assert.throws(
    () => powerTaxStudy({ ...inputs, days: beforeAnyHalving, windowDays: 2 }),
    /Cannot run the study: the series holds no halving to read levels from/,
  );
});
