/**
 * Facts the committed snapshot `data/btc_daily.csv` must reproduce: halving days, block heights,
 * the difficulty and hashprice identities, and hashrate levels quoted in SOURCES.md (Coin
 * Metrics `HashRate`, EH/s = TH/s ÷ 1e6). Also the pure parser's date-continuity checks.
 */
import assert from "node:assert/strict";
import { blockSubsidyBtc, subsidyBetweenBtc } from "../chain/subsidy.ts";
import { BTC_DAILY_SCHEMA, btcDailyFromCsv, loadBtcDaily } from "./btc_daily.ts";
import { CsvError } from "./csv.ts";
import { nextIsoDay } from "../units/calendar.ts";
import { assertAlmostEquals } from "../testing/assert_almost_equals.ts";

const daily = await loadBtcDaily();

/** Row index of `date`; fails the test when the day is missing. */
function at(date: string): number {
  const i = daily.date.indexOf(date);
  assert.notEqual(i, -1, `${date} is not in the snapshot`);
  return i;
}

/** Subsidy per block on a day, in BTC. */
function perBlock(date: string): number {
  const i = at(date);
  return daily.subsidy_btc[i]! / daily.blocks[i]!;
}

/** Mean hashrate in EH/s over the days `from` .. `to`, both included. */
function meanEhs(from: string, to: string): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < daily.length; i++) {
    const d = daily.date[i]!;
    if (d >= from && d <= to) {
      sum += daily.hashrate_ths[i]! / 1e6;
      n++;
    }
  }
  assert.ok(n > 0, `no days in ${from} .. ${to}`);
  return sum / n;
}

Deno.test("snapshot: range, size and columns", () => {
  assert.equal(daily.date[0], "2010-07-18"); // first day Coin Metrics has a price
  assert.equal(daily.date[daily.length - 1], "2026-06-01");
  assert.equal(daily.length, 5798); // as recorded in data/btc_daily.meta.json
  for (const { name } of BTC_DAILY_SCHEMA) {
    const column = daily[name];
    assert.equal(column.length, daily.length, name);
  }
});

Deno.test("snapshot: provenance in btc_daily.meta.json matches the file", async () => {
  const meta = JSON.parse(
    await Deno.readTextFile(new URL("../../data/btc_daily.meta.json", import.meta.url)),
  );
  assert.equal(meta.rows, daily.length);
  assert.equal(meta.firstDate, daily.date[0]);
  assert.equal(meta.lastDate, daily.date[daily.length - 1]);
  const bytes = await Deno.readFile(new URL("../../data/btc_daily.csv", import.meta.url));
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  const hex = Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
  assert.equal(meta.sha256, hex);
});

Deno.test("snapshot: dates are consecutive UTC days", () => {
  for (let i = 1; i < daily.length; i++) {
    assert.equal(daily.date[i], nextIsoDay(daily.date[i - 1]!), `row ${i}`);
  }
});

Deno.test("snapshot: height_end is the running sum of blocks", () => {
  for (let i = 1; i < daily.length; i++) {
    assert.equal(daily.height_end[i], daily.height_end[i - 1]! + daily.blocks[i]!, daily.date[i]!);
  }
  assert.equal(daily.height_end[at("2024-04-19")], 840_003);
  assert.equal(daily.height_end[at("2024-04-18")], 839_852);
});

Deno.test("snapshot: each day's subsidy is the schedule for its block heights", () => {
  for (let i = 0; i < daily.length; i++) {
    const last = daily.height_end[i]!;
    const first = last - daily.blocks[i]! + 1;
    assert.equal(daily.subsidy_btc[i], subsidyBetweenBtc(first, last), daily.date[i]!);
  }
});

