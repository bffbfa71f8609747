/**
 * The house view: the deck of shared assumptions beside the notebooks, read and checked
 * ({@linkcode loadHouseView}) and resolved against the data ({@linkcode loadHouseAssumptions}).
 *
 * @module
 */
export * from "./house_view.ts";
export * from "./house_assumptions.ts";
export * from "./house_values.ts";
export * from "./house_fleet.ts";
export * from "./house_miner_company.ts";
export * from "./house_miner_inputs.ts";
export * from "./house_input_rows.ts";
export * from "./house_site_tornado.ts";
export * from "./house_site_value.ts";
export * from "./house_quantities.ts";
export * from "./revenue_per_mw_inputs.ts";
export * from "./revenue_per_mw_input_rows.ts";
export * from "./input_picks.ts";
