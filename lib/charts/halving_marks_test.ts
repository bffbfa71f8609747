import assert from "node:assert/strict";
import { halvingEvents, halvingPeriods } from "./halving_marks.ts";
import { withShadedPeriods } from "./shaded_periods.ts";
import { timeSeriesSpec } from "./time_series.ts";

// Header-time days of blocks 420,000, 630,000 and 840,000.
const HALVINGS = [{ date: "2016-07-09" }, { date: "2020-05-11" }, { date: "2024-04-20" }];

Deno.test("one labelled rule per halving, in order", () => {
  assert.deepEqual(halvingEvents(HALVINGS).map((e) => e.label), [
    "Halving 2016",
    "Halving 2020",
    "Halving 2024",
  ]);
  assert.deepEqual(halvingEvents([]), []);
});

Deno.test("periods run the given days from each halving, across a leap day", () => {
  const periods = halvingPeriods(HALVINGS, { days: 180 });
  assert.deepEqual(periods.map((p) => p.to), ["2017-01-05", "2020-11-07", "2024-10-17"]);
  assert.equal(halvingPeriods(HALVINGS, { days: 0 })[0]!.to, "2016-07-09");
  assert.throws(() => halvingPeriods([{ date: "2024-4-20" }], { days: 1 }), /expected YYYY-MM-DD/);
  assert.throws(() => halvingPeriods(HALVINGS, { days: -1 }), /Cannot use days: expected a whole/);
});

Deno.test("the marks compose with a time series and its shading", () => {
  const rows = [{ date: "2016-01-01", v: 1 }, { date: "2025-01-01", v: 2 }];
  const spec = withShadedPeriods(
    timeSeriesSpec(rows, { x: "date", y: "v", events: halvingEvents(HALVINGS) }),
    halvingPeriods(HALVINGS, { days: 180 }),
  );
  const text = JSON.stringify(spec);
  assert.ok(text.includes("Halving 2020") && text.includes("180 days after halving"));
});
