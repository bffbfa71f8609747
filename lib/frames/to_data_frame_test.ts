import assert from "node:assert/strict";
import { toDataFrame } from "./to_data_frame.ts";

const DISPLAY = Symbol.for("Jupyter.display");
/** The HTML a notebook cell ending in `value` shows. */
const shownHtml = (value: object) =>
  (value as { [DISPLAY]: () => { "text/html": string } })[DISPLAY]()["text/html"];

Deno.test("the operations the notes use, and every result shows as a table", async (t) => {
  // MW by company, as the deals note groups capacity.
  const df = await toDataFrame([
    { company: "IREN", mw: 50 },
    { company: "CORZ", mw: 200 },
    { company: "IREN", mw: 750 },
    { company: "CIFR", mw: 168 },
    { company: "CORZ", mw: 70 },
  ]);
  await t.step("groupby, agg with sum and count, sortValues descending", () => {
    const byCompany = df.groupby(["company"]).agg({ mw: ["sum", "count"] })
      .sortValues("mw_sum", { ascending: false });
    assert.deepEqual(byCompany.columns, ["company", "mw_sum", "mw_count"]);
    assert.deepEqual(byCompany.values, [["IREN", 800, 2], ["CORZ", 270, 2], ["CIFR", 168, 1]]);
    assert.match(shownHtml(byCompany), /<td>IREN<\/td><td style="text-align: right">800<\/td>/);
  });
  await t.step("groupby with a mean, addColumn, loc by columns", () => {
    const byCompany = df.groupby(["company"]).agg({ mw: "mean" });
    byCompany.addColumn(
      "gw",
      (byCompany.column("mw_mean").values as number[]).map((v) => v / 1000),
      {
        inplace: true,
      },
    );
    const shown = byCompany.loc({ columns: ["company", "gw"] });
    assert.deepEqual(shown.values, [["IREN", 0.4], ["CORZ", 0.135], ["CIFR", 0.168]]);
    assert.match(shownHtml(shown), /3 rows × 2 columns/);
  });
  await t.step("a column, a row slice and the frame itself", () => {
    assert.match(shownHtml(df), /5 rows × 2 columns/);
    assert.match(shownHtml(df.column("mw")), /<th style="text-align: right">mw<\/th>/);
    assert.match(shownHtml(df.iloc({ rows: [0, 1] })), /2 rows × 2 columns/);
  });
});

Deno.test("typed columns skip the length and keep each column's values", async () => {
  const df = await toDataFrame({
    date: ["2024-04-19", "2024-04-20"],
    price_usd: new Float64Array([63_800, 64_900]),
    length: 2,
  });
  assert.deepEqual(df.columns, ["date", "price_usd"]);
  assert.deepEqual(df.values, [["2024-04-19", 63_800], ["2024-04-20", 64_900]]);
});

Deno.test("rows whose fields differ are refused, naming the row and both field lists", async () => {
  await assert.rejects(
    toDataFrame([{ ticker: "RIOT", ehs: 30 }, { ticker: "CLSK", eh: 50 }]),
    new TypeError(
      'Cannot make a DataFrame: row 1 has fields "ticker", "eh", row 0 "ticker", "ehs"',
    ),
  );
  await assert.rejects(
    toDataFrame([{ ticker: "RIOT", ehs: 30 }, { ehs: 50, ticker: "CLSK" }]),
    /row 1 has fields "ehs", "ticker", row 0 "ticker", "ehs"/,
  );
});
