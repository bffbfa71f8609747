/**
 * Halvings on a time axis: a labelled rule at each (`timeSeriesSpec`'s `events`) and a shaded
 * period after each (`withShadedPeriods`), labelled alike in every note.
 *
 * @module
 */
import { addIsoDays } from "../units/calendar.ts";
import { wholeNumber } from "../units/checks.ts";
import type { ShadedPeriod } from "./shaded_periods.ts";
import type { EventMarker } from "./time_series.ts";

/** What the marks need of a halving: its day, `YYYY-MM-DD` (`pastHalvings` gives it). */
export interface HalvingDay {
  /** UTC day of the halving block. */
  readonly date: string;
}

/**
 * A rule at each halving, labelled "Halving YYYY".
 *
 * @example
 * ```ts
 * import { halvingEvents } from "./halving_marks.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(halvingEvents([{ date: "2024-04-20" }]), [{ date: "2024-04-20", label: "Halving 2024" }]);
 * ```
 */
export function halvingEvents(halvings: readonly HalvingDay[]): EventMarker[] {
  return halvings.map((h) => ({ date: h.date, label: `Halving ${h.date.slice(0, 4)}` }));
}

/**
 * A shaded period of `days` days from each halving, labelled "N days after halving".
 *
 * @example
 * ```ts
 * import { halvingPeriods } from "./halving_marks.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(halvingPeriods([{ date: "2024-04-20" }], { days: 180 }), [
 *   { from: "2024-04-20", to: "2024-10-17", label: "180 days after halving" },
 * ]);
 * assert.throws(() => halvingPeriods([], { days: 1.5 }), /Cannot use days: expected a whole number >= 0, got 1.5/);
 * ```
 */
export function halvingPeriods(
  halvings: readonly HalvingDay[],
  options: { readonly days: number },
): ShadedPeriod[] {
  const days = wholeNumber("days", options.days, 0);
  return halvings.map((h) => ({
    from: h.date,
    to: addIsoDays(h.date, days),
    label: `${days} days after halving`,
  }));
}
