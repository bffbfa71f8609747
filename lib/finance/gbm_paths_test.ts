import assert from "node:assert/strict";
import { gbmPaths } from "./gbm_paths.ts";
import { stepValues } from "./path_set.ts";

const base = {
  start: 60_000,
  driftAnnual: 0.2,
  volAnnual: 0.7,
  steps: 24,
  stepYears: 1 / 12,
  paths: 20_000,
  seed: 2024,
};

Deno.test("GBM terminal log price: mean ln S0 + (μ − σ²/2)T and variance σ²T", () => {
  const run = gbmPaths(base);
  const T = base.steps * base.stepYears;
  const logs = stepValues(run, base.steps - 1).map(Math.log);
  const n = logs.length;
  const mean = logs.reduce((a, b) => a + b, 0) / n;
  const variance = logs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
  const sigma = base.volAnnual;
  const expectedMean = Math.log(base.start) + (base.driftAnnual - sigma ** 2 / 2) * T;
  // Standard error of the mean: σ√T/√n = 0.7·√2/√20000 = 0.0070; allow 4 of them.
  const se = (sigma * Math.sqrt(T)) / Math.sqrt(n);
  assert.ok(Math.abs(mean - expectedMean) < 4 * se, `mean ${mean}, expected ${expectedMean}`);
  // Standard error of the variance: σ²T·√(2/(n − 1)) = 0.0098·… ; allow 4 of them.
  const expectedVariance = sigma ** 2 * T;
  const seVariance = expectedVariance * Math.sqrt(2 / (n - 1));
  assert.ok(
    Math.abs(variance - expectedVariance) < 4 * seVariance,
    `variance ${variance}, expected ${expectedVariance}`,
  );
  // E[S_T] = S0·e^(μT) (lognormal mean); a looser check as the mean is heavy-tailed.
  const terminalMean = stepValues(run, base.steps - 1).reduce((a, b) => a + b, 0) / n;
  const expectedTerminal = base.start * Math.exp(base.driftAnnual * T);
  const seTerminal = (expectedTerminal * Math.sqrt(Math.exp(sigma ** 2 * T) - 1)) / Math.sqrt(n);
  assert.ok(Math.abs(terminalMean - expectedTerminal) < 5 * seTerminal);
});

Deno.test("GBM increments are independent across steps (lag-1 autocorrelation ≈ 0)", () => {
  const run = gbmPaths({ ...base, paths: 2_000, steps: 60 });
  let sxy = 0;
  let sxx = 0;
  let count = 0;
  for (let p = 0; p < run.pathCount; p++) {
    let previous = Math.log(run.paths[p * run.steps]! / base.start);
    for (let s = 1; s < run.steps; s++) {
      const r = Math.log(run.paths[p * run.steps + s]! / run.paths[p * run.steps + s - 1]!);
      sxy += previous * r;
      sxx += r * r;
      previous = r;
      count++;
    }
  }
  // Around the per-step mean the correlation is ~ N(0, 1/count); count ≈ 118,000.
  const drift = (base.driftAnnual - base.volAnnual ** 2 / 2) * base.stepYears;
  const corr = (sxy / count - drift * drift) / (sxx / count - drift * drift);
  assert.ok(Math.abs(corr) < 4 / Math.sqrt(count), `lag-1 correlation ${corr}`);
});

Deno.test("GBM determinism and layout", async (t) => {
  await t.step("same seed → identical paths; different seed → different", () => {
    const small = { ...base, paths: 100 };
    assert.deepEqual(gbmPaths(small).paths, gbmPaths(small).paths);
    const other = gbmPaths({ ...small, seed: 2025 }).paths;
    assert.notDeepEqual(gbmPaths(small).paths, other);
  });
  await t.step("default seed is 1 and is recorded", () => {
    const { seed: _seed, ...noSeed } = { ...base, paths: 10 };
    const run = gbmPaths(noSeed);
    assert.equal(run.seed, 1);
    assert.deepEqual(run.paths, gbmPaths({ ...noSeed, seed: 1 }).paths);
  });
  await t.step("the first k paths do not depend on how many paths follow", () => {
    const few = gbmPaths({ ...base, paths: 3 });
    const many = gbmPaths({ ...base, paths: 50 });
    assert.deepEqual(many.paths.subarray(0, 3 * base.steps), few.paths);
  });
  await t.step("row-major: with σ = 0 each row is the drift curve S0·e^(μ t)", () => {
    const run = gbmPaths({ ...base, volAnnual: 0, paths: 2, steps: 3, stepYears: 1 });
    const curve = [1, 2, 3].map((year) => 60_000 * Math.exp(0.2 * year));
    for (let i = 0; i < 6; i++) {
      assert.ok(Math.abs(run.paths[i]! / curve[i % 3]! - 1) < 1e-12);
    }
    assert.equal(run.pathCount, 2);
    assert.equal(run.steps, 3);
    assert.equal(run.start, 60_000);
  });
});

Deno.test("GBM rejects bad inputs, naming field and value", () => {
  const small = { ...base, paths: 10 };
  const cases: Array<[Partial<typeof base>, RegExp]> = [
    [{ paths: 0 }, /Cannot use paths: expected a whole number >= 1, got 0/],
    [{ paths: -5 }, /Cannot use paths: .*got -5/],
    [{ paths: 2.5 }, /Cannot use paths: .*got 2.5/],
    [{ steps: 0 }, /Cannot use steps: .*got 0/],
    [{ volAnnual: -0.2 }, /Cannot use volAnnual: expected a value >= 0, got -0.2/],
    [{ volAnnual: NaN }, /Cannot use volAnnual: expected a finite number, got NaN/],
    [{ driftAnnual: Infinity }, /Cannot use driftAnnual: expected a finite number, got Infinity/],
    [{ start: 0 }, /Cannot use start: expected a value > 0, got 0/],
    [{ stepYears: 0 }, /Cannot use stepYears: expected a value > 0, got 0/],
    [{ seed: -1 }, /Cannot use seed/],
    [{ paths: 2 ** 20, steps: 2 ** 10 }, /Cannot use paths: expected paths × steps <= 268435456/],
  ];
  for (const [change, message] of cases) {
    assert.throws(() => gbmPaths({ ...small, ...change }), { name: "RangeError", message });
  }
});
