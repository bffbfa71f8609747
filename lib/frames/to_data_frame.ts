/**
 * A danfo.js DataFrame of typed columns or of a loader's rows, for notebooks; danfo loads at the
 * first call (its base build, without the file readers: `_load_danfo.ts`), and its frames show
 * themselves as tables when a cell ends in one ({@linkcode installFrameDisplay}).
 *
 * @module
 */
import { installFrameDisplay } from "../charts/frame_display.ts";
import { type Danfo, loadDanfo } from "./_load_danfo.ts";
export type { Danfo };

/** Columns as a model sees them: dates or text in arrays, numbers in typed arrays. */
export type ColumnTable<T = Record<string, unknown>> = { [K in keyof T]: FrameColumn };
/** One column: text or dates, numbers, or a count (a `length` field, skipped). */
export type FrameColumn = readonly string[] | Float64Array | number;
/** One row as a loader returns it: a flat object of text, numbers and flags. */
export type FrameRow<T = Record<string, unknown>> = { [K in keyof T]: string | number | boolean };

/**
 * A danfo DataFrame with one column per array in `table` (the `length` field is skipped), or,
 * given rows, one column per field of the first row (every row must have the same fields).
 *
 * @example
 * ```ts
 * import { toDataFrame } from "./to_data_frame.ts";
 * import assert from "node:assert/strict";
 *
 * const df = await toDataFrame({ date: ["2024-04-20"], price_usd: new Float64Array([64000]), length: 1 });
 * assert.deepEqual(df.columns, ["date", "price_usd"]);
 * const rows = await toDataFrame([{ model: "S21", j_per_th: 17.5 }, { model: "S19", j_per_th: 34 }]);
 * assert.deepEqual(rows.shape, [2, 2]);
 * await assert.rejects(toDataFrame([{ model: "S21" }, { name: "S19" }]), /row 1 has fields "name"/);
 * ```
 */
export async function toDataFrame<C extends ColumnTable<C>, R extends FrameRow<R>>(
  table: C | readonly R[],
): Promise<InstanceType<Danfo["DataFrame"]>> {
  const data: Record<string, (string | number | boolean)[]> = {};
  if (Array.isArray(table)) {
    const names = Object.keys(table[0] ?? {});
    for (const name of names) data[name] = table.map((row: FrameRow) => row[name]!);
    const quoted = (fields: string[]) => fields.map((f) => JSON.stringify(f)).join(", ");
    table.forEach((row: FrameRow, i) => {
      if (quoted(Object.keys(row)) === quoted(names)) return;
      const fields = `row ${i} has fields ${quoted(Object.keys(row))}, row 0 ${quoted(names)}`;
      throw new TypeError(`Cannot make a DataFrame: ${fields}`);
    });
  } else {
    for (const [name, column] of Object.entries(table as ColumnTable)) {
      if (typeof column !== "number") data[name] = Array.from(column as ArrayLike<string>);
    }
  }
  const danfo = await loadDanfo();
  installFrameDisplay(danfo);
  return new danfo.DataFrame(data);
}
