/**
 * Calendar-day arithmetic on ISO `YYYY-MM-DD` strings, always in UTC.
 *
 * @module
 */

const DAY_MS = 86_400_000;

/**
 * The day after `isoDay`.
 *
 * @example
 * ```ts
 * import { nextIsoDay } from "./dates.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(nextIsoDay("2024-02-28"), "2024-02-29");
 * assert.equal(nextIsoDay("2024-12-31"), "2025-01-01");
 * ```
 */
export function nextIsoDay(isoDay: string): string {
  return addIsoDays(isoDay, 1);
}

/**
 * `isoDay` moved by `days` (negative goes back).
 *
 * @example
 * ```ts
 * import { addIsoDays } from "./dates.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(addIsoDays("2024-03-01", -1), "2024-02-29");
 * ```
 */
export function addIsoDays(isoDay: string, days: number): string {
  const ms = Date.parse(`${isoDay}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new RangeError(`Cannot read date: expected YYYY-MM-DD, got "${isoDay}"`);
  return new Date(ms + days * DAY_MS).toISOString().slice(0, 10);
}
