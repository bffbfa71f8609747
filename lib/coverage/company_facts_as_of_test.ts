/**
 * Tests for `companyFactsAsOf`: what a valuation reads for one company at one date, from the
 * committed `data/companies.csv`.
 */
import assert from "node:assert/strict";
import { loadCompanyFacts } from "../data/companies.ts";
import { companyFactsAsOf, VALUATION_INPUTS } from "./company_facts_as_of.ts";

const facts = await loadCompanyFacts();

Deno.test("Riot as of the end of 2025: shares, hashrate and BTC held with their sources", () => {
  const riot = companyFactsAsOf(facts, { ticker: "RIOT", asOf: "2025-12-31" });
  assert.equal(riot.facts.shares_outstanding?.value, 371_807_186);
  assert.equal(riot.facts.shares_outstanding?.period_end, "2025-10-29");
  // Average operating hashrate: the company's April 2025 release over later press relays.
  assert.equal(riot.facts.hashrate_operating?.value, 29.3);
  assert.equal(riot.facts.hashrate_operating?.source_type, "company release");
  assert.equal(riot.facts.btc_held?.basis, "total");
  // Only site figures for power; the AMD lease was signed in January 2026.
  assert.deepEqual(riot.missing, [
    "power_operating",
    "hpc_contracted_it",
    "hpc_contracted_mw",
    "hpc_operating_mw",
  ]);
});

Deno.test("as of an earlier date only the periods ended by then count", () => {
  const riot = companyFactsAsOf(facts, { ticker: "RIOT", asOf: "2025-09-30" });
  assert.equal(riot.facts.shares_outstanding?.value, 371_116_270);
  assert.equal(riot.facts.hpc_contracted_it, undefined); // the AMD lease, January 2026
  assert.ok(riot.missing.includes("hpc_contracted_it"));
});

Deno.test("a stated basis comes first: CleanSpark's convertibles and BTC held", () => {
  const clsk = companyFactsAsOf(facts, { ticker: "CLSK", asOf: "2026-03-31" });
  // $1.8B outstanding (two tranches) over the 10-Q's $650M whose basis is not stated.
  assert.equal(clsk.facts.convertible_notes_principal?.value, 1_800_000_000);
  // A total, never the balance sheet's figure without the 2,533 BTC posted as collateral.
  assert.equal(clsk.facts.btc_held?.value, 13_011);
});

Deno.test("a company nobody published figures for: everything missing, nothing invented", () => {
  const soluna = companyFactsAsOf(facts, { ticker: "SLNH", asOf: "2026-12-31" });
  assert.deepEqual(soluna.missing, Object.keys(VALUATION_INPUTS));
  assert.ok(Object.values(soluna.facts).every((f) => f === undefined));
  const unknown = companyFactsAsOf(facts, { ticker: "XXXX", asOf: "2026-12-31" });
  assert.equal(unknown.missing.length, Object.keys(VALUATION_INPUTS).length);
});

Deno.test("asOf must be a day", () => {
  assert.throws(
    () => companyFactsAsOf(facts, { ticker: "RIOT", asOf: "2025-12" }),
    /^RangeError: Cannot read asOf: expected YYYY-MM-DD, got "2025-12"$/,
  );
  // A day that is not on the calendar is not a day either.
  assert.throws(
    () => companyFactsAsOf(facts, { ticker: "RIOT", asOf: "2025-13-01" }),
    /^RangeError: Cannot read asOf: expected YYYY-MM-DD, got "2025-13-01"$/,
  );
});
