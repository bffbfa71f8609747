/**
 * Datasets in `data/`: schema-driven CSV parsing, typed loaders and a danfo view.
 *
 * @module
 */
export * from "./csv.ts";
export * from "./btc_daily.ts";
export * from "./frame.ts";
export * from "./gpu_models.ts";
export * from "./miner_ai_deals.ts";
export * from "./revenue_intensity.ts";
export * from "./gpu_price_kinds.ts";
export * from "./gpu_rental_prices.ts";
export * from "./asic_models.ts";
export * from "./asic_efficiency.ts";
export * from "./asic_prices.ts";
export * from "./capex_per_mw.ts";
export * from "./network_points.ts";
export * from "./companies.ts";
export * from "./asic_model_prices.ts";
