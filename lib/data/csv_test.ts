/**
 * Tests for the schema-driven CSV parser. Every error must point a person at the exact cell:
 * file, line, column and the offending value, so each error assertion checks all four.
 */
import assert from "node:assert/strict";
import { parseCsv, type Schema } from "./csv.ts";
import { assertCsvError } from "./_testing.ts";

// A small schema covering each cell type, a lower bound, an integer and an optional column.
const SCHEMA = [
  { name: "date", type: "date" },
  { name: "blocks", type: "integer", min: 1 },
  { name: "price_usd", type: "number", min: 0 },
  { name: "fees_btc", type: "number", optional: true },
  { name: "note", type: "string", optional: true },
] as const satisfies Schema;

const HEADER = "date,blocks,price_usd,fees_btc,note";

/** Parses `rows` (lines after the header) as `f.csv`. */
function parse(rows: string, options: { header?: "exact" | "subset" } = {}) {
  return parseCsv(`${HEADER}\n${rows}`, SCHEMA, { file: "f.csv", ...options });
}

Deno.test("parseCsv reads typed columns in schema order", () => {
  const { columns, rowCount, lines } = parse(
    "2024-04-19,151,63762.63,179.88,mixed day\n2024-04-20,130,64907.99,,\n",
  );
  assert.equal(rowCount, 2);
  assert.deepEqual(columns.date, ["2024-04-19", "2024-04-20"]);
  assert.ok(columns.blocks instanceof Float64Array);
  assert.deepEqual([...columns.blocks], [151, 130]);
  assert.deepEqual([...columns.price_usd], [63762.63, 64907.99]);
  assert.equal(columns.fees_btc[0], 179.88);
  // An optional blank number is NaN, an optional blank string is "".
  assert.ok(Number.isNaN(columns.fees_btc[1]));
  assert.deepEqual(columns.note, ["mixed day", ""]);
  assert.deepEqual([...lines], [2, 3]);
});

Deno.test("parseCsv accepts the usual spellings of numbers", () => {
  const { columns } = parse(
    "2024-01-01,144,1e3,+0.5,\n2024-01-02,1.44e2,.25,7,\n2024-01-03,144.0,5.,1E-2,\n",
  );
  assert.deepEqual([...columns.blocks], [144, 144, 144]);
  assert.deepEqual([...columns.price_usd], [1000, 0.25, 5]);
  assert.deepEqual([...columns.fees_btc], [0.5, 7, 0.01]);
});

