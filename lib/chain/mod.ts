/**
 * Bitcoin protocol arithmetic.
 *
 * @module
 */
export * from "./subsidy.ts";
export * from "./halvings.ts";
