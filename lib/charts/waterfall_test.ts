import assert from "node:assert/strict";
import { compile } from "vega-lite";
import { HOUSE_CONFIG } from "./theme.ts";
import { waterfallBars, waterfallSpec } from "./waterfall.ts";
import { assertRenders, roundedTo3Decimals, warnings } from "./_testing.ts";

/** A small sum of the parts, USD m. */
const SOTP = [
  { part: "BTC held", usdM: 1200 },
  { part: "AI leases", usdM: 2400 },
  { part: "Net debt", usdM: -700 },
];

/** An EBITDA bridge with a subtotal, running below zero. */
const BRIDGE = [
  { step: "FY24 EBITDA", usdM: 120, subtotal: false },
  { step: "Halving", usdM: -180, subtotal: false },
  { step: "Mining", usdM: 0, subtotal: true },
  { step: "Colocation", usdM: 150, subtotal: false },
  { step: "FY26 EBITDA", usdM: 0, subtotal: true },
];

Deno.test("waterfallSpec: snapshot of a sum of the parts", () => {
  const spec = waterfallSpec(SOTP, {
    label: "part",
    value: "usdM",
    totalLabel: "Equity",
    yTitle: "USD m",
    width: 300,
    height: 100,
  });
  const labels = (up: boolean) => ({
    transform: [{ filter: up ? "datum.up" : "!datum.up" }],
    mark: {
      type: "text",
      fontSize: 9,
      color: "#4A4E57",
      baseline: up ? "bottom" : "top",
      dy: up ? -3 : 3,
    },
    encoding: { text: { field: "value", type: "quantitative", format: ",.0f" } },
  });
  assert.deepEqual(roundedTo3Decimals(spec), {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    config: roundedTo3Decimals(HOUSE_CONFIG),
    width: 300,
    height: 100,
    data: {
      values: [
        {
          label: "BTC held",
          start: 0,
          end: 1200,
          value: 1200,
          kind: "increase",
          next: "AI leases",
          up: true,
        },
        {
          label: "AI leases",
          start: 1200,
          end: 3600,
          value: 2400,
          kind: "increase",
          next: "Net debt",
          up: true,
        },
        {
          label: "Net debt",
          start: 3600,
          end: 2900,
          value: -700,
          kind: "decrease",
          next: "Equity",
          up: false,
        },
        { label: "Equity", start: 0, end: 2900, value: 2900, kind: "total", next: null, up: true },
      ],
    },
    encoding: {
      x: {
        field: "label",
        type: "nominal",
        sort: ["BTC held", "AI leases", "Net debt", "Equity"],
        title: null,
        scale: { paddingInner: 0.3, paddingOuter: 0.15 },
        axis: { ticks: false, labelLimit: 0, labelPadding: 6 },
      },
      y: {
        field: "end",
        type: "quantitative",
        title: "USD m",
        // 15 px of labels above and below a 100 px plot: 3600 ± 15 × 3600 / 70.
        scale: { nice: true, domainMax: 4371.429, domainMin: -771.429 },
        axis: { format: ",.0f" },
      },
    },
    layer: [
      {
        transform: [{ filter: "datum.next !== null" }],
        mark: { type: "rule", color: "#8D99AE", strokeWidth: 0.8, strokeDash: [2, 2] },
        encoding: { x2: { field: "next" } },
      },
      {
        mark: { type: "bar" },
        encoding: {
          y2: { field: "start" },
          color: {
            field: "kind",
            type: "nominal",
            scale: {
              domain: ["increase", "decrease", "total"],
              range: ["#0B2545", "#D1495B", "#4A4E57"],
            },
            legend: null,
          },
        },
      },
      labels(true),
      labels(false),
    ],
  });
});

Deno.test("waterfallBars: subtotals, a running sum below zero, and the final total", async (t) => {
  await t.step("a total row draws the running sum from zero; no total is appended after it", () => {
    const bars = waterfallBars(BRIDGE, { label: "step", value: "usdM", total: "subtotal" });
    assert.deepEqual(bars.map((b) => [b.label, b.start, b.end, b.value, b.kind]), [
      ["FY24 EBITDA", 0, 120, 120, "increase"],
      ["Halving", 120, -60, -180, "decrease"],
      ["Mining", 0, -60, -60, "total"],
      ["Colocation", -60, 90, 150, "increase"],
      ["FY26 EBITDA", 0, 90, 90, "total"],
    ]);
  });
  await t.step("the default final bar is Total; false leaves it out", () => {
    assert.equal(waterfallBars(SOTP, { label: "part", value: "usdM" }).at(-1)!.label, "Total");
    assert.equal(
      waterfallBars(SOTP, { label: "part", value: "usdM", totalLabel: false }).length,
      3,
    );
  });
  await t.step("the bars add up: each step starts where the previous one ended", () => {
    const bars = waterfallBars(SOTP, { label: "part", value: "usdM" });
    for (let i = 1; i < bars.length - 1; i++) assert.equal(bars[i]!.start, bars[i - 1]!.end);
    assert.equal(bars.at(-1)!.end, SOTP.reduce((sum, r) => sum + r.usdM, 0));
  });
});

