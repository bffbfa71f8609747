import assert from "node:assert/strict";
import { compile, type TopLevelSpec } from "vega-lite";
import { dealIntensities } from "../deals/deal_analytics.ts";
import { loadMinerAiDeals } from "../data/miner_ai_deals.ts";
import { Exhibit } from "./exhibit.ts";
import { readFontMetrics, textWidth } from "./font_metrics.ts";
import { scatterSpec } from "./scatter.ts";
import { HOUSE_COLORS, HOUSE_CONFIG, HOUSE_FONT_FILES } from "./theme.ts";
import { assertExhibitRenders, roundedTo6Digits, warnings } from "./_testing.ts";
import { message } from "./_messages.ts";

const ROWS = [
  { deal: "CORZ / CoreWeave", mw: 200, rent: 1458333.3333 },
  { deal: "HUT / Fluidstack", mw: 245, rent: 1904762 },
  { deal: "APLD / CoreWeave", mw: 250, rent: 1866667 },
];
const OPTIONS = {
  x: "mw",
  y: "rent",
  label: "deal",
  xTitle: "MW",
  yTitle: "USD per MW-year",
  yFormat: "$.3s",
} as const;

async function dealRows() {
  return dealIntensities(await loadMinerAiDeals()).map((d) => ({
    ...d,
    label: `${d.company} / ${d.counterparty}`,
  }));
}

Deno.test("scatterSpec: the spec for three deals", () => {
  assert.deepEqual(roundedTo6Digits(scatterSpec(ROWS, OPTIONS)), {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    config: roundedTo6Digits(HOUSE_CONFIG),
    width: 680,
    height: 300,
    data: { values: roundedTo6Digits(ROWS) },
    layer: [
      {
        mark: { type: "circle", opacity: 0.9, stroke: "white", strokeWidth: 0.75 },
        encoding: {
          x: {
            field: "mw",
            type: "quantitative",
            title: "MW",
            // The data's extent plus 8% a side, fixed so the placement knows the pixels.
            scale: { type: "linear", domain: [196, 254], nice: false, zero: false },
            axis: { format: ",.0f" },
          },
          y: {
            field: "rent",
            type: "quantitative",
            title: "USD per MW-year",
            scale: { type: "linear", domain: [1422620, 1940480], nice: false, zero: false },
            axis: { format: "$.3s" },
          },
          tooltip: { field: "deal", type: "nominal" },
          color: { value: HOUSE_COLORS.navy },
          size: { value: 64 },
        },
      },
      {
        // CORZ and HUT to the right of their points; APLD, at the right edge, to the left.
        data: {
          values: [
            { text: "CORZ / CoreWeave", full: "CORZ / CoreWeave", x: 200.641, y: 1458330 },
            { text: "HUT / Fluidstack", full: "HUT / Fluidstack", x: 245.641, y: 1904760 },
            { text: "APLD / CoreWeave", full: "APLD / CoreWeave", x: 241.662, y: 1866670 },
          ],
        },
        mark: {
          type: "text",
          align: "left",
          baseline: "middle",
          fontSize: 10,
          color: HOUSE_COLORS.darkGrey,
        },
        encoding: {
          x: { field: "x", type: "quantitative" },
          y: { field: "y", type: "quantitative" },
          text: { field: "text" },
          tooltip: { field: "full", type: "nominal" },
        },
      },
    ],
  });
});

interface Placed {
  layer: {
    mark: { type: string };
    encoding: {
      x: { scale?: { domain: [number, number]; type: string } };
      y: { scale?: { domain: [number, number]; type: string } };
    };
    data?: { values: { text: string | string[]; full: string; x: number; y: number }[] };
  }[];
  width: number;
  height: number;
}

/** Label boxes and point centres in pixels, from the spec alone, and the names each label
 * stands for: the names of the points on one spot, joined by "; " in the label's tooltip. */
