/**
 * Where a run puts the notebook it executed. It replaces the notebook in place only when the
 * file on disk still holds the bytes the run read: an edit saved while the kernel ran is never
 * overwritten, and the run goes beside it as `<name>.executed.ipynb`. A run that failed goes
 * beside it as `<name>.failed.ipynb`.
 *
 * @module
 */
import { basename, dirname, join } from "node:path";
import { type Notebook, notebookToJson } from "./notebook.ts";

const FAILED = ".failed.ipynb";
const EXECUTED = ".executed.ipynb";

/**
 * Where a failed run of `file` is kept: `<name>.failed.ipynb` beside it.
 *
 * @example
 * ```ts
 * import { failedCopyPath } from "./run_copies.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(failedCopyPath("notebooks/03_mullet.ipynb"), "notebooks/03_mullet.failed.ipynb");
 * ```
 */
export function failedCopyPath(file: string): string {
  return join(dirname(file), `${basename(file, ".ipynb")}${FAILED}`);
}

/**
 * Where a run of `file` is kept when the file changed while it ran: `<name>.executed.ipynb`.
 *
 * @example
 * ```ts
 * import { executedCopyPath } from "./run_copies.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(executedCopyPath("notebooks/03_mullet.ipynb"), "notebooks/03_mullet.executed.ipynb");
 * ```
 */
export function executedCopyPath(file: string): string {
  return join(dirname(file), `${basename(file, ".ipynb")}${EXECUTED}`);
}

/**
 * Whether `path` is a copy a run wrote (failed or executed), not a notebook of its own.
 *
 * @example
 * ```ts
 * import { isRunCopy } from "./run_copies.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(isRunCopy("01_hashprice.failed.ipynb"), true);
 * assert.equal(isRunCopy("notebooks/01_hashprice.executed.ipynb"), true);
 * assert.equal(isRunCopy("01_hashprice.ipynb"), false);
 * ```
 */
export function isRunCopy(path: string): boolean {
  return path.endsWith(FAILED) || path.endsWith(EXECUTED);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Where {@linkcode saveRun} put the executed notebook. */
export interface SavedRun {
  /** The file written. */
  readonly path: string;
  /** `true` when it replaced the notebook itself; `false` when the notebook had changed. */
  readonly inPlace: boolean;
}

/**
 * Saves the executed notebook over `file` if `file` still holds `readBytes`, the bytes the run
 * started from; otherwise leaves `file` alone and writes {@linkcode executedCopyPath}. The
 * bytes are compared after the new file is written and just before the rename, so the window
 * for a lost edit is that of one rename. An in-place save removes an executed copy left by an
 * earlier run.
 *
 * @example
 * ```ts
 * import { saveRun } from "./run_copies.ts";
 * import assert from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir();
 * const file = `${dir}/n.ipynb`;
 * const nb = { nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [] };
 * await Deno.writeTextFile(file, "as read");
 * const read = await Deno.readFile(file);
 * assert.deepEqual(await saveRun(file, read, nb), { path: file, inPlace: true });
 *
 * await Deno.writeTextFile(file, "edited while it ran");
 * assert.deepEqual(await saveRun(file, read, nb), { path: `${dir}/n.executed.ipynb`, inPlace: false });
 * assert.equal(await Deno.readTextFile(file), "edited while it ran");
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function saveRun(
  file: string,
  readBytes: Uint8Array,
  executed: Notebook,
): Promise<SavedRun> {
  const temp = join(dirname(file), `.${basename(file)}.${crypto.randomUUID().slice(0, 8)}.tmp`);
  try {
    await Deno.writeTextFile(temp, notebookToJson(executed));
    const now = await Deno.readFile(file).catch((error) => {
      if (error instanceof Deno.errors.NotFound) return undefined;
      throw error;
    });
    if (now !== undefined && sameBytes(now, readBytes)) {
      await Deno.rename(temp, file);
      await Deno.remove(executedCopyPath(file)).catch(() => {});
      return { path: file, inPlace: true };
    }
    const beside = executedCopyPath(file);
    await Deno.rename(temp, beside);
    return { path: beside, inPlace: false };
  } catch (error) {
    await Deno.remove(temp).catch(() => {});
    throw error;
  }
}
