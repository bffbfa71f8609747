import assert from "node:assert/strict";
import { gpuPricePaths } from "./gpu_price_paths.ts";
import { stepValues } from "./path_set.ts";
import { percentiles } from "./percentiles.ts";

const base = {
  start: 2.35,
  declineAnnual: 0.25,
  volAnnual: 0.3,
  steps: 48,
  stepYears: 1 / 12,
  paths: 20_000,
  seed: 5,
};

Deno.test("GPU price paths decline exponentially in the median", () => {
  const run = gpuPricePaths(base);
  const years = 4;
  const [median] = percentiles(stepValues(run, 47), [50]);
  const expected = 2.35 * 0.75 ** years;
  // Median of a lognormal sample: standard error of the log median ≈ 1.25·σ√t/√n = 0.0053.
  assert.ok(Math.abs(Math.log(median! / expected)) < 0.027, `median ${median} vs ${expected}`);
});

Deno.test("the floor clips the reported price only", () => {
  const floor = 1;
  const floored = gpuPricePaths({ ...base, floor });
  const free = gpuPricePaths(base);
  let clipped = 0;
  for (let i = 0; i < floored.paths.length; i++) {
    assert.equal(floored.paths[i], Math.max(floor, free.paths[i]!));
    if (free.paths[i]! < floor) clipped++;
  }
  assert.ok(clipped > 1000, "the test should exercise the floor");
  assert.equal(floored.floor, 1);
  assert.equal(free.floor, 0);
});

Deno.test("GPU price paths validate inputs", () => {
  assert.throws(
    () => gpuPricePaths({ ...base, declineAnnual: 1 }),
    /Cannot use declineAnnual: expected a fraction in \[0, 1\), got 1/,
  );
  assert.throws(
    () => gpuPricePaths({ ...base, declineAnnual: -0.1 }),
    /Cannot use declineAnnual: expected a value >= 0, got -0.1/,
  );
  assert.throws(
    () => gpuPricePaths({ ...base, floor: 3 }),
    /Cannot use floor: expected a value <= start \(2.35\), got 3/,
  );
  assert.throws(() => gpuPricePaths({ ...base, floor: -1 }), /Cannot use floor/);
  assert.throws(() => gpuPricePaths({ ...base, volAnnual: -0.3 }), /Cannot use volAnnual/);
  assert.throws(() => gpuPricePaths({ ...base, paths: 0 }), /Cannot use paths/);
  assert.throws(
    () => gpuPricePaths({ ...base, start: NaN }),
    /Cannot use start: expected a finite number, got NaN/,
  );
});
