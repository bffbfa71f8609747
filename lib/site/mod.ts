/**
 * The mullet site: a grid connection split between AI in the front and Bitcoin mining in the
 * back — plans, monthly cash flows, returns (and NPV alone, path by path or over a whole Monte
 * Carlo run at once), the best split under constraints, scenario hashprice paths and a
 * sum-of-the-parts valuation.
 *
 * @module
 */
export type {
  AiPlan,
  ColocationPlan,
  GpuCloudPlan,
  MiningPlan,
  MonthlyValues,
  SitePlan,
} from "./site_plan.ts";
export * from "./site_cash_flows.ts";
export * from "./ai_segment_cash_flows.ts";
export * from "./site_returns.ts";
export * from "./site_npv.ts";
export * from "./site_npv_paths.ts";
export * from "./hashprice_scenarios.ts";
export * from "./hashprice_stream.ts";
export * from "./best_split.ts";
export * from "./sum_of_the_parts.ts";
export * from "./split_study.ts";
export * from "./split_rows.ts";
export * from "./businesses_per_gross_mw.ts";
export * from "./revenue_per_mw_history.ts";
export * from "./payback_verdict.ts";
export * from "./business_columns.ts";
