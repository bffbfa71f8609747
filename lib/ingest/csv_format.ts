/**
 * Writing CSV: the inverse of {@linkcode parseCsv} for a schema. Cells that contain a comma,
 * quote or newline are quoted; numbers use the shortest form that reads back exactly; `NaN` in
 * an optional column is written as an empty cell.
 *
 * @module
 */
import type { Schema } from "../data/csv.ts";

/** A row keyed by column name. */
export type CsvRow = Readonly<Record<string, string | number>>;

/**
 * Quotes one cell when it needs it.
 *
 * @example
 * ```ts
 * import { csvCell } from "./csv_format.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(csvCell('say "hi", twice'), '"say ""hi"", twice"');
 * assert.equal(csvCell(NaN), "");
 * assert.equal(csvCell(0.1 + 0.2), "0.30000000000000004");
 * ```
 */
export function csvCell(value: string | number): string {
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "";
    if (!Number.isFinite(value)) throw new RangeError(`Cannot write ${value} to CSV: not finite`);
    return String(value);
  }
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * CSV text for `rows` with the schema's header, one line per row, ending with a newline.
 *
 * @example
 * ```ts
 * import { formatCsv } from "./csv_format.ts";
 * import { parseCsv } from "../data/csv.ts";
 * import assert from "node:assert/strict";
 *
 * const schema = [{ name: "gpu", type: "string" }, { name: "tdp_w", type: "number", optional: true }] as const;
 * const text = formatCsv(schema, [{ gpu: "H100, SXM", tdp_w: 700 }, { gpu: "B200", tdp_w: NaN }]);
 * assert.equal(text, 'gpu,tdp_w\n"H100, SXM",700\nB200,\n');
 * assert.deepEqual(parseCsv(text, schema).columns.gpu, ["H100, SXM", "B200"]);
 * ```
 */
export function formatCsv(schema: Schema, rows: readonly CsvRow[]): string {
  const names = schema.map((c) => c.name);
  const lines = [names.join(",")];
  for (const row of rows) {
    lines.push(
      names.map((name) => {
        const value = row[name];
        if (value === undefined) throw new TypeError(`Cannot write CSV: a row has no "${name}"`);
        return csvCell(value);
      }).join(","),
    );
  }
  return lines.join("\n") + "\n";
}
