/** Reading what a facts row states: releases and as-stated figures. */
import assert from "node:assert/strict";
import {
  checkAsStated,
  EFFICIENCY_UNITS,
  HASHRATE_UNITS,
  POWER_UNITS,
  releaseFromStatement,
  statedQuantity,
} from "./_asic_stated.ts";
import { CsvError } from "./csv.ts";

Deno.test("releaseFromStatement reads only what a statement says", () => {
  const cases: [string, string][] = [
    ["unveiled at WDMS 2023, Hong Kong, September 22-23 [2023]", "2023-09"],
    ["released by Canaan in 2013", "2013"],
    ["'recently presented'; not available to general public until summer of 2022", ""],
    ["announced Feb. 2024", "2024-02"],
    ["launched in Q3 2024", ""],
    ["", ""],
  ];
  for (const [statement, release] of cases) {
    assert.equal(releaseFromStatement(statement), release, statement);
  }
});

Deno.test("statedQuantity reads the leading number and unit, in the column's unit", () => {
  const cases: [string, Readonly<Record<string, number>>, number | undefined][] = [
    ["270 TH/s (±3%)", HASHRATE_UNITS, 270],
    ["60 GH/s", HASHRATE_UNITS, 0.06],
    ["1.2 PH/s", HASHRATE_UNITS, 1200],
    ["4785W", POWER_UNITS, 4785],
    ["3 kW", POWER_UNITS, 3000],
    ["3,010 W", POWER_UNITS, 3010],
    ["just under 10,000 W/TH", EFFICIENCY_UNITS, undefined], // no leading number
    ["17.5 J/TH", EFFICIENCY_UNITS, 17.5],
    ["100 EH/s", HASHRATE_UNITS, undefined], // unit not listed
  ];
  for (const [text, units, value] of cases) {
    assert.equal(statedQuantity(text, units)?.value, value, text);
  }
});

Deno.test("checkAsStated allows a wordy efficiency only with a blank number", () => {
  const check = {
    column: "efficiency_j_per_th",
    value: NaN,
    statedColumn: "efficiency_as_stated",
    stated: "37% higher than S19 Pro",
    units: EFFICIENCY_UNITS,
    required: false,
  };
  checkAsStated("f.csv", 3, check);
  assert.throws(
    () => checkAsStated("f.csv", 3, { ...check, value: 21.5 }),
    (e) =>
      e instanceof CsvError && e.line === 3 && e.column === "efficiency_as_stated" &&
      e.message === 'f.csv:3: column "efficiency_as_stated": cannot read a number and unit ' +
          '(j/th, w/th, j/gh) from "37% higher than S19 Pro", which efficiency_j_per_th = 21.5 ' +
          "should restate",
  );
});
