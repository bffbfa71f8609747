/**
 * mullet's models and data without the exhibits: units, chain, mining, compute, finance, site,
 * company, the house view, the deals and the dataset loaders. A plain script that imports only
 * this needs `--allow-read` (for `data/`) and loads no chart engine; `lib/mod.ts` adds the
 * exhibits on top.
 *
 * @example
 * ```ts
 * import { blockSubsidyBtc, loadBtcDaily } from "./models.ts";
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
export * from "./deals/mod.ts";
export * from "./coverage/mod.ts";
export * from "./data/mod.ts";
export * from "./frames/mod.ts";
