import assert from "node:assert/strict";
import { compile, type TopLevelSpec } from "vega-lite";
import { scenarioGrid } from "../finance/scenario_grid.ts";
import { Exhibit } from "./exhibit.ts";
import { heatmapSpec } from "./heatmap.ts";
import { renderSvg } from "./render.ts";
import { HOUSE_COLORS, HOUSE_CONFIG } from "./theme.ts";
import { assertExhibitRenders, roundedTo6Digits, warnings } from "./_testing.ts";
import { message } from "./_messages.ts";

const ROWS = [
  { x: 1, y: 10, value: -50 },
  { x: 2, y: 10, value: 100 },
  { x: 1, y: 20, value: 25.123456789 },
  { x: 2, y: 20, value: 0 },
];

const AXIS = { grid: false, domain: false, ticks: false, labelFlush: false, labelPadding: 4 };

Deno.test("heatmapSpec: the spec for a 2 × 2 grid with both signs (diverging)", () => {
  const spec = heatmapSpec(ROWS, {
    x: "x",
    y: "y",
    value: "value",
    xTitle: "BTC price",
    yTitle: "Power",
    xFormat: "$,.0f",
    format: "$,.0f",
  });
  assert.deepEqual(roundedTo6Digits(spec), {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    config: roundedTo6Digits(HOUSE_CONFIG),
    width: 680,
    height: 60,
    data: { values: roundedTo6Digits(ROWS) },
    encoding: {
      x: {
        field: "x",
        type: "ordinal",
        sort: null,
        title: "BTC price",
        axis: { ...AXIS, format: "$,.0f", formatType: "number" },
      },
      y: { field: "y", type: "ordinal", sort: null, title: "Power", axis: AXIS },
    },
    layer: [
      {
        mark: { type: "rect", stroke: "white", strokeWidth: 1 },
        encoding: {
          color: {
            field: "value",
            type: "quantitative",
            scale: {
              domain: [-100, 0, 100],
              range: [HOUSE_COLORS.accent, "#F4F5F7", HOUSE_COLORS.blue],
              interpolate: "rgb",
            },
            legend: null,
          },
        },
      },
      {
        mark: { type: "text", fontSize: 10, baseline: "middle" },
        encoding: {
          text: { field: "value", type: "quantitative", format: "$,.0f" },
          color: {
            condition: {
              test: 'datum["value"] < -92.8452 || datum["value"] >= 84.3463',
              value: "white",
            },
            value: "#1F2329",
          },
        },
      },
    ],
  });
});

Deno.test("heatmapSpec: one-signed values get the sequential ramp over their own range", () => {
  const spec = heatmapSpec(ROWS.map((r) => ({ ...r, value: r.value + 60 })), {
    x: "x",
    y: "y",
    value: "value",
  }) as unknown as { layer: { encoding: { color: { scale?: { domain: number[] } } } }[] };
  assert.deepEqual(roundedTo6Digits(spec.layer[0]!.encoding.color.scale!.domain), [
    10,
    60,
    110,
    160,
  ]);
  // Forced diverging on one-signed data stays symmetric around zero.
  const forced = heatmapSpec(ROWS.map((r) => ({ ...r, value: r.value + 60 })), {
    x: "x",
    y: "y",
    value: "value",
    scheme: "diverging",
  }) as unknown as { layer: { encoding: { color: { scale?: { domain: number[] } } } }[] };
  assert.deepEqual(forced.layer[0]!.encoding.color.scale!.domain, [-160, 0, 160]);
});

Deno.test("heatmapSpec: rows of finance/scenario_grid.ts go in as they come, in display order", () => {
  const grid = scenarioGrid((x) => x.btc! * 0.01 - x.power!, {
    x: { name: "btc", values: [90_000, 50_000, 70_000] },
    y: { name: "power", values: [70, 30] },
    base: { btc: 70_000, power: 50 },
  });
  const spec = heatmapSpec(grid.rows, { x: "x", y: "y", value: "value" }) as unknown as {
    encoding: { x: { sort: null } };
  };
  assert.equal(spec.encoding.x.sort, null); // the grid's own order, not sorted
});

/** WCAG contrast ratio of two colours given as "#RRGGBB", "white" or "rgb(r, g, b)". */
function contrast(a: string, b: string): number {
  const channels = (c: string) =>
    c === "white"
      ? [255, 255, 255]
      : c.startsWith("#")
      ? [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16))
      : c.match(/\d+/g)!.map(Number);
  const luminance = (c: string) => {
    const [r, g, b] = channels(c).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (hi! + 0.05) / (lo! + 0.05);
}

