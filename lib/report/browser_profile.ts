/**
 * The temporary profile of one Chromium: a directory in the temp directory named
 * `mullet-chromium-<pid>-<random>` that holds Chromium's user data (`profile/`), Chromium's own
 * temporary files (`tmp/`, its `TMPDIR`, when the path is short enough for the Unix socket
 * Chromium keeps there) and `owner.lock`, locked by the owning process for as long as it lives. The owner removes it on every exit it sees; what a killed run leaves behind
 * is swept by a later run: a profile whose owner pid is gone and whose lock nobody holds. The
 * kernel drops a lock when its process dies, so a live run's profile is never taken, even one
 * in another pid namespace sharing the temp directory.
 *
 * @module
 */

/** Tries, and the pause between them, to remove a profile synchronously on exit: up to 3 s, as a
 * killed Chromium's helper processes can write into it for a while on a loaded machine. */
const SYNC_REMOVE_TRIES = 150;
const SYNC_REMOVE_PAUSE_MS = 20;
import { join } from "node:path";

/** How every profile's directory name begins; the owner's pid follows. */
export const PROFILE_PREFIX = "mullet-chromium-";

const PROFILE_NAME = new RegExp(`^${PROFILE_PREFIX}(\\d+)-`);
const LOCK_FILE = "owner.lock";
/** What Chromium adds to its `TMPDIR` for its singleton socket (X: random). */
const SOCKET_IN_TMPDIR = "/org.chromium.Chromium.XXXXXX/SingletonSocket";
/** Longest Unix socket path Linux takes (`sun_path` is 108 bytes with the NUL). */
const MAX_SOCKET_PATH = 107;
/** A profile whose lock file is missing is someone's being made, unless older than this, ms. */
const UNLOCKED_GRACE_MS = 60_000;

/** A profile held by this process; get one with {@linkcode createProfile}. */
export interface BrowserProfile {
  /** The profile's directory, removed whole. */
  readonly dir: string;
  /** Chromium's `--user-data-dir`. */
  readonly userDataDir: string;
  /**
   * Chromium's `TMPDIR`, so its own temporaries go with the profile; `undefined` when the temp
   * directory's path is so long that Chromium's socket there could not be made (Chromium then
   * uses the system's).
   */
  readonly tempDir: string | undefined;
  /** Removes the directory and releases the lock; safe to call more than once. */
  remove(): Promise<void>;
  /** The same, synchronously, for an `unload` handler. */
  removeSync(): void;
}

/** The temp directory Deno and Chromium use: `TMPDIR`, else `/tmp`. */
export function tempRoot(): string {
  return Deno.env.get("TMPDIR") || "/tmp";
}

/**
 * Makes a profile owned (and locked) by this process.
 *
 * @example
 * ```ts
 * import { createProfile, PROFILE_PREFIX } from "./browser_profile.ts";
 * import assert from "node:assert/strict";
 * import { basename } from "node:path";
 *
 * const root = await Deno.makeTempDir();
 * const profile = await createProfile(root);
 * assert.ok(basename(profile.dir).startsWith(`${PROFILE_PREFIX}${Deno.pid}-`));
 * assert.ok(Deno.statSync(profile.userDataDir).isDirectory);
 * await profile.remove();
 * assert.throws(() => Deno.statSync(profile.dir), Deno.errors.NotFound);
 * await Deno.remove(root);
 * ```
 */
