// The company model against hand computations: every part recomputes from its printed inputs,
// the house view's BTC price moves the value the way the model says, convertibles convert only
// in the money, and the reverse sum of the parts inverts the forward one.
import assert from "node:assert/strict";
import { DEFAULT_NOI_MARGIN } from "../compute/colocation.ts";
import { loadHouseAssumptions, overrideHouse } from "../house/house_assumptions.ts";
import { houseMwValues } from "../house/house_values.ts";
import { type CompanyInputs, companyValue, impliedAiUsdPerItMw } from "./company_value.ts";
import { assertAlmostEquals } from "../testing/assert_almost_equals.ts";
import { loadCompanyFacts } from "../data/companies.ts";
import { loadMinerAiDeals } from "../data/miner_ai_deals.ts";
import { companyFactsAsOf } from "./company_facts_as_of.ts";
import { companyInputs } from "./company_inputs.ts";
import { coveredTickers } from "./covered_tickers.ts";

const house = await loadHouseAssumptions();
const base: CompanyInputs = {
  ticker: "TEST",
  asOf: "2026-06-01",
  hashrateEhs: 20,
  fleetJPerTh: 18,
  btcHeld: 1_000,
  cashUsd: 200e6,
  debtUsd: 300e6,
  convertibles: [],
  sharesOutstanding: 300e6,
  leases: [{
    dealId: "L1",
    itMw: 200,
    firstYearRentUsdPerItMw: 1.6e6,
    escalator: 0.03,
    termYears: 15,
    structure: "triple net",
  }],
  pipelineItMw: 100,
};
const part = (v: ReturnType<typeof companyValue>, name: string) =>
  v.parts.find((p) => p.part === name)!.valueUsd;

Deno.test("each part recomputes by hand from its inputs", () => {
  const v = companyValue(base, house);
  assert.ok(
    Math.abs(
      part(v, "AI leases") - 200 * 1.6e6 * DEFAULT_NOI_MARGIN["triple net"] / house.capRate,
    ) < 1e-3,
  );
  const markPerIt = houseMwValues(house).aiMarkUsdPerGrossMw * house.ai.pue;
  assert.ok(
    Math.abs(part(v, "AI pipeline") - 100 * house.leaseSigningProbability * markPerIt) < 1e-3,
  );
  assert.equal(part(v, "BTC held"), 1_000 * house.btcPrice.startUsd);
  assert.equal(part(v, "Cash"), 200e6);
  assert.equal(part(v, "Debt"), -300e6);
  const total = v.parts.reduce((a, p) => a + p.valueUsd, 0);
  assert.ok(Math.abs(total - v.equityMeanUsd) < 1e-3);
  assert.ok(Math.abs(v.perShareUsd.mean - total / 300e6) < 1e-9);
  assert.ok(Math.abs(v.miningUsdPerEhs - part(v, "Mining") / 20) < 1e-6);
  // A lease's DCF at the house rate, written out month by month.
  let dcf = 0;
  for (let m = 0; m < 180; m++) {
    dcf += 200 * 1.6e6 * DEFAULT_NOI_MARGIN["triple net"] / 12 * 1.03 ** Math.floor(m / 12) /
      (1 + house.discountRate) ** ((m + 1) / 12);
  }
  assert.ok(Math.abs(v.leasesDcfUsd - dcf) < 1e-3);
});

Deno.test("a higher BTC price in the house view raises the value: BTC held in proportion, mining more", () => {
  const v = companyValue(base, house);
  const up = companyValue(
    base,
    overrideHouse(house, { btcStartUsd: house.btcPrice.startUsd * 1.2 }),
  );
  assert.ok(Math.abs(part(up, "BTC held") - 1.2 * part(v, "BTC held")) < 1e-6);
  assert.ok(part(up, "Mining") > part(v, "Mining"));
  assert.ok(up.perShareUsd.p50 > v.perShareUsd.p50);
  // Leases are contracted: the price does not touch them.
  assert.equal(part(up, "AI leases"), part(v, "AI leases"));
  // Dearer power lowers the mining leg and nothing else.
  const dear = companyValue({ ...base, powerPriceUsdPerKwh: 0.08 }, house);
  assert.ok(part(dear, "Mining") < part(v, "Mining"));
  assert.equal(part(dear, "AI leases"), part(v, "AI leases"));
});

