/**
 * Ticks for log axes: a few round values per power of ten (1 and 3 by default, or 1, 2 and 5),
 * so each gets a gridline and a label — Vega's own log ticks are too dense to read. Shared by
 * the time series, the fan chart and the scatter. Their labels need as many decimals as the
 * smallest tick: see {@linkcode logTickFormat}.
 *
 * @module
 */

/**
 * Ticks at `multiples` of each power of ten within `[from, to]` (both > 0), ascending. Ticks
 * are rounded to 12 significant digits, so 3 × 10⁻¹ is `0.3`, not `0.30000000000000004`.
 *
 * @example
 * ```ts
 * import { logTicks } from "./_log_ticks.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(logTicks([20, 400]), [30, 100, 300]);
 * assert.deepEqual(logTicks([0.2, 6], [1, 2, 5]), [0.2, 0.5, 1, 2, 5]);
 * ```
 */
export function logTicks(
  [from, to]: readonly [number, number],
  multiples: readonly number[] = [1, 3],
): number[] {
  const ticks: number[] = [];
  for (let e = Math.floor(Math.log10(from)); e <= Math.ceil(Math.log10(to)); e++) {
    for (const m of multiples) {
      const t = Number((m * 10 ** e).toPrecision(12));
      if (t >= from && t <= to) ticks.push(t);
    }
  }
  return ticks;
}

/**
 * The 1–3–10 steps around `values` (all > 0): the largest step ≤ the least value to the
 * smallest ≥ the greatest, so a log axis spans whole steps, each gridded.
 *
 * @example
 * ```ts
 * import { logDomain } from "./_log_ticks.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(logDomain([45, 80, 250]), [30, 300]);
 * assert.deepEqual(logDomain([100]), [100, 100]);
 * ```
 */
export function logDomain(values: readonly number[]): [number, number] {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const steps = logTicks([min / 10, max * 10]);
  return [
    steps.filter((t) => t <= min * (1 + 1e-12)).at(-1)!,
    steps.find((t) => t >= max * (1 - 1e-12))!,
  ];
}

// d3-format's specifier: [[fill]align][sign][symbol][0][width][,][.precision][~][type]
const FORMAT_SPECIFIER = /^((?:.?[<>=^])?[+\-( ]?[$#]?0?\d*,?)(?:\.(\d+))?(~)?([a-z%])?$/i;

/**
 * The d3 number format for log-axis `ticks`: `format` itself, unless it is fixed-point (`f`)
 * with fewer decimals than the smallest tick needs — then its precision is raised to that and
 * trailing zeros are trimmed (`~`), so 0.03 reads "0.03" rather than "0" and 100 stays "100".
 * Other formats (`~s`, `.2s`, `%`…) are returned as given.
 *
 * @example
 * ```ts
 * import { logTickFormat } from "./_log_ticks.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(logTickFormat([0.03, 0.1, 0.3, 1, 3], ",.0f"), ",.2~f");
 * assert.equal(logTickFormat([0.3, 1, 3], "$,.0f"), "$,.1~f");
 * assert.equal(logTickFormat([30, 100, 300], ",.0f"), ",.0f");
 * assert.equal(logTickFormat([0.1, 0.3], ".2f"), ".2f"); // already enough
 * assert.equal(logTickFormat([0.001, 0.003], "~s"), "~s");
 * ```
 */
export function logTickFormat(ticks: readonly number[], format: string): string {
  const match = FORMAT_SPECIFIER.exec(format);
  if (match === null || match[4] !== "f" || ticks.length === 0) return format;
  const needed = Math.max(...ticks.map(decimalsOf));
  const given = match[2] === undefined ? 6 : Number(match[2]);
  return needed > given ? `${match[1]}.${needed}~f` : format;
}

/** Digits after the decimal point in the shortest form of `value` (0.003 → 3, 1e-7 → 7). */
function decimalsOf(value: number): number {
  const [digits = "", exponent = "0"] = String(Math.abs(value)).split("e");
  const fraction = digits.split(".")[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent));
}
