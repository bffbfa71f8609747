/**
 * Helpers shared by the data build tests: temp workspaces under /tmp (the only place tests may
 * write), a source folder holding one fixture input, and the checks every build test makes on a
 * rejected input. Test support only; nothing outside `lib/ingest` imports it.
 *
 * @module
 */
import assert from "node:assert/strict";
import { CsvError } from "../data/csv.ts";

/**
 * A predicate for `assert.rejects`: asserts the error is a {@linkcode CsvError} whose message is
 * exactly `expected`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { CsvError } from "../data/csv.ts";
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
 * A build log that drops every line.
 *
 * @example Logs nothing
 * ```ts
 * import assert from "node:assert/strict";
 * import { quiet } from "./_testing.ts";
 *
 * assert.equal(quiet("asic_prices.csv: 2 price points"), undefined);
 * ```
 */
export const quiet = (_line: string): void => {};

/**
 * Whether a file or folder exists at `path`; used to skip tests whose real inputs are absent.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { fileExists } from "./_testing.ts";
 *
 * assert.equal(fileExists(new URL(import.meta.url)), true);
 * assert.equal(fileExists("/tmp/mullet_no_such_file"), false);
 * ```
 */
export function fileExists(path: string | URL): boolean {
  try {
    Deno.statSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `fn` with a fresh temp dir under /tmp named `prefix…`; removes the dir afterwards, even
 * if `fn` throws, and returns what `fn` returns.
 *
 * @example The dir exists only while `fn` runs
 * ```ts
 * import assert from "node:assert/strict";
 * import { fileExists, withTempDir } from "./_testing.ts";
 *
 * const dir = await withTempDir("mullet_example_", (dir) => {
 *   assert.ok(fileExists(dir));
 *   return Promise.resolve(dir);
 * });
 * assert.ok(!fileExists(dir));
 * ```
 */
export async function withTempDir<T>(
  prefix: string,
  fn: (dir: string) => Promise<T>,
): Promise<T> {
  const dir = await Deno.makeTempDir({ dir: "/tmp", prefix });
  try {
    return await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** Where a {@linkcode sourceFixture} puts its input, and the build it checks. */
export interface SourceFixtureOptions {
  /** The input's path inside the source folder, e.g. `facts/asic_price_points.csv`. */
  readonly input: string;
  /** The temp folder's name prefix, e.g. `mullet_asic_prices_build_`. */
  readonly prefix: string;
  /** Runs the build on a source folder. */
  readonly build: (sourceDir: string) => Promise<unknown>;
}

/** Temp source folders holding one input, and the checks a build test makes with them. */
export interface SourceFixture {
  /** Runs `fn` with a temp source folder holding `content` as the input, at `path`. */
  withSource(content: string, fn: (dir: string, path: string) => Promise<void>): Promise<void>;
  /** Asserts the build rejects `content` with a CsvError whose message is `expected(path)`. */
  assertRejected(content: string, expected: (path: string) => string): Promise<void>;
  /** Asserts the build on a source folder without the input fails with "Cannot read …". */
  assertMissingInput(): Promise<void>;
}

/**
 * Fixtures for a build that reads one input file from a source folder.
 *
 * @example A build that reads its input back
 * ```ts
 * import assert from "node:assert/strict";
 * import { CsvError } from "../data/csv.ts";
 * import { sourceFixture } from "./_testing.ts";
 *
 * const { withSource, assertRejected, assertMissingInput } = sourceFixture({
 *   input: "facts/points.csv",
 *   prefix: "mullet_example_",
 *   async build(sourceDir) {
 *     const file = `${sourceDir}/facts/points.csv`;
 *     const text = await Deno.readTextFile(file).catch(() => {
 *       throw new Error(`Cannot read ${file}: no such file`);
 *     });
 *     if (text === "") throw new CsvError(file, 0, undefined, "the file is empty");
 *     return text;
 *   },
 * });
 * await withSource("a\n1\n", async (_dir, path) => {
 *   assert.equal(await Deno.readTextFile(path), "a\n1\n");
 * });
 * await assertRejected("", (path) => `${path}: the file is empty`);
 * await assertMissingInput();
 * ```
 */
export function sourceFixture(options: SourceFixtureOptions): SourceFixture {
  const { input, prefix, build } = options;
  const withSource = (content: string, fn: (dir: string, path: string) => Promise<void>) =>
    withTempDir(prefix, async (dir) => {
      const path = `${dir}/${input}`;
      await Deno.mkdir(path.slice(0, path.lastIndexOf("/")), { recursive: true });
      await Deno.writeTextFile(path, content);
      await fn(dir, path);
    });
  return {
    withSource,
    assertRejected: (content, expected) =>
      withSource(content, async (dir, path) => {
        await assert.rejects(() => build(dir), csvErrorWithMessage(expected(path)));
      }),
    assertMissingInput: () =>
      withTempDir(prefix, async (dir) => {
        await assert.rejects(
          () => build(dir),
          (e) => e instanceof Error && e.message === `Cannot read ${dir}/${input}: no such file`,
        );
      }),
  };
}
