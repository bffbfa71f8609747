import assert from "node:assert/strict";
import { loadBtcDaily } from "../data/btc_daily.ts";
import { networkCalibration } from "./network_calibration.ts";
import { assertAlmostEquals } from "../testing/assert_almost_equals.ts";

/** 1e-12 of the expected value, or 1e-12 absolute below 1. */
const TOLERANCE = { absolute: 1e-12, relative: 1e-12 };

const days = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10),
  );

Deno.test("real data: the same numbers as a plain re-computation written out here", async () => {
  const daily = await loadBtcDaily();
  const c = networkCalibration(daily, { lookbackYears: 4 });
  // Independent: the window located by date arithmetic, means by reduce, the standard
  // deviation by the textbook two-pass formula on plain arrays.
  const to = daily.date.at(-1)!;
  const fromDate = new Date(Date.parse(to) - 1460 * 86_400_000).toISOString().slice(0, 10);
  const from = daily.date.indexOf(fromDate);
  assert.equal(c.fromDate, fromDate);
  assert.equal(c.toDate, to);
  const price = Array.from(daily.price_usd.slice(from));
  const hashrate = Array.from(daily.hashrate_ths.slice(from));
  const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = (xs: number[]) => {
    const m = avg(xs);
    return Math.sqrt(xs.map((x) => (x - m) ** 2).reduce((a, b) => a + b, 0) / (xs.length - 1));
  };
  // Log-linear trends by the normal equations in raw sums (not the centred form lib uses).
  const growth = (xs: number[]) => {
    const n = xs.length;
    let st = 0, stt = 0, sy = 0, sty = 0;
    xs.forEach((x, t) => {
      const y = Math.log(x);
      st += t;
      stt += t * t;
      sy += y;
      sty += t * y;
    });
    return Math.exp(365 * (n * sty - st * sy) / (n * stt - st * st)) - 1;
  };
  assertAlmostEquals(c.hashrate, avg(hashrate.slice(-30)), TOLERANCE);
  assertAlmostEquals(c.hashrateGrowthAnnual, growth(hashrate), { absolute: 1e-8, relative: 1e-8 });
  assertAlmostEquals(c.priceGrowthAnnual, growth(price), { absolute: 1e-8, relative: 1e-8 });
  assertAlmostEquals(
    c.excessHashrateGrowthAnnual,
    (1 + growth(hashrate)) / (1 + growth(price)) - 1,
    { absolute: 1e-8, relative: 1e-8 },
  );
  // Over the four years to 2026-06-01 the network grew about 5% a year slower than the price
  // (end-point means had said 9% faster), with a standard error of about 2.5 points: the trend is
  // about two standard errors below zero, not a certainty.
  assert.equal(c.toDate, "2026-06-01");
  assert.ok(
    Math.abs(c.excessHashrateGrowthAnnual - -0.05) < 0.005,
    `${c.excessHashrateGrowthAnnual}`,
  );
  assert.ok(c.excessHashrateGrowthStdErr > 0.02 && c.excessHashrateGrowthStdErr < 0.03);
  const returns = price.slice(1).map((p, i) => Math.log(p / price[i]!));
  assert.equal(returns.length, 1460);
  assertAlmostEquals(c.btcVolAnnual, sd(returns) * Math.sqrt(365), {
    absolute: 1e-10,
    relative: 1e-10,
  });
  const months: number[] = [];
  for (let end = hashrate.length; end >= 30; end -= 30) {
    months.push(avg(hashrate.slice(end - 30, end)));
  }
  months.reverse();
  assert.equal(months.length, Math.floor(1461 / 30));
  const changes = months.slice(1).map((v, i) => Math.log(v / months[i]!));
  assertAlmostEquals(c.hashrateVolAnnual, sd(changes) * Math.sqrt(365 / 30), {
    absolute: 1e-10,
    relative: 1e-10,
  });
  // Plausible magnitudes for Bitcoin (not a reference value): a volatile price, a growing network.
  assert.ok(c.btcVolAnnual > 0.2 && c.btcVolAnnual < 1.5);
  assert.ok(c.hashrateGrowthAnnual > 0);
});

Deno.test("trend growth is exact on exponential series, with no standard error", () => {
  const n = 730;
  const price_usd = Array.from({ length: n }, (_, i) => 60_000 * 1.5 ** (i / 365));
  const hashrate_ths = Array.from({ length: n }, (_, i) => 6e8 * 2 ** (i / 365));
  const c = networkCalibration({ date: days(n), price_usd, hashrate_ths }, { lookbackYears: 1.9 });
  assertAlmostEquals(c.priceGrowthAnnual, 0.5, { absolute: 1e-10, relative: 1e-10 });
  assertAlmostEquals(c.hashrateGrowthAnnual, 1, { absolute: 1e-10, relative: 1e-10 });
  assertAlmostEquals(c.excessHashrateGrowthAnnual, 1 / 3, { absolute: 1e-10, relative: 1e-10 });
  assert.ok(c.priceGrowthStdErr < 1e-9 && c.excessHashrateGrowthStdErr < 1e-9);
});

