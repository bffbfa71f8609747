/**
 * Facts the committed `data/network_points.csv` must hold, each from its cited page: the CCAF
 * survey's 28.2 J/TH fleet (Cambridge Digital Mining Industry Report, 2025), 33.1 GW in May 2025
 * (GoMining / Coin Metrics Labs), Luxor's hashprice lows of $44.842 (2024-07-04) and $35.06
 * (2025-11-22), difficulty 92.67 T (2024-09-11) and 133.87 T (after 2026-06-26), JPMorgan's
 * 1,082 and 1,045 EH/s monthly averages. Cross-checked against `data/btc_daily.csv` (Coin
 * Metrics) on the days and months it covers. Also the parser's rejections.
 */
import assert from "node:assert/strict";
import { loadBtcDaily } from "./btc_daily.ts";
import { CsvError } from "./csv.ts";
import {
  loadNetworkPoints,
  NETWORK_METRIC_UNITS,
  NETWORK_POINTS_SCHEMA,
  type NetworkMetric,
  type NetworkPoint,
  networkPointsFromCsv,
} from "./network_points.ts";

const points = await loadNetworkPoints();
const daily = await loadBtcDaily();

function only(metric: NetworkMetric, date: string): NetworkPoint {
  const found = points.filter((p) => p.metric === metric && p.date === date);
  assert.equal(found.length, 1, `${metric} ${date}: ${found.length} points`);
  return found[0]!;
}

