import assert from "node:assert/strict";
import { compile, type TopLevelSpec } from "vega-lite";
import { Exhibit } from "./exhibit.ts";
import { withShadedPeriods } from "./shaded_periods.ts";
import { HOUSE_COLORS, HOUSE_CONFIG } from "./theme.ts";
import { timeSeriesSpec } from "./time_series.ts";
import { assertExhibitRenders, roundedTo6Digits } from "./_testing.ts";

const ROWS = [
  { day: "2024-01-01", hp: 90.123456789 },
  { day: "2024-06-30", hp: 50 },
  { day: "2024-12-31", hp: 60 },
];
const EVENTS = [{ date: "2024-04-20", label: "4th halving" }];

type Layered = { layer: Record<string, unknown>[] } & Record<string, unknown>;

Deno.test("withShadedPeriods: bands behind a time series, labels on top, clipped to the data", () => {
  const chart = timeSeriesSpec(ROWS, { x: "day", y: "hp", events: EVENTS });
  const before = structuredClone(chart);
  const shaded = withShadedPeriods(chart, [
    { from: "2023-06-01", to: "2024-02-01", label: "ETF run-up" }, // starts before the data
    { from: "2024-04-20", to: "2024-08-01" },
    { from: "2025-02-01", to: "2025-03-01", label: "After the data" }, // dropped
  ]);
  const original = (chart as unknown as Layered).layer;
  assert.deepEqual(roundedTo6Digits(shaded), {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    config: roundedTo6Digits(HOUSE_CONFIG),
    width: 680,
    height: 260,
    data: { values: roundedTo6Digits(ROWS) },
    layer: [
      {
        data: {
          values: [
            { from: "2024-01-01", to: "2024-02-01", label: "ETF run-up" },
            { from: "2024-04-20", to: "2024-08-01" },
          ],
        },
        mark: { type: "rect", color: HOUSE_COLORS.grey, opacity: 0.15 },
        encoding: {
          x: { field: "from", type: "temporal", title: null },
          x2: { field: "to" },
        },
      },
      ...roundedTo6Digits(original) as unknown[],
      {
        data: { values: [{ from: "2024-01-01", to: "2024-02-01", label: "ETF run-up" }] },
        mark: {
          type: "text",
          align: "left",
          baseline: "top",
          dx: 3,
          y: 14, // one row under the event labels
          fontSize: 9,
          color: HOUSE_COLORS.darkGrey,
        },
        encoding: { x: { field: "from", type: "temporal" }, text: { field: "label" } },
      },
    ],
  });
  assert.deepEqual(chart, before, "the input spec is unchanged");
});

Deno.test("withShadedPeriods: without event labels, period labels take the top row", () => {
  const shaded = withShadedPeriods(timeSeriesSpec(ROWS, { x: "day", y: "hp" }), [
    { from: "2024-03-01", to: "2024-05-01", label: "Halving" },
  ]) as unknown as Layered;
  assert.equal((shaded.layer.at(-1)!["mark"] as { y: number }).y, 2);
});

Deno.test("withShadedPeriods: a single-view spec becomes layered; a shared encoding moves into the layers", () => {
  const single = {
    data: { values: [{ step: 0, v: 1 }, { step: 10, v: 2 }] },
    transform: [{ calculate: "datum.v * 2", as: "w" }],
    mark: "line",
    encoding: {
      x: { field: "step", type: "quantitative", title: "Step" },
      y: { field: "w", type: "quantitative" },
    },
  } as TopLevelSpec;
  const shaded = withShadedPeriods(single, [{ from: 2, to: 4 }]) as unknown as Layered;
  assert.equal("mark" in shaded, false);
  assert.deepEqual(shaded.layer.map((l) => l["mark"]), [
    { type: "rect", color: HOUSE_COLORS.grey, opacity: 0.15 },
    "line",
  ]);
  assert.deepEqual(shaded.layer[1]!["transform"], [{ calculate: "datum.v * 2", as: "w" }]);
  assert.deepEqual(shaded.layer[0]!["encoding"], {
    x: { field: "from", type: "quantitative", title: "Step" },
    x2: { field: "to" },
  });

  const layered = {
    data: { values: [{ t: 0, a: 1, b: 2 }] },
    encoding: { x: { field: "t", type: "quantitative" } },
    layer: [
      { mark: "line", encoding: { y: { field: "a", type: "quantitative" } } },
      { mark: "point", encoding: { y: { field: "b", type: "quantitative" } } },
    ],
  } as TopLevelSpec;
  const pushed = withShadedPeriods(layered, [{ from: 0, to: 0 }]) as unknown as Layered;
  assert.equal("encoding" in pushed, false);
  assert.deepEqual(pushed.layer[1]!["encoding"], {
    x: { field: "t", type: "quantitative" },
    y: { field: "a", type: "quantitative" },
  });
});

