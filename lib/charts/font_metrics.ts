/**
 * Text widths from the font files themselves. Vega lays out axis labels and titles by measuring
 * text; without a canvas it would guess. We read each glyph's advance width from the OpenType
 * file (`cmap`, `hhea`, `hmtx`, `head` tables) of the same Inter files that resvg draws with,
 * so the layout fits what is drawn. Kerning is left out: Inter's kerning only narrows pairs, so
 * measured text is never shorter than drawn text and labels are never clipped.
 *
 * @module
 */

/** Advance widths of one font file. */
export interface FontMetrics {
  /** Font units per em: widths are in these units. */
  readonly unitsPerEm: number;
  /** Advance width in font units by Unicode code point; missing glyphs fall back to `.notdef`. */
  advance(codePoint: number): number;
}

function tableOffsets(view: DataView): Map<string, number> {
  const count = view.getUint16(4);
  const tables = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const record = 12 + i * 16;
    const tag = String.fromCharCode(
      view.getUint8(record),
      view.getUint8(record + 1),
      view.getUint8(record + 2),
      view.getUint8(record + 3),
    );
    tables.set(tag, view.getUint32(record + 8));
  }
  return tables;
}

/** Code point → glyph id from a format 4 (BMP) or format 12 (full Unicode) `cmap` subtable. */
function readCmap(view: DataView, cmap: number): Map<number, number> {
  const glyphs = new Map<number, number>();
  const subtables = view.getUint16(cmap + 2);
  let best = -1;
  let bestFormat = 0;
  for (let i = 0; i < subtables; i++) {
    const platform = view.getUint16(cmap + 4 + i * 8);
    const encoding = view.getUint16(cmap + 6 + i * 8);
    const offset = cmap + view.getUint32(cmap + 8 + i * 8);
    const format = view.getUint16(offset);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (unicode && (format === 12 || (format === 4 && bestFormat !== 12))) {
      best = offset;
      bestFormat = format;
    }
  }
  if (best === -1) throw new Error("Cannot read font: no Unicode cmap subtable");
  if (bestFormat === 12) {
    const groups = view.getUint32(best + 12);
    for (let g = 0; g < groups; g++) {
      const at = best + 16 + g * 12;
      const start = view.getUint32(at);
      const end = view.getUint32(at + 4);
      const glyph = view.getUint32(at + 8);
      for (let c = start; c <= end && c <= 0x10ffff; c++) glyphs.set(c, glyph + c - start);
    }
    return glyphs;
  }
  const segments = view.getUint16(best + 6) / 2;
  const ends = best + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const end = view.getUint16(ends + s * 2);
    const start = view.getUint16(starts + s * 2);
    const delta = view.getInt16(deltas + s * 2);
    const rangeOffset = view.getUint16(rangeOffsets + s * 2);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        const at = rangeOffsets + s * 2 + rangeOffset + (c - start) * 2;
        glyph = view.getUint16(at);
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) glyphs.set(c, glyph);
    }
  }
  return glyphs;
}

/**
 * Reads advance widths from an OpenType or TrueType font file.
 *
 * @example
 * ```ts
 * import { readFontMetrics } from "./font_metrics.ts";
 * import assert from "node:assert/strict";
 *
 * const font = readFontMetrics(await Deno.readFile("/usr/share/fonts/opentype/inter/Inter-Regular.otf"));
 * assert.equal(font.unitsPerEm, 2816); // Inter 4
 * assert.ok(font.advance("W".codePointAt(0)!) > font.advance("i".codePointAt(0)!));
 * ```
 */
export function readFontMetrics(bytes: Uint8Array): FontMetrics {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = tableOffsets(view);
  const need = (tag: string) => {
    const at = tables.get(tag);
    if (at === undefined) throw new Error(`Cannot read font: no "${tag}" table`);
    return at;
  };
  const unitsPerEm = view.getUint16(need("head") + 18);
  const metricsCount = view.getUint16(need("hhea") + 34);
  const hmtx = need("hmtx");
  const advances = new Uint16Array(metricsCount);
  for (let g = 0; g < metricsCount; g++) advances[g] = view.getUint16(hmtx + g * 4);
  const glyphs = readCmap(view, need("cmap"));
  const widthOf = (glyph: number) => advances[Math.min(glyph, metricsCount - 1)]!;
  return { unitsPerEm, advance: (codePoint) => widthOf(glyphs.get(codePoint) ?? 0) };
}

/**
 * Width in pixels of `text` at `fontSize` px.
 *
 * @example
 * ```ts
 * import { readFontMetrics, textWidth } from "./font_metrics.ts";
 * import assert from "node:assert/strict";
 *
 * const font = readFontMetrics(await Deno.readFile("/usr/share/fonts/opentype/inter/Inter-Regular.otf"));
 * const w = textWidth(font, "Hashprice", 10);
 * assert.ok(w > 40 && w < 60, `${w}`);
 * assert.equal(textWidth(font, "", 10), 0);
 * ```
 */
export function textWidth(font: FontMetrics, text: string, fontSize: number): number {
  let units = 0;
  for (const char of text) units += font.advance(char.codePointAt(0)!);
  return (units * fontSize) / font.unitsPerEm;
}
