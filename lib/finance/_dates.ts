// Strict ISO calendar days for dated cash flows. Day counts are exact integers, so Actual/365
// year fractions match Excel's XNPV/XIRR.

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

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
  const match = ISO_DAY.exec(value);
  if (match !== null) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    // setUTCFullYear (unlike Date.UTC) keeps years 0–99 as written; it rolls 2023-02-29 over
    // to 2023-03-01, so a round trip catches impossible days.
    const date = new Date(0);
    date.setUTCFullYear(year, month - 1, day);
    if (date.getUTCMonth() === month - 1 && date.getUTCDate() === day) {
      return date.getTime() / DAY_MS;
    }
  }
  throw new RangeError(`Cannot use ${field}: expected a date YYYY-MM-DD, got "${value}"`);
}
