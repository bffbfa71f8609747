/**
 * Text wrapped to a width in pixels, measured with the font that draws it: lines break at
 * spaces and after a hyphen inside a word ("high-" / "investment-grade"), a word wider than the
 * line is split between characters, and text beyond the last allowed line is cut with an
 * ellipsis ("…"). Used by the table (long cells) and the scatter (long point labels); Vega draws
 * the lines as one text mark whose `text` is an array.
 *
 * @module
 */

/** Where a wrapped text's lines are, and whether some of it was cut. */
export interface WrappedText {
  /** The lines, at least one (`[""]` for empty text), none wider than the width. */
  readonly lines: string[];
  /** Whether text was left out (the last line then ends with "…"). */
  readonly truncated: boolean;
}

/** The character that ends a cut line. */
export const ELLIPSIS = "…";

/** Words and the spaces between them; a hyphen followed by a letter ends a word. */
const TOKENS = /\S+?-(?=\p{L})|\S+|\s+/gu;

/**
 * Wraps `text` into lines at most `maxWidth` px wide (by `measure`), at most `maxLines` of them.
 *
 * @example A long tenant name in a 150 px column, three lines at most
 * ```ts
 * import { wrapText } from "./_text_wrap.ts";
 * import assert from "node:assert/strict";
 *
 * const measure = (s: string) => s.length * 6; // 6 px a character
 * const tenant = "undisclosed high-investment-grade tenant (leading AI hyperscaler)";
 * assert.deepEqual(wrapText(tenant, 150, measure), {
 *   lines: ["undisclosed high-", "investment-grade tenant", "(leading AI hyperscaler)"],
 *   truncated: false,
 * });
 * assert.deepEqual(wrapText(tenant, 150, measure, 2), {
 *   lines: ["undisclosed high-", "investment-grade tenant…"],
 *   truncated: true,
 * });
 * assert.deepEqual(wrapText("CoreWeave", 150, measure).lines, ["CoreWeave"]);
 * ```
 */
export function wrapText(
  text: string,
  maxWidth: number,
  measure: (text: string) => number,
  maxLines = Infinity,
): WrappedText {
  if (!(maxWidth > 0)) throw new RangeError(`Cannot wrap text: maxWidth is ${maxWidth}`);
  if (!(maxLines >= 1)) throw new RangeError(`Cannot wrap text: maxLines is ${maxLines}`);
  const lines: string[] = [];
  // What joined each line to the next in the text: a space, or nothing (a hyphen, a split word).
  const joins: string[] = [];
  let line = "";
  let space = "";
  for (const token of text.match(TOKENS) ?? []) {
    if (/^\s/.test(token)) {
      space = line === "" ? "" : " ";
      continue;
    }
    const joined = line + space + token;
    if (measure(joined) <= maxWidth) {
      line = joined;
      space = "";
      continue;
    }
    if (line !== "") {
      lines.push(line);
      joins.push(space);
    }
    line = "";
    space = "";
    if (measure(token) <= maxWidth) {
      line = token;
      continue;
    }
    // A word wider than the line is split between characters (at least one per line).
    for (const char of token) {
      if (line !== "" && measure(line + char) > maxWidth) {
        lines.push(line);
        joins.push("");
        line = "";
      }
      line += char;
    }
  }
  lines.push(line);
  if (lines.length <= maxLines) return { lines, truncated: false };
  const kept = lines.slice(0, maxLines - 1);
  let rest = "";
  for (let i = maxLines - 1; i < lines.length; i++) rest += lines[i]! + (joins[i] ?? "");
  kept.push(withEllipsis(rest, maxWidth, measure));
  return { lines: kept, truncated: true };
}

/** The longest start of `text` that fits `maxWidth` with "…" after it (spaces and punctuation
 * before the "…" dropped: "U.…" reads as four dots). */
function withEllipsis(text: string, maxWidth: number, measure: (text: string) => number): string {
  const chars = [...text];
  for (let n = chars.length; n > 0; n--) {
    const start = chars.slice(0, n).join("").replace(/[\s.;,:/(–-]+$/u, "");
    if (start !== "" && measure(start + ELLIPSIS) <= maxWidth) return start + ELLIPSIS;
  }
  return ELLIPSIS;
}

/**
 * Width of the widest word of `text` (the narrowest a column can be without splitting a word).
 *
 * @example
 * ```ts
 * import { widestWord } from "./_text_wrap.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(widestWord("Galaxy Digital (Helios)", (s) => s.length), 8); // "(Helios)"
 * assert.equal(widestWord("", (s) => s.length), 0);
 * ```
 */
export function widestWord(text: string, measure: (text: string) => number): number {
  let widest = 0;
  for (const token of text.match(TOKENS) ?? []) {
    if (!/^\s/.test(token)) widest = Math.max(widest, measure(token));
  }
  return widest;
}
