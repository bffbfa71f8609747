import assert from "node:assert/strict";
import { siteCashFlows, siteNpv, type SitePlan, siteReturns } from "./mod.ts";
import { coreScientificSite, H100_CLOUD } from "./_testing.ts";
import { assertAlmostEquals } from "../testing/assert_almost_equals.ts";

/** 1e-9 of the expected value, or 1e-9 absolute below 1. */
const TOLERANCE = { absolute: 1e-9, relative: 1e-9 };

const MONTHS = 120;
// A hashprice that halves after 22 months (the 2028 halving seen from mid-2026), so the fleet
// is switched off in the second half of the horizon.
const HASHPRICE = Float64Array.from({ length: MONTHS }, (_, m) => (m < 22 ? 45 : 17));
const PLAN = coreScientificSite(MONTHS, HASHPRICE);

Deno.test("siteNpv equals siteReturns' NPV (lib/finance npv on dated flows)", () => {
  const gpu: SitePlan = { ...PLAN, ai: H100_CLOUD };
  let checked = 0;
  for (const plan of [PLAN, gpu]) {
    for (const aiShare of [0, 0.2, 0.65, 1]) {
      const flows = siteCashFlows(plan, { aiShare });
      for (const discountRate of [-0.05, 0, 0.1, 0.35]) {
        for (const terminal of [undefined, { aiEbitdaMultiple: 10, miningEbitdaMultiple: 3 }]) {
          const options = terminal === undefined ? { discountRate } : { discountRate, terminal };
          const expected = siteReturns(flows, options).npvUsd;
          assertAlmostEquals(
            siteNpv(flows, options),
            expected,
            TOLERANCE,
            `${aiShare} at ${discountRate}`,
          );
          checked++;
        }
      }
    }
  }
  assert.equal(checked, 64);
});

Deno.test("siteNpv falls as the rate rises and is the plain sum at 0%", () => {
  const flows = siteCashFlows(PLAN, { aiShare: 0.2 });
  const total = flows.cashFlow.reduce((a, b) => a + b, 0);
  assertAlmostEquals(siteNpv(flows, { discountRate: 0 }), total, TOLERANCE);
  const npvs = [0.05, 0.1, 0.15].map((discountRate) => siteNpv(flows, { discountRate }));
  assert.ok(npvs[0]! > npvs[1]! && npvs[1]! > npvs[2]!);
});

Deno.test("siteNpv rejects a bad rate or terminal multiple, naming it", () => {
  const flows = siteCashFlows(PLAN, { aiShare: 0.2 });
  assert.throws(
    () => siteNpv(flows, { discountRate: NaN }),
    /discountRate: expected a finite number, got NaN/,
  );
  assert.throws(
    () => siteNpv(flows, { discountRate: -1.5 }),
    /discountRate: expected a rate > -1, got -1.5/,
  );
  assert.throws(
    () => siteNpv(flows, { discountRate: 0.1, terminal: { aiEbitdaMultiple: -2 } }),
    /terminal.aiEbitdaMultiple: expected a value >= 0, got -2/,
  );
});
