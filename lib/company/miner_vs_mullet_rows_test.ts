import assert from "node:assert/strict";
import { percentiles } from "../finance/percentiles.ts";
import { assertAlmostEquals } from "../testing/assert_almost_equals.ts";
import { monthEndIsoDate } from "../units/calendar.ts";
import { minerVsMulletTable } from "./comparison_table.ts";
import { minerVsMullet } from "./miner_vs_mullet.ts";
import {
  comparisonHeadlines,
  monthlyRows,
  npvProfile,
  npvStatRows,
  sumOfThePartsRows,
  TENTH_PERCENTILES,
} from "./miner_vs_mullet_rows.ts";
import { comparisonInputs } from "./_testing.ts";

const LABELS = { pure: "All mining", mullet: "Mullet, 30% AI" };
const OPTIONS = {
  discountRate: 0.12,
  debtRateAnnual: 0.08,
  valuation: { miningUsdPerMw: 0.43e6, aiCapRate: 0.06 },
} as const;
const result = minerVsMullet(comparisonInputs(0.3), OPTIONS);
const { pure, mullet } = result;

Deno.test("npvStatRows: four statistics per strategy, in USD millions", () => {
  const rows = npvStatRows(result, LABELS);
  assert.deepEqual(rows.map((r) => `${r.strategy}: ${r.stat}`).slice(0, 4), [
    "All mining: 5th percentile",
    "All mining: Median",
    "All mining: Mean",
    "All mining: 95th percentile",
  ]);
  assert.equal(rows[1]!.npvMillions, pure.npvP50Usd / 1e6);
  assert.equal(rows[6]!.npvMillions, mullet.npvMeanUsd / 1e6);
  assert.equal(rows[7]!.strategy, LABELS.mullet);
});

Deno.test("npvProfile: every tenth percentile, and the same-path difference", () => {
  const profile = npvProfile(result, LABELS);
  assert.deepEqual(TENTH_PERCENTILES, [5, 15, 25, 35, 45, 55, 65, 75, 85, 95]);
  assert.equal(profile.rows.length, 20);
  // Independent: lib/finance percentiles of each strategy's NPVs and of their difference.
  const expected = percentiles(mullet.npvUsd, TENTH_PERCENTILES);
  profile.rows.slice(10).forEach((r, i) => {
    assert.equal(r.stat, `P${TENTH_PERCENTILES[i]}`);
    assertAlmostEquals(r.npvMillions, expected[i]! / 1e6);
  });
  const difference = Array.from(pure.npvUsd, (v, p) => mullet.npvUsd[p]! - v);
  assert.deepEqual(profile.differenceUsd, percentiles(difference, TENTH_PERCENTILES));
  assert.equal(profile.differenceMedianUsd, percentiles(difference, [50])[0]);
  assert.equal(profile.spreadUsd.pure, pure.npvP95Usd - pure.npvP5Usd);
  // The P5 and P95 rows are the outcome's own percentiles.
  assertAlmostEquals(profile.rows[0]!.npvMillions, pure.npvP5Usd / 1e6);
  assertAlmostEquals(profile.rows[9]!.npvMillions, pure.npvP95Usd / 1e6);
});

Deno.test("monthlyRows: one row per series and month, at each month's end", () => {
  const rows = monthlyRows("2026-06-01", {
    [LABELS.pure]: pure.btcMinedByMonth,
    [LABELS.mullet]: mullet.btcMinedByMonth,
  }, { months: 24 });
  assert.equal(rows.length, 48);
  assert.deepEqual(rows[23], {
    date: monthEndIsoDate("2026-06-01", 23),
    series: LABELS.pure,
    value: pure.btcMinedByMonth[23],
  });
  assert.equal(rows[24]!.series, LABELS.mullet);
  assert.equal(rows[24]!.date, "2026-07-01");
  assert.deepEqual(monthlyRows("2026-06-01", { a: [1] }, { months: 0 }), []);
  assert.throws(
    () => monthlyRows("2026-06-01", { a: pure.btcMinedByMonth }, { months: 49 }),
    /Cannot chart "a": "a" has 48 months, expected at least 49/,
  );
  assert.throws(
    () => monthlyRows("2026-06-01", { a: [1] }, { months: 1.5 }),
    /Cannot use months: expected a whole number >= 0, got 1.5/,
  );
});

Deno.test("comparisonHeadlines: the comparison table's figures", () => {
  const h = comparisonHeadlines(result);
  const table = minerVsMulletTable(result);
  assertAlmostEquals(h.btcGivenUp, pure.btcMined - mullet.btcMined);
  assertAlmostEquals(h.btcGivenUpShare, 1 - mullet.btcMined / pure.btcMined);
  // The mullet mines on 70% of the MW: it gives up 30% of the BTC.
  assertAlmostEquals(h.btcGivenUpShare, 0.3, 1e-12);
  const share = table.find((r) => r.metric.startsWith("Network hashrate share"))!;
  assert.equal(`-${h.shareGivenUpText}`, share.differenceText);
  assert.equal(
    h.volatilityCut,
    1 - mullet.cashFlowVolatilityUsd / pure.cashFlowVolatilityUsd,
  );
  const wins = result.mulletWinsProbability;
  assert.equal(h.leader, wins >= 0.5 ? "mullet" : "pure self-miner");
  assert.equal(h.leaderShare, Math.max(wins, 1 - wins));
});

Deno.test("sumOfThePartsRows: the parts with a value, then the equity in bold", () => {
  const rows = sumOfThePartsRows(result, LABELS);
  for (const [label, o] of [[LABELS.pure, pure], [LABELS.mullet, mullet]] as const) {
    const own = rows.filter((r) => r.strategy === label);
    const parts = o.sumOfTheParts!.parts.filter((p) => p.valueUsd !== 0);
    assert.deepEqual(own.slice(0, -1).map((r) => r.part), parts.map((p) => p.part));
    assert.equal(own.at(-1)!.part, "**Equity value**");
    // Invariant: the equity is the sum of the parts.
    const sum = parts.reduce((a, p) => a + p.valueUsd, 0);
    assertAlmostEquals(o.sumOfTheParts!.equityValueUsd, sum, { relative: 1e-12, absolute: 1e-3 });
  }
  assert.ok(rows.some((r) => r.basis === "100 MW at $430k/MW"));
  const bare = minerVsMullet(comparisonInputs(0.3), { discountRate: 0.12, debtRateAnnual: 0.08 });
  assert.throws(
    () => sumOfThePartsRows(bare, LABELS),
    /All mining has no sum of the parts: run minerVsMullet with valuation/,
  );
});