async function boxes(spec: TopLevelSpec, points: { x: number; y: number; label: string }[]) {
  const onSpot = new Map<string, string[]>();
  for (const { x, y } of points) {
    const here = [...new Set(points.filter((p) => p.x === x && p.y === y).map((p) => p.label))];
    onSpot.set(here.join("; "), here);
  }
  const font = readFontMetrics(await Deno.readFile(HOUSE_FONT_FILES[400]));
  const s = spec as unknown as Placed;
  const circles = s.layer.find((l) => l.mark.type === "circle")!;
  const pixel = (
    scale: { domain: [number, number]; type: string },
    extent: number,
    flip: boolean,
  ) => {
    const t = scale.type === "log" ? Math.log10 : (v: number) => v;
    return (v: number) => {
      const share = (t(v) - t(scale.domain[0])) / (t(scale.domain[1]) - t(scale.domain[0]));
      return (flip ? 1 - share : share) * extent;
    };
  };
  const px = pixel(circles.encoding.x.scale!, s.width, false);
  const py = pixel(circles.encoding.y.scale!, s.height, true);
  // A label is one line, or an array of lines 12 px apart below its first (Vega's lineHeight).
  const labels = s.layer.at(-1)!.data!.values.map((l) => {
    const lines = typeof l.text === "string" ? [l.text] : l.text;
    const left = px(l.x);
    const middle = py(l.y);
    const right = left + Math.max(...lines.map((line) => textWidth(font, line, 10)));
    const bottom = middle + 6 + 12 * (lines.length - 1);
    return { left, right, top: middle - 6, bottom, lines, names: onSpot.get(l.full) ?? [l.full] };
  });
  return { labels, centres: points.map((p) => ({ x: px(p.x), y: py(p.y) })), s };
}

function assertClear(
  labels: { left: number; right: number; top: number; bottom: number }[],
  centres: { x: number; y: number; r: number }[],
  width: number,
  height: number,
): void {
  for (const [i, a] of labels.entries()) {
    assert.ok(a.left >= 0 && a.right <= width && a.top >= 0 && a.bottom <= height, `label ${i}`);
    for (const b of labels.slice(i + 1)) {
      const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top ||
        b.bottom <= a.top;
      assert.ok(apart, `labels overlap: ${JSON.stringify([a, b])}`);
    }
    for (const c of centres) {
      const clear = c.x + c.r <= a.left || c.x - c.r >= a.right || c.y + c.r <= a.top ||
        c.y - c.r >= a.bottom;
      assert.ok(clear, `label ${i} covers a point`);
    }
  }
}

/**
 * Whether a label shows its names: each on lines of its own, in order, whole or cut with "…",
 * all but the last ending with ";" (or "…").
 */
function showsNames(label: { lines: readonly string[]; names: readonly string[] }): boolean {
  const parts = label.lines.join(" ").replaceAll("- ", "-").split(/(?<=…) |; /);
  return parts.length === label.names.length &&
    parts.every((part, i) => {
      const name = label.names[i]!;
      return part === name || (part.endsWith("…") && name.startsWith(part.slice(0, -1)));
    });
}

Deno.test("scatterSpec: with the real deals, labels stay inside the plot, off each other and off the points", async () => {
  const deals = await dealRows();
  let spec: TopLevelSpec | undefined;
  const seen = warnings(() => {
    spec = scatterSpec(deals, {
      x: "capacityMw",
      y: "usdPerMwYear",
      label: "label",
      xTitle: "Contracted capacity, MW (critical IT)",
      yTitle: "Contract value per MW-year, USD",
      yFormat: "$.2s",
    });
  });
  const { labels, centres, s } = await boxes(
    spec!,
    deals.map((d) => ({ x: d.capacityMw, y: d.usdPerMwYear, label: d.label })),
  );
  const r = Math.sqrt(64 / Math.PI);
  assertClear(labels, centres.map((c) => ({ ...c, r })), s.width, s.height);
  // Every deal is named, none left out: Delta Forge 1 and Polaris Forge 3 (both 300 MW at
  // $1.667M) share one label, so there is one label fewer than deals.
  assert.ok(!seen.some((w) => w.includes("left unlabelled")), seen.join("\n"));
  assert.equal(labels.length, deals.length - 1);
  for (const label of labels) assert.ok(showsNames(label), label.lines.join(" | "));
  assert.deepEqual(
    labels.flatMap((l) => l.names).sort(),
    deals.map((d) => d.label).sort(),
  );
  const [delta, polaris] = deals.filter((d) => d.capacityMw === 300);
  assert.ok(labels.some((l) => l.names.join() === [delta!.label, polaris!.label].join()));
});

