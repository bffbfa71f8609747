/**
 * An ASIC model row together with the input line it was read from and what the input says of
 * its source, so that checks across the inputs (F2Pool's list and the facts file) can name both
 * places and choose between sources that disagree. Internal to `lib/ingest`.
 *
 * @module
 */
import { CsvError, quote } from "../data/csv.ts";
import type { AsicModel } from "../data/asic_models.ts";

/** A dataset row and where it came from, for error messages and the choice between sources. */
export interface LocatedModel {
  /** The row as it will be written. */
  readonly row: AsicModel;
  /** The input file it was read from. */
  readonly file: string;
  /** Its line there. */
  readonly line: number;
  /** The kind of source as the input names it, e.g. `"news"`, `"reseller page (weak)"`. */
  readonly sourceType: string;
  /** The source's date as the input gives it (`YYYY-MM-DD`, `YYYY-MM` or `""`). */
  readonly sourceDate: string;
  /** The input marks the row as one side of a conflict between sources (`CONFLICT` in notes). */
  readonly conflict: boolean;
}

/**
 * Throws a {@linkcode CsvError} at a row whose manufacturer + model (ignoring case) repeats an
 * earlier one, naming both places, unless the two are a documented conflict: both rows marked
 * `conflict` by their input, each citing its own source.
 *
 * @example
 * ```ts
 * import { checkUnique } from "./_asic_rows.ts";
 * import type { AsicModel } from "../data/asic_models.ts";
 * import assert from "node:assert/strict";
 *
 * const row = { manufacturer: "Bitmain", model: "Antminer S9", source: "https://a" } as AsicModel;
 * const at = { sourceType: "news", sourceDate: "", conflict: false };
 * checkUnique([{ row, file: "a.csv", line: 2, ...at }]);
 * assert.throws(
 *   () => checkUnique([{ row, file: "a.csv", line: 2, ...at }, { row, file: "b.csv", line: 7, ...at }]),
 *   /^CsvError: b\.csv:7: column "model": "Bitmain Antminer S9" is already listed at a\.csv:2/,
 * );
 * const other = { ...row, source: "https://b" };
 * const conflict = { ...at, conflict: true };
 * checkUnique([{ row, file: "a.csv", line: 2, ...conflict }, { row: other, file: "a.csv", line: 3, ...conflict }]);
 * ```
 */
export function checkUnique(rows: readonly LocatedModel[]): void {
  const seen = new Map<string, LocatedModel[]>();
  for (const located of rows) {
    const { row } = located;
    const key = `${row.manufacturer}\u0000${row.model}`.toLowerCase();
    const earlier = seen.get(key) ?? [];
    const name = quote(`${row.manufacturer} ${row.model}`);
    const undocumented = earlier.find((first) => !(first.conflict && located.conflict));
    if (undocumented !== undefined) {
      throw new CsvError(
        located.file,
        located.line,
        "model",
        `${name} is already listed at ${undocumented.file}:${undocumented.line}; a manufacturer ` +
          '+ model may repeat only as a conflict between sources, marked "CONFLICT" in the notes ' +
          "of both rows",
      );
    }
    const sameSource = earlier.find((first) => first.row.source === row.source);
    if (sameSource !== undefined) {
      throw new CsvError(
        located.file,
        located.line,
        "source_url",
        `${name} is already listed at ${sameSource.file}:${sameSource.line} with the same ` +
          "source; a conflict is between two sources, one row each",
      );
    }
    seen.set(key, [...earlier, located]);
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
