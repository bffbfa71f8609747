import assert from "node:assert/strict";
import { compile, type TopLevelSpec } from "vega-lite";
import { gbmPaths } from "../finance/gbm_paths.ts";
import { type BandRow, percentileBands } from "../finance/percentile_bands.ts";
import { Exhibit } from "./exhibit.ts";
import { fanChartSpec } from "./fan_chart.ts";
import { HOUSE_COLORS, HOUSE_CONFIG } from "./theme.ts";
import { assertExhibitRenders, roundedTo6Digits, warnings } from "./_testing.ts";
import { message } from "./_messages.ts";

const ROWS = [
  { step: 0, p5: 80, p25: 90, p50: 100, p75: 110, p95: 125.123456789 },
  { step: 1, p5: 70, p25: 85, p50: 101, p75: 118, p95: 150 },
];
const HISTORY = [{ t: -1, price: 95 }, { t: 0, price: 100 }];

Deno.test("fanChartSpec: the spec for two bands, the median and a history, on a log axis", () => {
  const spec = fanChartSpec(ROWS, {
    x: "step",
    bands: [["p5", "p95"], ["p25", "p75"]],
    median: "p50",
    history: { rows: HISTORY, x: "t", y: "price" },
    xTitle: "Months ahead",
    yTitle: "BTC price, USD",
    yFormat: "$,.0f",
    log: true,
  });
  const x = { type: "quantitative", title: "Months ahead", scale: { nice: false } };
  const y = {
    type: "quantitative",
    title: "BTC price, USD",
    // 1–3–10 steps around 70…150, each gridded.
    scale: { type: "log", domain: [30, 300], nice: false },
    axis: { format: "$,.0f", values: [30, 100, 300] },
  };
  const bands = ["5th–95th percentile", "25th–75th percentile"];
  const fill = (datum: string) => ({
    datum,
    // Tints of the house blue, the outer band lighter.
    scale: { domain: bands, range: ["#D5E2F0", "#97B6DA"] },
    legend: { orient: "top", symbolType: "square" },
  });
  const stroke = (datum: string) => ({
    datum,
    scale: { domain: ["Actual", "Median"], range: [HOUSE_COLORS.navy, HOUSE_COLORS.blue] },
    legend: { orient: "top", symbolType: "stroke", symbolStrokeWidth: 2 },
  });
  assert.deepEqual(roundedTo6Digits(spec), {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    config: roundedTo6Digits(HOUSE_CONFIG),
    width: 680,
    height: 260,
    data: { values: roundedTo6Digits(ROWS) },
    layer: [
      {
        mark: { type: "area", opacity: 1 },
        encoding: {
          x: { field: "step", ...x },
          y: { ...y, field: "p5" },
          y2: { field: "p95" },
          fill: fill(bands[0]!),
        },
      },
      {
        mark: { type: "area", opacity: 1 },
        encoding: {
          x: { field: "step", ...x },
          y: { ...y, field: "p25" },
          y2: { field: "p75" },
          fill: fill(bands[1]!),
        },
      },
      {
        mark: { type: "line", strokeWidth: 1.8 },
        encoding: {
          x: { field: "step", ...x },
          y: { ...y, field: "p50" },
          stroke: stroke("Median"),
        },
      },
      {
        data: { values: HISTORY },
        mark: { type: "line", strokeWidth: 1.6 },
        encoding: {
          x: { field: "t", ...x },
          y: { ...y, field: "price" },
          stroke: stroke("Actual"),
        },
      },
    ],
  });
});

Deno.test("fanChartSpec: rows of finance/percentile_bands.ts go in as they come; dates work too", () => {
  const fan = percentileBands(
    gbmPaths({
      start: 70_000,
      driftAnnual: 0,
      volAnnual: 0.5,
      steps: 12,
      stepYears: 1 / 12,
      paths: 200,
      seed: 3,
    }),
    { percentiles: [2.5, 50, 97.5] },
  );
  const spec = fanChartSpec(fan.rows, { x: "step", bands: [["p2.5", "p97.5"]], median: "p50" });
  const layer = (spec as unknown as { layer: { encoding: { fill?: { datum: string } } }[] }).layer;
  assert.equal(layer[0]!.encoding.fill!.datum, "2.5th–97.5th percentile");

  // A spread drops BandRow's `p${number}` keys from the type, so the row type is named here.
  const dated: (BandRow & { month: string })[] = fan.rows.map((r) => ({
    ...r,
    month: `2026-${String(r.step + 1).padStart(2, "0")}-01`,
  }));
  const history = [{ day: "2025-12-01", close: 69_000 }];
  const byDate = fanChartSpec(dated, {
    x: "month",
    bands: [["p2.5", "p97.5"]],
    median: "p50",
    history: { rows: history, x: "day", y: "close", label: "BTC close" },
  }) as unknown as { layer: { encoding: { x: { type: string; title: unknown } } }[] };
  assert.deepEqual(byDate.layer.map((l) => l.encoding.x.type), [
    "temporal",
    "temporal",
    "temporal",
  ]);
  assert.equal(byDate.layer[0]!.encoding.x.title, null);
});

