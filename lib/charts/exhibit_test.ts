import assert from "node:assert/strict";
import { compile } from "vega-lite";
import { type DisplayBundle, Exhibit, type ExhibitChrome } from "./exhibit.ts";
import { renderPng } from "./render.ts";
import { timeSeriesSpec } from "./time_series.ts";
import { pngSize } from "./_testing.ts";

const rows = [
  { date: "2024-01-01", hp: 110 },
  { date: "2024-04-19", hp: 120 },
  { date: "2024-04-21", hp: 60 },
  { date: "2024-12-31", hp: 55 },
];
const chart = timeSeriesSpec(rows, {
  x: "date",
  y: "hp",
  yTitle: "USD per PH/s per day",
  width: 400,
  height: 200,
});
const chrome: ExhibitChrome = {
  title: "The halving cut hashprice in half",
  subtitle: "USD per PH/s per day",
  source: "Coin Metrics, mullet analysis",
  asOf: "2024-12-31",
  number: 4,
};

Deno.test("the display bundle carries VL5, a 2× PNG and the label; the SVG has no <style>", async () => {
  // Looked up the way the Deno kernel does: by the well-known symbol.
  const displayable = new Exhibit(chart, chrome) as unknown as Record<
    symbol,
    () => Promise<DisplayBundle>
  >;
  const bundle = await displayable[Symbol.for("Jupyter.display")]!();
  // No SVG: nbconvert's HTML would pick it over the PNG and strip it (see exhibit.ts).
  assert.deepEqual(Object.keys(bundle).sort(), [
    "application/vnd.vegalite.v5+json",
    "image/png",
    "text/plain",
  ]);
  assert.equal(bundle["text/plain"], "Exhibit 4: The halving cut hashprice in half");
  const svg = await new Exhibit(chart, chrome).svg();
  assert.doesNotMatch(svg, /<style/);
  for (
    const text of [
      "Exhibit 4: The halving cut hashprice in half",
      "USD per PH/s per day",
      "Source: Coin Metrics, mullet analysis. Data as of 2024-12-31.",
    ]
  ) {
    assert.ok(svg.includes(text), `SVG shows "${text}"`);
  }
  const width = Number(/<svg[^>]*width="([\d.]+)"/.exec(svg)![1]);
  const height = Number(/<svg[^>]*height="([\d.]+)"/.exec(svg)![1]);
  const png = Uint8Array.from(atob(bundle["image/png"]), (c) => c.charCodeAt(0));
  assert.deepEqual(pngSize(png), { width: Math.ceil(width * 2), height: Math.ceil(height * 2) });
  // Not blank: far larger than a white PNG of the same size.
  const blank = await renderPng(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"/>`,
  );
  assert.ok(png.length > 5 * blank.length, `${png.length} vs blank ${blank.length}`);
});

Deno.test("the full spec is valid Vega-Lite 5 with the chrome in it", () => {
  const spec = new Exhibit(chart, chrome).spec as unknown as Record<string, unknown>;
  assert.equal(spec["$schema"], "https://vega.github.io/schema/vega-lite/v5.json");
  assert.deepEqual(
    (spec["title"] as { text: string }).text,
    "Exhibit 4: The halving cut hashprice in half",
  );
  const vega = compile(spec as never).spec;
  assert.ok((vega.marks ?? []).length > 0);
});

Deno.test("an exhibit without a source or an as-of date is an error", () => {
  for (
    const [bad, message] of [
      [{ ...chrome, source: " " }, /expected a source line/],
      [{ ...chrome, asOf: "" }, /expected asOf as YYYY-MM-DD, got ""/],
      [{ ...chrome, asOf: "2024-02-30" }, /expected asOf as YYYY-MM-DD, got "2024-02-30"/],
      [{ ...chrome, title: "" }, /expected a title/],
      [{ ...chrome, number: 0 }, /number: expected a whole number >= 1, got 0/],
    ] as const
  ) {
    assert.throws(() => new Exhibit(chart, bad as ExhibitChrome), message);
  }
  const { source: _source, ...noSource } = chrome;
  assert.throws(() => new Exhibit(chart, noSource as ExhibitChrome), /expected a source line/);
});

Deno.test("the SVG and PNG are rendered once and cached", async () => {
  const e = new Exhibit(chart, chrome);
  assert.equal(await e.svg(), await e.svg());
  assert.equal(e.png(), e.png());
});
