import assert from "node:assert/strict";
import { assertAlmostEquals } from "../testing/assert_almost_equals.ts";
import { equivalentAnnualValue } from "./equivalent_annual_value.ts";
import { npv } from "./npv.ts";

Deno.test("equivalentAnnualValue", async (t) => {
  await t.step("Wikipedia's machines at 5%: EAC $31,360 (A) and $42,150 (B)", () => {
    // https://en.wikipedia.org/wiki/Equivalent_annual_cost: A costs $50,000, lasts 3 years and
    // costs $13,000 a year to run; B costs $150,000, lasts 5 years and costs $7,500 a year.
    const a = -equivalentAnnualValue(-50_000, { rate: 0.05, years: 3 }) + 13_000;
    const b = -equivalentAnnualValue(-150_000, { rate: 0.05, years: 5 }) + 7_500;
    assertAlmostEquals(a, 31_360, 1);
    assertAlmostEquals(b, 42_150, 5); // the page rounds to $10
  });

  await t.step("the level amount's own NPV is the NPV it came from (lib/finance npv)", () => {
    for (const [value, rate, years] of [[1e6, 0.09, 15], [-2.5e8, 0.12, 4], [7, -0.2, 30]]) {
      const level = equivalentAnnualValue(value!, { rate: rate!, years: years! });
      const flows = Array.from({ length: years! }, (_, i) => ({ t: i + 1, amount: level }));
      assertAlmostEquals(npv(flows, { rate: rate! }), value!, { relative: 1e-12 });
    }
  });

  await t.step("a zero rate spreads the NPV evenly; a rate near zero agrees", () => {
    assert.equal(equivalentAnnualValue(1_500, { rate: 0, years: 15 }), 100);
    assertAlmostEquals(equivalentAnnualValue(1_500, { rate: 1e-12, years: 15 }), 100, 1e-6);
  });

  await t.step("invariants: one year adds a year's interest; longer lives pay less a year", () => {
    assertAlmostEquals(equivalentAnnualValue(100, { rate: 0.1, years: 1 }), 110);
    const short = equivalentAnnualValue(100, { rate: 0.1, years: 5 });
    const long = equivalentAnnualValue(100, { rate: 0.1, years: 20 });
    assert.ok(long < short && long > 100 * 0.1); // a perpetuity pays r × NPV
  });

  await t.step("bad inputs name the field and the value", () => {
    assert.throws(
      () => equivalentAnnualValue(NaN, { rate: 0.1, years: 5 }),
      /Cannot use npvUsd: expected a finite number, got NaN/,
    );
    assert.throws(
      () => equivalentAnnualValue(100, { rate: -1, years: 5 }),
      /Cannot use rate: expected a rate > -1 \(-100%\), got -1/,
    );
    assert.throws(
      () => equivalentAnnualValue(100, { rate: 0.1, years: -3 }),
      /Cannot use years: expected a value > 0, got -3/,
    );
  });
});
