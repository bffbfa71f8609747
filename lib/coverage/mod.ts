/**
 * The coverage universe: listed miners valued as sums of the parts under the house view.
 *
 * @module
 */
export * from "./company_value.ts";
export * from "./company_inputs.ts";
export * from "./tracker.ts";
export * from "./company_facts_as_of.ts";
export * from "./covered_tickers.ts";
export * from "./value_bridge.ts";
export * from "./company_quantities.ts";
export * from "./tracker_rows.ts";
export * from "./company_study.ts";
