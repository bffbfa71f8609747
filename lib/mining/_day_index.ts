/**
 * Where a day sits in a daily series, or a clear error when the series does not hold it.
 *
 * @module
 */

/** Index of `day` in `dates`; a `RangeError` naming `field` and the series' span otherwise. */
export function dayIndex(dates: readonly string[], day: string, field: string): number {
  const i = dates.indexOf(day);
  if (i === -1) {
    throw new RangeError(
      `Cannot use ${field}: the series has no day ${JSON.stringify(day)} (it runs from ${
        dates[0] ?? "nothing"
      } to ${dates.at(-1) ?? "nothing"})`,
    );
  }
  return i;
}
