/**
 * A client for the real Deno kernel (`deno jupyter --kernel --conn FILE`) over the Jupyter
 * messaging protocol, without Python: start it, run cells, interrupt, shut down.
 *
 * The kernel process always ends: {@linkcode withKernel} shuts it down in `finally`, a cell
 * timeout interrupts and then shuts it down if it stays busy, and on Linux it dies with this
 * process however that ends (a parent-death signal, SIGKILL of this process included). The
 * connection reaches the kernel through its stdin: no connection file is ever written.
 *
 * The kernel runs notebook code with every permission: `deno jupyter` takes no permission
 * flags.
 *
 * @module
 */
import { KernelClient } from "./_client.ts";
import {
  type ConnectionInfo,
  newConnection,
  sweepStaleConnectionDirs as sweepDirs,
} from "./_connection.ts";
import { drainCell, SAVE_PRINT_CODE, silentExecute } from "./_drain.ts";
import { KernelProcess } from "./_process.ts";
import { within } from "./_timers.ts";
import { Signer } from "./_wire.ts";
import {
  CellTimeoutError,
  DEFAULT_CELL_TIMEOUT_MS,
  DEFAULT_INTERRUPT_GRACE_MS,
  type ExecuteOptions,
  type ExecutionResult,
  KernelExitedError,
  type ReplyError,
} from "./execution.ts";
import { OutputCollector } from "./outputs.ts";

/** Options of {@linkcode startKernel}. */
export interface KernelOptions {
  /**
   * Working directory of the kernel; imports resolve through the nearest `deno.json`.
   *
   * @default Deno.cwd()
   */
  cwd?: string;
  /** Extra environment variables for the kernel, added to this process's. Default: none. */
  env?: Record<string, string>;
  /**
   * The `deno` binary.
   *
   * @default Deno.execPath()
   */
  denoPath?: string;
  /** How long the kernel may take to answer `kernel_info_request`, in ms. Default: 30 000. */
  startTimeoutMs?: number;
  /** How long `shutdown` waits for the process to exit before killing it, in ms. Default: 5 000. */
  shutdownGraceMs?: number;
}

const CONTROL_REPLY_TIMEOUT_MS = 5_000;

/**
 * A running Deno kernel. Get one from {@linkcode startKernel} or {@linkcode withKernel}; end it
 * with {@linkcode Kernel.shutdown} (or `await using`).
 */
export class Kernel implements AsyncDisposable {
  /** Process id of the kernel. */
  readonly pid: number;
  /** Resolves when the kernel process has exited. */
  readonly exited: Promise<Deno.CommandStatus>;

  readonly #process: KernelProcess;
  readonly #client: KernelClient;
  readonly #shutdownGraceMs: number;
  #info: Record<string, unknown> = {};
  #queue: Promise<unknown> = Promise.resolve();
  #shutdown: Promise<Deno.CommandStatus> | undefined;

