/**
 * A scatter's point labels, ready to draw: points that fall on the same pixel share one label
 * (each name on its own line, ended by ";" but the last), a long name wraps at a width and is
 * cut with "…" past its lines, and the labels are placed clear of each other and of the points
 * (`_label_placement.ts`). When no arrangement is clear, labels of the least important points
 * are cut to fewer lines, then left out; the caller warns about them by name.
 *
 * @module
 */
import { LABEL_LINE_HEIGHT, type LabelBox, placeLabels, type Plot } from "./_label_placement.ts";
import { wrapText } from "./_text_wrap.ts";
import { type FontMetrics, readFontMetrics, textWidth } from "./font_metrics.ts";
import { HOUSE_FONT_FILES } from "./theme.ts";
import { message, warn } from "./_messages.ts";

/** Font size (px) of the labels. */
const FONT_SIZE = 10;
/** Points whose centres are closer than this (px) are one point to the reader: one label. */
const COINCIDENT = 1;

/** A point in plot pixels, its radius and how much its label matters. */
export interface ScatterPoint {
  readonly x: number;
  readonly y: number;
  readonly r: number;
  /** Higher keeps its label longer when some must be left out. */
  readonly priority: number;
}

/** How labels are measured and wrapped. */
export interface ScatterLabelOptions {
  /** Width (px) of a label's text. */
  readonly measure: (text: string) => number;
  /** Widest line (px) of a label; a longer name wraps. */
  readonly maxWidth: number;
  /** Most lines of one name; the rest is cut with "…". */
  readonly maxLines: number;
}

/** A label and where it goes. */
export interface PlacedLabel extends LabelBox {
  /** The label's lines, top to bottom. */
  readonly lines: string[];
  /** The names it stands for, whole, in row order. */
  readonly names: string[];
}

/** What {@linkcode scatterLabels} drew, and what it could not. */
export interface ScatterLabels {
  /** The labels drawn. */
  readonly placed: PlacedLabel[];
  /** Names left out for want of a clear place, least important first. */
  readonly dropped: string[];
  /** How many labels drawn were cut with "…". */
  readonly cut: number;
}

/**
 * Labels for `points` named `texts`, in a plot of `plot` pixels.
 *
 * @example Two deals on one point share a label; a third is labelled on its own
 * ```ts
 * import { scatterLabels } from "./_scatter_labels.ts";
 * import assert from "node:assert/strict";
 *
 * const points = [
 *   { x: 100, y: 100, r: 4, priority: 0 },
 *   { x: 100, y: 100, r: 4, priority: 0 },
 *   { x: 300, y: 50, r: 4, priority: 0 },
 * ];
 * const { placed, dropped } = scatterLabels(points, ["Delta Forge 1", "Polaris Forge 3", "Hut 8"],
 *   { width: 400, height: 200 }, { measure: (s) => s.length * 6, maxWidth: 120, maxLines: 3 });
 * assert.deepEqual(placed.map((l) => l.lines), [["Delta Forge 1;", "Polaris Forge 3"], ["Hut 8"]]);
 * assert.deepEqual(placed[0]!.names, ["Delta Forge 1", "Polaris Forge 3"]);
 * assert.deepEqual(dropped, []);
 * ```
 */
export function scatterLabels(
  points: readonly ScatterPoint[],
  texts: readonly string[],
  plot: Plot,
  options: ScatterLabelOptions,
): ScatterLabels {
  const { measure, maxWidth, maxLines } = options;
  // Each group is one drawn point: the first point of its kind and the names on it.
  const groups: { point: ScatterPoint; r: number; priority: number; names: string[] }[] = [];
  points.forEach((point, i) => {
    const group = groups.find((g) =>
      Math.abs(g.point.x - point.x) < COINCIDENT && Math.abs(g.point.y - point.y) < COINCIDENT
    );
    if (group === undefined) {
      groups.push({ point, r: point.r, priority: point.priority, names: [texts[i]!] });
      return;
    }
    group.r = Math.max(group.r, point.r);
    group.priority = Math.max(group.priority, point.priority);
    if (!group.names.includes(texts[i]!)) group.names.push(texts[i]!);
  });
  // Each label's forms, preferred first: every name on up to its share of the lines, then on
  // one line fewer, down to one line a name (cut shorter with "…").
  const forms = groups.map(({ names }) => {
    const most = Math.max(1, Math.floor((maxLines + names.length - 1) / names.length));
    const all: { lines: string[]; cut: boolean }[] = [];
    for (let each = most; each >= 1; each--) {
      const wrapped = names.map((name, k) =>
        wrapText(k < names.length - 1 ? `${name};` : name, maxWidth, measure, each)
      );
      const lines = wrapped.flatMap((w) => w.lines);
      // A form no shorter than the one before adds nothing.
      if (all.length > 0 && lines.length === all.at(-1)!.lines.length) continue;
      all.push({ lines, cut: wrapped.some((w) => w.truncated) });
    }
    return all;
  });
  const boxes = placeLabels(
    groups.map(({ point, r, priority }, g) => ({
      x: point.x,
      y: point.y,
      r,
      priority,
      sizes: forms[g]!.map(({ lines }) => ({
        width: Math.max(...lines.map(measure)),
        height: LABEL_LINE_HEIGHT * lines.length,
      })),
    })),
    plot,
  );
  let cut = 0;
  const placed: PlacedLabel[] = [];
  const dropped: { names: string[]; priority: number }[] = [];
  boxes.forEach((box, g) => {
    if (box === null) {
      dropped.push(groups[g]!);
      return;
    }
    const { size, ...at } = box;
    const form = forms[g]![size]!;
    if (form.cut) cut++;
    placed.push({ ...at, lines: form.lines, names: groups[g]!.names });
  });
  return {
    placed,
    dropped: dropped.sort((a, b) => a.priority - b.priority).flatMap((d) => d.names),
    cut,
  };
}

/**
 * The `labelLines` option: a whole number ≥ 1, else a warning and 3.
 *
 * @example
 * ```ts
 * import { lineCountOption } from "./_scatter_labels.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual([lineCountOption(undefined), lineCountOption(2)], [3, 2]);
 * ```
 */
export function lineCountOption(value: number | undefined): number {
  if (value === undefined) return 3;
  if (Number.isInteger(value) && value >= 1) return value;
  warn(message.badLabelLines(value, 3));
  return 3;
}

let labelFont: FontMetrics | null | undefined;

/**
 * Widths of 10 px label text from the Inter file that draws it; an estimate (0.62 em a
 * character) if the file cannot be read.
 *
 * @example
 * ```ts
 * import { labelMeasure } from "./_scatter_labels.ts";
 * import assert from "node:assert/strict";
 *
 * const width = labelMeasure()("Hut 8 / Fluidstack");
 * assert.ok(width > 70 && width < 100, `${width}`);
 * ```
 */
export function labelMeasure(): (text: string) => number {
  if (labelFont === undefined) {
    try {
      labelFont = readFontMetrics(Deno.readFileSync(HOUSE_FONT_FILES[400]));
    } catch (error) {
      labelFont = null;
      warn(message.labelFontUnreadable(HOUSE_FONT_FILES[400], (error as Error).message));
    }
  }
  const font = labelFont;
  return font === null
    ? (text) => [...text].length * FONT_SIZE * 0.62
    : (text) => textWidth(font, text, FONT_SIZE);
}
