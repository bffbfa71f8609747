/**
 * The Levenshtein distance between two names, for the "did you mean" of an error message: the
 * dataset loaders suggest a GPU model, the notebook parameters a parameter. On the ground floor so
 * that both can use it.
 *
 * @module
 */

/**
 * Insertions, deletions and substitutions that turn `a` into `b`, letter case ignored.
 *
 * @example
 * ```ts
 * import { editDistance } from "./edit_distance.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(editDistance("kitten", "sitting"), 3);
 * assert.equal(editDistance("H100 SXM", "h100 sxm"), 0);
 * assert.equal(editDistance("", "abc"), 3);
 * ```
 */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let row = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const next = [i];
    for (let j = 1; j <= y.length; j++) {
      next[j] = Math.min(
        row[j]! + 1,
        next[j - 1]! + 1,
        row[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1),
      );
    }
    row = next;
  }
  return row[y.length]!;
}
