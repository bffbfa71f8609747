/**
 * Bitcoin protocol arithmetic.
 *
 * @module
 */
export * from "./subsidy.ts";
