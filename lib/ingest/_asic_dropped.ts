/**
 * Facts rows of `facts/asic_specs.csv` that carry no machine's specification, and why they are
 * left out of `asic_models.csv`: a chip (its J/TH is the chip's, not a miner's at the wall), a
 * target (a figure hoped for, not a machine's), or a row stating neither a per-machine hashrate
 * nor a J/TH (an order's size, say). The rules read the markings the compiler of the facts gave
 * the row, never a guess. Internal to `lib/ingest`.
 *
 * @module
 */

/** A facts row left out, with where it was and why. */
export interface DroppedFact {
  /** The input file and line. */
  readonly file: string;
  readonly line: number;
  /** As the row names them. */
  readonly manufacturer: string;
  readonly model: string;
  /** The row's `source_url`. */
  readonly source: string;
  /** Why it is left out, in words. */
  readonly reason: string;
}

/** What {@linkcode dropReason} reads of a facts row (numbers `NaN` when blank). */
export interface FactFigures {
  readonly model: string;
  readonly hashrateThs: number;
  readonly statedEfficiency: number;
  readonly hashrateAsStated: string;
}

/**
 * Why a facts row is left out, or `undefined` to keep it: a model name marking a chip
 * (`"SEAL01 chip (for SEALMINER A1)"`) or a target (`"SEALMINER A4 (target)"`), or neither a
 * hashrate nor a stated J/TH.
 *
 * @example
 * ```ts
 * import { dropReason } from "./_asic_dropped.ts";
 * import assert from "node:assert/strict";
 *
 * const a2 = { model: "SEALMINER A2", hashrateThs: 226, statedEfficiency: 16.5, hashrateAsStated: "226 TH/s" };
 * assert.equal(dropReason(a2), undefined);
 * assert.match(dropReason({ ...a2, model: "SEALMINER A4 (target)", hashrateThs: NaN })!, /^a target/);
 * assert.match(dropReason({ ...a2, model: "SEAL01 chip (for SEALMINER A1)" })!, /^a chip/);
 * const proto = { ...a2, hashrateThs: NaN, statedEfficiency: NaN, hashrateAsStated: "15 EH/s [order size]" };
 * assert.equal(dropReason(proto), 'no per-machine hashrate or J/TH (hashrate as stated: "15 EH/s [order size]")');
 * ```
 */
export function dropReason(fact: FactFigures): string | undefined {
  if (/\bchip\b/i.test(fact.model)) {
    return "a chip, not a machine: its J/TH is the chip's, not a miner's at the wall";
  }
  if (/\(target\)/i.test(fact.model)) {
    return "a target, not a shipping machine's specification";
  }
  if (Number.isNaN(fact.hashrateThs) && Number.isNaN(fact.statedEfficiency)) {
    return "no per-machine hashrate or J/TH" +
      (fact.hashrateAsStated === "" ? "" : ` (hashrate as stated: "${fact.hashrateAsStated}")`);
  }
  return undefined;
}
