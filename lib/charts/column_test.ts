import assert from "node:assert/strict";
import { compile } from "vega-lite";
import type { DealIntensity } from "../deals/deal_analytics.ts";
import { columnSpec } from "./column.ts";
import { readFontMetrics, textWidth } from "./font_metrics.ts";
import { renderSvg } from "./render.ts";
import { HOUSE_CONFIG, HOUSE_FONT_FILES } from "./theme.ts";
import { assertRenders, roundedTo3Decimals, warnings } from "./_testing.ts";
import { message } from "./_messages.ts";

const BUSINESSES = [
  { business: "Self-mining", usdM: 0.9 },
  { business: "GPU cloud", usdM: 9.8 },
];

const MW_BY_BASIS = [
  { company: "Hut 8", basis: "IT", mw: 245 },
  { company: "Hut 8", basis: "gross", mw: 100 },
  { company: "IREN", basis: "IT", mw: 200 },
];

Deno.test("columnSpec: snapshot of revenue per MW-year by business, one highlighted", () => {
  const spec = columnSpec(BUSINESSES, {
    x: "business",
    y: "usdM",
    yTitle: "USD m per MW-year",
    yFormat: "$.1f",
    highlight: "GPU cloud",
    width: 300,
    height: 100,
  });
  const highlight = 'datum["business"] === "GPU cloud"';
  assert.deepEqual(roundedTo3Decimals(spec), {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    config: roundedTo3Decimals(HOUSE_CONFIG),
    width: 300,
    height: 100,
    data: { values: BUSINESSES },
    encoding: {
      x: {
        field: "business",
        type: "nominal",
        sort: ["Self-mining", "GPU cloud"],
        title: null,
        scale: { paddingInner: 0.3, paddingOuter: 0.15 },
        axis: { ticks: false, labelLimit: 0, labelPadding: 6 },
      },
      y: {
        field: "usdM",
        type: "quantitative",
        title: "USD m per MW-year",
        stack: null,
        // 15 px of label over a 100 px plot: 9.8 + 15 × 9.8 / 85.
        scale: { nice: true, domainMax: 11.529 },
        axis: { format: "$.1f" },
      },
    },
    layer: [
      {
        mark: { type: "bar" },
        encoding: {
          color: { condition: { test: highlight, value: "#D1495B" }, value: "#0B2545" },
        },
      },
      {
        transform: [{ filter: 'datum["usdM"] >= 0' }],
        mark: { type: "text", fontSize: 9, align: "center", baseline: "bottom", dy: -3 },
        encoding: {
          text: { field: "usdM", type: "quantitative", format: "$.1f" },
          color: { condition: { test: highlight, value: "#D1495B" }, value: "#4A4E57" },
        },
      },
    ],
  });
});

Deno.test("columnSpec: snapshot of MW by company stacked by basis, labelled with totals", () => {
  const spec = columnSpec(MW_BY_BASIS, {
    x: "company",
    y: "mw",
    series: "basis",
    stack: "stacked",
    valueLabels: true,
    width: 300,
    height: 100,
  });
  assert.deepEqual(roundedTo3Decimals(spec), {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    config: roundedTo3Decimals(HOUSE_CONFIG),
    width: 300,
    height: 100,
    data: { values: MW_BY_BASIS },
    transform: [{ calculate: 'indexof(["IT","gross"], datum["basis"])', as: "__order" }],
    encoding: {
      x: {
        field: "company",
        type: "nominal",
        sort: ["Hut 8", "IREN"],
        title: null,
        scale: { paddingInner: 0.3, paddingOuter: 0.15 },
        axis: { ticks: false, labelLimit: 0, labelPadding: 6 },
      },
      y: {
        field: "mw",
        type: "quantitative",
        title: "mw",
        stack: "zero",
        scale: { nice: true, domainMax: 405.882 },
        axis: { format: ",.0f" },
      },
    },
    layer: [
      {
        mark: { type: "bar" },
        encoding: {
          color: {
            field: "basis",
            type: "nominal",
            sort: ["IT", "gross"],
            legend: { orient: "top", direction: "horizontal", title: null },
          },
          order: { field: "__order", type: "quantitative" },
        },
      },
      {
        transform: [
          { aggregate: [{ op: "sum", field: "mw", as: "__total" }], groupby: ["company"] },
          { filter: 'datum["__total"] >= 0' },
        ],
        mark: { type: "text", fontSize: 9, align: "center", baseline: "bottom", dy: -3 },
        encoding: {
          text: { field: "__total", type: "quantitative", format: ",.0f" },
          color: { value: "#4A4E57" },
          y: { field: "__total", type: "quantitative", stack: null },
        },
      },
    ],
  });
});

