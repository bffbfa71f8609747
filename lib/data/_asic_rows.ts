/**
 * An ASIC model row together with the input line it was read from, so that checks across the
 * inputs (F2Pool's list and the facts file) can name both places. Internal to `lib/data`.
 *
 * @module
 */
import { CsvError, quote } from "./csv.ts";
import type { AsicModel } from "./asic_models.ts";

/** A dataset row and where it came from, for error messages about it. */
export interface LocatedModel {
  /** The row as it will be written. */
  readonly row: AsicModel;
  /** The input file it was read from. */
  readonly file: string;
  /** Its line there. */
  readonly line: number;
}

/**
 * Throws a {@linkcode CsvError} at the second row whose manufacturer + model (ignoring case)
 * repeats an earlier one, naming both places.
 *
 * @example
 * ```ts
 * import { checkUnique } from "./_asic_rows.ts";
 * import type { AsicModel } from "./asic_models.ts";
 * import assert from "node:assert/strict";
 *
 * const row = { manufacturer: "Bitmain", model: "Antminer S9" } as AsicModel;
 * checkUnique([{ row, file: "a.csv", line: 2 }]);
 * assert.throws(
 *   () => checkUnique([{ row, file: "a.csv", line: 2 }, { row, file: "b.csv", line: 7 }]),
 *   /^CsvError: b\.csv:7: column "model": "Bitmain Antminer S9" is already listed at a\.csv:2/,
 * );
 * ```
 */
export function checkUnique(rows: readonly LocatedModel[]): void {
  const seen = new Map<string, LocatedModel>();
  for (const located of rows) {
    const key = `${located.row.manufacturer}\u0000${located.row.model}`.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      throw new CsvError(
        located.file,
        located.line,
        "model",
        `${quote(`${located.row.manufacturer} ${located.row.model}`)} is already listed at ` +
          `${first.file}:${first.line}; each manufacturer + model must appear once`,
      );
    }
    seen.set(key, located);
  }
}

/**
 * `1234.5678` → `1234.568`: seven significant digits, for numbers in messages.
 *
 * @example
 * ```ts
 * import { roundForMessage } from "./_asic_rows.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(roundForMessage(3250 / 110), 29.54545);
 * ```
 */
export function roundForMessage(value: number): number {
  return Number(value.toPrecision(7));
}
