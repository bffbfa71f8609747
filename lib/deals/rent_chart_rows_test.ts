import assert from "node:assert/strict";
import { loadMinerAiDeals } from "../data/miner_ai_deals.ts";
import { dealIntensities } from "./deal_analytics.ts";
import { rentChartRows } from "./rent_chart_rows.ts";

const deals = await loadMinerAiDeals();

Deno.test("rent bars: one per lease, critical IT first, in USD millions", () => {
  const leases = dealIntensities(deals, { bases: ["critical IT", "gross", "unspecified"] });
  const rows = rentChartRows(leases);
  assert.equal(rows.length, leases.length);
  const firstOther = rows.findIndex((r) => r.basis !== "Critical IT MW");
  assert.ok(rows.slice(firstOther).every((r) => r.basis !== "Critical IT MW"));
  assert.ok(rows.some((r) => r.basis === "MW basis not stated"));
  const hut = rows.find((r) => r.deal === "HUT / Fluidstack (2025-12)")!;
  assert.equal(hut.rentM.toFixed(3), "1.905"); // $7B / 15 years / 245 MW [S21]
  assert.deepEqual(rentChartRows([]), []);
});
