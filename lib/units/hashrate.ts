/**
 * Hashrate. Canonical unit: TH/s (the unit of Coin Metrics' `HashRate` and of ASIC spec
 * sheets). Converters take other units at the edges: `ehs(600)` is 600 EH/s in TH/s.
 *
 * @module
 */
import { type Quantity, tag } from "./_brand.ts";
import { nonNegative } from "./checks.ts";

/** A hashrate in TH/s. */
export type Hashrate = Quantity<"TH/s">;

const TH_PER = { "H/s": 1e-12, "TH/s": 1, "PH/s": 1e3, "EH/s": 1e6, "ZH/s": 1e9 } as const;
/** Hashrate units the converters know. */
export type HashrateUnit = keyof typeof TH_PER;

/**
 * Hashrate from TH/s.
 *
 * @example
 * ```ts
 * import { ths } from "./hashrate.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(ths(200), 200); // one Antminer S21
 * assert.throws(() => ths(-1), /ths: expected a value >= 0, got -1/);
 * ```
 */
export function ths(value: number): Hashrate {
  return tag<"TH/s">(nonNegative("ths", value));
}

/**
 * Hashrate from PH/s.
 *
 * @example
 * ```ts
 * import { phs } from "./hashrate.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(phs(1), 1000);
 * ```
 */
export function phs(value: number): Hashrate {
  return tag<"TH/s">(nonNegative("phs", value) * TH_PER["PH/s"]);
}

/**
 * Hashrate from EH/s.
 *
 * @example
 * ```ts
 * import { ehs } from "./hashrate.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(ehs(600), 6e8);
 * ```
 */
export function ehs(value: number): Hashrate {
  return tag<"TH/s">(nonNegative("ehs", value) * TH_PER["EH/s"]);
}

/**
 * Hashrate from H/s.
 *
 * @example
 * ```ts
 * import { hs } from "./hashrate.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(hs(1e15), 1000);
 * ```
 */
export function hs(value: number): Hashrate {
  return tag<"TH/s">(nonNegative("hs", value) * TH_PER["H/s"]);
}

/**
 * A hashrate expressed in `unit`.
 *
 * @example
 * ```ts
 * import { ehs, hashrateIn } from "./hashrate.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(hashrateIn(ehs(600), "PH/s"), 600_000);
 * ```
 */
export function hashrateIn(rate: Hashrate, unit: HashrateUnit): number {
  return rate / TH_PER[unit];
}