Deno.test("scatterSpec: every deal, sized, one column wide on a log axis: still clear (with leaders)", async () => {
  const deals = dealIntensities(await loadMinerAiDeals(), {
    bases: ["critical IT", "gross", "unspecified"],
    includeGpuCloud: true,
  }).map((d) => ({ ...d, label: `${d.company} / ${d.counterparty}` }));
  let spec: TopLevelSpec | undefined;
  const seen = warnings(() => {
    spec = scatterSpec(deals, {
      x: "capacityMw",
      y: "usdPerMwYear",
      label: "label",
      size: "contractValueUsd",
      color: "capacityBasis",
      logY: true,
      width: 330,
      height: 280,
    });
  });
  const { labels, centres, s } = await boxes(
    spec!,
    deals.map((d) => ({ x: d.capacityMw, y: d.usdPerMwYear, label: d.label })),
  );
  // Areas run from 30 px² at 0 to 500 px² at the legend's top value, which covers the largest.
  const circles = s.layer.find((l) => l.mark.type === "circle") as unknown as {
    encoding: { size: { scale: { domain: number[] } } };
  };
  const top = circles.encoding.size.scale.domain[1]!;
  assert.ok(top >= Math.max(...deals.map((d) => d.contractValueUsd)));
  const radii = deals.map((d) => Math.sqrt((30 + 470 * d.contractValueUsd / top) / Math.PI));
  assertClear(labels, centres.map((c, i) => ({ ...c, r: radii[i]! })), s.width, s.height);
  assert.ok(s.layer.some((l) => l.mark.type === "rule"), "crowded labels get leader lines");
  // 18 long names do not all fit 330 × 280 px: the smallest deals' labels are left out, and
  // the warning names each of them; every other deal is named by a label.
  const left = seen.find((w) => w.includes("left unlabelled"));
  assert.ok(left !== undefined, seen.join("\n"));
  assert.match(
    left,
    /^scatterSpec: no clear place for \d+ labels; left unlabelled \(smallest first\): /,
  );
  for (const label of labels) assert.ok(showsNames(label), label.lines.join(" | "));
  for (const name of new Set(deals.map((d) => d.label))) {
    const labelled = labels.filter((l) => l.names.includes(name)).length;
    const unlabelled: number = left.split(JSON.stringify(name)).length - 1;
    const count = deals.filter((d) => d.label === name).length;
    assert.equal(
      labelled + unlabelled,
      count,
      `${name}: ${labelled} labels, ${unlabelled} left out`,
    );
  }
  assert.ok(labels.length >= deals.length / 2, `${labels.length} labels`);
  // Listed smallest first (a name shared by two deals stands for its smaller one).
  const listed = JSON.parse(`[${left.split("(smallest first): ")[1]!.split(". Widen")[0]}]`);
  const value = (name: string) =>
    Math.min(...deals.filter((d) => d.label === name).map((d) => d.contractValueUsd));
  const values = (listed as string[]).map(value);
  assert.deepEqual(values, values.toSorted((a, b) => a - b));
});

interface LabelDatum {
  text: string | string[];
  full: string;
  x: number;
  y: number;
}

/** The label layer's data. */
function labelData(spec: TopLevelSpec): LabelDatum[] {
  return (spec as unknown as Placed).layer.at(-1)!.data!.values as LabelDatum[];
}

Deno.test("scatterSpec: points on one spot share one label, a name a line", () => {
  const rows = [
    { deal: "APLD Polaris Forge 1 / CoreWeave", mw: 250, rent: 1.87 },
    { deal: "APLD Delta Forge 1 / hyperscaler", mw: 300, rent: 1.667 },
    { deal: "APLD Polaris Forge 3 / hyperscaler", mw: 300, rent: 1.667 },
    { deal: "APLD Delta Forge 1 / hyperscaler", mw: 300, rent: 1.667 }, // listed twice: named once
  ];
  let spec: TopLevelSpec | undefined;
  const seen = warnings(() => {
    spec = scatterSpec(rows, { x: "mw", y: "rent", label: "deal" });
  });
  assert.deepEqual(seen, []);
  const labels = labelData(spec!);
  assert.equal(labels.length, 2);
  assert.deepEqual(labels[1]!.text, [
    "APLD Delta Forge 1 / hyperscaler;",
    "APLD Polaris Forge 3 / hyperscaler",
  ]);
  assert.equal(
    labels[1]!.full,
    "APLD Delta Forge 1 / hyperscaler; APLD Polaris Forge 3 / hyperscaler",
  );
  const text = (spec as unknown as Placed).layer.at(-1)!.mark as { lineHeight?: number };
  assert.equal(text.lineHeight, 12);
});

