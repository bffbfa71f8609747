// Monte Carlo throughput: 10,000 and 100,000 GBM price and hashrate paths × 120 monthly steps,
// and their percentile bands.
// Peer: numpy's rng.standard_normal((paths, 120)) + cumsum + exp, then np.percentile(paths,
// [5, 25, 50, 75, 95], axis=0), run side by side by lib/cli/bench_numpy.ts (`deno task bench`).
// No timing is asserted.
import { gbmPaths } from "./gbm_paths.ts";
import { hashratePaths } from "./hashrate_paths.ts";
import { ehs } from "../units/hashrate.ts";
import { percentileBands } from "./percentile_bands.ts";
import { bootstrapPaths } from "./bootstrap_paths.ts";
import { logReturns } from "./log_returns.ts";
import { loadBtcDaily } from "../data/btc_daily.ts";

// Illustrative drift and volatility only: the bench measures speed, not a forecast.
const inputs = {
  start: 100_000,
  driftAnnual: 0.1,
  volAnnual: 0.6,
  steps: 120,
  stepYears: 1 / 12,
  paths: 10_000,
  seed: 1,
};
const run = gbmPaths(inputs);

Deno.bench("gbmPaths: 10,000 paths × 120 monthly steps", { group: "monte carlo" }, () => {
  gbmPaths(inputs);
});

Deno.bench("hashratePaths: 10,000 paths × 120 monthly steps", { group: "monte carlo" }, () => {
  hashratePaths({ ...inputs, start: ehs(950), growthAnnual: 0.3, volAnnual: 0.1 });
});

Deno.bench("percentileBands: 5 percentiles × 120 steps over 10,000 paths", {
  group: "monte carlo",
}, () => {
  percentileBands(run);
});

// 100,000 paths: the scale of the numpy comparison in lib/cli/bench_numpy.ts.
const large = { ...inputs, paths: 100_000 };
const largeRun = gbmPaths(large);
Deno.bench("gbmPaths: 100,000 paths × 120 monthly steps", { group: "100k", n: 5 }, () => {
  gbmPaths(large);
});
Deno.bench("hashratePaths: 100,000 paths × 120 monthly steps", { group: "100k", n: 5 }, () => {
  hashratePaths({ ...large, start: ehs(950), growthAnnual: 0.3, volAnnual: 0.1 });
});
Deno.bench("percentileBands: 5 percentiles × 120 steps over 100,000 paths", {
  group: "100k",
  n: 5,
}, () => {
  percentileBands(largeRun);
});

// BTC's daily log returns from the data snapshot (about 5,800 days).
const returns = logReturns((await loadBtcDaily()).price_usd);
Deno.bench("bootstrapPaths: 10,000 paths × 120 steps of 30 days, 10-day blocks", {
  group: "monte carlo",
}, () => {
  bootstrapPaths(returns, {
    start: 100_000,
    blockDays: 10,
    steps: 120,
    daysPerStep: 30,
    paths: 10_000,
  });
});