Deno.test("the Newey–West error grows with autocorrelated residuals; no lags is White's error", () => {
  // A flat series with a slow ±1% wave about it: residuals autocorrelated over 60 days.
  const n = 720;
  const price_usd = new Array(n).fill(1);
  const hashrate_ths = Array.from({ length: n }, (_, i) => Math.exp(0.01 * Math.sin(i / 20)));
  const daily = { date: days(n), price_usd, hashrate_ths };
  const lagged = networkCalibration(daily, { lookbackYears: 719 / 365, meanDays: 30 });
  const white = networkCalibration(daily, { lookbackYears: 719 / 365, meanDays: 1 });
  assert.ok(lagged.hashrateGrowthStdErr > 2 * white.hashrateGrowthStdErr);
  // Independent White-type error with one Bartlett lag, written out on plain arrays.
  const y = hashrate_ths.map(Math.log);
  const tm = (n - 1) / 2;
  const ym = y.reduce((a, b) => a + b, 0) / n;
  const sxx = y.reduce((a, _, t) => a + (t - tm) ** 2, 0);
  const b = y.reduce((a, v, t) => a + (t - tm) * (v - ym), 0) / sxx;
  const u = y.map((v, t) => (t - tm) * (v - ym - b * (t - tm)));
  const meat = u.reduce((a, v) => a + v * v, 0) +
    2 * 0.5 * u.slice(1).reduce((a, v, t) => a + v * u[t]!, 0);
  const expected = 365 * Math.exp(365 * b) * Math.sqrt(meat) / sxx;
  assertAlmostEquals(white.hashrateGrowthStdErr, expected, { absolute: 1e-9, relative: 1e-9 });
});

Deno.test("volatility of alternating ±a daily log returns is a·√(n ÷ (n − 1))·√365", () => {
  const n = 400;
  const a = 0.03;
  const price_usd = Array.from({ length: n }, (_, i) => 50_000 * Math.exp(i % 2 === 0 ? 0 : a));
  const hashrate_ths = new Array(n).fill(7e8);
  const c = networkCalibration({ date: days(n), price_usd, hashrate_ths }, {
    lookbackYears: 364 / 365,
  });
  const returns = 364; // 182 of each sign: their mean is 0
  assertAlmostEquals(
    c.btcVolAnnual,
    a * Math.sqrt(returns / (returns - 1)) * Math.sqrt(365),
    TOLERANCE,
  );
  assert.equal(c.hashrateVolAnnual, 0);
  assert.equal(c.hashrateGrowthAnnual, 0);
});

Deno.test("hashrate volatility from n-day means; meanDays changes the blocks", () => {
  // Hashrate alternating between two levels every 10 days: 10-day blocks change by ±ln 2,
  // 20-day blocks never change.
  const n = 200;
  const hashrate_ths = Array.from(
    { length: n },
    (_, i) => (Math.floor((n - 1 - i) / 10) % 2 ? 2 : 1),
  );
  const price_usd = new Array(n).fill(1);
  const daily = { date: days(n), price_usd, hashrate_ths };
  const ten = networkCalibration(daily, { lookbackYears: 190 / 365, meanDays: 10 });
  const changes = 18; // 19 blocks of 10 days in the 191-day window; 9 changes of each sign
  const expected = Math.LN2 * Math.sqrt(changes / (changes - 1)) * Math.sqrt(36.5);
  assertAlmostEquals(ten.hashrateVolAnnual, expected, TOLERANCE);
  const twenty = networkCalibration(daily, { lookbackYears: 190 / 365, meanDays: 20 });
  assert.equal(twenty.hashrateVolAnnual, 0);
  assert.equal(ten.btcVolAnnual, 0);
});

Deno.test("bad inputs are rejected, naming the field and value", () => {
  const n = 100;
  const daily = {
    date: days(n),
    price_usd: new Array(n).fill(1),
    hashrate_ths: new Array(n).fill(1),
  };
  const calibrate = (d: typeof daily, o: { lookbackYears: number; meanDays?: number }) => () =>
    networkCalibration(d, o);
  assert.throws(
    calibrate(daily, { lookbackYears: 0 }),
    /lookbackYears: expected a value > 0, got 0/,
  );
  assert.throws(
    calibrate(daily, { lookbackYears: NaN }),
    /lookbackYears: expected a finite number, got NaN/,
  );
  assert.throws(
    calibrate(daily, { lookbackYears: 1 }),
    /lookbackYears: expected a window within the 100 days of data, got 1/,
  );
  assert.throws(
    calibrate(daily, { lookbackYears: 60 / 365 }),
    /expected a window of at least 3 × meanDays = 90 days, got 61/,
  );
  assert.throws(
    calibrate(daily, { lookbackYears: 0.2, meanDays: 0 }),
    /meanDays: expected a whole number >= 1, got 0/,
  );
  assert.throws(
    calibrate({ ...daily, hashrate_ths: new Array(n - 1).fill(1) }, {
      lookbackYears: 0.2,
      meanDays: 10,
    }),
    /hashrate_ths: expected 100 values, one per date, got 99/,
  );
  const gap = [...daily.date];
  gap.splice(50, 1);
  gap.push("2020-04-10");
  assert.throws(
    calibrate({ ...daily, date: gap }, { lookbackYears: 0.2, meanDays: 10 }),
    /date: expected consecutive days/,
  );
  const prices = [...daily.price_usd];
  prices[90] = 0;
  assert.throws(
    calibrate({ ...daily, price_usd: prices }, { lookbackYears: 0.2, meanDays: 10 }),
    /price_usd\[90\]: expected a value > 0, got 0/,
  );
});
