/**
 * Tests for building `asic_prices.csv` from `facts/asic_price_points.csv`. Bad inputs are small
 * fixtures (real rows, one thing corrupted) in a temp source folder; each must be rejected with a
 * message naming the file, line, column, value and what was expected. Rows without a stated
 * price (blank, or derived by the compiler) are left out and listed with the reason. The build
 * from the project's inputs must reproduce the committed file byte for byte.
 */
import assert from "node:assert/strict";
import { asicPricesFromCsv } from "../data/asic_prices.ts";
import {
  ASIC_PRICE_POINTS_INPUT,
  buildAsicPrices,
  dateFromPeriod,
  USD_PER_TH_UNITS,
} from "./asic_prices_build.ts";
import { DEFAULT_SOURCE_DIR } from "./dataset_build.ts";
import { readSection } from "./sources_md.ts";
import { quiet, sourceFixture } from "./_testing.ts";

const HEADER =
  "series,figure_as_stated,value,unit,period_as_stated,source_url,source_title,source_date,notes";
const ROWS = [
  '"ASIC purchase price (Antminer S21, bulk preorder)",4.4 EH/s ... valuation of $61.6 million ' +
  "(or $14/TH/s),14,USD per TH/s,preorder Oct 2023; shipments from January 2024," +
  "https://theminermag.com/news/2023-10-11/bitcoin-miner-cleanspark-s21/,CleanSpark preorder " +
  "of 4.4 EH/s Antminer S21 (TheMinerMag),2023-10-11,",
  '"ASIC price index, <=25 J/TH (S19 XP, M50S class)",from $60 per TH since July 2022,60,' +
  "USD per TH,July 2022,https://www.coindesk.com/consensus-magazine/2023/07/26/bitcoin-miners-" +
  "buy-up-rigs-as-prices-near-all-time-lows/,Bitcoin miners buy up rigs as prices near " +
  "all-time lows,2023-07-26,",
];
// Real rows of the facts file: a stated range, a blank value and two derived values.
const RANGE_ROW =
  '"Bitmain internal price list, newer S21 immersion/hydro models (before coupons)",' +
  "around $7–$8/TH for newer S21 immersion or hydro models before coupons,7-8,USD per TH,late " +
  "December 2025 (same report as Dec. 23 price cut),https://bitbuzz.org/?p=399361,Bitmain just " +
  "slashed mining rig prices (relay),,Relay citing TheMinerMag; range as stated.";
const LEFT_OUT_ROWS = [
  '"ASIC purchase (HIVE Digital, Antminer S21+ Hydro)","bought 13,480 units ... Priced at over ' +
  '$60 million ... deliver a hashrate capacity of 4.3 exahashes per second (EH/s)",,USD per TH,' +
  "announced on a Tuesday,http://chaindeek.com/cryptonews/Bitcoin-Miner-Hive-Digital-Reveals--60" +
  "-Million-Paraguay-Expansion-Push,Bitcoin Miner Hive Digital Reveals $60 Million Paraguay " +
  'Expansion Push,,"No $/TH stated. Arithmetic only: >$60,000,000 / 4,300,000 TH/s = >~$14/TH"',
  '"ASIC price index, <19 J/TH tier (Hashrate Index), expressed as S21 unit price","so the S21 ' +
  '(17.5 J/TH at 200 TH/s) would be priced at ~$3,400",17,USD per TH,"index\'s most recent ' +
  'update before April 9, 2025",https://blockspace.media/insight/bitcoin-miners-front-run-trump-' +
  'tariffs-with-3m-chartered-flights,Bitcoin miners front run Trump tariffs,2025-04-09,"value ' +
  'DERIVED arithmetically ($3,400 / 200 TH/s = $17/TH)"',
  '"ASIC purchase price (Cipher Mining, Antminer S21-200T)","purchase 1.2 EH/s ... for a total ' +
  'purchase price of $24.0 million",20,USD per TH (derived),"agreement dated Oct. 04, 2023",' +
  "https://www.sec.gov/Archives/edgar/data/1819989/000095017023060724/R47.htm,Cipher Mining " +
  '10-Q Q3 2023,2023-09-30,"value derived arithmetically: $24.0M / 1,200,000 TH = $20.0/TH"',
];

