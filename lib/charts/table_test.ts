import assert from "node:assert/strict";
import { compile, type TopLevelSpec } from "vega-lite";
import type { DealIntensity } from "../deals/deal_analytics.ts";
import { loadMinerAiDeals } from "../data/miner_ai_deals.ts";
import { formatUsdPerMwYear } from "../units/format.ts";
import { readFontMetrics, textWidth } from "./font_metrics.ts";
import { HOUSE_FONT_FILES } from "./theme.ts";
import { tableSpec } from "./table.ts";
import { HOUSE_CONFIG } from "./theme.ts";
import { renderSvg } from "./render.ts";
import { assertRenders, roundedTo3Decimals, warnings } from "./_testing.ts";
import { message } from "./_messages.ts";

interface TextLayer {
  data: { values: { x: number; y: number; text: string | string[]; full?: string }[] };
  mark: { type: string; align?: "left" | "right"; fontWeight?: number; lineHeight?: number };
  encoding: { tooltip?: { field: string } };
}

interface Extent {
  /** The cell's text, its lines joined by a space. */
  text: string;
  lines: number;
  y: number;
  from: number;
  to: number;
  top: number;
  bottom: number;
}

/** Every text cell with its extent, measured with the font it is drawn in: the widest line
 * across, and down from the first line's middle (`y`) to the last line's bottom (Vega draws the
 * lines of an array `lineHeight` apart, 12 px by default for 10 px text). */
