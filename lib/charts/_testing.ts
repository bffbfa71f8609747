/**
 * Helpers shared by the chart tests: rounding specs for snapshots, capturing warnings, and
 * checking that a spec or an exhibit renders to a 2× PNG that is not blank. Test support only;
 * nothing outside `lib/charts` imports it.
 *
 * @module
 */
import assert from "node:assert/strict";
import type { TopLevelSpec } from "vega-lite";
import type { Exhibit } from "./exhibit.ts";
import { renderPng, renderSvg } from "./render.ts";

/**
 * The spec as JSON with floats rounded to 3 decimals, so a snapshot does not hang on the last
 * bits.
 *
 * @example Rounds every number, however deep
 * ```ts
 * import assert from "node:assert/strict";
 * import { roundedTo3Decimals } from "./_testing.ts";
 *
 * assert.deepEqual(roundedTo3Decimals({ a: [1.23456, "x"] }), { a: [1.235, "x"] });
 * ```
 */
export function roundedTo3Decimals(spec: unknown): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify(spec, (_k, v) => typeof v === "number" ? Math.round(v * 1000) / 1000 : v),
  );
}

/**
 * Floats to 6 significant digits, so a snapshot does not hang on the last bits.
 *
 * @example Rounds every number, however deep
 * ```ts
 * import assert from "node:assert/strict";
 * import { roundedTo6Digits } from "./_testing.ts";
 *
 * assert.deepEqual(roundedTo6Digits({ a: [700.123456789, "x"] }), { a: [700.123, "x"] });
 * ```
 */
export function roundedTo6Digits(value: unknown): unknown {
  if (typeof value === "number") return Number(value.toPrecision(6));
  if (Array.isArray(value)) return value.map(roundedTo6Digits);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundedTo6Digits(v)]));
  }
  return value;
}

/**
 * Runs `fn` with console.warn captured; returns the warnings, each one's arguments joined by a
 * space. console.warn is restored even if `fn` throws.
 *
 * @example Captures instead of printing
 * ```ts
 * import assert from "node:assert/strict";
 * import { warnings } from "./_testing.ts";
 *
 * assert.deepEqual(warnings(() => console.warn("Ignoring width:", -5)), ["Ignoring width: -5"]);
 * ```
 */
export function warnings(fn: () => void): string[] {
  const original = console.warn;
  const seen: string[] = [];
  console.warn = (...args: unknown[]) => void seen.push(args.join(" "));
  try {
    fn();
  } finally {
    console.warn = original;
  }
  return seen;
}

/**
 * Width and height in pixels, read from a PNG's IHDR chunk.
 *
 * @example Reads the size of a rendered PNG
 * ```ts
 * import assert from "node:assert/strict";
 * import { renderPng } from "./render.ts";
 * import { pngSize } from "./_testing.ts";
 *
 * const png = await renderPng('<svg xmlns="http://www.w3.org/2000/svg" width="30" height="20"/>');
 * assert.deepEqual(pngSize(png), { width: 60, height: 40 });
 * ```
 */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const ihdr = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: ihdr.getUint32(16), height: ihdr.getUint32(20) };
}

/**
 * Width and height of an SVG document's root `<svg>` element; throws if the text does not start
 * with one carrying both.
 *
 * @example Reads the root's attributes
 * ```ts
 * import assert from "node:assert/strict";
 * import { svgSize } from "./_testing.ts";
 *
 * assert.deepEqual(svgSize('<svg class="marks" width="703" height="344.5"><rect width="1"/>'), {
 *   width: 703,
 *   height: 344.5,
 * });
 * ```
 */
export function svgSize(svg: string): { width: number; height: number } {
  const width = /^<svg[^>]*\swidth="([\d.]+)"/.exec(svg);
  const height = /^<svg[^>]*\sheight="([\d.]+)"/.exec(svg);
  assert.ok(
    width && height,
    `expected a root <svg> with width and height, got ${svg.slice(0, 80)}`,
  );
  return { width: Number(width[1]), height: Number(height[1]) };
}

/**
 * Asserts `svg` has no `<style>` and `png` is it drawn at 2× and not blank: more than
 * `timesBlank` times the bytes of a white PNG of the same size.
 */
async function assertPngOf(
  { svg, png, timesBlank }: { svg: string; png: Uint8Array; timesBlank: number },
): Promise<void> {
  assert.doesNotMatch(svg, /<style/);
  const { width, height } = svgSize(svg);
  assert.deepEqual(pngSize(png), { width: Math.round(width * 2), height: Math.round(height * 2) });
  const blank = await renderPng(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"/>`,
  );
  assert.ok(
    png.length > blank.length * timesBlank,
    `PNG ${png.length} B vs blank ${blank.length} B`,
  );
}

/**
 * Renders a bare chart spec and asserts an SVG without `<style>`, a 2× PNG of the same size,
 * and a PNG more than 4 times the bytes of a blank one.
 *
 * @example A chart with a mark renders
 * ```ts
 * import { timeSeriesSpec } from "./time_series.ts";
 * import { assertRenders } from "./_testing.ts";
 *
 * const rows = [{ day: "2024-01-01", hp: 90 }, { day: "2024-06-30", hp: 50 }];
 * await assertRenders(timeSeriesSpec(rows, { x: "day", y: "hp" }));
 * ```
 */
export async function assertRenders(spec: TopLevelSpec): Promise<void> {
  const svg = await renderSvg(spec);
  await assertPngOf({ svg, png: await renderPng(svg), timesBlank: 4 });
}

/**
 * Renders an exhibit, writes its PNG to `pngPath` for a human to look at, and asserts an SVG
 * without `<style>`, a 2× PNG of the same size, and a PNG more than 5 times the bytes of a
 * blank one.
 *
 * @example An exhibit with a chart renders
 * ```ts
 * import { Exhibit } from "./exhibit.ts";
 * import { timeSeriesSpec } from "./time_series.ts";
 * import { assertExhibitRenders } from "./_testing.ts";
 *
 * const rows = [{ day: "2024-01-01", hp: 90 }, { day: "2024-06-30", hp: 50 }];
 * const exhibit = new Exhibit(timeSeriesSpec(rows, { x: "day", y: "hp" }), {
 *   title: "Hashprice halved",
 *   source: "mullet analysis",
 *   asOf: "2024-06-30",
 * });
 * await assertExhibitRenders(exhibit, "/tmp/_testing_example.png");
 * ```
 */
export async function assertExhibitRenders(exhibit: Exhibit, pngPath: string): Promise<void> {
  const svg = await exhibit.svg();
  assert.doesNotMatch(svg, /<style/);
  const png = await exhibit.png();
  await Deno.writeFile(pngPath, png);
  await assertPngOf({ svg, png, timesBlank: 5 });
}
