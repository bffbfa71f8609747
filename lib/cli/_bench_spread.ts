// Shared by the side-by-side benchmarks: how a set of interleaved runs is reported, as the median
// with the min–max range beside it.
import { percentiles } from "../finance/percentiles.ts";

/** The median of `values`. */
export function median(values: readonly number[]): number {
  return percentiles(values, [50])[0]!;
}

/** "median (min–max)" of `values`, to `digits` decimals. */
export function spread(values: readonly number[], digits = 0): string {
  return `${median(values).toFixed(digits)} (${Math.min(...values).toFixed(digits)}–${
    Math.max(...values).toFixed(digits)
  })`;
}
