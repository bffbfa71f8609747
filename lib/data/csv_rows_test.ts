/**
 * Tests for the row rules every loader declares: each broken rule is an error naming the file,
 * line, column and values, checked here on small schemas with one rule each.
 */
import assert from "node:assert/strict";
import { CsvError } from "./csv.ts";
import { compareRows, datasetLoader, rowsFromCsv } from "./csv_rows.ts";
import { assertCsvError } from "./_testing.ts";

const FACTS = [
  { name: "metric", type: "string", values: ["hashrate", "difficulty"] },
  { name: "date", type: "string" },
  { name: "unit", type: "string" },
  { name: "low", type: "number" },
  { name: "high", type: "number" },
  { name: "mid", type: "number", optional: true },
  { name: "preferred", type: "string", values: ["yes", "no"] },
] as const;
const HEADER = FACTS.map((c) => c.name).join(",");
const csv = (...rows: string[]) => [HEADER, ...rows].join("\n") + "\n";
const A = "hashrate,2025-01,EH/s,2,4,3,yes";
const B = "difficulty,2025-01,trillion,100,100,100,yes";

Deno.test("rows are frozen objects keyed by header name, in file order", () => {
  const { rows, lines } = rowsFromCsv(csv(A, B), FACTS);
  assert.deepEqual(rows[0], {
    metric: "hashrate",
    date: "2025-01",
    unit: "EH/s",
    low: 2,
    high: 4,
    mid: 3,
    preferred: "yes",
  });
  assert.ok(rows.every(Object.isFrozen));
  assert.deepEqual([...lines], [2, 3]);
});

Deno.test("follows: a column fixed by another's value, or one of a list", async (t) => {
  const units = { hashrate: "EH/s", difficulty: "trillion" };
  await t.step("a value of the map", () => {
    assert.equal(
      rowsFromCsv(csv(A, B), FACTS, { follows: [{ column: "unit", by: "metric", values: units }] })
        .rows.length,
      2,
    );
    assertCsvError(
      () =>
        rowsFromCsv(csv(A, B.replace("trillion", "T")), FACTS, {
          file: "f.csv",
          follows: [{ column: "unit", by: "metric", values: units }],
        }),
      /^f\.csv:3: column "unit": expected "trillion" for metric "difficulty", found "T"$/,
      { line: 3, column: "unit" },
    );
  });
  await t.step("one of a list; a value missing from the map leaves the column free", () => {
    const rules = {
      follows: [{ column: "unit", by: "metric", values: { hashrate: ["EH/s", "PH/s"] } }],
    } as const;
    assert.equal(rowsFromCsv(csv(A.replace("EH/s", "PH/s"), B), FACTS, rules).rows.length, 2);
    assertCsvError(
      () => rowsFromCsv(csv(A.replace("EH/s", "TH/s")), FACTS, { file: "f.csv", ...rules }),
      /^f\.csv:2: column "unit": expected one of "EH\/s", "PH\/s" for metric "hashrate", found "TH\/s"$/,
      { line: 2, column: "unit" },
    );
  });
});

Deno.test("check: a dataset's own rule names its column", () => {
  assertCsvError(
    () =>
      rowsFromCsv(csv(A, B.replace(",100,100,", ",100,90,")), FACTS, {
        file: "f.csv",
        check: (row, fail) => {
          if (row.high < row.low) {
            throw fail("high", `expected at least low ${row.low}, found ${row.high}`);
          }
        },
      }),
    /^f\.csv:3: column "high": expected at least low 100, found 90$/,
    { line: 3, column: "high" },
  );
});

Deno.test("derived: a computed column equals its formula, or is blank where it does not apply", async (t) => {
  const mid = {
    file: "f.csv",
    derived: [{
      column: "mid",
      formula: (row: { low: number; high: number }) => `(${row.low} + ${row.high}) ÷ 2`,
      value: (row: { low: number; high: number; metric: string }) =>
        row.metric === "hashrate" ? (row.low + row.high) / 2 : NaN,
      needs: "only hashrate has a midpoint",
    }],
  } as const;
  await t.step("equal within 1e-12, relative", () => {
    const { rows } = rowsFromCsv(csv(A.replace(",3,", `,${3 * (1 + 1e-13)},`)), FACTS, mid);
    assert.equal(rows.length, 1);
  });
  await t.step("a different value", () => {
    assertCsvError(
      () => rowsFromCsv(csv(A.replace(",3,", ",3.1,")), FACTS, mid),
      /^f\.csv:2: column "mid": expected \(2 \+ 4\) ÷ 2 = 3, found 3\.1$/,
      { line: 2, column: "mid" },
    );
  });
  await t.step("a blank where a value is expected", () => {
    assertCsvError(
      () => rowsFromCsv(csv(A.replace(",3,", ",,")), FACTS, mid),
      /^f\.csv:2: column "mid": expected \(2 \+ 4\) ÷ 2 = 3, found an empty cell$/,
      { line: 2, column: "mid" },
    );
  });
  await t.step("a value where none applies", () => {
    assertCsvError(
      () => rowsFromCsv(csv(A, B), FACTS, mid),
      /^f\.csv:3: column "mid": expected blank \(only hashrate has a midpoint\), found 100$/,
      { line: 3, column: "mid" },
    );
  });
});

