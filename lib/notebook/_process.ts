/**
 * The kernel process: `deno jupyter --kernel --conn FILE`, its stderr (kept for error
 * messages), and its end — asked, then forced.
 *
 * @module
 */
import type { ConnectionFile } from "./_connection.ts";
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

/** A running `deno jupyter --kernel`, tracked so that it dies with this process. */
export class KernelProcess {
  /** Process id. */
  readonly pid: number;
  /** Resolves when the process has exited. */
  readonly exited: Promise<Deno.CommandStatus>;
  readonly #child: Deno.ChildProcess;
  readonly #dir: string;
  readonly #drained: Promise<unknown>;
  #stderrTail = "";
  #hasExited = false;

  /** Starts the kernel on `connection`. */
  constructor(connection: ConnectionFile, options: SpawnOptions) {
    this.#child = new Deno.Command(options.denoPath, {
      args: ["jupyter", "--kernel", "--conn", connection.path],
      cwd: options.cwd,
      env: options.env,
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    // Tracked until `end`, not just until exit: the connection directory must go too.
    track(this.#child, connection.dir);
    this.#dir = connection.dir;
    this.pid = this.#child.pid;
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
   * it; resolves when it has exited, its output pipes are closed and the connection directory
   * is removed.
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
    await Deno.remove(this.#dir, { recursive: true }).catch(() => {});
    untrack(this.#child);
    return status;
  }
}
