/**
 * Calendar days written as ISO `YYYY-MM-DD` strings: which strings are real days, and day
 * arithmetic, always in UTC.
 *
 * @module
 */
import { wholeNumber } from "./checks.ts";

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * True when `text` is a real calendar date written `YYYY-MM-DD`.
 *
 * @example
 * ```ts
 * import { isIsoDate } from "./calendar.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(isIsoDate("2024-02-29"), true);
 * assert.equal(isIsoDate("2023-02-29"), false);
 * assert.equal(isIsoDate("2024-1-01"), false);
 * ```
 */
export function isIsoDate(text: string): boolean {
  // Arithmetic rather than `new Date()`: this runs once per row of every file.
  if (!ISO_DATE.test(text)) return false;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= days;
}

/**
 * True for `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a real year, month or day: a date as a
 * source may state it, only as precisely as it knows.
 *
 * @example
 * ```ts
 * import { isPartialIsoDate } from "./calendar.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(isPartialIsoDate("2022-07"), true);
 * assert.equal(isPartialIsoDate("2021-05-07"), true);
 * assert.equal(isPartialIsoDate("2022-13"), false);
 * assert.equal(isPartialIsoDate("Jul 2022"), false);
 * ```
 */
export function isPartialIsoDate(text: string): boolean {
  if (/^\d{4}$/.test(text)) return true;
  if (/^\d{4}-\d{2}$/.test(text)) return isIsoDate(`${text}-01`);
  return isIsoDate(text);
}

/**
 * The day after `isoDay`.
 *
 * @example
 * ```ts
 * import { nextIsoDay } from "./calendar.ts";
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
 * import { addIsoDays } from "./calendar.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(addIsoDays("2024-03-01", -1), "2024-02-29");
 * ```
 */
export function addIsoDays(isoDay: string, days: number): string {
  const ms = Date.parse(`${isoDay}T00:00:00Z`);
  if (Number.isNaN(ms)) {
    throw new RangeError(`Cannot read date: expected YYYY-MM-DD, got "${isoDay}"`);
  }
  return new Date(ms + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The end of month `month` (from 0) of a monthly projection that starts on `start`: `start` plus
 * `(month + 1) × 365 ÷ 12` days, rounded to a whole day, as the models' average month
 * (`DAYS_PER_MONTH`) places monthly flows.
 *
 * @example
 * ```ts
 * import { monthEndIsoDate } from "./calendar.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(monthEndIsoDate("2026-06-01", 0), "2026-07-01"); // 30.4 days
 * assert.equal(monthEndIsoDate("2026-06-01", 11), "2027-06-01"); // 365 days
 * assert.throws(() => monthEndIsoDate("2026-06-01", -1), /Cannot use month: expected a whole number >= 0, got -1/);
 * ```
 */
export function monthEndIsoDate(start: string, month: number): string {
  return addIsoDays(start, Math.round((wholeNumber("month", month) + 1) * 365 / 12));
}

/**
 * Days since 1970-01-01 of an ISO day, by calendar arithmetic (no `Date` objects: this runs
 * once per row when checking that dates are consecutive). The input must be a valid date.
 *
 * @example
 * ```ts
 * import { isoDayNumber } from "./calendar.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(isoDayNumber("1970-01-01"), 0);
 * assert.equal(isoDayNumber("2024-03-01") - isoDayNumber("2024-02-28"), 2);
 * ```
 */
export function isoDayNumber(isoDay: string): number {
  // Howard Hinnant's days_from_civil.
  let y = Number(isoDay.slice(0, 4));
  const m = Number(isoDay.slice(5, 7));
  const d = Number(isoDay.slice(8, 10));
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * The last calendar quarter end (31 March, 30 June, 30 September, 31 December) strictly before
 * an ISO day: the period a company's previous quarterly figures are as of.
 *
 * @example
 * ```ts
 * import { quarterEndBefore } from "./calendar.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(quarterEndBefore("2025-12-31"), "2025-09-30");
 * assert.equal(quarterEndBefore("2026-01-01"), "2025-12-31");
 * assert.equal(quarterEndBefore("2026-05-15"), "2026-03-31");
 * assert.throws(() => quarterEndBefore("2026-13-01"), /Cannot take the quarter end before "2026-13-01"/);
 * ```
 */
export function quarterEndBefore(isoDay: string): string {
  if (!isIsoDate(isoDay)) {
    throw new RangeError(
      `Cannot take the quarter end before ${JSON.stringify(isoDay)}: expected YYYY-MM-DD`,
    );
  }
  const year = Number(isoDay.slice(0, 4));
  const month = Number(isoDay.slice(5, 7));
  // The day before the first day of the day's own quarter.
  const quarterStart = `${year}-${String(month - (month - 1) % 3).padStart(2, "0")}-01`;
  return addIsoDays(quarterStart, -1);
}
