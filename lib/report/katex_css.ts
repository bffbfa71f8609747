/**
 * KaTeX's stylesheet with its fonts inlined as `data:` URLs (WOFF2 only; Chromium reads it),
 * so a note with math stays one self-contained file that makes no request.
 *
 * @module
 */
import { Buffer } from "node:buffer";

const KATEX_DIST = new URL("../../node_modules/katex/dist/", import.meta.url);
const FONT_SRC = /src:url\(fonts\/([\w-]+\.woff2)\) format\("woff2"\)[^;}]*/g;

let cached: Promise<string> | undefined;

async function inlineFonts(): Promise<string> {
  const css = await Deno.readTextFile(new URL("katex.min.css", KATEX_DIST));
  const fonts = new Map<string, string>();
  for (const [, name] of css.matchAll(FONT_SRC)) {
    const bytes = await Deno.readFile(new URL(`fonts/${name}`, KATEX_DIST));
    fonts.set(name!, Buffer.from(bytes).toString("base64"));
  }
  if (fonts.size === 0) {
    throw new Error(
      `Cannot inline KaTeX's fonts: no WOFF2 font found in ${KATEX_DIST}katex.min.css`,
    );
  }
  return css.replace(
    FONT_SRC,
    (_, name: string) => `src:url(data:font/woff2;base64,${fonts.get(name)}) format("woff2")`,
  );
}

/**
 * KaTeX's CSS with every font it names embedded (read once per process).
 *
 * @example
 * ```ts
 * import { katexCss } from "./katex_css.ts";
 * import assert from "node:assert/strict";
 *
 * const css = await katexCss();
 * assert.match(css, /font-family:KaTeX_Main/);
 * assert.match(css, /url\(data:font\/woff2;base64,d09GMg/); // "wOF2", the WOFF2 signature
 * assert.doesNotMatch(css, /url\(fonts\//);
 * ```
 */
export function katexCss(): Promise<string> {
  cached ??= inlineFonts();
  return cached;
}
