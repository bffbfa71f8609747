/**
 * Datasets in `data/`: schema-driven CSV parsing and typed loaders (their DataFrames: `lib/frames`).
 *
 * @module
 */
export * from "./csv.ts";
export * from "./csv_rows.ts";
export * from "./btc_daily.ts";
export * from "./gpu_models.ts";
export * from "./miner_ai_deals.ts";
export * from "./revenue_intensity.ts";
export {
  DATE_PRECISIONS,
  type DatePrecision,
  GPU_NAMES,
  GPU_PRICE_KINDS,
  GPU_PRICE_PERIODS,
  GPU_PRICE_UNITS,
  type GpuName,
  type GpuPriceKind,
  type GpuPricePeriod,
  type GpuPriceSelection,
  type GpuPriceStatistic,
  type GpuPriceUnit,
  KIND_PERIODS,
  KIND_TERMS,
  KIND_UNITS,
  PERIOD_STATISTICS,
} from "./gpu_price_kinds.ts";
export * from "./gpu_rental_prices.ts";
export * from "./asic_models.ts";
export * from "./asic_efficiency.ts";
export * from "./asic_prices.ts";
export * from "./capex_per_mw.ts";
export * from "./network_points.ts";
export * from "./companies.ts";
export * from "./asic_model_prices.ts";
