import assert from "node:assert/strict";
import { yearSums } from "./year_sums.ts";

Deno.test("yearSums: blocks of 12 months, a short last year, the same total", () => {
  const monthly = Float64Array.from({ length: 25 }, (_, m) => m + 1); // 1, 2, …, 25
  const years = yearSums(monthly);
  // 1+…+12 = 78; 13+…+24 = 222; then 25 alone.
  assert.deepEqual(years, [78, 222, 25]);
  assert.equal(years.reduce((a, b) => a + b, 0), 25 * 26 / 2);
  assert.deepEqual(yearSums([5, -5]), [0]);
});