Deno.test("parseCsv checks the header", async (t) => {
  await t.step("missing column", () => {
    assertCsvError(
      () => parseCsv("date,blocks,fees_btc,note\n2024-01-01,1,0,\n", SCHEMA, { file: "f.csv" }),
      /^f\.csv:1: header does not match the schema: missing "price_usd"\. Expected columns: date,blocks,price_usd,fees_btc,note$/,
      { line: 1 },
    );
  });
  await t.step("extra column", () => {
    assertCsvError(
      () => parseCsv(`${HEADER},extra\n2024-01-01,1,2,3,x,y\n`, SCHEMA, { file: "f.csv" }),
      /^f\.csv:1: header does not match the schema: unexpected "extra"\. Expected columns: date,/,
      { line: 1 },
    );
  });
  await t.step("renamed column names both the missing and the unexpected name", () => {
    assertCsvError(
      () =>
        parseCsv("date,blocks,price,fees_btc,note\n2024-01-01,1,2,3,x\n", SCHEMA, {
          file: "f.csv",
        }),
      /^f\.csv:1: header does not match the schema: missing "price_usd"; unexpected "price"\./,
      { line: 1 },
    );
  });
  await t.step("repeated column", () => {
    assertCsvError(
      () => parseCsv(`${HEADER},blocks\n2024-01-01,1,2,3,x,4\n`, SCHEMA, { file: "f.csv" }),
      /^f\.csv:1: column "blocks": the header repeats this column$/,
      { line: 1, column: "blocks" },
    );
  });
  await t.step("repeated column is an error in subset mode too", () => {
    assertCsvError(
      () =>
        parseCsv(`x,${HEADER},x\n0,2024-01-01,1,2,3,x,0\n`, SCHEMA, {
          file: "f.csv",
          header: "subset",
        }),
      /^f\.csv:1: column "x": the header repeats this column$/,
      { line: 1, column: "x" },
    );
  });
  await t.step("out-of-order columns", () => {
    assertCsvError(
      () =>
        parseCsv("blocks,date,price_usd,fees_btc,note\n1,2024-01-01,2,3,x\n", SCHEMA, {
          file: "f.csv",
        }),
      /^f\.csv:1: columns are out of order; expected date,blocks,price_usd,fees_btc,note$/,
      { line: 1 },
    );
  });
  await t.step("header cells are trimmed", () => {
    const text = " date , blocks,price_usd ,fees_btc,note\n2024-01-01,1,2,3,x\n";
    assert.equal(parseCsv(text, SCHEMA).rowCount, 1);
  });
  await t.step("subset mode ignores extra columns and their order", () => {
    const text = "note,extra,price_usd,date,fees_btc,blocks,more\n" +
      "hello,??,12.5,2024-01-01,,7,not a number\n";
    const { columns, rowCount } = parseCsv(text, SCHEMA, { file: "f.csv", header: "subset" });
    assert.equal(rowCount, 1);
    assert.deepEqual(columns.date, ["2024-01-01"]);
    assert.deepEqual([...columns.blocks], [7]);
    assert.deepEqual([...columns.price_usd], [12.5]);
    assert.ok(Number.isNaN(columns.fees_btc[0]));
    assert.deepEqual(columns.note, ["hello"]);
    // The result has exactly the schema's columns, none of the extras.
    assert.deepEqual(Object.keys(columns), ["date", "blocks", "price_usd", "fees_btc", "note"]);
  });
  await t.step("subset mode ignores unnamed columns, repeated or not", () => {
    // As in a spreadsheet export: two unnamed trailing columns, one unnamed in between.
    const text = `${HEADER},,\n2024-01-01,1,2,3,x,,\n`;
    const { columns, rowCount } = parseCsv(text, SCHEMA, { file: "f.csv", header: "subset" });
    assert.equal(rowCount, 1);
    assert.deepEqual(columns.note, ["x"]);
    const between = parseCsv(
      "date,,blocks, ,price_usd,fees_btc,note\n2024-01-01,a,1,b,2,3,x\n",
      SCHEMA,
      {
        file: "f.csv",
        header: "subset",
      },
    );
    assert.deepEqual([...between.columns.blocks], [1]);
  });
  await t.step("exact mode still rejects unnamed columns", () => {
    assertCsvError(
      () => parseCsv(`${HEADER},\n2024-01-01,1,2,3,x,\n`, SCHEMA, { file: "f.csv" }),
      /^f\.csv:1: header does not match the schema: unexpected ""\. Expected columns: /,
      { line: 1 },
    );
    assertCsvError(
      () => parseCsv(`${HEADER},,\n2024-01-01,1,2,3,x,,\n`, SCHEMA, { file: "f.csv" }),
      /^f\.csv:1: column "": the header repeats this column$/,
      { line: 1, column: "" },
    );
  });
  await t.step("subset mode still requires every schema column", () => {
    assertCsvError(
      () =>
        parseCsv("date,blocks,extra,fees_btc,note\n2024-01-01,1,2,3,x\n", SCHEMA, {
          file: "f.csv",
          header: "subset",
        }),
      /^f\.csv:1: header does not match the schema: missing "price_usd"\. Expected/,
      { line: 1 },
    );
  });
});

