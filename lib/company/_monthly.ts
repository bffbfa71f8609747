// Monthly inputs of the company model: one value for every month, one value per month, or a
// Monte Carlo path set. Checks name the field, the month and the value.
import type { PathSet } from "../finance/path_set.ts";
import type { MonthlyValues } from "../site/site_plan.ts";

/** A per-month check from lib/units (`nonNegative`, `positive`, `fraction`…). */
export type Check = (field: string, value: number) => number;

/** The field name used in messages about month `month` of `field`. */
export function inMonth(field: string, month: number): string {
  return `${field} in month ${month}`;
}

/**
 * `values` expanded to `months` checked values. A series shorter than `months` is an error;
 * extra values are ignored.
 */
export function monthlySeries(
  field: string,
  values: MonthlyValues,
  months: number,
  check: Check,
): Float64Array {
  const out = new Float64Array(months);
  if (typeof values === "number") {
    out.fill(check(field, values));
    return out;
  }
  if (values === null || typeof values !== "object" || typeof values.length !== "number") {
    throw new TypeError(
      `Cannot use ${field}: expected a number or one number per month, got ${typeof values}`,
    );
  }
  if (values.length < months) {
    throw new RangeError(
      `Cannot use ${field}: expected ${months} monthly values, got ${values.length}`,
    );
  }
  for (let m = 0; m < months; m++) out[m] = check(inMonth(field, m), values[m]!);
  return out;
}

/** Checks every value of a series already expanded, naming the month of a bad one. */
export function checkSeries(
  field: string,
  values: ArrayLike<number>,
  months: number,
  check: Check,
): void {
  if (values === null || typeof values !== "object" || typeof values.length !== "number") {
    throw new TypeError(`Cannot use ${field}: expected one number per month, got ${typeof values}`);
  }
  if (values.length !== months) {
    throw new RangeError(
      `Cannot use ${field}: expected ${months} monthly values, got ${values.length}`,
    );
  }
  for (let m = 0; m < months; m++) check(inMonth(field, m), values[m]!);
}

/** Path `p`'s first `months` values, without copying. */
export function pathRow(set: PathSet, p: number, months: number): Float64Array {
  return set.paths.subarray(p * set.steps, p * set.steps + months);
}

/** Throws unless `set` is a PathSet with at least `months` steps. */
export function checkPaths(field: string, set: PathSet, months: number): void {
  if (!(set?.paths instanceof Float64Array) || set.paths.length !== set.pathCount * set.steps) {
    throw new TypeError(`Cannot use ${field}: expected a PathSet, got ${typeof set}`);
  }
  if (set.steps < months) {
    throw new RangeError(
      `Cannot use ${field}: expected at least ${months} monthly steps, got ${set.steps}`,
    );
  }
}
