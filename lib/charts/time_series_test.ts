import assert from "node:assert/strict";
import { compile } from "vega-lite";
import type { BandRow } from "../finance/percentile_bands.ts";
import { renderSvg } from "./render.ts";
import { timeSeriesSpec } from "./time_series.ts";
import { HOUSE_CONFIG } from "./theme.ts";

Deno.test("timeSeriesSpec: snapshot of a small log-scale series with an event", () => {
  const rows = [{ day: "2024-04-19", hp: 120 }, { day: "2024-04-21", hp: 60 }];
  const spec = timeSeriesSpec(rows, {
    x: "day",
    y: "hp",
    log: true,
    yTitle: "USD",
    width: 300,
    height: 100,
    events: [{ date: "2024-04-20", label: "Halving" }],
  });
  assert.deepEqual(JSON.parse(JSON.stringify(spec)), {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    config: JSON.parse(JSON.stringify(HOUSE_CONFIG)),
    width: 300,
    height: 100,
    data: { values: rows },
    layer: [
      {
        mark: { type: "line", interpolate: "linear" },
        encoding: {
          x: {
            field: "day",
            type: "temporal",
            title: null,
            axis: { format: "%Y", tickCount: "year" },
          },
          y: {
            field: "hp",
            type: "quantitative",
            title: "USD",
            scale: { type: "log" },
            axis: { format: ",.0f", values: [30, 100, 300] },
          },
          color: { value: "#0B2545" },
        },
      },
      {
        data: { values: [{ date: "2024-04-20", label: "Halving" }] },
        mark: { type: "rule", color: "#D1495B", strokeDash: [4, 3], strokeWidth: 1 },
        encoding: { x: { field: "date", type: "temporal" } },
      },
      {
        data: { values: [{ date: "2024-04-20", label: "Halving" }] },
        mark: {
          type: "text",
          align: "left",
          baseline: "top",
          dx: 3,
          y: 2,
          fontSize: 9,
          color: "#D1495B",
        },
        encoding: { x: { field: "date", type: "temporal" }, text: { field: "label" } },
      },
    ],
  });
  assert.ok(compile(spec).spec.marks!.length >= 3);
});

Deno.test("timeSeriesSpec: several series take the house colours by series field", () => {
  const rows = [{ d: "2024-01-01", v: 1, s: "a" }, { d: "2024-01-01", v: 2, s: "b" }];
  const spec = timeSeriesSpec(rows, { x: "d", y: "v", series: "s" }) as {
    layer: { encoding: { color: unknown } }[];
  };
  assert.deepEqual(spec.layer[0]!.encoding.color, { field: "s", type: "nominal" });
});

Deno.test("timeSeriesSpec: takes interface-typed rows, e.g. lib/finance's BandRow", () => {
  const rows: (BandRow & { readonly month: string })[] = [
    { step: 0, month: "2026-01-31", p5: 80, p50: 100, p95: 125 },
    { step: 1, month: "2026-02-28", p5: 70, p50: 101, p95: 150 },
  ];
  const spec = timeSeriesSpec(rows, { x: "month", y: "p50", log: true }) as {
    layer: { encoding: { y: { axis: { values: number[] } } } }[];
  };
  assert.deepEqual(spec.layer[0]!.encoding.y.axis.values, [100, 300]);
});

Deno.test("timeSeriesSpec: log ticks below 1 are round decimals", () => {
  const rows = [{ day: "2024-01-01", ratio: 0.13 }, { day: "2024-02-01", ratio: 0.2 }];
  const spec = timeSeriesSpec(rows, { x: "day", y: "ratio", log: true, yFormat: ".1f" }) as {
    layer: { encoding: { y: { axis: { values: number[] } } } }[];
  };
  assert.deepEqual(spec.layer[0]!.encoding.y.axis.values, [0.1, 0.3]);
});

Deno.test("timeSeriesSpec: a log axis below 1 labels each tick with its decimals, not 0", async () => {
  const rows = [
    { day: "2024-01-01", ratio: 0.04 },
    { day: "2024-06-01", ratio: 0.9 },
    { day: "2024-12-01", ratio: 25 },
  ];
  const svg = await renderSvg(timeSeriesSpec(rows, { x: "day", y: "ratio", log: true }));
  const labels = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
  for (const tick of ["0.03", "0.1", "0.3", "1", "3", "10", "30"]) {
    assert.ok(labels.includes(tick), `tick ${tick} among ${JSON.stringify(labels)}`);
  }
  assert.ok(!labels.includes("0"), `no tick labelled 0 among ${JSON.stringify(labels)}`);
});
