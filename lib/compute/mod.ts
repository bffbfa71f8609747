/**
 * AI/HPC data-centre economics: GPU density, GPU-cloud revenue and owner cost, and the
 * colocation lease. What miners' AI deals pay and commit, read from the deals dataset, is in
 * `lib/deals`.
 *
 * @module
 */
export * from "./gpu_density.ts";
export * from "./gpu_cloud.ts";
export * from "./colocation.ts";
