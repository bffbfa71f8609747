import assert from "node:assert/strict";
import { loadMinerAiDeals, type MinerAiDeal } from "../data/miner_ai_deals.ts";
import { dealsOverview } from "./deals_overview.ts";

const deals = await loadMinerAiDeals();

Deno.test("contracts and other events partition the rows", () => {
  const o = dealsOverview(deals);
  assert.equal(o.contracts.length + o.otherEventCount, deals.length);
  assert.equal(o.otherEvents.reduce((sum, e) => sum + e.count, 0), o.otherEventCount);
  assert.ok(o.otherEvents.some((e) => e.kind === "acquisition agreement")); // CoreWeave–Core Scientific
  assert.ok(!o.otherEvents.some((e) => e.kind === "contract"));
});

Deno.test("a contract has a rent exactly when it has MW, value and term (F6)", () => {
  const o = dealsOverview(deals);
  const complete = o.contracts.filter((d) =>
    [d.capacity_mw, d.contract_value_usd, d.term_years].every(Number.isFinite)
  );
  assert.equal(o.withRent, complete.length);
  assert.equal(o.withoutRent, o.contracts.length - complete.length);
  const blankIds = new Set(o.blanks.slice(0, 3).flatMap((b) => b.dealIds));
  assert.equal(o.contracts.length - blankIds.size, o.withRent);
});

Deno.test("asOf is the latest day, months and blanks left aside", () => {
  const base = deals[0]!;
  const row = (over: Partial<MinerAiDeal>): MinerAiDeal => ({ ...base, ...over });
  const o = dealsOverview([
    row({ announcement_date: "2025-03-02" }),
    row({ announcement_date: "2025-12" }),
    row({ announcement_date: "", event_kind: "groundbreaking" }),
  ]);
  assert.equal(o.asOf, "2025-03-02");
  assert.deepEqual(o.otherEvents, [{ kind: "groundbreaking", count: 1 }]);
  assert.deepEqual(o.blanks.at(-1)!.dealIds, []);
  assert.throws(() => dealsOverview([row({ announcement_date: "2025" })]), /got 1 rows and none/);
});
