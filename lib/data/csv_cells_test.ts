/**
 * Tests for converting and checking one CSV cell. Every error must point a person at the exact
 * cell: file, line, column and the offending value, so each error assertion checks all four.
 */
import assert from "node:assert/strict";
import { type ColumnSpec, CsvError, numberCell, quote, textCell } from "./csv_cells.ts";
import { assertCsvError } from "./_testing.ts";

Deno.test("numberCell converts or explains", async (t) => {
  const integer = { name: "blocks", type: "integer", min: 1 } as const;
  const number = { name: "hashrate_ths", type: "number", min: 0 } as const;
  const optional = { name: "fees_btc", type: "number", optional: true } as const;
  await t.step("values", () => {
    assert.equal(numberCell("f.csv", 9, integer, "144"), 144);
    assert.equal(numberCell("f.csv", 9, integer, "1e2"), 100);
    assert.equal(numberCell("f.csv", 9, number, "6.5e8"), 6.5e8);
    assert.equal(numberCell("f.csv", 9, number, "0"), 0);
    assert.equal(numberCell("f.csv", 9, { name: "x", type: "number" }, "-3.5"), -3.5);
    assert.ok(Number.isNaN(numberCell("f.csv", 9, optional, "")));
  });
  const errors: [typeof integer | typeof number, string, RegExp][] = [
    [integer, "", /^f\.csv:9: column "blocks": expected a whole number, found an empty cell$/],
    [integer, "1.5", /^f\.csv:9: column "blocks": expected a whole number, found "1\.5"$/],
    [integer, "0", /^f\.csv:9: column "blocks": expected a value of at least 1, found "0"$/],
    [
      number,
      "-0.001",
      /^f\.csv:9: column "hashrate_ths": expected a value of at least 0, found "-0\.001"$/,
    ],
    [number, "1e400", /^f\.csv:9: column "hashrate_ths": expected a finite number, found "1e400"$/],
    [
      number,
      "-1e400",
      /^f\.csv:9: column "hashrate_ths": expected a finite number, found "-1e400"$/,
    ],
    [
      number,
      "Infinity",
      /^f\.csv:9: column "hashrate_ths": expected a finite number, found "Infinity"$/,
    ],
    [number, "+inf", /^f\.csv:9: column "hashrate_ths": expected a finite number, found "\+inf"$/],
    [number, "NaN", /^f\.csv:9: column "hashrate_ths": expected a finite number, found "NaN"$/],
    // Padding is not part of a number: a cell must hold the number alone.
    [number, " 7", /^f\.csv:9: column "hashrate_ths": expected a number, found " 7"$/],
    [number, "7 ", /^f\.csv:9: column "hashrate_ths": expected a number, found "7 "$/],
    [number, "0x1F", /^f\.csv:9: column "hashrate_ths": expected a number, found "0x1F"$/],
    [number, "0b101", /^f\.csv:9: column "hashrate_ths": expected a number, found "0b101"$/],
    [number, "1e", /^f\.csv:9: column "hashrate_ths": expected a number, found "1e"$/],
    [number, ".", /^f\.csv:9: column "hashrate_ths": expected a number, found "\."$/],
    [number, "1.2.3", /^f\.csv:9: column "hashrate_ths": expected a number, found "1\.2\.3"$/],
    [number, "1 000", /^f\.csv:9: column "hashrate_ths": expected a number, found "1 000"$/],
    [number, "1,5", /^f\.csv:9: column "hashrate_ths": expected a number, found "1,5"$/],
    [number, "12 TH/s", /^f\.csv:9: column "hashrate_ths": expected a number, found "12 TH\/s"$/],
  ];
  for (const [spec, raw, pattern] of errors) {
    await t.step(`${spec.name} ${JSON.stringify(raw)}`, () => {
      assertCsvError(() => numberCell("f.csv", 9, spec, raw), pattern, {
        line: 9,
        column: spec.name,
      });
    });
  }
});

Deno.test("quote shows short values whole and cuts long ones at 40 characters", () => {
  assert.equal(quote("abc"), '"abc"');
  assert.equal(quote('a"b'), '"a\\"b"');
  assert.equal(quote("x".repeat(40)), `"${"x".repeat(40)}"`);
  assert.equal(quote("x".repeat(41)), `"${"x".repeat(40)}…"`);
});

Deno.test("CsvError formats its location", () => {
  const cell = new CsvError("f.csv", 3, "price_usd", "expected a number");
  assert.equal(cell.message, 'f.csv:3: column "price_usd": expected a number');
  assert.ok(cell instanceof Error);
  const whole = new CsvError("f.csv", 0, undefined, "the file is empty");
  assert.equal(whole.message, "f.csv: the file is empty");
  assert.equal(whole.column, undefined);
});

