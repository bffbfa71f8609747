/**
 * The machine's processes as `ps` lists them: pid, parent, process group, state and name. A run
 * uses it to tell an earlier run's leftovers (a writer pid that no longer runs) from work in
 * progress, and to notice that the command that started it has ended. Deno lets a program read
 * `/proc/<pid>` only with every permission, so the table comes from `ps` (procps on Linux; the
 * same options work on macOS).
 *
 * @module
 */

/** One process. */
export interface ProcessRow {
  /** Process id. */
  readonly pid: number;
  /** Parent process id. */
  readonly ppid: number;
  /** Process group id. */
  readonly pgid: number;
  /** `ps`'s STAT column: first letter R running, S sleeping, Z zombie (ended, not reaped), …. */
  readonly state: string;
  /** Executable name (`comm`). */
  readonly name: string;
}

/** A snapshot of the process table. */
export interface ProcessTable {
  /** The row of `pid`, if it exists. */
  get(pid: number): ProcessRow | undefined;
  /** Whether `pid` exists and has not ended (a zombie has ended). */
  isRunning(pid: number): boolean;
  /** The processes whose parent is `pid`. */
  childrenOf(pid: number): ProcessRow[];
}

/** The `ps` arguments whose output {@linkcode parseProcessTable} reads. */
export const PS_ARGS = ["-A", "-o", "pid=,ppid=,pgid=,stat=,comm="] as const;

/**
 * Parses the output of `ps` with {@linkcode PS_ARGS}; the name is the rest of the line (it may
 * hold spaces).
 *
 * @example
 * ```ts
 * import { parseProcessTable } from "./process_table.ts";
 * import assert from "node:assert/strict";
 *
 * const table = parseProcessTable("    1     0     1 Ss   init\n 4242  4200  4100 Z    deno task\n");
 * assert.deepEqual(table.get(4242), { pid: 4242, ppid: 4200, pgid: 4100, state: "Z", name: "deno task" });
 * assert.equal(table.isRunning(1), true);
 * assert.equal(table.isRunning(4242), false); // a zombie
 * assert.equal(table.isRunning(7), false);
 * assert.deepEqual(table.childrenOf(4200).map((row) => row.pid), [4242]);
 * ```
 */
export function parseProcessTable(text: string): ProcessTable {
  const rows = new Map<number, ProcessRow>();
  for (const line of text.split("\n")) {
    const match = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(line);
    if (match === null) {
      if (line.trim() === "") continue;
      throw new TypeError(
        `Cannot read the process table: expected "pid ppid pgid stat name", got "${line}"`,
      );
    }
    const [, pid, ppid, pgid, state, name] = match as unknown as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    rows.set(Number(pid), {
      pid: Number(pid),
      ppid: Number(ppid),
      pgid: Number(pgid),
      state,
      name,
    });
  }
  return {
    get: (pid) => rows.get(pid),
    childrenOf: (pid) => [...rows.values()].filter((row) => row.ppid === pid),
    isRunning: (pid) => {
      const state = rows.get(pid)?.state[0];
      return state !== undefined && state !== "Z" && state !== "X";
    },
  };
}

/**
 * Reads the process table with `ps`; `undefined` when `ps` cannot be run (not installed, or not
 * allowed), so that a caller can carry on without it.
 *
 * @example
 * ```ts
 * import { readProcessTable } from "./process_table.ts";
 * import assert from "node:assert/strict";
 *
 * const table = await readProcessTable();
 * if (table !== undefined) assert.equal(table.get(Deno.pid)?.ppid, Deno.ppid);
 * ```
 */
export async function readProcessTable(): Promise<ProcessTable | undefined> {
  try {
    const { code, stdout } = await new Deno.Command("ps", {
      args: [...PS_ARGS],
      stdout: "piped",
      stderr: "null",
    }).output();
    return code === 0 ? parseProcessTable(new TextDecoder().decode(stdout)) : undefined;
  } catch {
    return undefined;
  }
}
