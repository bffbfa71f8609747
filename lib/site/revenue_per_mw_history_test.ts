import assert from "node:assert/strict";
import { assertAlmostEquals } from "../testing/assert_almost_equals.ts";
import { addIsoDays } from "../units/calendar.ts";
import { usdPerKwh } from "../units/prices.ts";
import { revenuePerMwHistory, type RevenuePerMwHistoryInputs } from "./revenue_per_mw_history.ts";

// 60 days from 2024-01-01 with hashprice rising $1 a day from $41: a fleet released before the
// start (the S19, 34.2 J/TH) and one released in the second month (the S21, 17.5 J/TH).
const DATES = Array.from({ length: 60 }, (_, i) => addIsoDays("2024-01-01", i));
const INPUTS: RevenuePerMwHistoryInputs = {
  daily: { date: DATES, hashprice_usd_per_ph_day: DATES.map((_, i) => 41 + i) },
  startDate: "2024-01-10",
  smoothingDays: 3,
  fleets: [
    { model: "Antminer S19", release: "2020-02", efficiency: 34.2 },
    { model: "Antminer S21", release: "2024-02", efficiency: 17.5 },
  ],
  powerPrice: usdPerKwh(0.04),
  miningPue: 1.2,
  leases: [
    { announcementDate: "2024-01-15", usdPerMwYear: 1.2e6 },
    { announcementDate: "", usdPerMwYear: 9e6 }, // undated: left out
    { announcementDate: "2024-02-03", usdPerMwYear: 1.8e6 },
  ],
  aiPue: 1.2,
  gpu: "H100",
  gpuListPrices: [
    { date: "2024-01-01", value: 2 },
    { date: "2024-02-01", value: 3 },
    { date: "2024-03-01", value: 2.4 },
  ],
  gpusPerItMw: 784,
  utilisation: 0.8,
};
const revenue = (hashprice: number, jPerTh: number) => hashprice * (1e3 / jPerTh) * 365 / 1.2;

Deno.test("revenuePerMwHistory", async (t) => {
  const h = revenuePerMwHistory(INPUTS);

  await t.step("mining: weekly to the last day, trailing mean, each fleet from its release", () => {
    const s19 = h.rows.filter((r) => r.business === "Mining, S19 (34.2 J/TH)");
    // Indices 59, 52, … while ≥ 9 (the start): days 60, 53, … 11.
    assert.deepEqual(
      s19.map((r) => r.date),
      [11, 18, 25, 32, 39, 46, 53, 60].map((d) => addIsoDays("2024-01-01", d - 1)),
    );
    // The last week: the mean of days 58–60, $98 … $100, is $99.
    assertAlmostEquals(s19.at(-1)!.usd, revenue(99, 34.2));
    const s21 = h.rows.filter((r) => r.business === "Mining, S21 (17.5 J/TH)");
    assert.ok(s21.every((r) => r.date >= "2024-02-01"));
    assert.equal(s21.length, 5); // 2024-02-01 (day 32) and the four weeks after
  });

  await t.step(
    "leases: the median of those announced in or before each month (a 15 January deal in January's point), dated ones only",
    () => {
      const lease = h.rows.filter((r) => r.business === "Colocation lease (median to date)");
      assert.deepEqual(lease.map((r) => r.date), ["2024-01-01", "2024-02-01"]);
      assertAlmostEquals(lease[0]!.usd, 1.2e6 / 1.2);
      assertAlmostEquals(lease[1]!.usd, 1.5e6 / 1.2); // median of 1.2 and 1.8
    },
  );

  await t.step("GPU cloud: F8 at each list price over the AI PUE", () => {
    assertAlmostEquals(h.gpuCloud.peak.usd, 784 * 3 * 8760 * 0.8 / 1.2);
    assert.equal(h.gpuCloud.peak.date, "2024-02-01");
    assertAlmostEquals(h.gpuCloud.changeFromPeak, 2.4 / 3 - 1);
    assertAlmostEquals(h.gpuCloud.changeSinceFirst, 2.4 / 2 - 1);
  });

  await t.step("each fleet's line summarised, with its short name", () => {
    const [s19, s21] = h.mining;
    assert.equal(s19!.model, "Antminer S19");
    assert.equal(s21!.shortName, "S21");
    // The first week ends on day 11: the mean of days 9–11, $49 … $51, is $50.
    assertAlmostEquals(s19!.first.usd, revenue(50, 34.2));
    assertAlmostEquals(s19!.changeSinceFirst, 99 / 50 - 1);
    assert.equal(s19!.peak, s19!.last); // hashprice only rises here
  });

  await t.step("bad inputs say what is wrong", () => {
    const with_ = (patch: Partial<RevenuePerMwHistoryInputs>) => () =>
      revenuePerMwHistory({ ...INPUTS, ...patch });
    assert.throws(with_({ startDate: "2019-01-01" }), /the daily data have no 2019-01-01/);
    assert.throws(
      with_({ startDate: "2024-01-02" }),
      /a 3-day mean needs 3 days of data by then/,
    );
    assert.throws(with_({ smoothingDays: 0 }), /smoothingDays/);
    assert.throws(
      with_({ fleets: [{ model: "Antminer S23", release: "2026-01", efficiency: 9.5 }] }),
      /Cannot draw "Mining, S23 \(9\.5 J\/TH\)": no point falls in the history/,
    );
    assert.throws(with_({ leases: [] }), /Colocation lease \(median to date\)/);
    assert.throws(
      with_({ gpuListPrices: [{ date: "2024-02", value: 3 }] }),
      /expected a YYYY-MM-DD date, got "2024-02"/,
    );
    assert.throws(
      with_({ gpuListPrices: [{ date: "2024-02-01", value: NaN }] }),
      /priceUsdPerGpuHour/,
    );
    assert.throws(with_({ aiPue: 0.5 }), /aiPue/);
  });
});
