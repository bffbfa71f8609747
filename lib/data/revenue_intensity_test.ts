/**
 * F6 revenue intensity. Reference: Core Scientific's June 2024 CoreWeave contracts, "estimated
 * to generate $3.5 billion in revenue" over 12 years on "approximately 200 megawatts" (deal
 * `CORZ-CRWV-2024-06` in `data/inputs/facts/miner_ai_deals.csv`):
 * 3.5e9 ÷ 12 ÷ 200 = 1,458,333.33 USD per MW-year, 121.53 USD per kW-month.
 */
import assert from "node:assert/strict";
import { contractRevenueIntensity, hasRevenueIntensity } from "./revenue_intensity.ts";

Deno.test("contractRevenueIntensity matches the cited Core Scientific–CoreWeave figure", () => {
  const r = contractRevenueIntensity({ contractValueUsd: 3.5e9, termYears: 12, capacityMw: 200 });
  assert.ok(Math.abs(r.usdPerMwYear - 1_458_333.333) < 1e-3);
  assert.ok(Math.abs(r.usdPerKwMonth - 121.528) < 1e-3);
});

Deno.test("contractRevenueIntensity: invariants", () => {
  const base = { contractValueUsd: 1.2e9, termYears: 10, capacityMw: 200 };
  const r = contractRevenueIntensity(base);
  // A kW-month is a thousandth of an MW over a twelfth of a year.
  assert.ok(Math.abs(r.usdPerKwMonth - r.usdPerMwYear / 12_000) < 1e-9 * r.usdPerKwMonth);
  // Twice the value doubles it; twice the term or the capacity halves it.
  const twice = (terms: typeof base) => contractRevenueIntensity(terms).usdPerMwYear;
  assert.equal(twice({ ...base, contractValueUsd: 2.4e9 }), 2 * r.usdPerMwYear);
  assert.equal(twice({ ...base, termYears: 20 }), r.usdPerMwYear / 2);
  assert.equal(twice({ ...base, capacityMw: 400 }), r.usdPerMwYear / 2);
  assert.equal(contractRevenueIntensity({ ...base, contractValueUsd: 0 }).usdPerMwYear, 0);
});

Deno.test("contractRevenueIntensity fails loudly instead of returning NaN or Infinity", () => {
  const base = { contractValueUsd: 1.2e9, termYears: 10, capacityMw: 200 };
  for (
    const bad of [
      { ...base, termYears: 0 },
      { ...base, capacityMw: 0 },
      { ...base, capacityMw: -1 },
      { ...base, contractValueUsd: -1 },
      { ...base, contractValueUsd: NaN },
      { ...base, termYears: Infinity },
    ]
  ) {
    assert.throws(() => contractRevenueIntensity(bad), RangeError, JSON.stringify(bad));
  }
});

Deno.test("hasRevenueIntensity needs a contract with value, term and capacity", () => {
  const row = {
    event_kind: "contract",
    contract_value_usd: 3.5e9,
    term_years: 12,
    capacity_mw: 200,
  } as const;
  assert.equal(hasRevenueIntensity(row), true);
  for (
    const kind of ["acquisition agreement", "acquisition terminated", "groundbreaking"] as const
  ) {
    assert.equal(hasRevenueIntensity({ ...row, event_kind: kind }), false, kind);
  }
  for (const column of ["contract_value_usd", "term_years", "capacity_mw"] as const) {
    assert.equal(hasRevenueIntensity({ ...row, [column]: NaN }), false, column);
  }
});
