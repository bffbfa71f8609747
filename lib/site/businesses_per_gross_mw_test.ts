import assert from "node:assert/strict";
import { DGX_H100 } from "../compute/gpu_density.ts";
import { assertAlmostEquals } from "../testing/assert_almost_equals.ts";
import { jPerTh, usdPerKwh, usdPerMwYear, usdPerPhDay } from "../units/mod.ts";
import {
  businessesPerGrossMw,
  type BusinessesPerGrossMwInputs,
} from "./businesses_per_gross_mw.ts";

// The inputs note 02 used on 2026-06-01: the 30-day hashprice, the Antminer S21 (17.5 J/TH,
// $17.5/TH, data/asic_prices.csv), the CleanSpark mines ($430k/MW, data/capex_per_mw.csv), the
// median comparable lease ($1.73M per IT MW-year over 13.5 years, data/miner_ai_deals.csv), the
// median AI build cost ($9.25M per IT MW), the H100 at $33.6k (Epoch AI) rented at $2.35 (the
// newest dated contract point), IREN–Microsoft's five years; PUEs and power from the house view.
const NOTE_02: BusinessesPerGrossMwInputs = {
  asOf: "2026-06-01",
  powerPrice: usdPerKwh(0.04),
  mining: {
    fleet: "Antminer S21",
    hashprice: usdPerPhDay(36.4198),
    efficiency: jPerTh(17.5),
    pue: 1.2,
    asicUsdPerTh: 17.5,
    siteUsdPerMw: 430_000,
    nextHalving: "2028-04-18",
  },
  lease: { rent: usdPerMwYear(1.73e6), termYears: 13.5 },
  ai: { pue: 1.18, buildUsdPerItMw: 9.25e6 },
  gpuCloud: {
    gpu: "H100",
    system: DGX_H100,
    gpuUsd: 33_600,
    priceUsdPerGpuHour: 2.35,
    utilisation: 0.8,
    ebitdaMargin: 0.85,
    contractYears: 5,
    contract: "IREN–Microsoft",
  },
};

