import assert from "node:assert/strict";
import { loadMinerAiDeals } from "../data/miner_ai_deals.ts";
import { dealIntensities, dealIntensitySummary } from "./deal_analytics.ts";

const deals = await loadMinerAiDeals();

Deno.test("comparable leases: critical-IT contracts, GPU cloud and unclear bases left out", () => {
  const ids = dealIntensities(deals).map((d) => d.dealId);
  assert.ok(ids.includes("HUT-FLUIDSTACK-2025-12"));
  assert.ok(!ids.includes("IREN-MSFT-2025-11"), "GPU cloud: its value includes the GPUs");
  assert.ok(!ids.includes("CIFR-AWS-2025-11"), "300 MW, IT or gross not stated [S27]");
  const withAll = dealIntensities(deals, {
    bases: ["critical IT", "unspecified"],
    includeGpuCloud: true,
  });
  assert.ok(
    withAll.some((d) => d.dealId === "IREN-MSFT-2025-11" && Math.abs(d.usdPerMwYear - 9.7e6) < 1),
  );
});

Deno.test("rents match F6 on each contract's stated value, term and MW", () => {
  const byId = new Map(dealIntensities(deals).map((d) => [d.dealId, d]));
  const million = (id: string) => (byId.get(id)!.usdPerMwYear / 1e6).toFixed(3);
  assert.equal(million("CORZ-CRWV-2024-06"), "1.458"); // 3.5B / 12 / 200
  assert.equal(million("HUT-FLUIDSTACK-2025-12"), "1.905"); // 7B / 15 / 245
  assert.equal(million("CIFR-FLUIDSTACK-2025-09"), "1.786"); // 3B / 10 / 168
  assert.equal(million("WULF-FLUIDSTACK-2025-08"), "1.850"); // 3.7B / 10 / ">200"
  assert.equal(byId.get("WULF-FLUIDSTACK-2025-08")!.bound, "upper");
});

Deno.test("the summary weights rents by MW-years and spans the deals", () => {
  const comparable = dealIntensities(deals);
  const s = dealIntensitySummary(comparable);
  const value = comparable.reduce((a, d) => a + d.contractValueUsd, 0);
  const mwYears = comparable.reduce((a, d) => a + d.termYears * d.capacityMw, 0);
  assert.equal(s.weightedUsdPerMwYear, value / mwYears);
  assert.ok(s.minUsdPerMwYear <= s.medianUsdPerMwYear && s.medianUsdPerMwYear <= s.maxUsdPerMwYear);
  // Miner hyperscale leases: $120–160/kW-month (F6), below CBRE's $184.06 H2 2024 asking rate
  // [S77].
  assert.ok(s.medianUsdPerKwMonth > 120 && s.medianUsdPerKwMonth < 184.06);
  assert.throws(() => dealIntensitySummary([]), /expected at least one, got 0/);
});

Deno.test("undated deals sort last", () => {
  const dates = dealIntensities(deals).map((d) => d.announcementDate);
  const firstUndated = dates.indexOf("");
  assert.ok(firstUndated === -1 || dates.slice(firstUndated).every((d) => d === ""));
});
