// Percentile arithmetic shared by percentiles.ts and percentile_bands.ts.
import { finite } from "../units/checks.ts";

/** Throws unless every percentile is a finite number in [0, 100]. */
export function checkPercentiles(ps: readonly number[]): void {
  if (!Array.isArray(ps)) {
    throw new TypeError(`Cannot use percentiles: expected an array of numbers, got ${typeof ps}`);
  }
  if (ps.length === 0) {
    throw new RangeError("Cannot use percentiles: expected at least one percentile, got 0");
  }
  ps.forEach((p, i) => {
    finite(`percentiles[${i}]`, p);
    if (p < 0 || p > 100) {
      throw new RangeError(`Cannot use percentiles[${i}]: expected a value in [0, 100], got ${p}`);
    }
  });
}

/**
 * Percentile `p` of `sorted` (non-empty, finite). It reads only the order statistics
 * `orderStatisticsFor` lists, so those placed by quickselect are enough: no full sort needed.
 */
export function percentileOfSorted(sorted: Float64Array, p: number): number {
  const h = ((sorted.length - 1) * p) / 100;
  const lower = Math.floor(h);
  const a = sorted[lower]!;
  if (lower >= sorted.length - 1) return a;
  const b = sorted[lower + 1]!;
  const weight = h - lower;
  // numpy's _lerp: interpolate from the nearer end so weight 0 and 1 give the order statistics
  // exactly, and results match numpy to the last bit in most cases.
  return weight >= 0.5 ? b - (b - a) * (1 - weight) : a + (b - a) * weight;
}

/** The order statistics (ascending, distinct) that percentiles `ps` of `n` values read. */
export function orderStatisticsFor(n: number, ps: readonly number[]): number[] {
  const ks = new Set<number>();
  for (const p of ps) {
    const lower = Math.floor(((n - 1) * p) / 100);
    ks.add(lower);
    if (lower + 1 < n) ks.add(lower + 1);
  }
  return [...ks].sort((a, b) => a - b);
}
