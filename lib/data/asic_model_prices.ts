/**
 * The price points of one ASIC model in `data/asic_prices.csv`. A series names its machine in
 * words ("ASIC purchase price (Bitfarms, Antminer S21)"); a model matches only as a whole name,
 * so the Antminer S21 does not take the S21 XP's or the S21 Hyd's prices.
 *
 * @module
 */
import type { AsicPrice } from "./asic_prices.ts";

/** Words that, right after a model's name, make it another model. */
const VARIANT_WORDS = /^(?:\+|XP|Pro|Hyd|Hydro|e\b|Plus|Max|Imm)/i;

/**
 * The rows whose series names `model` exactly, in the dataset's order (oldest first).
 *
 * @example
 * ```ts
 * import { loadAsicPrices } from "./asic_prices.ts";
 * import { asicModelPrices } from "./asic_model_prices.ts";
 * import assert from "node:assert/strict";
 *
 * const prices = await loadAsicPrices();
 * const s21 = asicModelPrices(prices, "Antminer S21");
 * assert.ok(s21.every((p) => !/S21 XP/.test(p.series)));
 * assert.equal(s21.at(-1)!.value_usd_per_th, 17.5); // Bitfarms, March 2024
 * assert.equal(asicModelPrices(prices, "Antminer S21 XP").at(-1)!.value_usd_per_th, 25.7);
 * ```
 */
export function asicModelPrices(prices: readonly AsicPrice[], model: string): AsicPrice[] {
  return prices.filter((p) => {
    for (let at = p.series.indexOf(model); at !== -1; at = p.series.indexOf(model, at + 1)) {
      const before = p.series[at - 1];
      const after = p.series.slice(at + model.length);
      const boundaryBefore = before === undefined || !/[\w+]/.test(before);
      const boundaryAfter = after === "" || !/^[\w+]/.test(after);
      if (boundaryBefore && boundaryAfter && !VARIANT_WORDS.test(after.trimStart())) return true;
    }
    return false;
  });
}
