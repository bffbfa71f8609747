/**
 * Atomic file output: write a temporary file beside the target, then rename it over the
 * target. A reader never sees a half-written file, and a failure leaves the old file as it was.
 *
 * @module
 */

/**
 * Writes `data` to `path` atomically.
 *
 * @example
 * ```ts
 * import { writeFileAtomic } from "./write_atomic.ts";
 * import assert from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir();
 * await writeFileAtomic(`${dir}/a.txt`, "hello");
 * assert.equal(await Deno.readTextFile(`${dir}/a.txt`), "hello");
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const slash = path.lastIndexOf("/");
  const dir = slash === -1 ? "." : path.slice(0, slash) || "/";
  const name = path.slice(slash + 1);
  const temp = `${dir}/.${name}.${crypto.randomUUID().slice(0, 8)}.tmp`;
  try {
    if (typeof data === "string") await Deno.writeTextFile(temp, data);
    else await Deno.writeFile(temp, data);
    await Deno.rename(temp, path);
  } catch (error) {
    await Deno.remove(temp).catch(() => {});
    throw error;
  }
}
