/**
 * The tickers the company model values: those whose published facts, as of the latest period
 * end in `data/companies.csv`, hold everything {@linkcode companyInputs} needs. The default
 * report run renders one company note per ticker here, so a ticker joins the coverage pack the
 * day its last missing figure is added to the data, and leaves it if a figure is withdrawn.
 *
 * @module
 */
import { type CompanyFact, loadCompanyFacts } from "../data/companies.ts";
import { loadMinerAiDeals } from "../data/miner_ai_deals.ts";
import { loadHouseAssumptions } from "../house/house_assumptions.ts";
import { companyFactsAsOf } from "./company_facts_as_of.ts";
import { companyInputs } from "./company_inputs.ts";

/**
 * The latest period end of any fact: the date the coverage is valued as of.
 *
 * @example
 * ```ts
 * import { latestPeriodEnd } from "./covered_tickers.ts";
 * import assert from "node:assert/strict";
 *
 * const facts = [{ period_end: "2025-12-31" }, { period_end: "2026-03-31" }, { period_end: "2025-09-30" }];
 * assert.equal(latestPeriodEnd(facts as unknown as Parameters<typeof latestPeriodEnd>[0]), "2026-03-31");
 * assert.throws(() => latestPeriodEnd([]), /^RangeError: Cannot date the coverage: there are no company facts$/);
 * ```
 */
export function latestPeriodEnd(facts: readonly CompanyFact[]): string {
  let latest = "";
  for (const fact of facts) if (fact.period_end > latest) latest = fact.period_end;
  if (latest === "") throw new RangeError("Cannot date the coverage: there are no company facts");
  return latest;
}

/**
 * The valued tickers in the data's order, as of the latest period end.
 *
 * @param houseView the house view file (default `notebooks/house_view.yaml`)
 *
 * @example
 * ```ts
 * import { coveredTickers } from "./covered_tickers.ts";
 * import { coverageTracker } from "./tracker.ts";
 * import { loadCompanyFacts } from "../data/companies.ts";
 * import { loadMinerAiDeals } from "../data/miner_ai_deals.ts";
 * import { loadHouseAssumptions } from "../house/house_assumptions.ts";
 * import assert from "node:assert/strict";
 *
 * const { asOf, tickers } = await coveredTickers();
 * // The same companies as the tracker values.
 * const tracker = coverageTracker(await loadCompanyFacts(), await loadMinerAiDeals(),
 *   await loadHouseAssumptions(), { asOf });
 * assert.deepEqual(tickers, tracker.rows.filter((r) => r.value !== undefined).map((r) => r.ticker));
 * assert.ok(tickers.includes("RIOT"));
 * ```
 */
export async function coveredTickers(
  houseView?: string,
): Promise<{ asOf: string; tickers: string[] }> {
  const facts = await loadCompanyFacts();
  const deals = await loadMinerAiDeals();
  const house = await loadHouseAssumptions(houseView);
  const asOf = latestPeriodEnd(facts);
  const tickers = [...new Set(facts.map((f) => f.ticker))].filter((ticker) =>
    companyInputs(companyFactsAsOf(facts, { ticker, asOf }), deals, house).inputs !== undefined
  );
  return { asOf, tickers };
}
