import assert from "node:assert/strict";
import { compile } from "vega-lite";
import { loadBtcDaily } from "../data/btc_daily.ts";
import { stackedAreaSpec } from "./stacked_area.ts";
import { HOUSE_CONFIG } from "./theme.ts";
import { assertRenders, roundedTo3Decimals, warnings } from "./_testing.ts";

/** A 300 MW site converting from mining to AI/HPC; AI has no row before it starts. */
const SITE = [
  { quarter: "2025-03-31", use: "Bitcoin mining", mw: 300 },
  { quarter: "2025-06-30", use: "Bitcoin mining", mw: 200 },
  { quarter: "2025-06-30", use: "AI/HPC", mw: 100 },
];

Deno.test("stackedAreaSpec: snapshot of a site's MW by use", () => {
  const spec = stackedAreaSpec(SITE, {
    x: "quarter",
    y: "mw",
    series: "use",
    yTitle: "MW (critical IT)",
    width: 300,
    height: 100,
  });
  assert.deepEqual(roundedTo3Decimals(spec), {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    config: roundedTo3Decimals(HOUSE_CONFIG),
    width: 300,
    height: 100,
    data: { values: SITE },
    transform: [{ calculate: 'indexof(["Bitcoin mining","AI/HPC"], datum["use"])', as: "__order" }],
    mark: { type: "area", interpolate: "linear", line: false, stroke: "white", strokeWidth: 0.5 },
    encoding: {
      x: {
        field: "quarter",
        type: "temporal",
        title: null,
        axis: { format: "%b %Y", tickCount: { interval: "month", step: 3 }, labelOverlap: true },
      },
      y: {
        field: "mw",
        type: "quantitative",
        title: "MW (critical IT)",
        stack: "zero",
        impute: { value: 0 },
        axis: { format: ",.0f" },
      },
      color: {
        field: "use",
        type: "nominal",
        sort: ["Bitcoin mining", "AI/HPC"],
        legend: { orient: "top", direction: "horizontal", title: null, symbolType: "square" },
      },
      order: { field: "__order", type: "quantitative" },
    },
  });
});

Deno.test("stackedAreaSpec: compiles to Vega area marks and renders a 2× PNG", async () => {
  const spec = stackedAreaSpec(SITE, { x: "quarter", y: "mw", series: "use" });
  const marks = compile(spec).spec.marks!;
  assert.ok(marks.length >= 1);
  // One area per series: Vega groups them in a facet of area marks.
  assert.ok(JSON.stringify(marks).includes('"type":"area"'));
  await assertRenders(spec);
});

Deno.test("stackedAreaSpec: order puts named series at the bottom, the rest after", () => {
  const rows = [
    { d: "2025-01-01", use: "Hosting", mw: 50 },
    { d: "2025-01-01", use: "Mining", mw: 200 },
    { d: "2025-01-01", use: "AI", mw: 50 },
  ];
  const spec = stackedAreaSpec(rows, { x: "d", y: "mw", series: "use", order: ["Mining", "AI"] });
  const color = (spec as { encoding: { color: { sort: string[] } } }).encoding.color;
  assert.deepEqual(color.sort, ["Mining", "AI", "Hosting"]);
});

Deno.test("stackedAreaSpec: the date axis ticks by year over long spans", () => {
  const rows = [
    { d: "2016-01-01", s: "a", v: 1 },
    { d: "2025-12-31", s: "a", v: 2 },
  ];
  const spec = stackedAreaSpec(rows, { x: "d", y: "v", series: "s" }) as {
    encoding: { x: { axis: { format: string; tickCount: unknown } } };
  };
  assert.deepEqual(spec.encoding.x.axis.format, "%Y");
  assert.deepEqual(spec.encoding.x.axis.tickCount, "year");
});

