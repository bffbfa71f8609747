/**
 * Finance for mullet's site and market models: NPV/IRR/XIRR on timed or dated cash flows,
 * payback, MOIC, peak funding, depreciation; a seeded PRNG; Monte Carlo paths for the BTC price,
 * network hashrate and GPU rental prices, and their calibration to the daily network data;
 * percentile bands; tornado and two-way sensitivities.
 *
 * Conventions: flows are `{ t, amount }` with `t` in years (or periods with `periodsPerYear`)
 * or `{ date, amount }` on Actual/365; rates are annual effective; paths are row-major
 * `Float64Array`s (`path_set.ts`); every random function is seeded (default seed 1) and
 * records its seed.
 *
 * @module
 */
export * from "./cash_flow.ts";
export * from "./convergence_error.ts";
export * from "./npv.ts";
export * from "./equivalent_annual_value.ts";
export * from "./irr.ts";
export * from "./find_root.ts";
export * from "./payback.ts";
export * from "./moic.ts";
export * from "./peak_funding.ts";
export * from "./depreciation.ts";
export { createRng, DEFAULT_SEED, type Rng } from "./rng.ts";
export * from "./path_set.ts";
export * from "./gbm_paths.ts";
export * from "./log_returns.ts";
export * from "./bootstrap_paths.ts";
export * from "./hashrate_paths.ts";
export * from "./network_calibration.ts";
export * from "./gpu_price_paths.ts";
export * from "./percentiles.ts";
export * from "./percentile_bands.ts";
export * from "./tornado.ts";
export * from "./scenario_grid.ts";
export * from "./means.ts";
export * from "./year_sums.ts";
export * from "./monthly_bands.ts";
