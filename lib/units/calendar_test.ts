// Which strings are calendar days: every row date of every dataset passes through isIsoDate.
import assert from "node:assert/strict";
import { isIsoDate } from "./calendar.ts";

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
