import assert from "node:assert/strict";
import { decliningBalanceDepreciation, straightLineDepreciation } from "./depreciation.ts";
import { assertAlmostEquals } from "../testing/assert_almost_equals.ts";

Deno.test("straight line", async (t) => {
  await t.step("Excel SLN example: (30,000 − 7,500) / 10 = 2,250 a year", () => {
    // support.microsoft.com "SLN function": SLN(30000, 7500, 10) = 2,250.
    const s = straightLineDepreciation({ cost: 30_000, salvage: 7_500, lifeYears: 10 });
    assert.equal(s.periods, 10);
    assert.ok(s.depreciation.every((d) => d === 2_250));
    assert.equal(s.bookValue[0], 27_750);
    assert.equal(s.bookValue[9], 7_500);
  });
  await t.step("monthly over 5 years: 60 periods, sum = cost − salvage", () => {
    const s = straightLineDepreciation({ cost: 1_000_000, lifeYears: 5, periodsPerYear: 12 });
    assert.equal(s.periods, 60);
    assertAlmostEquals(s.depreciation.reduce((a, b) => a + b, 0)!, 1_000_000, 1e-6);
    assert.equal(s.bookValue[59], 0);
  });
  await t.step("fractional life with a whole number of periods", () => {
    assert.equal(
      straightLineDepreciation({ cost: 30, lifeYears: 2.5, periodsPerYear: 12 }).periods,
      30,
    );
  });
});

Deno.test("declining balance", async (t) => {
  await t.step("Excel DDB examples: 2,400 cost, 300 salvage, 10-year life", () => {
    // support.microsoft.com "DDB function": year 1 = 480.00; year 2 with factor 1.5 = 306.00;
    // year 10 = 22.12. Written out: year 1 = 2400 × 0.2; with factor 1.5, year 2 =
    // (2400 − 360) × 0.15; year 10 = min(2400 × 0.8^9 × 0.2, 2400 × 0.8^9 − 300) = 22.12.
    const ddb = decliningBalanceDepreciation({
      cost: 2_400,
      salvage: 300,
      lifeYears: 10,
      switchToStraightLine: false,
    });
    assert.equal(ddb.depreciation[0], 480);
    assertAlmostEquals(ddb.depreciation[9]!, 2_400 * 0.8 ** 9 - 300, 1e-9);
    assert.equal(ddb.depreciation[9]!.toFixed(2), "22.12");
    const factor15 = decliningBalanceDepreciation({
      cost: 2_400,
      salvage: 300,
      lifeYears: 10,
      factor: 1.5,
      switchToStraightLine: false,
    });
    assertAlmostEquals(factor15.depreciation[1]!, 306, 1e-9);
  });
  await t.step("Excel DDB stops at salvage: 10,000 cost, 1,000 salvage, 5 years", () => {
    // 4,000, 2,400, 1,440, 864, then only 296 (book 1,296 → 1,000).
    const ddb = decliningBalanceDepreciation({
      cost: 10_000,
      salvage: 1_000,
      lifeYears: 5,
      switchToStraightLine: false,
    });
    [4_000, 2_400, 1_440, 864, 296].forEach((d, i) =>
      assertAlmostEquals(ddb.depreciation[i]!, d, 1e-9)
    );
  });
  await t.step("with the switch (VDB) book value reaches salvage exactly at the end", () => {
    // DDB on 1,000 over 5 years with no salvage: 400, 240, 144; then straight line on the
    // remaining 216 over 2 years (108 > 86.4).
    const vdb = decliningBalanceDepreciation({ cost: 1_000, lifeYears: 5 });
    [400, 240, 144, 108, 108].forEach((d, i) => assertAlmostEquals(vdb.depreciation[i]!, d, 1e-9));
    assertAlmostEquals(vdb.bookValue[4]!, 0, 1e-9);
    const noSwitch = decliningBalanceDepreciation({
      cost: 1_000,
      lifeYears: 5,
      switchToStraightLine: false,
    });
    assert.ok(noSwitch.bookValue[4]! > 0); // 1000 × 0.6^5 = 77.76 left
  });
  await t.step("invariant: total never exceeds cost − salvage, book never below salvage", () => {
    for (const factor of [1, 1.5, 2, 3]) {
      const s = decliningBalanceDepreciation({ cost: 500, salvage: 50, lifeYears: 7, factor });
      assertAlmostEquals(s.depreciation.reduce((a, b) => a + b, 0)!, 450, 1e-9);
      assert.ok(s.bookValue.every((b) => b >= 50 - 1e-9));
    }
  });
});

Deno.test("depreciation rejects bad input", () => {
  assert.throws(
    () => straightLineDepreciation({ cost: -1, lifeYears: 5 }),
    /Cannot use cost: expected a value >= 0, got -1/,
  );
  assert.throws(
    () => straightLineDepreciation({ cost: 1, salvage: 2, lifeYears: 5 }),
    /Cannot use salvage: expected a value <= cost \(1\), got 2/,
  );
  assert.throws(() => straightLineDepreciation({ cost: 1, lifeYears: 0 }), /lifeYears/);
  assert.throws(
    () => straightLineDepreciation({ cost: 1, lifeYears: 1.5 }),
    /expected a whole number of periods/,
  );
  assert.throws(() => straightLineDepreciation({ cost: NaN, lifeYears: 1 }), /cost.*NaN/);
  assert.throws(() => decliningBalanceDepreciation({ cost: 1, lifeYears: 1, factor: 0 }), /factor/);
});