Deno.test("snapshot: the subsidy per block halves on the halving days", async (t) => {
  // Each halving falls inside a UTC day ("mixed day"): the day before is fully at the old
  // rate, the day after fully at the new one, the mixed day strictly between.
  const halvings = [
    { mixed: "2012-11-28", before: "2012-11-27", after: "2012-11-29", old: 50 },
    { mixed: "2016-07-09", before: "2016-07-08", after: "2016-07-10", old: 25 },
    { mixed: "2020-05-11", before: "2020-05-10", after: "2020-05-12", old: 12.5 },
    { mixed: "2024-04-19", before: "2024-04-18", after: "2024-04-20", old: 6.25 },
  ];
  for (const h of halvings) {
    await t.step(h.mixed, () => {
      assert.equal(perBlock(h.before), h.old);
      assert.equal(perBlock(h.after), h.old / 2);
      const mixed = perBlock(h.mixed);
      assert.ok(mixed < h.old && mixed > h.old / 2, `${h.mixed}: ${mixed}`);
    });
  }
  await t.step("2024-04-20 is the first whole day at 3.125 BTC", () => {
    assert.equal(perBlock("2024-04-20"), 3.125);
    assert.equal(blockSubsidyBtc(daily.height_end[at("2024-04-19")]!), 3.125);
    // The 2024-04-19 mixed day: blocks 839,853 .. 839,999 at 6.25, then 840,000 .. 840,003.
    const i = at("2024-04-19");
    assert.equal(daily.blocks[i], 151);
    assert.equal(daily.subsidy_btc[i], 147 * 6.25 + 4 * 3.125);
  });
  await t.step("the rate only changes on those days", () => {
    const changes: string[] = [];
    for (let i = 1; i < daily.length; i++) {
      const rate = daily.subsidy_btc[i]! / daily.blocks[i]!;
      const previous = daily.subsidy_btc[i - 1]! / daily.blocks[i - 1]!;
      if (rate !== previous) changes.push(daily.date[i]!);
    }
    // A change onto the mixed day and one off it.
    assert.deepEqual(changes, halvings.flatMap((h) => [h.mixed, h.after]));
  });
});

Deno.test("snapshot: difficulty = hashrate × 1e12 × 86400 ÷ (blocks × 2^32) on every row", () => {
  let worst = 0;
  for (let i = 0; i < daily.length; i++) {
    const derived = (daily.hashrate_ths[i]! * 1e12 * 86_400) / (daily.blocks[i]! * 2 ** 32);
    const relative = Math.abs(derived - daily.difficulty[i]!) / daily.difficulty[i]!;
    assert.ok(relative <= 1e-9, `${daily.date[i]}: relative difference ${relative}`);
    worst = Math.max(worst, relative);
  }
  assert.ok(worst <= 1e-9);
  // Cross-check with the protocol's difficulty (same epoch all day): 181.543 from block
  // 68,544 (2010-07-16), and 86,388,558,925,171 for blocks 838,656 .. 840,671 (April 2024).
  assertAlmostEquals(
    daily.difficulty[at("2010-07-18")]!,
    181.5432893640505,
    181.5432893640505 * 1e-6,
    "2010",
  );
  assertAlmostEquals(
    daily.difficulty[at("2024-04-18")]!,
    86_388_558_925_171,
    86.4e12 * 1e-6,
    "2024",
  );
});

Deno.test("snapshot: hashprice identities on every row", () => {
  for (let i = 0; i < daily.length; i++) {
    const paidBtc = daily.subsidy_btc[i]! + daily.fees_btc[i]!;
    const btcPerPh = paidBtc / (daily.hashrate_ths[i]! / 1000);
    const btc = daily.hashprice_btc_per_ph_day[i]!;
    const usd = daily.hashprice_usd_per_ph_day[i]!;
    assert.ok(Math.abs(btc - btcPerPh) <= 1e-12 * btcPerPh, `${daily.date[i]}: BTC hashprice`);
    const usdFromBtc = btc * daily.price_usd[i]!;
    assert.ok(Math.abs(usd - usdFromBtc) <= 1e-12 * usd, `${daily.date[i]}: usd = btc × price`);
  }
});

Deno.test("snapshot: every value is finite and within its schema bound", () => {
  for (const spec of BTC_DAILY_SCHEMA) {
    if (spec.type === "date") continue;
    const column = daily[spec.name];
    for (let i = 0; i < daily.length; i++) {
      const v = column[i]!;
      assert.ok(Number.isFinite(v) && v >= spec.min, `${spec.name} on ${daily.date[i]}: ${v}`);
    }
  }
  // Block counts are whole and plausible for a day (the target is 144).
  for (let i = 0; i < daily.length; i++) {
    assert.ok(Number.isInteger(daily.blocks[i]!) && daily.blocks[i]! < 400, daily.date[i]!);
  }
});