Deno.test("columnSpec: compiles to Vega with bar and text marks in every layout", () => {
  const layouts = [
    columnSpec(BUSINESSES, { x: "business", y: "usdM" }),
    columnSpec(MW_BY_BASIS, { x: "company", y: "mw", series: "basis", valueLabels: true }),
    columnSpec(MW_BY_BASIS, {
      x: "company",
      y: "mw",
      series: "basis",
      stack: "stacked",
      horizontal: true,
      valueLabels: true,
    }),
    columnSpec([{ q: "Q1", m: 12 }, { q: "Q2", m: -8 }], { x: "q", y: "m", horizontal: true }),
  ];
  for (const spec of layouts) {
    const marks = compile(spec).spec.marks!.map((m) => m.type);
    assert.ok(marks.includes("rect") && marks.includes("text"), marks.join());
  }
});

Deno.test("columnSpec: renders to SVG without <style> and to a 2× PNG that is not blank", async () => {
  await assertRenders(columnSpec(MW_BY_BASIS, {
    x: "company",
    y: "mw",
    series: "basis",
    stack: "stacked",
    valueLabels: true,
    width: 330,
  }));
  await assertRenders(columnSpec(BUSINESSES, { x: "business", y: "usdM", horizontal: true }));
});

Deno.test("columnSpec: sort, grouping, horizontal bars and negative values", async (t) => {
  await t.step("descending sorts categories by their total", () => {
    const spec = columnSpec(MW_BY_BASIS, {
      x: "company",
      y: "mw",
      series: "basis",
      stack: "stacked",
      sort: "descending",
    }) as { encoding: { x: { sort: string[] } } };
    assert.deepEqual(spec.encoding.x.sort, ["Hut 8", "IREN"]);
    const single = columnSpec(BUSINESSES, { x: "business", y: "usdM", sort: "descending" }) as {
      encoding: { x: { sort: string[] } };
    };
    assert.deepEqual(single.encoding.x.sort, ["GPU cloud", "Self-mining"]);
  });
  await t.step("grouped is the default with series, side by side with xOffset, no labels", () => {
    const spec = columnSpec(MW_BY_BASIS, { x: "company", y: "mw", series: "basis" }) as {
      encoding: Record<string, { field?: string; stack?: unknown }>;
      layer: unknown[];
    };
    assert.equal(spec.encoding.xOffset!.field, "basis");
    assert.equal(spec.encoding.y!.stack, null);
    assert.equal(spec.layer.length, 1);
  });
  await t.step("horizontal puts categories on y and labels right of the bars", () => {
    const spec = columnSpec(BUSINESSES, { x: "business", y: "usdM", horizontal: true }) as {
      height: number;
      encoding: { y: { field: string }; x: { field: string; scale: { domainMax: number } } };
      layer: { mark: { align?: string } }[];
    };
    assert.equal(spec.encoding.y.field, "business");
    assert.equal(spec.encoding.x.field, "usdM");
    assert.ok(spec.encoding.x.scale.domainMax > 9.8);
    assert.equal(spec.layer[1]!.mark.align, "left");
    assert.equal(spec.height, 60); // 22 px a category, at least 60
  });
  await t.step("negative values: labels below, room below, a dark zero gridline", () => {
    const spec = columnSpec([{ q: "Q1", m: 12 }, { q: "Q2", m: -8 }], { x: "q", y: "m" }) as {
      encoding: { y: { scale: { domainMin: number }; axis: { gridColor: unknown } } };
      layer: { mark: { baseline?: string } }[];
    };
    assert.ok(spec.encoding.y.scale.domainMin < -8);
    assert.deepEqual(spec.layer.map((l) => l.mark.baseline), [undefined, "bottom", "top"]);
    assert.deepEqual(spec.encoding.y.axis.gridColor, {
      condition: { test: "datum.value === 0", value: "#4A4E57" },
      value: "#E6E9EE",
    });
  });
  await t.step("highlight with series fades the other categories", () => {
    const spec = columnSpec(MW_BY_BASIS, {
      x: "company",
      y: "mw",
      series: "basis",
      highlight: "IREN",
    }) as { layer: { encoding: { opacity: unknown } }[] };
    assert.deepEqual(spec.layer[0]!.encoding.opacity, {
      condition: { test: 'datum["company"] === "IREN"', value: 1 },
      value: 0.35,
    });
  });
  await t.step("value labels default off beyond 12 categories", () => {
    const rows = Array.from({ length: 13 }, (_, i) => ({ site: `Site ${i}`, mw: 10 + i }));
    const spec = columnSpec(rows, { x: "site", y: "mw" }) as { layer: unknown[] };
    assert.equal(spec.layer.length, 1);
  });
  await t.step("long category labels wrap onto lines, or slant when a word is too long", () => {
    const rows = ["Core Scientific", "Applied Digital", "Cipher Mining", "Hut 8"].map((c) => ({
      company: c,
      mw: 100,
    }));
    const wrapped = columnSpec(rows, { x: "company", y: "mw", width: 240 }) as {
      encoding: { x: { axis: { labelExpr?: string; labelAngle?: number } } };
    };
    assert.match(wrapped.encoding.x.axis.labelExpr!, /"Core Scientific":\["Core","Scientific"\]/);
    const slanted = columnSpec(rows, { x: "company", y: "mw", width: 150 }) as typeof wrapped;
    assert.equal(slanted.encoding.x.axis.labelAngle, -40);
  });
});

