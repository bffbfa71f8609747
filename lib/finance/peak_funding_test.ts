import assert from "node:assert/strict";
import { peakFundingNeed } from "./peak_funding.ts";

Deno.test("peak funding need is the deepest cumulative cash, as a positive amount", async (t) => {
  await t.step("first reached trough wins a tie", () => {
    // Cumulative −100, −150, −150, −50, 50: trough 150, first at t = 1.
    const peak = peakFundingNeed([-100, -50, 0, 100, 100].map((amount, t) => ({ t, amount })));
    assert.equal(peak.need, 150);
    assert.equal(peak.atYears, 1);
  });
  await t.step("month indices with periodsPerYear report years", () => {
    const flows = [-10, -10, -10, 50].map((amount, t) => ({ t, amount }));
    assert.equal(peakFundingNeed(flows, { periodsPerYear: 12 }).atYears, 2 / 12);
  });
  await t.step("never negative: zero need and no date", () => {
    const peak = peakFundingNeed([{ t: 0, amount: 5 }, { t: 1, amount: -5 }]);
    assert.equal(peak.need, 0);
    assert.ok(Object.is(peak.need, 0));
    assert.equal(peak.atYears, undefined);
  });
  await t.step("a second, deeper trough after a recovery is the peak", () => {
    const peak = peakFundingNeed([-100, 150, -200, 300].map((amount, t) => ({ t, amount })));
    assert.equal(peak.need, 150);
    assert.equal(peak.atYears, 2);
  });
});

Deno.test("peak funding rejects unordered or bad flows", () => {
  assert.throws(() => peakFundingNeed([]), /at least one cash flow/);
  assert.throws(
    () => peakFundingNeed([{ t: 2, amount: -1 }, { t: 1, amount: 1 }]),
    /flows\[1\]\.t: expected times in order/,
  );
  assert.throws(() => peakFundingNeed([{ t: 0, amount: NaN }]), /NaN/);
});