Deno.test("network_points: rows in metric order, each in its metric's unit", () => {
  assert.deepEqual(
    points.map((p) => [p.metric, p.date]),
    [
      ["fleet efficiency", "2024"],
      ["network power", "2025-05"],
      ["hashprice", "2024-07-04"],
      ["hashprice", "2025-11-22"],
      ["hashprice", "2026-01-12"],
      ["difficulty", "2024-09-11"],
      ["difficulty", "2026-02"],
      ["difficulty", "2026-06-26"],
      ["hashrate", "2025-10"],
      ["hashrate", "2025-12"],
    ],
  );
  for (const p of points) {
    assert.equal(p.unit, NETWORK_METRIC_UNITS[p.metric]);
    assert.match(p.source_url, /^https:\/\//);
    assert.match(p.notes, /^stated metric: .*; stated unit: /);
  }
});

Deno.test("network_points: the CCAF survey's fleet at 28.2 J/TH (2024 survey)", () => {
  const ccaf = only("fleet efficiency", "2024");
  assert.equal(ccaf.value, 28.2);
  assert.equal(ccaf.unit, "J/TH");
  assert.equal(ccaf.statistic, "estimate");
  assert.equal(ccaf.source_date, "2025-04-30");
  assert.match(ccaf.notes, /Cambridge Digital Mining Industry Report/);
  const power = only("network power", "2025-05");
  assert.deepEqual([power.value, power.unit, power.statistic], [33.1, "GW", "estimate"]);
});

Deno.test("network_points: Luxor's hashprice lows, $44.842 and $35.06 per PH/s per day", () => {
  const july2024 = only("hashprice", "2024-07-04");
  assert.equal(july2024.value, 44.842);
  assert.equal(july2024.date_as_stated, "on July 4, 2024");
  const low = only("hashprice", "2025-11-22");
  assert.equal(low.value, 35.06);
  assert.equal(low.statistic, "point");
  assert.equal(
    low.source_url,
    "https://hashrateindex.com/blog/luxor-hashrate-lookback-series-november-2025",
  );
  assert.equal(only("hashprice", "2026-01-12").value, 39.53);
});

Deno.test("network_points: difficulty and JPMorgan's monthly hashrate", () => {
  assert.equal(only("difficulty", "2024-09-11").value, 92.67);
  assert.equal(only("difficulty", "2026-06-26").value, 133.87);
  const october = only("hashrate", "2025-10");
  assert.deepEqual([october.value, october.statistic], [1082, "monthly average"]);
  assert.equal(only("hashrate", "2025-12").value, 1045);
});

function dayIndex(date: string): number {
  const i = daily.date.indexOf(date);
  assert.ok(i !== -1, `btc_daily.csv has no ${date}`);
  return i;
}

Deno.test("cross-check: hashprice points are within 1.1% of btc_daily.csv's on the day", () => {
  for (const p of points.filter((p) => p.metric === "hashprice")) {
    const coinMetrics = daily.hashprice_usd_per_ph_day[dayIndex(p.date)]!;
    assert.ok(
      Math.abs(coinMetrics / p.value - 1) < 0.011,
      `${p.date}: ${coinMetrics} vs ${p.value}`,
    );
  }
});

Deno.test("cross-check: JPMorgan's monthly hashrates are within 1% of btc_daily.csv's means", () => {
  for (const p of points.filter((p) => p.metric === "hashrate")) {
    const days = daily.date.flatMap((d, i) => (d.startsWith(p.date) ? [i] : []));
    assert.ok(days.length >= 28, p.date);
    const meanEhs = days.reduce((sum, i) => sum + daily.hashrate_ths[i]!, 0) / days.length / 1e6;
    assert.ok(Math.abs(meanEhs / p.value - 1) < 0.01, `${p.date}: ${meanEhs} vs ${p.value}`);
  }
});

Deno.test("cross-check: difficulty points match btc_daily.csv's difficulty that month", () => {
  const last = daily.date[daily.length - 1]!;
  for (const p of points.filter((p) => p.metric === "difficulty")) {
    if (p.date > last) continue; // June 2026's last adjustment is after the dataset ends
    // The adjustment happens within a UTC day: look for the value from the stated day on.
    const days = daily.date.flatMap((
      d,
      i,
    ) => (d >= p.date && d.startsWith(p.date.slice(0, 7)) ? [i] : []));
    const closest = Math.min(
      ...days.map((i) => Math.abs(daily.difficulty[i]! / 1e12 / p.value - 1)),
    );
    assert.ok(closest < 5e-4, `${p.date}: ${closest}`);
  }
  assert.ok(only("difficulty", "2026-06-26").date > last);
});

const HEADER = NETWORK_POINTS_SCHEMA.map((c) => c.name).join(",");
const ROW = "hashprice,2025-11-22,point,35.06,USD per PH/s per day,Luxor,2025-11-22," +
  "$35.06 on November 22,https://hashrateindex.com/x,Lookback,,";

function rejects(rows: string[], message: string): void {
  assert.throws(
    () => networkPointsFromCsv([HEADER, ...rows].join("\n") + "\n", { file: "n.csv" }),
    (e) => e instanceof CsvError && e.message === message,
  );
}

Deno.test("networkPointsFromCsv rejects broken tables", async (t) => {
  await t.step("a unit that is not the metric's", () => {
    rejects(
      [ROW.replace("USD per PH/s per day", "EH/s")],
      'n.csv:2: column "unit": expected "USD per PH/s per day" for metric "hashprice", found "EH/s"',
    );
  });
  await t.step("an unknown metric or statistic", () => {
    rejects(
      [ROW.replace("hashprice,", "hashcost,")],
      'n.csv:2: column "metric": expected one of "fleet efficiency", "network power", ' +
        '"hashprice", "difficulty", "hashrate", found "hashcost"',
    );
    rejects(
      [ROW.replace(",point,", ",low,")],
      'n.csv:2: column "statistic": expected one of "point", "monthly average", "estimate", ' +
        'found "low"',
    );
  });
  await t.step("a date that is not ISO", () => {
    rejects(
      [ROW.replace("2025-11-22,point", "Nov 22 2025,point")],
      'n.csv:2: column "date": expected YYYY, YYYY-MM or YYYY-MM-DD, found "Nov 22 2025"',
    );
    rejects(
      [ROW.replace("2025-11-22,point", "2025-13,point")],
      'n.csv:2: column "date": expected YYYY, YYYY-MM or YYYY-MM-DD, found "2025-13"',
    );
  });
  await t.step("a zero or negative value", () => {
    rejects(
      [ROW.replace(",35.06,", ",0,")],
      'n.csv:2: column "value": expected a positive number, found "0"',
    );
    assert.throws(
      () =>
        networkPointsFromCsv(`${HEADER}\n${ROW.replace(",35.06,", ",-35.06,")}\n`, {
          file: "n.csv",
        }),
      (e) => e instanceof CsvError && e.line === 2 && e.column === "value",
    );
  });
  await t.step("a point repeated from the same source", () => {
    rejects(
      [ROW, ROW],
      'n.csv:3: column "date": ("hashprice", "2025-11-22", "point", "https://hashrateindex.com/x") ' +
        "repeats line 2; expected one row per metric, date, statistic and source_url",
    );
  });
  await t.step("rows out of order", () => {
    const efficiency = "fleet efficiency,2024,estimate,28.2,J/TH,CCAF,2024,28.2 J/TH,https://y,Y,,";
    rejects(
      [ROW, efficiency],
      'n.csv:3: column "date": ("fleet efficiency", "2024") follows ("hashprice", "2025-11-22") ' +
        "of line 2; expected rows sorted by metric (fleet efficiency, network power, hashprice, " +
        "difficulty, hashrate), then date",
    );
    rejects(
      [ROW, ROW.replace("2025-11-22,point", "2024-07-04,point")],
      'n.csv:3: column "date": ("hashprice", "2024-07-04") follows ("hashprice", "2025-11-22") ' +
        "of line 2; expected rows sorted by metric (fleet efficiency, network power, hashprice, " +
        "difficulty, hashrate), then date",
    );
  });
});

Deno.test("loadNetworkPoints names the file it was given in errors", async () => {
  const dir = await Deno.makeTempDir({ dir: "/tmp", prefix: "mullet_network_points_" });
  try {
    const path = `${dir}/points.csv`;
    await Deno.writeTextFile(path, `${HEADER}\n${ROW.replace(",35.06,", ",35 USD,")}\n`);
    await assert.rejects(
      () => loadNetworkPoints(path),
      (e) =>
        e instanceof CsvError &&
        e.message === `${path}:2: column "value": expected a number, found "35 USD"`,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
