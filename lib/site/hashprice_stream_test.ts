// hashpriceStream must hand out, block by block, the paths hashpriceScenarios makes of the
// stored gbmPaths and hashratePaths of the same inputs, and refuse what it cannot draw.
import assert from "node:assert/strict";
import { gbmPaths } from "../finance/gbm_paths.ts";
import { hashratePaths } from "../finance/hashrate_paths.ts";
import { ehs } from "../units/hashrate.ts";
import { hashpriceScenarios } from "./hashprice_scenarios.ts";
import { type HashpriceModel, hashpriceStream } from "./hashprice_stream.ts";

const PATHS = 7;
const STEPS = 36;
const btcPrice = {
  start: 90_000,
  driftAnnual: 0.1,
  volAnnual: 0.55,
  steps: STEPS,
  stepYears: 1 / 12,
  paths: PATHS,
  seed: 11,
};
const networkHashrate = {
  start: ehs(950),
  growthAnnual: 0.3,
  volAnnual: 0.12,
  steps: STEPS,
  stepYears: 1 / 12,
  paths: PATHS,
  seed: 12,
};
// 990,000 is 60,000 blocks, 420 days at 142.8 a day, before the 1,050,000 halving: inside 36 months.
const MODEL: HashpriceModel = {
  btcPrice,
  networkHashrate,
  startHeight: 990_000,
  feesBtcPerBlock: 0.025,
  blocksPerDay: 142.8,
};

Deno.test("blocks of any size concatenate to hashpriceScenarios' stored paths", () => {
  const stored = hashpriceScenarios({
    btcPrice: gbmPaths(btcPrice),
    networkHashrate: hashratePaths(networkHashrate),
    startHeight: MODEL.startHeight,
    feesBtcPerBlock: MODEL.feesBtcPerBlock,
  }, { blocksPerDay: 142.8 });
  const stream = hashpriceStream(MODEL);
  assert.deepEqual([stream.pathCount, stream.steps, stream.seed], [PATHS, STEPS, 11]);
  const drawn = new Float64Array(PATHS * STEPS);
  let path = 0;
  for (const count of [1, 0, 2, 4]) {
    const block = new Float64Array(count * STEPS + 5); // a longer buffer is written from its start
    stream.next(block, count);
    drawn.set(block.subarray(0, count * STEPS), path * STEPS);
    path += count;
  }
  drawn.forEach((v, i) => {
    const relative = Math.abs(v / stored.paths[i]! - 1);
    assert.ok(relative < 1e-14, `cell ${i}: ${v} vs ${stored.paths[i]}`);
  });
});

Deno.test("without volatility a path is the hand-computed hashprice, halving included", () => {
  const flat = hashpriceStream({
    ...MODEL,
    btcPrice: { ...btcPrice, volAnnual: 0, paths: 1 },
    networkHashrate: { ...networkHashrate, volAnnual: 0, paths: 1 },
  });
  const path = new Float64Array(STEPS);
  flat.next(path, 1);
  // Month m ends (m + 1)/12 years on: price 90,000·e^(0.1·t), hashrate 950 EH/s·1.3^t.
  const expected = (m: number, subsidy: number) => {
    const t = (m + 1) / 12;
    const price = 90_000 * Math.exp(0.1 * t);
    const phs = 950e6 * 1.3 ** t / 1000;
    return 142.8 * (subsidy + 0.025) * price / phs;
  };
  assert.ok(Math.abs(path[0]! / expected(0, 3.125) - 1) < 1e-13);
  // Month 20 is past the halving at day 420 (month 13.8): the subsidy is 1.5625.
  assert.ok(Math.abs(path[20]! / expected(20, 1.5625) - 1) < 1e-13);
});

Deno.test("the same model redraws the same paths; another seed draws others", () => {
  const first = new Float64Array(PATHS * STEPS);
  const again = new Float64Array(PATHS * STEPS);
  const other = new Float64Array(PATHS * STEPS);
  hashpriceStream(MODEL).next(first, PATHS);
  hashpriceStream(MODEL).next(again, PATHS);
  hashpriceStream({ ...MODEL, btcPrice: { ...btcPrice, seed: 13 } }).next(other, PATHS);
  assert.deepEqual(again, first);
  assert.notDeepEqual(other, first);
});

Deno.test("hashpriceStream names what it cannot draw", async (t) => {
  await t.step("models of different shapes", () => {
    assert.throws(
      () => hashpriceStream({ ...MODEL, networkHashrate: { ...networkHashrate, steps: 24 } }),
      /Cannot combine paths: btcPrice is 7×36, networkHashrate is 7×24/,
    );
  });
  await t.step("bad model inputs, by field", () => {
    assert.throws(
      () => hashpriceStream({ ...MODEL, feesBtcPerBlock: -0.1 }),
      /Cannot use feesBtcPerBlock: expected a value >= 0, got -0.1/,
    );
    assert.throws(
      () => hashpriceStream({ ...MODEL, blocksPerDay: 0 }),
      /Cannot use blocksPerDay: expected a value > 0, got 0/,
    );
    assert.throws(
      () => hashpriceStream({ ...MODEL, btcPrice: { ...btcPrice, start: 0 } }),
      /Cannot use start: expected a value > 0, got 0/,
    );
  });
  await t.step("more paths than are left, a count that is not whole, a short buffer", () => {
    const stream = hashpriceStream(MODEL);
    const block = new Float64Array(PATHS * STEPS);
    assert.throws(() => stream.next(block, 8), /Cannot draw 8 more paths: 7 of 7 left/);
    assert.throws(() => stream.next(block, -1), /Cannot draw -1 more paths: 7 of 7 left/);
    assert.throws(() => stream.next(block, 1.5), /Cannot draw 1.5 more paths: 7 of 7 left/);
    assert.throws(
      () => stream.next(new Float64Array(STEPS), 2),
      /Cannot draw 2 paths into 36 values: need 72/,
    );
    stream.next(block, 5);
    assert.throws(() => stream.next(block, 3), /Cannot draw 3 more paths: 2 of 7 left/);
  });
});
