/**
 * The processes one program started, for tests that check nothing is left running. Counting
 * every kernel or browser on the machine (`pgrep -f`) fails whenever anything else runs one; a
 * test must look only at its own. {@linkcode watchDescendants} records, while the code under test
 * runs, every process below a root pid (the test itself, or the child it spawned) whose command
 * line matches a pattern; {@linkcode stillRunning} then says which of those still run — even one
 * whose parent has ended and which was adopted by init, so is no longer in the tree.
 *
 * @module
 */
import { parseProcessTable, type ProcessRow, type ProcessTable } from "./process_table.ts";

/** `ps` arguments for a table whose `name` is the whole command line (`-ww`: never cut). */
const PS_ARGS = ["-A", "-ww", "-o", "pid=,ppid=,pgid=,stat=,args="] as const;

/** The process table with full command lines as names (from `ps`, which must be installed). */
export async function readCommandLines(): Promise<ProcessTable> {
  const { code, stdout, stderr } = await new Deno.Command("ps", {
    args: [...PS_ARGS],
    stdout: "piped",
    stderr: "piped",
  }).output();
  if (code !== 0) {
    throw new Error(
      `Cannot read the process table: ps exited with code ${code}: ${
        new TextDecoder().decode(stderr).trim()
      }`,
    );
  }
  return parseProcessTable(new TextDecoder().decode(stdout));
}

/**
 * The running processes below `root` in `table` (children, their children, …), `root` excluded.
 *
 * @example
 * ```ts
 * import { parseProcessTable } from "./process_table.ts";
 * import { descendantsOf } from "./process_tree.ts";
 * import assert from "node:assert/strict";
 *
 * const table = parseProcessTable([
 *   "10  1 10 S deno test",
 *   "11 10 10 S deno jupyter --kernel --conn /dev/stdin",
 *   "12 11 10 Z sh",
 *   "13 11 10 S sh -c sleep 9",
 *   "20  1 20 S deno jupyter --kernel --conn kernel-other.json",
 * ].join("\n"));
 * assert.deepEqual(descendantsOf(table, 10).map((row) => row.pid), [11, 13]);
 * ```
 */
export function descendantsOf(table: ProcessTable, root: number): ProcessRow[] {
  const found: ProcessRow[] = [];
  const queue = [root];
  const seen = new Set(queue);
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    for (const child of table.childrenOf(pid)) {
      if (seen.has(child.pid)) continue;
      seen.add(child.pid);
      queue.push(child.pid);
      if (table.isRunning(child.pid)) found.push(child);
    }
  }
  return found;
}

/** What {@linkcode watchDescendants} saw. */
export interface DescendantWatch {
  /** Looks once more now (the watch also looks every `intervalMs`); every matching process seen. */
  poll(): Promise<ProcessRow[]>;
  /** Stops watching after one last look; every matching process seen, in the order seen. */
  stop(): Promise<ProcessRow[]>;
}

/** Options for {@linkcode watchDescendants}. */
export interface WatchOptions {
  /**
   * Milliseconds between looks.
   *
   * @default 100
   */
  readonly intervalMs?: number;
}

/**
 * Watches the processes below `root` until stopped, recording each whose command line matches
 * `pattern` (by pid and command line, so a later process that reuses the pid is not taken for
 * it).
 *
 * @example
 * ```ts
 * import { stillRunning, watchDescendants } from "./process_tree.ts";
 * import assert from "node:assert/strict";
 *
 * const watch = watchDescendants(Deno.pid, /\bsleep 30$/, { intervalMs: 20 });
 * const child = new Deno.Command("sleep", { args: ["30"] }).spawn();
 * await new Promise((resolve) => setTimeout(resolve, 500)); // the watch looks meanwhile
 * const seen = await watch.stop();
 * assert.deepEqual(seen.map((row) => row.pid), [child.pid]);
 * child.kill("SIGKILL");
 * await child.status;
 * assert.deepEqual(await stillRunning(seen), []);
 * ```
 */
export function watchDescendants(
  root: number,
  pattern: RegExp,
  options: WatchOptions = {},
): DescendantWatch {
  const seen = new Map<string, ProcessRow>();
  let looking: Promise<void> = Promise.resolve();
  const look = () =>
    looking = looking.then(async () => {
      for (const row of descendantsOf(await readCommandLines(), root)) {
        if (pattern.test(row.name)) seen.set(`${row.pid} ${row.name}`, row);
      }
    });
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    timer = setTimeout(async () => {
      await look().catch(() => {});
      if (!stopped) schedule();
    }, options.intervalMs ?? 100);
  };
  schedule();
  return {
    async poll() {
      await look();
      return [...seen.values()];
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await look();
      return [...seen.values()];
    },
  };
}

/**
 * Those of `rows` that still run: the same pid with the same command line, wherever it now sits
 * in the tree (a process whose parent ended is adopted by init).
 *
 * @example
 * ```ts
 * import { stillRunning } from "./process_tree.ts";
 * import assert from "node:assert/strict";
 *
 * import { readCommandLines } from "./process_tree.ts";
 *
 * const me = (await readCommandLines()).get(Deno.pid)!;
 * assert.deepEqual(await stillRunning([me]), [me]);
 * // The same pid with another command line is another process.
 * assert.deepEqual(await stillRunning([{ ...me, name: "sleep 31" }]), []);
 * // A pid that no longer runs.
 * const child = new Deno.Command("true").spawn();
 * await child.status;
 * assert.deepEqual(await stillRunning([{ ...me, pid: child.pid, name: "true" }]), []);
 * ```
 */
export async function stillRunning(rows: readonly ProcessRow[]): Promise<ProcessRow[]> {
  if (rows.length === 0) return [];
  const table = await readCommandLines();
  return rows.filter((row) => table.isRunning(row.pid) && table.get(row.pid)?.name === row.name);
}

/**
 * Waits up to `ms` for every one of `rows` to end; those that still run then (none: `[]`).
 *
 * @example
 * ```ts
 * import { endedWithin } from "./process_tree.ts";
 * import assert from "node:assert/strict";
 *
 * const child = new Deno.Command("sleep", { args: ["0.2"] }).spawn();
 * const row = { pid: child.pid, ppid: Deno.pid, pgid: 0, state: "S", name: "sleep 0.2" };
 * assert.deepEqual(await endedWithin([row], 3_000), []);
 * await child.status;
 * ```
 */
export async function endedWithin(rows: readonly ProcessRow[], ms: number): Promise<ProcessRow[]> {
  const deadline = performance.now() + ms;
  for (;;) {
    const left = await stillRunning(rows);
    if (left.length === 0 || performance.now() > deadline) return left;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