/** The value-axis labels of a rendered bar chart: their text and horizontal extent in px. */
async function valueAxisLabels(svg: string) {
  const font = readFontMetrics(await Deno.readFile(HOUSE_FONT_FILES[400]));
  // The x axis is the value axis of bars; Vega draws its labels in one group.
  const group = /<g class="mark-text role-axis-label"[^>]*>(.*?)<\/g>/g;
  const xAxis = [...svg.matchAll(group)].map((m) => m[1]!).find((g) =>
    /translate\([\d.]+,15\)/.test(g)
  )!;
  const text =
    /<text text-anchor="(\w+)" transform="translate\(([-\d.e]+),15\)"[^>]*>([^<]*)<\/text>/g;
  return [...xAxis.matchAll(text)].map(([, anchor, x, label]) => {
    const w = textWidth(font, label!, 10);
    const left = anchor === "middle"
      ? Number(x) - w / 2
      : anchor === "end"
      ? Number(x) - w
      : Number(x);
    return { label: label!, anchor: anchor!, left, right: left + w };
  });
}

Deno.test("columnSpec: bars' value-axis labels sit centred on their ticks, clear of each other", async (t) => {
  const cases = {
    // Notebook 04's breakevens before and after the IMF tax, USD/kWh: negative and positive.
    "breakevens, −$0.06 to $0.14": {
      rows: [
        { m: "S9", c: "No tax", v: 0.015 },
        { m: "S9", c: "Tax", v: -0.032 },
        { m: "S21 XP", c: "No tax", v: 0.112 },
        { m: "S21 XP", c: "Tax", v: 0.065 },
      ],
      yFormat: "$.3f",
    },
    // Notebook 05's rents, USD millions per MW-year.
    "rents, $1.22 to $2.13M": {
      rows: [
        { m: "CIFR", c: "IT", v: 2.13 },
        { m: "HUT", c: "IT", v: 1.9 },
        { m: "CIFR AWS", c: "not stated", v: 1.22 },
      ],
      yFormat: "$.2f",
    },
  };
  for (const [name, { rows, yFormat }] of Object.entries(cases)) {
    await t.step(name, async () => {
      const spec = columnSpec(rows, { x: "m", y: "v", series: "c", horizontal: true, yFormat });
      const axis = (spec as unknown as { encoding: { x: { axis: Record<string, unknown> } } })
        .encoding.x.axis;
      assert.equal(axis.labelFlush, false);
      assert.equal(axis.tickCount, Math.round(680 / 80));
      const labels = await valueAxisLabels(await renderSvg(spec));
      assert.ok(labels.length >= 5, `${labels.length} labels`);
      for (const [i, l] of labels.entries()) {
        assert.equal(l.anchor, "middle", `${l.label} is flush, not centred`);
        const next = labels[i + 1];
        // At least 10 px between neighbours (flush end labels left about 5).
        if (next !== undefined) assert.ok(next.left - l.right >= 10, `${l.label} ${next.label}`);
      }
    });
  }
});

