import assert from "node:assert/strict";
import { loadHouseAssumptions } from "./house_assumptions.ts";
import { houseInputRows } from "./house_input_rows.ts";

const house = await loadHouseAssumptions();
const comparableRents = {
  deals: 14,
  minUsdPerMwYear: 1.24e6,
  maxUsdPerMwYear: 2.16e6,
  medianUsdPerMwYear: 1.73e6,
};

Deno.test("houseInputRows states the house's numbers and marks a run's overrides", () => {
  const rows = houseInputRows(house, { comparableRents });
  const value = (input: string) => rows.find((r) => r.input === input)!.value;
  assert.match(value("Fees and blocks"), new RegExp(`^${house.feesBtcPerBlock.toFixed(3)} BTC`));
  const [low, high] = house.ai.buildCostRangeUsdPerItMw;
  assert.ok(low < high);
  assert.match(value("Build cost"), new RegExp(`, ${house.ai.buildCostRows.length} projects\\)`));
  assert.match(value("Discount rate"), /: the 6\.0% cap rate plus the 3\.0% escalator$/);
  const run = houseInputRows(
    { ...house, discountRate: 0.12 },
    { comparableRents, btcPriceSet: true, discountRateSet: true },
  );
  assert.match(run[0]!.value, /; set for this run\)$/);
  assert.equal(run.find((r) => r.input === "Discount rate")!.value, "12.0%; set for this run");
});
