/**
 * Exhibits in the house style.
 *
 * @module
 */
export * from "./theme.ts";
export * from "./time_series.ts";
