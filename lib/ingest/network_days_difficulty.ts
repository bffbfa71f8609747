/**
 * The difficulty check on network days. Coin Metrics' `HashRate` is the day's blocks times their
 * mean difficulty × 2^32 ÷ 86400, so `HashRate`, `BlkCnt` and the protocol's difficulty periods
 * (2016 blocks each, at one difficulty) must agree: every day inside a period implies the same
 * difficulty, and a day across a retarget the block-weighted mix of the two. In the Coin Metrics
 * export (2009-01-03 .. 2026-03-22) days inside one period agree within 1.2e-8 (2021-06-22).
 * A one-day hashrate typo, or a day whose blocks and issuance were both scaled, breaks this on
 * its own line even where every value is plausible alone.
 *
 * @module
 */
import { CsvError } from "../data/csv.ts";
import type { NetworkDay } from "./network_days.ts";

/** Blocks between difficulty retargets (a difficulty period). */
export const RETARGET_INTERVAL = 2016;
/** Relative agreement required between the difficulties days imply (measured 1.2e-8). */
export const DIFFICULTY_TOLERANCE = 1e-6;
/** The protocol limits a retarget to a factor of 4 either way. */
export const MAX_RETARGET_FACTOR = 4;

/**
 * The mean difficulty a day's hashrate and block count imply (the Coin Metrics `DiffMean`
 * identity): `hashrate_ths × 1e12 × 86400 ÷ (blocks × 2^32)`.
 *
 * @example
 * ```ts
 * import { impliedDifficulty } from "./network_days_difficulty.ts";
 * import assert from "node:assert/strict";
 *
 * // 144 blocks at difficulty 1 take 144 × 2^32 hashes in a day.
 * const hashrateThs = 144 * 2 ** 32 / 86_400 / 1e12;
 * assert.ok(Math.abs(impliedDifficulty({ hashrateThs, blocks: 144 }) - 1) < 1e-12);
 * ```
 */
export function impliedDifficulty(day: Pick<NetworkDay, "hashrateThs" | "blocks">): number {
  return (day.hashrateThs * 1e12 * 86_400) / (day.blocks * 2 ** 32);
}

/** A difficulty period whose difficulty is known, and the day that showed it. */
interface KnownPeriod {
  readonly index: number;
  readonly difficulty: number;
  readonly day: NetworkDay;
}

const close = (a: number, b: number) => Math.abs(a - b) <= DIFFICULTY_TOLERANCE * Math.abs(b);

/**
 * A checker for `days` (in date order, heights continuous): call it with each index in turn;
 * it throws a {@linkcode CsvError} at the first day whose hashrate and block count disagree with
 * the difficulty of its period, when `report` is true (days before the ones being checked only
 * teach it the difficulties). A day that opens a new period is compared with the next two days
 * inside that period, so a bad day is named at its own line, not at the good day after it.
 *
 * @example
 * ```ts
 * import { difficultyCheck } from "./network_days_difficulty.ts";
 * import assert from "node:assert/strict";
 *
 * const at = (i: number, blocks: number, hashrateThs: number) => ({
 *   date: `2024-05-0${i + 1}`, blocks, heightEnd: 842_000 + 144 * (i + 1), hashrateThs,
 *   subsidyBtc: 450, feesBtc: 10, priceUsd: 64_000, file: "btc.csv", line: i + 2,
 * });
 * const days = [at(0, 144, 6e8), at(1, 144, 6e8), at(2, 144, 3e9), at(3, 144, 6e8)];
 * const check = difficultyCheck(days);
 * check(0, true);
 * check(1, true);
 * assert.throws(() => check(2, true), /btc\.csv:4: column "HashRate": 2024-05-03: 3000000000/);
 * ```
 */
export function difficultyCheck(
  days: readonly NetworkDay[],
): (i: number, report: boolean) => void {
  let known: KnownPeriod | undefined;
  return (i, report) => {
    const day = days[i]!;
    if (day.blocks === 0 || !(day.hashrateThs > 0)) return;
    const difficulty = impliedDifficulty(day);
    const first = day.heightEnd - day.blocks + 1;
    const startPeriod = Math.floor(first / RETARGET_INTERVAL);
    const endPeriod = Math.floor(day.heightEnd / RETARGET_INTERVAL);
    if (endPeriod - startPeriod > 1) {
      if (report) {
        throw new CsvError(
          day.file,
          day.line,
          day.blocksColumn ?? "BlkCnt",
          `${day.date}: ${day.blocks} blocks in a day span more than a difficulty period ` +
            `(${RETARGET_INTERVAL} blocks); no day has had more than 692 (2010-07-16)`,
        );
      }
      known = undefined;
      return;
    }
    if (known !== undefined && startPeriod === known.index && endPeriod === known.index) {
      if (report && !close(difficulty, known.difficulty)) {
        throw mismatch(days, i, difficulty, known.difficulty, known.day);
      }
      return;
    }
    // The day opens period `endPeriod`: its first `oldBlocks` blocks belong to the period before.
    const previous = known?.index === endPeriod - 1 ? known : undefined;
    const oldBlocks = startPeriod === endPeriod ? 0 : endPeriod * RETARGET_INTERVAL - first;
    if (oldBlocks > 0 && previous === undefined) {
      known = undefined; // the old period's difficulty is unknown: nothing to check against
      return;
    }
    const oldDifficulty = previous?.difficulty ?? 0;
    const mix = (next: number) =>
      (oldBlocks * oldDifficulty + (day.blocks - oldBlocks) * next) / day.blocks;
    const agrees = (next: number) => close(difficulty, mix(next));
    const proposed = (day.blocks * difficulty - oldBlocks * oldDifficulty) /
      (day.blocks - oldBlocks);
    const withinRetarget = (next: number) =>
      previous === undefined ||
      (next <= previous.difficulty * MAX_RETARGET_FACTOR * (1 + DIFFICULTY_TOLERANCE) &&
        next * MAX_RETARGET_FACTOR * (1 + DIFFICULTY_TOLERANCE) >= previous.difficulty);
    const [next1, next2] = daysInsidePeriod(days, i, endPeriod);
    let accepted: number | undefined;
    if (next1 === undefined) {
      if (withinRetarget(proposed)) accepted = proposed;
    } else if (agrees(next1.difficulty)) {
      accepted = next1.difficulty;
    } else if (next2 !== undefined && agrees(next2.difficulty)) {
      accepted = next2.difficulty; // the day after is the odd one: named when its turn comes
    } else if (!withinRetarget(next1.difficulty) && withinRetarget(proposed)) {
      accepted = proposed; // the days after jump by more than a retarget allows: they are wrong
    }
    if (accepted === undefined) {
      if (report) {
        if (next1 === undefined) {
          throw retargetTooLarge(days, i, difficulty, proposed, previous!);
        }
        throw mismatch(days, i, difficulty, mix(next1.difficulty), next1.day);
      }
      accepted = next1?.difficulty ?? proposed;
    }
    known = { index: endPeriod, difficulty: accepted, day };
  };
}

