import assert from "node:assert/strict";
import { type Efficiency, jPerTh } from "../units/efficiency.ts";
import { usdPerPhDay } from "../units/prices.ts";
import { COVER_STATUSES, fleetScreen } from "./fleet_screen.ts";
import { imfTaxCases } from "./tax_cases.ts";

const hashprice = usdPerPhDay(36.42);
const cases = imfTaxCases();

Deno.test("fleetScreen: statuses, counts and bars agree with the breakevens (F3)", async (t) => {
  // Breakevens untaxed / direct: S21 XP 0.1124 / 0.0654, S21 0.0867 / 0.0397, S19 0.0444 /
  // -0.0026, S9 0.0152 / -0.0318 (36.42 ÷ (24 × η) − tax).
  const fleets = [
    { name: "S21 XP", efficiency: jPerTh(13.5), maker: "Bitmain" },
    { name: "S21", efficiency: jPerTh(17.5), maker: "Bitmain" },
    { name: "S19", efficiency: jPerTh(34.2), maker: "Bitmain" },
    { name: "S9", efficiency: jPerTh(100), maker: "Bitmain" },
  ];
  const screen = fleetScreen({
    hashprice,
    fleets,
    cases,
    powerPricesUsdPerKwh: [0.03, 0.05, 0.07],
  });
  await t.step("one status column per price", () => {
    assert.deepEqual(screen.rows.map((r) => [r.at0, r.at1, r.at2]), [
      ["yes, even taxed", "yes, even taxed", "untaxed only"],
      ["yes, even taxed", "untaxed only", "untaxed only"],
      ["untaxed only", "no", "no"],
      ["no", "no", "no"],
    ]);
  });
  await t.step("counts are the rows at or above each price", () => {
    assert.deepEqual(screen.counts, [
      { price: 0.03, untaxed: 3, taxed: 2 },
      { price: 0.05, untaxed: 2, taxed: 1 },
      { price: 0.07, untaxed: 2, taxed: 0 },
    ]);
  });
  await t.step("every case gets a breakeven; the fleet comes back as given", () => {
    const s21 = screen.rows[1]!;
    assert.equal(s21.breakevens.length, 3);
    assert.equal(s21.untaxed, s21.breakevens[0]);
    assert.equal(s21.taxed, s21.breakevens[1]);
    assert.ok(Math.abs(s21.untaxed - s21.breakevens[2]! - 0.089) < 1e-15);
    assert.equal(s21.machine, fleets[1]);
  });
  await t.step("two bars per fleet, in order, untaxed first", () => {
    assert.equal(screen.bars.length, 8);
    assert.deepEqual(screen.bars[2], {
      model: "S21, 17.5 J/TH",
      case: "No tax",
      breakeven: screen.rows[1]!.untaxed,
    });
    assert.equal(screen.bars[3]!.case, "IMF direct $0.047");
  });
});

Deno.test("fleetScreen: a breakeven exactly at the price covers it", () => {
  // 24 × 20 J/TH × $0.05 = $24/PH/day: the breakeven is exactly 5¢.
  const screen = fleetScreen({
    hashprice: usdPerPhDay(24),
    fleets: [{ name: "edge", efficiency: jPerTh(20) }],
    cases,
    powerPricesUsdPerKwh: [0.05],
  });
  assert.equal(screen.rows[0]!.untaxed, 0.05);
  assert.equal(screen.rows[0]!.at0, COVER_STATUSES.untaxedOnly);
});

Deno.test("fleetScreen: bad input is an error naming the fleet or the price", () => {
  const fleets = [{ name: "S21", efficiency: jPerTh(17.5) }];
  assert.throws(
    () => fleetScreen({ hashprice, fleets: [], cases, powerPricesUsdPerKwh: [0.05] }),
    /Cannot screen fleets: expected at least one fleet, got 0/,
  );
  assert.throws(
    () =>
      fleetScreen({
        hashprice,
        fleets: [...fleets, { name: "broken", efficiency: NaN as Efficiency }],
        cases,
        powerPricesUsdPerKwh: [0.05],
      }),
    /Cannot use fleets\[1\] \(broken\)\.efficiency: expected a finite number, got NaN/,
  );
  assert.throws(
    () => fleetScreen({ hashprice, fleets, cases, powerPricesUsdPerKwh: [0.05, NaN] }),
    /Cannot use powerPricesUsdPerKwh\[1\]: expected a finite number, got NaN/,
  );
});
