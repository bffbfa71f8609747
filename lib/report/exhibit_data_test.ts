import assert from "node:assert/strict";
import { readNotebook } from "../notebook/notebook.ts";
import { exhibitCsv, exhibitData, parseExhibitCsv } from "./exhibit_data.ts";

const VEGA_LITE = "application/vnd.vegalite.v5+json";
const NOTEBOOKS = new URL("../../notebooks/", import.meta.url);

/** Every saved exhibit spec of a shipped notebook, in order. */
async function savedSpecs(name: string): Promise<Record<string, unknown>[]> {
  const notebook = await readNotebook(new URL(name, NOTEBOOKS).pathname);
  return notebook.cells.flatMap((cell) =>
    (cell.outputs ?? []).flatMap((o) =>
      "data" in o && VEGA_LITE in o.data ? [o.data[VEGA_LITE] as Record<string, unknown>] : []
    )
  );
}

Deno.test("a chart re-drawn from its CSV gets the saved spec back, value for value", async () => {
  const [spec] = await savedSpecs("01_hashprice.ipynb");
  const data = exhibitData(spec, "01_hashprice.ipynb");
  assert.equal(data.number, 1);
  assert.equal(data.source, "Coin Metrics, mullet analysis");
  assert.match(data.asOf, /^\d{4}-\d{2}-\d{2}$/);
  const csv = exhibitCsv(data);
  assert.match(csv, /^# Exhibit 1: Hashprice /);
  assert.match(csv, /\n# Source: Coin Metrics, mullet analysis\n# Data as of \d{4}-\d{2}-\d{2}\n/);
  const rows = parseExhibitCsv(csv, "exhibit-1.csv");
  const chart = (spec!["vconcat"] as Record<string, unknown>[])[0]!;
  const redrawn = structuredClone(spec!);
  (redrawn["vconcat"] as Record<string, unknown>[])[0] = { ...chart, data: { values: rows } };
  assert.deepEqual(redrawn, spec);
});

Deno.test("every exhibit of every shipped note has rows and survives its CSV", async () => {
  for await (const entry of Deno.readDir(NOTEBOOKS)) {
    if (!entry.name.endsWith(".ipynb")) continue;
    for (const [i, spec] of (await savedSpecs(entry.name)).entries()) {
      const where = `${entry.name} exhibit ${i + 1}`;
      const data = exhibitData(spec, where);
      assert.equal(data.number, i + 1, where);
      assert.ok(data.rows.length > 0 && data.columns.length > 0, `${where} has no data`);
      assert.notEqual(data.asOf, "", `${where} states no as-of date`);
      assert.deepEqual(parseExhibitCsv(exhibitCsv(data), where), data.rows, where);
    }
  }
});

Deno.test("a drawn table comes back as its rows under its header", () => {
  const text = (align: string, bold: boolean, values: unknown[]) => ({
    mark: { type: "text", align, ...(bold ? { fontWeight: 700 } : {}) },
    data: { values },
  });
  const spec = {
    title: { text: "Exhibit 3: Deals" },
    vconcat: [{
      layer: [
        { mark: { type: "rect" }, data: { values: [{ x: 0, x2: 100, y: 18, y2: 36 }] } },
        text("left", true, [{ x: 0, y: 9, text: "Miner" }]),
        text("right", true, [{ x: 90, y: 9, text: "MW" }]),
        text("left", false, [{ x: 0, y: 27, text: ["Core", "Scientific"] }, {
          x: 0,
          y: 45,
          text: "Cipher…",
          full: "Cipher Mining",
        }]),
        text("right", false, [{ x: 90, y: 27, text: "200" }, { x: 90, y: 45, text: "168" }]),
      ],
    }, { mark: { type: "text", text: "Source: Company releases. Data as of 2026-05-01." } }],
  };
  const data = exhibitData(spec, "t");
  assert.deepEqual(data.columns, ["Miner", "MW"]);
  assert.deepEqual(data.rows, [
    { Miner: "Core Scientific", MW: "200" },
    { Miner: "Cipher Mining", MW: "168" },
  ]);
});

Deno.test("a CSV whose number column holds text names the file and line", () => {
  const csv =
    "# Exhibit 1: T\n# Source: S\n# Data as of 2026-01-01\n# Columns: a (number)\na\n1\nx\n";
  assert.throws(() => parseExhibitCsv(csv, "exhibit-1.csv"), /exhibit-1\.csv:7: column "a"/);
});
