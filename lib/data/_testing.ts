/**
 * Assertions on {@linkcode CsvError}, the error every parser and loader of `lib/data` throws on a
 * bad cell. Test support only: the tests of `lib/data` and of the build (`lib/ingest`), which
 * rejects bad inputs with the same error, use it.
 *
 * @module
 */
import assert from "node:assert/strict";
import { CsvError } from "./csv.ts";

/**
 * A predicate for `assert.rejects`: asserts the error is a {@linkcode CsvError} whose message is
 * exactly `expected`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { CsvError } from "./csv.ts";
 * import { csvErrorWithMessage } from "./_testing.ts";
 *
 * const error = new CsvError("f.csv", 2, "value", "expected a number");
 * await assert.rejects(() => Promise.reject(error), csvErrorWithMessage(error.message));
 * assert.throws(() => csvErrorWithMessage("x")(new Error("x")), /expected a CsvError/);
 * ```
 */
export function csvErrorWithMessage(expected: string): (error: unknown) => true {
  return (error) => {
    assert.ok(error instanceof CsvError, `expected a CsvError, got ${error}`);
    assert.equal(error.message, expected);
    return true;
  };
}

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
