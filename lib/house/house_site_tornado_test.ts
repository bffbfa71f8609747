import assert from "node:assert/strict";
import { siteCashFlows, siteNpv, type SitePlan } from "../site/mod.ts";
import { loadHouseAssumptions } from "./house_assumptions.ts";
import { houseSiteTornado } from "./house_site_tornado.ts";
import { houseSitePlan } from "./house_values.ts";

const house = await loadHouseAssumptions();
const OPTIONS = {
  grossMw: 300,
  aiShare: 0.2,
  comparableRentsUsdPerMwYear: [1.2e6, 2.2e6],
  discountRateSwing: 0.02,
  horizonYears: [10, 20],
  aiPue: [1.1, 1.58],
} as const;

Deno.test("each bar is the site's NPV with one input moved, in USD millions", () => {
  const t = houseSiteTornado(house, OPTIONS);
  const plan = houseSitePlan(house, 300);
  const npv = (p: SitePlan, rate = house.discountRate) =>
    siteNpv(siteCashFlows(p, { aiShare: 0.2 }), { discountRate: rate }) / 1e6;
  assert.equal(t.baseOutput, npv(plan));
  const row = (input: string) => t.rows.find((r) => r.input === input)!;
  // The discount rate: the same plan, two points either side.
  assert.equal(row("Discount rate").outputLow, npv(plan, house.discountRate - 0.02));
  assert.equal(row("Discount rate").outputHigh, npv(plan, house.discountRate + 0.02));
  // The build cost: the lowest and highest disclosed, per IT MW.
  const [low, high] = house.ai.buildCostRangeUsdPerItMw;
  assert.deepEqual([row("Build cost").low, row("Build cost").high], [low, high]);
  assert.equal(
    row("Build cost").outputHigh,
    npv({ ...plan, ai: { ...plan.ai, capexUsdPerItMw: high } as SitePlan["ai"] }),
  );
  // The rent: the template's year-one rent scaled by each comparable's ratio to the template's.
  const rent = plan.ai.kind === "colocation" ? plan.ai.firstYearRent : NaN;
  const template = house.ai.leaseDeal.usd_per_mw_year;
  assert.equal(row("Year-one rent").low, rent * 1.2e6 / template);
  // Widest first, with labels that state the range.
  t.rows.slice(1).forEach((r, i) => assert.ok(r.swing <= t.rows[i]!.swing));
  assert.equal(row("Horizon").label, "Horizon (10 yr–20 yr)");
  assert.equal(row("Discount rate").label, "Discount rate (7.0%–11.0%)");
  // Power prices to a tenth of a cent, as formatPowerPrice prints them everywhere.
  const [powerLow, powerHigh] = house.powerPriceRangeUsdPerKwh;
  assert.equal(
    row("Power price").label,
    `Power price ($${powerLow.toFixed(3)}–$${powerHigh.toFixed(3)})`,
  );
});

Deno.test("a site leased whole does not depend on the BTC or power price", () => {
  const t = houseSiteTornado(house, { ...OPTIONS, aiShare: 1 });
  for (const input of ["BTC price", "Power price"]) {
    assert.equal(t.rows.find((r) => r.input === input)!.swing, 0, input);
  }
});

Deno.test("houseSiteTornado rejects ranges that are not a positive [low, high]", () => {
  assert.throws(
    () => houseSiteTornado(house, { ...OPTIONS, comparableRentsUsdPerMwYear: [1e6, 2e6, 3e6] }),
    /comparableRentsUsdPerMwYear: expected \[low, high\], got 3 values/,
  );
  assert.throws(
    () => houseSiteTornado(house, { ...OPTIONS, discountRateSwing: -0.01 }),
    /discountRateSwing/,
  );
  assert.throws(() => houseSiteTornado(house, { ...OPTIONS, aiShare: 2 }), /aiShare/);
});
