/**
 * AI/HPC data-centre economics: GPU density, GPU-cloud revenue and owner cost, and the
 * colocation lease.
 *
 * @module
 */
export * from "./gpu_density.ts";
export * from "./gpu_cloud.ts";
export * from "./colocation.ts";
export * from "./deal_analytics.ts";
