/**
 * Facts the committed `data/asic_prices.csv` must hold: CleanSpark's Antminer S21 preorder at
 * $14/TH/s (TheMinerMag, 2023-10-11), the Hashrate Index ≤25 J/TH band at $60/TH (July 2022)
 * and $20/TH (July 2023) (CoinDesk, 2023-07-26), the 2024 fleet orders (CleanSpark $16.10/TH/s,
 * Bitfarms $14 and $17.50/TH), Hashrate Index's S21 XP quote of $25.70/TH (2025-11-03) and
 * Bitmain's December 2025 price cut (TheMinerMag via a relay: ~$4, $3 and $7–8/TH). Also the
 * pure parser's rejections.
 */
import assert from "node:assert/strict";
import { ASIC_PRICES_SCHEMA, asicPricesFromCsv, loadAsicPrices } from "./asic_prices.ts";
import { isPartialIsoDate } from "../units/calendar.ts";
import { CsvError } from "./csv.ts";

const prices = await loadAsicPrices();

Deno.test("asic_prices: size and dates", () => {
  assert.equal(prices.length, 16);
  assert.deepEqual(prices.map((p) => p.date), [
    "2023-10",
    "2023-07",
    "2022-07",
    "2021-05-07",
    "", // "Dec. 25": no year
    "", // "at the time of writing"
    "2023-12-01",
    "2023-12-15",
    "2024-01-08",
    "", // an option "exercisable until end of calendar 2024"
    "2024-03-11",
    "2024-03-11",
    "2025-11-03",
    "2025-12-23",
    "2025-12",
    "2025-12",
  ]);
  for (const p of prices) {
    assert.ok(p.value_usd_per_th > 0, p.series);
    assert.match(p.source_url, /^https?:\/\//);
  }
});

Deno.test("asic_prices: no derived or blank price is carried", () => {
  for (const series of ["HIVE Digital", "<19 J/TH tier", "Cipher Mining"]) {
    assert.equal(prices.filter((p) => p.series.includes(series)).length, 0, series);
  }
});

Deno.test("asic_prices: Bitmain's December 2025 price cut", async (t) => {
  const bitmain = prices.filter((p) => p.series.startsWith("Bitmain "));
  await t.step("~$4/TH for an S19 XP+ Hydro container bundle, from Dec. 23 [2025]", () => {
    assert.deepEqual(
      [bitmain[0]!.value_usd_per_th, bitmain[0]!.date],
      [4, "2025-12-23"],
    );
    assert.match(bitmain[0]!.figure_as_stated, /near \$4\/TH/);
  });
  await t.step("as low as $3/TH for some S19 Hydro variants", () => {
    assert.equal(bitmain[1]!.value_usd_per_th, 3);
    assert.ok(Number.isNaN(bitmain[1]!.value_high_usd_per_th));
  });
  await t.step("$7–8/TH for newer S21 immersion or hydro models, both ends kept", () => {
    assert.deepEqual([bitmain[2]!.value_usd_per_th, bitmain[2]!.value_high_usd_per_th], [7, 8]);
    assert.equal(bitmain[2]!.date, "2025-12");
  });
  await t.step("against $25.70/TH for a second-hand S21 XP five weeks earlier", () => {
    const xp = prices.find((p) => p.series.includes("S21 XP"))!;
    assert.deepEqual([xp.value_usd_per_th, xp.date], [25.7, "2025-11-03"]);
    assert.equal(
      xp.source_url,
      "https://hashrateindex.com/blog/hashrate-index-roundup-november-3-2025",
    );
  });
});

Deno.test("asic_prices: 2024 bulk orders of the S21 generation", () => {
  const byOrder = (text: string) => prices.find((p) => p.series.includes(text))!.value_usd_per_th;
  assert.equal(byOrder("CleanSpark, Antminer S21 bulk order"), 16.1); // "$16.10 per terahash"
  assert.equal(byOrder("Bitfarms, Antminer T21"), 14);
  assert.equal(byOrder("Bitfarms, Antminer S21"), 17.5); // "$17.50/TH"
  assert.equal(byOrder("Riot-MicroBT"), 16);
});

Deno.test("asic_prices: the Antminer S21 preorder at 14 USD/TH/s (Oct 2023)", () => {
  const s21 = prices.filter((p) => p.series.includes("Antminer S21, bulk preorder"));
  assert.equal(s21.length, 1);
  assert.equal(s21[0]!.value_usd_per_th, 14);
  assert.equal(s21[0]!.date, "2023-10");
  assert.equal(s21[0]!.source_date, "2023-10-11");
  assert.match(s21[0]!.figure_as_stated, /\$14\/TH\/s/);
});

Deno.test("asic_prices: the ≤25 J/TH band fell from 60 (Jul 2022) to 20 USD/TH (Jul 2023)", () => {
  const band = prices.filter((p) => p.series.startsWith("ASIC price index, <=25 J/TH"));
  const byDate = Object.fromEntries(band.map((p) => [p.date, p.value_usd_per_th]));
  assert.deepEqual(byDate, { "2022-07": 60, "2023-07": 20 });
  // CoinDesk: "prices drop by 66% to $20 per terahash from $60": 1 − 20/60 = 66.7%.
  assert.ok(Math.abs(1 - byDate["2023-07"]! / byDate["2022-07"]! - 0.667) < 1e-3);
});

Deno.test("asic_prices: the under-38 J/TH 'Dec. 25' point has no year, so no date", () => {
  const dec = prices.find((p) => p.value_usd_per_th === 15.71);
  assert.equal(dec?.date, "");
  assert.match(dec!.period_as_stated, /^Dec\. 25 \(year not stated/);
});

const HEADER = ASIC_PRICES_SCHEMA.map((c) => c.name).join(",");
const ROW = "S21 preorder,14,,preorder Oct 2023,2023-10,$14/TH/s,https://x,X,2023-10-11,";

function rejects(rows: string[], message: string): void {
  assert.throws(
    () => asicPricesFromCsv([HEADER, ...rows].join("\n") + "\n", { file: "p.csv" }),
    (e) => e instanceof CsvError && e.message === message,
  );
}

Deno.test("asicPricesFromCsv rejects broken price lists", async (t) => {
  await t.step("a non-numeric price", () => {
    rejects(
      [ROW.replace(",14,", ",$14,")],
      'p.csv:2: column "value_usd_per_th": expected a number, found "$14"',
    );
  });
  await t.step("a zero price", () => {
    rejects(
      [ROW.replace(",14,", ",0,")],
      'p.csv:2: column "value_usd_per_th": expected a positive number, found "0"',
    );
  });
  await t.step("a range whose high end is not above its low end", () => {
    rejects(
      [ROW.replace(",14,,", ",14,14,")],
      'p.csv:2: column "value_high_usd_per_th": expected the high end of a range, above ' +
        'value_usd_per_th 14, found "14"',
    );
  });
  await t.step("a date written as text, or only a year", () => {
    rejects(
      [ROW.replace(",2023-10,", ",Oct 2023,")],
      'p.csv:2: column "date": expected YYYY-MM or YYYY-MM-DD, found "Oct 2023"',
    );
    rejects(
      [ROW.replace(",2023-10,", ",2023,")],
      'p.csv:2: column "date": expected YYYY-MM or YYYY-MM-DD, found "2023"',
    );
  });
  await t.step("a bad source_date", () => {
    rejects(
      [ROW.replace(",2023-10-11,", ",2023-02-30,")],
      'p.csv:2: column "source_date": expected YYYY, YYYY-MM or YYYY-MM-DD, found "2023-02-30"',
    );
  });
  await t.step("a series repeating a period", () => {
    rejects(
      [ROW, ROW.replace(",14,", ",15,")],
      'p.csv:3: column "period_as_stated": ("S21 preorder", "preorder Oct 2023") repeats line 2; ' +
        "expected one row per series and period_as_stated",
    );
  });
});

Deno.test("isPartialIsoDate", () => {
  assert.equal(isPartialIsoDate("2023"), true);
  assert.equal(isPartialIsoDate("2024-02-29"), true);
  assert.equal(isPartialIsoDate("2023-02-29"), false);
  assert.equal(isPartialIsoDate("2023-00"), false);
  assert.equal(isPartialIsoDate(""), false);
});

Deno.test("loadAsicPrices names the file it was given in errors", async () => {
  const dir = await Deno.makeTempDir({ dir: "/tmp", prefix: "mullet_asic_prices_" });
  try {
    const path = `${dir}/prices.csv`;
    await Deno.writeTextFile(path, `${HEADER}\n${ROW.replace(",14,", ",-14,")}\n`);
    await assert.rejects(
      () => loadAsicPrices(path),
      (e) =>
        e instanceof CsvError &&
        e.message ===
          `${path}:2: column "value_usd_per_th": expected a positive number, found "-14"`,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
