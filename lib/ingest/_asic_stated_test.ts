/** Reading what a facts row states: releases and as-stated figures. */
import assert from "node:assert/strict";
import {
  checkAsStated,
  EFFICIENCY_UNITS,
  HASHRATE_UNITS,
  POWER_UNITS,
  releaseFromStatement,
  statedFigures,
  statedQuantity,
} from "./_asic_stated.ts";
import { CsvError } from "../data/csv.ts";

Deno.test("releaseFromStatement reads only what a statement says", () => {
  const cases: [string, string][] = [
    ["unveiled at WDMS 2023, Hong Kong, September 22-23 [2023]", "2023-09"],
    ["released by Canaan in 2013", "2013"],
    ["'recently presented'; not available to general public until summer of 2022", ""],
    ["announced Feb. 2024", "2024-02"],
    ["launched in Q3 2024", ""],
    // Canaan's A1566: the only month named is the halving's, which the launch came weeks after.
    [
      "launched the latest A1566 model of its flagship Avalon A15 series on Thursday at the " +
      "Bitcoin Asia 2024 conference [Hong Kong, weeks after the April 19, 2024 halving]",
      "",
    ],
    ["In October 2025, Canaan Inc. introduced the Avalon A16 series", "2025-10"],
    ["to be released in January 2026", "2026-01"],
    ["shipped since March 2024, unveiled in May 2024", "2024-05"],
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
    ["an efficiency of 9.7 joules per terahash (J/TH)", EFFICIENCY_UNITS, undefined], // not leading
    ["9,5 J/TH", EFFICIENCY_UNITS, undefined], // a decimal comma is not a thousands separator
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
          '(j/th, w/th, j/gh, joules per terahash) from "37% higher than S19 Pro", which efficiency_j_per_th = 21.5 ' +
          "should restate",
  );
});

Deno.test("statedFigures reads every figure the text gives, in the column's unit", () => {
  const cases: [string, Readonly<Record<string, number>>, number[]][] = [
    // The real as-stated cells of facts/asic_specs.csv that give more than one figure.
    ["the M60S is available in 178 TH/s and 186TH/s models", HASHRATE_UNITS, [178, 186]],
    [
      "nominal 185 TH/s SKU and batch-binned 170 / 175 / 180 / 185 / 195 TH/s variants",
      HASHRATE_UNITS,
      [185, 195],
    ],
    ["600 TH/s (or 300 TH/s per slot)", HASHRATE_UNITS, [600, 300]],
    ["9,5 J/TH tehokkuutta [9.5 J/TH efficiency]", EFFICIENCY_UNITS, [9.5]],
    ["an energy efficiency of 9.7 joules per terahash (J/TH)", EFFICIENCY_UNITS, [9.7]],
    ["an efficiency rating of 18.5 Joules per terahash", EFFICIENCY_UNITS, [18.5]],
    ["an output of 17. 5 J/TH", EFFICIENCY_UNITS, [17.5]],
    ["13 J/TH:lla [at 13 J/TH]", EFFICIENCY_UNITS, [13, 13]],
    ["3,900W (± ~10%)", POWER_UNITS, [3900]],
    ["a 140 thousand unit order", HASHRATE_UNITS, []], // "th" must end the word
    ["approximately 15 exahashes per second (EH/s)", HASHRATE_UNITS, []],
  ];
  for (const [text, units, values] of cases) {
    assert.deepEqual(statedFigures(text, units).map((f) => f.value), values, text);
  }
});

Deno.test("checkAsStated: a number must be one of the stated figures", async (t) => {
  const bins = {
    column: "hashrate_ths",
    value: 186,
    statedColumn: "hashrate_as_stated",
    stated: "the M60S is available in 178 TH/s and 186TH/s models",
    units: HASHRATE_UNITS,
    required: false,
  };
  await t.step("one of several bins", () => {
    assert.deepEqual(checkAsStated("f.csv", 4, bins), { value: 186, number: "186" });
  });
  await t.step("a figure the text does not give", () => {
    assert.throws(
      () => checkAsStated("f.csv", 4, { ...bins, value: 182 }),
      (e) =>
        e instanceof CsvError && e.column === "hashrate_ths" &&
        e.message === 'f.csv:4: column "hashrate_ths": expected 178 or 186 from ' +
            'hashrate_as_stated "the M60S is available in 178 TH/s and 18…", found 182',
    );
  });
  await t.step("a blank number beside a lower bound or words", () => {
    const bound = "hashpower ylittää 1 000 TH/s – eli 1 PH/s [exceeds 1,000 TH/s, i.e. 1 PH/s]";
    assert.equal(checkAsStated("f.csv", 4, { ...bins, value: NaN, stated: bound }), undefined);
    assert.equal(checkAsStated("f.csv", 4, { ...bins, value: NaN, stated: "" }), undefined);
  });
  await t.step("a blank number beside text that begins with a figure", () => {
    assert.throws(
      () => checkAsStated("f.csv", 4, { ...bins, value: NaN, stated: "580 TH/s" }),
      (e) =>
        e instanceof CsvError &&
        e.message === 'f.csv:4: column "hashrate_ths": expected 580 from hashrate_as_stated ' +
            '"580 TH/s", found an empty cell',
    );
  });
  await t.step("a required number left blank", () => {
    assert.throws(
      () =>
        checkAsStated("f.csv", 4, {
          ...bins,
          column: "power_w",
          statedColumn: "power_as_stated",
          value: NaN,
          stated: "about the same as the S21",
          units: POWER_UNITS,
          required: true,
        }),
      (e) =>
        e instanceof CsvError && e.column === "power_as_stated" &&
        e.message === 'f.csv:4: column "power_as_stated": cannot read a number and unit (w, kw) ' +
            'from "about the same as the S21"',
    );
  });
});
