import assert from "node:assert/strict";
import { colocationLease } from "../compute/colocation.ts";
import { loadMinerAiDeals, type MinerAiDeal } from "../data/miner_ai_deals.ts";
import { assertAlmostEquals } from "../testing/assert_almost_equals.ts";
import { itMw } from "../units/power.ts";
import { dealLeasePlan, leasePlanGaps } from "./lease_plan.ts";

const deals = await loadMinerAiDeals();
const byId = new Map(deals.map((d) => [d.deal_id, d]));
const deal = (id: string) => byId.get(id)!;
const terms = { escalator: 0.03, pue: 1.3 };

Deno.test("the structure maps to the lease type: NNN is triple net, the rest modified gross", () => {
  assert.equal(dealLeasePlan(deal("HUT-BEACONPOINT-2026-05"), terms).structure, "triple net");
  assert.equal(
    dealLeasePlan(deal("WULF-FLUIDSTACK-2025-08"), terms).structure,
    "modified gross",
  );
  assert.equal(dealLeasePlan(deal("CIFR-FLUIDSTACK-2025-09"), terms).structure, "modified gross");
});

Deno.test("year-one rent: the average rent with no escalator, below it with one", () => {
  // TeraWulf–Fluidstack: $3.7B over 10 years on 200 MW is $1.85M per MW-year on average [S24].
  const wulf = deal("WULF-FLUIDSTACK-2025-08");
  assertAlmostEquals(dealLeasePlan(wulf, { ...terms, escalator: 0 }).firstYearRent, 1.85e6);
  const plan = dealLeasePlan(wulf, terms);
  assert.ok(plan.firstYearRent < 1.85e6);
  // The year-one rent escalated over the term gives back the disclosed value.
  const lease = colocationLease(
    { itPower: itMw(plan.itMw), firstYearRent: plan.firstYearRent, termYears: plan.termYears },
    { escalator: plan.escalator },
  );
  assertAlmostEquals(lease.contractValueUsd, 3.7e9);
});

Deno.test("critical IT MW, and the gross MW it draws at the PUE", () => {
  // Galaxy's Helios: 800 MW of approved power, 260 + 133 MW of critical IT in this row.
  const helios = { ...deal("GLXY-CRWV-2025-08"), contract_value_usd: 1e9, term_years: 15 };
  const plan = dealLeasePlan(helios, terms);
  assert.equal(plan.itMw, 393);
  assertAlmostEquals(plan.grossMw, 393 * 1.3);
  assert.equal(dealLeasePlan(helios, { ...terms, pue: 1 }).grossMw, 393);
  assert.throws(() => dealLeasePlan(helios, { ...terms, pue: 0.9 }), /Cannot use pue/);
});

Deno.test("rows that are no lease say why", () => {
  const row = (over: Partial<MinerAiDeal>): MinerAiDeal => ({
    ...deal("CORZ-CRWV-2024-06"),
    ...over,
  });
  assert.deepEqual(leasePlanGaps(row({ event_kind: "groundbreaking" })), [
    "not a contract but groundbreaking",
  ]);
  assert.deepEqual(
    leasePlanGaps(row({ critical_it_mw: NaN, contract_value_usd: NaN, term_years: NaN })),
    ["no critical IT MW", "no base-term value", "no term"],
  );
  assert.throws(
    () => dealLeasePlan(deal("APLD-CRWV-2025-08"), terms),
    /^RangeError: Cannot plan deal APLD-CRWV-2025-08 as a lease: no base-term value; no term$/,
  );
  assert.throws(
    () => dealLeasePlan(row({ term_years: 12.5 }), terms),
    /Cannot use termYears: expected a whole number >= 1, got 12.5/,
  );
  // Every contract the dataset can plan has IT MW, a value and a term.
  const planned = deals.filter((d) => leasePlanGaps(d).length === 0);
  assert.ok(planned.length >= 10);
  for (const d of planned) assert.equal(dealLeasePlan(d, terms).dealId, d.deal_id);
});

Deno.test("the house's template lease and a company's leases are their deals' plans", async () => {
  const { loadHouseAssumptions } = await import("../house/house_assumptions.ts");
  const { houseSitePlan } = await import("../house/house_values.ts");
  const { companyLeases } = await import("../coverage/company_inputs.ts");
  const house = await loadHouseAssumptions();
  const houseTerms = { escalator: house.ai.escalator, pue: house.ai.pue };
  const template = dealLeasePlan(house.ai.leaseDeal, houseTerms);
  const ai = houseSitePlan(house, 100).ai;
  assert.ok(ai.kind === "colocation");
  assert.equal(ai.firstYearRent, template.firstYearRent);
  assert.equal(ai.structure, template.structure);
  assert.equal(houseSitePlan(house, 100).horizonMonths, template.termYears * 12);
  const hut = companyLeases("HUT", deals, house);
  assert.deepEqual(hut.map((l) => l.dealId), ["HUT-FLUIDSTACK-2025-12", "HUT-BEACONPOINT-2026-05"]);
  for (const lease of hut) {
    const plan = dealLeasePlan(deal(lease.dealId), houseTerms);
    assert.equal(lease.firstYearRentUsdPerItMw, plan.firstYearRent);
    assert.equal(lease.structure, "triple net");
  }
});
