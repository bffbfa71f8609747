/**
 * mullet: models, data and exhibits for research on Bitcoin miners and AI data centres.
 * Notebooks import from here only, as `@mullet/kit`. The models and data alone are in
 * `./models.ts`; the PNG rasteriser loads on the first exhibit drawn, so a script that imports
 * this and draws nothing needs only `--allow-read`.
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
export * from "./models.ts";
export * from "./charts/mod.ts";
