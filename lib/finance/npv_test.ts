import assert from "node:assert/strict";
import { monthlyFlows } from "./cash_flow.ts";
import { npv, xnpv } from "./npv.ts";
import { assertAlmostEquals } from "../testing/assert_almost_equals.ts";

// Microsoft's XIRR/XNPV documentation example (support.microsoft.com, "XNPV function"):
// XNPV(0.09, …) = 2,086.65.
const MICROSOFT_FLOWS = [
  { date: "2008-01-01", amount: -10_000 },
  { date: "2008-03-01", amount: 2_750 },
  { date: "2008-10-30", amount: 4_250 },
  { date: "2009-02-15", amount: 3_250 },
  { date: "2009-04-01", amount: 2_750 },
];

Deno.test("npv discounts annually at (1 + rate)^t, t = 0 undiscounted", async (t) => {
  await t.step("hand-computed: -1000 now, 600 in 1 year, 600 in 2 years at 10%", () => {
    const expected = -1000 + 600 / 1.1 + 600 / 1.21; // 41.3223…
    assertAlmostEquals(
      npv([{ t: 0, amount: -1000 }, { t: 1, amount: 600 }, { t: 2, amount: 600 }], { rate: 0.1 }),
      expected,
      1e-9,
    );
  });
  await t.step("fractional years: 100 in 6 months at 21% is 100 / 1.1", () => {
    assertAlmostEquals(npv([{ t: 0.5, amount: 100 }], { rate: 0.21 }), 100 / 1.1, 1e-9);
  });
  await t.step("month indices with periodsPerYear: 12 equal years from monthlyFlows", () => {
    const amounts = Array.from({ length: 61 }, (_, m) => (m === 0 ? -5_000 : 120));
    const viaMonths = npv(amounts.map((amount, m) => ({ t: m, amount })), {
      rate: 0.08,
      periodsPerYear: 12,
    });
    const viaYears = npv(monthlyFlows(amounts), { rate: 0.08 });
    assertAlmostEquals(viaMonths, viaYears, 1e-9);
    // Independent: the monthly rate equivalent to 8% a year, and an annuity of 60 payments.
    const monthly = 1.08 ** (1 / 12) - 1;
    assertAlmostEquals(viaYears, -5_000 + 120 * (1 - (1 + monthly) ** -60) / monthly, 1e-8);
  });
  await t.step("a zero rate sums the amounts; negative rates above -100% compound up", () => {
    assertAlmostEquals(npv([{ t: 0, amount: -3 }, { t: 7, amount: 5 }], { rate: 0 }), 2, 1e-9);
    assertAlmostEquals(npv([{ t: 1, amount: 100 }], { rate: -0.5 }), 200, 1e-9);
  });
  await t.step("order of flows does not matter", () => {
    const flows = [{ t: 2, amount: 50 }, { t: 0, amount: -80 }, { t: 1, amount: 40 }];
    assertAlmostEquals(
      npv(flows, { rate: 0.07 }),
      npv([...flows].reverse(), { rate: 0.07 }),
      1e-12,
    );
  });
});

Deno.test("invariant: NPV of a conventional project falls as the rate rises", () => {
  // Investment at t = 0, inflows after: every term but the first falls with the rate. (Outlays
  // spread over later months would not give this: their discounting raises NPV.)
  const flows = monthlyFlows(Array.from({ length: 120 }, (_, m) => (m === 0 ? -12_000 : 150)));
  let previous = Infinity;
  for (let rate = -0.5; rate <= 2; rate += 0.05) {
    const value = npv(flows, { rate });
    assert.ok(value < previous, `NPV at ${rate} (${value}) should be below ${previous}`);
    previous = value;
  }
});

Deno.test("xnpv matches Microsoft's documented example and Actual/365", async (t) => {
  await t.step("XNPV(9%) = 2,086.65", () => {
    // Hand check of the same sum: days from 2008-01-01 are 0, 60, 303, 411, 456.
    const days = [0, 60, 303, 411, 456];
    const expected = MICROSOFT_FLOWS.reduce(
      (sum, f, i) => sum + f.amount / 1.09 ** (days[i]! / 365),
      0,
    );
    assertAlmostEquals(xnpv(MICROSOFT_FLOWS, { rate: 0.09 }), expected, 1e-9);
    assert.equal(xnpv(MICROSOFT_FLOWS, { rate: 0.09 }).toFixed(2), "2086.65");
  });
  await t.step("a later valuation date compounds the value forward", () => {
    const atStart = xnpv(MICROSOFT_FLOWS, { rate: 0.09 });
    const ayearLater = xnpv(MICROSOFT_FLOWS, { rate: 0.09, valuationDate: "2009-01-01" });
    assertAlmostEquals(ayearLater, atStart * 1.09 ** (366 / 365), 1e-8);
  });
  await t.step("dated flows going backwards are an error", () => {
    assert.throws(
      () => xnpv([MICROSOFT_FLOWS[1]!, MICROSOFT_FLOWS[0]!], { rate: 0.1 }),
      /flows\[1\]\.date: expected dates in order/,
    );
  });
});

Deno.test("npv and xnpv reject bad input, naming field and value", async (t) => {
  const ok = [{ t: 0, amount: -1 }, { t: 1, amount: 2 }];
  await t.step("NaN and Infinity in flows", () => {
    assert.throws(() => npv([{ t: 0, amount: NaN }], { rate: 0.1 }), {
      name: "RangeError",
      message: "Cannot use flows[0].amount: expected a finite number, got NaN",
    });
    assert.throws(
      () => npv([{ t: 0, amount: 1 }, { t: Infinity, amount: 1 }], { rate: 0.1 }),
      /Cannot use flows\[1\]\.t: expected a finite number, got Infinity/,
    );
  });
  await t.step("empty flows", () => {
    assert.throws(() => npv([], { rate: 0.1 }), {
      name: "RangeError",
      message: "Cannot use flows: expected at least one cash flow, got 0",
    });
    assert.throws(() => xnpv([], { rate: 0.1 }), /at least one cash flow/);
  });
  await t.step("rates at or below -100%, and NaN rates", () => {
    for (const rate of [-1, -1.5]) {
      assert.throws(() => npv(ok, { rate }), {
        name: "RangeError",
        message: `Cannot use rate: expected a rate > -1 (-100%), got ${rate}`,
      });
      assert.throws(() => xnpv(MICROSOFT_FLOWS, { rate }), /Cannot use rate/);
    }
    assert.throws(
      () => npv(ok, { rate: NaN }),
      /Cannot use rate: expected a finite number, got NaN/,
    );
  });
  await t.step("periodsPerYear must be positive", () => {
    assert.throws(() => npv(ok, { rate: 0.1, periodsPerYear: 0 }), /periodsPerYear.*got 0/);
  });
  await t.step("overflowing discount factors are an error, not Infinity or NaN", () => {
    assert.throws(
      () => npv([{ t: 0, amount: -1 }, { t: 200, amount: 1 }], { rate: -0.99999 }),
      /Cannot compute npv: discount factors overflow/,
    );
  });
});
