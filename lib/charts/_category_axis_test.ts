import assert from "node:assert/strict";
import { categoryLabels, distinct, estimateWidth } from "./_category_axis.ts";
import { assertAlmostEquals } from "../testing/assert_almost_equals.ts";

Deno.test("distinct: text or number values in order of first appearance", () => {
  const rows = [{ c: "b" }, { c: 2 }, { c: "b" }, { c: "2" }, { c: "a" }];
  // A number and its text are one category.
  assert.deepEqual(distinct(rows, "x", "c"), ["b", 2, "a"]);
  assert.throws(() => distinct([{ c: "a" }, { c: "" }], "series", "c"), {
    name: "TypeError",
    message: 'Cannot use series: field "c" in row 1 is "", expected text or a number',
  });
  assert.throws(() => distinct([{ c: NaN }], "x", "c"), /is NaN, expected text or a number/);
  assert.throws(() => distinct([{ c: "a" }], "x", "C" as "c"), /field "C" is missing from row 0/);
});

Deno.test("categoryLabels: as they are when every label fits its band", () => {
  assert.deepEqual(categoryLabels(["Self-mining", "Colocation", "GPU cloud"], 200), {});
  assert.deepEqual(categoryLabels([2024, 2025], 40), {});
});

Deno.test("categoryLabels: wrapped onto lines when every word fits", () => {
  const axis = categoryLabels(["Core Scientific", "Galaxy Digital Holdings", "IREN"], 80);
  assert.equal(axis.labelLineHeight, 11);
  const table = JSON.parse(
    String(axis.labelExpr).replace(/\[datum\.label\] \|\| datum\.label$/, ""),
  );
  assert.deepEqual(table, {
    "Core Scientific": ["Core", "Scientific"],
    "Galaxy Digital Holdings": ["Galaxy Digital", "Holdings"], // 72.4 px of 73.6 on one line
    "IREN": ["IREN"],
  });
});

Deno.test("categoryLabels: slanted when a word is too long or a label needs four lines", () => {
  const slanted = { labelAngle: -40, labelAlign: "right", labelBaseline: "top" };
  assert.deepEqual(categoryLabels(["Supercalifragilistic", "A"], 60), slanted);
  assert.deepEqual(categoryLabels(["Aa Bb Cc Dd Ee Ff Gg Hh", "A"], 30), slanted);
});

Deno.test("estimateWidth: wide, capital, narrow and other letters, in ems of the font size", () => {
  assertAlmostEquals(estimateWidth("W", 10), 9.5, 1e-9);
  assertAlmostEquals(estimateWidth("A7$", 10), 21.6, 1e-9);
  assertAlmostEquals(estimateWidth("il.", 10), 9.6, 1e-9);
  assertAlmostEquals(estimateWidth("ab", 9), 10.8, 1e-9);
  assert.equal(estimateWidth("", 10), 0);
});
