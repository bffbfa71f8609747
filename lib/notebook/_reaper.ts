/**
 * Ends kernel processes when this process ends. A kernel started with `Deno.Command` outlives
 * its parent (checked with Deno 2.9.6: after `Deno.exit()`, a signal or SIGKILL of the parent
 * the kernel keeps running). On Linux each kernel carries a parent-death signal (see
 * `_process.ts`), which covers every way this process can end; here we add a kill at `unload`
 * (a normal exit or `Deno.exit()`), so that a kernel is gone before this process is. Where
 * there is no parent-death signal (not Linux), we also listen for SIGINT, SIGTERM and SIGHUP
 * while such a kernel lives, kill it and exit; SIGKILL cannot be covered there.
 *
 * @module
 */

/** How a tracked kernel must be ended. */
export interface TrackOptions {
  /** Listen for signals to kill it (it has no parent-death signal). */
  onSignals: boolean;
}

const live = new Map<Deno.ChildProcess, TrackOptions>();
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const satisfies readonly Deno.Signal[];
const EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
const signalHandlers = SIGNALS.map((signal) => [signal, () => onSignal(signal)] as const);
let listeningForSignals = false;

/** Kills every tracked kernel now. Synchronous, so it can run in `unload`. */
export function killAll(): void {
  for (const child of live.keys()) {
    try {
      child.kill("SIGKILL");
    } catch {
      // Already exited.
    }
  }
}

/** Tracks `child` until {@linkcode untrack}. */
export function track(child: Deno.ChildProcess, options: TrackOptions): void {
  if (live.size === 0) globalThis.addEventListener("unload", killAll);
  live.set(child, options);
  listenForSignals();
}

/** Stops tracking `child` (it has ended). */
export function untrack(child: Deno.ChildProcess): void {
  if (!live.delete(child)) return;
  if (live.size === 0) globalThis.removeEventListener("unload", killAll);
  listenForSignals();
}

/** Number of kernels tracked; for tests. */
export function trackedCount(): number {
  return live.size;
}

/** Whether this module listens for signals; for tests. */
export function isListeningForSignals(): boolean {
  return listeningForSignals;
}

// Listens while a kernel without a parent-death signal lives, so that otherwise Ctrl-C keeps
// its default meaning and a program's own signal handling is not pre-empted.
function listenForSignals(): void {
  const on = [...live.values()].some((options) => options.onSignals);
  if (on === listeningForSignals) return;
  listeningForSignals = on;
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
