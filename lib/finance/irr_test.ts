import assert from "node:assert/strict";
import { type CashFlow, monthlyFlows } from "./cash_flow.ts";
import { ConvergenceError } from "./convergence_error.ts";
import { irr, xirr } from "./irr.ts";
import { npv } from "./npv.ts";
import { createRng } from "./rng.ts";
import { assertAlmostEquals } from "../testing/assert_almost_equals.ts";

const timed = (amounts: number[]): CashFlow[] => amounts.map((amount, t) => ({ t, amount }));

Deno.test("irr reproduces rates known in closed form", async (t) => {
  await t.step("[-100, 110] is 10%", () => {
    assertAlmostEquals(irr(timed([-100, 110])), 0.1, 1e-12);
  });
  await t.step("[-100, 0, 121] is 10%", () => {
    assertAlmostEquals(irr(timed([-100, 0, 121])), 0.1, 1e-12);
  });
  await t.step("a level annuity priced at 8% has an IRR of 8%", () => {
    // Payment on 1,000 over 5 years at 8%: 1000 × 0.08 / (1 − 1.08^−5) = 250.456…
    const payment = (1000 * 0.08) / (1 - 1.08 ** -5);
    assertAlmostEquals(
      irr(timed([-1000, payment, payment, payment, payment, payment])),
      0.08,
      1e-12,
    );
  });
  await t.step("monthly flows give the annual effective rate", () => {
    // 1% a month for 24 months on 1,000: annual rate 1.01^12 − 1.
    const payment = (1000 * 0.01) / (1 - 1.01 ** -24);
    const amounts = [-1000, ...Array<number>(24).fill(payment)];
    assertAlmostEquals(irr(timed(amounts), { periodsPerYear: 12 }), 1.01 ** 12 - 1, 1e-11);
    assertAlmostEquals(irr(monthlyFlows(amounts)), 1.01 ** 12 - 1, 1e-11);
  });
  await t.step("losses and extreme rates inside the documented bracket", () => {
    assertAlmostEquals(irr(timed([-100, 50])), -0.5, 1e-12);
    assertAlmostEquals(irr(timed([-1, 0.0002])), -0.9998, 1e-12);
    assertAlmostEquals(irr(timed([-1, 5_000])), 4_999, 1e-8);
    assertAlmostEquals(
      irr([{ t: 0, amount: -100 }, { t: 30, amount: 100 * 1.07 ** 30 }]),
      0.07,
      1e-12,
    );
  });
  await t.step("flows out of time order give the same rate", () => {
    assertAlmostEquals(irr([{ t: 1, amount: 110 }, { t: 0, amount: -100 }]), 0.1, 1e-12);
  });
});

Deno.test("invariant: npv at the irr is zero, for random conventional projects", () => {
  const rng = createRng(2024);
  let solved = 0;
  for (let trial = 0; trial < 200; trial++) {
    const months = 12 + rng.int(349);
    const amounts = Array.from(
      { length: months },
      (_, m) => m < 1 + rng.int(12) ? -1_000 * (0.5 + rng.uniform()) : 100 * rng.uniform(),
    );
    const flows = monthlyFlows(amounts);
    let rate: number;
    try {
      rate = irr(flows);
    } catch (error) {
      // Projects that never earn their money back at any rate in range have no IRR; that is an
      // error with a reason, never NaN.
      assert.ok(error instanceof ConvergenceError, String(error));
      continue;
    }
    assert.ok(Number.isFinite(rate));
    // Relative to the present value of the absolute flows: the size of the terms that cancel.
    const scale = npv(monthlyFlows(amounts.map(Math.abs)), { rate });
    assert.ok(
      Math.abs(npv(flows, { rate })) <= 1e-9 * scale,
      `trial ${trial}: npv at ${rate} is ${npv(flows, { rate })}`,
    );
    solved++;
  }
  assert.ok(solved > 150, `only ${solved} of 200 projects solved`);
});

Deno.test("irr never returns NaN: random flows give a rate with npv ≈ 0 or a ConvergenceError", () => {
  const rng = createRng(7);
  let solved = 0;
  for (let trial = 0; trial < 300; trial++) {
    const amounts = Array.from({ length: 2 + rng.int(10) }, () => 200 * (rng.uniform() - 0.5));
    try {
      const rate = irr(timed(amounts));
      assert.ok(Number.isFinite(rate) && rate > -1);
      const residual = npv(timed(amounts), { rate });
      assert.ok(
        Math.abs(residual) <= 1e-9 * npv(timed(amounts.map(Math.abs)), { rate }),
        `trial ${trial}: ${amounts.join(", ")} → ${rate}, npv ${residual}`,
      );
      solved++;
    } catch (error) {
      assert.ok(error instanceof ConvergenceError, String(error));
      assert.match(error.message, /no sign change|multiple IRRs/);
    }
  }
  assert.ok(solved > 100, `only ${solved} of 300 random flows solved`);
});

