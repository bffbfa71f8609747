/**
 * The size legend of a scatter whose points are sized by a field: a few round values that reach
 * the largest one, and a size scale whose domain ends at the last of them, so the legend's
 * biggest symbol is at least as big as the biggest point. Lease terms of 5–15 years get a
 * legend of 5 / 10 / 15, not 4 / 8 / 10 with a 15-year point larger than any symbol.
 *
 * @module
 */

/** The round steps tried in each power of ten, smallest first. */
const STEPS = [1, 2, 2.5, 5] as const;
/** At most this many legend symbols (the rule below gives at least three). */
const MAX_SYMBOLS = 4;

/** Result of {@linkcode sizeLegend}. */
export interface SizeLegend {
  /** Legend values, ascending: multiples of one round step, the last ≥ the largest size. */
  readonly values: number[];
  /** Top of the size scale's domain `[0, domainMax]`: the last legend value (1 for all-zero). */
  readonly domainMax: number;
}

/**
 * Legend values for sizes up to `max`: the smallest step of 1, 2, 2.5 or 5 × 10ᵏ that reaches
 * `max` in at most four multiples, and those multiples (three or four of them: the next smaller
 * step needs five or more, and steps at most double). Values are rounded to 12 significant
 * digits. `max` ≤ 0 (every size zero) gives a legend of `[0]` over the domain `[0, 1]`.
 *
 * @example
 * ```ts
 * import { sizeLegend } from "./_size_legend.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(sizeLegend(15), { values: [5, 10, 15], domainMax: 15 }); // lease terms, years
 * assert.deepEqual(sizeLegend(9.7e9).values, [2.5e9, 5e9, 7.5e9, 1e10]);
 * assert.deepEqual(sizeLegend(245), { values: [100, 200, 300], domainMax: 300 });
 * assert.deepEqual(sizeLegend(0), { values: [0], domainMax: 1 });
 * ```
 */
export function sizeLegend(max: number): SizeLegend {
  if (!(max > 0) || !Number.isFinite(max)) return { values: [0], domainMax: 1 };
  const power = Math.floor(Math.log10(max));
  for (let e = power - 1; e <= power + 1; e++) {
    for (const m of STEPS) {
      const step = round(m * 10 ** e);
      // A hair of slack, so 1.1 ÷ 0.1 = 11.000000000000002 needs 11 steps, not 12.
      const count = Math.max(1, Math.ceil(max / step - 1e-9));
      if (count <= MAX_SYMBOLS) {
        const values = Array.from({ length: count }, (_, i) => round((i + 1) * step));
        return { values, domainMax: values.at(-1)! };
      }
    }
  }
  // Unreachable: 5 × 10^(power+1) > 4 × max always.
  return { values: [max], domainMax: max };
}

function round(value: number): number {
  return Number(value.toPrecision(12));
}
