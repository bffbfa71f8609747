// Log axes whose values fall below 1 label each tick with its decimals in every builder that
// draws one: ",.0f" (the default) once labelled 0.03, 0.1 and 0.3 all "0".
import assert from "node:assert/strict";
import { fanChartSpec } from "./fan_chart.ts";
import { renderSvg } from "./render.ts";
import { scatterSpec } from "./scatter.ts";

interface LogAxis {
  readonly format: string;
  readonly values: number[];
}

/** The text of every label in `svg`. */
function labelsOf(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
}

Deno.test("fanChartSpec: a log axis below 1 labels each tick with its decimals, not 0", async (t) => {
  const rows = [
    { step: 0, p5: 0.05, p50: 0.2, p95: 0.6 },
    { step: 12, p5: 0.04, p50: 0.5, p95: 8 },
  ];
  const spec = fanChartSpec(rows, { x: "step", bands: [["p5", "p95"]], median: "p50", log: true });
  await t.step("the spec asks for two decimals, trailing zeros trimmed", () => {
    const { axis } = (spec as unknown as { layer: { encoding: { y?: { axis?: unknown } } }[] })
      .layer.map((l) => l.encoding.y).find((y) => y?.axis !== undefined)!;
    assert.deepEqual(axis, { format: ",.2~f", values: [0.03, 0.1, 0.3, 1, 3, 10] });
  });
  await t.step("Vega draws 0.03 … 10, none as 0", async () => {
    const labels = labelsOf(await renderSvg(spec));
    for (const tick of ["0.03", "0.1", "0.3", "1", "3", "10"]) {
      assert.ok(labels.includes(tick), `tick ${tick} among ${JSON.stringify(labels)}`);
    }
    assert.ok(!labels.includes("0"), `no tick labelled 0 among ${JSON.stringify(labels)}`);
  });
  await t.step("a linear axis keeps the format as given", () => {
    const linear = fanChartSpec(rows, { x: "step", bands: [["p5", "p95"]], median: "p50" });
    const json = JSON.stringify(linear);
    assert.ok(json.includes('"format":",.0f"') && !json.includes("~f"), json.slice(0, 200));
  });
});

Deno.test("scatterSpec: log axes below 1 label each tick with its decimals, not 0", async (t) => {
  const rows = [
    { name: "a", x: 0.12, y: 0.03 },
    { name: "b", x: 0.9, y: 0.4 },
    { name: "c", x: 4, y: 2 },
  ];
  const spec = scatterSpec(rows, { x: "x", y: "y", label: "name", logX: true, logY: true });
  const axes = (spec as unknown as {
    layer: { encoding: { x?: { axis?: LogAxis }; y?: { axis?: LogAxis } } }[];
  }).layer.find((l) => l.encoding.x?.axis !== undefined)!.encoding;
  await t.step("each axis asks for as many decimals as its smallest tick", () => {
    assert.deepEqual(axes.x!.axis, { format: ",.1~f", values: [0.1, 0.2, 0.5, 1, 2, 5] });
    assert.deepEqual(axes.y!.axis, { format: ",.2~f", values: [0.05, 0.1, 0.2, 0.5, 1, 2] });
  });
  await t.step("Vega draws the sub-1 ticks with their decimals, none as 0", async () => {
    const labels = labelsOf(await renderSvg(spec));
    for (const tick of ["0.05", "0.1", "0.2", "0.5", "1", "2", "5"]) {
      assert.ok(labels.includes(tick), `tick ${tick} among ${JSON.stringify(labels)}`);
    }
    assert.ok(!labels.includes("0"), `no tick labelled 0 among ${JSON.stringify(labels)}`);
  });
  await t.step("an explicit SI format is left alone", () => {
    const si = scatterSpec(rows, { x: "x", y: "y", label: "name", logY: true, yFormat: "~s" });
    assert.ok(JSON.stringify(si).includes('"format":"~s"'));
  });
});
