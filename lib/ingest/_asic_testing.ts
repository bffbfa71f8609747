/**
 * Test support for the ASIC datasets: where a copy of F2Pool's device list may be found. The
 * list is not part of the project (its repository states no licence), so the two tests that read
 * the real file run only when the person running the tests names a copy in `$F2POOL_DEVICES_CSV`
 * (how the carried-over rows are checked without it is tested on fixtures). Nothing outside
 * `lib/ingest` imports it.
 *
 * @module
 */
import { fileExists } from "./_testing.ts";

/**
 * The path of a copy of F2Pool's `mining-devices.csv`, or `undefined` when there is none.
 *
 * @example
 * ```ts
 * import { rawF2poolList } from "./_asic_testing.ts";
 * import assert from "node:assert/strict";
 *
 * const path = rawF2poolList();
 * assert.ok(path === undefined || path.endsWith(".csv"));
 * ```
 */
export function rawF2poolList(): string | undefined {
  let path: string | undefined;
  try {
    path = Deno.env.get("F2POOL_DEVICES_CSV");
  } catch {
    return undefined; // no --allow-env: no copy can be named
  }
  return path !== undefined && fileExists(path) ? path : undefined;
}
