import assert from "node:assert/strict";
import { monthEndIsoDate } from "../units/calendar.ts";
import { formatUsd } from "../units/format.ts";
import { minerVsMullet } from "./miner_vs_mullet.ts";
import {
  everyTreasuryPolicy,
  minerVsMulletByPolicy,
  policyEquityRows,
  policyTableRows,
} from "./treasury_policy_runs.ts";
import { TREASURY_POLICY_KINDS } from "./treasury_policy.ts";
import { comparisonInputs } from "./_testing.ts";

const LABELS = { pure: "All mining", mullet: "Mullet, 30% AI" };
const inputs = comparisonInputs(0.3);
const options = {
  discountRate: 0.12,
  debtRateAnnual: 0.08,
  policy: { kind: "sell-above-cost" },
} as const;
const done = minerVsMullet(inputs, options);
const byPolicy = minerVsMulletByPolicy(inputs, {
  ...options,
  policies: everyTreasuryPolicy(1_000),
  done,
});

Deno.test("minerVsMulletByPolicy runs every policy on the same paths", () => {
  assert.deepEqual(byPolicy.runs.map((r) => r.policy.kind), [...TREASURY_POLICY_KINDS]);
  assert.deepEqual(byPolicy.runs.at(-1)!.policy, { kind: "target-holding", btc: 1_000 });
  // The run already made is reused, not run again.
  assert.equal(byPolicy.runs[2]!.result, done);
  // Each other run is minerVsMullet's under its policy; the NPV does not depend on the policy.
  const hold = minerVsMullet(inputs, { ...options, policy: { kind: "hold-all" } });
  assert.deepEqual(byPolicy.runs[1]!.result.pure.treasury, hold.pure.treasury);
  for (const { result } of byPolicy.runs) assert.deepEqual(result.pure.npvUsd, done.pure.npvUsd);
  // Holding everything never sells, so never below cost; selling every month does.
  assert.ok(byPolicy.neverBelowCost.includes("hold all"));
  const sellAll = byPolicy.runs[0]!.result.pure.treasury.saleBelowCostProbability;
  assert.equal(byPolicy.neverBelowCost.includes("sell all monthly"), sellAll === 0);
  const ahead = byPolicy.runs.filter((r) =>
    r.result.mullet.treasury.endEquityP50Usd > r.result.pure.treasury.endEquityP50Usd
  );
  assert.equal(byPolicy.mulletAhead, ahead.length);
});

Deno.test("policyEquityRows and policyTableRows read each run", () => {
  const equity = policyEquityRows(byPolicy, LABELS);
  assert.equal(equity.length, 10);
  assert.deepEqual(equity[2], {
    policy: "Hold all",
    strategy: LABELS.pure,
    equityMillions: byPolicy.runs[1]!.result.pure.treasury.endEquityP50Usd / 1e6,
  });
  const table = policyTableRows(byPolicy, { start: "2026-06-01" });
  assert.equal(table.length, 5);
  assert.equal(table[1]!.firstBelowCost, "never");
  const sellAll = byPolicy.runs[0]!.result;
  const first = sellAll.pure.treasury.firstSaleBelowCostMonthMedian;
  assert.equal(
    table[0]!.firstBelowCost,
    first === undefined ? "never" : monthEndIsoDate("2026-06-01", Math.round(first)).slice(0, 7),
  );
  assert.equal(
    table[0]!.peakDebt,
    `${formatUsd(sellAll.pure.treasury.peakDebtMeanUsd)} / ${
      formatUsd(sellAll.mullet.treasury.peakDebtMeanUsd)
    }`,
  );
});

Deno.test("bad inputs are named", () => {
  assert.throws(() => everyTreasuryPolicy(NaN), /targetBtc: expected a finite number, got NaN/);
  assert.throws(
    () =>
      minerVsMulletByPolicy(inputs, {
        ...options,
        discountRate: -1,
        policies: [{ kind: "hold-all" }],
      }),
    /discountRate: expected a rate > -1, got -1/,
  );
});
