import assert from "node:assert/strict";
import { compile, type TopLevelSpec } from "vega-lite";
import { tornado } from "../finance/tornado.ts";
import { Exhibit } from "./exhibit.ts";
import { renderSvg } from "./render.ts";
import { HOUSE_COLORS, HOUSE_CONFIG } from "./theme.ts";
import { tornadoSpec } from "./tornado.ts";
import { assertExhibitRenders, roundedTo6Digits, warnings } from "./_testing.ts";
import { message } from "./_messages.ts";

const ROWS = [
  { input: "volume", outputLow: 400, outputHigh: 600 },
  { input: "price", outputLow: 300, outputHigh: 700.123456789 },
];
const OPTIONS = {
  input: "input",
  low: "outputLow",
  high: "outputHigh",
  base: 500,
  xTitle: "Margin, USD",
  xFormat: "$,.0f",
} as const;

const FOLD = [
  { fold: ["outputLow", "outputHigh"], as: ["tornado_case", "tornado_output"] },
  {
    calculate: 'datum.tornado_case === "outputLow" ? "Low input" : "High input"',
    as: "tornado_case",
  },
  { calculate: "-abs(datum.tornado_output - 500)", as: "tornado_reach" },
];
const X = {
  field: "tornado_output",
  type: "quantitative",
  title: "Margin, USD",
  scale: { zero: false, padding: 34 },
  axis: { format: "$,.0f", grid: false, tickCount: 8, labelOverlap: true },
};
const Y = {
  field: "input",
  type: "nominal",
  sort: ["price", "volume"],
  title: null,
  scale: { paddingInner: 0.3, paddingOuter: 0.15 },
  axis: { grid: false, domain: false, ticks: false, labelPadding: 6 },
};
const LABEL = { baseline: "middle", fontSize: 10 };
const TEXT = { field: "tornado_output", type: "quantitative", format: "$,.0f" };
// White on the navy bar when a low-input label lands on it (both outputs on one side).
const LABEL_COLOR = {
  condition: {
    test: 'datum.tornado_case === "Low input" && (datum["outputLow"] - 500) * ' +
      '(datum["outputHigh"] - 500) > 0 && abs((datum["outputLow"] - 500)) < ' +
      'abs((datum["outputHigh"] - 500))',
    value: "white",
  },
  value: HOUSE_COLORS.darkGrey,
};

Deno.test("tornadoSpec: the spec for two inputs", () => {
  assert.deepEqual(roundedTo6Digits(tornadoSpec(ROWS, OPTIONS)), {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    config: roundedTo6Digits(HOUSE_CONFIG),
    width: 680,
    height: 60,
    data: { values: roundedTo6Digits(ROWS) },
    layer: [
      {
        transform: FOLD,
        mark: { type: "bar" },
        encoding: {
          x: X,
          x2: { datum: 500 },
          y: Y,
          color: {
            field: "tornado_case",
            type: "nominal",
            scale: {
              domain: ["Low input", "High input"],
              range: [HOUSE_COLORS.lightBlue, HOUSE_COLORS.navy],
            },
            legend: { orient: "top" },
          },
          order: { field: "tornado_reach", type: "quantitative" },
        },
      },
      {
        data: { values: [{}] },
        mark: { type: "rule", color: HOUSE_COLORS.darkGrey, strokeWidth: 1 },
        encoding: { x: { datum: 500 } },
      },
      {
        data: { values: [{}] },
        mark: {
          type: "text",
          align: "center",
          baseline: "bottom",
          y: 0,
          dy: -3,
          fontSize: 10,
          color: HOUSE_COLORS.darkGrey,
        },
        encoding: { x: { datum: 500 }, text: { value: "Base $500" } },
      },
      {
        transform: [...FOLD, { filter: "datum.tornado_output >= 500" }],
        mark: { type: "text", align: "left", dx: 3, ...LABEL },
        encoding: { x: X, y: Y, text: TEXT, color: LABEL_COLOR },
      },
      {
        transform: [...FOLD, { filter: "datum.tornado_output < 500" }],
        mark: { type: "text", align: "right", dx: -3, ...LABEL },
        encoding: { x: X, y: Y, text: TEXT, color: LABEL_COLOR },
      },
    ],
  });
});

Deno.test("tornadoSpec: rows of finance/tornado.ts go in as they come, widest swing on top", () => {
  const t = tornado((x) => x.a! * 3 + x.b! - x.c! * 10, {
    base: { a: 1, b: 1, c: 1 },
    ranges: { b: [0, 2], a: [0, 2], c: [0.5, 1.5] },
  });
  const spec = tornadoSpec(t.rows, {
    input: "input",
    low: "outputLow",
    high: "outputHigh",
    base: t.baseOutput,
  }) as unknown as { layer: { encoding: { y?: { sort: string[] } } }[] };
  assert.deepEqual(spec.layer[0]!.encoding.y!.sort, ["c", "a", "b"]);
});

