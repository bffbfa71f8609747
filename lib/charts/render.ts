/**
 * Rendering Vega-Lite specs to SVG and PNG without a browser, with one set of font files for
 * both measuring and drawing: Vega measures text with the advance widths of the Inter files
 * below (see `font_metrics.ts`), and resvg draws the SVG with exactly those files (system fonts
 * are not loaded). What is laid out is what is drawn, so labels are not clipped.
 *
 * Vega, Vega-Lite's compiler and the rasteriser load on first use: the rasteriser is a native
 * module that needs `--allow-ffi` and `--allow-sys`, and Vega's Node build loads the deprecated
 * `punycode` module, so code that imports the kit and draws nothing needs neither permission
 * and prints no deprecation warning on their account.
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { type FontMetrics, readFontMetrics, textWidth } from "./font_metrics.ts";
import { HOUSE_FONT_FILES } from "./theme.ts";

type Weight = keyof typeof HOUSE_FONT_FILES;
const WEIGHTS = Object.keys(HOUSE_FONT_FILES).map(Number) as Weight[];

let fonts: Promise<Map<Weight, FontMetrics>> | undefined;

function loadFonts(): Promise<Map<Weight, FontMetrics>> {
  fonts ??= (async () => {
    const loaded = new Map<Weight, FontMetrics>();
    for (const weight of WEIGHTS) {
      const path = HOUSE_FONT_FILES[weight];
      const bytes = await Deno.readFile(path).catch(() => {
        throw new Error(
          `Cannot render exhibits: the house font ${path} is missing. ` +
            "Install it with: sudo apt-get install -y fonts-inter",
        );
      });
      loaded.set(weight, readFontMetrics(bytes));
    }
    return loaded;
  })();
  return fonts;
}

/** Vega and the Vega-Lite compiler, loaded on the first render (see the module docs). */
interface ChartEngine {
  readonly vega: typeof import("vega");
  readonly compile: typeof import("vega-lite").compile;
}

let engine: Promise<ChartEngine> | undefined;

function loadEngine(): Promise<ChartEngine> {
  engine ??= (async () => {
    const [vega, { compile }, loaded] = await Promise.all([
      import("vega"),
      import("vega-lite"),
      loadFonts(),
    ]);
    // Vega's own text measure, replaced once for the process: see the module docs.
    const metrics = (vega as unknown as {
      textMetrics: { width: (item: TextItem, text: string) => number };
    }).textMetrics;
    metrics.width = (item, text) => {
      const font = loaded.get(nearestWeight(item.fontWeight)) ?? loaded.get(400)!;
      return textWidth(font, String(text ?? ""), Number(item.fontSize ?? 11));
    };
    return { vega, compile };
  })();
  return engine;
}

interface TextItem {
  readonly fontSize?: number;
  readonly fontWeight?: number | string;
}

function nearestWeight(weight: number | string | undefined): Weight {
  const numeric = weight === "bold"
    ? 700
    : weight === undefined || weight === "normal"
    ? 400
    : Number(weight);
  if (!Number.isFinite(numeric)) return 400;
  return WEIGHTS.reduce((best, w) => (Math.abs(w - numeric) < Math.abs(best - numeric) ? w : best));
}

/**
 * Renders a Vega-Lite spec to SVG text. The SVG has no `<style>` element: every attribute is
 * inline, as GitHub and Jupyter sanitisers expect.
 *
 * @example
 * ```ts
 * import { renderSvg } from "./render.ts";
 * import assert from "node:assert/strict";
 *
 * const svg = await renderSvg({ data: { values: [{ a: "x", b: 1 }] }, mark: "bar",
 *   encoding: { x: { field: "a" }, y: { field: "b", type: "quantitative" } } });
 * assert.match(svg, /^<svg/);
 * assert.doesNotMatch(svg, /<style/);
 * ```
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const { vega, compile } = await loadEngine();
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none" });
  try {
    const svg = await view.toSVG();
    return svg.replace(/<style[\s\S]*?<\/style>/g, "");
  } finally {
    view.finalize();
  }
}

let rasteriser: Promise<typeof import("@resvg/resvg-js")> | undefined;

function loadRasteriser(): Promise<typeof import("@resvg/resvg-js")> {
  rasteriser ??= import("@resvg/resvg-js");
  return rasteriser;
}

/** Options of {@linkcode renderPng}. */
export interface PngOptions {
  /** Pixels per SVG unit. Default 2 (sharp on high-density screens and in GitHub). */
  readonly scale?: number;
}

/**
 * Rasterises SVG to PNG with resvg and the house font files only.
 *
 * @example
 * ```ts
 * import { renderPng } from "./render.ts";
 * import assert from "node:assert/strict";
 *
 * const png = await renderPng('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="5"/>');
 * assert.deepEqual(Array.from(png.subarray(1, 4)), [80, 78, 71]); // "PNG"
 * assert.equal(new DataView(png.buffer, png.byteOffset).getUint32(16), 20); // width × 2
 * ```
 */
export async function renderPng(svg: string, options: PngOptions = {}): Promise<Uint8Array> {
  const [{ Resvg }] = await Promise.all([loadRasteriser(), loadFonts()]);
  const scale = options.scale ?? 2;
  if (!(scale > 0) || !Number.isFinite(scale)) {
    throw new RangeError(`Cannot use scale: expected a number > 0, got ${scale}`);
  }
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    background: "white",
    font: {
      fontFiles: Object.values(HOUSE_FONT_FILES),
      loadSystemFonts: false,
      defaultFontFamily: "Inter",
    },
  });
  return new Uint8Array(resvg.render().asPng());
}