Deno.test("parseCsv rejects bad cells, naming file, line, column and value", async (t) => {
  // The bad cell is always on the second data row (line 3), after a good row.
  const good = "2024-01-01,144,100,1,ok\n";
  const cases: { name: string; row: string; column: string; pattern: RegExp }[] = [
    {
      name: "non-numeric",
      row: "2024-01-02,144,abc,1,",
      column: "price_usd",
      pattern: /^f\.csv:3: column "price_usd": expected a number, found "abc"$/,
    },
    {
      name: "negative below min 0",
      row: "2024-01-02,144,-1,1,",
      column: "price_usd",
      pattern: /^f\.csv:3: column "price_usd": expected a value of at least 0, found "-1"$/,
    },
    {
      name: "zero below min 1",
      row: "2024-01-02,0,100,1,",
      column: "blocks",
      pattern: /^f\.csv:3: column "blocks": expected a value of at least 1, found "0"$/,
    },
    {
      name: "Infinity",
      row: "2024-01-02,144,Infinity,1,",
      column: "price_usd",
      pattern: /^f\.csv:3: column "price_usd": expected a finite number, found "Infinity"$/,
    },
    {
      name: "NaN",
      row: "2024-01-02,144,NaN,1,",
      column: "price_usd",
      pattern: /^f\.csv:3: column "price_usd": expected a finite number, found "NaN"$/,
    },
    {
      name: "1e400 overflows to Infinity",
      row: "2024-01-02,144,1e400,1,",
      column: "price_usd",
      pattern: /^f\.csv:3: column "price_usd": expected a finite number, found "1e400"$/,
    },
    {
      name: "non-finite in an optional column",
      row: "2024-01-02,144,100,-Infinity,",
      column: "fees_btc",
      pattern: /^f\.csv:3: column "fees_btc": expected a finite number, found "-Infinity"$/,
    },
    {
      name: "hexadecimal is not a decimal number",
      row: "2024-01-02,144,0x10,1,",
      column: "price_usd",
      pattern: /^f\.csv:3: column "price_usd": expected a number, found "0x10"$/,
    },
    {
      name: "blank required number",
      row: "2024-01-02,144,,1,",
      column: "price_usd",
      pattern: /^f\.csv:3: column "price_usd": expected a number, found an empty cell$/,
    },
    {
      name: "blank required date",
      row: ",144,100,1,",
      column: "date",
      pattern: /^f\.csv:3: column "date": expected a date YYYY-MM-DD, found an empty cell$/,
    },
    {
      name: "fraction in an integer column",
      row: "2024-01-02,144.5,100,1,",
      column: "blocks",
      pattern: /^f\.csv:3: column "blocks": expected a whole number, found "144\.5"$/,
    },
    {
      name: "impossible calendar date",
      row: "2024-02-30,144,100,1,",
      column: "date",
      pattern: /^f\.csv:3: column "date": expected a date YYYY-MM-DD, found "2024-02-30"$/,
    },
    {
      name: "date without dashes",
      row: "20240101,144,100,1,",
      column: "date",
      pattern: /^f\.csv:3: column "date": expected a date YYYY-MM-DD, found "20240101"$/,
    },
    {
      name: "date with a time",
      row: "2024-01-02T00:00:00Z,144,100,1,",
      column: "date",
      pattern:
        /^f\.csv:3: column "date": expected a date YYYY-MM-DD, found "2024-01-02T00:00:00Z"$/,
    },
  ];
  for (const c of cases) {
    await t.step(c.name, () => {
      assertCsvError(() => parse(good + c.row + "\n"), c.pattern, { line: 3, column: c.column });
    });
  }
  await t.step("a long value is shortened in the message", () => {
    const long = "9".repeat(60) + "x";
    assertCsvError(
      () => parse(`${good}2024-01-02,144,${long},1,\n`),
      new RegExp(`^f\\.csv:3: column "price_usd": expected a number, found "${"9".repeat(40)}…"$`),
      { line: 3, column: "price_usd" },
    );
  });
});