  private constructor(
    kernelProcess: KernelProcess,
    connection: ConnectionInfo,
    signer: Signer,
    shutdownGraceMs: number,
  ) {
    this.#process = kernelProcess;
    this.#shutdownGraceMs = shutdownGraceMs;
    this.pid = kernelProcess.pid;
    this.exited = kernelProcess.exited;
    this.#client = new KernelClient(connection, signer);
    this.exited.then((status) => {
      const why = kernelProcess.describe(status);
      this.#client.failAll(
        new Error(`Cannot continue: the Deno kernel (pid ${this.pid}) exited ${why}`),
      );
      // Nothing more can come; stop polling so a caller that never shuts down can still exit.
      this.#client.close();
    });
  }

  /** The `kernel_info_reply` content: `implementation_version`, `language_info`, …. */
  get info(): Record<string, unknown> {
    return this.#info;
  }

  /** @internal Starts a kernel; use {@linkcode startKernel}. */
  static async start(options: KernelOptions = {}): Promise<Kernel> {
    const connection = newConnection();
    const signer = await Signer.create(connection.key);
    let kernelProcess: KernelProcess;
    try {
      kernelProcess = new KernelProcess(connection, {
        denoPath: options.denoPath ?? Deno.execPath(),
        cwd: options.cwd ?? Deno.cwd(),
        env: options.env ?? {},
      });
    } catch (error) {
      throw new Error(`Cannot start the Deno kernel: ${(error as Error).message}`, {
        cause: error,
      });
    }
    const kernel = new Kernel(kernelProcess, connection, signer, options.shutdownGraceMs ?? 5_000);
    try {
      await kernel.#waitReady(options.startTimeoutMs ?? 30_000);
    } catch (error) {
      await kernel.shutdown();
      throw error;
    }
    return kernel;
  }

  /**
   * Runs `code` as one cell and collects its outputs, including output the kernel sends after
   * it has gone idle. A cell that throws is not an exception here: it gives `status: "error"`
   * and an `error` output. Cells run one at a time, in call order.
   *
   * @throws {CellTimeoutError} when the cell runs longer than `options.timeoutMs`.
   * @throws {KernelExitedError} when the kernel ends during the cell (e.g. `Deno.exit()`).
   */
  execute(code: string, options: ExecuteOptions = {}): Promise<ExecutionResult> {
    const run = this.#queue.catch(() => {}).then(() => this.#execute(code, options));
    this.#queue = run;
    return run;
  }

  /** Interrupts the running cell (an `interrupt_request` on control) and waits for the reply. */
  async interrupt(): Promise<void> {
    const reply = await this.#client.request("control", "interrupt_request", {}, {
      timeoutMs: CONTROL_REPLY_TIMEOUT_MS,
    });
    if (reply === undefined) {
      throw new Error(
        `Cannot interrupt the kernel: no interrupt_reply within ${CONTROL_REPLY_TIMEOUT_MS} ms`,
      );
    }
  }

  /** Whether the kernel answers a heartbeat within `timeoutMs` (default 1000). */
  isAlive(timeoutMs = 1_000): Promise<boolean> {
    return this.#shutdown ? Promise.resolve(false) : this.#client.ping(timeoutMs);
  }

  /**
   * Asks the kernel to shut down (`shutdown_request` on control), kills it if it has not exited
   * within the grace period and closes every socket. Idempotent.
   */
  shutdown(): Promise<Deno.CommandStatus> {
    this.#shutdown ??= this.#stop();
    return this.#shutdown;
  }

  /** Shuts the kernel down; for `await using`. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.shutdown();
  }

  async #execute(code: string, options: ExecuteOptions): Promise<ExecutionResult> {
    if (this.#shutdown) throw new Error("Cannot execute the cell: the kernel has been shut down");
    const timeoutMs = options.timeoutMs ?? DEFAULT_CELL_TIMEOUT_MS;
    const collector = new OutputCollector({ keepAnsi: options.keepAnsi ?? false });
    const call = this.#client.call("shell", "execute_request", {
      code,
      silent: false,
      store_history: options.storeHistory ?? true,
      user_expressions: {},
      allow_stdin: false,
      stop_on_error: true,
    }, {
      // Done when both the reply (shell) and `status: idle` (IOPub) have come, in either order.
      waitIdle: true,
      onIopub: ({ header: { msg_type }, content }) => {
        if (msg_type !== "status") collector.add(msg_type, content);
      },
    });
    try {
      const reply = await within(call.done, timeoutMs, undefined).catch((error: Error) => {
        if (!this.#process.hasExited) throw error;
        // Ended mid-cell (Deno.exit(), a crash): keep what the cell showed before.
        const why = error.message.replace(/^Cannot continue: /, "");
        throw new KernelExitedError(why, collector.outputs, { cause: error });
      });
      if (reply === undefined) {
        throw await this.#onTimeout(call.done, timeoutMs, options, collector);
      }
      await drainCell(this.#client, collector);
      const content = reply.content;
      const status = content.status === "error" || content.status === "aborted"
        ? content.status
        : "ok";
      const count = content.execution_count;
      return {
        status,
        executionCount: typeof count === "number" ? count : null,
        outputs: collector.outputs,
        ...(status === "error" ? { error: replyError(content) } : {}),
        displayIds: collector.displayIds,
        displayUpdates: collector.displayUpdates,
      };
    } finally {
      call.dispose();
    }
  }

  async #onTimeout(
    done: Promise<unknown>,
    timeoutMs: number,
    options: ExecuteOptions,
    collector: OutputCollector,
  ): Promise<CellTimeoutError> {
    const graceMs = options.interruptGraceMs ?? DEFAULT_INTERRUPT_GRACE_MS;
    await this.interrupt().catch(() => {});
    const settled = await within(done.then(() => true, () => false), graceMs, false);
    if (!settled) await this.shutdown();
    const action = settled ? "interrupted" : "shut down";
    return new CellTimeoutError(timeoutMs, action, collector.outputs);
  }

  async #waitReady(timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    // Repeat until IOPub has delivered something too: a SUB socket misses what is published
    // before its subscription reaches the kernel.
    while (true) {
      const reply = await this.#client.request("shell", "kernel_info_request", {}, {
        timeoutMs: 250,
        waitIdle: true,
      }).catch(() => undefined);
      if (reply !== undefined && this.#client.iopubSeen) {
        this.#info = reply.content;
        await this.#client.request("shell", "execute_request", silentExecute(SAVE_PRINT_CODE), {
          timeoutMs: CONTROL_REPLY_TIMEOUT_MS,
          waitIdle: true,
        });
        return;
      }
      if (this.#process.hasExited) {
        const why = this.#process.describe(await this.exited);
        throw new Error(`Cannot start the Deno kernel: it exited ${why}`);
      }
      if (performance.now() > deadline) {
        throw new Error(
          `Cannot start the Deno kernel: no kernel_info_reply within ${timeoutMs} ms` +
            this.#process.describe(),
        );
      }
    }
  }

  async #stop(): Promise<Deno.CommandStatus> {
    if (!this.#process.hasExited) {
      await this.#client.notify("control", "shutdown_request", { restart: false })
        .catch(() => {});
    }
    const status = await this.#process.end(this.#shutdownGraceMs);
    this.#client.close();
    this.#client.failAll(new Error("Cannot continue: the kernel has been shut down"));
    return status;
  }
}

/**
 * Starts the Deno kernel, connects to it and waits until it answers.
 *
 * @example
 * ```ts
 * import { startKernel } from "./kernel.ts";
 * import assert from "node:assert/strict";
 *
 * const kernel = await startKernel();
 * try {
 *   const result = await kernel.execute("1 + 1");
 *   assert.deepEqual(result.outputs[0], {
 *     output_type: "execute_result", execution_count: 1, data: { "text/plain": "2" }, metadata: {},
 *   });
 * } finally {
 *   await kernel.shutdown();
 * }
 * ```
 */
