/**
 * Tests for building `asic_prices.csv` from `facts/asic_price_points.csv`. Bad inputs are small
 * fixtures (real rows, one thing corrupted) in a temp source folder; each must be rejected with a
 * message naming the file, line, column, value and what was expected. The real build must
 * reproduce the committed file byte for byte.
 */
import assert from "node:assert/strict";
import { asicPricesFromCsv } from "./asic_prices.ts";
import {
  ASIC_PRICE_POINTS_INPUT,
  buildAsicPrices,
  dateFromPeriod,
  USD_PER_TH_UNITS,
} from "./asic_prices_build.ts";
import { fileExists, quiet, sourceFixture } from "./_testing.ts";

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
    assert.deepEqual(log, ["asic_prices.csv: 2 price points"]);
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

Deno.test("buildAsicPrices rejects bad inputs", async (t) => {
  await t.step("a unit other than USD per TH(/s)", async () => {
    for (const unit of ["USD per PH/s", "USD per MW", "USD per TH/day", "usd per th/s"]) {
      await assertRejected(
        text([ROWS[0]!.replace("USD per TH/s", unit)]),
        (path) =>
          `${path}:2: column "unit": expected one of "USD per TH/s", "USD per TH", ` +
          `found "${unit}"`,
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
  ];
  for (const [period, date] of cases) assert.equal(dateFromPeriod(period), date, period);
});

const INPUT = new URL(`../../../shared/data/${ASIC_PRICE_POINTS_INPUT}`, import.meta.url);
const inputExists = fileExists(INPUT);

Deno.test({
  name: "building from the real input reproduces data/asic_prices.csv byte for byte",
  ignore: !inputExists,
  async fn() {
    const sourceDir = new URL("../../../shared/data", import.meta.url).pathname;
    const built = await buildAsicPrices({ sourceDir, log: quiet });
    const committed = await Deno.readTextFile(
      new URL("../../data/asic_prices.csv", import.meta.url),
    );
    assert.equal(built.csv, committed);
    assert.equal(built.rows, 5);
    assert.equal((await buildAsicPrices({ sourceDir, log: quiet })).sources, built.sources);
  },
});