Deno.test("snapshot: hashrate levels quoted in SOURCES.md (Coin Metrics, EH/s)", async (t) => {
  await t.step("2021 mean 145.2", () => {
    assertAlmostEquals(meanEhs("2021-01-01", "2021-12-31"), 145.2, 0.5, "2021");
  });
  await t.step("July 2021 (China ban) low 100.3", () => {
    assertAlmostEquals(meanEhs("2021-07-01", "2021-07-31"), 100.3, 0.5, "Jul-2021");
  });
  await t.step("Q4-2024 mean 737.8", () => {
    assertAlmostEquals(meanEhs("2024-10-01", "2024-12-31"), 737.8, 1, "Q4-2024");
  });
  await t.step("Q4-2025 mean 1071.4", () => {
    assertAlmostEquals(meanEhs("2025-10-01", "2025-12-31"), 1071.4, 1, "Q4-2025");
  });
  await t.step("March 2026 mean 975.4", () => {
    // SOURCES.md computed this from the full export, which ends on 2026-03-22; the snapshot
    // extends March to the 31st from the API pull, which raises the calendar-month mean.
    assertAlmostEquals(meanEhs("2026-03-01", "2026-03-22"), 975.4, 1, "Mar 1-22, 2026");
    assertAlmostEquals(meanEhs("2026-03-01", "2026-03-31"), 980.8, 1, "Mar 2026, whole month");
  });
});

Deno.test("btcDailyFromCsv rejects repeated, backward and skipped dates", async (t) => {
  const header = BTC_DAILY_SCHEMA.map((c) => c.name).join(",");
  const row = (date: string) => `${date},144,840143,6e8,1.2e14,450,5,64000,48.5,0.00076`;
  const csv = (...dates: string[]) => [header, ...dates.map(row)].join("\n") + "\n";
  const cases = [
    [
      "repeated",
      ["2024-04-20", "2024-04-21", "2024-04-21"],
      /^t\.csv:4: column "date": "2024-04-21" repeats the previous date$/,
    ],
    [
      "backward",
      ["2024-04-20", "2024-04-21", "2024-04-19"],
      /^t\.csv:4: column "date": "2024-04-19" goes back in time$/,
    ],
    [
      "skipped",
      ["2024-04-20", "2024-04-22"],
      /^t\.csv:3: column "date": "2024-04-22" skips from 2024-04-20 \(expected 2024-04-21\)$/,
    ],
  ] as const;
  for (const [name, dates, pattern] of cases) {
    await t.step(name, () => {
      assert.throws(
        () => btcDailyFromCsv(csv(...dates), { file: "t.csv" }),
        (e) => e instanceof CsvError && pattern.test(e.message),
      );
    });
  }
  await t.step("consecutive dates across a month end parse", () => {
    const parsed = btcDailyFromCsv(csv("2024-02-28", "2024-02-29", "2024-03-01"));
    assert.equal(parsed.length, 3);
    assert.deepEqual(parsed.date, ["2024-02-28", "2024-02-29", "2024-03-01"]);
  });
  await t.step("errors name data/btc_daily.csv by default", () => {
    assert.throws(
      () => btcDailyFromCsv(csv("2024-04-20").replace("64000", "-1")),
      (e) =>
        e instanceof CsvError &&
        e.message ===
          'data/btc_daily.csv:2: column "price_usd": expected a value of at least 0, found "-1"',
    );
  });
});

Deno.test("loadBtcDaily names the file it was given in errors", async () => {
  const dir = await Deno.makeTempDir({ dir: "/tmp", prefix: "mullet_btc_daily_" });
  try {
    const path = `${dir}/broken.csv`;
    const original = await Deno.readTextFile(new URL("../../data/btc_daily.csv", import.meta.url));
    // Line 4 is the third data row (2010-07-20); give it a negative fee.
    const lines = original.split("\n");
    lines[3] = lines[3]!.replace(/^([^,]*,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,)[^,]*/, "$1-0.5");
    await Deno.writeTextFile(path, lines.join("\n"));
    await assert.rejects(
      () => loadBtcDaily(path),
      (e) =>
        e instanceof CsvError &&
        e.message === `${path}:4: column "fees_btc": expected a value of at least 0, found "-0.5"`,
    );
    // A URL is named by its path.
    await assert.rejects(
      () => loadBtcDaily(new URL(`file://${path}`)),
      (e) => e instanceof CsvError && e.message.startsWith(`${path}:4: column "fees_btc"`),
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
