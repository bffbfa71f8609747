import assert from "node:assert/strict";
import { tableSpec } from "../charts/table.ts";
import { jPerTh } from "../units/efficiency.ts";
import { powerTaxStudy } from "./power_tax_study.ts";
import {
  fleetScreenColumns,
  generationBreakevenTable,
  networkPowerTable,
} from "./power_tax_tables.ts";

// Four flat days across the 2024 halving at $36.42/PH/day and 0.000468 BTC/PH/day.
const n = 4;
const days = {
  date: ["2024-04-19", "2024-04-20", "2024-04-21", "2024-04-22"],
  height_end: Array.from({ length: n }, (_, i) => 839_856 + 144 * i),
  price_usd: Array(n).fill(77_800),
  hashprice_usd_per_ph_day: Array(n).fill(36.42),
  hashprice_btc_per_ph_day: Array(n).fill(0.000468),
  hashrate_ths: Array(n).fill(9.86e8),
};
const study = powerTaxStudy({
  days,
  windowDays: 2,
  catalogue: [
    { model: "Antminer S9 (13T)", release: "2016-07", efficiency: jPerTh(100), basis: "stated" },
    { model: "Antminer S21", release: "2023-09", efficiency: jPerTh(17.5), basis: "stated" },
    { model: "Antminer S21 XP", release: "", efficiency: jPerTh(13.5), basis: "stated" },
  ],
  catalogueSource: "the test catalogue",
  generations: ["Antminer S9 (13T)", "Antminer S21", "Antminer S21 XP"],
  benchmarkModel: "Antminer S21",
  fleetAverages: [{ name: "Network average", efficiency: jPerTh(28.2) }],
  scenarioPricesUsdPerKwh: [0.03, 0.05, 0.07],
  gridPricesUsdPerKwh: [0.03, 0.05],
});

Deno.test("generationBreakevenTable: breakevens to a tenth of a cent, cost per BTC compact", () => {
  // S21: 36.42 ÷ 420 = $0.0867; power per BTC at 5¢: 24 × 17.5 × 0.05 ÷ 0.000468 = $44,872,
  // and with the direct tax × 0.097 ÷ 0.05 = $87,051.
  assert.deepEqual(generationBreakevenTable(study).split("\n"), [
    "| Model | Release | J/TH | Breakeven, no tax | With IMF direct $0.047 | " +
    "With IMF, air pollution $0.089 | Power cost per BTC at $0.050/kWh, no tax → with IMF direct |",
    "|---|---|--:|--:|--:|--:|--:|",
    "| Antminer S9 (13T) | 2016-07 | 100.0 | $0.015 | -$0.032 | -$0.074 | $256k → $497k |",
    "| Antminer S21 | 2023-09 | 17.5 | $0.087 | $0.040 | -$0.002 | $44.9k → $87.1k |",
    "| Antminer S21 XP | not stated | 13.5 | $0.112 | $0.065 | $0.023 | $34.6k → $67.2k |",
  ]);
});

Deno.test("networkPowerTable: bounds per price and case, undated models left out", () => {
  const lines = networkPowerTable(study).split("\n");
  assert.equal(lines.length, 2 + 9);
  assert.equal(
    lines[0],
    "| Power price, USD/kWh | Tax | Highest J/TH that pays | Released models that pay | " +
      "Least efficient that pays | Network power, GW (lower–upper) |",
  );
  // 3¢ untaxed: cut-off 36.42 ÷ 0.72 = 50.6 J/TH; only the S21 pays of the two dated models;
  // 986 EH/s × 17.5 W per TH/s = 17.3 GW.
  assert.equal(
    lines[2],
    "| $0.030 | No tax | 50.6 | 1 of 2 | Antminer S21 (17.5 J/TH) | 17.3–17.3 |",
  );
  // 3¢ with air pollution: cut-off 12.8 J/TH; nothing dated pays.
  assert.equal(
    lines[4],
    "| $0.030 | IMF, air pollution $0.089 | 12.8 | 0 of 2 | none | 17.3, no upper bound |",
  );
});

Deno.test("fleetScreenColumns: tableSpec draws the screen with one status column per price", () => {
  const columns = fleetScreenColumns([0.03, 0.05, 0.07]);
  const spec = JSON.stringify(tableSpec(study.fleets.rows, { columns }));
  for (
    const text of ["At $0.070/kWh", "yes, even taxed", "untaxed only", "Network average", "$0.087"]
  ) {
    assert.ok(spec.includes(text), text);
  }
});