function text(rows: readonly string[] = ROWS, header = HEADER): string {
  return [header, ...rows].join("\n") + "\n";
}

const { withSource, assertRejected, assertMissingInput } = sourceFixture({
  input: ASIC_PRICE_POINTS_INPUT,
  prefix: "mullet_asic_prices_build_",
  build: (sourceDir) => buildAsicPrices({ sourceDir, log: quiet }),
});

Deno.test("buildAsicPrices reads the fixture", async () => {
  await withSource(text(), async (dir) => {
    const log: string[] = [];
    const built = await buildAsicPrices({ sourceDir: dir, log: (l) => log.push(l) });
    assert.deepEqual(log, [
      "asic_prices.csv: 2 price points (0 facts rows without a stated price left out)",
    ]);
    const rows = asicPricesFromCsv(built.csv);
    assert.deepEqual(rows.map((r) => [r.value_usd_per_th, r.date]), [[14, "2023-10"], [
      60,
      "2022-07",
    ]]);
    assert.equal(rows[0]!.series, "ASIC purchase price (Antminer S21, bulk preorder)");
    assert.match(built.sources, /^## `asic_prices\.csv`: /);
    assert.match(built.sources, /\| preorder Oct 2023; shipments from January 2024 \| 2023-10 \|/);
  });
});

Deno.test("buildAsicPrices keeps a stated range with both ends", async () => {
  await withSource(text([...ROWS, RANGE_ROW]), async (dir) => {
    const built = await buildAsicPrices({ sourceDir: dir, log: quiet });
    const range = asicPricesFromCsv(built.csv)[2]!;
    assert.deepEqual([range.value_usd_per_th, range.value_high_usd_per_th, range.date], [
      7,
      8,
      "2025-12",
    ]);
    assert.match(
      built.sources,
      /\| late December 2025 \(same report as Dec\. 23 price cut\) \| 2025-12 \|/,
    );
    assert.match(built.sources, /\| 7–8 \|/);
  });
});

Deno.test("buildAsicPrices leaves out rows without a stated price, saying why", async () => {
  await withSource(text([...ROWS, ...LEFT_OUT_ROWS]), async (dir) => {
    const log: string[] = [];
    const built = await buildAsicPrices({ sourceDir: dir, log: (l) => log.push(l) });
    assert.equal(built.rows, 2);
    assert.deepEqual(log, [
      "asic_prices.csv: 2 price points (3 facts rows without a stated price left out)",
    ]);
    const listed = built.sources.split("\n").filter((l) => l.includes("` line "));
    assert.deepEqual(listed.map((l) => l.replace(/ \(`.*?\): /, ": ")), [
      "  - ASIC purchase (HIVE Digital, Antminer S21+ Hydro): no price per TH/s is stated (the " +
      "value is blank).",
      "  - ASIC price index, <19 J/TH tier (Hashrate Index), expressed as S21 unit price: the " +
      "value is derived by arithmetic from other figures, not stated by the source.",
      "  - ASIC purchase price (Cipher Mining, Antminer S21-200T): the value is derived by " +
      "arithmetic from other figures, not stated by the source.",
    ]);
  });
});

Deno.test("buildAsicPrices rejects bad inputs", async (t) => {
  await t.step("a unit other than USD per TH(/s)", async () => {
    for (const unit of ["USD per PH/s", "USD per MW", "USD per TH/day", "usd per th/s"]) {
      await assertRejected(
        text([ROWS[0]!.replace("USD per TH/s", unit)]),
        (path) =>
          `${path}:2: column "unit": expected one of "USD per TH/s", "USD per TH", ` +
          `"USD per TH (derived)", found "${unit}"`,
      );
    }
    assert.deepEqual(USD_PER_TH_UNITS, ["USD per TH/s", "USD per TH"]);
  });
  await t.step("a non-numeric value", async () => {
    await assertRejected(
      text([ROWS[1]!.replace(",60,", ",sixty,")]),
      (path) => `${path}:2: column "value": expected a number, found "sixty"`,
    );
  });
  await t.step("a range whose ends are reversed or not numbers", async () => {
    await assertRejected(
      text([RANGE_ROW.replace(",7-8,", ",8-7,")]),
      (path) => `${path}:2: column "value": expected a range low-high with low < high, found "8-7"`,
    );
    await assertRejected(
      text([RANGE_ROW.replace(",7-8,", ",7-eight,")]),
      (path) => `${path}:2: column "value": expected a number, found "eight"`,
    );
  });
  await t.step("a range end the figure does not state", async () => {
    await assertRejected(
      text([RANGE_ROW.replace(",7-8,", ",7-9,")]),
      (path) =>
        `${path}:2: column "value": 9 does not appear in figure_as_stated "around $7–$8/TH for ` +
        'newer S21 immersion …"; the value must restate the quoted figure',
    );
  });
  await t.step("a negative value", async () => {
    await assertRejected(
      text([ROWS[1]!.replace(",60,", ",-60,")]),
      (path) => `${path}:2: column "value": expected a value of at least 0, found "-60"`,
    );
  });
  await t.step("a value the figure does not state", async () => {
    await assertRejected(
      text([ROWS[0]!, ROWS[1]!.replace(",60,", ",6,")]),
      (path) =>
        `${path}:3: column "value": 6 does not appear in figure_as_stated "from $60 per TH since ` +
        'July 2022"; the value must restate the quoted figure',
    );
  });
  await t.step("a renamed column", async () => {
    await assertRejected(
      text(ROWS, HEADER.replace(",unit,", ",units,")),
      (path) =>
        `${path}:1: header does not match the schema: missing "unit"; unexpected "units". ` +
        `Expected columns: ${HEADER}`,
    );
  });
  await t.step("an empty file", async () => {
    await assertRejected("", (path) => `${path}: the file is empty`);
  });
  await t.step("a missing file", async () => {
    await assertMissingInput();
  });
});

Deno.test("dateFromPeriod reads only an unambiguous leading period", () => {
  const cases: [string, string][] = [
    ["preorder Oct 2023; shipments from January 2024", "2023-10"],
    ["July 2023 (vs $60/TH July 2022)", "2023-07"],
    ["July 2022", "2022-07"],
    ["2021-05-07", "2021-05-07"],
    ["Dec. 25 (year not stated; after May 2021 peak, 86.82% drop => likely 2022)", ""],
    ["May 7, 2021", "2021-05-07"],
    ["Sept. 2024", "2024-09"],
    ["between June 2022 and July 2023", ""], // two months: ambiguous
    ["Q3 2023", ""],
    ["Feb 30, 2023", ""], // not a day
    ["Marketing 2023", ""], // not a month
    ["Bitmain price cut on Dec. 23 [2025] promo; shipping from Jan. 2026", "2025-12-23"],
    ["late December 2025 (same report as Dec. 23 price cut)", "2025-12"],
    ["week to November 3, 2025", "2025-11-03"],
    ["option exercisable until end of calendar 2024 (announced Jan 8, 2024)", ""],
  ];
  for (const [period, date] of cases) assert.equal(dateFromPeriod(period), date, period);
});

Deno.test("building from data/inputs reproduces data/asic_prices.csv byte for byte", async () => {
  const built = await buildAsicPrices({ sourceDir: DEFAULT_SOURCE_DIR, log: quiet });
  const committed = await Deno.readTextFile(new URL("../../data/asic_prices.csv", import.meta.url));
  assert.equal(built.csv, committed);
  assert.equal(built.rows, 16);
  const sources = await Deno.readTextFile(new URL("../../data/SOURCES.md", import.meta.url));
  assert.equal(built.sources, readSection(sources, "asic_prices"));
  assert.match(built.sources, /56dbe54b238a975ede4046d580810c5cd987515965edb8965b25e99aa388d8f9/);
  assert.match(built.sources, new RegExp(`\`${ASIC_PRICE_POINTS_INPUT}\` line 14`)); // HIVE
});
