/**
 * Power. Canonical unit: watts. Site capacity comes in two kinds that are easy to mix up:
 * critical IT power (what servers or miners draw) and gross power (what the grid delivers,
 * IT × PUE; F9). They are distinct types; only {@linkcode grossFromIt} and
 * {@linkcode itFromGross} cross between them.
 *
 * @module
 */
import { type Quantity, tag } from "./_brand.ts";
import { nonNegative, pueValue } from "./checks.ts";

/** Power drawn by equipment, in W. */
export type Power = Quantity<"W">;
/** Critical IT power of a site, in W. */
export type ItPower = Quantity<"W IT">;
/** Gross (utility) power of a site, in W. */
export type GrossPower = Quantity<"W gross">;

/**
 * Equipment power from watts.
 *
 * @example
 * ```ts
 * import { w } from "./power.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(w(3_500), 3500); // one Antminer S21 at 200 TH/s × 17.5 J/TH
 * ```
 */
export function w(value: number): Power {
  return tag<"W">(nonNegative("w", value));
}

/**
 * Equipment power from kilowatts.
 *
 * @example
 * ```ts
 * import { kw } from "./power.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(kw(10.2), 10_200); // DGX H100 maximum [S40]
 * ```
 */
export function kw(value: number): Power {
  return tag<"W">(nonNegative("kw", value) * 1e3);
}

/**
 * Equipment power from megawatts.
 *
 * @example
 * ```ts
 * import { mw } from "./power.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(mw(1), 1e6);
 * ```
 */
export function mw(value: number): Power {
  return tag<"W">(nonNegative("mw", value) * 1e6);
}

/**
 * Critical IT capacity from megawatts.
 *
 * @example
 * ```ts
 * import { itMw } from "./power.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(itMw(200), 2e8);
 * assert.throws(() => itMw(-5), /itMw: expected a value >= 0, got -5/);
 * ```
 */
export function itMw(value: number): ItPower {
  return tag<"W IT">(nonNegative("itMw", value) * 1e6);
}

/**
 * Gross (utility) capacity from megawatts.
 *
 * @example
 * ```ts
 * import { grossMw } from "./power.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(grossMw(300), 3e8);
 * ```
 */
export function grossMw(value: number): GrossPower {
  return tag<"W gross">(nonNegative("grossMw", value) * 1e6);
}

/**
 * Gross power needed for `it` at `pue` (F9: gross = IT × PUE).
 *
 * @example Muskogee: 70 MW IT in 100 MW gross [S17] implies PUE ≈ 1.43 (F9)
 * ```ts
 * import { grossFromIt, itMw, toMw } from "./power.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(toMw(grossFromIt(itMw(70), 100 / 70)), 100);
 * assert.throws(() => grossFromIt(itMw(70), 0.9), /PUE >= 1/);
 * ```
 */
export function grossFromIt(it: ItPower, pue: number): GrossPower {
  return tag<"W gross">(nonNegative("it", it) * pueValue("pue", pue));
}

/**
 * IT power that `gross` supports at `pue`.
 *
 * @example
 * ```ts
 * import { grossMw, itFromGross, toMw } from "./power.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(toMw(itFromGross(grossMw(330), 330 / 245)), 245); // Hut 8 River Bend
 * ```
 */
export function itFromGross(gross: GrossPower, pue: number): ItPower {
  return tag<"W IT">(nonNegative("gross", gross) / pueValue("pue", pue));
}

/**
 * Any power in megawatts.
 *
 * @example
 * ```ts
 * import { kw, toMw } from "./power.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(toMw(kw(1500)), 1.5);
 * ```
 */
export function toMw(power: Power | ItPower | GrossPower): number {
  return power / 1e6;
}

/**
 * Any power in kilowatts.
 *
 * @example
 * ```ts
 * import { mw, toKw } from "./power.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(toKw(mw(2)), 2000);
 * ```
 */
export function toKw(power: Power | ItPower | GrossPower): number {
  return power / 1e3;
}