Deno.test("textCell checks dates, blanks and listed values", async (t) => {
  const basis = {
    name: "mw_basis",
    type: "string",
    values: ["critical IT", "gross", "not stated"],
  } as const satisfies ColumnSpec;
  const qualifier = {
    name: "qualifier",
    type: "string",
    optional: true,
    values: ["up to"],
  } as const;
  await t.step("values", () => {
    assert.equal(textCell("f.csv", 9, { name: "note", type: "string" }, " as is "), " as is ");
    assert.equal(textCell("f.csv", 9, { name: "note", type: "string", optional: true }, ""), "");
    assert.equal(textCell("f.csv", 9, { name: "date", type: "date" }, "2024-02-29"), "2024-02-29");
    assert.equal(textCell("f.csv", 9, basis, "not stated"), "not stated");
    assert.equal(textCell("f.csv", 9, qualifier, "up to"), "up to");
    // A blank optional cell is allowed although "" is not among the values.
    assert.equal(textCell("f.csv", 9, qualifier, ""), "");
  });
  const errors: [ColumnSpec, string, RegExp][] = [
    [
      { name: "note", type: "string" },
      "",
      /^f\.csv:9: column "note": expected text, found an empty cell$/,
    ],
    [
      { name: "date", type: "date" },
      "2023-02-29",
      /^f\.csv:9: column "date": expected a date YYYY-MM-DD, found "2023-02-29"$/,
    ],
    [
      basis,
      "IT",
      /^f\.csv:9: column "mw_basis": expected one of "critical IT", "gross", "not stated", found "IT"$/,
    ],
    // Values are matched exactly: no trimming, no case folding.
    [
      basis,
      "Gross",
      /^f\.csv:9: column "mw_basis": expected one of "critical IT", "gross", "not stated", found "Gross"$/,
    ],
    [
      basis,
      "gross ",
      /^f\.csv:9: column "mw_basis": expected one of "critical IT", "gross", "not stated", found "gross "$/,
    ],
    [
      basis,
      "",
      /^f\.csv:9: column "mw_basis": expected one of "critical IT", "gross", "not stated", found an empty cell$/,
    ],
    [
      qualifier,
      "about",
      /^f\.csv:9: column "qualifier": expected one of "up to" or blank, found "about"$/,
    ],
    [
      { name: "kind", type: "string", values: ['say "hi"'] },
      "x",
      /^f\.csv:9: column "kind": expected one of "say \\"hi\\"", found "x"$/,
    ],
  ];
  for (const [spec, raw, pattern] of errors) {
    await t.step(`${spec.name} ${JSON.stringify(raw)}`, () => {
      assertCsvError(() => textCell("f.csv", 9, spec, raw), pattern, {
        line: 9,
        column: spec.name,
      });
    });
  }
});

Deno.test("a positive number, a date of the forms listed, an http(s) URL", async (t) => {
  const mw = { name: "capacity_mw", type: "number", optional: true, positive: true } as const;
  const month = { name: "date", type: "date", dates: ["YYYY-MM", "YYYY-MM-DD"] } as const;
  const url = { name: "source_url", type: "string", url: true } as const;
  await t.step("values", () => {
    assert.equal(numberCell("f.csv", 4, mw, "0.5"), 0.5);
    assert.ok(Number.isNaN(numberCell("f.csv", 4, mw, "")));
    assert.equal(textCell("f.csv", 4, month, "2024-02"), "2024-02");
    assert.equal(textCell("f.csv", 4, month, "2024-02-29"), "2024-02-29");
    assert.equal(textCell("f.csv", 4, url, "http://x.org/a"), "http://x.org/a");
  });
  const errors: [ColumnSpec, string, RegExp][] = [
    [mw, "0", /^f\.csv:4: column "capacity_mw": expected a positive number or blank, found "0"$/],
    [mw, "-2", /^f\.csv:4: column "capacity_mw": expected a positive number or blank, found "-2"$/],
    [{ ...mw, optional: false }, "0", /: expected a positive number, found "0"$/],
    [month, "2024", /^f\.csv:4: column "date": expected YYYY-MM or YYYY-MM-DD, found "2024"$/],
    [month, "2024-13", /: expected YYYY-MM or YYYY-MM-DD, found "2024-13"$/],
    [month, "2023-02-29", /: expected YYYY-MM or YYYY-MM-DD, found "2023-02-29"$/],
    [month, "", /: expected YYYY-MM or YYYY-MM-DD, found an empty cell$/],
    [{ ...month, dates: ["YYYY"] }, "2024-02", /: expected YYYY, found "2024-02"$/],
    [url, "example.com/a", /^f\.csv:4: column "source_url": expected an http\(s\) URL, found/],
    [url, "https://x.org/a b", /: expected an http\(s\) URL, found "https:\/\/x\.org\/a b"$/],
    [url, " ", /: expected an http\(s\) URL, found an empty cell$/],
  ];
  for (const [spec, raw, pattern] of errors) {
    await t.step(`${spec.name} ${JSON.stringify(raw)}`, () => {
      const cell = spec.type === "number" ? numberCell : textCell;
      assertCsvError(() => cell("f.csv", 4, spec, raw), pattern, { line: 4, column: spec.name });
    });
  }
});
