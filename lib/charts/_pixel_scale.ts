/**
 * Axis scales whose domain is fixed in the spec (padded, no `nice`), so TS knows where each
 * value lands in pixels: the scatter places its labels with them before Vega draws anything.
 *
 * @module
 */
import { logTicks } from "./_log_ticks.ts";

/** Share of the data's span added on each side of a domain. */
const DOMAIN_PAD = 0.08;

/** A fixed domain, its Vega-Lite scale and axis ticks, and its pixel mapping. */
export interface AxisScale {
  readonly scale: { type: "linear" | "log"; domain: [number, number]; nice: false; zero?: false };
  /** Log axes: ticks at 1, 2 and 5 times powers of ten (vega's own are too dense to read). */
  readonly ticks: { values?: number[] };
  toPixel(value: number): number;
  toData(pixel: number): number;
}

/**
 * A fixed domain around `values` (padded 8% of their span on each side, in log space for `log`)
 * and its mapping to pixels on an axis `extent` px long; `flip` for y, whose pixels grow
 * downwards. Domain ends and data values read back are rounded to 10 significant digits.
 *
 * @example
 * ```ts
 * import { axisScale } from "./_pixel_scale.ts";
 * import assert from "node:assert/strict";
 *
 * const x = axisScale([0, 100], false, 580, false);
 * assert.deepEqual(x.scale.domain, [-8, 108]);
 * assert.equal(x.toPixel(-8), 0);
 * assert.equal(x.toData(x.toPixel(50)), 50);
 * const y = axisScale([10, 1000], true, 300, true);
 * assert.equal(y.toPixel(y.scale.domain[0]), 300); // the bottom
 * assert.deepEqual(y.ticks.values, [10, 20, 50, 100, 200, 500, 1000]);
 * ```
 */
export function axisScale(
  values: readonly number[],
  log: boolean,
  extent: number,
  flip: boolean,
): AxisScale {
  const t = log ? Math.log10 : (v: number) => v;
  const inverse = log ? (v: number) => 10 ** v : (v: number) => v;
  const lo = Math.min(...values.map(t));
  const hi = Math.max(...values.map(t));
  const pad = hi > lo ? (hi - lo) * DOMAIN_PAD : Math.abs(lo) * 0.1 || 1;
  const [d0, d1] = [lo - pad, hi + pad];
  const round = (v: number) => Number(v.toPrecision(10));
  const domain: [number, number] = [round(inverse(d0)), round(inverse(d1))];
  const [s0, s1] = [t(domain[0]), t(domain[1])];
  const share = (v: number) => (t(v) - s0) / (s1 - s0);
  return {
    scale: log
      ? { type: "log" as const, domain, nice: false as const }
      : { type: "linear" as const, domain, nice: false as const, zero: false as const },
    ticks: log ? { values: logTicks(domain, [1, 2, 5]) } : {},
    toPixel: (v: number) => (flip ? 1 - share(v) : share(v)) * extent,
    toData: (p: number) => {
      const s = flip ? 1 - p / extent : p / extent;
      return round(inverse(s0 + s * (s1 - s0)));
    },
  };
}
