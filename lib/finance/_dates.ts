// Strict ISO calendar days for dated cash flows. Day counts are exact integers, so Actual/365
// year fractions match Excel's XNPV/XIRR. The calendar arithmetic is lib/units/calendar.ts's.
import { isIsoDate, isoDayNumber as dayNumber } from "../units/calendar.ts";

/**
 * Days since 1970-01-01 of the ISO day `value` ("YYYY-MM-DD"); a malformed string or an
 * impossible date (2023-02-29) is a RangeError naming `field`.
 */
export function isoDayNumber(field: string, value: string): number {
  if (typeof value !== "string") {
    throw new TypeError(
      `Cannot use ${field}: expected a date string YYYY-MM-DD, got ${typeof value} ${
        String(value)
      }`,
    );
  }
  if (!isIsoDate(value)) {
    throw new RangeError(`Cannot use ${field}: expected a date YYYY-MM-DD, got "${value}"`);
  }
  return dayNumber(value);
}
