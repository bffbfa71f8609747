/**
 * The part of `vega-format` 1.1 that `tornado.ts` uses: Vega's default number locale, whose
 * `format` is the d3 formatter Vega draws axis and text labels with. Declared here because the
 * package ships no typings; taken from `vega-format` rather than `vega` so that building a spec
 * loads no chart engine (and none of its Node-only dependencies).
 *
 * @module
 */

/** A number locale: `format(specifier)` gives the formatter of a d3 format specifier. */
export interface NumberLocale {
  /** The formatter of `specifier` (e.g. `"$,.0f"`); throws on an invalid specifier. */
  format(specifier: string): (value: number) => string;
}

/** Vega's default number locale (en-US unless a program changed it). */
export function numberFormatDefaultLocale(): NumberLocale;
