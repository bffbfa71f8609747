import assert from "node:assert/strict";
import type { CashFlow } from "./cash_flow.ts";
import { paybackPeriod } from "./payback.ts";
import { assertAlmostEquals } from "../testing/assert_almost_equals.ts";

const timed = (amounts: number[]): CashFlow[] => amounts.map((amount, t) => ({ t, amount }));
Deno.test("simple payback interpolates inside the paying period", async (t) => {
  await t.step("1,000 out, 300/400/500 back: cumulative -700, -300, +200 → 2 + 300/500", () => {
    assertAlmostEquals(paybackPeriod(timed([-1000, 300, 400, 500]))!, 2.6, 1e-12);
  });
  await t.step("without interpolation it is the time of the flow that pays back", () => {
    assert.equal(paybackPeriod(timed([-1000, 300, 400, 500]), { interpolate: false }), 3);
  });
  await t.step("exactly zero cumulative counts as paid back", () => {
    assertAlmostEquals(paybackPeriod(timed([-100, 50, 50]))!, 2, 1e-12);
  });
  await t.step("month indices with periodsPerYear return years", () => {
    const flows = timed([-1_000, ...Array<number>(24).fill(100)]);
    assertAlmostEquals(paybackPeriod(flows, { periodsPerYear: 12 })!, 10 / 12, 1e-12);
  });
});

Deno.test("discounted payback discounts each flow before accumulating", () => {
  // Hand computation at 10%: 400/1.1 = 363.636, 400/1.21 = 330.579, 400/1.331 = 300.526,
  // 400/1.4641 = 273.205; cumulative −636.364, −305.785, −5.259, +267.946.
  const flows = timed([-1000, 400, 400, 400, 400]);
  const d = [1, 2, 3, 4].map((year) => 400 / 1.1 ** year);
  const beforeYear4 = -1000 + d[0]! + d[1]! + d[2]!;
  assertAlmostEquals(paybackPeriod(flows, { rate: 0.1 })!, 3 + -beforeYear4 / d[3]!, 1e-12);
  assertAlmostEquals(paybackPeriod(flows, { rate: 0.1 })!, 3.01925, 1e-5);
  // Discounting can only delay payback.
  assert.ok(paybackPeriod(flows, { rate: 0.1 })! > paybackPeriod(flows)!);
});

Deno.test("payback: never, immediately, and after a later dip", async (t) => {
  await t.step("never paid back is undefined, not NaN", () => {
    assert.equal(paybackPeriod(timed([-1000, 100, 100])), undefined);
    assert.equal(paybackPeriod(timed([-1000, 400, 400, 400]), { rate: 0.5 }), undefined);
  });
  await t.step("cumulative never negative: the first flow's time", () => {
    assert.equal(paybackPeriod([{ t: 0.5, amount: 10 }, { t: 1, amount: 5 }]), 0.5);
  });
  await t.step("a later capex that pushes the total below zero moves payback later", () => {
    // Cumulative: −100, 0, −50, +50 → pays back for good in year 3 (after −50, +100).
    assertAlmostEquals(paybackPeriod(timed([-100, 100, -50, 100]))!, 2.5, 1e-12);
  });
});

Deno.test("payback rejects bad input", () => {
  assert.throws(() => paybackPeriod([]), /at least one cash flow/);
  assert.throws(
    () => paybackPeriod([{ t: 1, amount: -1 }, { t: 0, amount: 2 }]),
    { name: "RangeError", message: "Cannot use flows[1].t: expected times in order (>= 1), got 0" },
  );
  assert.throws(() => paybackPeriod(timed([-1, NaN])), /flows\[1\]\.amount.*NaN/);
  assert.throws(() => paybackPeriod(timed([-1, 2]), { rate: -1 }), /Cannot use rate/);
  assert.throws(() => paybackPeriod(timed([-1, 2]), { periodsPerYear: 0 }), /periodsPerYear/);
});