function cellExtents(spec: TopLevelSpec): Extent[] {
  const regular = readFontMetrics(Deno.readFileSync(HOUSE_FONT_FILES[400]));
  const bold = readFontMetrics(Deno.readFileSync(HOUSE_FONT_FILES[700]));
  return (spec as unknown as { layer: TextLayer[] }).layer
    .filter((l) => l.mark.type === "text")
    .flatMap((l) =>
      l.data.values.map(({ x, y, text }) => {
        const lines = typeof text === "string" ? [text] : text;
        const font = l.mark.fontWeight === 700 ? bold : regular;
        const w = Math.max(...lines.map((line) => textWidth(font, line, 10)));
        const [from, to] = l.mark.align === "right" ? [x - w, x] : [x, x + w];
        const top = y - 6;
        const bottom = y + 6 + (l.mark.lineHeight ?? 12) * (lines.length - 1);
        return { text: lines.join(" "), lines: lines.length, y, from, to, top, bottom };
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
  // Rows grow with their wrapped cells: no cell runs down into the next row.
  const rows = [...rowsByY.values()].sort((a, b) => a[0]!.y - b[0]!.y);
  for (let r = 1; r < rows.length; r++) {
    const above = Math.max(...rows[r - 1]!.map((c) => c.bottom));
    const below = Math.min(...rows[r]!.map((c) => c.top));
    assert.ok(above <= below, `row ${r - 1} runs into row ${r}`);
  }
  assert.ok(cells.some((c) => c.lines > 1), "the long tenants wrap");
  assert.equal((spec as { width?: number }).width, 680);
  assert.ok(compile(spec).spec.marks!.some((m) => m.type === "text"));
  await assertRenders(spec);
});

const HUT_TENANT =
  'undisclosed high-investment-grade tenant ("leading AI hyperscaler" per Q1 2026 call)';
const LONG_ROWS = [
  { miner: "Hut 8", tenant: HUT_TENANT, mw: 352 },
  { miner: "IREN", tenant: "Microsoft", mw: 200 },
];
const LONG_COLUMNS = [
  { field: "miner", title: "Miner" },
  { field: "tenant", title: "Tenant" },
  { field: "mw", title: "MW" },
] as const;

Deno.test("tableSpec: a text longer than its column wraps onto more lines and its row grows", async () => {
  let spec: TopLevelSpec | undefined;
  const seen = warnings(() => {
    spec = tableSpec(LONG_ROWS, { columns: LONG_COLUMNS, width: 250 });
  });
  assert.deepEqual(seen, [], "wrapping is not worth a warning");
  const s = spec as unknown as { width: number; height: number; layer: TextLayer[] };
  assert.equal(s.width, 250);
  const cells = cellExtents(spec!);
  const tenant = cells.find((c) => c.text.startsWith("undisclosed"))!;
  const regular = readFontMetrics(Deno.readFileSync(HOUSE_FONT_FILES[400]));
  assert.ok(textWidth(regular, HUT_TENANT, 10) > 250, "wider than the table");
  // Nothing is lost: the lines are the text, broken at spaces and after a hyphen.
  const lines = s.layer.flatMap((l) => l.data.values).find((v) => Array.isArray(v.text))!
    .text as string[];
  assert.equal(lines.join(" ").replaceAll("- ", "-"), HUT_TENANT);
  assert.equal(lines.length, tenant.lines);
  assert.ok(tenant.lines >= 3, `${tenant.lines} lines`);
  // Every cell stays in its column and the table's width; MW is still right of the tenant.
  const mw = cells.find((c) => c.text === "352")!;
  assert.ok(tenant.to + 16 <= mw.from, `${tenant.to} runs into ${mw.from}`);
  for (const c of cells) assert.ok(c.from >= 0 && c.to <= 250 + 1e-9, c.text);
  // The first row is one 12 px line taller per extra line; the second row starts below it.
  const iren = cells.find((c) => c.text === "IREN")!;
  assert.equal(iren.y - tenant.y, 18 + 12 * (tenant.lines - 1));
  assert.ok(tenant.bottom <= iren.top);
  assert.equal(s.height, 18 * 3 + 12 * (tenant.lines - 1) + 2);
  const band = (s.layer[0] as unknown as { data: { values: { y: number; y2: number }[] } })
    .data.values;
  assert.deepEqual(band, [{ x: 0, x2: 250, y: iren.y - 9, y2: iren.y + 9 }]);
  // Vega draws the array as lines of one text mark.
  const svg = await renderSvg(spec!);
  assert.equal(svg.match(/<tspan/g)?.length, lines.length, "one tspan a line");
  await assertRenders(spec!);
});

Deno.test("tableSpec: text past maxLines is cut with an ellipsis, its full text in the tooltip", () => {
  let spec: TopLevelSpec | undefined;
  const seen = warnings(() => {
    spec = tableSpec(LONG_ROWS, { columns: LONG_COLUMNS, width: 250, maxLines: 2 });
  });
  const s = spec as unknown as { height: number; layer: TextLayer[] };
  const layer = s.layer.find((l) => l.data.values.some((v) => v.full === HUT_TENANT))!;
  const cut = layer.data.values.find((v) => v.full === HUT_TENANT)!.text as string[];
  assert.equal(cut.length, 2);
  assert.ok(cut[1]!.endsWith("…"), cut[1]!);
  assert.ok(HUT_TENANT.startsWith(cut.join(" ").replaceAll("- ", "-").slice(0, -1)));
  assert.deepEqual(layer.encoding.tooltip, { field: "full", type: "nominal" });
  // Every cell of the layer has its full text, so no tooltip reads "undefined".
  assert.ok(layer.data.values.every((v) => typeof v.full === "string"));
  assert.equal(s.height, 18 * 3 + 12 + 2);
  assert.equal(seen.length, 1, seen.join("\n"));
  assert.match(
    seen[0]!,
    /^tableSpec: 1 cell of columns\[1\] \("Tenant"\) need more than 2 lines at \d+ px; cut with "…", the full text in the tooltip$/,
  );
  // The cut cell still fits its column.
  for (const c of cellExtents(spec!)) assert.ok(c.to <= 250 + 1e-9, c.text);
});

Deno.test("tableSpec: a table without long text has no tooltips and one line a row", () => {
  const layers =
    (tableSpec(DEALS, { columns: [{ field: "company", title: "Company" }] }) as unknown as {
      layer: TextLayer[];
    }).layer.filter((l) => l.mark.type === "text");
  assert.ok(
    layers.every((l) => l.encoding.tooltip === undefined && l.mark.lineHeight === undefined),
  );
  assert.ok(layers.every((l) => l.data.values.every((v) => typeof v.text === "string")));
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
      maxLines: 0,
    }) as unknown as typeof spec;
  });
  assert.deepEqual(seen, [
    message.optionOutOfRange("tableSpec", "rowHeight", "4", "18"),
    message.optionOutOfRange("tableSpec", "maxLines", "0", "3"),
    message.optionOutOfRange("tableSpec", "columns[0].align", '"centre"', '"left"'),
    message.unknownTableFormat(1, "MW", ["usd", "percent", "number", "text"], "number"),
    message.tableTooWide(spec!.width, 40),
  ]);
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