Deno.test("stackedAreaSpec: miners' monthly revenue, subsidy vs fees, from btc_daily.csv", async () => {
  const daily = await loadBtcDaily();
  const months = new Map<string, { subsidy: number; fees: number }>();
  for (let i = 0; i < daily.length; i++) {
    const date = daily.date[i]!;
    if (date < "2020-01-01") continue;
    const month = `${date.slice(0, 7)}-01`;
    const sums = months.get(month) ?? { subsidy: 0, fees: 0 };
    sums.subsidy += (daily.subsidy_btc[i]! * daily.price_usd[i]!) / 1e6;
    sums.fees += (daily.fees_btc[i]! * daily.price_usd[i]!) / 1e6;
    months.set(month, sums);
  }
  const rows = [...months].flatMap(([month, sums]) => [
    { month, part: "Block subsidy", usdM: sums.subsidy },
    { month, part: "Fees", usdM: sums.fees },
  ]);
  assert.ok(rows.length > 140);
  const spec = stackedAreaSpec(rows, {
    x: "month",
    y: "usdM",
    series: "part",
    yTitle: "USD m per month",
    yFormat: "$,.0f",
  });
  assert.ok(compile(spec).spec.marks!.length >= 1);
  await assertRenders(spec);
});

Deno.test("stackedAreaSpec: bad input is an error naming the option and field", () => {
  const options = { x: "quarter", y: "mw", series: "use" } as const;
  assert.throws(() => stackedAreaSpec([] as typeof SITE, options), {
    name: "RangeError",
    message: "Cannot build a stacked area chart: rows is empty",
  });
  assert.throws(() => stackedAreaSpec(SITE, { ...options, series: "Use" as "use" }), {
    name: "TypeError",
    message: 'Cannot use series: field "Use" is missing from row 0',
  });
  assert.throws(
    () => stackedAreaSpec([{ ...SITE[0]!, quarter: "Q1 2025" }], options),
    /Cannot use x: field "quarter" in row 0 is "Q1 2025", expected YYYY-MM-DD/,
  );
  assert.throws(
    () => stackedAreaSpec([{ ...SITE[0]!, mw: Number.NaN }], options),
    /Cannot use y: field "mw" in row 0 is NaN, expected a finite number/,
  );
  assert.throws(
    () => stackedAreaSpec([SITE[0]!, SITE[0]!], options),
    /Cannot use series: "Bitcoin mining" has two rows dated 2025-03-31 \(row 1\)/,
  );
});

Deno.test("stackedAreaSpec: cosmetic options out of range warn once and fall back", () => {
  let spec: { height: number; encoding: { color: { sort: string[] }; y: { axis: unknown } } };
  const seen = warnings(() => {
    spec = stackedAreaSpec(SITE, {
      x: "quarter",
      y: "mw",
      series: "use",
      height: -1,
      yFormat: "MW",
      order: ["AI/HPC", "Hosting"],
    }) as typeof spec;
  });
  assert.deepEqual(seen, [
    'stackedAreaSpec: order names "Hosting", not a series of the rows; ignored',
    'stackedAreaSpec: yFormat "MW" is out of range; using ",.0f"',
    "stackedAreaSpec: height -1 is out of range; using 260",
  ]);
  assert.equal(spec!.height, 260);
  assert.deepEqual(spec!.encoding.color.sort, ["AI/HPC", "Bitcoin mining"]);
  assert.deepEqual(spec!.encoding.y.axis, { format: ",.0f" });
});

Deno.test("stackedAreaSpec: takes interface-typed rows", () => {
  interface SiteUse {
    readonly quarter: string;
    readonly use: string;
    readonly mw: number;
  }
  const rows: readonly SiteUse[] = [
    { quarter: "2025-03-31", use: "Bitcoin mining", mw: 300 },
    { quarter: "2025-06-30", use: "AI/HPC", mw: 100 },
  ];
  const spec = stackedAreaSpec(rows, { x: "quarter", y: "mw", series: "use" }) as {
    encoding: { color: { sort: string[] } };
  };
  assert.deepEqual(spec.encoding.color.sort, ["Bitcoin mining", "AI/HPC"]);
});
