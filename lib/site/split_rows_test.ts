import assert from "node:assert/strict";
import { segmentYears, siteCashFlows, splitColumns, splitStatus, splitStudy } from "./mod.ts";
import { coreScientificSite } from "./_testing.ts";

// 30 months at a $45 hashprice: two full project years and a half year.
const PLAN = coreScientificSite(30, 45);

Deno.test("segmentYears: each segment's years add up to its monthly total, capex negative", () => {
  const flows = siteCashFlows(PLAN, { aiShare: 0.3 });
  const rows = segmentYears(flows);
  assert.deepEqual(rows.map((r) => r.year), ["Y1", "Y2", "Y3", "Y1", "Y2", "Y3", "Y1", "Y2", "Y3"]);
  const total = (segment: string) =>
    rows.filter((r) => r.segment === segment).reduce((a, r) => a + r.usdM, 0) * 1e6;
  const sum = (a: Float64Array) => a.reduce((x, y) => x + y, 0);
  for (
    const [segment, expected] of [
      ["Mining margin", sum(flows.miningEbitda)],
      ["AI lease NOI", sum(flows.aiEbitda)],
      ["AI build capex", -sum(flows.aiCapex)],
    ] as const
  ) {
    assert.ok(Math.abs(total(segment) - expected) <= 1e-6 * Math.abs(expected), segment);
  }
  // The build (12 months from month 0) falls in year 1 only.
  assert.ok(rows[6]!.usdM < 0);
  assert.ok(rows[7]!.usdM === 0); // -0: no capex, negated
});

Deno.test("splitColumns: the grid's rows only, each with its status", () => {
  const hashprice = { paths: new Float64Array(30).fill(45), pathCount: 1, steps: 30, seed: 1 };
  const study = splitStudy(PLAN, {
    aiShare: 0.33,
    discountRate: 0.1,
    hashprice,
    shares: [0, 0.5, 1],
    constraints: { capexBudgetUsd: 1e9 },
  });
  const bars = splitColumns(study.split, study.grid);
  assert.deepEqual(bars.map((b) => b.share), ["0%", "50%", "100%"]); // 33% is not on the grid
  assert.equal(bars[0]!.npvM, study.allMining.npvMeanUsd / 1e6);
  // Half the site builds 150 ÷ 1.18 = 127 MW IT at $10M, $1.27B: over a $1B budget, as is all of it.
  // 30 months cannot pay back a build: all mining is best.
  assert.deepEqual(bars.map((b) => b.status), [
    "Best feasible split",
    "Over the capex budget",
    "Over the capex budget",
  ]);
});

Deno.test("splitStatus names the mining floor", () => {
  assert.equal(
    splitStatus({ feasible: false, breaks: ["minimum mining share"] }, undefined),
    "Below the minimum mining share",
  );
});
