import assert from "node:assert/strict";
import {
  btc,
  btcToUsd,
  ehs,
  grossFromIt,
  hashrateFor,
  hashrateIn,
  itFromGross,
  itMw,
  jPerTh,
  kwMonthToMwYear,
  mw,
  mwYearToKwMonth,
  powerFor,
  sats,
  siteHashrate,
  toSats,
  usd,
  usdPerKwMonth,
  usdPerMwYear,
  usdToBtc,
} from "./mod.ts";

Deno.test("conversions round-trip", () => {
  for (const x of [0, 1e-9, 0.5, 3.125, 1234.5678, 1e6]) {
    assert.equal(toSats(sats(Math.round(x * 1e8))), Math.round(x * 1e8));
    assert.ok(
      Math.abs(usdToBtc(btcToUsd(btc(x), usd(90_000)), usd(90_000)) - x) <= 1e-12 * Math.max(1, x),
    );
    assert.ok(
      Math.abs(mwYearToKwMonth(kwMonthToMwYear(usdPerKwMonth(x))) - x) <= 1e-12 * Math.max(1, x),
    );
    assert.ok(Math.abs(itFromGross(grossFromIt(itMw(x), 1.43), 1.43) - itMw(x)) <= 1e-6);
  }
});

Deno.test("hashrate and power at an efficiency are inverse (F3, F4)", () => {
  const eff = jPerTh(17.5);
  assert.ok(Math.abs(powerFor(hashrateFor(mw(1), eff), eff) - 1e6) < 1e-6);
  assert.equal(hashrateIn(ehs(1), "TH/s"), 1e6);
});

Deno.test("siteHashrate: a gross MW runs 1e6 W ÷ PUE ÷ J/TH of hashrate (F4 per gross MW)", () => {
  // 1 gross MW at PUE 1.2 leaves 833,333 W for S21s at 17.5 J/TH: 47,619 TH/s.
  assert.ok(Math.abs(siteHashrate(mw(1), 1.2, jPerTh(17.5)) - 1e6 / 1.2 / 17.5) < 1e-9);
  assert.equal(siteHashrate(mw(0), 1.2, jPerTh(17.5)), 0);
  assert.throws(
    () => siteHashrate(mw(1), 0.99, jPerTh(17.5)),
    /Cannot use pue: expected a PUE >= 1, got 0.99/,
  );
  assert.throws(
    () => siteHashrate(mw(1), NaN, jPerTh(17.5)),
    /Cannot use pue: expected a finite number, got NaN/,
  );
  assert.throws(
    () => siteHashrate(mw(1), Infinity, jPerTh(17.5)),
    /Cannot use pue: expected a finite number, got Infinity/,
  );
  assert.throws(
    () => siteHashrate(mw(1), 1.2, 0 as never),
    /Cannot use efficiency: expected a value > 0, got 0/,
  );
});

Deno.test("CORZ–CoreWeave: $3.5B over 12 years on 200 MW is $121.5/kW-month (F6)", () => {
  const perMwYear = usdPerMwYear(3.5e9 / 12 / 200);
  assert.ok(Math.abs(perMwYear - 1_458_333.33) < 0.01);
  assert.ok(Math.abs(mwYearToKwMonth(perMwYear) - 121.53) < 0.01);
});

Deno.test("every converter rejects NaN and the negative quantities a user will hit", () => {
  assert.throws(() => usd(NaN), /Cannot use usd: expected a finite number, got NaN/);
  assert.throws(() => itMw(-1), /Cannot use itMw: expected a value >= 0, got -1/);
  assert.throws(() => ehs(Infinity), /Cannot use ehs: expected a finite number, got Infinity/);
  assert.throws(() => jPerTh(-17.5), /Cannot use jPerTh: expected a value > 0, got -17.5/);
  assert.throws(() => grossFromIt(itMw(10), 0.5), /Cannot use pue: expected a PUE >= 1, got 0.5/);
  assert.throws(() => btcToUsd(btc(1), usd(0)), /Cannot use priceUsd: expected a value > 0, got 0/);
  // @ts-expect-error: a string where a number belongs is a TypeError naming the field
  assert.throws(() => usd("12"), TypeError);
});