Deno.test("withShadedPeriods: no period in range leaves the chart's layers as they were", () => {
  const chart = timeSeriesSpec(ROWS, { x: "day", y: "hp" });
  const shaded = withShadedPeriods(chart, [{ from: "2030-01-01", to: "2031-01-01" }]);
  assert.deepEqual(shaded, chart);
  assert.deepEqual(withShadedPeriods(chart, []), chart);
});

Deno.test("withShadedPeriods: the spec compiles to Vega with marks", () => {
  const spec = withShadedPeriods(timeSeriesSpec(ROWS, { x: "day", y: "hp", events: EVENTS }), [
    { from: "2024-02-01", to: "2024-03-01", label: "Run-up" },
  ]);
  const compiled = compile(spec).spec;
  assert.ok((compiled.marks ?? []).length >= 5);
});

Deno.test("withShadedPeriods: renders to SVG without <style> and to a 2× PNG that is not blank", async () => {
  const rows = [];
  for (let i = 0; i < 400; i++) {
    const day = new Date(Date.UTC(2023, 0, 1) + i * 2 * 86_400_000).toISOString().slice(0, 10);
    rows.push({ day, hp: 80 + 30 * Math.sin(i / 20) });
  }
  const spec = withShadedPeriods(
    timeSeriesSpec(rows, { x: "day", y: "hp", yTitle: "USD per PH/s per day", events: EVENTS }),
    [
      { from: "2023-10-01", to: "2024-03-14", label: "ETF run-up" },
      { from: "2024-04-20", to: "2024-09-01", label: "Post-halving squeeze" },
    ],
  );
  const exhibit = new Exhibit(spec, {
    title: "Hashprice through the halving",
    source: "mullet analysis",
    asOf: "2025-03-01",
  });
  await assertExhibitRenders(exhibit, "/tmp/shaded_periods_test.png");
});

Deno.test("withShadedPeriods: bad periods and specs are errors naming what is wrong", () => {
  const chart = timeSeriesSpec(ROWS, { x: "day", y: "hp" });
  assert.throws(
    () => withShadedPeriods(chart, [{ from: "2024-01-01" } as { from: string; to: string }]),
    { name: "TypeError", message: /Cannot use periods\[0\]: expected from and to both/ },
  );
  assert.throws(() => withShadedPeriods(chart, [{ from: "2024-01-01", to: 5 }]), {
    name: "TypeError",
    message: /Cannot use periods\[0\]/,
  });
  assert.throws(
    () => withShadedPeriods(chart, [{ from: "2024-01-01", to: "2024-02-01" }, { from: 1, to: 2 }]),
    { name: "TypeError", message: /all dates or all numbers/ },
  );
  assert.throws(() => withShadedPeriods(chart, [{ from: "2024-03-01", to: "2024-02-01" }]), {
    name: "RangeError",
    message: "Cannot use periods[0]: expected to (2024-02-01) not before from (2024-03-01)",
  });
  assert.throws(
    () => withShadedPeriods({ vconcat: [chart] } as unknown as TopLevelSpec, []),
    { name: "TypeError", message: /expected a single or layered chart, got a spec with "vconcat"/ },
  );
  assert.throws(
    () => withShadedPeriods(chart, undefined as unknown as []),
    { name: "TypeError", message: /Cannot use periods: expected an array/ },
  );
});
