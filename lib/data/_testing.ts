/**
 * An assertion on {@linkcode CsvError}, the error every parser and loader of `lib/data` throws on
 * a bad cell. Test support only, for the tests of `lib/data`.
 *
 * @module
 */
import assert from "node:assert/strict";
import { CsvError } from "./csv.ts";

/**
 * Asserts `fn` throws a {@linkcode CsvError} for file `f.csv` whose message matches `pattern`
 * and whose line and column are `where`.
 *
 * @example
 * ```ts
 * import { CsvError } from "./csv.ts";
 * import { assertCsvError } from "./_testing.ts";
 *
 * assertCsvError(() => {
 *   throw new CsvError("f.csv", 3, "price_usd", 'expected a number, found "abc"');
 * }, /found "abc"$/, { line: 3, column: "price_usd" });
 * ```
 */
export function assertCsvError(
  fn: () => unknown,
  pattern: RegExp,
  where: { line: number; column?: string },
): void {
  assert.throws(fn, (e) => {
    assert.ok(e instanceof CsvError, `expected a CsvError, got ${e}`);
    assert.match(e.message, pattern);
    assert.equal(e.file, "f.csv");
    assert.equal(e.line, where.line);
    assert.equal(e.column, where.column);
    assert.equal(e.name, "CsvError");
    return true;
  });
}
