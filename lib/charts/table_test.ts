import assert from "node:assert/strict";
import { compile, type TopLevelSpec } from "vega-lite";
import type { DealIntensity } from "../compute/deal_analytics.ts";
import { loadMinerAiDeals } from "../data/miner_ai_deals.ts";
import { formatUsdPerMwYear } from "../units/format.ts";
import { readFontMetrics, textWidth } from "./font_metrics.ts";
import { HOUSE_FONT_FILES } from "./theme.ts";
import { tableSpec } from "./table.ts";
import { HOUSE_CONFIG } from "./theme.ts";
import { assertRenders, roundedTo3Decimals, warnings } from "./_testing.ts";

interface TextLayer {
  data: { values: { x: number; y: number; text: string }[] };
  mark: { type: string; align?: "left" | "right"; fontWeight?: number };
}

/** Every text cell with its horizontal extent, measured with the font it is drawn in. */
function cellExtents(spec: TopLevelSpec): { text: string; y: number; from: number; to: number }[] {
  const regular = readFontMetrics(Deno.readFileSync(HOUSE_FONT_FILES[400]));
  const bold = readFontMetrics(Deno.readFileSync(HOUSE_FONT_FILES[700]));
  return (spec as unknown as { layer: TextLayer[] }).layer
    .filter((l) => l.mark.type === "text")
    .flatMap((l) =>
      l.data.values.map(({ x, y, text }) => {
        const w = textWidth(l.mark.fontWeight === 700 ? bold : regular, text, 10);
        return l.mark.align === "right"
          ? { text, y, from: x - w, to: x }
          : { text, y, from: x, to: x + w };
      })
    );
}

const DEALS = [
  { company: "Hut 8", mw: 245, usd: 7e9 },
  { company: "IREN", mw: 200, usd: 9.7e9 },
];

/** A position channel in pixels, as the builder writes it. */
const PX = (field: string) => ({ field, type: "quantitative", scale: null, axis: null });
const TEXT = { x: PX("x"), y: PX("y"), text: { field: "text", type: "nominal" } };
const RULE = { x: PX("x"), x2: { field: "x2" }, y: PX("y") };

Deno.test("tableSpec: snapshot of a small deals table", () => {
  const spec = tableSpec(DEALS, {
    columns: [
      { field: "company", title: "Company" },
      { field: "mw", title: "MW" },
      { field: "usd", title: "Value", format: "usd" },
    ],
    width: 200,
  });
  const text = (align: string, header: boolean) => ({
    type: "text",
    align,
    baseline: "middle",
    fontSize: 10,
    ...(header ? { fontWeight: 700, color: "#0B2545" } : { color: "#1F2430" }),
  });
  // "Company" (bold) is the widest cell of column 1; the 200 px leave 66.5 px per gap.
  assert.deepEqual(roundedTo3Decimals(spec), {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    config: roundedTo3Decimals(HOUSE_CONFIG),
    width: 200,
    height: 56,
    layer: [
      {
        data: { values: [{ x: 0, x2: 200, y: 37, y2: 55 }] },
        mark: { type: "rect", color: "#F3F5F8" },
        encoding: { ...RULE, y2: { field: "y2" } },
      },
      {
        data: { values: [{ x: 0, x2: 200, y: 18.5 }] },
        mark: { type: "rule", color: "#0B2545", strokeWidth: 1 },
        encoding: RULE,
      },
      {
        data: { values: [{ x: 0, x2: 200, y: 55.5 }] },
        mark: { type: "rule", color: "#8D99AE", strokeWidth: 0.5 },
        encoding: RULE,
      },
      {
        data: { values: [{ x: 0, y: 9, text: "Company" }] },
        mark: text("left", true),
        encoding: TEXT,
      },
      {
        data: { values: [{ x: 116.5, y: 9, text: "MW" }, { x: 200, y: 9, text: "Value" }] },
        mark: text("right", true),
        encoding: TEXT,
      },
      {
        data: { values: [{ x: 0, y: 28, text: "Hut 8" }, { x: 0, y: 46, text: "IREN" }] },
        mark: text("left", false),
        encoding: TEXT,
      },
      {
        data: {
          values: [
            { x: 116.5, y: 28, text: "245" },
            { x: 116.5, y: 46, text: "200" },
            { x: 200, y: 28, text: "$7.00B" },
            { x: 200, y: 46, text: "$9.70B" },
          ],
        },
        mark: text("right", false),
        encoding: TEXT,
      },
    ],
  });
});

Deno.test("tableSpec: the deals table from miner_ai_deals.csv: no cell overlaps another", async () => {
  const deals = (await loadMinerAiDeals()).filter((d) =>
    d.event_kind === "contract" && d.usd_per_mw_year > 0
  );
  assert.ok(deals.length >= 5);
  const spec = tableSpec(deals, {
    columns: [
      { field: "company", title: "Company" },
      { field: "counterparty", title: "Counterparty" },
      { field: "capacity_mw", title: "MW" },
      { field: "contract_value_usd", title: "Value", format: "usd" },
      { field: "term_years", title: "Term (yr)" },
      { field: "usd_per_mw_year", title: "$/MW-yr", format: (v) => formatUsdPerMwYear(v) },
    ],
  });
  const cells = cellExtents(spec);
  assert.ok(cells.some((c) => c.text === "CoreWeave"));
  assert.ok(cells.some((c) => c.text === "$1.46M/MW-yr"));
  const rowsByY = Map.groupBy(cells, (c) => c.y);
  assert.equal(rowsByY.size, deals.length + 1);
  for (const row of rowsByY.values()) {
    const sorted = row.toSorted((a, b) => a.from - b.from);
    for (let i = 1; i < sorted.length; i++) {
      assert.ok(
        sorted[i]!.from >= sorted[i - 1]!.to + 16,
        `"${sorted[i - 1]!.text}" runs into "${sorted[i]!.text}"`,
      );
    }
    for (const cell of row) assert.ok(cell.from >= 0 && cell.to <= 680 + 1e-9, cell.text);
  }
  assert.ok(compile(spec).spec.marks!.some((m) => m.type === "text"));
  await assertRenders(spec);
});

