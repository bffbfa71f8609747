import assert from "node:assert/strict";
import { percentiles } from "../finance/percentiles.ts";
import { bestSplit, siteCashFlows, siteNpv, type SitePlan, siteReturns } from "./mod.ts";
import { coreScientificSite } from "./_testing.ts";
import { assertAlmostEquals } from "../testing/assert_almost_equals.ts";

/** 1e-9 of the expected value, or 1e-9 absolute below 1. */
const TOLERANCE = { absolute: 1e-9, relative: 1e-9 };

const MONTHS = 60;
const PLAN = coreScientificSite(MONTHS, 45);
// Nine hashprice paths from $15 to $55 that halve after month 22: some switch the fleet off
// (its hashcost is 24 × 23.6 × 1.2 × 0.04 = $27.19 per PH/s per day), some do not.
const PATHS = 9;
const HASHPRICE = {
  paths: Float64Array.from(
    { length: PATHS * MONTHS },
    (_, i) => (15 + 5 * Math.floor(i / MONTHS)) * (i % MONTHS < 22 ? 1 : 0.5),
  ),
  pathCount: PATHS,
  steps: MONTHS,
  seed: 1,
};
const pathPlan = (p: number): SitePlan => ({
  ...PLAN,
  mining: { ...PLAN.mining, hashprice: HASHPRICE.paths.subarray(p * MONTHS, (p + 1) * MONTHS) },
});

Deno.test("each row's scenario NPVs are siteReturns' and siteNpv's on that path, with switch-off", () => {
  const options = { discountRate: 0.1, terminal: { aiEbitdaMultiple: 8 } };
  const split = bestSplit(PLAN, { ...options, hashprice: HASHPRICE, shares: [0, 0.4, 1] });
  let off = 0;
  for (const row of split.rows) {
    assert.equal(row.npvsUsd.length, PATHS);
    for (let p = 0; p < PATHS; p++) {
      const flows = siteCashFlows(pathPlan(p), { aiShare: row.aiShare });
      off += flows.miningRunning.filter((on) => on === 0).length;
      assertAlmostEquals(
        row.npvsUsd[p]!,
        siteReturns(flows, options).npvUsd,
        TOLERANCE,
        `${row.aiShare}, ${p}`,
      );
      assertAlmostEquals(row.npvsUsd[p]!, siteNpv(flows, options), TOLERANCE);
    }
    const mean = row.npvsUsd.reduce((a, b) => a + b, 0) / PATHS;
    assertAlmostEquals(row.npvMeanUsd, mean, TOLERANCE);
  }
  assert.ok(off > 0); // the switch-off is exercised
});

Deno.test("percentiles: the ones asked for, in order; P5/P50/P95 always", () => {
  const levels = [90, 10, 50, 0, 100];
  const split = bestSplit(PLAN, { discountRate: 0.1, hashprice: HASHPRICE, percentiles: levels });
  const plain = bestSplit(PLAN, { discountRate: 0.1, hashprice: HASHPRICE });
  for (const [i, row] of split.rows.entries()) {
    // Independent: lib/finance percentiles of the row's NPVs (numpy's linear method).
    assert.deepEqual(row.npvPercentilesUsd, percentiles(row.npvsUsd, levels));
    assert.equal(row.npvPercentilesUsd[3], Math.min(...row.npvsUsd));
    assert.equal(row.npvPercentilesUsd[4], Math.max(...row.npvsUsd));
    assert.equal(row.npvPercentilesUsd[2], row.npvP50Usd);
    const [p5, p50, p95] = percentiles(row.npvsUsd, [5, 50, 95]);
    assert.deepEqual([row.npvP5Usd, row.npvP50Usd, row.npvP95Usd], [p5, p50, p95]);
    // The default asks for P5, P50 and P95; the other fields do not change.
    assert.deepEqual(plain.rows[i]!.npvPercentilesUsd, [p5, p50, p95]);
    assert.equal(plain.rows[i]!.npvMeanUsd, row.npvMeanUsd);
  }
});

Deno.test("bestSplit rejects a percentile outside 0–100 and a rate at or below −100%", () => {
  assert.throws(
    () => bestSplit(PLAN, { discountRate: 0.1, percentiles: [10, 101] }),
    /percentiles\[1\]: expected a value in \[0, 100\], got 101/,
  );
  assert.throws(
    () => bestSplit(PLAN, { discountRate: 0.1, percentiles: [NaN] }),
    /percentiles\[0\]: expected a value in \[0, 100\], got NaN/,
  );
  assert.throws(
    () => bestSplit(PLAN, { discountRate: -1 }),
    /discountRate: expected a rate > -1, got -1/,
  );
});

Deno.test("cumulativeCashAt: each path's cumulative cash at one share, from the same run", async (t) => {
  const options = { discountRate: 0.1, hashprice: HASHPRICE, shares: [0, 0.4, 1] };
  await t.step("a share tried: each path's running sum of siteCashFlows' cash flow", () => {
    const split = bestSplit(PLAN, { ...options, cumulativeCashAt: 0.4 });
    const kept = split.cumulativeCash!;
    assert.equal(kept.aiShare, 0.4);
    assert.equal(kept.cumulativeCashUsd.pathCount, PATHS);
    assert.equal(kept.cumulativeCashUsd.steps, MONTHS);
    for (let p = 0; p < PATHS; p++) {
      const cash = siteCashFlows(pathPlan(p), { aiShare: 0.4 }).cashFlow;
      let sum = 0;
      for (let m = 0; m < MONTHS; m++) {
        sum += cash[m]!;
        assertAlmostEquals(kept.cumulativeCashUsd.paths[p * MONTHS + m]!, sum, TOLERANCE);
      }
    }
    // The rows are the same as without it.
    assert.deepEqual(split.rows, bestSplit(PLAN, options).rows);
    assert.equal(bestSplit(PLAN, options).cumulativeCash, undefined);
  });
  await t.step('"best": the best feasible share\'s paths', () => {
    const split = bestSplit(PLAN, { ...options, cumulativeCashAt: "best" });
    assert.equal(split.cumulativeCash!.aiShare, split.best!.aiShare);
    const direct = bestSplit(PLAN, { ...options, cumulativeCashAt: split.best!.aiShare });
    assert.deepEqual(split.cumulativeCash, direct.cumulativeCash);
    // No feasible share, no paths.
    const none = bestSplit(PLAN, {
      ...options,
      cumulativeCashAt: "best",
      constraints: { capexBudgetUsd: -0 },
      shares: [0.4, 1],
    });
    assert.equal(none.best, undefined);
    assert.equal(none.cumulativeCash, undefined);
  });
  await t.step("a share not tried is an error naming it", () => {
    assert.throws(
      () => bestSplit(PLAN, { ...options, cumulativeCashAt: 0.5 }),
      /cumulativeCashAt: expected one of the shares tried or "best", got 0.5/,
    );
  });
});
