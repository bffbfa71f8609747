/**
 * What running one cell gives back, the options it takes, and the error a cell that runs too
 * long raises.
 *
 * @module
 */
import { stripAnsi } from "./ansi.ts";
import type { DisplayUpdate, Output } from "./outputs.ts";

/** Default cell timeout of {@linkcode ExecuteOptions.timeoutMs}: 10 minutes. */
export const DEFAULT_CELL_TIMEOUT_MS = 600_000;
/** Default of {@linkcode ExecuteOptions.interruptGraceMs}: 5 s. */
export const DEFAULT_INTERRUPT_GRACE_MS = 5_000;

/** Options of `Kernel.execute`. */
export interface ExecuteOptions {
  /**
   * Longest the cell may run, in ms; then it is interrupted and, if the kernel stays busy,
   * the kernel is shut down. Either way `execute` throws a {@linkcode CellTimeoutError}.
   * `Infinity` waits for ever. Default: {@linkcode DEFAULT_CELL_TIMEOUT_MS}.
   */
  timeoutMs?: number;
  /**
   * After an interrupt, how long to wait for the kernel to go idle before shutting it down,
   * in ms. Default: {@linkcode DEFAULT_INTERRUPT_GRACE_MS}.
   */
  interruptGraceMs?: number;
  /**
   * Keep ANSI escapes in `text/plain` data and stream text.
   *
   * @default false
   */
  keepAnsi?: boolean;
  /**
   * Count this execution (`store_history`).
   *
   * @default true
   */
  storeHistory?: boolean;
}

/** The error an execution reports in its `execute_reply`. */
export interface ReplyError {
  /** The error's name. */
  ename: string;
  /** The error's message. */
  evalue: string;
  /** The stack trace, one line an entry. */
  traceback: string[];
}

/** The outcome of running one cell. */
export interface ExecutionResult {
  /** `execute_reply` status: `"ok"`, `"error"` (the cell threw) or `"aborted"`. */
  status: "ok" | "error" | "aborted";
  /** The cell's execution count, from the `execute_reply`. */
  executionCount: number | null;
  /** The cell's outputs, as nbformat v4 objects, in order. */
  outputs: Output[];
  /** The error of an `"error"` reply, as the reply states it. */
  error?: ReplyError;
  /** The display ids of the cell's outputs: id → indexes into `outputs`. */
  displayIds: Record<string, number[]>;
  /** `update_display_data` messages for displays of earlier cells, to apply to those cells. */
  displayUpdates: DisplayUpdate[];
}

/**
 * A cell ran longer than its timeout. The kernel was interrupted (`kernelAction:
 * "interrupted"`, still usable) or, when it stayed busy, shut down (`"shut down"`).
 *
 * @example
 * ```ts
 * import { CellTimeoutError } from "./execution.ts";
 * import assert from "node:assert/strict";
 *
 * const error = new CellTimeoutError(2000, "interrupted", []);
 * assert.match(error.message, /cell timeout of 2000 ms/);
 * assert.equal(error.name, "CellTimeoutError");
 * assert.ok(error instanceof Error);
 * ```
 */
export class CellTimeoutError extends Error {
  /** Always `"CellTimeoutError"`. */
  override name = "CellTimeoutError";
  /** The timeout that was exceeded, in ms. */
  readonly timeoutMs: number;
  /** What was done to the kernel. */
  readonly kernelAction: "interrupted" | "shut down";
  /** The outputs the cell produced before the timeout. */
  readonly outputs: Output[];

  /** An error for a cell that exceeded `timeoutMs`. */
  constructor(timeoutMs: number, kernelAction: "interrupted" | "shut down", outputs: Output[]) {
    super(
      `Cannot finish the cell: it ran past the cell timeout of ${timeoutMs} ms, ` +
        `so the kernel was ${kernelAction}`,
    );
    this.timeoutMs = timeoutMs;
    this.kernelAction = kernelAction;
    this.outputs = outputs;
  }
}

/**
 * The kernel process ended while a cell ran (the cell called `Deno.exit()`, or the kernel
 * crashed). Carries what the cell showed before it ended.
 *
 * @example
 * ```ts
 * import { KernelExitedError } from "./execution.ts";
 * import assert from "node:assert/strict";
 *
 * const error = new KernelExitedError("the Deno kernel (pid 7) exited with code 3", [
 *   { output_type: "stream", name: "stdout", text: "before\n" },
 * ]);
 * assert.equal(error.name, "KernelExitedError");
 * assert.match(error.message, /^Cannot finish the cell: the kernel ended during it .*: the Deno kernel \(pid 7\) exited with code 3$/);
 * assert.equal(error.outputs.length, 1);
 * ```
 */
export class KernelExitedError extends Error {
  /** Always `"KernelExitedError"`. */
  override name = "KernelExitedError";
  /** The outputs the cell produced before the kernel ended. */
  readonly outputs: Output[];

  /** An error for a kernel that ended mid-cell; `why` says how it ended. */
  constructor(why: string, outputs: Output[], options?: ErrorOptions) {
    super(
      `Cannot finish the cell: the kernel ended during it (Deno.exit() in a cell ends the ` +
        `kernel): ${stripAnsi(why)}`,
      options,
    );
    this.outputs = outputs;
  }
}
