import assert from "node:assert/strict";
import { loadBtcDaily } from "../data/btc_daily.ts";
import { bootstrapPaths } from "./bootstrap_paths.ts";
import { logReturns } from "./log_returns.ts";
import { stepValues } from "./path_set.ts";

// Distinct returns, so each step's return identifies the day it came from.
const history = Float64Array.from({ length: 50 }, (_, i) => (i - 25) / 1000 + i * 1e-7);

/** Each path's per-step log returns, recovered from the stored levels. */
function stepReturns(
  run: { paths: Float64Array; pathCount: number; steps: number },
  start: number,
) {
  const out: number[][] = [];
  for (let p = 0; p < run.pathCount; p++) {
    const row: number[] = [];
    let previous = start;
    for (let s = 0; s < run.steps; s++) {
      const level = run.paths[p * run.steps + s]!;
      row.push(Math.log(level / previous));
      previous = level;
    }
    out.push(row);
  }
  return out;
}

function indexOf(value: number): number {
  const i = history.findIndex((r) => Math.abs(r - value) < 1e-10);
  assert.ok(i >= 0, `step return ${value} is not one of the historical returns`);
  return i;
}

Deno.test("blockDays = 1, daily steps: every step's return is one of the inputs", () => {
  const run = bootstrapPaths(history, { start: 1, blockDays: 1, steps: 40, paths: 200, seed: 3 });
  const seen = new Set<number>();
  for (const row of stepReturns(run, 1)) for (const r of row) seen.add(indexOf(r));
  // 8,000 draws from 50 days: every day appears (P(missing one) ≈ 50·e^−160).
  assert.equal(seen.size, 50);
});

Deno.test("blocks are runs of consecutive historical days", () => {
  const blockDays = 5;
  const run = bootstrapPaths(history, { start: 1, blockDays, steps: 30, paths: 100, seed: 4 });
  for (const row of stepReturns(run, 1)) {
    const days = row.map(indexOf);
    for (let s = 0; s < days.length; s++) {
      // Inside a block (not at a multiple of blockDays) the next historical day follows.
      if (s % blockDays !== 0) assert.equal(days[s], days[s - 1]! + 1);
      // A block never runs past the end of the history (no wrap-around).
      if (s % blockDays === 0) assert.ok(days[s]! <= history.length - blockDays);
    }
  }
});

Deno.test("daysPerStep sums consecutive days of the same daily stream", () => {
  const options = { start: 100, blockDays: 3, paths: 20, seed: 8 };
  const daily = bootstrapPaths(history, { ...options, steps: 60 });
  const monthly = bootstrapPaths(history, { ...options, steps: 2, daysPerStep: 30 });
  for (let p = 0; p < 20; p++) {
    // The same seed draws the same daily stream, so step 2 of 30 days = day 60 of the daily run.
    assert.ok(Math.abs(monthly.paths[p * 2]! / daily.paths[p * 60 + 29]! - 1) < 1e-12);
    assert.ok(Math.abs(monthly.paths[p * 2 + 1]! / daily.paths[p * 60 + 59]! - 1) < 1e-12);
  }
  assert.equal(monthly.daysPerStep, 30);
  assert.equal(monthly.blockDays, 3);
});

Deno.test("determinism: same seed identical, different seed different", () => {
  const options = { start: 1, blockDays: 7, steps: 10, paths: 10 };
  assert.deepEqual(bootstrapPaths(history, options).paths, bootstrapPaths(history, options).paths);
  assert.equal(bootstrapPaths(history, options).seed, 1);
  assert.notDeepEqual(
    bootstrapPaths(history, options).paths,
    bootstrapPaths(history, { ...options, seed: 2 }).paths,
  );
});

Deno.test("on BTC's daily history the mean step return matches the history's", async () => {
  const daily = await loadBtcDaily();
  // From 2015 on, to leave out the thin early market.
  const from = daily.date.indexOf("2015-01-01");
  const returns = logReturns(daily.price_usd.subarray(from));
  const mean = returns.reduce((a, b) => a + b, 0) / returns.length;
  const sd = Math.sqrt(returns.reduce((s, r) => s + (r - mean) ** 2, 0) / returns.length);
  const run = bootstrapPaths(returns, {
    start: 1,
    blockDays: 1,
    steps: 12,
    daysPerStep: 30,
    paths: 5_000,
    seed: 1,
  });
  const terminal = stepValues(run, 11).map(Math.log);
  const simulatedMean = terminal.reduce((a, b) => a + b, 0) / terminal.length;
  // i.i.d. resampling: 360 days per path, so the terminal log return has mean 360·mean and
  // standard deviation √360·sd; the sample mean's standard error is that over √5000.
  const se = (Math.sqrt(360) * sd) / Math.sqrt(5_000);
  assert.ok(Math.abs(simulatedMean - 360 * mean) < 4 * se, `${simulatedMean} vs ${360 * mean}`);
});

Deno.test("bootstrapPaths rejects bad input", () => {
  const ok = { start: 1, blockDays: 2, steps: 3, paths: 2 };
  assert.throws(
    () => bootstrapPaths([], ok),
    /Cannot use returns: expected at least one return, got 0/,
  );
  assert.throws(
    () => bootstrapPaths([0.1, NaN], ok),
    /Cannot use returns\[1\]: expected a finite number, got NaN/,
  );
  assert.throws(
    () => bootstrapPaths(history, { ...ok, blockDays: 0 }),
    /Cannot use blockDays: expected a whole number >= 1, got 0/,
  );
  assert.throws(
    () => bootstrapPaths(history, { ...ok, blockDays: 51 }),
    /Cannot use blockDays: expected at most returns.length \(50\), got 51/,
  );
  assert.throws(() => bootstrapPaths(history, { ...ok, paths: 0 }), /Cannot use paths/);
  assert.throws(() => bootstrapPaths(history, { ...ok, steps: -1 }), /Cannot use steps/);
  assert.throws(
    () => bootstrapPaths(history, { ...ok, daysPerStep: 0.5 }),
    /Cannot use daysPerStep/,
  );
  assert.throws(() => bootstrapPaths(history, { ...ok, start: -1 }), /Cannot use start/);
  // deno-lint-ignore no-explicit-any
  assert.throws(() => bootstrapPaths(null as any, ok), TypeError);
});

Deno.test("logReturns", () => {
  const r = logReturns(Float64Array.of(100, 200, 50));
  assert.deepEqual([...r], [Math.log(2), Math.log(0.25)]);
  assert.throws(() => logReturns([1]), /Cannot use prices: expected at least 2 prices, got 1/);
  assert.throws(() => logReturns([1, -2]), /Cannot use prices\[1\]: expected a value > 0, got -2/);
  assert.throws(
    () => logReturns([NaN, 2]),
    /Cannot use prices\[0\]: expected a finite number, got NaN/,
  );
});
