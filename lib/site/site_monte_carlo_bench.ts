// The site Monte Carlo (BTC price by GBM, network hashrate, hashprice, the site's NPV on every
// path, mean and percentiles) at 1k, 10k and 100k paths × 120 months, through the public API
// (siteNpvPaths drawing the paths from the models a block at a time, and on stored path sets)
// and as one fused loop over the same model and random streams (the lower bound). The numpy
// peer, peak memory and 1M paths: lib/cli/bench_numpy.ts (`deno task bench`).
import {
  fusedSiteMonteCarlo,
  siteMonteCarlo,
  storedPathsSiteMonteCarlo,
} from "./monte_carlo_case.ts";

for (const paths of [1_000, 10_000, 100_000]) {
  const group = `site Monte Carlo ${paths.toLocaleString("en-US")} paths × 120 months`;
  const n = paths >= 100_000 ? 5 : undefined;
  Deno.bench(`public API (siteNpvPaths drawing from the price and hashrate models)`, {
    group,
    baseline: true,
    ...(n === undefined ? {} : { n, warmup: 1 }),
  }, () => {
    siteMonteCarlo(paths);
  });
  Deno.bench(`public API on stored paths (gbmPaths, hashratePaths, hashpriceScenarios)`, {
    group,
    ...(n === undefined ? {} : { n, warmup: 1 }),
  }, () => {
    storedPathsSiteMonteCarlo(paths);
  });
  Deno.bench(`fused single loop (lower bound)`, {
    group,
    ...(n === undefined ? {} : { n, warmup: 1 }),
  }, () => {
    fusedSiteMonteCarlo(paths);
  });
}