Deno.test("fanChartSpec: band labels read as percentiles, or as the field names", () => {
  const rows = [{ s: 0, lo: 1, hi: 3, p1: 1, p99: 3, p11: 1, p92: 3, mid: 2 }];
  const spec = fanChartSpec(rows, {
    x: "s",
    bands: [["lo", "hi"], ["p1", "p99"], ["p11", "p92"]],
    median: "mid",
  }) as unknown as { layer: { encoding: { fill?: { datum: string } } }[] };
  assert.deepEqual(spec.layer.slice(0, 3).map((l) => l.encoding.fill!.datum), [
    "lo–hi",
    "1st–99th percentile",
    "11th–92nd percentile",
  ]);
});

Deno.test("fanChartSpec: the spec compiles to Vega with marks", () => {
  const compiled = compile(
    fanChartSpec(ROWS, { x: "step", bands: [["p5", "p95"]], median: "p50" }),
  ).spec;
  assert.ok((compiled.marks ?? []).length >= 2);
});

Deno.test("fanChartSpec: renders to SVG without <style> and to a 2× PNG that is not blank", async () => {
  const fan = percentileBands(
    gbmPaths({
      start: 70_000,
      driftAnnual: 0,
      volAnnual: 0.55,
      steps: 24,
      stepYears: 1 / 12,
      paths: 1000,
      seed: 7,
    }),
  );
  const spec = fanChartSpec(fan.rows, {
    x: "step",
    bands: [["p5", "p95"], ["p25", "p75"]],
    median: "p50",
    history: {
      rows: [{ m: -3, p: 60_000 }, { m: -2, p: 65_000 }, { m: -1, p: 70_000 }],
      x: "m",
      y: "p",
    },
    xTitle: "Months ahead",
    yTitle: "BTC price, USD",
    yFormat: "$,.0f",
    log: true,
  });
  const exhibit = new Exhibit(spec, {
    title: "A wide range of outcomes",
    source: "mullet analysis",
    asOf: "2026-06-01",
  });
  await assertExhibitRenders(exhibit, "/tmp/fan_chart_test.png");
});

Deno.test("fanChartSpec: bad input is an error naming the option and the field", () => {
  const options = { x: "step", bands: [["p5", "p95"]], median: "p50" } as const;
  assert.throws(() => fanChartSpec([], options), {
    name: "RangeError",
    message: /at least one row, got 0/,
  });
  assert.throws(() => fanChartSpec(ROWS, { ...options, bands: [] }), {
    name: "RangeError",
    message: /Cannot use bands/,
  });
  assert.throws(() => fanChartSpec(ROWS, { ...options, median: "p49" as "p50" }), {
    name: "TypeError",
    message: 'Cannot use median: field "p49" is missing from rows[0]',
  });
  assert.throws(
    () => fanChartSpec(ROWS, { ...options, bands: [["p5", "p96" as "p95"]] }),
    { name: "TypeError", message: 'Cannot use bands[0][1]: field "p96" is missing from rows[0]' },
  );
  assert.throws(() => fanChartSpec([{ ...ROWS[0]!, p5: -1 }], { ...options, log: true }), {
    name: "RangeError",
    message: /Cannot use bands\[0\]\[0\] on a log scale: expected a value > 0 in rows\[0\]\.p5/,
  });
  assert.throws(() => fanChartSpec([{ ...ROWS[0]!, step: "May" as unknown as number }], options), {
    name: "TypeError",
    message: /Cannot use x: expected step numbers or YYYY-MM-DD dates, got "May"/,
  });
  assert.throws(
    () =>
      fanChartSpec(ROWS, {
        ...options,
        history: { rows: [{ d: "2026-01-01", v: 1 }], x: "d", y: "v" },
      }),
    { name: "TypeError", message: /Cannot use history\.x: expected number values/ },
  );
});

Deno.test("fanChartSpec: a cosmetic option out of range warns once and keeps the default", () => {
  let spec: TopLevelSpec | undefined;
  const seen = warnings(() => {
    spec = fanChartSpec(ROWS, {
      x: "step",
      bands: [["p5", "p95"]],
      median: "p50",
      width: Infinity,
    });
  });
  assert.deepEqual(seen, [message.sizeOutOfRange("width", Infinity, 680)]);
  assert.equal((spec as { width: number }).width, 680);

  const format = warnings(() => {
    fanChartSpec(ROWS, { x: "step", bands: [["p5", "p95"]], median: "p50", yFormat: "USD" });
  });
  assert.deepEqual(format, [message.badNumberFormat("yFormat", "USD", ",.0f")]);
});
