import assert from "node:assert/strict";
import { percentiles } from "../finance/percentiles.ts";
import { jPerTh } from "../units/efficiency.ts";
import { usdPerKwh, usdPerPhDay } from "../units/prices.ts";
import { hashpriceLevels, marginGrid, marginPerMwDay } from "./margin_grid.ts";
import { miningPerMw } from "./mining_per_mw.ts";
import { assertAlmostEquals } from "../testing/assert_almost_equals.ts";

Deno.test("marginPerMwDay is miningPerMw's yearly gross margin over 365 days (F5)", () => {
  const inputs = {
    hashprice: usdPerPhDay(36.42),
    efficiency: jPerTh(17.5),
    powerPriceUsdPerKwh: usdPerKwh(0.03),
  };
  assert.equal(marginPerMwDay(inputs), miningPerMw(inputs).grossMarginPerMinerMwYear / 365);
  // By hand: 36.42 × 57.142857 PH − 24,000 kWh × $0.03 = $2,081.14 − $720
  assertAlmostEquals(marginPerMwDay(inputs), 36.42 * 1000 / 17.5 - 720, 1e-12);
});

Deno.test("marginGrid: the tax takes tax × 24,000 kWh from every cell", async (t) => {
  const levels = [
    { label: "High", hashprice: usdPerPhDay(60) },
    { label: "Low", hashprice: usdPerPhDay(30) },
  ];
  const prices = [0.02, 0.05, 0.08, 0.1];
  const tax = usdPerKwh(0.047);
  const grid = marginGrid({ efficiency: jPerTh(17.5), levels, powerPricesUsdPerKwh: prices, tax });
  await t.step("row by row, each across the prices", () => {
    assert.equal(grid.cells.length, 8);
    assert.deepEqual(grid.cells.slice(0, 4).map((c) => c.price), prices);
    assert.deepEqual([...new Set(grid.cells.map((c) => c.level))], ["High, $60.0", "Low, $30.0"]);
  });
  await t.step("taxed = untaxed − 24 × 1,000 kWh × tax, in every cell", () => {
    for (const cell of grid.cells) assertAlmostEquals(cell.margin - cell.marginTaxed, 1128, 1e-9);
  });
  await t.step("margins fall as power gets dearer; counts match the cells", () => {
    for (let i = 1; i < 4; i++) assert.ok(grid.cells[i]!.margin < grid.cells[i - 1]!.margin);
    // Low: $1,714 revenue against $480 … $2,400 of power: under water at 8¢ and 10¢.
    assert.equal(grid.underwater, grid.cells.filter((c) => c.margin < 0).length);
    assert.equal(grid.underwater, 2);
    assert.equal(grid.underwaterTaxed, 4); // + High at 10¢, Low at 5¢
  });
  await t.step("PUE raises the power cost of every cell", () => {
    const withPue = marginGrid({
      efficiency: jPerTh(17.5),
      levels,
      powerPricesUsdPerKwh: prices,
      tax,
    }, {
      pue: 1.2,
    });
    withPue.cells.forEach((c, i) => assert.ok(c.margin < grid.cells[i]!.margin));
  });
});

Deno.test("hashpriceLevels: percentiles from a day on, with the latest mean, highest first", async (t) => {
  const days = {
    date: ["2024-04-19", "2024-04-20", "2024-04-21", "2024-04-22", "2024-04-23"],
    hashprice_usd_per_ph_day: new Float64Array([400, 120, 60, 50, 55]),
  };
  const latest = { label: "Latest 2-day mean", hashprice: usdPerPhDay(54) };
  await t.step("the default percentiles of the days from `since`", () => {
    const levels = hashpriceLevels(days, { since: "2024-04-20", latest });
    const want = percentiles([120, 60, 50, 55]);
    assert.equal(levels.length, 6);
    assert.deepEqual(levels.map((l) => l.label), [
      "95th percentile",
      "75th percentile",
      "Median",
      "Latest 2-day mean",
      "25th percentile",
      "5th percentile",
    ]);
    assert.equal(levels[0]!.hashprice, want[4]);
    assert.equal(levels[2]!.hashprice, 57.5); // median of 50, 55, 60, 120
    assert.equal(levels.find((l) => l.label === "5th percentile")!.hashprice, want[0]);
  });
  await t.step("a day the series lacks is an error naming it and the series' span", () => {
    assert.throws(
      () => hashpriceLevels(days, { since: "2020-05-11", latest }),
      /Cannot use since: the series has no day "2020-05-11" \(it runs from 2024-04-19 to 2024-04-23\)/,
    );
  });
  await t.step("a latest level that is not a number", () => {
    assert.throws(
      () =>
        hashpriceLevels(days, {
          since: "2024-04-20",
          latest: { label: "x", hashprice: NaN as typeof latest.hashprice },
        }),
      /Cannot use latest.hashprice: expected a finite number, got NaN/,
    );
  });
});
