// One house view, one number: the value of a mining MW that every note states comes from
// houseMwValues, and agrees with the site model run over the same paths another way (bestSplit's
// all-mining row); a site's sum of the parts values mining MW as mines and compares Bernstein's
// per-MW mark for AI-earmarked sites with a MW leased to AI, like with like.
import assert from "node:assert/strict";
import { loadCapexPerMw } from "../data/capex_per_mw.ts";
import { bestSplit } from "../site/best_split.ts";
import { loadHouseAssumptions } from "./house_assumptions.ts";
import {
  houseHashpricePaths,
  houseMwValues,
  houseSiteParts,
  houseSitePlan,
} from "./house_values.ts";

const house = await loadHouseAssumptions();
const values = houseMwValues(house);

Deno.test("a mining MW under the house view is the all-mining site's mean NPV per MW, however it is run", () => {
  const grossMw = 300;
  const plan = houseSitePlan(house, grossMw);
  const split = bestSplit(plan, {
    discountRate: house.discountRate,
    hashprice: houseHashpricePaths(house, plan.horizonMonths),
    shares: [0],
  });
  const allMining = split.rows.find((r) => r.aiShare === 0)!;
  const perMw = allMining.npvMeanUsd / grossMw;
  assert.ok(
    Math.abs(perMw - values.miningUsdPerGrossMw) <= 1e-9 * Math.abs(perMw),
    `${perMw} vs ${values.miningUsdPerGrossMw}`,
  );
  // A fleet that switches off below its cash cost never loses money on a path: its value is an option.
  assert.equal(values.miningLossProbability, 0);
  assert.ok(values.miningUsdPerGrossMw > values.miningCentralUsdPerGrossMw);
});

Deno.test("the sum of the parts marks mining MW as mines and compares Bernstein's mark with a leased AI MW", async () => {
  const parts = houseSiteParts(house, { grossMw: 300, aiShare: 0.2 });
  const mining = parts.find((p) => p.part === "Mining MW")!;
  assert.ok(Math.abs(mining.valueUsd - 240 * values.miningUsdPerGrossMw) < 1e-6);
  // Bernstein's $3M per MW for sites earmarked for AI (data/capex_per_mw.csv, a relay of CoinDesk).
  const bernstein = (await loadCapexPerMw()).find((r) =>
    r.metric === "valuation" && r.subject.startsWith("Bernstein")
  )!;
  assert.equal(bernstein.mid_usd_per_mw, 3e6);
  assert.equal(bernstein.source_url, "https://btcpizza.com/?p=62718");
  // An earmarked MW is not yet leased or built: worth less than a leased one, more than a mine.
  assert.ok(values.miningUsdPerGrossMw < bernstein.mid_usd_per_mw);
  assert.ok(bernstein.mid_usd_per_mw < values.aiMarkUsdPerGrossMw);
});

Deno.test("sumOfTheParts' default mark per AI-earmarked MW is the dataset's Bernstein row", async () => {
  const { BERNSTEIN_USD_PER_AI_MW } = await import("../site/sum_of_the_parts.ts");
  const row = (await loadCapexPerMw()).find((r) =>
    r.subject === "Bernstein valuation of miners' AI-earmarked power sites"
  );
  assert.equal(BERNSTEIN_USD_PER_AI_MW, row?.mid_usd_per_mw);
});
