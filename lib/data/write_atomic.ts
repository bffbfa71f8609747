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
  const temp = tempPathFor(path);
  try {
    if (typeof data === "string") await Deno.writeTextFile(temp, data);
    else await Deno.writeFile(temp, data);
    await Deno.rename(temp, path);
  } catch (error) {
    await Deno.remove(temp).catch(() => {});
    throw error;
  }
}

/**
 * Replaces several files together: every temporary file is written first, then each is renamed
 * over its target. If anything fails, the targets already replaced get their old contents back,
 * so a dataset never sits beside the provenance of another.
 *
 * @example
 * ```ts
 * import { writeFilesAtomic } from "./write_atomic.ts";
 * import assert from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir();
 * await writeFilesAtomic([{ path: `${dir}/a`, data: "1" }, { path: `${dir}/b`, data: "2" }]);
 * assert.equal(await Deno.readTextFile(`${dir}/b`), "2");
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function writeFilesAtomic(
  files: readonly { readonly path: string; readonly data: string | Uint8Array }[],
): Promise<void> {
  const staged: { path: string; temp: string; old: Uint8Array | undefined }[] = [];
  const replaced: typeof staged = [];
  try {
    for (const file of files) {
      const temp = tempPathFor(file.path);
      const old = await Deno.readFile(file.path).catch(() => undefined);
      staged.push({ path: file.path, temp, old });
      if (typeof file.data === "string") await Deno.writeTextFile(temp, file.data);
      else await Deno.writeFile(temp, file.data);
    }
    for (const s of staged) {
      await Deno.rename(s.temp, s.path);
      replaced.push(s);
    }
  } catch (error) {
    for (const s of staged) await Deno.remove(s.temp).catch(() => {});
    for (const s of replaced) {
      if (s.old === undefined) await Deno.remove(s.path).catch(() => {});
      else await writeFileAtomic(s.path, s.old).catch(() => {});
    }
    throw error;
  }
}

function tempPathFor(path: string): string {
  const slash = path.lastIndexOf("/");
  const dir = slash === -1 ? "." : path.slice(0, slash) || "/";
  return `${dir}/.${path.slice(slash + 1)}.${crypto.randomUUID().slice(0, 8)}.tmp`;
}
