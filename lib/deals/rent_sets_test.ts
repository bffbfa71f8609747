import assert from "node:assert/strict";
import { loadMinerAiDeals } from "../data/miner_ai_deals.ts";
import { assertAlmostEquals } from "../testing/assert_almost_equals.ts";
import { dealIntensities, dealIntensitySummary } from "./deal_analytics.ts";
import { rentSets } from "./rent_sets.ts";

const deals = await loadMinerAiDeals();
// CBRE's H2 2024 average asking rate, 250–500 kW, North American primary markets [S77].
const CBRE = 184.06;
const sets = rentSets(deals, { askingUsdPerKwMonth: CBRE });

Deno.test("the sets are dealIntensities' filters and their summaries", () => {
  assert.deepEqual(sets.comparable, dealIntensities(deals));
  assert.deepEqual(sets.summary, dealIntensitySummary(dealIntensities(deals)));
  assert.ok(sets.leases.length > sets.comparable.length);
  assert.ok(sets.leases.every((i) => i.structure !== "GPU cloud"));
  assert.deepEqual(sets.gpuCloud.map((g) => g.label), [
    "IREN / Microsoft (2025-11)",
    "IREN / NVIDIA (2026-05)",
  ]);
  // IREN–Microsoft: $9.7B over 5 years on 200 MW is $9.7M per MW-year.
  assertAlmostEquals(sets.gpuCloud[0]!.intensity.usdPerMwYear, 9.7e6);
  assertAlmostEquals(sets.gpuCloud[0]!.timesMedian, 9.7e6 / sets.summary.medianUsdPerMwYear);
});

Deno.test("the median against the asking rate, and the first year against the rest", () => {
  assertAlmostEquals(sets.medianBelowAsking, 1 - sets.summary.medianUsdPerKwMonth / CBRE);
  const above = rentSets(deals, { askingUsdPerKwMonth: 100 });
  assert.ok(above.medianBelowAsking < 0);
  const first = sets.firstYear!;
  assert.equal(first.year, "2024"); // Core Scientific–CoreWeave, June and October 2024
  const in2024 = sets.comparable.filter((i) => i.announcementDate.startsWith("2024"));
  assert.equal(first.early.deals, in2024.length);
  assertAlmostEquals(
    first.early.meanUsdPerMwYear,
    in2024.reduce((s, i) => s + i.usdPerMwYear, 0) / in2024.length,
  );
  const dated = sets.comparable.filter((i) => i.announcementDate !== "").length;
  assert.equal(first.early.deals + first.later.deals, dated);
  // One year only: nothing to compare.
  const only2024 = deals.filter((d) => !/^20(25|26)/.test(d.announcement_date));
  assert.equal(rentSets(only2024, { askingUsdPerKwMonth: CBRE }).firstYear, undefined);
});

Deno.test("every contract is comparable or excluded with a reason", () => {
  const contracts = deals.filter((d) => d.event_kind === "contract");
  assert.equal(sets.comparable.length + sets.excluded.length, contracts.length);
  assert.ok(sets.excluded.every((e) => e.reasons.length > 0), "a reason for each");
  const why = (id: string) => sets.excluded.find((e) => e.dealId === id)!.reasons;
  assert.deepEqual(why("IREN-MSFT-2025-11"), ["GPU cloud: value includes the GPUs"]);
  assert.deepEqual(why("CIFR-AWS-2025-11"), ["MW basis not stated"]);
  assert.deepEqual(why("GLXY-CRWV-2025-08"), ["no base-term value", "MW basis approved power"]);
  const wide = rentSets(deals, {
    bases: ["critical IT", "unspecified"],
    includeGpuCloud: true,
    askingUsdPerKwMonth: CBRE,
  });
  assert.ok(wide.comparable.some((i) => i.dealId === "IREN-NVDA-2026-05"));
  assert.ok(!wide.excluded.some((e) => e.dealId === "CIFR-AWS-2025-11"));
});

Deno.test("bad options name the field and the value", () => {
  assert.throws(
    () => rentSets(deals, { bases: ["IT"], askingUsdPerKwMonth: CBRE }),
    /^RangeError: Cannot use bases: "IT" is not one of "critical IT", "gross"/,
  );
  assert.throws(
    () => rentSets(deals, { askingUsdPerKwMonth: 0 }),
    /Cannot use askingUsdPerKwMonth: expected a value > 0, got 0/,
  );
  assert.throws(
    () => rentSets([], { askingUsdPerKwMonth: CBRE }),
    /Cannot summarise deals: expected at least one, got 0/,
  );
});
