/**
 * Miners' AI/HPC deals as `data/miner_ai_deals.csv` records them: what the comparable contracts
 * pay per MW, and how much capacity they commit, summed like with like. They read the dataset's
 * rows, so they live apart from the models (`compute`, `site`, …), which never import `lib/data`.
 *
 * @module
 */
export * from "./deal_analytics.ts";
export * from "./deal_capacity.ts";
export * from "./lease_plan.ts";
export * from "./deal_labels.ts";
export * from "./deals_overview.ts";
export * from "./rent_sets.ts";
export * from "./rent_set_rows.ts";
export * from "./rent_chart_rows.ts";
export * from "./contract_rows.ts";
export * from "./miner_capacity.ts";