export async function createProfile(root: string = tempRoot()): Promise<BrowserProfile> {
  const dir = await Deno.makeTempDir({ dir: root, prefix: `${PROFILE_PREFIX}${Deno.pid}-` });
  let lock: Deno.FsFile | undefined;
  try {
    lock = await Deno.open(join(dir, LOCK_FILE), { write: true, createNew: true });
    if (!await lock.tryLock(true)) throw new Error(`Cannot lock ${join(dir, LOCK_FILE)}`);
    await Deno.mkdir(join(dir, "profile"));
    await Deno.mkdir(join(dir, "tmp"));
  } catch (error) {
    lock?.close();
    await Deno.remove(dir, { recursive: true }).catch(() => {});
    throw error;
  }
  const held = lock;
  let removed = false;
  return {
    dir,
    userDataDir: join(dir, "profile"),
    tempDir: new TextEncoder().encode(join(dir, "tmp") + SOCKET_IN_TMPDIR).length <=
        MAX_SOCKET_PATH
      ? join(dir, "tmp")
      : undefined,
    async remove() {
      if (removed) return;
      await removeDir(dir);
      removed = true;
      held.close();
    },
    removeSync() {
      if (removed) return;
      removed = true;
      // A Chromium killed a moment ago may still be writing into the profile: a few tries,
      // waiting synchronously (nothing async runs on exit).
      const pause = new Int32Array(new SharedArrayBuffer(4));
      for (let attempt = 1; attempt <= SYNC_REMOVE_TRIES; attempt++) {
        try {
          Deno.removeSync(dir, { recursive: true });
          break;
        } catch (error) {
          if (error instanceof Deno.errors.NotFound) break;
          // Past the last try it is left for a later run's sweep: the lock goes with us.
          Atomics.wait(pause, 0, 0, SYNC_REMOVE_PAUSE_MS);
        }
      }
      held.close();
    },
  };
}

/** Removes a directory a dying Chromium may still be writing into: a few tries. */
async function removeDir(dir: string): Promise<void> {
  for (let attempt = 1;; attempt++) {
    try {
      await Deno.remove(dir, { recursive: true });
      return;
    } catch (error) {
      if (error instanceof Deno.errors.NotFound) return;
      if (attempt === 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

/**
 * Whether `pid` is running, asked of `ps` (Deno reads no `/proc` without every permission);
 * `undefined` when `ps` cannot be run, and the lock alone decides.
 */
async function ownerRunning(pid: number): Promise<boolean | undefined> {
  if (pid === Deno.pid) return true;
  try {
    const ps = new Deno.Command("ps", {
      args: ["-p", String(pid)],
      stdout: "null",
      stderr: "null",
    });
    return (await ps.output()).code === 0;
  } catch {
    return undefined;
  }
}

/**
 * True when nobody holds the profile's lock. A profile without a lock file is one being made
 * (or one whose maker died at once): free only once it is older than a minute.
 */
async function lockFree(dir: string): Promise<boolean> {
  let file: Deno.FsFile;
  try {
    file = await Deno.open(join(dir, LOCK_FILE), { write: true });
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
    const made = (await Deno.stat(dir)).mtime?.getTime() ?? Date.now();
    return Date.now() - made > UNLOCKED_GRACE_MS;
  }
  try {
    return await file.tryLock(true);
  } finally {
    file.close();
  }
}

/**
 * Removes the profiles earlier runs left behind: those whose owner pid is not running and whose
 * lock is free (the kernel frees it when the owner dies, whatever killed it). Best effort: a
 * profile it cannot read or remove is left alone. Returns the directories removed.
 *
 * @example
 * ```ts
 * import { createProfile, PROFILE_PREFIX, sweepStaleProfiles } from "./browser_profile.ts";
 * import assert from "node:assert/strict";
 *
 * const root = await Deno.makeTempDir();
 * const mine = await createProfile(root);
 * await Deno.mkdir(`${root}/${PROFILE_PREFIX}999999999-x`); // no such pid, no lock...
 * await Deno.utime(`${root}/${PROFILE_PREFIX}999999999-x`, 0, 0); // ...made long ago
 * assert.deepEqual(await sweepStaleProfiles(root), [`${root}/${PROFILE_PREFIX}999999999-x`]);
 * await mine.remove(); // a live owner's was kept
 * await Deno.remove(root);
 * ```
 */
export async function sweepStaleProfiles(root: string = tempRoot()): Promise<string[]> {
  const removed: string[] = [];
  try {
    for await (const entry of Deno.readDir(root)) {
      const owner = PROFILE_NAME.exec(entry.name);
      if (owner === null || !entry.isDirectory) continue;
      const dir = join(root, entry.name);
      try {
        if (await ownerRunning(Number(owner[1])) || !await lockFree(dir)) continue;
        await removeDir(dir);
        removed.push(dir);
      } catch {
        // Someone else's, or going away already: not ours to fight over.
      }
    }
  } catch {
    // An unreadable temp directory has nothing to sweep that we could remove.
  }
  return removed;
}
