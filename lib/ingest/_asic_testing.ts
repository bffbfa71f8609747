/**
 * Test support for the ASIC datasets: where a copy of F2Pool's device list may be found. The
 * list is not part of the project (its repository states no licence), so the tests that need it
 * run only where a copy exists: `$F2POOL_DEVICES_CSV`, else the public inputs folder kept beside
 * the project (`../shared/data/raw/…`). Nothing outside `lib/ingest` imports it.
 *
 * @module
 */
import { fileExists } from "./_testing.ts";
import { F2POOL_DEVICES_INPUT } from "./_asic_f2pool.ts";

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
  let fromEnv: string | undefined;
  try {
    fromEnv = Deno.env.get("F2POOL_DEVICES_CSV");
  } catch {
    fromEnv = undefined; // no --allow-env: look only beside the project
  }
  const path = fromEnv ??
    new URL(`../../../shared/data/${F2POOL_DEVICES_INPUT}`, import.meta.url).pathname;
  return fileExists(path) ? path : undefined;
}
