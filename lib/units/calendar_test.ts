// Which strings are calendar days: every row date of every dataset passes through isIsoDate.
import assert from "node:assert/strict";
import { isIsoDate, monthEndIsoDate, quarterEndBefore } from "./calendar.ts";

Deno.test("isIsoDate accepts only real calendar days written YYYY-MM-DD", () => {
  for (const ok of ["2024-02-29", "2009-01-03", "2026-06-01", "2000-02-29", "1999-12-31"]) {
    assert.equal(isIsoDate(ok), true, ok);
  }
  const bad = [
    "2024-02-30", // no such day
    "2023-02-29", // not a leap year
    "1900-02-29", // century, not a leap year
    "2024-13-01",
    "2024-00-10",
    "2024-04-31",
    "20240101",
    "2024-1-01",
    "2024/01/01",
    " 2024-01-01",
    "2024-01-01 ",
    "2024-01-01T00:00:00Z",
    "",
  ];
  for (const text of bad) assert.equal(isIsoDate(text), false, JSON.stringify(text));
});

Deno.test("monthEndIsoDate places month m at (m + 1) × 365 ÷ 12 days, rounded", () => {
  // 30.42 days → 30; 60.83 → 61; 365 and 730 days exactly after 12 and 24 months.
  assert.equal(monthEndIsoDate("2026-01-01", 0), "2026-01-31");
  assert.equal(monthEndIsoDate("2026-01-01", 1), "2026-03-03");
  assert.equal(monthEndIsoDate("2026-01-01", 11), "2027-01-01");
  assert.equal(monthEndIsoDate("2026-01-01", 23), "2028-01-01");
  // 365-day years: a projection across 29 February 2028 lands a day earlier in the calendar.
  assert.equal(monthEndIsoDate("2027-06-01", 11), "2028-05-31");
  assert.throws(
    () => monthEndIsoDate("2026-01-01", 1.5),
    /Cannot use month: expected a whole number >= 0, got 1.5/,
  );
  assert.throws(
    () => monthEndIsoDate("2026-01-01", NaN),
    /Cannot use month: expected a finite number, got NaN/,
  );
  assert.throws(() => monthEndIsoDate("June", 0), /expected YYYY-MM-DD, got "June"/);
});

Deno.test("quarterEndBefore gives the last quarter end strictly before a day", () => {
  const cases: [string, string][] = [
    ["2024-01-01", "2023-12-31"],
    ["2024-03-31", "2023-12-31"], // a quarter end itself is not before itself
    ["2024-04-01", "2024-03-31"],
    ["2024-07-15", "2024-06-30"],
    ["2024-10-01", "2024-09-30"],
    ["2024-12-31", "2024-09-30"],
  ];
  for (const [day, expected] of cases) assert.equal(quarterEndBefore(day), expected, day);
  for (const bad of ["2024-02-30", "2024-Q1", ""]) {
    assert.throws(() => quarterEndBefore(bad), /expected YYYY-MM-DD/, bad);
  }
});
