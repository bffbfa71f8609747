/**
 * Atomic file output: write a temporary file beside the target, then rename it over the
 * target. A reader never sees a half-written file, and a failure leaves the old file as it was.
 * The temporary name carries the writer's pid, so that what a killed writer left behind can be
 * told from a write in progress and swept ({@linkcode sweepStaleTemps}).
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
  return `${dir}/.${path.slice(slash + 1)}.${Deno.pid}-${crypto.randomUUID().slice(0, 8)}.tmp`;
}

// `.name.<pid>-<hex>.tmp`; before the pid was added, `.name.<hex>.tmp`.
const TEMP_NAME = /^\..+\.(?:(\d+)-)?[0-9a-f]{8}\.tmp$/;
// A temporary file without a pid is swept once it is this old: no write takes so long.
const UNNAMED_WRITER_MS = 10 * 60_000;

/** Options of {@linkcode sweepStaleTemps}. */
export interface SweepOptions {
  /** Whether the process `pid` still runs (e.g. from `ps`); a temporary file is kept unless `false`. */
  isRunning: (pid: number) => boolean | undefined;
  /**
   * Also remove this process's own temporary files (it is about to exit).
   *
   * @default false
   */
  includeOwn?: boolean;
}

/**
 * Removes the temporary files that writers which no longer run left in `dir` (a writer killed
 * between writing and renaming); returns their paths. A file whose writer still runs is kept.
 * A missing `dir` has nothing to sweep.
 *
 * @example
 * ```ts
 * import { sweepStaleTemps } from "./write_atomic.ts";
 * import assert from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir();
 * const dead = 4_000_000;
 * await Deno.writeTextFile(`${dir}/.a.pdf.${dead}-0123abcd.tmp`, "half");
 * await Deno.writeTextFile(`${dir}/.b.pdf.${Deno.pid}-0123abcd.tmp`, "in progress");
 * const isRunning = (pid: number) => pid !== dead;
 * assert.deepEqual(await sweepStaleTemps(dir, { isRunning }), [`${dir}/.a.pdf.${dead}-0123abcd.tmp`]);
 * assert.equal((await sweepStaleTemps(dir, { isRunning, includeOwn: true })).length, 1);
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function sweepStaleTemps(dir: string, options: SweepOptions): Promise<string[]> {
  const swept: string[] = [];
  let entries: Deno.DirEntry[];
  try {
    entries = await Array.fromAsync(Deno.readDir(dir));
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return swept;
    throw error;
  }
  for (const entry of entries) {
    const match = entry.isFile ? TEMP_NAME.exec(entry.name) : null;
    if (match === null) continue;
    const path = `${dir}/${entry.name}`;
    const pid = match[1] === undefined ? undefined : Number(match[1]);
    const stale = pid === undefined
      ? await olderThan(path, UNNAMED_WRITER_MS)
      : pid === Deno.pid
      ? options.includeOwn === true
      : options.isRunning(pid) === false;
    if (!stale) continue;
    await Deno.remove(path).catch(() => {});
    swept.push(path);
  }
  return swept;
}

async function olderThan(path: string, ms: number): Promise<boolean> {
  const mtime = (await Deno.stat(path).catch(() => undefined))?.mtime;
  return mtime != null && Date.now() - mtime.getTime() > ms;
}