Deno.test("waterfallSpec: labels sit past each bar's end, with a dark zero line below zero", () => {
  const spec = waterfallSpec(BRIDGE, { label: "step", value: "usdM", total: "subtotal" }) as {
    data: { values: { label: string; up: boolean }[] };
    encoding: { y: { axis: { gridColor?: unknown }; scale: { domainMin: number } } };
  };
  assert.deepEqual(
    spec.data.values.map((v) => v.up),
    [true, false, false, true, true], // Halving falls; the Mining subtotal is negative
  );
  assert.ok(spec.encoding.y.scale.domainMin < -60);
  assert.ok(spec.encoding.y.axis.gridColor !== undefined);
});

Deno.test("waterfallSpec: compiles to Vega bars, rules and text; renders a 2× PNG", async () => {
  const spec = waterfallSpec(BRIDGE, { label: "step", value: "usdM", total: "subtotal" });
  const marks = compile(spec).spec.marks!.map((m) => m.type);
  assert.deepEqual(marks, ["rule", "rect", "text", "text"]);
  await assertRenders(spec);
  await assertRenders(waterfallSpec(SOTP, { label: "part", value: "usdM", width: 330 }));
});

Deno.test("waterfallSpec: bad input is an error naming the option and field", () => {
  assert.throws(() => waterfallSpec([] as typeof SOTP, { label: "part", value: "usdM" }), {
    name: "RangeError",
    message: "Cannot build a waterfall: rows is empty",
  });
  assert.throws(() => waterfallSpec(SOTP, { label: "part", value: "usd" as "usdM" }), {
    name: "TypeError",
    message: 'Cannot use value: field "usd" is missing from row 0',
  });
  assert.throws(
    () => waterfallSpec(BRIDGE, { label: "step", value: "usdM", total: "sub" as "subtotal" }),
    { name: "TypeError", message: 'Cannot use total: field "sub" is missing from row 0' },
  );
  assert.throws(
    () =>
      waterfallSpec([{ part: "A", usdM: 1, t: "yes" }], {
        label: "part",
        value: "usdM",
        total: "t",
      }),
    /Cannot use total: field "t" in row 0 is "yes", expected true or false/,
  );
  assert.throws(
    () => waterfallSpec([...SOTP, SOTP[0]!], { label: "part", value: "usdM" }),
    /Cannot use label: "BTC held" appears in rows 0 and 3/,
  );
  assert.throws(
    () => waterfallSpec(SOTP, { label: "part", value: "usdM", totalLabel: "Net debt" }),
    /Cannot use totalLabel: "Net debt" is also a row's label/,
  );
  assert.throws(
    () =>
      waterfallSpec([{ part: "A", usdM: Number.POSITIVE_INFINITY }], {
        label: "part",
        value: "usdM",
      }),
    /Cannot use value: field "usdM" in row 0 is Infinity, expected a finite number/,
  );
});

Deno.test("waterfallSpec: cosmetic options out of range warn once and fall back", () => {
  let spec: { width: number; encoding: { y: { axis: { format: string } } } };
  const seen = warnings(() => {
    spec = waterfallSpec(SOTP, {
      label: "part",
      value: "usdM",
      width: 0,
      yFormat: "$$",
    }) as typeof spec;
  });
  assert.deepEqual(seen, [
    'waterfallSpec: yFormat "$$" is out of range; using ",.0f"',
    "waterfallSpec: width 0 is out of range; using 680",
  ]);
  assert.equal(spec!.width, 680);
  assert.equal(spec!.encoding.y.axis.format, ",.0f");
});

Deno.test("waterfallSpec: takes interface-typed rows", () => {
  interface Part {
    readonly part: string;
    readonly usdM: number;
  }
  const parts: readonly Part[] = [{ part: "Mining", usdM: 900 }, { part: "Net debt", usdM: -700 }];
  const bars = waterfallBars(parts, { label: "part", value: "usdM" });
  assert.deepEqual(bars.map((b) => b.end), [900, 200, 200]);
  assert.ok(waterfallSpec(parts, { label: "part", value: "usdM" }));
});