Deno.test("heatmapSpec: every annotation takes the text colour with the better contrast on its cell", async () => {
  const rows = [];
  for (let i = 0; i < 21; i++) rows.push({ x: i % 7, y: Math.floor(i / 7), value: i * 10 - 60 });
  for (const scheme of ["diverging", "sequential"] as const) {
    const svg = await renderSvg(heatmapSpec(rows, { x: "x", y: "y", value: "value", scheme }));
    const cells = new Map<string, string>();
    for (const m of svg.matchAll(/<path aria-label="([^"]+)"[^>]*rect mark[^>]*fill="([^"]+)"/g)) {
      cells.set(m[1]!, m[2]!);
    }
    const texts = [...svg.matchAll(/<text aria-label="([^"]+)"[^>]*text mark[^>]*fill="([^"]+)"/g)];
    assert.equal(texts.length, rows.length);
    for (const [, label, fill] of texts) {
      const cell = cells.get(label!)!;
      const other = fill === "white" ? "#1F2329" : "white";
      assert.ok(
        contrast(fill!, cell) >= contrast(other, cell) * 0.98,
        `${scheme} ${label}: ${fill} on ${cell}`,
      );
    }
  }
});

Deno.test("heatmapSpec: the spec compiles to Vega with marks", () => {
  const compiled = compile(heatmapSpec(ROWS, { x: "x", y: "y", value: "value" })).spec;
  assert.ok((compiled.marks ?? []).length >= 2);
});

Deno.test("heatmapSpec: renders to SVG without <style> and to a 2× PNG that is not blank", async () => {
  const grid = scenarioGrid((x) => (1500 * x.btc! / 1e6 - 0.876 * x.power! - 20) * 3 - 150, {
    x: { name: "btc", values: [50_000, 70_000, 90_000, 110_000, 130_000] },
    y: { name: "power", values: [30, 40, 50, 60, 70] },
    base: { btc: 90_000, power: 50 },
  });
  const spec = heatmapSpec(grid.rows, {
    x: "x",
    y: "y",
    value: "value",
    xTitle: "BTC price, USD",
    yTitle: "Power price, USD/MWh",
    xFormat: "$,.0f",
    yFormat: "$.0f",
    format: "$,.0f",
  });
  const exhibit = new Exhibit(spec, {
    title: "Mining pays above $90k BTC",
    subtitle: "NPV, USD millions",
    source: "mullet analysis",
    asOf: "2026-01-01",
  });
  await assertExhibitRenders(exhibit, "/tmp/heatmap_test.png");
});

Deno.test("heatmapSpec: bad input is an error naming the option and the field", () => {
  const options = { x: "x", y: "y", value: "value" } as const;
  assert.throws(() => heatmapSpec([], options), {
    name: "RangeError",
    message: /at least one row, got 0/,
  });
  assert.throws(() => heatmapSpec(ROWS, { ...options, value: "npv" as "value" }), {
    name: "TypeError",
    message: 'Cannot use value: field "npv" is missing from rows[0]',
  });
  assert.throws(() => heatmapSpec([{ x: 1, y: 1, value: NaN }], options), {
    name: "TypeError",
    message: /Cannot use value: expected a finite number in rows\[0\]\.value, got NaN/,
  });
  const ragged = [{ x: 1, y: 1, value: 1 }, { x: 2, value: 2 }] as {
    x: number;
    y: number;
    value: number;
  }[];
  assert.throws(() => heatmapSpec(ragged, options), {
    name: "TypeError",
    message: 'Cannot use y: field "y" is missing from rows[1]',
  });
});

Deno.test("heatmapSpec: a cosmetic option out of range warns once and keeps the default", () => {
  let spec: TopLevelSpec | undefined;
  const seen = warnings(() => {
    spec = heatmapSpec(ROWS, { x: "x", y: "y", value: "value", height: 0 });
  });
  assert.deepEqual(seen, [message.sizeOutOfRange("height", 0, 60)]);
  assert.equal((spec as { height: number }).height, 60);

  const scheme = warnings(() => {
    spec = heatmapSpec(ROWS, {
      x: "x",
      y: "y",
      value: "value",
      scheme: "rainbow" as "diverging",
    });
  });
  assert.deepEqual(scheme, [message.unknownHeatmapScheme("rainbow")]);
  assert.equal(
    scheme[0],
    'Ignoring scheme: expected "diverging" or "sequential", got "rainbow"; using the default',
  );

  const format = warnings(() => {
    spec = heatmapSpec(ROWS, { x: "x", y: "y", value: "value", format: "dollars" });
  });
  assert.deepEqual(format, [message.badNumberFormat("format", "dollars", ",.0f")]);
  const text = (spec as unknown as { layer: { encoding: { text?: { format: string } } }[] })
    .layer[1]!.encoding.text!;
  assert.equal(text.format, ",.0f");
});
