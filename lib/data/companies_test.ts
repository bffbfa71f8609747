/**
 * Tests for the `data/companies.csv` loader: the committed file loads, every row is in its
 * metric's unit, and malformed rows are rejected naming line, column and value.
 */
import assert from "node:assert/strict";
import {
  COMPANY_METRIC_UNITS,
  companyFactsFromCsv,
  comparePreference,
  loadCompanyFacts,
} from "./companies.ts";
import { assertCsvError } from "./_testing.ts";

const HEADER = "ticker,company,period_end,period_precision,metric,value,unit,basis,scope," +
  "preferred,source_type,source_url,source_title,source_date,check,figure_as_stated," +
  "basis_as_stated,period_as_stated,input,notes";
const ROW = "RIOT,Riot Platforms,2025-10-31,day,hashrate_installed,36.6,EH/s,installed,company," +
  "yes,press relay,https://x,X,2025-11-04,confirmed,reached 36.6 EH/s,deployed,October 2025," +
  "facts/company_operating_facts.csv:279,";

Deno.test("data/companies.csv loads: 16 tickers, every value in its metric's unit", async () => {
  const facts = await loadCompanyFacts();
  assert.equal(facts.length, 326);
  assert.equal(new Set(facts.map((f) => f.ticker)).size, 16);
  assert.ok(facts.every((f) => f.unit === COMPANY_METRIC_UNITS[f.metric]));
  assert.ok(facts.every((f) => !f.preferred || f.scope === "company"));
});

Deno.test("companyFactsFromCsv rejects bad rows", async (t) => {
  const parse = (rows: string[]) => () =>
    companyFactsFromCsv([HEADER, ...rows].join("\n") + "\n", { file: "f.csv" });
  await t.step("a unit that is not the metric's", () => {
    assertCsvError(parse([ROW.replace(",EH/s,", ",PH/s,")]), /found "PH\/s"$/, {
      line: 2,
      column: "unit",
    });
  });
  await t.step("a basis outside the vocabulary", () => {
    assertCsvError(
      parse([ROW.replace(",installed,company", ",nameplate,company")]),
      /"nameplate"/,
      {
        line: 2,
        column: "basis",
      },
    );
  });
  await t.step("two preferred rows for one ticker, metric and basis", () => {
    assertCsvError(
      parse([ROW, ROW]),
      /: \("RIOT", "hashrate_installed", "installed"\) repeats line 2; expected one preferred row per ticker, metric and basis$/,
      {
        line: 3,
        column: "preferred",
      },
    );
  });
  await t.step("a preferred site figure", () => {
    assertCsvError(
      parse([ROW.replace(",company,yes,", ",site,yes,")]),
      /a site figure cannot be preferred/,
      {
        line: 2,
        column: "preferred",
      },
    );
  });
  await t.step("a period end that is not a day", () => {
    assertCsvError(parse([ROW.replace(",2025-10-31,", ",2025-10,")]), /"2025-10"/, {
      line: 2,
      column: "period_end",
    });
  });
});

Deno.test("comparePreference: source type, then period, then source date", () => {
  const fact = (source_type: string, period_end: string, source_date: string) =>
    ({ source_type, period_end, source_date }) as never;
  const ranked = [
    fact("aggregator", "2026-01-31", "2026-02-13"),
    fact("press relay", "2025-09-30", "2025-10"),
    fact("press relay", "2025-09-30", "2025-10-03"),
    fact("SEC filing", "2025-06-30", ""),
    fact("company release", "2025-06-30", "2025-08-01"),
  ].toSorted(comparePreference) as { source_type: string; source_date: string }[];
  assert.deepEqual(ranked.map((f) => `${f.source_type} ${f.source_date}`), [
    "company release 2025-08-01",
    "SEC filing ",
    // A month-only date counts as its last day: October 31 is later than October 3.
    "press relay 2025-10",
    "press relay 2025-10-03",
    "aggregator 2026-02-13",
  ]);
});
