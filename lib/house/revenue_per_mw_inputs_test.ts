import assert from "node:assert/strict";
import { DGX_H100 } from "../compute/gpu_density.ts";
import { loadHouseAssumptions } from "./house_assumptions.ts";
import { revenuePerMwInputRows } from "./revenue_per_mw_input_rows.ts";
import { loadRevenuePerMwInputs, type RevenuePerMwOptions } from "./revenue_per_mw_inputs.ts";

const OPTIONS: RevenuePerMwOptions = {
  startDate: "2020-01-01",
  smoothingDays: 30,
  oldFleet: "Antminer S19",
  gpuUtilisation: 0.8,
  gpuEbitdaMargin: 0.85,
};
const house = await loadHouseAssumptions();

Deno.test("loadRevenuePerMwInputs", async (t) => {
  const inputs = await loadRevenuePerMwInputs(house, OPTIONS);
  const { mining, lease, ai, gpuCloud } = inputs.businesses;

  await t.step("the rows note 02 prints, from data/ as of 2026-06-01", () => {
    assert.equal(inputs.asOf, "2026-06-01");
    assert.equal(mining.hashprice.toFixed(4), "36.4198"); // 30-day mean, data/btc_daily.csv
    assert.deepEqual(inputs.fleets.map((f) => [f.model, f.efficiency.toFixed(1), f.release]), [
      ["Antminer S19", "34.2", "2020-02"], // 3,250 W ÷ 95 TH/s (F2Pool)
      ["Antminer S21", "17.5", "2023-09"],
    ]);
    assert.deepEqual([inputs.asicPrice.value_usd_per_th, inputs.asicPrice.date], [
      17.5,
      "2024-03-11",
    ]); // Bitfarms
    assert.equal(mining.siteUsdPerMw, 430_000); // CleanSpark's Georgia mines
    assert.equal(inputs.rents.deals, 14);
    assert.equal(inputs.leaseTermYears, 13.5);
    assert.equal(ai.buildUsdPerItMw, 9.25e6);
    assert.equal(inputs.buildProjects, 4);
    assert.equal(gpuCloud.gpuUsd, inputs.gpuModel.release_price_usd);
    assert.deepEqual([inputs.contractPrice.value, inputs.contractPrice.date], [2.35, "2026-03-01"]);
    assert.deepEqual([inputs.listPrices.at(-1)!.value, inputs.listPrices.at(-1)!.date], [
      3.32,
      "2026-06-01",
    ]);
    assert.equal(gpuCloud.contract, "IREN–Microsoft");
    assert.equal(mining.nextHalving, "2028-04-18");
  });

  await t.step("the house view's fleet, PUEs and power; the run's options", () => {
    assert.equal(mining.fleet, house.fleet.current.model);
    assert.equal(mining.pue, house.miningPue);
    assert.equal(ai.pue, house.ai.pue);
    assert.equal(inputs.businesses.powerPrice, house.powerPriceUsdPerKwh);
    assert.equal(lease.rent, inputs.rents.medianUsdPerMwYear);
    assert.equal(gpuCloud.system, DGX_H100);
    assert.equal(inputs.history.utilisation, 0.8);
    assert.equal(gpuCloud.ebitdaMargin, 0.85);
    assert.ok(inputs.halvings.every((h) => h.date >= "2020-01-01"));
    assert.deepEqual(inputs.halvings.map((h) => h.date), ["2020-05-11", "2024-04-20"]);
  });

  await t.step("overrides replace the house view's", async () => {
    const run = await loadRevenuePerMwInputs(house, {
      ...OPTIONS,
      newFleet: "Antminer S21 XP",
      miningPue: 1.1,
      aiPue: 1.3,
    });
    assert.equal(run.businesses.mining.fleet, "Antminer S21 XP");
    assert.equal(run.businesses.mining.asicUsdPerTh, 25.7); // its own price, not the S21's
    assert.equal(run.businesses.mining.pue, 1.1);
    assert.equal(run.history.miningPue, 1.1);
    assert.equal(run.businesses.ai.pue, 1.3);
    assert.equal(run.history.aiPue, 1.3);
  });

  await t.step("a fleet the catalogue lacks, or one without a price, is named", async () => {
    await assert.rejects(
      loadRevenuePerMwInputs(house, { ...OPTIONS, newFleet: "Antminer S19 Pro" }),
      /data\/asic_prices\.csv has no price for Antminer S19 Pro/,
    );
    await assert.rejects(
      loadRevenuePerMwInputs(house, { ...OPTIONS, oldFleet: "Antminer S9000" }),
      /data\/asic_models\.csv has no Antminer S9000/,
    );
  });

  await t.step("a smoothing window that is not a whole number of days the data holds", async () => {
    await assert.rejects(
      loadRevenuePerMwInputs(house, { ...OPTIONS, smoothingDays: 0 }),
      /Cannot use smoothingDays: expected a whole number >= 1, got 0/,
    );
    await assert.rejects(
      loadRevenuePerMwInputs(house, { ...OPTIONS, smoothingDays: 7.5 }),
      /Cannot use smoothingDays: expected a whole number >= 1, got 7.5/,
    );
    await assert.rejects(
      loadRevenuePerMwInputs(house, { ...OPTIONS, smoothingDays: 1e6 }),
      /expected at most \d+ days \(the series' length\), got 1000000/,
    );
  });

  await t.step("the inputs table: the note's rows, word for word", () => {
    const rows = revenuePerMwInputRows(inputs).map((r) =>
      `| ${r.input} | ${r.value} | ${r.from} |`
    );
    assert.deepEqual(rows, [
      "| Hashprice, 30-day mean to 2026-06-01 | $36.4 per PH/s per day | data/btc_daily.csv (Coin Metrics) |",
      "| Antminer S19 | 34.2 J/TH (W ÷ TH/s), released 2020-02 | data/asic_models.csv |",
      "| Antminer S21 | 17.5 J/TH (as the source states it), released 2023-09 | data/asic_models.csv |",
      "| Antminer S21 purchase price | $17.5 per TH/s (2024-03-11) | data/asic_prices.csv |",
      "| Bitcoin mine bought | $430k per MW (CleanSpark Georgia bitcoin mines acquisition) | data/capex_per_mw.csv |",
      "| Miners' AI leases | median $1.73M per IT MW-year ($1.24M–$2.16M), 14 comparable contracts, median term 13.5 years | data/miner_ai_deals.csv |",
      "| AI data-centre build cost | median $9.25M per IT MW (4 projects) | data/capex_per_mw.csv |",
      "| GPUs per IT MW | 784 (DGX H100: 8 GPUs, 10.2 kW) | lib |",
      "| H100 price per GPU, server share included | $33.6k | data/gpu_models.csv (Epoch AI) |",
      "| H100 rental, 1-year contract | $2.35 per GPU-hour (2026-03) | data/gpu_rental_prices.csv |",
      "| H100 rental, on-demand list (GIX back-series) | $3.32 per GPU-hour (2026-06) | data/gpu_rental_prices.csv |",
    ]);
  });
});
