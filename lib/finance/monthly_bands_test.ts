import assert from "node:assert/strict";
import { gbmPaths } from "./gbm_paths.ts";
import { monthlyBands } from "./monthly_bands.ts";
import { percentileBands } from "./percentile_bands.ts";

Deno.test("monthlyBands: percentileBands of the divided paths, dated at month ends", () => {
  const set = gbmPaths({
    start: 70_000,
    driftAnnual: 0,
    volAnnual: 0.5,
    steps: 24,
    stepYears: 1 / 12,
    paths: 200,
    seed: 7,
  });
  const rows = monthlyBands(set, {
    start: "2024-01-31",
    percentiles: [10, 50, 90],
    divideBy: 1e3,
  });
  const expected = percentileBands({ ...set, paths: set.paths.map((v) => v / 1e3) }, {
    percentiles: [10, 50, 90],
  }).rows;
  assert.equal(rows.length, 24);
  rows.forEach((row, s) => {
    assert.deepEqual(Object.keys(row), ["date", "p10", "p50", "p90"]);
    assert.equal(row.p10, expected[s]!.p10);
    assert.equal(row.p90, expected[s]!.p90);
    assert.ok(row.p10! <= row.p50! && row.p50! <= row.p90!);
  });
  // 365 ÷ 12 = 30.42 days a month: month 0 ends on 2 March (a leap February), month 23 after 730.
  assert.equal(rows[0]!.date, "2024-03-01");
  assert.equal(rows[23]!.date, "2026-01-30");
});

Deno.test("monthlyBands rejects a bad divisor or percentile", () => {
  const set = { paths: Float64Array.of(1, 2), pathCount: 1, steps: 2, seed: 1 };
  assert.throws(
    () => monthlyBands(set, { start: "2024-01-31", divideBy: Infinity }),
    /divideBy: expected a finite number, got Infinity/,
  );
  assert.throws(
    () => monthlyBands(set, { start: "2024-01-31", percentiles: [120] }),
    /120/,
  );
});