Deno.test("tornadoSpec: order is by |high − low| whatever the row order; ties keep row order", () => {
  const rows = [
    { name: "x", lo: 0, hi: 1 },
    { name: "y", lo: 5, hi: -5 },
    { name: "z", lo: 2, hi: 1 },
  ];
  const spec = tornadoSpec(rows, { input: "name", low: "lo", high: "hi", base: 0 }) as unknown as {
    layer: { encoding: { y?: { sort: string[] } } }[];
  };
  assert.deepEqual(spec.layer[0]!.encoding.y!.sort, ["y", "x", "z"]);
});

Deno.test("tornadoSpec: a label over the navy bar is white; elsewhere dark grey", async () => {
  const rows = [
    { input: "both up, high further", outputLow: 520, outputHigh: 600 },
    { input: "both up, low further", outputLow: 600, outputHigh: 520 },
    { input: "either side", outputLow: 400, outputHigh: 600 },
  ];
  const svg = await renderSvg(tornadoSpec(rows, { ...OPTIONS, xFormat: ".0f" }));
  const fills = new Map<string, string[]>();
  for (
    const m of svg.matchAll(/<text aria-label="[^"]*input: ([^;"]+)[^"]*"[^>]*fill="([^"]+)"/g)
  ) {
    fills.set(m[1]!, [...(fills.get(m[1]!) ?? []), m[2]!]);
  }
  assert.deepEqual(fills.get("both up, high further")?.sort(), [HOUSE_COLORS.darkGrey, "white"]);
  assert.deepEqual(fills.get("both up, low further"), [
    HOUSE_COLORS.darkGrey,
    HOUSE_COLORS.darkGrey,
  ]);
  assert.deepEqual(fills.get("either side"), [HOUSE_COLORS.darkGrey, HOUSE_COLORS.darkGrey]);
});

Deno.test("tornadoSpec: the spec compiles to Vega with marks", () => {
  const compiled = compile(tornadoSpec(ROWS, OPTIONS)).spec;
  assert.ok((compiled.marks ?? []).length >= 5);
});

Deno.test("tornadoSpec: renders to SVG without <style> and to a 2× PNG that is not blank", async () => {
  const t = tornado((x) => (x.rent! - x.opex!) * 200 - x.capex! * 20, {
    base: { rent: 1.8, opex: 0.45, capex: 10 },
    ranges: { rent: [1.4, 2.2], opex: [0.35, 0.6], capex: [8, 13] },
  });
  const spec = tornadoSpec(t.rows, {
    input: "input",
    low: "outputLow",
    high: "outputHigh",
    base: t.baseOutput,
    xTitle: "NPV, USD millions",
    xFormat: "$,.0f",
  });
  const exhibit = new Exhibit(spec, {
    title: "Rent drives the NPV",
    source: "mullet analysis",
    asOf: "2026-01-01",
  });
  await assertExhibitRenders(exhibit, "/tmp/tornado_test.png");
});

Deno.test("tornadoSpec: bad input is an error naming the option and the field", () => {
  assert.throws(() => tornadoSpec([], OPTIONS), {
    name: "RangeError",
    message: /at least one row, got 0/,
  });
  assert.throws(
    () => tornadoSpec(ROWS, { ...OPTIONS, low: "outputMid" as "outputLow" }),
    { name: "TypeError", message: 'Cannot use low: field "outputMid" is missing from rows[0]' },
  );
  assert.throws(
    () =>
      tornadoSpec([{ input: "a", outputLow: "1" as unknown as number, outputHigh: 2 }], OPTIONS),
    {
      name: "TypeError",
      message: /Cannot use low: expected a finite number in rows\[0\]\.outputLow/,
    },
  );
  assert.throws(() => tornadoSpec([ROWS[0]!, ROWS[0]!], OPTIONS), {
    name: "RangeError",
    message: /"volume" twice/,
  });
  assert.throws(() => tornadoSpec(ROWS, { ...OPTIONS, base: NaN }), {
    name: "TypeError",
    message: /Cannot use base/,
  });
});

Deno.test("tornadoSpec: a cosmetic option out of range warns once and keeps the default", () => {
  let spec: TopLevelSpec | undefined;
  const seen = warnings(() => {
    spec = tornadoSpec(ROWS, { ...OPTIONS, width: -10 });
  });
  assert.deepEqual(seen, [message.sizeOutOfRange("width", -10, 680)]);
  assert.equal((spec as { width: number }).width, 680);

  const format = warnings(() => {
    spec = tornadoSpec(ROWS, { ...OPTIONS, xFormat: "$,.0zz" });
  });
  assert.deepEqual(format, [message.badNumberFormat("xFormat", "$,.0zz", ",.0f")]);
});