Deno.test("scatterSpec: a label longer than labelWidth wraps, and past labelLines is cut with a warning", async () => {
  const long =
    "Hut 8 / undisclosed high-investment-grade tenant (leading AI hyperscaler per Q1 2026 call)";
  const rows = [{ deal: long, mw: 352, rent: 1.86 }, {
    deal: "IREN / Microsoft",
    mw: 200,
    rent: 9.7,
  }];
  const font = readFontMetrics(await Deno.readFile(HOUSE_FONT_FILES[400]));
  const measure = (t: string) => textWidth(font, t, 10);

  const wrapped = scatterSpec(rows, { x: "mw", y: "rent", label: "deal", labelWidth: 200 });
  const lines = labelData(wrapped)[0]!.text as string[];
  assert.ok(lines.length === 3, lines.join(" | "));
  assert.equal(lines.join(" ").replaceAll("- ", "-"), long);
  for (const line of lines) assert.ok(measure(line) <= 200, line);

  let spec: TopLevelSpec | undefined;
  const seen = warnings(() => {
    spec = scatterSpec(rows, { x: "mw", y: "rent", label: "deal", labelWidth: 150, labelLines: 2 });
  });
  const [cut] = labelData(spec!);
  assert.equal((cut!.text as string[]).length, 2);
  assert.ok((cut!.text as string[])[1]!.endsWith("…"));
  assert.equal(cut!.full, long);
  assert.deepEqual(seen, [
    'scatterSpec: 1 label cut short with "…" (a name takes at most 2 lines of 150 px); ' +
    "the full names are in the points' tooltips",
  ]);
});

Deno.test("scatterSpec: the fallback leaves out the smallest points' labels, says so, and the rest stay clear", async () => {
  // Twelve deals in a tight cluster of a small chart: not every label can have a clear place.
  const rows = Array.from({ length: 12 }, (_, i) => ({
    deal: `Miner number ${i} / a tenant with a long name`,
    mw: 100 + (i % 4) * 3,
    rent: 1.5 + Math.floor(i / 4) * 0.02,
    value: 1e9 * (1 + ((i * 5) % 12)),
  }));
  let spec: TopLevelSpec | undefined;
  const seen = warnings(() => {
    spec = scatterSpec(rows, {
      x: "mw",
      y: "rent",
      label: "deal",
      size: "value",
      width: 240,
      height: 160,
    });
  });
  const { labels, centres, s } = await boxes(
    spec!,
    rows.map((r) => ({ x: r.mw, y: r.rent, label: r.deal })),
  );
  const circles = s.layer.find((l) => l.mark.type === "circle") as unknown as {
    encoding: { size: { scale: { domain: number[] } } };
  };
  const top = circles.encoding.size.scale.domain[1]!;
  const radii = rows.map((r) => Math.sqrt((30 + 470 * r.value / top) / Math.PI));
  assertClear(labels, centres.map((c, i) => ({ ...c, r: radii[i]! })), s.width, s.height);
  const left = seen.find((w) => w.includes("left unlabelled"))!;
  assert.ok(left !== undefined, seen.join("\n"));
  const listed: string[] = JSON.parse(
    `[${left.split("(smallest first): ")[1]!.split(". Widen")[0]}]`,
  );
  assert.ok(listed.length > 0 && labels.length > 0, `${listed.length} left out`);
  // Each deal is either labelled or listed, never both; the listed go smallest first.
  for (const row of rows) {
    assert.notEqual(labels.some((l) => l.names.includes(row.deal)), listed.includes(row.deal));
  }
  const values = listed.map((name) => rows.find((r) => r.deal === name)!.value);
  assert.deepEqual(values, values.toSorted((a, b) => a - b));
});

Deno.test("scatterSpec: labelWidth and labelLines out of range warn and keep their defaults", () => {
  const seen = warnings(() => {
    scatterSpec(ROWS, { ...OPTIONS, labelWidth: -5, labelLines: 1.5 });
  });
  assert.deepEqual(seen, [
    message.sizeOutOfRange("labelWidth", -5, 170),
    message.badLabelLines(1.5, 3),
  ]);
});

Deno.test("scatterSpec: placement is deterministic", async () => {
  const deals = await dealRows();
  const options = { x: "capacityMw", y: "usdPerMwYear", label: "label" } as const;
  assert.deepEqual(scatterSpec(deals, options), scatterSpec(deals, options));
});

