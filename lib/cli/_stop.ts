/**
 * When a command-line run must stop: a signal to this process (Ctrl-C, SIGTERM, SIGHUP), or the
 * end of the command the user started, when that is a wrapper that does not pass signals on.
 * `npx -y deno@2.9.6 task report` is such a wrapper: a SIGTERM ends npx and its `sh` at once
 * and `deno task` goes on under init, so no signal ever reaches this process. We therefore
 * watch the chain of processes that started this one, up to the leader of our process group
 * (the job the shell started), and stop when one of them has ended. To keep a run going after
 * the command that started it ends, start it in a session of its own (`setsid`).
 *
 * @module
 */
import { type ProcessTable, readProcessTable } from "./process_table.ts";

/** The signals that stop a run. */
export const STOP_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const satisfies Deno.Signal[];
/** One of {@linkcode STOP_SIGNALS}. */
export type StopSignal = typeof STOP_SIGNALS[number];

/** Why a run stopped. */
export type StopReason =
  | { readonly kind: "signal"; readonly signal: StopSignal }
  | { readonly kind: "starter"; readonly pid: number; readonly name: string };

/** Watches for a reason to stop; see {@linkcode watchForStop}. */
export interface StopWatch {
  /** Resolves with the first reason to stop. */
  readonly stopped: Promise<StopReason>;
  /** The reason, once there is one. */
  readonly reason: StopReason | undefined;
  /** Stops watching. */
  dispose(): void;
}

/** Options of {@linkcode watchForStop}. */
export interface StopWatchOptions {
  /**
   * How often the starters are checked, ms.
   *
   * @default 500
   */
  pollMs?: number;
}

/** The exit code after `reason`: 128 + the signal's number, as a shell reports it; else 1. */
export function exitCode(reason: StopReason): number {
  if (reason.kind === "starter") return 1;
  return { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 }[reason.signal];
}

/**
 * What stopped the run, for the message "report: stopped by …".
 *
 * @example
 * ```ts
 * import { describeStop } from "./_stop.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(describeStop({ kind: "signal", signal: "SIGTERM" }), "stopped by SIGTERM");
 * assert.equal(
 *   describeStop({ kind: "starter", pid: 41, name: "npm exec deno" }),
 *   "stopped because npm exec deno (pid 41), which started this run, has ended",
 * );
 * ```
 */
export function describeStop(reason: StopReason): string {
  return reason.kind === "signal"
    ? `stopped by ${reason.signal}`
    : `stopped because ${reason.name} (pid ${reason.pid}), which started this run, has ended`;
}

/**
 * The processes that started `pid`, nearest first: its parent, that one's parent, and so on,
 * while they are in `pid`'s process group, up to and including the group's leader. A process
 * in another group (the interactive shell, a supervisor) is not part of the command.
 *
 * @example
 * ```ts
 * import { starters } from "./_stop.ts";
 * import { parseProcessTable } from "./process_table.ts";
 * import assert from "node:assert/strict";
 *
 * // bash (own group) ─ npx (group leader 200) ─ sh ─ deno task ─ report
 * const table = parseProcessTable(
 *   "100 1 100 Ss bash\n200 100 200 S npm exec deno\n201 200 200 S sh\n" +
 *     "202 201 200 S deno\n203 202 200 S deno\n",
 * );
 * assert.deepEqual(starters(table, 203).map((p) => p.pid), [202, 201, 200]);
 * ```
 */
export function starters(table: ProcessTable, pid: number): { pid: number; name: string }[] {
  const group = table.get(pid)?.pgid;
  const chain: { pid: number; name: string }[] = [];
  let parent = table.get(pid)?.ppid;
  while (parent !== undefined && parent > 1) {
    const row = table.get(parent);
    if (row === undefined || row.pgid !== group) break;
    chain.push({ pid: row.pid, name: row.name });
    if (row.pid === row.pgid) break;
    parent = row.ppid;
  }
  return chain;
}

/**
 * Starts watching for {@linkcode STOP_SIGNALS} and for the end of the processes that started
 * this one (where `ps` can list them). While it watches, those signals do not end the process:
 * the caller cleans up and exits.
 */
export function watchForStop(options: StopWatchOptions = {}): StopWatch {
  let reason: StopReason | undefined;
  let resolve: (reason: StopReason) => void = () => {};
  const stopped = new Promise<StopReason>((r) => (resolve = r));
  const stop = (why: StopReason) => {
    if (reason !== undefined) return;
    reason = why;
    resolve(why);
  };
  const handlers = STOP_SIGNALS.map((signal) =>
    [signal, () => stop({ kind: "signal", signal })] as const
  );
  for (const [signal, handler] of handlers) {
    try {
      Deno.addSignalListener(signal, handler);
    } catch {
      // Windows has only SIGINT (and SIGBREAK).
    }
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  const poll = async (chain: { pid: number; name: string }[]) => {
    if (disposed || reason !== undefined) return;
    const table = await readProcessTable();
    // The farthest one that has ended is the command the user started.
    const gone = table === undefined ? undefined : chain.findLast((p) => !table.isRunning(p.pid));
    if (gone !== undefined) stop({ kind: "starter", ...gone });
    else if (!disposed) timer = setTimeout(() => poll(chain), options.pollMs ?? 500);
  };
  readProcessTable().then((table) => {
    if (table !== undefined) poll(starters(table, Deno.pid));
  });
  return {
    stopped,
    get reason() {
      return reason;
    },
    dispose() {
      disposed = true;
      clearTimeout(timer);
      for (const [signal, handler] of handlers) {
        try {
          Deno.removeSignalListener(signal, handler);
        } catch {
          // Never added.
        }
      }
    },
  };
}
