// The value bridge closes exactly (its steps add up to the change between two runs' values), puts
// each change on the driver that made it, and ends at the current run's value whatever moved.
import assert from "node:assert/strict";
import { loadCompanyFacts } from "../data/companies.ts";
import { loadMinerAiDeals } from "../data/miner_ai_deals.ts";
import { loadHouseAssumptions, overrideHouse } from "../house/house_assumptions.ts";
import { companyFactsAsOf } from "./company_facts_as_of.ts";
import { companyInputs } from "./company_inputs.ts";
import { type CompanyInputs, companyValue } from "./company_value.ts";
import { valueBridge } from "./value_bridge.ts";

const house = await loadHouseAssumptions();
const facts = await loadCompanyFacts();
const deals = await loadMinerAiDeals();
const inputsOf = (ticker: string, asOf: string) =>
  companyInputs(companyFactsAsOf(facts, { ticker, asOf }), deals, house).inputs;

const sum = (xs: readonly { changeUsd: number }[]) => xs.reduce((a, s) => a + s.changeUsd, 0);
const step = (b: ReturnType<typeof valueBridge>, driver: string) =>
  b.steps.find((s) => s.driver === driver)!;

Deno.test("two data vintages of Riot: the company's own figures move it, the house view does not", () => {
  const previous = inputsOf("RIOT", "2025-09-30");
  const current = inputsOf("RIOT", "2025-12-31");
  assert.ok(previous !== undefined && current !== undefined);
  const bridge = valueBridge({ inputs: previous, house }, { inputs: current, house });
  assert.equal(bridge.fromUsd, companyValue(previous, house).perShareUsd.p50);
  assert.equal(bridge.toUsd, companyValue(current, house).perShareUsd.p50);
  assert.ok(Math.abs(sum(bridge.steps) - (bridge.toUsd - bridge.fromUsd)) < 1e-9);
  for (const driver of ["BTC price", "Network hashrate and fees", "Cap rate and discount rate"]) {
    assert.deepEqual(step(bridge, driver), { driver, changeUsd: 0, changed: [] });
  }
  // Every changed path is a company figure, and each one that changed is named.
  const changed = bridge.steps.flatMap((s) => s.changed.map((c) => c.path));
  assert.ok(changed.length > 0 && changed.every((p) => p.startsWith("company.")), changed.join());
  if (previous.sharesOutstanding !== current.sharesOutstanding) {
    assert.deepEqual(step(bridge, "Shares").changed, [{
      path: "company.sharesOutstanding",
      previous: previous.sharesOutstanding,
      current: current.sharesOutstanding,
    }]);
  }
});

Deno.test("a house view with a higher BTC price and cap rate: each on its own driver, by hand", () => {
  const company: CompanyInputs = {
    ticker: "TEST",
    asOf: "2026-06-01",
    hashrateEhs: 10,
    fleetJPerTh: 18,
    btcHeld: 1_000,
    cashUsd: 0,
    debtUsd: 0,
    convertibles: [],
    sharesOutstanding: 100e6,
    leases: [{
      dealId: "L1",
      itMw: 100,
      firstYearRentUsdPerItMw: 1.5e6,
      escalator: 0.03,
      termYears: 10,
      structure: "triple net",
    }],
    pipelineItMw: 0,
  };
  const dearer = overrideHouse(house, { btcStartUsd: house.btcPrice.startUsd * 1.25 });
  const current = { ...dearer, capRate: house.capRate + 0.01 };
  const bridge = valueBridge({ inputs: company, house }, { inputs: company, house: current });
  const p50 = (h: typeof house) => companyValue(company, h).perShareUsd.p50;
  assert.ok(Math.abs(step(bridge, "BTC price").changeUsd - (p50(dearer) - p50(house))) < 1e-9);
  // A higher cap rate lowers the leases' value and nothing else: NOI / cap rate, per share.
  const leases = (h: typeof house) =>
    companyValue(company, h).parts.find((p) => p.part === "AI leases")!.valueUsd;
  const rates = step(bridge, "Cap rate and discount rate");
  assert.deepEqual(rates.changed, [{
    path: "house.capRate",
    previous: house.capRate,
    current: house.capRate + 0.01,
  }]);
  assert.ok(rates.changeUsd < 0);
  assert.ok(Math.abs(rates.changeUsd - (leases(current) - leases(dearer)) / 100e6) < 1e-9);
  assert.ok(Math.abs(sum(bridge.steps) - (bridge.toUsd - bridge.fromUsd)) < 1e-9);
});

Deno.test("whatever moves, the bridge ends at the current run's value", () => {
  const previous = inputsOf("CLSK", "2025-09-30") ?? inputsOf("RIOT", "2025-09-30")!;
  const current = {
    ...(inputsOf(previous.ticker, "2025-12-31") ?? previous),
    sharesOutstanding: previous.sharesOutstanding * 1.1,
  };
  const other = overrideHouse(house, {
    btcStartUsd: house.btcPrice.startUsd * 0.8,
    powerPriceUsdPerKwh: house.powerPriceUsdPerKwh + 0.01,
    discountRate: house.discountRate + 0.02,
    excessHashrateGrowthAnnual: house.network.excessHashrateGrowthAnnual + 0.05,
  });
  const bridge = valueBridge({ inputs: previous, house }, { inputs: current, house: other });
  assert.equal(bridge.toUsd, companyValue(current, other).perShareUsd.p50);
  assert.ok(Math.abs(sum(bridge.steps) - (bridge.toUsd - bridge.fromUsd)) < 1e-9);
  assert.ok(step(bridge, "Shares").changeUsd < 0, "more shares, less a share");
  assert.ok(step(bridge, "BTC price").changeUsd < 0, "a lower price, less value");
});

Deno.test("a bridge is of one company", () => {
  const riot = inputsOf("RIOT", "2025-12-31")!;
  assert.throws(
    () => valueBridge({ inputs: riot, house }, { inputs: { ...riot, ticker: "MARA" }, house }),
    /Cannot bridge RIOT to MARA: a bridge is of one company/,
  );
});
