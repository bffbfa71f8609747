/**
 * Shards: `--shard i/n` renders only the notes whose 0-based index in the run's stable order,
 * taken mod `n`, equals `i − 1`, so that `n` machines (a CI matrix, an indexed job) given `1/n`
 * … `n/n` render every note of a pack exactly once between them.
 *
 * @module
 */

/** Shard `index` (1-based) of `count`. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/**
 * Parses `i/n` with whole numbers 1 ≤ i ≤ n.
 *
 * @example
 * ```ts
 * import { parseShard } from "./shard.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(parseShard("2/4"), { index: 2, count: 4 });
 * assert.throws(() => parseShard("0/4"), /Cannot use --shard 0\/4: expected i\/n with 1 ≤ i ≤ n/);
 * assert.throws(() => parseShard("5/4"), /--shard 5\/4/);
 * assert.throws(() => parseShard("1-4"), /--shard 1-4/);
 * ```
 */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (m === null || !(index >= 1 && index <= count)) {
    throw new TypeError(
      `Cannot use --shard ${text}: expected i/n with 1 ≤ i ≤ n, e.g. --shard 1/4 … --shard 4/4`,
    );
  }
  return { index, count };
}

/**
 * The items of shard `shard`: those whose 0-based index mod `count` is `index − 1`, in order.
 *
 * @example
 * ```ts
 * import { shardItems } from "./shard.ts";
 * import assert from "node:assert/strict";
 *
 * const notes = ["a", "b", "c", "d", "e"];
 * assert.deepEqual(shardItems(notes, { index: 1, count: 2 }), ["a", "c", "e"]);
 * assert.deepEqual(shardItems(notes, { index: 2, count: 2 }), ["b", "d"]);
 * assert.deepEqual(shardItems(notes, { index: 3, count: 8 }), ["c"]);
 * ```
 */
export function shardItems<T>(items: readonly T[], shard: Shard): T[] {
  return items.filter((_, i) => i % shard.count === shard.index - 1);
}
