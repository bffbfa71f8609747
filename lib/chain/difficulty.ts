/**
 * Difficulty and hashrate: at difficulty D a block takes D × 2^32 hashes on average, so a
 * network finding one block every 600 s runs at D × 2^32 ÷ 600 H/s.
 *
 * @module
 */
import { type Hashrate, ths } from "../units/hashrate.ts";
import { positive } from "../units/checks.ts";

/** The protocol's target block interval, seconds (Bitcoin Core `nPowTargetSpacing`). */
export const TARGET_BLOCK_SECONDS = 600;
/** Blocks between difficulty retargets (`nPowTargetTimespan ÷ nPowTargetSpacing`). */
export const RETARGET_INTERVAL_BLOCKS = 2016;

/** Options for the difficulty ↔ hashrate conversions. */
export interface BlockIntervalOptions {
  /** Mean seconds between blocks. Default {@linkcode TARGET_BLOCK_SECONDS}. */
  readonly blockSeconds?: number;
}

/**
 * Hashrate implied by a difficulty at a block interval.
 *
 * @example At difficulty 1.2e14 and 10-minute blocks the network runs at ~859 EH/s
 * ```ts
 * import { hashrateFromDifficulty } from "./difficulty.ts";
 * import assert from "node:assert/strict";
 *
 * const rate = hashrateFromDifficulty(1.2e14);
 * assert.equal(Math.round(rate / 1e6), 859); // EH/s
 * ```
 */
export function hashrateFromDifficulty(
  difficulty: number,
  options: BlockIntervalOptions = {},
): Hashrate {
  const seconds = positive("blockSeconds", options.blockSeconds ?? TARGET_BLOCK_SECONDS);
  return ths((positive("difficulty", difficulty) * 2 ** 32) / seconds / 1e12);
}

/**
 * Difficulty at which `hashrate` finds a block every `blockSeconds` on average.
 *
 * @example The inverse of {@linkcode hashrateFromDifficulty}
 * ```ts
 * import { difficultyFromHashrate, hashrateFromDifficulty } from "./difficulty.ts";
 * import assert from "node:assert/strict";
 *
 * const d = difficultyFromHashrate(hashrateFromDifficulty(1.2e14));
 * assert.ok(Math.abs(d / 1.2e14 - 1) < 1e-12);
 * ```
 */
export function difficultyFromHashrate(
  hashrate: Hashrate,
  options: BlockIntervalOptions = {},
): number {
  const seconds = positive("blockSeconds", options.blockSeconds ?? TARGET_BLOCK_SECONDS);
  return (positive("hashrate", hashrate) * 1e12 * seconds) / 2 ** 32;
}
