/**
 * `deno task report`'s command line for a child process (the report tests and benchmarks run the
 * real command): the task's own permissions, except that it may write only `writable` and /tmp.
 *
 * @module
 */

/**
 * Arguments to `deno` that run the report with notes written to `out`, then `args`.
 *
 * @example
 * ```ts
 * import { reportArgs } from "./report_args.ts";
 * import assert from "node:assert/strict";
 *
 * const args = reportArgs("/tmp/notes", ["--no-execute"]);
 * assert.deepEqual(args.slice(-4), ["lib/cli/report.ts", "--out", "/tmp/notes", "--no-execute"]);
 * assert.ok(args.includes("--allow-write=/tmp/notes,/tmp"));
 * assert.ok(reportArgs("/w/out", [], "/w").includes("--allow-write=/w,/tmp"));
 * ```
 */
export function reportArgs(out: string, args: readonly string[], writable = out): string[] {
  return [
    "run",
    "--allow-read",
    `--allow-write=${writable},/tmp`,
    "--allow-env",
    "--allow-run",
    "--allow-net=127.0.0.1",
    "--allow-sys",
    "--allow-ffi",
    "lib/cli/report.ts",
    "--out",
    out,
    ...args,
  ];
}
