/**
 * The kernel process: `deno jupyter --kernel --conn /dev/stdin`, its stderr (kept for error
 * messages), and its end — asked, then forced.
 *
 * On Linux the kernel is started through util-linux `setpriv --pdeathsig SIGKILL`, so the kernel
 * dies with this process however it ends, SIGKILL (the OOM killer) included. The signal fires
 * when the *thread* that started the kernel ends: Deno spawns on the main thread (which `Deno
 * .Command#spawn` is, a synchronous op), so it fires only when this process ends; a kernel
 * started from a Web Worker would end with the worker.
 *
 * @module
 */
import type { ConnectionInfo } from "./_connection.ts";
import { track, untrack } from "./_reaper.ts";
import { within } from "./_timers.ts";

const STDERR_TAIL_CHARS = 4_000;

/** Where and how to run the kernel. */
export interface SpawnOptions {
  /** The `deno` binary. */
  denoPath: string;
  /** Working directory of the kernel. */
  cwd: string;
  /** Extra environment variables. */
  env: Record<string, string>;
}

/** Where util-linux puts `setpriv`. */
export const SETPRIV_PATHS = ["/usr/bin/setpriv", "/bin/setpriv"] as const;

/**
 * The `setpriv` that ties a kernel's life to this process: on Linux it must exist (util-linux);
 * elsewhere there is none and `undefined` is returned.
 */
export function findSetpriv(): string | undefined {
  if (Deno.build.os !== "linux") return undefined;
  for (const path of SETPRIV_PATHS) {
    try {
      if (Deno.statSync(path).isFile) return path;
    } catch {
      // Not there; try the next.
    }
  }
  throw new Error(
    `no setpriv (looked in ${SETPRIV_PATHS.join(", ")}); it makes the kernel die with this ` +
      "process. Install util-linux: sudo apt-get install -y util-linux",
  );
}

/** A running `deno jupyter --kernel`, tracked so that it dies with this process. */
export class KernelProcess {
  /** Process id. */
  readonly pid: number;
  /** Resolves when the process has exited. */
  readonly exited: Promise<Deno.CommandStatus>;
  readonly #child: Deno.ChildProcess;
  readonly #drained: Promise<unknown>;
  #stderrTail = "";
  #hasExited = false;

  /** Starts the kernel on `connection`, which it reads from its stdin. */
  constructor(connection: ConnectionInfo, options: SpawnOptions) {
    const kernelArgs = ["jupyter", "--kernel", "--conn", "/dev/stdin"];
    const setpriv = findSetpriv();
    const [command, args] = setpriv === undefined
      ? [options.denoPath, kernelArgs]
      : [setpriv, ["--pdeathsig", "SIGKILL", "--", options.denoPath, ...kernelArgs]];
    this.#child = new Deno.Command(command, {
      args,
      cwd: options.cwd,
      env: options.env,
      stdin: "piped",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    // Without a parent-death signal (not Linux), this process's exit and signals end it.
    track(this.#child, { onSignals: setpriv === undefined });
    this.pid = this.#child.pid;
    const writer = this.#child.stdin.getWriter();
    // A kernel that dies before reading is reported by the caller's wait for its reply.
    writer.write(new TextEncoder().encode(JSON.stringify(connection)))
      .then(() => writer.close())
      .catch(() => {});
    this.exited = this.#child.status.then((status) => {
      this.#hasExited = true;
      return status;
    });
    this.#drained = Promise.allSettled([
      this.#child.stdout.pipeTo(new WritableStream()),
      this.#child.stderr.pipeThrough(new TextDecoderStream()).pipeTo(
        new WritableStream({
          write: (text) => {
            this.#stderrTail = (this.#stderrTail + text).slice(-STDERR_TAIL_CHARS);
          },
        }),
      ),
    ]);
  }

  /** Whether the process has exited. */
  get hasExited(): boolean {
    return this.#hasExited;
  }

  /** How the process ended (if it has), then the end of its stderr, for error messages. */
  describe(status?: Deno.CommandStatus): string {
    const how = status === undefined
      ? ""
      : status.signal
      ? `on signal ${status.signal}`
      : `with code ${status.code}`;
    const tail = this.#stderrTail.trim();
    return how + (tail === "" ? "" : `; its stderr ends:\n${tail}`);
  }

  /**
   * Waits up to `graceMs` for the process to exit (after the caller asked it to), then kills
   * it; resolves when it has exited and its output pipes are closed.
   */
  async end(graceMs: number): Promise<Deno.CommandStatus> {
    const exited = this.#hasExited ||
      await within(this.exited.then(() => true), graceMs, false);
    if (!exited) {
      try {
        this.#child.kill("SIGKILL");
      } catch {
        // It exited in the meantime.
      }
    }
    const status = await this.exited;
    await this.#drained;
    untrack(this.#child);
    return status;
  }
}
