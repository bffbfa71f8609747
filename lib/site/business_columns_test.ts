import assert from "node:assert/strict";
import { businessColumns, CLOCK_MEASURE } from "./business_columns.ts";

const ROWS = [
  {
    business: "Self-mining (S21)",
    revenue: 633e3,
    margin: 283e3,
    capex: 1.26e6,
    paybackYears: 4.46,
    clockYears: 1.88,
  },
  {
    business: "GPU cloud (H100)",
    revenue: 10.9e6,
    margin: 9.3e6,
    capex: 30.2e6,
    paybackYears: 3.25,
    clockYears: 5,
  },
];

Deno.test("businessColumns: two bars per business where two measures compare, in order", () => {
  const bars = businessColumns(ROWS);
  assert.deepEqual(bars.earnings.map((b) => [b.business, b.measure]), [
    ["Self-mining (S21)", "Revenue"],
    ["Self-mining (S21)", "Cash margin"],
    ["GPU cloud (H100)", "Revenue"],
    ["GPU cloud (H100)", "Cash margin"],
  ]);
  assert.deepEqual(bars.earnings.map((b) => b.usdM), [0.633, 0.283, 10.9, 9.3]);
  assert.deepEqual(bars.capex.map((b) => b.capexM), [1.26, 30.2]);
  assert.deepEqual(bars.payback.map((b) => [b.measure, b.years]), [
    ["Payback", 4.46],
    [CLOCK_MEASURE, 1.88],
    ["Payback", 3.25],
    [CLOCK_MEASURE, 5],
  ]);
  assert.deepEqual(businessColumns([]), { earnings: [], capex: [], payback: [] });
});
