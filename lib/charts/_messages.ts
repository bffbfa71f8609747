/**
 * Every warning the chart builders print, one named function each, so a builder and its test
 * produce the same text from the same call. Charts fail softly: a cosmetic option out of range is
 * reported here and replaced, and the chart is still drawn.
 *
 * @example
 * ```ts
 * import { message, warn } from "./_messages.ts";
 * import { warnings } from "./_testing.ts";
 * import assert from "node:assert/strict";
 *
 * const seen = warnings(() => warn(message.sizeOutOfRange("width", -5, 680)));
 * assert.deepEqual(seen, ["Ignoring width: expected a number > 0, got -5; using 680"]);
 * ```
 *
 * @module
 */
import { ELLIPSIS } from "./_text_wrap.ts";

const plural = (n: number, one: string, many: string) => n === 1 ? one : many;

/** The catalogue: each function returns one warning's text. */
export const message = {
  /** An option outside its range; `shown` renders the value and the fallback. */
  optionOutOfRange: (builder: string, option: string, value: string, fallback: string): string =>
    `${builder}: ${option} ${value} is out of range; using ${fallback}`,
  /** A size (width, height, font size) that is not a positive number. */
  sizeOutOfRange: (option: string, value: number, fallback: number): string =>
    `Ignoring ${option}: expected a number > 0, got ${String(value)}; using ${fallback}`,
  /** A number format d3 cannot read, or with a type d3 does not know. */
  badNumberFormat: (option: string, format: string, fallback: string): string =>
    `Ignoring ${option}: expected a d3 number format, got ${
      JSON.stringify(format)
    }; using "${fallback}"`,
  /** A line count for scatter labels that is not a whole number ≥ 1. */
  badLabelLines: (value: number, fallback: number): string =>
    `Ignoring labelLines: expected a whole number ≥ 1, got ${String(value)}; using ${fallback}`,
  /** The font file that measures scatter labels cannot be read. */
  labelFontUnreadable: (path: string, reason: string): string =>
    `Cannot read ${path} (${reason}): placing scatter labels with estimated widths`,
  /** A heatmap colour scheme that is neither of the two. */
  unknownHeatmapScheme: (scheme: unknown): string =>
    `Ignoring scheme: expected "diverging" or "sequential", got ${
      JSON.stringify(scheme)
    }; using the default`,
  /** A table column format that is neither a known name nor a function. */
  unknownTableFormat: (column: number, format: unknown, known: readonly string[], used: string) =>
    `tableSpec: columns[${column}].format ${JSON.stringify(format)} is not one of ${
      known.join(", ")
    } or a function; using ${used}`,
  /** A table whose columns need more than the width asked for. */
  tableTooWide: (needed: number, requested: number): string =>
    `tableSpec: the columns need ${needed} px, more than width ${requested}; drawing ${needed} px wide`,
  /** Table cells cut to `maxLines` lines. */
  tableCellsCut: (cut: number, column: number, title: string, maxLines: number, width: number) =>
    `tableSpec: ${cut} ${plural(cut, "cell", "cells")} of columns[${column}] (${
      JSON.stringify(title)
    }) need more than ${maxLines} ${plural(maxLines, "line", "lines")} at ${width} px; cut with ` +
    `"${ELLIPSIS}", the full text in the tooltip`,
  /** Scatter labels cut to `lines` lines of `width` px. */
  scatterLabelsCut: (cut: number, lines: number, width: number): string =>
    `scatterSpec: ${cut} ${
      plural(cut, "label", "labels")
    } cut short with "${ELLIPSIS}" (a name takes at ` +
    `most ${lines} ${plural(lines, "line", "lines")} of ${width} px); the full names are in the ` +
    `points' tooltips`,
  /** Scatter labels with no clear place; `bySize` when the smallest points lose theirs first. */
  scatterLabelsDropped: (dropped: readonly string[], bySize: boolean): string =>
    `scatterSpec: no clear place for ${dropped.length} ${
      plural(dropped.length, "label", "labels")
    }; left unlabelled${bySize ? " (smallest first)" : ""}: ${
      dropped.map((d) => JSON.stringify(d)).join(", ")
    }. Widen the chart or shorten the labels`,
  /** A key of a theme override that Vega-Lite's config does not have. */
  unknownThemeKey: (key: string): string =>
    `mullet: unknown theme key "${key}" ignored; Vega-Lite's config has no such key`,
  /** A column chart's stack option without series to stack. */
  stackWithoutSeries: (): string => "columnSpec: stack has no effect without series; ignored",
  /** A highlighted column that is not one of the categories. */
  unknownHighlight: (highlight: string, field: string): string =>
    `columnSpec: highlight "${highlight}" is not a category of ${field}; ignored`,
  /** Stacked-area order names that are not series of the rows. */
  unknownSeriesOrder: (unknown: readonly string[]): string =>
    `stackedAreaSpec: order names ${
      unknown.map((n) => JSON.stringify(n)).join(", ")
    }, not a series of the rows; ignored`,
} as const;

/** Print one warning from the catalogue (`console.warn`, which tests capture). */
export function warn(text: string): void {
  console.warn(text);
}