Deno.test("unique: keys no two rows share", async (t) => {
  await t.step("the key's values, the line repeated and the rule", () => {
    assertCsvError(
      () =>
        rowsFromCsv(csv(A, B, A), FACTS, { file: "f.csv", unique: [{ key: ["metric", "date"] }] }),
      /^f\.csv:4: column "metric": \("hashrate", "2025-01"\) repeats line 2; expected one row per metric and date$/,
      { line: 4, column: "metric" },
    );
  });
  await t.step("among the rows `where` selects, reported in `column`", () => {
    const preferred = {
      file: "f.csv",
      unique: [{
        key: ["metric"],
        column: "preferred",
        where: (row: { preferred: string }) => row.preferred === "yes",
        rows: "preferred row",
      }],
    } as const;
    assert.equal(rowsFromCsv(csv(A, A.replace(",yes", ",no")), FACTS, preferred).rows.length, 2);
    assertCsvError(
      () => rowsFromCsv(csv(A, B, A), FACTS, preferred),
      /^f\.csv:4: column "preferred": "hashrate" repeats line 2; expected one preferred row per metric$/,
      { line: 4, column: "preferred" },
    );
  });
  await t.step("ignoring case", () => {
    const key = { key: ["date", "unit"] } as const;
    const rows = [A, A.replace("EH/s", "eh/s")];
    assert.equal(rowsFromCsv(csv(...rows), FACTS, { unique: [key] }).rows.length, 2);
    assertCsvError(
      () =>
        rowsFromCsv(csv(...rows), FACTS, { file: "f.csv", unique: [{ ...key, ignoreCase: true }] }),
      /^f\.csv:3: column "date": \("2025-01", "eh\/s"\) repeats line 2; expected one row per date and unit$/,
      { line: 3, column: "date" },
    );
  });
  await t.step("required: every key has one selected row", () => {
    const required = {
      file: "f.csv",
      unique: [{
        key: ["metric"],
        column: "preferred",
        where: (row: { preferred: string }) => row.preferred === "yes",
        rows: "preferred row",
        required: true,
      }],
    } as const;
    const no = (row: string) => row.replace(",yes", ",no");
    assert.equal(rowsFromCsv(csv(A, no(A), B), FACTS, required).rows.length, 3);
    assertCsvError(
      () => rowsFromCsv(csv(A, no(B), no(B)), FACTS, required),
      /^f\.csv:3: column "preferred": "difficulty" has no preferred row \(lines 3, 4\); expected one preferred row per metric$/,
      { line: 3, column: "preferred" },
    );
  });
});

Deno.test("sortedBy: vocabulary order, then character codes", () => {
  const sorted = { file: "f.csv", sortedBy: ["metric", "date"] } as const;
  const earlier = A.replace("2025-01", "2024");
  assert.equal(rowsFromCsv(csv(earlier, A, B), FACTS, sorted).rows.length, 3);
  assertCsvError(
    () => rowsFromCsv(csv(B, A), FACTS, sorted),
    /^f\.csv:3: column "date": \("hashrate", "2025-01"\) follows \("difficulty", "2025-01"\) of line 2; expected rows sorted by metric \(hashrate, difficulty\), then date$/,
    { line: 3, column: "date" },
  );
  assertCsvError(
    () => rowsFromCsv(csv(A, earlier), FACTS, sorted),
    /: \("hashrate", "2024"\) follows \("hashrate", "2025-01"\) of line 2;/,
    { line: 3, column: "date" },
  );
  const compare = compareRows(FACTS, ["low"]);
  assert.ok(compare({ low: 9 }, { low: 10 }) < 0); // numbers by value, not as text
});

Deno.test("datasetLoader names the file it was given in errors", async () => {
  const dir = await Deno.makeTempDir({ dir: "/tmp", prefix: "mullet_csv_rows_" });
  try {
    const path = `${dir}/facts.csv`;
    await Deno.writeTextFile(path, csv(A.replace(",2,", ",two,")));
    const load = datasetLoader(
      "data/none.csv",
      (text, { file }) => rowsFromCsv(text, FACTS, { file }),
    );
    const message = `${path}:2: column "low": expected a number, found "two"`;
    await assert.rejects(() => load(path), (e) => e instanceof CsvError && e.message === message);
    await assert.rejects(
      () => load(new URL(`file://${path}`)),
      (e) => e instanceof CsvError && e.message === message,
    );
    await assert.rejects(() => load(), Deno.errors.NotFound);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
