/**
 * Ends kernel processes when this process ends. A kernel started with `Deno.Command` outlives
 * its parent (checked with Deno 2.9.6: after `Deno.exit()` or a SIGTERM to the parent the
 * kernel keeps running), so until every kernel has been shut down we listen for `unload`,
 * SIGINT and SIGTERM, kill the kernels and remove their connection files first. The listeners
 * are removed when the last kernel has been shut down, so Ctrl-C gets its default meaning back.
 *
 * @module
 */

// Each kernel with the temporary directory of its connection file.
const live = new Map<Deno.ChildProcess, string>();
const SIGNALS = ["SIGINT", "SIGTERM"] as const satisfies readonly Deno.Signal[];
const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
const signalHandlers = SIGNALS.map((signal) => [signal, () => onSignal(signal)] as const);

/**
 * Kills every tracked kernel and removes its connection directory now. Synchronous, so it can
 * run in `unload`.
 */
export function killAll(): void {
  for (const [child, dir] of live) {
    try {
      child.kill("SIGKILL");
    } catch {
      // Already exited.
    }
    try {
      Deno.removeSync(dir, { recursive: true });
    } catch {
      // Already removed.
    }
  }
}

/** Tracks `child`, whose connection file lives in `dir`, until {@linkcode untrack}. */
export function track(child: Deno.ChildProcess, dir: string): void {
  if (live.size === 0) listen(true);
  live.set(child, dir);
}

/** Stops tracking `child` (it has ended). */
export function untrack(child: Deno.ChildProcess): void {
  if (!live.delete(child) || live.size > 0) return;
  listen(false);
}

/** Number of kernels tracked; for tests. */
export function trackedCount(): number {
  return live.size;
}

function listen(on: boolean): void {
  if (on) globalThis.addEventListener("unload", killAll);
  else globalThis.removeEventListener("unload", killAll);
  for (const [signal, handler] of signalHandlers) {
    try {
      if (on) Deno.addSignalListener(signal, handler);
      else Deno.removeSignalListener(signal, handler);
    } catch {
      // Windows supports only SIGINT/SIGBREAK; `unload` still covers a normal exit there.
    }
  }
}

function onSignal(signal: typeof SIGNALS[number]): void {
  killAll();
  Deno.exit(EXIT_CODES[signal]);
}
