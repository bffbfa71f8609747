// Running a scalar model for sensitivity tables (tornado, scenario grid), with the checks.
import { finite } from "../units/checks.ts";
import type { ScalarModel } from "./tornado.ts";

/** Throws unless `model` is a function. */
export function checkModel(model: unknown): void {
  if (typeof model !== "function") {
    throw new TypeError(`Cannot use model: expected a function, got ${typeof model}`);
  }
}

/** Throws unless every base input is a finite number. */
export function checkBase(base: Readonly<Record<string, number>>): void {
  if (base === null || typeof base !== "object") {
    throw new TypeError(`Cannot use base: expected an object of numbers, got ${typeof base}`);
  }
  for (const [key, value] of Object.entries(base)) finite(`base.${key}`, value);
}

/** The model's output for `inputs`; a non-finite output is a RangeError naming `label`. */
export function run(model: ScalarModel, inputs: Record<string, number>, label: string): number {
  const output = model(inputs);
  if (typeof output !== "number" || !Number.isFinite(output)) {
    throw new RangeError(
      `Cannot use model: expected a finite number at ${label}, got ${String(output)}`,
    );
  }
  return output;
}