Deno.test("columnSpec: bad input is an error naming the option and field", () => {
  assert.throws(() => columnSpec([], { x: "business", y: "usdM" }), {
    name: "RangeError",
    message: "Cannot build a column chart: rows is empty",
  });
  assert.throws(() => columnSpec(BUSINESSES, { x: "business", y: "usd" as "usdM" }), {
    name: "TypeError",
    message: 'Cannot use y: field "usd" is missing from row 0',
  });
  assert.throws(() => columnSpec(BUSINESSES, { x: "Business" as "business", y: "usdM" }), {
    name: "TypeError",
    message: 'Cannot use x: field "Business" is missing from row 0',
  });
  assert.throws(
    () => columnSpec([{ c: "a", v: Number.NaN }], { x: "c", y: "v" }),
    /Cannot use y: field "v" in row 0 is NaN, expected a finite number/,
  );
  assert.throws(
    () => columnSpec([{ c: "a", v: 1 }, { c: "a", v: 2 }], { x: "c", y: "v" }),
    /Cannot use x: category "a" appear in rows 0 and 1/,
  );
  assert.throws(
    () =>
      columnSpec(MW_BY_BASIS, {
        x: "company",
        y: "mw",
        series: "basis",
        stack: "percent" as "stacked",
      }),
    /Cannot use stack: expected one of grouped, stacked, got percent/,
  );
});

Deno.test("columnSpec: cosmetic options out of range warn once and fall back", () => {
  let spec: { width: number; height: number; encoding: { y: { axis: { format: string } } } };
  const seen = warnings(() => {
    spec = columnSpec(BUSINESSES, {
      x: "business",
      y: "usdM",
      width: -5,
      height: Number.NaN,
      yFormat: "dollars",
      highlight: "ASIC resale",
    }) as typeof spec;
  });
  assert.deepEqual(seen, [
    message.optionOutOfRange("columnSpec", "yFormat", '"dollars"', '",.0f"'),
    message.optionOutOfRange("columnSpec", "width", "-5", "680"),
    message.optionOutOfRange("columnSpec", "height", "NaN", "260"),
    message.unknownHighlight("ASIC resale", "business"),
  ]);
  assert.equal(spec!.width, 680);
  assert.equal(spec!.height, 260);
  assert.equal(spec!.encoding.y.axis.format, ",.0f");
  const once = warnings(() =>
    columnSpec(BUSINESSES, { x: "business", y: "usdM", stack: "stacked" })
  );
  assert.deepEqual(once, [message.stackWithoutSeries()]);
});

// An interface has no index signature, so `Row extends Record<string, unknown>` rejected it.
const DEAL: DealIntensity = {
  dealId: "corz-coreweave-1",
  company: "Core Scientific",
  counterparty: "CoreWeave",
  announcementDate: "2024-06-03",
  capacityMw: 200,
  capacityBasis: "critical IT",
  termYears: 12,
  contractValueUsd: 3.5e9,
  usdPerMwYear: 3.5e9 / 12 / 200,
  usdPerKwMonth: 3.5e9 / 12 / 200 / 12_000,
  bound: "point",
  structure: "",
};

Deno.test("columnSpec: takes interface-typed rows, e.g. lib/compute's DealIntensity", () => {
  const deals: readonly DealIntensity[] = [DEAL, { ...DEAL, company: "Hut 8", capacityMw: 245 }];
  const spec = columnSpec(deals, { x: "company", y: "capacityMw", yTitle: "MW" }) as {
    encoding: { x: { sort: string[] } };
  };
  assert.deepEqual(spec.encoding.x.sort, ["Core Scientific", "Hut 8"]);
});
