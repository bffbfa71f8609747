import assert from "node:assert/strict";
import { datedFlowsToYears, monthlyFlows } from "./cash_flow.ts";

Deno.test("monthlyFlows puts amount i at month startMonth + i, in years", async (t) => {
  await t.step("default start is month 0", () => {
    const flows = monthlyFlows(Float64Array.of(-10, 1, 2));
    assert.deepEqual(flows, [{ t: 0, amount: -10 }, { t: 1 / 12, amount: 1 }, {
      t: 2 / 12,
      amount: 2,
    }]);
  });
  await t.step("month 12 is exactly one year", () => {
    assert.equal(monthlyFlows([0, 5], { startMonth: 11 })[1]!.t, 1);
  });
  await t.step("empty series gives no flows", () => {
    assert.deepEqual(monthlyFlows([]), []);
  });
  await t.step("bad input names the field and value", () => {
    assert.throws(() => monthlyFlows([1, Infinity]), {
      name: "RangeError",
      message: "Cannot use amounts[1]: expected a finite number, got Infinity",
    });
    assert.throws(() => monthlyFlows([1], { startMonth: -1 }), /startMonth.*got -1/);
    assert.throws(() => monthlyFlows([1], { startMonth: 0.5 }), /startMonth.*got 0.5/);
    // deno-lint-ignore no-explicit-any
    assert.throws(() => monthlyFlows(undefined as any), TypeError);
  });
});

Deno.test("datedFlowsToYears counts Actual/365 from the valuation date", async (t) => {
  await t.step("leap day counts as a day: 2024-01-01 to 2025-01-01 is 366/365 years", () => {
    const flows = datedFlowsToYears([
      { date: "2024-01-01", amount: -1 },
      { date: "2025-01-01", amount: 2 },
    ]);
    assert.equal(flows[1]!.t, 366 / 365);
  });
  await t.step("an explicit valuation date shifts t, and may precede or follow flows", () => {
    const flows = datedFlowsToYears(
      [{ date: "2025-01-01", amount: -1 }, { date: "2025-01-11", amount: 2 }],
      { valuationDate: "2025-01-06" },
    );
    assert.deepEqual(flows.map((f) => f.t), [-5 / 365, 5 / 365]);
  });
  await t.step("same-day flows are allowed", () => {
    const flows = datedFlowsToYears([
      { date: "2025-03-01", amount: -1 },
      { date: "2025-03-01", amount: 2 },
    ]);
    assert.deepEqual(flows.map((f) => f.t), [0, 0]);
  });
  await t.step("dates going backwards are an error naming the flow", () => {
    assert.throws(
      () =>
        datedFlowsToYears([
          { date: "2025-03-01", amount: -1 },
          { date: "2025-02-28", amount: 2 },
        ]),
      {
        name: "RangeError",
        message:
          "Cannot use flows[1].date: expected dates in order (on or after 2025-03-01), got 2025-02-28",
      },
    );
  });
  await t.step("malformed and impossible dates are errors", () => {
    for (const date of ["2025-1-01", "2025-13-01", "2025-02-29", "01/02/2025", ""]) {
      assert.throws(
        () => datedFlowsToYears([{ date, amount: 1 }]),
        new RegExp(`flows\\[0\\]\\.date: expected a date YYYY-MM-DD, got "${date}"`),
      );
    }
    assert.throws(
      () => datedFlowsToYears([{ date: "2025-01-01", amount: 1 }], { valuationDate: "x" }),
      /valuationDate/,
    );
    // deno-lint-ignore no-explicit-any
    assert.throws(() => datedFlowsToYears([{ date: 20250101 as any, amount: 1 }]), TypeError);
  });
  await t.step("empty flows and NaN amounts are errors", () => {
    assert.throws(
      () => datedFlowsToYears([]),
      /Cannot use flows: expected at least one cash flow, got 0/,
    );
    assert.throws(
      () => datedFlowsToYears([{ date: "2025-01-01", amount: NaN }]),
      /Cannot use flows\[0\]\.amount: expected a finite number, got NaN/,
    );
  });
  await t.step("years before 100 are not shifted to the 1900s", () => {
    const flows = datedFlowsToYears([{ date: "0099-12-31", amount: 1 }, {
      date: "0100-01-01",
      amount: 1,
    }]);
    assert.equal(flows[1]!.t, 1 / 365);
  });
});
