/**
 * Hashprice paths drawn a block of paths at a time from the BTC price and network hashrate
 * models, never stored whole: the paths `hashpriceScenarios` makes of `gbmPaths` and
 * `hashratePaths` (the same seeds, the same draws), in a few hundred kilobytes instead of three
 * `paths × steps` arrays. `siteNpvPaths` takes the model as `hashpriceModel`.
 *
 * @module
 */
import { type GbmInputs, gbmLogWalk, type LogWalk } from "../finance/gbm_paths.ts";
import { fastExp } from "../finance/fast_exp.ts";
import { type HashrateInputs, hashrateLogWalk } from "../finance/hashrate_paths.ts";
import { createRng } from "../finance/rng.ts";
import { TARGET_BLOCKS_PER_DAY } from "../mining/hashprice.ts";
import { nonNegative, positive } from "../units/checks.ts";
import { subsidyByMonth } from "./hashprice_scenarios.ts";

/** The models a hashprice path is drawn from (the inputs of `hashpriceScenarios`, as models). */
export interface HashpriceModel {
  /** BTC price by GBM, USD, monthly steps. */
  readonly btcPrice: GbmInputs;
  /** Network hashrate in TH/s, the same paths and steps as `btcPrice`. */
  readonly networkHashrate: HashrateInputs;
  /** Block height at the start of month 0. */
  readonly startHeight: number;
  /** Transaction fees per block, BTC. */
  readonly feesBtcPerBlock: number;
  /** Blocks per day, as `hashpriceScenarios`' option. Default {@linkcode TARGET_BLOCKS_PER_DAY}. */
  readonly blocksPerDay?: number;
}

/** A model's hashprice paths, handed out a block at a time, in path order. */
export interface HashpriceStream {
  /** Paths in all. */
  readonly pathCount: number;
  /** Months per path. */
  readonly steps: number;
  /** Seed of the BTC price paths (what `hashpriceScenarios` records). */
  readonly seed: number;
  /**
   * Writes the next `count` paths (USD per PH/s per day, row-major, `count × steps` values) to
   * the start of `out`; throws past the last path.
   */
  next(out: Float64Array, count: number): void;
}

/** Paths a block: a block's three buffers stay in the processor's cache. */
export const HASHPRICE_BLOCK_PATHS = 256;

/**
 * The model's hashprice paths as a stream: block after block, each path equal to the same path
 * of `hashpriceScenarios({ btcPrice: gbmPaths(…), networkHashrate: hashratePaths(…), … })`
 * within a few units in the last place (the one exponential of log price minus log hashrate
 * stands for price ÷ hashrate). Throws a RangeError naming a bad input.
 *
 * @example The stream's paths are hashpriceScenarios' paths
 * ```ts
 * import { hashpriceStream } from "./hashprice_stream.ts";
 * import { hashpriceScenarios } from "./hashprice_scenarios.ts";
 * import { gbmPaths } from "../finance/gbm_paths.ts";
 * import { hashratePaths } from "../finance/hashrate_paths.ts";
 * import { ehs } from "../units/hashrate.ts";
 * import assert from "node:assert/strict";
 *
 * const btcPrice = { start: 90_000, driftAnnual: 0, volAnnual: 0.5, steps: 24, stepYears: 1 / 12, paths: 3 };
 * const networkHashrate = { start: ehs(950), growthAnnual: 0.3, volAnnual: 0.1, steps: 24, stepYears: 1 / 12, paths: 3, seed: 2 };
 * const stream = hashpriceStream({ btcPrice, networkHashrate, startHeight: 952_053, feesBtcPerBlock: 0.02 });
 * const block = new Float64Array(3 * 24);
 * stream.next(block, 3);
 * const stored = hashpriceScenarios({ btcPrice: gbmPaths(btcPrice),
 *   networkHashrate: hashratePaths(networkHashrate), startHeight: 952_053, feesBtcPerBlock: 0.02 });
 * block.forEach((v, i) => assert.ok(Math.abs(v / stored.paths[i]! - 1) < 1e-14));
 * assert.throws(() => stream.next(block, 1), /Cannot draw 1 more paths: 0 of 3 left/);
 * ```
 */
export function hashpriceStream(model: HashpriceModel): HashpriceStream {
  const price = gbmLogWalk(model.btcPrice);
  const hashrate = hashrateLogWalk(model.networkHashrate);
  if (price.paths !== hashrate.paths || price.steps !== hashrate.steps) {
    throw new RangeError(
      `Cannot combine paths: btcPrice is ${price.paths}×${price.steps}, ` +
        `networkHashrate is ${hashrate.paths}×${hashrate.steps}`,
    );
  }
  const blocksPerDay = positive("blocksPerDay", model.blocksPerDay ?? TARGET_BLOCKS_PER_DAY);
  const fees = nonNegative("feesBtcPerBlock", model.feesBtcPerBlock);
  const steps = price.steps;
  const subsidy = subsidyByMonth({ startHeight: model.startHeight, months: steps }, {
    blocksPerDay,
  });
  // hashpriceScenarios' factor blocks a day × BTC a block, × 1000 for TH/s → PH/s.
  const btcPerDayPerPhs = subsidy.map((s) => blocksPerDay * (s + fees) * 1000);
  const priceRng = createRng(price.seed);
  const hashRng = createRng(hashrate.seed);
  let priceShocks = new Float64Array(0);
  let hashShocks = new Float64Array(0);
  let drawn = 0;
  return {
    pathCount: price.paths,
    steps,
    seed: price.seed,
    next(out: Float64Array, count: number): void {
      if (!(Number.isInteger(count) && count >= 0 && drawn + count <= price.paths)) {
        throw new RangeError(
          `Cannot draw ${count} more paths: ${price.paths - drawn} of ${price.paths} left`,
        );
      }
      const cells = count * steps;
      if (out.length < cells) {
        throw new RangeError(`Cannot draw ${count} paths into ${out.length} values: need ${cells}`);
      }
      if (priceShocks.length < cells) {
        priceShocks = new Float64Array(cells);
        hashShocks = new Float64Array(cells);
      }
      // Both walks' shocks in path order: the draws of gbmPaths and hashratePaths.
      const zPrice = priceRng.fillNormal(priceShocks.subarray(0, cells));
      const zHashrate = hashRng.fillNormal(hashShocks.subarray(0, cells));
      walkBlock(out, count, btcPerDayPerPhs, price, zPrice, hashrate, zHashrate);
      drawn += count;
    },
  };
}

/** Each path of a block walked in log space; hashprice from log price − log hashrate. */
function walkBlock(
  out: Float64Array,
  count: number,
  btcPerDayPerPhs: Float64Array,
  price: LogWalk,
  zPrice: Float64Array,
  hashrate: LogWalk,
  zHashrate: Float64Array,
): void {
  const steps = btcPerDayPerPhs.length;
  const { drift: priceDrift, sigma: priceSigma } = price;
  const { drift: hashDrift, sigma: hashSigma } = hashrate;
  for (let p = 0, cell = 0; p < count; p++) {
    let logPrice = price.logStart;
    let logHashrate = hashrate.logStart;
    for (let s = 0; s < steps; s++, cell++) {
      logPrice += priceDrift + priceSigma * zPrice[cell]!;
      logHashrate += hashDrift + hashSigma * zHashrate[cell]!;
      out[cell] = btcPerDayPerPhs[s]! * fastExp(logPrice - logHashrate);
    }
  }
}
