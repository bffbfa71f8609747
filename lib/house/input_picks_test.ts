import assert from "node:assert/strict";
import type { GpuRentalPriceRow } from "../data/gpu_rental_prices.ts";
import { loadAsicModels } from "../data/asic_models.ts";
import { asicFleet, newestGpuPricePoint } from "./input_picks.ts";

const price = (gpu: string, date: string, statistic: string, value: number) =>
  ({ gpu, date, statistic, value }) as GpuRentalPriceRow;

Deno.test("newestGpuPricePoint: dated points of that GPU only, the later row on a tie", () => {
  const rows = [
    price("H100", "2026-03-01", "point", 2.35),
    price("H100", "", "point", 9), // undated: "before mid-2025"
    price("H100", "2026-05-01", "to", 2.65), // one end of a move, not a point
    price("H200", "2026-06-01", "point", 3.5),
    price("H100", "2026-03-01", "point", 2.4),
    price("H100", "2025-11-01", "point", 2.1),
  ];
  assert.equal(newestGpuPricePoint(rows, "H100").value, 2.4);
  assert.equal(newestGpuPricePoint(rows, "H200").value, 3.5);
  assert.throws(
    () => newestGpuPricePoint(rows.slice(1, 3), "H100"),
    /data\/gpu_rental_prices\.csv has no dated H100 price point/,
  );
});

Deno.test("asicFleet: J/TH at the wall, computed where the catalogue gives watts", async () => {
  const s19 = asicFleet(await loadAsicModels(), "Antminer S19");
  assert.equal(s19.basis, "computed");
  assert.equal(s19.efficiency, 3250 / 95); // F2Pool: 95 TH/s at 3,250 W
});
