/**
 * The error a solver throws instead of returning `NaN`.
 *
 * @module
 */

/** Why a solver gave up; the union is derived from this object (no `enum`). */
export const CONVERGENCE_REASONS = {
  /** The function never changes sign over the searched range: no root there. */
  noSignChange: "no sign change",
  /** The function changes sign more than once: the root is not unique. */
  multipleRoots: "multiple roots",
  /** The iteration budget ran out before the tolerance was met. */
  maxIterations: "max iterations",
} as const;

/** One of the {@linkcode CONVERGENCE_REASONS} values. */
export type ConvergenceReason = typeof CONVERGENCE_REASONS[keyof typeof CONVERGENCE_REASONS];

/**
 * A solver (IRR, XIRR) found no unique answer. `reason` says why in machine-readable form; the
 * message says why in words and summarises the cash flows.
 *
 * @example
 * ```ts
 * import { ConvergenceError } from "./convergence_error.ts";
 * import { irr } from "./irr.ts";
 * import assert from "node:assert/strict";
 *
 * try {
 *   irr([{ t: 0, amount: 100 }, { t: 1, amount: 50 }]);
 *   assert.fail("expected a ConvergenceError");
 * } catch (error) {
 *   assert.ok(error instanceof ConvergenceError);
 *   assert.equal(error.name, "ConvergenceError");
 *   assert.equal(error.reason, "no sign change");
 *   assert.match(error.message, /no sign change/);
 * }
 * ```
 */
export class ConvergenceError extends Error {
  /** Why the solver gave up. */
  readonly reason: ConvergenceReason;

  /** An error with the given `reason` and a message that explains it. */
  constructor(reason: ConvergenceReason, message: string) {
    super(message);
    this.name = "ConvergenceError";
    this.reason = reason;
  }
}