Deno.test("parseCsv rejects files with the wrong shape", async (t) => {
  await t.step("empty file", () => {
    for (const text of ["", "\n\n", "  \r\n", "\ufeff"]) {
      // No line to point at: the message names the file alone.
      assertCsvError(
        () => parseCsv(text, SCHEMA, { file: "f.csv" }),
        /^f\.csv: the file is empty$/,
        { line: 0 },
      );
    }
  });
  await t.step("header-only file, with or without a final newline", () => {
    for (const text of [`${HEADER}\n`, HEADER, `${HEADER}\r\n`]) {
      assertCsvError(
        () => parseCsv(text, SCHEMA, { file: "f.csv" }),
        /^f\.csv:1: the file has a header but no rows$/,
        { line: 1 },
      );
    }
  });
  await t.step("file cut mid-row says so", () => {
    assertCsvError(
      () => parse("2024-01-01,144,100,1,ok\n2024-01-02,14"),
      /^f\.csv:3: column "blocks": expected 5 fields as in the header, found 2, the last "14" \(the file looks cut off mid-row\)$/,
      { line: 3, column: "blocks" },
    );
  });
  await t.step("a short row that ends with a newline is not called cut off", () => {
    assertCsvError(
      () => parse("2024-01-01,144\n2024-01-02,144,100,1,ok\n"),
      /^f\.csv:2: expected 5 fields as in the header, found 2$/,
      { line: 2 },
    );
  });
  await t.step("extra cells in a row", () => {
    assertCsvError(
      () => parse("2024-01-01,144,100,1,ok\n2024-01-02,144,100,1,ok,surplus\n"),
      /^f\.csv:3: expected 5 fields as in the header, found 6$/,
      { line: 3 },
    );
  });
  await t.step("blank line in the middle", () => {
    assertCsvError(
      () => parse("2024-01-01,144,100,1,ok\n\n2024-01-03,144,100,1,ok\n"),
      /^f\.csv:3: blank line inside the data$/,
      { line: 3 },
    );
  });
  await t.step("blank lines at the end are not rows (editors often leave one)", () => {
    const { rowCount } = parse("2024-01-01,144,100,1,ok\n\n\n");
    assert.equal(rowCount, 1);
  });
  await t.step("unterminated quote", () => {
    assertCsvError(
      () => parse('2024-01-01,144,100,1,"never closed\n2024-01-02,144,100,1,ok\n'),
      /^f\.csv:2: column "note": cannot read CSV: Quoted field unterminated; the cell runs to the end of the file: "never closed\\n2024-01-02,144,100,1,ok\\n"$/,
      { line: 2, column: "note" },
    );
  });
  await t.step("a semicolon-separated file fails on its header", () => {
    assertCsvError(
      () => parseCsv("date;price_usd\n2024-01-01;1\n", SCHEMA, { file: "f.csv" }),
      /^f\.csv:1: header does not match the schema: missing "date", "blocks", "price_usd", "fees_btc", "note"; unexpected "date;price_usd"\./,
      { line: 1 },
    );
  });
});

Deno.test("parseCsv splits on commas only, even when every row holds semicolons", () => {
  // Regression: a parser left to guess the delimiter picks ";" for this small quoted file (each
  // row holds two semicolons, the header none) when it keeps its final newline. parseCsv always
  // splits on commas.
  const schema = [
    { name: "subject", type: "string" },
    { name: "value", type: "number" },
    { name: "unit", type: "string" },
    { name: "source", type: "string" },
    { name: "title", type: "string" },
    { name: "notes", type: "string" },
  ] as const satisfies Schema;
  const text = "subject,value,unit,source,title,notes\n" +
    'A,8000000,USD per MW,https://x,"X, 1; 2",a; b\n' +
    "B,3000000,USD per MW,https://y,Y,c; d; e\n";
  const endings: [string, string][] = [["LF", text], ["CRLF", text.replaceAll("\n", "\r\n")]];
  for (const [name, input] of endings) {
    const { columns, rowCount, lines } = parseCsv(input, schema, { file: "f.csv" });
    assert.equal(rowCount, 2, name);
    assert.deepEqual([...lines], [2, 3], name);
    assert.deepEqual(columns.subject, ["A", "B"], name);
    assert.deepEqual([...columns.value], [8e6, 3e6], name);
    assert.deepEqual(columns.title, ["X, 1; 2", "Y"], name);
    assert.deepEqual(columns.notes, ["a; b", "c; d; e"], name);
  }
});

Deno.test("parseCsv checks listed values and types them", async (t) => {
  const schema = [
    { name: "metric", type: "string", values: ["build cost", "valuation"] },
    { name: "basis", type: "string", optional: true, values: ["gross"] },
  ] as const satisfies Schema;
  await t.step("good cells, typed as the union of the values", () => {
    const { columns } = parseCsv("metric,basis\nvaluation,\nbuild cost,gross\n", schema);
    const metrics: ("build cost" | "valuation")[] = columns.metric;
    const bases: ("gross" | "")[] = columns.basis;
    assert.deepEqual(metrics, ["valuation", "build cost"]);
    assert.deepEqual(bases, ["", "gross"]);
  });
  await t.step("a cell outside the list names file, line, column, value and the list", () => {
    assertCsvError(
      () => parseCsv("metric,basis\nvaluation,\ncapex,gross\n", schema, { file: "f.csv" }),
      /^f\.csv:3: column "metric": expected one of "build cost", "valuation", found "capex"$/,
      { line: 3, column: "metric" },
    );
    assertCsvError(
      () => parseCsv("metric,basis\nvaluation,IT\n", schema, { file: "f.csv" }),
      /^f\.csv:2: column "basis": expected one of "gross" or blank, found "IT"$/,
      { line: 2, column: "basis" },
    );
  });
  await t.step("values on a number column are a mistake in the schema", () => {
    const bad = [{ name: "n", type: "number", values: ["1"] }] as const satisfies Schema;
    assert.throws(
      () => parseCsv("n\n1\n", bad, { file: "f.csv" }),
      /^TypeError: Cannot parse f\.csv: column "n" lists values, but is of type "number"; values apply to text columns only$/,
    );
  });
});

