/**
 * The figures every site note states from the house view, named as all notes name them, so the
 * report's cross-note check finds the same value under the same name in each note.
 *
 * @module
 */
import type { StatedQuantity } from "../charts/stated_quantities.ts";
import type { HouseAssumptions } from "./house_assumptions.ts";
import { type HouseMwValues, houseMwValues } from "./house_values.ts";

/**
 * The house view's shared figures: the BTC price at the start, the discount rate, the power
 * price, today's fleet J/TH, the network's trend against the price, and what a gross MW is worth
 * kept mining and leased to AI. Pass `values` when the note has computed them already.
 *
 * @example
 * ```ts
 * import { loadHouseAssumptions } from "./house_assumptions.ts";
 * import { houseQuantities } from "./house_quantities.ts";
 * import { houseMwValues } from "./house_values.ts";
 * import assert from "node:assert/strict";
 *
 * const house = await loadHouseAssumptions();
 * const values = houseMwValues(house);
 * const stated = houseQuantities(house, values);
 * assert.deepEqual(stated.map((q) => q.name), ["btcStartUsd", "discountRate", "powerPriceUsdPerKwh",
 *   "fleetJPerTh", "networkExcessGrowth", "miningMwValueUsd", "aiMwMarkUsd"]);
 * assert.equal(stated[0]!.value, house.btcPrice.startUsd);
 * assert.equal(stated.at(-1)!.value, values.aiMarkUsdPerGrossMw);
 * ```
 */
export function houseQuantities(
  house: HouseAssumptions,
  values: HouseMwValues = houseMwValues(house),
): StatedQuantity[] {
  return [
    {
      name: "btcStartUsd",
      label: "BTC price at the start",
      value: house.btcPrice.startUsd,
      format: "usd",
    },
    { name: "discountRate", label: "Discount rate", value: house.discountRate, format: "percent" },
    {
      name: "powerPriceUsdPerKwh",
      label: "Power price, USD/kWh",
      value: house.powerPriceUsdPerKwh,
      format: "number",
    },
    {
      name: "fleetJPerTh",
      label: "Today's fleet, J/TH",
      value: house.fleetJPerTh,
      format: "number",
    },
    {
      name: "networkExcessGrowth",
      label: "Network hashrate trend against the price, a year",
      value: house.network.excessHashrateGrowthAnnual,
      format: "percent",
    },
    {
      name: "miningMwValueUsd",
      label: "A gross MW kept mining",
      value: values.miningUsdPerGrossMw,
      format: "usd",
    },
    {
      name: "aiMwMarkUsd",
      label: "A gross MW leased to AI, marked at the cap rate less the build",
      value: values.aiMarkUsdPerGrossMw,
      format: "usd",
    },
  ];
}
