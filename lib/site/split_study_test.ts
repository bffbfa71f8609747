import assert from "node:assert/strict";
import { bestSplit, siteCashFlows, siteReturns, splitStudy } from "./mod.ts";
import { coreScientificSite } from "./_testing.ts";

const MONTHS = 48;
const PLAN = coreScientificSite(MONTHS, 45);
// Five hashprice paths from $20 to $60 per PH/s per day; the fleet's hashcost is
// 24 × 23.6 × 1.2 × 0.04 = $27.19, so the lowest path switches the fleet off.
const PATHS = 5;
const HASHPRICE = {
  paths: Float64Array.from({ length: PATHS * MONTHS }, (_, i) => 20 + 10 * Math.floor(i / MONTHS)),
  pathCount: PATHS,
  steps: MONTHS,
  seed: 1,
};
const OPTIONS = { discountRate: 0.1, hashprice: HASHPRICE } as const;

Deno.test("splitStudy runs the models a note would call one by one, with the same numbers", () => {
  const study = splitStudy(PLAN, { ...OPTIONS, aiShare: 0.15, shares: [0.5, 1] });
  // 0 and the chosen share join the grid, in order; the grid itself is what was asked.
  assert.deepEqual(study.split.rows.map((r) => r.aiShare), [0, 0.15, 0.5, 1]);
  assert.deepEqual(study.grid, [0.5, 1]);
  const direct = bestSplit(PLAN, {
    ...OPTIONS,
    shares: [0, 0.15, 0.5, 1],
    percentiles: [10, 50, 90],
  });
  assert.deepEqual(study.split.rows, direct.rows);
  assert.equal(study.best.aiShare, direct.best!.aiShare);
  assert.equal(study.allMining.aiShare, 0);
  assert.equal(study.atShare.aiShare, 0.15);
  // The central case is the plan's own hashprice at the chosen share.
  const central = siteCashFlows(PLAN, { aiShare: 0.15 });
  assert.deepEqual(study.central.cashFlow, central.cashFlow);
  assert.deepEqual(study.centralReturns, siteReturns(central, { discountRate: 0.1 }));
  assert.equal(study.centralRunningMonths, MONTHS); // $45 covers the $27.19 hashcost every month
  // Each path's cumulative cash ends at the sum of that path's monthly cash flows.
  const cumulative = study.cumulativeCashUsd;
  assert.equal(cumulative.pathCount, PATHS);
  // They are the paths bestSplit kept at the chosen share, from the run of its row.
  assert.equal(study.split.cumulativeCash!.aiShare, 0.15);
  assert.equal(cumulative, study.split.cumulativeCash!.cumulativeCashUsd);
  for (let p = 0; p < PATHS; p++) {
    const hashprice = HASHPRICE.paths.subarray(p * MONTHS, (p + 1) * MONTHS);
    const flows = siteCashFlows({ ...PLAN, mining: { ...PLAN.mining, hashprice } }, {
      aiShare: 0.15,
    });
    const total = flows.cashFlow.reduce((a, b) => a + b, 0);
    const end = cumulative.paths[(p + 1) * MONTHS - 1]!;
    assert.ok(Math.abs(end - total) <= 1e-6 * Math.abs(total), `path ${p}: ${end} vs ${total}`);
  }
});

Deno.test("compared names all mining, the chosen share and the best, each once", () => {
  // Over a short horizon the build never pays back: all mining is best, and is also the choice.
  const study = splitStudy(PLAN, { ...OPTIONS, aiShare: 0 });
  assert.equal(study.best.aiShare, 0);
  assert.deepEqual(study.compared.map((c) => c.name), ["All mining"]);
  const split = splitStudy(PLAN, { ...OPTIONS, aiShare: 0.4 });
  assert.deepEqual(split.compared.map((c) => [c.name, c.row.aiShare]), [
    ["All mining", 0],
    ["Parameter split", 0.4],
  ]);
});

Deno.test("the capex budget marks the first share over it; no feasible share is an error", () => {
  // Each 5% of 300 MW gross is 15 ÷ 1.18 = 12.7 MW IT at $10M: $127M.
  const study = splitStudy(PLAN, {
    ...OPTIONS,
    aiShare: 0.1,
    constraints: { capexBudgetUsd: 300e6 },
  });
  assert.equal(study.firstOverBudget?.aiShare, 0.15);
  // The $20 path loses money at every share (an idle fleet still pays its other opex), so a one-in-
  // ten risk limit leaves no share feasible.
  assert.equal(study.allMining.lossProbability, 1 / PATHS);
  assert.throws(
    () => splitStudy(PLAN, { ...OPTIONS, aiShare: 0.1, constraints: { maxLossProbability: 0.1 } }),
    /none of the 21 shares tried meets the constraints/,
  );
  assert.throws(
    () => splitStudy(PLAN, { ...OPTIONS, aiShare: NaN }),
    /aiShare: expected a finite number, got NaN/,
  );
});
