/**
 * Facts the committed `data/asic_prices.csv` must hold: CleanSpark's Antminer S21 preorder at
 * $14/TH/s (TheMinerMag, 2023-10-11) and the Hashrate Index ≤25 J/TH band at $60/TH (July 2022)
 * and $20/TH (July 2023) (CoinDesk, 2023-07-26). Also the pure parser's rejections.
 */
import assert from "node:assert/strict";
import {
  ASIC_PRICES_SCHEMA,
  asicPricesFromCsv,
  isPartialIsoDate,
  loadAsicPrices,
} from "./asic_prices.ts";
import { CsvError } from "./csv.ts";

const prices = await loadAsicPrices();

Deno.test("asic_prices: size and dates", () => {
  assert.equal(prices.length, 5);
  assert.deepEqual(prices.map((p) => p.date), ["2023-10", "2023-07", "2022-07", "2021-05-07", ""]);
  for (const p of prices) {
    assert.ok(p.value_usd_per_th > 0, p.series);
    assert.match(p.source_url, /^https:\/\//);
  }
});

Deno.test("asic_prices: the Antminer S21 preorder at 14 USD/TH/s (Oct 2023)", () => {
  const s21 = prices.filter((p) => p.series.includes("Antminer S21"));
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
const ROW = "S21 preorder,14,preorder Oct 2023,2023-10,$14/TH/s,https://x,X,2023-10-11,";

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
      'p.csv:2: column "value_usd_per_th": expected a positive price, found "0"',
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
      'p.csv:3: column "period_as_stated": "preorder Oct 2023" repeats line 2 for series ' +
        '"S21 preorder"',
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
          `${path}:2: column "value_usd_per_th": expected a value of at least 0, found "-14"`,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
