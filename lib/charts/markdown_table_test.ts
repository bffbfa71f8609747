import assert from "node:assert/strict";
import { markdownTable } from "./markdown_table.ts";
import { markdownBundle } from "./show.ts";

const ROWS = [
  { input: "Bitcoin mine bought", value: "$430k per MW", source: "data/capex_per_mw.csv" },
  { input: "GPUs per IT MW", value: "784", source: "lib" },
];

Deno.test("markdownTable", async (t) => {
  await t.step("header, alignment rule and rows, in column order", () => {
    const table = markdownTable(ROWS, [
      { title: "Input", cell: "input" },
      { title: "Value", cell: "value", align: "right" },
      { title: "From", cell: "source", align: "center" },
    ]);
    assert.equal(
      table,
      "| Input | Value | From |\n|---|--:|:-:|\n" +
        "| Bitcoin mine bought | $430k per MW | data/capex_per_mw.csv |\n" +
        "| GPUs per IT MW | 784 | lib |",
    );
  });

  await t.step("a cell function sees the row and its index", () => {
    const table = markdownTable(ROWS, [{ title: "#", cell: (_, i) => String(i + 1) }]);
    assert.equal(table, "| # |\n|---|\n| 1 |\n| 2 |");
  });

  await t.step("no rows gives the header alone", () => {
    assert.equal(markdownTable([], [{ title: "Input", cell: () => "" }]), "| Input |\n|---|");
  });

  await t.step("a pipe in a cell or a title is escaped, so columns stay put", () => {
    const table = markdownTable([{ a: "x | y" }], [{ title: "a|b", cell: "a" }]);
    assert.equal(table, "| a\\|b |\n|---|\n| x \\| y |");
  });

  await t.step("dollar amounts become literal when shown", () => {
    const table = markdownTable([ROWS[0]!], [{ title: "Value", cell: "value" }]);
    assert.equal(
      markdownBundle(table)["text/markdown"],
      "| Value |\n|---|\n| <span>&#36;</span>430k per MW |",
    );
  });

  await t.step("bad input names the row and the column", () => {
    assert.throws(
      () => markdownTable([{ a: "one\ntwo" }], [{ title: "A", cell: "a" }]),
      /Cannot build the table: row 1, column "A" has a line break: "one\\ntwo"/,
    );
    const numbers = [{ usd: 5 }] as unknown as { usd: string }[];
    assert.throws(
      () => markdownTable(numbers, [{ title: "USD", cell: "usd" }]),
      /row 1, column "USD" is number 5, expected text \(format numbers with lib\/units\/format\.ts\)/,
    );
    assert.throws(() => markdownTable(ROWS, []), /expected at least one column, got 0/);
  });
});