Deno.test("scatterSpec: log axes get 1–2–5 ticks; a size field gets a legend of round sizes", () => {
  const rows = [
    { n: "a", x: 10, y: 1.2e6, v: 3.5e9 },
    { n: "b", x: 300, y: 9.7e6, v: 9.7e9 },
  ];
  const spec = scatterSpec(rows, {
    x: "x",
    y: "y",
    label: "n",
    size: "v",
    color: "n",
    logX: true,
    logY: true,
    sizeTitle: "Contract value, USD",
    sizeFormat: "$.2~s",
  }) as unknown as {
    config: { legend: { layout?: unknown } };
    layer: {
      encoding: {
        x: { axis: { values?: number[] } };
        y: { axis: { values?: number[] } };
        size?: { legend: { values: number[]; title: string }; scale: { domain: number[] } };
      };
    }[];
  };
  const circles = spec.layer.find((l) => l.encoding.size !== undefined)!;
  assert.deepEqual(circles.encoding.x.axis.values, [10, 20, 50, 100, 200]);
  assert.deepEqual(circles.encoding.y.axis.values, [2e6, 5e6, 1e7]); // the padded domain reaches 1e7
  // Up to 9.7e9: step 2e9 needs five symbols, 2.5e9 four; the scale ends at the last one.
  assert.deepEqual(circles.encoding.size!.legend.values, [2.5e9, 5e9, 7.5e9, 1e10]);
  assert.deepEqual(circles.encoding.size!.scale.domain, [0, 1e10]);
  assert.equal(circles.encoding.size!.legend.title, "Contract value, USD");
  // Two legends stack so the chart keeps its width.
  assert.ok(spec.config.legend.layout !== undefined);
});

Deno.test("scatterSpec: the size legend covers the data (lease terms of 5–15 years)", () => {
  const rows = [5, 10, 12, 15].map((term, i) => ({ n: `d${i}`, x: 100 + i, y: 1 + i, term }));
  const spec = scatterSpec(rows, { x: "x", y: "y", label: "n", size: "term" }) as unknown as {
    layer: { encoding: { size?: { scale: { domain: number[] }; legend: { values: number[] } } } }[];
  };
  const size = spec.layer.find((l) => l.encoding.size !== undefined)!.encoding.size!;
  // Before: 4 / 8 / 10, and the 15-year point was bigger than any symbol.
  assert.deepEqual(size.legend.values, [5, 10, 15]);
  assert.deepEqual(size.scale.domain, [0, 15]);
  assert.ok(Math.max(...size.legend.values) >= Math.max(...rows.map((r) => r.term)));
});

Deno.test("scatterSpec: the spec compiles to Vega with marks", () => {
  const compiled = compile(scatterSpec(ROWS, OPTIONS)).spec;
  assert.ok((compiled.marks ?? []).length >= 2);
});

Deno.test("scatterSpec: renders the real deals to SVG without <style> and a 2× PNG that is not blank", async () => {
  const spec = scatterSpec(await dealRows(), {
    x: "capacityMw",
    y: "usdPerMwYear",
    label: "label",
    xTitle: "Contracted capacity, MW (critical IT)",
    yTitle: "Contract value per MW-year, USD",
    yFormat: "$.2s",
  });
  const exhibit = new Exhibit(spec, {
    title: "Rents cluster at $1.4–2.1M per MW-year",
    subtitle: "Miners' AI/HPC contracts, base term",
    source: "Company filings, mullet analysis",
    asOf: "2026-06-01",
  });
  await assertExhibitRenders(exhibit, "/tmp/scatter_test.png");
});

Deno.test("scatterSpec: bad input is an error naming the option and the field", () => {
  assert.throws(() => scatterSpec([], OPTIONS), {
    name: "RangeError",
    message: /at least one row, got 0/,
  });
  assert.throws(() => scatterSpec(ROWS, { ...OPTIONS, y: "usd" as "rent" }), {
    name: "TypeError",
    message: 'Cannot use y: field "usd" is missing from rows[0]',
  });
  assert.throws(() => scatterSpec(ROWS, { ...OPTIONS, label: "name" as "deal" }), {
    name: "TypeError",
    message: 'Cannot use label: field "name" is missing from rows[0]',
  });
  assert.throws(() => scatterSpec([{ ...ROWS[0]!, rent: 0 }], { ...OPTIONS, logY: true }), {
    name: "RangeError",
    message: /Cannot use y on a log scale: expected a value > 0 in rows\[0\]\.rent, got 0/,
  });
  assert.throws(() => scatterSpec([{ ...ROWS[0]!, mw: Infinity }], OPTIONS), {
    name: "TypeError",
    message: /Cannot use x: expected a finite number in rows\[0\]\.mw, got Infinity/,
  });
});

Deno.test("scatterSpec: a cosmetic option out of range warns once and keeps the default", () => {
  let spec: TopLevelSpec | undefined;
  const seen = warnings(() => {
    spec = scatterSpec(ROWS, { ...OPTIONS, height: -300 });
  });
  assert.deepEqual(seen, [message.sizeOutOfRange("height", -300, 300)]);
  assert.equal((spec as { height: number }).height, 300);

  const format = warnings(() => {
    scatterSpec(ROWS, { ...OPTIONS, yFormat: "$M" });
  });
  assert.deepEqual(format, [message.badNumberFormat("yFormat", "$M", ",.0f")]);
});
