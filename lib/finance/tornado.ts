/**
 * One-at-a-time sensitivity: the data of a tornado chart.
 *
 * @module
 */
import { finite } from "../units/checks.ts";
import { checkBase, checkModel, run } from "./_model_runs.ts";

/** A model for sensitivity work: named numeric inputs to one number (an NPV, an IRR…). */
export type ScalarModel = (inputs: Record<string, number>) => number;

/** Options of {@linkcode tornado}. */
export interface TornadoOptions {
  /** Base-case inputs; every key of `ranges` must be here. Required. */
  readonly base: Readonly<Record<string, number>>;
  /** `[low, high]` test values per input varied. Required. */
  readonly ranges: Readonly<Record<string, readonly [number, number]>>;
}

/** One bar of a tornado chart. */
export interface TornadoRow {
  /** Input varied (the others stay at base). */
  readonly input: string;
  /** Low test value of the input. */
  readonly low: number;
  /** High test value of the input. */
  readonly high: number;
  /** Model output with the input at `low`. */
  readonly outputLow: number;
  /** Model output with the input at `high`. */
  readonly outputHigh: number;
  /** `|outputHigh − outputLow|`: the bar's length. */
  readonly swing: number;
}

/** Result of {@linkcode tornado}. */
export interface Tornado {
  /** Model output at the base case. */
  readonly baseOutput: number;
  /** One row per input in `ranges`, widest swing first (ties keep the order of `ranges`). */
  readonly rows: TornadoRow[];
}

/**
 * Runs `model` at the base case, then once with each input at its low and at its high value
 * (the others at base), and sorts the inputs by swing. The model's inputs are copied for each
 * run, so a model cannot disturb the base case. A non-finite output is an error naming the run.
 *
 * @example Margin = price × volume − cost
 * ```ts
 * import { tornado } from "./tornado.ts";
 * import assert from "node:assert/strict";
 *
 * const margin = (x: Record<string, number>) => x.price! * x.volume! - x.cost!;
 * const t = tornado(margin, {
 *   base: { price: 10, volume: 100, cost: 500 },
 *   ranges: { price: [8, 12], volume: [90, 110], cost: [400, 700] },
 * });
 * assert.equal(t.baseOutput, 500);
 * assert.deepEqual(t.rows.map((r) => [r.input, r.swing]), [["price", 400], ["cost", 300], ["volume", 200]]);
 * assert.equal(t.rows[1]!.outputLow, 600); // cost at 400
 * ```
 */
export function tornado(model: ScalarModel, options: TornadoOptions): Tornado {
  const { base, ranges } = options;
  checkModel(model);
  checkBase(base);
  const baseOutput = run(model, { ...base }, "the base case");
  const rows: TornadoRow[] = [];
  for (const [input, range] of Object.entries(ranges)) {
    if (!Object.hasOwn(base, input)) {
      throw new RangeError(
        `Cannot use ranges.${input}: expected an input of base (${
          Object.keys(base).join(", ")
        }), got "${input}"`,
      );
    }
    if (!Array.isArray(range) || range.length !== 2) {
      throw new TypeError(`Cannot use ranges.${input}: expected [low, high], got ${String(range)}`);
    }
    const low = finite(`ranges.${input}[0]`, range[0]);
    const high = finite(`ranges.${input}[1]`, range[1]);
    const outputLow = run(model, { ...base, [input]: low }, `${input} = ${low}`);
    const outputHigh = run(model, { ...base, [input]: high }, `${input} = ${high}`);
    rows.push({ input, low, high, outputLow, outputHigh, swing: Math.abs(outputHigh - outputLow) });
  }
  rows.sort((a, b) => b.swing - a.swing);
  return { baseOutput, rows };
}