Deno.test("tableSpec: formats, missing numbers and alignment", () => {
  const rows = [
    { site: "Lake Mariner", share: 0.125, mw: 1234.56, note: "" },
    { site: "Denton", share: Number.NaN, mw: Number.NaN, note: "CoreWeave" },
  ];
  const spec = tableSpec(rows, {
    columns: [
      { field: "site", title: "Site" },
      { field: "share", title: "AI share", format: "percent" },
      { field: "mw", title: "MW" },
      { field: "note", title: "Tenant", align: "right" },
    ],
  });
  const cells = cellExtents(spec).map((c) => c.text);
  assert.deepEqual(cells.slice(4).toSorted(), [
    "",
    "1,234.6",
    "12.5%",
    "CoreWeave",
    "Denton",
    "Lake Mariner",
    "–",
    "–",
  ]);
  const layers = (spec as unknown as { layer: TextLayer[] }).layer.filter((l) =>
    l.mark.type === "text" && l.mark.fontWeight === undefined
  );
  const rightAligned = layers.find((l) => l.mark.align === "right")!.data.values.map((v) => v.text);
  assert.ok(rightAligned.includes("CoreWeave") && rightAligned.includes("12.5%"));
});

Deno.test("tableSpec: bad input is an error naming the option and field", () => {
  const columns = [{ field: "company", title: "Company" }] as const;
  assert.throws(() => tableSpec([] as typeof DEALS, { columns }), {
    name: "RangeError",
    message: "Cannot build a table: rows is empty",
  });
  assert.throws(() => tableSpec(DEALS, { columns: [] }), {
    name: "RangeError",
    message: "Cannot use columns: expected at least one column",
  });
  assert.throws(
    () => tableSpec(DEALS, { columns: [...columns, { field: "MW" as "mw", title: "MW" }] }),
    { name: "TypeError", message: 'Cannot use columns[1].field: field "MW" is missing from row 0' },
  );
  assert.throws(
    () => tableSpec(DEALS, { columns: [{ field: "company", title: "Company", format: "usd" }] }),
    /Cannot use columns\[0\]\.format "usd": field "company" in row 0 is "Hut 8", expected a number/,
  );
  assert.throws(
    () =>
      tableSpec(DEALS, {
        columns: [{ field: "mw", title: "MW", format: (v) => (v > 200 ? "big" : v) as string }],
      }),
    /Cannot use columns\[0\]\.format: for row 1 it returned 200, expected a string/,
  );
});

Deno.test("tableSpec: cosmetic options out of range warn once and fall back", () => {
  let spec: { width: number; height: number };
  const seen = warnings(() => {
    spec = tableSpec(DEALS, {
      columns: [
        { field: "company", title: "Company", align: "centre" as "left" },
        { field: "mw", title: "MW", format: "MW" as "number" },
      ],
      rowHeight: 4,
      width: 40,
    }) as unknown as typeof spec;
  });
  assert.equal(seen.length, 4, seen.join("\n"));
  assert.match(seen[0]!, /^tableSpec: rowHeight 4 is out of range; using 18$/);
  assert.match(seen[1]!, /columns\[0\]\.align "centre" is out of range; using "left"/);
  assert.match(seen[2]!, /columns\[1\]\.format "MW" is not one of usd, percent, number, text/);
  assert.match(seen[3]!, /the columns need \d+ px, more than width 40; drawing \d+ px wide/);
  assert.equal(spec!.height, 18 * 3 + 2);
  assert.ok(spec!.width > 40);
});

Deno.test("tableSpec: takes interface-typed rows, e.g. lib/compute's DealIntensity", () => {
  const deal: DealIntensity = {
    dealId: "hut-fluidstack-1",
    company: "Hut 8",
    counterparty: "Fluidstack",
    announcementDate: "2025-12-17",
    capacityMw: 245,
    capacityBasis: "critical IT",
    termYears: 15,
    contractValueUsd: 7e9,
    usdPerMwYear: 7e9 / 15 / 245,
    usdPerKwMonth: 7e9 / 15 / 245 / 12_000,
    bound: "point",
    structure: "",
  };
  const spec = tableSpec([deal], {
    columns: [
      { field: "company", title: "Company" },
      { field: "contractValueUsd", title: "Value", format: "usd" },
    ],
  }) as { layer: { data: { values: { text: string }[] } }[] };
  const texts = spec.layer.flatMap((l) => l.data.values.map((v) => v.text));
  assert.ok(texts.includes("Hut 8") && texts.includes("$7.00B"), texts.join(", "));
});
