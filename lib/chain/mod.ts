/**
 * Bitcoin protocol arithmetic: subsidy schedule, supply, halvings, difficulty and retargets.
 *
 * @module
 */
export * from "./subsidy.ts";
export * from "./supply.ts";
export * from "./halvings.ts";
export * from "./halving_blocks.ts";
export * from "./difficulty.ts";
export * from "./retarget.ts";
