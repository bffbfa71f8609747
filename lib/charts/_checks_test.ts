import assert from "node:assert/strict";
import {
  cell,
  cosmeticWarner,
  fieldValues,
  finiteAt,
  finiteNumbers,
  formatOption,
  isD3Format,
  isSize,
  show,
  sizeOption,
  textAt,
} from "./_checks.ts";
import { warnings } from "./_testing.ts";

Deno.test("show: numbers as numbers, the rest as JSON", () => {
  assert.deepEqual(
    [NaN, Infinity, -5, "MW", null, undefined, [1, "a"], true].map(show),
    ["NaN", "Infinity", "-5", '"MW"', "null", "undefined", '[1,"a"]', "true"],
  );
});

Deno.test("isSize: finite numbers above zero only", () => {
  assert.deepEqual(
    [680, 0.5, 0, -5, NaN, Infinity, "680", null, undefined].map(isSize),
    [true, true, false, false, false, false, false, false, false],
  );
});

Deno.test("isD3Format: d3-format's own grammar, any type letter", () => {
  for (const ok of ["", ",.0f", "$.2s", ".1%", "$,.0f", ">10.2f", "0>8d", "+$,.2f", "~s", "z"]) {
    assert.ok(isD3Format(ok), ok);
  }
  for (const bad of ["dollars", "$$", "MW", ".2zz", "(("]) assert.ok(!isD3Format(bad), bad);
  for (const notText of [5, null, undefined, {}]) assert.ok(!isD3Format(notText));
});

Deno.test("cosmeticWarner: one warning naming the builder, the option and both values", () => {
  const cosmetic = cosmeticWarner("columnSpec");
  const seen = warnings(() => {
    assert.equal(cosmetic(-5, "width", 680, isSize), 680);
    assert.equal(cosmetic("dollars", "yFormat", ",.0f", isD3Format), ",.0f");
    assert.equal(cosmetic(NaN, "height", 260, isSize), 260);
    assert.equal(cosmetic(300, "width", 680, isSize), 300);
    assert.equal(cosmetic(undefined, "width", 680, isSize), 680);
  });
  assert.deepEqual(seen, [
    "columnSpec: width -5 is out of range; using 680",
    'columnSpec: yFormat "dollars" is out of range; using ",.0f"',
    "columnSpec: height NaN is out of range; using 260",
  ]);
});

Deno.test("cell, finiteAt, textAt: errors name the option, the field and the row", () => {
  const row = { mw: 200, use: "AI/HPC", blank: "", bad: Infinity };
  assert.equal(cell(row, "y", "mw", 0), 200);
  assert.equal(finiteAt(row, "y", "mw", 0), 200);
  assert.equal(textAt(row, "series", "use", 0), "AI/HPC");
  assert.throws(() => cell(row, "y", "MW" as "mw", 4), {
    name: "TypeError",
    message: 'Cannot use y: field "MW" is missing from row 4',
  });
  assert.throws(() => cell(null as unknown as typeof row, "y", "mw", 1), /missing from row 1/);
  assert.throws(() => finiteAt(row, "value", "bad", 2), {
    name: "TypeError",
    message: 'Cannot use value: field "bad" in row 2 is Infinity, expected a finite number',
  });
  assert.throws(() => finiteAt(row, "value", "use", 2), /is "AI\/HPC", expected a finite number/);
  assert.throws(() => textAt(row, "label", "blank", 3), {
    name: "TypeError",
    message: 'Cannot use label: field "blank" in row 3 is "", expected text',
  });
  assert.throws(() => textAt(row, "label", "mw", 3), /is 200, expected text/);
});

Deno.test("fieldValues: one pass, so the first bad row is reported whatever is wrong with it", () => {
  const rows = [{ v: 1 }, { v: "2" }, {}];
  assert.deepEqual(fieldValues(rows.slice(0, 2), "value", "v", false), [1, "2"]);
  assert.throws(() => fieldValues(rows, "value", "v", true), {
    name: "TypeError",
    message: "Cannot use value: expected a finite number in rows[1].v, got 2",
  });
  assert.throws(() => fieldValues(rows, "value", "v", false), {
    name: "TypeError",
    message: 'Cannot use value: field "v" is missing from rows[2]',
  });
});

Deno.test("finiteNumbers: a missing field anywhere first, then bad values, then ≤ 0 on a log axis", () => {
  const rows = [{ v: 1 }, { v: "2" }, {}];
  assert.throws(() => finiteNumbers(rows, "y", "v", false), /field "v" is missing from rows\[2\]/);
  assert.throws(() => finiteNumbers(rows.slice(0, 2), "y", "v", false), {
    name: "TypeError",
    message: "Cannot use y: expected a finite number in rows[1].v, got 2",
  });
  assert.deepEqual(finiteNumbers([{ v: 0 }, { v: -3 }], "y", "v", false), [0, -3]);
  assert.throws(() => finiteNumbers([{ v: 3 }, { v: -3 }], "y", "v", true), {
    name: "RangeError",
    message: "Cannot use y on a log scale: expected a value > 0 in rows[1].v, got -3",
  });
});

Deno.test("sizeOption: a finite number > 0, else one warning and the default", () => {
  const seen = warnings(() => {
    assert.equal(sizeOption("width", Infinity, 680), 680);
    assert.equal(sizeOption("height", -300, 300), 300);
    assert.equal(sizeOption("width", 330, 680), 330);
    assert.equal(sizeOption("width", undefined, 680), 680);
  });
  assert.deepEqual(seen, [
    "Ignoring width: expected a number > 0, got Infinity; using 680",
    "Ignoring height: expected a number > 0, got -300; using 300",
  ]);
});

Deno.test("formatOption: d3's grammar with a type d3 knows, else one warning and the default", () => {
  // The stricter grammar the fan chart, heat map and scatter had: a type letter d3 knows.
  const known = /^(?:(.)?([<>=^]))?([+\-( ])?([$#])?(0)?(\d+)?(,)?(\.\d+)?(~)?([bcdefgnoprsxX%])?$/;
  const formats = [
    "",
    ",.0f",
    "$.3s",
    ".2~s",
    "X",
    "x",
    "D",
    "z",
    ".2z",
    "$M",
    "USD",
    '"<5d',
    "a<5",
  ];
  const seen = warnings(() => {
    for (const format of formats) {
      assert.equal(formatOption("yFormat", format, ",.0f") === format, known.test(format), format);
    }
  });
  assert.equal(seen.length, formats.filter((f) => !known.test(f)).length);
  assert.equal(seen[0], 'Ignoring yFormat: expected a d3 number format, got "D"; using ",.0f"');
  assert.equal(formatOption("xFormat", undefined, ""), "");
});
