import assert from "node:assert/strict";
import { compile } from "vega-lite";
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