Deno.test("parseCsv accepts a UTF-8 BOM and CRLF line ends", () => {
  const plain = `${HEADER}\n2024-01-01,144,100,1,a\n2024-01-02,145,101,,\n`;
  const windows = "\ufeff" + plain.replaceAll("\n", "\r\n");
  const a = parseCsv(plain, SCHEMA);
  const b = parseCsv(windows, SCHEMA);
  assert.deepEqual(b.columns.date, ["2024-01-01", "2024-01-02"]);
  assert.deepEqual(b.columns.note, ["a", ""]);
  assert.deepEqual([...b.columns.blocks], [144, 145]);
  assert.deepEqual(b, a);
  // ...and still gives correct line numbers in errors.
  assertCsvError(
    () => parseCsv(windows.replace("101", "-101"), SCHEMA, { file: "f.csv" }),
    /^f\.csv:3: column "price_usd": expected a value of at least 0, found "-101"$/,
    { line: 3, column: "price_usd" },
  );
});

Deno.test("parseCsv gives the same result with and without quotes", () => {
  // Quoted and unquoted cells of the same values read the same.
  const plain = `${HEADER}\n2024-01-01,144,100,1,a\n2024-01-02,145,101,,\n`;
  const quoted = `${HEADER}\n2024-01-01,144,100,1,"a"\n"2024-01-02",145,101,,\n`;
  assert.deepEqual(parseCsv(quoted, SCHEMA), parseCsv(plain, SCHEMA));
  for (const eol of ["\r\n", "\r"]) {
    assert.deepEqual(
      parseCsv(plain.replaceAll("\n", eol), SCHEMA),
      parseCsv(plain, SCHEMA),
      JSON.stringify(eol),
    );
  }
  // The same errors on both paths.
  for (const text of [plain, quoted]) {
    assertCsvError(
      () => parseCsv(text.replace("101", "x"), SCHEMA, { file: "f.csv" }),
      /^f\.csv:3: column "price_usd": expected a number, found "x"$/,
      { line: 3, column: "price_usd" },
    );
    assertCsvError(
      () => parseCsv(text.replace(",,\n", ",\n"), SCHEMA, { file: "f.csv" }),
      /^f\.csv:3: expected 5 fields as in the header, found 4$/,
      { line: 3 },
    );
  }
});

Deno.test("parseCsv counts newlines inside quoted cells in later line numbers", async (t) => {
  const rows = '2024-01-01,144,100,1,"one\ntwo\nthree"\n' + // lines 2..4
    '2024-01-02,144,100,1,"x,""y"""\n' + // line 5: comma and escaped quotes
    "2024-01-03,144,-7,1,\n"; // line 6
  await t.step("error on a later row", () => {
    assertCsvError(
      () => parse(rows),
      /^f\.csv:6: column "price_usd": expected a value of at least 0, found "-7"$/,
      { line: 6, column: "price_usd" },
    );
  });
  await t.step("lines and quoted values", () => {
    const { columns, lines } = parse(rows.replace("-7", "7"));
    assert.deepEqual([...lines], [2, 5, 6]);
    assert.deepEqual(columns.note, ["one\ntwo\nthree", 'x,"y"', ""]);
  });
  await t.step("with CRLF line ends", () => {
    assertCsvError(
      () => parse(rows.replaceAll("\n", "\r\n")),
      /^f\.csv:6: column "price_usd": expected a value of at least 0, found "-7"$/,
      { line: 6, column: "price_usd" },
    );
  });
});

/** `text` cut into pieces of `size` characters, as a file read a chunk at a time gives it. */
function chunksOf(text: string, size: number, length?: number): Iterable<string> {
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size));
  return { ...(length === undefined ? {} : { length }), [Symbol.iterator]: () => pieces.values() };
}

