import assert from "node:assert/strict";
import { loadMinerAiDeals } from "../data/miner_ai_deals.ts";
import { announcedMonth, dealLabel, dealTenant, dealTicker } from "./deal_labels.ts";

const deals = await loadMinerAiDeals();
const byId = new Map(deals.map((d) => [d.deal_id, d]));

Deno.test("labels of dataset rows", () => {
  assert.equal(dealLabel(byId.get("IREN-NVDA-2026-05")!), "IREN / NVIDIA (2026-05)");
  assert.equal(dealLabel(byId.get("CORZ-CRWV-AUSTIN-16MW")!).endsWith("(undated)"), true);
  assert.equal(dealTicker(byId.get("GLXY-CRWV-2025-08")!), "GLXY");
  assert.equal(dealTenant(byId.get("RIOT-AMD-2026-01")!), "Advanced Micro Devices");
});

Deno.test("every contract gets a ticker that starts its id and a tenant without notes", () => {
  for (const d of deals.filter((d) => d.event_kind === "contract")) {
    assert.ok(d.deal_id.startsWith(`${dealTicker(d)}-`), d.deal_id);
    assert.ok(!/\(.*\)$/.test(dealTenant(d)), dealTenant(d));
    assert.match(announcedMonth(d.announcement_date), /^(\d{4}-\d{2}|undated)$/);
  }
});

Deno.test("edge cases: a name with an inner parenthesis keeps it, an id without a dash", () => {
  assert.equal(dealTenant({ counterparty: "A (B) C" }), "A (B) C");
  assert.equal(dealTicker({ deal_id: "SOLO" }), "SOLO");
  assert.equal(announcedMonth("2026"), "2026");
});