Deno.test("convertibles convert into shares only when in the money", () => {
  const v = companyValue(base, house);
  const cheap = companyValue({
    ...base,
    convertibles: [{ principalUsd: 100e6, conversionPriceUsd: 0.01 }],
  }, house);
  assert.ok(Math.abs(cheap.dilutedShares - (300e6 + 100e6 / 0.01)) < 1e-3);
  assert.equal(part(cheap, "Convertible notes"), -0);
  const dear = companyValue({
    ...base,
    convertibles: [{ principalUsd: 100e6, conversionPriceUsd: 1e6 }],
  }, house);
  assert.equal(dear.dilutedShares, 300e6);
  assert.equal(part(dear, "Convertible notes"), -100e6);
  assert.ok(Math.abs(dear.equityMeanUsd - (v.equityMeanUsd - 100e6)) < 1e-3);
});

Deno.test("the reverse sum of the parts inverts the forward one", () => {
  const v = companyValue(base, house);
  const perMw = impliedAiUsdPerItMw(v, v.equityMeanUsd);
  assert.ok(Math.abs(perMw * v.aiItMw - v.aiValueUsd) < 1e-3);
  // A market value 1B above the model's puts 1B more on the AI MW.
  assert.ok(
    Math.abs(impliedAiUsdPerItMw(v, v.equityMeanUsd + 1e9) - perMw - 1e9 / v.aiItMw) < 1e-6,
  );
});

Deno.test("bad company inputs name the ticker, the field and the value", () => {
  assert.throws(() => companyValue({ ...base, hashrateEhs: -1 }, house), /TEST\.hashrateEhs/);
  assert.throws(
    () => companyValue({ ...base, sharesOutstanding: 0 }, house),
    /TEST\.sharesOutstanding/,
  );
  assert.throws(
    () => companyValue({ ...base, leases: [{ ...base.leases[0]!, itMw: 0 }] }, house),
    /TEST\.leases\[0\]\.itMw/,
  );
});

Deno.test("a higher BTC price moves every valued company by what its parts imply", async () => {
  const { asOf, tickers } = await coveredTickers();
  const facts = await loadCompanyFacts();
  const deals = await loadMinerAiDeals();
  const up = overrideHouse(house, { btcStartUsd: house.btcPrice.startUsd * 1.1 });
  assert.ok(tickers.length >= 2);
  for (const ticker of tickers) {
    const inputs = companyInputs(companyFactsAsOf(facts, { ticker, asOf }), deals, house).inputs!;
    const v = companyValue(inputs, house);
    const w = companyValue(inputs, up);
    // BTC held moves in proportion; mining earns more BTC-priced revenue on the same costs.
    assert.ok(Math.abs(part(w, "BTC held") - 1.1 * part(v, "BTC held")) < 1e-6, ticker);
    assert.ok(part(w, "Mining") > part(v, "Mining"), ticker);
    for (const fixed of ["AI leases", "AI pipeline", "Cash", "Debt"]) {
      assert.equal(part(w, fixed), part(v, fixed), `${ticker} ${fixed}`);
    }
    // The value per share moves by the parts' change over the diluted shares.
    if (w.dilutedShares === v.dilutedShares) {
      const moved = w.parts.reduce((a, p, i) => a + p.valueUsd - v.parts[i]!.valueUsd, 0);
      assertAlmostEquals(w.perShareUsd.mean - v.perShareUsd.mean, moved / v.dilutedShares, 1e-9);
    }
    assert.ok(w.perShareUsd.p50 > v.perShareUsd.p50, ticker);
  }
});
