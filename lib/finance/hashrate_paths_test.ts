import assert from "node:assert/strict";
import { ehs } from "../units/hashrate.ts";
import { hashratePaths } from "./hashrate_paths.ts";
import { stepValues } from "./path_set.ts";
import { percentiles } from "./percentiles.ts";

const base = {
  start: ehs(900),
  growthAnnual: 0.4,
  volAnnual: 0.25,
  steps: 36,
  stepYears: 1 / 12,
  paths: 20_000,
  seed: 9,
};

Deno.test("hashrate paths: the median follows start·(1 + g)^t, log spread σ√t", () => {
  const run = hashratePaths(base);
  for (const step of [11, 35]) {
    const years = (step + 1) * base.stepYears;
    const logs = stepValues(run, step).map((x) => Math.log(x / base.start));
    const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
    const sd = Math.sqrt(logs.reduce((s, x) => s + (x - mean) ** 2, 0) / (logs.length - 1));
    const expectedMean = years * Math.log(1.4);
    const se = (base.volAnnual * Math.sqrt(years)) / Math.sqrt(logs.length);
    assert.ok(Math.abs(mean - expectedMean) < 4 * se, `log mean ${mean} vs ${expectedMean}`);
    assert.ok(Math.abs(sd / (base.volAnnual * Math.sqrt(years)) - 1) < 0.02, `sd ${sd}`);
    // The median hashrate: start × 1.4^t, within ~4 standard errors of a sample median.
    const [median] = percentiles(stepValues(run, step), [50]);
    const expectedMedian = base.start * 1.4 ** years;
    assert.ok(Math.abs(Math.log(median! / expectedMedian)) < 5 * se * 1.25);
  }
});

Deno.test("hashrate paths are in TH/s, seeded and validated", () => {
  const run = hashratePaths({ ...base, volAnnual: 0, paths: 1, steps: 12 });
  assert.ok(Math.abs(run.paths[11]! - 1.26e9) < 1e-3); // 900 EH/s × 1.4 = 1.26e9 TH/s
  assert.equal(run.start, 9e8);
  assert.deepEqual(
    hashratePaths({ ...base, paths: 5 }).paths,
    hashratePaths({ ...base, paths: 5 }).paths,
  );
  assert.notDeepEqual(
    hashratePaths({ ...base, paths: 5 }).paths,
    hashratePaths({ ...base, paths: 5, seed: 10 }).paths,
  );
  assert.throws(
    () => hashratePaths({ ...base, growthAnnual: -1 }),
    /Cannot use growthAnnual: expected a rate > -1/,
  );
  assert.throws(
    () => hashratePaths({ ...base, volAnnual: -1 }),
    /Cannot use volAnnual: expected a value >= 0, got -1/,
  );
  assert.throws(() => hashratePaths({ ...base, paths: 0 }), /Cannot use paths/);
  assert.throws(
    () => hashratePaths({ ...base, start: ehs(0) }),
    /Cannot use start: expected a value > 0, got 0/,
  );
});
