/**
 * The category axis of column and waterfall charts: the categories of a field, in order of first
 * appearance, and a label layout that never clips or collides — labels as they are when they fit
 * their band, wrapped onto lines when every word fits, else slanted. Widths are estimated
 * generously from the character classes of Inter, so the layout needs no font file.
 *
 * @module
 */
import { HOUSE_CONFIG } from "./theme.ts";
import { cell, show } from "./_checks.ts";

/** At most this many lines per wrapped label; more, and the labels are slanted instead. */
const MAX_LINES = 3;
/** Share of a band a label may fill. */
const BAND_SHARE = 0.92;

/**
 * Distinct text or number values of a field, in order of first appearance; a TypeError for any
 * other value.
 *
 * @example
 * ```ts
 * import { distinct } from "./_category_axis.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(distinct([{ c: "a" }, { c: "b" }, { c: "a" }], "x", "c"), ["a", "b"]);
 * assert.throws(() => distinct([{ c: null }], "x", "c"),
 *   /^TypeError: Cannot use x: field "c" in row 0 is null, expected text or a number$/);
 * ```
 */
export function distinct<Row>(
  rows: readonly Row[],
  option: string,
  field: keyof Row & string,
): (string | number)[] {
  const seen = new Map<string, string | number>();
  rows.forEach((row, i) => {
    const value = cell(row, option, field, i);
    if (
      !((typeof value === "string" && value !== "") ||
        (typeof value === "number" && Number.isFinite(value)))
    ) {
      throw new TypeError(
        `Cannot use ${option}: field "${field}" in row ${i} is ${
          show(value)
        }, expected text or a number`,
      );
    }
    if (!seen.has(String(value))) seen.set(String(value), value);
  });
  return [...seen.values()];
}

/**
 * Axis label layout for `categories` on bands `band` px wide: `{}` when every label fits,
 * a `labelExpr` with the lines of each label when every wrapped line fits in at most three
 * lines, else slanted labels.
 *
 * @example
 * ```ts
 * import { categoryLabels } from "./_category_axis.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(categoryLabels(["A", "B"], 100), {});
 * const wrapped = categoryLabels(["Core Scientific", "Hut 8"], 60);
 * assert.match(String(wrapped.labelExpr), /"Core Scientific":\["Core","Scientific"\]/);
 * assert.equal(categoryLabels(["Supercalifragilistic"], 40).labelAngle, -40);
 * ```
 */
export function categoryLabels(
  categories: readonly (string | number)[],
  band: number,
): Record<string, unknown> {
  const labels = categories.map(String);
  const room = band * BAND_SHARE;
  const size = HOUSE_CONFIG.axis?.labelFontSize as number;
  if (labels.every((c) => estimateWidth(c, size) <= room)) return {};
  const wrapped = labels.map((c) => wrap(c, room, size));
  const fits = wrapped.every((lines) =>
    lines.length <= MAX_LINES && lines.every((l) => estimateWidth(l, size) <= room)
  );
  if (fits) {
    const table = Object.fromEntries(labels.map((c, i) => [c, wrapped[i]]));
    return {
      labelExpr: `${JSON.stringify(table)}[datum.label] || datum.label`,
      labelLineHeight: 11,
    };
  }
  return { labelAngle: -40, labelAlign: "right", labelBaseline: "top" };
}

/** Words of `text` on as few lines as fit `room` px (a word longer than that gets its own). */
function wrap(text: string, room: number, size: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && estimateWidth(`${last} ${word}`, size) <= room) {
      lines[lines.length - 1] = `${last} ${word}`;
    } else lines.push(word);
  }
  return lines;
}

/**
 * A generous estimate of Inter's width of `text` at `fontSize` px (never short: the layout must
 * not clip). Also sizes value labels on columns.
 *
 * @example
 * ```ts
 * import { estimateWidth } from "./_category_axis.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(estimateWidth("W1", 10), 16.7); // 0.95 em + 0.72 em
 * assert.ok(estimateWidth("Mining", 10) > estimateWidth("iiiiii", 10));
 * ```
 */
export function estimateWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const c of text) {
    em += /[WMmw@%—]/.test(c)
      ? 0.95
      : /[A-Z0-9$#&?]/.test(c)
      ? 0.72
      : /[ijlI.,:;'|! ]/.test(c)
      ? 0.32
      : 0.6;
  }
  return em * fontSize;
}