Deno.test("parseCsv reads chunks split anywhere as it reads the whole text", () => {
  // Cut inside quoted cells, doubled quotes, a CRLF and a BOM; a cell holding a lone CR.
  const text = "\ufeff" + `${HEADER}\r\n2024-01-01,144,100,1,"one\r\ntwo, ""2"""\r\n` +
    '2024-01-02,145,101,,"a\rb"\r\n2024-01-03,146,102,2,plain\r\n';
  const whole = parseCsv(text, SCHEMA, { file: "f.csv" });
  assert.deepEqual(whole.columns.note, ['one\r\ntwo, "2"', "a\rb", "plain"]);
  assert.deepEqual([...whole.lines], [2, 4, 6]); // a lone CR inside a cell ends a line too
  for (let size = 1; size <= text.length; size++) {
    assert.deepEqual(parseCsv(chunksOf(text, size), SCHEMA, { file: "f.csv" }), whole, `${size}`);
  }
  // The same errors, at the same lines, from chunks.
  for (const size of [1, 7, 64]) {
    assertCsvError(
      () => parseCsv(chunksOf(text.replace("102", "-102"), size), SCHEMA, { file: "f.csv" }),
      /^f\.csv:6: column "price_usd": expected a value of at least 0, found "-102"$/,
      { line: 6, column: "price_usd" },
    );
    assertCsvError(
      () => parseCsv(chunksOf(text.replace('b"', "b"), size), SCHEMA, { file: "f.csv" }),
      /^f\.csv:4: column "note": cannot read CSV: Quoted field unterminated; the cell runs to the end of the file: "a\\rb\\r\\n2024-01-03,146,102,2,plain\\r\\n"$/,
      { line: 4, column: "note" },
    );
  }
});

Deno.test("parseCsv grows its columns past any first guess of the length", () => {
  // 3,000 rows: more than the columns first hold, with a right, a short and no length given.
  const rows = Array.from({ length: 3000 }, (_, i) => `2024-01-01,${i + 1},${i / 8},,r${i}`);
  const text = `${HEADER}\n${rows.join("\n")}\n`;
  const whole = parseCsv(text, SCHEMA);
  assert.equal(whole.rowCount, 3000);
  assert.equal(whole.columns.blocks.length, 3000);
  assert.equal(whole.columns.note.length, 3000);
  assert.equal(whole.lines.length, 3000);
  assert.equal(whole.columns.blocks[2999], 3000);
  assert.equal(whole.columns.price_usd[2999], 2999 / 8);
  assert.equal(whole.columns.note[2999], "r2999");
  assert.equal(whole.lines[2999], 3001);
  for (const length of [text.length, 10, undefined]) {
    assert.deepEqual(parseCsv(chunksOf(text, 4096, length), SCHEMA), whole, `${length}`);
  }
});

Deno.test("parseCsv reads every number as Number() does", () => {
  // Shortest forms of doubles from a seeded generator: up to 17 significant digits, some past
  // the 2^53 an exact integer of digits allows, in a column with no bound.
  let state = 7;
  const random = () => ((state = (state * 48271) % 2147483647) / 2147483647);
  const values = Array.from({ length: 2000 }, () => (random() * 10 ** (random() * 24 - 8)));
  const cells = values.map((v, i) => i % 3 === 0 ? v.toFixed(i % 11) : String(v));
  const schema = [{ name: "x", type: "number" }] as const satisfies Schema;
  const { columns } = parseCsv(`x\n${cells.join("\n")}\n`, schema);
  cells.forEach((cell, i) => assert.equal(columns.x[i], Number(cell), cell));
  const signs = parseCsv("x\n-0\n+1.5\n-.25\n5.\n1e3\n-2.5E-1\n", schema).columns.x;
  assert.deepEqual([...signs], [-0, 1.5, -0.25, 5, 1000, -0.25]);
  assert.ok(Object.is(signs[0], -0));
});

Deno.test("parseCsv calls a line of spaces inside the data a blank line", () => {
  assertCsvError(
    () => parse("2024-01-01,144,100,1,ok\n   \n2024-01-03,144,100,1,ok\n"),
    /^f\.csv:3: blank line inside the data$/,
    { line: 3 },
  );
  assert.equal(parse("2024-01-01,144,100,1,ok\n  \n\t\n").rowCount, 1);
});