Deno.test("businessesPerGrossMw", async (t) => {
  const b = businessesPerGrossMw(NOTE_02);

  await t.step("mining: F4 revenue, F5 margin after power, ASICs over PUE plus a mine", () => {
    // 1e3 ÷ 17.5 PH/s per miner MW × $36.42 × 365, over PUE 1.2
    const perMinerMw = 36.4198 * (1e3 / 17.5) * 365;
    assertAlmostEquals(b.mining.revenuePerLoadMw, perMinerMw);
    assertAlmostEquals(b.mining.revenue, perMinerMw / 1.2);
    // power: 8,760 MWh × $40/MWh × PUE 1.2 per miner MW
    assertAlmostEquals(b.mining.margin, (perMinerMw - 8760 * 40 * 1.2) / 1.2);
    // 57,143 TH/s per miner MW × $17.5 = $1.0M of ASICs per miner MW
    assertAlmostEquals(b.mining.capex, 1e6 / 1.2 + 430_000);
    assert.equal(b.mining.business, "Self-mining (S21)");
    assert.equal(b.mining.capexBuys, "ASICs + mining site");
  });

  await t.step(
    "near the note's printed figures: $633k, $1.47M ($1.46M at the unrounded rent), $10.9M",
    () => {
      assert.equal(Math.round(b.mining.revenue / 1e3), 633);
      assert.equal((b.lease.revenue / 1e6).toFixed(2), "1.47");
      assert.equal((b.gpuCloud.revenue / 1e6).toFixed(1), "10.9");
      assert.equal(b.gpuCloud.paybackYears.toFixed(1), "3.2");
    },
  );

  await t.step("lease: flat rent, 85% NOI (modified gross), building over the AI PUE", () => {
    assertAlmostEquals(b.lease.revenuePerLoadMw, 1.73e6);
    assertAlmostEquals(b.lease.margin, 1.73e6 * 0.85 / 1.18);
    assertAlmostEquals(b.lease.capex, 9.25e6 / 1.18);
    assertAlmostEquals(b.lease.marginShare, 0.85);
    assert.equal(b.lease.clockYears, 13.5);
    assert.equal(b.lease.clock, "median lease 13.5 years");
  });

  await t.step("GPU cloud: F8 revenue, EBITDA margin, GPUs plus the building", () => {
    const gpus = 1000 / 1.275; // DGX H100: 10.2 kW for 8 GPUs
    assertAlmostEquals(b.gpusPerItMw, gpus);
    assertAlmostEquals(b.gpuCloud.revenuePerLoadMw, gpus * 2.35 * 8760 * 0.8);
    assertAlmostEquals(b.gpuCloud.margin, b.gpuCloud.revenue * 0.85);
    assertAlmostEquals(b.gpuCloud.capex, (gpus * 33_600 + 9.25e6) / 1.18);
    assert.equal(b.gpuCloud.clock, "GPU contract 5 years (IREN–Microsoft)");
  });

  await t.step("invariants: payback is 1 ÷ yield, clocks count days from asOf", () => {
    for (const r of b.rows) {
      assertAlmostEquals(r.yield, r.margin / r.capex);
      assertAlmostEquals(r.paybackYears * r.yield, 1);
    }
    // 2026-06-01 to 2028-04-18: 687 days
    assertAlmostEquals(b.mining.clockYears, 687 / 365);
    assert.deepEqual(b.rows.map((r) => r.kind), ["mining", "lease", "gpu cloud"]);
  });

  await t.step("GPU-hour: depreciation over contract and lease, power on every hour", () => {
    const gpus = 1000 / 1.275;
    const depreciation = 33_600 / 5 + 9.25e6 / gpus / 13.5;
    const power = 1.275 * 1.18 * 8760 * 0.04;
    assertAlmostEquals(b.gpuHour.costUsd, (depreciation + power) / 8760);
    assertAlmostEquals(b.gpuHour.depreciationShare, depreciation / (depreciation + power));
    assertAlmostEquals(b.gpuHour.breakevenUtilisation, b.gpuHour.costUsd / 2.35);
    assert.equal(b.gpuHour.costUsd.toFixed(2), "0.93"); // as the note prints it
  });

  await t.step("a dearer GPU-hour raises revenue and shortens the GPU payback", () => {
    const dearer = businessesPerGrossMw({
      ...NOTE_02,
      gpuCloud: { ...NOTE_02.gpuCloud, priceUsdPerGpuHour: 3 },
    });
    assert.ok(dearer.gpuCloud.revenue > b.gpuCloud.revenue);
    assert.ok(dearer.gpuCloud.paybackYears < b.gpuCloud.paybackYears);
    assert.equal(dearer.mining.revenue, b.mining.revenue);
  });

  await t.step("bad inputs name the field and the value", () => {
    const with_ = (patch: Partial<BusinessesPerGrossMwInputs>) => () =>
      businessesPerGrossMw({ ...NOTE_02, ...patch });
    assert.throws(
      with_({ asOf: "2026-13-01" }),
      /asOf: expected a YYYY-MM-DD date, got "2026-13-01"/,
    );
    assert.throws(
      with_({ ai: { pue: 0.9, buildUsdPerItMw: 9.25e6 } }),
      /ai\.pue/,
    );
    assert.throws(
      with_({ ai: { pue: 1.18, buildUsdPerItMw: 0 } }),
      /Cannot use ai\.buildUsdPerItMw: expected a value > 0, got 0/,
    );
    assert.throws(
      with_({ gpuCloud: { ...NOTE_02.gpuCloud, ebitdaMargin: 1.5 } }),
      /gpuCloud\.ebitdaMargin/,
    );
    assert.throws(
      with_({ mining: { ...NOTE_02.mining, asicUsdPerTh: -1 } }),
      /Cannot use mining\.asicUsdPerTh: expected a value > 0, got -1/,
    );
    assert.throws(with_({ lease: { rent: usdPerMwYear(1.73e6), termYears: NaN } }), /termYears/);
  });
});
