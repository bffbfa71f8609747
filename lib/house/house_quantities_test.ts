import assert from "node:assert/strict";
import { loadHouseAssumptions } from "./house_assumptions.ts";
import { houseQuantities } from "./house_quantities.ts";
import { houseMwValues } from "./house_values.ts";

const house = await loadHouseAssumptions();

Deno.test("houseQuantities computes the MW values when not given them", () => {
  const values = houseMwValues(house);
  assert.deepEqual(houseQuantities(house), houseQuantities(house, values));
  const mining = houseQuantities(house, values).find((q) => q.name === "miningMwValueUsd")!;
  assert.equal(mining.value, values.miningUsdPerGrossMw);
});
