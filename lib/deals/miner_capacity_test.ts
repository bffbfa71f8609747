import assert from "node:assert/strict";
import { loadMinerAiDeals } from "../data/miner_ai_deals.ts";
import { contractedMwByYear } from "./deal_capacity.ts";
import { minerCapacity } from "./miner_capacity.ts";

const deals = await loadMinerAiDeals();

Deno.test("miner capacity: rows sum to the yearly IT totals; other bases kept apart", () => {
  const c = minerCapacity(deals);
  const byYear = contractedMwByYear(deals);
  for (const y of byYear) {
    const period = y.year || "date not stated";
    const sum = c.rows.filter((r) => r.period === period).reduce((s, r) => s + r.mw, 0);
    assert.equal(sum, y.mw, period);
  }
  assert.equal(c.itMw, byYear.reduce((s, y) => s + y.mw, 0));
  assert.equal(c.undatedMw, byYear.find((y) => y.year === "")?.mw ?? 0);
  assert.ok(c.otherBases.every((o) => o.basis !== "critical IT"));
  assert.ok(c.otherBases.some((o) => o.dealId === "CIFR-AWS-2025-11")); // 300 MW, basis not stated
  assert.equal(c.lastYear.year, "2026");
  assert.match(c.lastYear.lastMonth, /^2026-\d{2}$/);
  assert.equal(c.rows.at(-1)!.period, "date not stated");
  assert.equal(minerCapacity(deals, { undatedLabel: "n/a" }).rows.at(-1)!.period, "n/a");
  const only2025 = deals.filter((d) => d.announcement_date.startsWith("2025"));
  assert.throws(
    () => minerCapacity(only2025),
    /^RangeError: Cannot compare years of contracted MW: expected critical IT MW in at least two years, got 2025/,
  );
});
