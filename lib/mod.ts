/**
 * mullet: models, data and exhibits for research on Bitcoin miners and AI data centres.
 * Notebooks import from here only.
 *
 * @example
 * ```ts
 * import { blockSubsidyBtc, loadBtcDaily } from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * const daily = await loadBtcDaily();
 * assert.equal(blockSubsidyBtc(daily.height_end[daily.length - 1]!), 3.125);
 * ```
 *
 * @module
 */
export * from "./units/mod.ts";
export * from "./chain/mod.ts";
export * from "./mining/mod.ts";
export * from "./compute/mod.ts";
export * from "./finance/mod.ts";
export * from "./site/mod.ts";
export * from "./company/mod.ts";
export * from "./house/mod.ts";
export * from "./data/mod.ts";
export * from "./charts/mod.ts";