export function startKernel(options: KernelOptions = {}): Promise<Kernel> {
  return Kernel.start(options);
}

/**
 * Runs `fn` with a fresh kernel and always shuts the kernel down afterwards, also when `fn`
 * throws or a cell times out.
 *
 * @example
 * ```ts
 * import { withKernel } from "./kernel.ts";
 * import assert from "node:assert/strict";
 *
 * const text = await withKernel(async (kernel) => {
 *   const { outputs } = await kernel.execute('console.log("hello")');
 *   return outputs[0]?.output_type === "stream" ? outputs[0].text : "";
 * });
 * assert.equal(text, "hello\n");
 * ```
 */
export async function withKernel<T>(
  fn: (kernel: Kernel) => T | Promise<T>,
  options: KernelOptions = {},
): Promise<T> {
  const kernel = await startKernel(options);
  try {
    return await fn(kernel);
  } finally {
    await kernel.shutdown();
  }
}

/**
 * Removes the kernel connection files that earlier versions of mullet wrote to the temporary
 * directory (`mullet-kernel-*`, older than a minute) and left behind when they were killed;
 * returns their paths. Kernels now read their connection from stdin and leave no file.
 *
 * @example
 * ```ts
 * import { sweepStaleConnectionDirs } from "./kernel.ts";
 * import assert from "node:assert/strict";
 *
 * const root = await Deno.makeTempDir();
 * await Deno.mkdir(`${root}/mullet-kernel-a1b2c3`);
 * await Deno.writeTextFile(`${root}/mullet-kernel-a1b2c3/connection.json`, "{}");
 * const hourAgo = new Date(Date.now() - 3_600_000);
 * await Deno.utime(`${root}/mullet-kernel-a1b2c3`, hourAgo, hourAgo);
 * await Deno.mkdir(`${root}/mullet-kernel-d4e5f6`); // just made: left alone
 * assert.deepEqual(await sweepStaleConnectionDirs(root), [`${root}/mullet-kernel-a1b2c3`]);
 * await Deno.remove(root, { recursive: true });
 * ```
 */
export function sweepStaleConnectionDirs(root: string = tempRoot()): Promise<string[]> {
  return sweepDirs(root).catch((error) => {
    if (error instanceof Deno.errors.NotFound) return [];
    throw error;
  });
}

function tempRoot(): string {
  return Deno.env.get("TMPDIR") || "/tmp";
}

function replyError(content: Record<string, unknown>): ReplyError {
  return {
    ename: String(content.ename ?? ""),
    evalue: String(content.evalue ?? ""),
    traceback: Array.isArray(content.traceback) ? content.traceback.map(String) : [],
  };
}
