import assert from "node:assert/strict";
import {
  breakevenUtilisation,
  colocationLease,
  contractIntensity,
  DEFAULT_NOI_MARGIN,
  DGX_H100,
  firstYearRentFor,
  gpuCloudRevenue,
  gpuOwnerCost,
  gpusPerItMw,
  type LeaseStructure,
  yieldOnCost,
} from "./mod.ts";
import { itMw, kw } from "../units/power.ts";
import { usdPerKwh, usdPerMwYear } from "../units/prices.ts";

Deno.test("GPU cloud revenue per IT MW of DGX H100s: $11.0M, $12.9M, $44.0M (F8 by hand)", () => {
  const gpus = gpusPerItMw(DGX_H100);
  const at = (price: number, utilisation: number) =>
    gpuCloudRevenue({ gpusPerItMw: gpus, priceUsdPerGpuHour: price, utilisation }) / 1e6;
  // 784 × $/h × 8,760 × 80% at $2.00, $2.35 (Mar 2026 [S45]) and $8 (the 2023 peak [S46]).
  assert.equal(at(2, 0.8).toFixed(1), "11.0");
  assert.equal(at(2.35, 0.8).toFixed(1), "12.9");
  assert.equal(at(8, 0.8).toFixed(1), "44.0");
});

Deno.test("at the breakeven utilisation, revenue equals the owner's cost", () => {
  const cost = gpuOwnerCost({
    capexPerGpuUsd: 30_000,
    facilityCapexPerGpuUsd: 15e6 / 784, // ~$15M/MW data centre: IREN's $3B for 200 MW [S9]
    gpuLifeYears: 5,
    facilityLifeYears: 20,
    powerPerGpu: kw(1.275),
    powerPrice: usdPerKwh(0.04),
    pue: 1.2,
    otherOpexPerGpuYearUsd: 1000,
  });
  const u = breakevenUtilisation({
    costPerGpuHourUsd: cost.costPerGpuHourUsd,
    priceUsdPerGpuHour: 2,
  });
  const revenuePerGpuYear = 2 * 8760 * u;
  assert.ok(Math.abs(revenuePerGpuYear - cost.totalPerYearUsd) < 1e-6);
  assert.equal(cost.totalPerYearUsd, cost.depreciationPerYearUsd + cost.powerPerYearUsd + 1000);
});

Deno.test("a lease built from firstYearRentFor reproduces the disclosed contract value", () => {
  for (const escalator of [0, 0.02, 0.03]) {
    const inputs = { contractValueUsd: 7.0e9, termYears: 15, itPower: itMw(245) };
    const rent = firstYearRentFor(inputs, { escalator });
    const lease = colocationLease({ itPower: itMw(245), firstYearRent: rent, termYears: 15 }, {
      escalator,
      structure: "triple net",
    });
    assert.ok(Math.abs(lease.contractValueUsd / 7.0e9 - 1) < 1e-12, `escalator ${escalator}`);
    // The mean rent equals F6 on the contract whatever the escalator.
    const f6 = contractIntensity(inputs);
    assert.ok(Math.abs(lease.averageRent / f6.perMwYear - 1) < 1e-12);
  }
});

Deno.test("Hut 8 River Bend: NNN NOI of ~$1.85M per MW-year [S21]", () => {
  const lease = colocationLease(
    { itPower: itMw(245), firstYearRent: usdPerMwYear(7e9 / 15 / 245), termYears: 15 },
    { structure: "triple net" },
  );
  assert.equal((lease.averageNoiPerMwYear / 1e6).toFixed(3), "1.853"); // $454M ÷ 245 MW
  assert.ok(DEFAULT_NOI_MARGIN["triple net"] > DEFAULT_NOI_MARGIN["modified gross"]);
  // Cipher Fluidstack: NOI at 82.5% (80–85% stated) of $3B ÷ 10 yr ÷ 168 MW on $10M/MW ≈ 14.7%
  // [S26]
  const cipher = yieldOnCost({ noiPerMwYearUsd: 0.825 * 3e9 / 10 / 168, capexPerMwUsd: 10e6 });
  assert.equal(cipher.yield.toFixed(3), "0.147");
});

Deno.test("bad inputs are rejected with the field and value", () => {
  const lease = { itPower: itMw(100), firstYearRent: usdPerMwYear(1.5e6), termYears: 10 };
  assert.throws(
    () => colocationLease({ ...lease, termYears: 0 }),
    /termYears: expected a whole number >= 1, got 0/,
  );
  assert.throws(
    () => colocationLease(lease, { noiMargin: 1.1 }),
    /noiMargin: expected a fraction between 0 and 1, got 1.1/,
  );
  assert.throws(
    () => colocationLease(lease, { escalator: -0.01 }),
    /escalator: expected a value >= 0, got -0.01/,
  );
  // An unknown structure (e.g. from a notebook parameter) is a RangeError listing the valid ones.
  assert.throws(
    () => colocationLease(lease, { structure: "gross" as LeaseStructure }),
    /expected one of modified gross, triple net, got gross/,
  );
  assert.throws(
    () => colocationLease({ ...lease, itPower: itMw(0) }),
    /itPower: expected a value > 0, got 0/,
  );
  assert.throws(
    () => gpuCloudRevenue({ gpusPerItMw: 784, priceUsdPerGpuHour: NaN, utilisation: 0.8 }),
    /priceUsdPerGpuHour: expected a finite number, got NaN/,
  );
  assert.throws(
    () => breakevenUtilisation({ costPerGpuHourUsd: 1, priceUsdPerGpuHour: 0 }),
    /priceUsdPerGpuHour: expected a value > 0, got 0/,
  );
  assert.throws(
    () =>
      gpuOwnerCost({
        capexPerGpuUsd: 1,
        facilityCapexPerGpuUsd: 0,
        gpuLifeYears: 5,
        facilityLifeYears: 20,
        powerPerGpu: kw(1),
        powerPrice: usdPerKwh(0.05),
        pue: 0.95,
        otherOpexPerGpuYearUsd: 0,
      }),
    /pue: expected a PUE >= 1, got 0.95/,
  );
});
