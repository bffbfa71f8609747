/**
 * AI/HPC data-centre economics: GPU density, GPU-cloud revenue and owner cost, the
 * colocation lease, and what miners' AI deals pay and how much capacity they commit.
 *
 * @module
 */
export * from "./gpu_density.ts";
export * from "./gpu_cloud.ts";
export * from "./colocation.ts";
export * from "./deal_analytics.ts";
export * from "./deal_capacity.ts";
