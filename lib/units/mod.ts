/**
 * Units: branded quantities for what people mix up, converters at the edges, checks that name
 * the field and value, and display formatting.
 *
 * @module
 */
export type { Quantity } from "./_brand.ts";
export * from "./checks.ts";
export * from "./money.ts";
export * from "./hashrate.ts";
export * from "./power.ts";
export * from "./efficiency.ts";
export * from "./prices.ts";
export * from "./format.ts";
export * from "./format_number.ts";
export * from "./calendar.ts";