/** The next two days after `i` whose blocks all lie in `period`, with their difficulty. */
function daysInsidePeriod(
  days: readonly NetworkDay[],
  i: number,
  period: number,
): { day: NetworkDay; difficulty: number }[] {
  const found: { day: NetworkDay; difficulty: number }[] = [];
  for (let j = i + 1; j < days.length && found.length < 2; j++) {
    const day = days[j]!;
    if (day.blocks === 0 || !(day.hashrateThs > 0)) continue;
    const start = Math.floor((day.heightEnd - day.blocks + 1) / RETARGET_INTERVAL);
    if (start > period) break;
    if (start === period && Math.floor(day.heightEnd / RETARGET_INTERVAL) === period) {
      found.push({ day, difficulty: impliedDifficulty(day) });
    }
  }
  return found;
}

/**
 * Which input is wrong when hashrate and blocks disagree: the one further from the week before
 * (a hashrate typo leaves the block count ordinary; scaled blocks leave the hashrate ordinary).
 */
function blamedColumn(days: readonly NetworkDay[], i: number): "HashRate" | "blocks" {
  const hashrates: number[] = [];
  const blocks: number[] = [];
  for (let j = i - 1; j >= 0 && blocks.length < 7; j--) {
    const d = days[j]!;
    if (d.blocks > 0 && d.hashrateThs > 0) {
      hashrates.push(d.hashrateThs);
      blocks.push(d.blocks);
    }
  }
  if (blocks.length === 0) return "HashRate";
  const day = days[i]!;
  const hashrateOff = Math.abs(Math.log(day.hashrateThs / median(hashrates)));
  const blocksOff = Math.abs(Math.log(day.blocks / median(blocks)));
  return blocksOff > hashrateOff ? "blocks" : "HashRate";
}

/**
 * The median of `values` (not empty).
 *
 * @example
 * ```ts
 * import { median } from "./network_days_difficulty.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(median([3, 1, 2]), 2);
 * assert.equal(median([4, 1, 3, 2]), 2.5);
 * ```
 */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function mismatch(
  days: readonly NetworkDay[],
  i: number,
  difficulty: number,
  expected: number,
  reference: NetworkDay,
): CsvError {
  const day = days[i]!;
  const first = day.heightEnd - day.blocks + 1;
  const which = blamedColumn(days, i);
  const column = which === "HashRate" ? "HashRate" : day.blocksColumn ?? "BlkCnt";
  const value = which === "HashRate"
    ? `${day.hashrateThs} TH/s over ${day.blocks} blocks`
    : `${day.blocks} blocks at ${day.hashrateThs} TH/s`;
  return new CsvError(
    day.file,
    day.line,
    column,
    `${day.date}: ${value} imply a difficulty of ${difficulty.toPrecision(6)}, but blocks ` +
      `${first}..${day.heightEnd} were mined at ${expected.toPrecision(6)} (the difficulty ` +
      `period of ${reference.date}, ${reference.file}:${reference.line}); difficulty changes ` +
      `only every ${RETARGET_INTERVAL} blocks`,
  );
}

function retargetTooLarge(
  days: readonly NetworkDay[],
  i: number,
  difficulty: number,
  proposed: number,
  previous: KnownPeriod,
): CsvError {
  const day = days[i]!;
  const which = blamedColumn(days, i);
  const column = which === "HashRate" ? "HashRate" : day.blocksColumn ?? "BlkCnt";
  return new CsvError(
    day.file,
    day.line,
    column,
    `${day.date}: ${day.hashrateThs} TH/s over ${day.blocks} blocks imply a difficulty of ` +
      `${difficulty.toPrecision(6)}, a retarget from ${previous.difficulty.toPrecision(6)} ` +
      `(${previous.day.date}) to ${proposed.toPrecision(6)}; a retarget changes difficulty ` +
      `by at most ${MAX_RETARGET_FACTOR}× either way`,
  );
}
