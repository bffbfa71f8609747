import assert from "node:assert/strict";
import { loadHouseAssumptions } from "../house/house_assumptions.ts";
import { houseSitePlan } from "../house/house_values.ts";
import { assertAlmostEquals } from "../testing/assert_almost_equals.ts";
import { grossMw, usdPerMwYear } from "../units/mod.ts";
import { aiSegmentCashFlows } from "./ai_segment_cash_flows.ts";
import { siteCashFlows } from "./site_cash_flows.ts";
import type { SitePlan } from "./site_plan.ts";
import { coreScientificSite, H100_CLOUD } from "./_testing.ts";

const AI_SERIES = ["aiRevenue", "aiOpex", "aiEbitda", "aiCapex"] as const;

/** The AI segment alone equals the AI series of the whole site's model, month by month. */
function assertSameAiSegment(plan: SitePlan, aiShare: number): void {
  const site = siteCashFlows(plan, { aiShare });
  const ai = aiSegmentCashFlows(plan.ai, {
    grossPower: plan.grossPower,
    horizonMonths: plan.horizonMonths,
    aiShare,
  });
  for (const field of ["aiShare", "aiGrossMw", "aiItMw", "aiStartMonth"] as const) {
    assertAlmostEquals(ai[field], site[field], undefined, `${field} at ${aiShare}`);
  }
  for (const field of AI_SERIES) {
    assert.equal(ai[field].length, plan.horizonMonths);
    ai[field].forEach((v, m) =>
      assertAlmostEquals(v, site[field][m]!, undefined, `${field}[${m}] at ${aiShare}`)
    );
  }
}

Deno.test("the AI segment equals the AI part of siteCashFlows on real plans", async (t) => {
  const house = await loadHouseAssumptions();
  await t.step("the house view's 300 MW site on the template lease, every 10%", () => {
    const plan = houseSitePlan(house, 300);
    for (let i = 0; i <= 10; i++) assertSameAiSegment(plan, i / 10);
  });
  await t.step("Core Scientific's 300 MW site with a 3% escalator and phased build", () => {
    const plan = coreScientificSite(120, 45);
    assertSameAiSegment(plan, 0.35);
    assertSameAiSegment({ ...plan, ai: { ...plan.ai, capexPhasing: [0.2, 0.3, 0.5] } }, 0.5);
  });
  await t.step("a DGX H100 cloud with a falling GPU price, renewed twice", () => {
    const months = 150;
    const price = Float64Array.from({ length: months }, (_, m) => 2.5 * 0.99 ** m);
    const plan: SitePlan = {
      ...coreScientificSite(months, 45),
      ai: { ...H100_CLOUD, priceUsdPerGpuHour: price },
    };
    assertSameAiSegment(plan, 0.2);
    assertSameAiSegment(plan, 1);
  });
});

Deno.test("the lease by hand: rent per IT MW from the first rent month, escalated yearly", () => {
  // 100 MW × 40% = 40 gross MW at PUE 1.25 = 32 IT MW; $1.5M per IT MW-year, +3% a year.
  const ai = aiSegmentCashFlows({
    kind: "colocation",
    pue: 1.25,
    firstYearRent: usdPerMwYear(1.5e6),
    escalator: 0.03,
    noiMargin: 0.9,
    capexUsdPerItMw: 9e6,
    constructionMonths: 12,
  }, { grossPower: grossMw(100), horizonMonths: 36, aiShare: 0.4 });
  assert.equal(ai.aiItMw, 32);
  assert.equal(ai.aiStartMonth, 12);
  assert.equal(ai.aiRevenue[11], 0);
  assertAlmostEquals(ai.aiRevenue[12]!, 32 * 1.5e6 / 12);
  assertAlmostEquals(ai.aiRevenue[24]!, 32 * 1.5e6 * 1.03 / 12);
  // The build, 32 × $9M, spread evenly over the 12 construction months.
  assertAlmostEquals(ai.aiCapex.reduce((a, b) => a + b, 0), 32 * 9e6);
  assertAlmostEquals(ai.aiCapex[0]!, 32 * 9e6 / 12);
  assert.equal(ai.aiCapex[12], 0);
  // NOI at the lease's 90% margin, opex the rest.
  assertAlmostEquals(ai.aiEbitda[30]!, 0.9 * 32 * 1.5e6 * 1.03 / 12);
  assertAlmostEquals(ai.aiOpex[30]!, 0.1 * 32 * 1.5e6 * 1.03 / 12);
});

Deno.test("no AI share: every AI series is zero", () => {
  const plan = coreScientificSite(24, 45);
  const ai = aiSegmentCashFlows(plan.ai, {
    grossPower: plan.grossPower,
    horizonMonths: 24,
    aiShare: 0,
  });
  for (const field of AI_SERIES) assert.ok(ai[field].every((v) => v === 0), field);
});

Deno.test("bad inputs name the field and the value", () => {
  const plan = coreScientificSite(24, 45);
  const options = { grossPower: plan.grossPower, horizonMonths: 24, aiShare: 0.5 };
  assert.throws(
    () => aiSegmentCashFlows(plan.ai, { ...options, aiShare: 1.5 }),
    /aiShare: expected a fraction between 0 and 1, got 1.5/,
  );
  assert.throws(
    () => aiSegmentCashFlows(plan.ai, { ...options, horizonMonths: 0 }),
    /horizonMonths/,
  );
  assert.throws(
    () => aiSegmentCashFlows(plan.ai, { ...options, grossPower: grossMw(0) }),
    /grossPower/,
  );
  assert.throws(() => aiSegmentCashFlows({ ...plan.ai, pue: 0.8 }, options), /ai.pue/);
  assert.throws(
    () => aiSegmentCashFlows({ ...H100_CLOUD, priceUsdPerGpuHour: [2, 2] }, options),
    /ai.priceUsdPerGpuHour: expected at least 24 monthly values, got 2/,
  );
});
