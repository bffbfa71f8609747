/**
 * A danfo.js DataFrame view of typed columns, for notebooks. danfo is imported lazily (it loads
 * TensorFlow.js, about a second) and nothing in the models depends on it.
 *
 * @module
 */

/** Columns as a model sees them: dates or text in arrays, numbers in typed arrays. */
export type ColumnTable = Readonly<Record<string, readonly string[] | Float64Array | number>>;

/**
 * A danfo DataFrame with one column per array in `table` (the `length` field is skipped).
 *
 * @example
 * ```ts
 * import { toDataFrame } from "./frame.ts";
 * import assert from "node:assert/strict";
 *
 * const df = await toDataFrame({ date: ["2024-04-20"], price_usd: new Float64Array([64000]), length: 1 });
 * assert.deepEqual(df.columns, ["date", "price_usd"]);
 * assert.deepEqual(df.shape, [1, 2]);
 * ```
 */
export async function toDataFrame(table: ColumnTable): Promise<import("danfojs").DataFrame> {
  const dfd = await import("danfojs");
  const data: Record<string, (string | number)[]> = {};
  for (const [name, column] of Object.entries(table)) {
    if (typeof column === "number") continue;
    data[name] = Array.from(column as ArrayLike<string | number>);
  }
  return new dfd.DataFrame(data);
}