Deno.test("irr throws ConvergenceError with reason and flows summary", async (t) => {
  await t.step("no sign change in the amounts", () => {
    assert.throws(() => irr(timed([100, 50])), (error: unknown) => {
      assert.ok(error instanceof ConvergenceError);
      assert.equal(error.reason, "no sign change");
      assert.match(error.message, /^Cannot compute irr: no sign change in the cash flows/);
      assert.match(error.message, /flows: 2 from t = 0 to 1 years, outflows 0, inflows 150/);
      return true;
    });
    assert.throws(() => irr(timed([-1, -2])), { name: "ConvergenceError", message: /<= 0/ });
    assert.throws(() => irr(timed([0, 0])), { name: "ConvergenceError" });
  });
  await t.step("no sign change of NPV within the bracket", () => {
    // IRR is 999,999 (99,999,900%), above the default bracket's 10,000.
    assert.throws(() => irr(timed([-1, 1_000_000])), (error: unknown) => {
      assert.ok(error instanceof ConvergenceError);
      assert.equal(error.reason, "no sign change");
      assert.match(error.message, /no sign change in NPV between rates -0.9999 and 10000/);
      return true;
    });
    assertAlmostEquals(irr(timed([-1, 1_000_000]), { high: 2e6 }), 999_999, 1e-3);
  });
  await t.step("multiple IRRs (10% and 20%), resolved by a narrower bracket", () => {
    const flows = timed([-100, 230, -132]);
    assert.throws(() => irr(flows), (error: unknown) => {
      assert.ok(error instanceof ConvergenceError);
      assert.equal(error.reason, "multiple roots");
      assert.match(error.message, /multiple IRRs — NPV changes sign 2 times/);
      assert.match(error.message, /at rates 0\.1, 0\.2;/);
      return true;
    });
    assertAlmostEquals(irr(flows, { high: 0.15 }), 0.1, 1e-12);
    assertAlmostEquals(irr(flows, { low: 0.15 }), 0.2, 1e-12);
  });
  await t.step("every flow at the same time: NPV does not depend on the rate", () => {
    const sameTime = [{ t: 1, amount: -5 }, { t: 1, amount: 5 }];
    assert.throws(() => irr(sameTime), {
      name: "ConvergenceError",
      message: /every flow is at the same time, so NPV \(0\) does not depend on the rate/,
    });
    assert.throws(() => irr([{ t: 0, amount: -5 }, { t: 0, amount: 6 }]), /NPV \(1\)/);
  });
  await t.step("iteration budget spent", () => {
    assert.throws(() => irr(timed([-100, 110]), { maxIterations: 1 }), (error: unknown) => {
      assert.ok(error instanceof ConvergenceError);
      assert.equal(error.reason, "max iterations");
      assert.match(error.message, /did not converge in 1 iterations/);
      return true;
    });
  });
});

Deno.test("irr and xirr reject bad input with RangeError", () => {
  assert.throws(() => irr([]), { name: "RangeError", message: /at least one cash flow, got 0/ });
  assert.throws(
    () => irr(timed([-1, NaN])),
    /flows\[1\]\.amount: expected a finite number, got NaN/,
  );
  assert.throws(() => irr(timed([-1, 2]), { low: -1 }), /Cannot use low: expected a rate > -1/);
  assert.throws(
    () => irr(timed([-1, 2]), { low: 0.5, high: 0.2 }),
    /Cannot use high: expected a rate above low \(0.5\), got 0.2/,
  );
  assert.throws(() => irr(timed([-1, 2]), { tolerance: 0 }), /tolerance/);
  assert.throws(() => irr(timed([-1, 2]), { maxIterations: 0 }), /maxIterations/);
  assert.throws(() => irr(timed([-1, 2]), { periodsPerYear: -12 }), /periodsPerYear/);
  assert.throws(
    () => xirr([{ date: "2025-02-01", amount: -1 }, { date: "2025-01-01", amount: 2 }]),
    /dates in order/,
  );
});

Deno.test("xirr", async (t) => {
  await t.step("Microsoft's documented example: 0.373362535", () => {
    // support.microsoft.com "XIRR function": the same five flows return 0.373362535 (37.34%).
    const flows = [
      { date: "2008-01-01", amount: -10_000 },
      { date: "2008-03-01", amount: 2_750 },
      { date: "2008-10-30", amount: 4_250 },
      { date: "2009-02-15", amount: 3_250 },
      { date: "2009-04-01", amount: 2_750 },
    ];
    const rate = xirr(flows);
    assertAlmostEquals(rate, 0.373362535, 5e-9);
    // Verified numerically: the XNPV sum at that rate is zero (days 0, 60, 303, 411, 456).
    const days = [0, 60, 303, 411, 456];
    const sum = flows.reduce((s, f, i) => s + f.amount / (1 + rate) ** (days[i]! / 365), 0);
    assertAlmostEquals(sum, 0, 1e-8);
  });
  await t.step("on yearly dates with 365-day years it agrees with irr", () => {
    const amounts = [-1_000, 300, 400, 500];
    const dated = ["2021-01-01", "2022-01-01", "2023-01-01", "2024-01-01"].map((date, i) => ({
      date,
      amount: amounts[i]!,
    }));
    assertAlmostEquals(xirr(dated), irr(timed(amounts)), 1e-12);
  });
  await t.step("across a leap year Actual/365 counts 366/365 of a year", () => {
    const dated = [{ date: "2024-01-01", amount: -100 }, { date: "2025-01-01", amount: 110 }];
    assertAlmostEquals(xirr(dated), 1.1 ** (365 / 366) - 1, 1e-12);
  });
});
