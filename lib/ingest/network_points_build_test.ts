/**
 * Tests for building `network_points.csv` from `facts/capex_and_context_points.csv`. Bad inputs
 * are small fixtures (real rows, shortened, one thing corrupted) in a temp source folder; each
 * must be rejected with a message naming the file, line, column, value and what was expected.
 * The build from the committed inputs in `data/inputs` must reproduce the committed file and its
 * SOURCES.md section byte for byte.
 */
import assert from "node:assert/strict";
import { networkPointsFromCsv } from "../data/network_points.ts";
import { buildNetworkPoints } from "./network_points_build.ts";
import { CAPEX_POINTS_INPUT, FACTS_METRICS } from "./_capex_per_mw_facts.ts";
import { readSection } from "./sources_md.ts";
import { quiet, sourceFixture } from "./_testing.ts";

const HEADER =
  "subject,metric,figure_as_stated,value,unit,source_url,source_title,source_date,notes";
const CCAF = '"Bitcoin mining industry (CCAF survey, 49 firms, ~48% / 268 EH/s of hashrate)",' +
  "industry-wide ASIC efficiency estimate,reaching 28.2 joules per terahash (J/TH),28.2,J/TH," +
  "https://www.satoshoz.com/post/inside-the-2025-cambridge-digital-mining-report-energy-" +
  "emissions-and-the-evolution-of-bitcoin-min,Inside the 2025 Cambridge Digital Mining Report," +
  "2025-04-30,Report: Cambridge Digital Mining Industry Report (CCAF); survey June-Sep 2024";
const DIFFICULTY = "Bitcoin mining difficulty,difficulty adjustments (June 2026),June 26 " +
  'adjustment: difficulty rose 7.15% to about 133.87 trillion,133.87,"T (difficulty, ' +
  'trillions), after 2026-06-26",https://bt-miners.com/ko/bitcoin-difficulty-rebounds-7-15-what-' +
  "asic-miners-should-do/,Bitcoin difficulty rebounds 7.15% (BT-Miners),,Vendor blog (weak)";
const JPMORGAN = "Bitcoin network hashrate (JPMorgan estimates),monthly average hashrate," +
  '"Monthly average hash rate | October 2025 | 1,082EH/sec",1082,EH/s,https://igcurrencynews.com/' +
  "bitcoin-hashrate-continues-to-decline,Bitcoin hashrate continues to decline,,Machine-translated";
const LUXOR = '"Bitcoin hashprice (Luxor, November 2025 lookback)",hashprice all-time low (USD),' +
  '"USD hashprice averaged $39.82 (-17.9%), hitting a new all-time low of $35.06 on November ' +
  '22",35.06,USD per PH/s per day (2025-11-22),https://hashrateindex.com/blog/luxor-hashrate-' +
  "lookback-series-november-2025,Luxor Hashrate Lookback Series – November 2025,,Primary page";
const MULLET = "Bernstein 'Mullet' strategy note,definition (no figure),AI in front,,," +
  "https://ph.investing.com/news/cryptocurrency-news/bitcoin-miners-consider-ai-pivot,Bitcoin " +
  "miners consider AI pivot,,";
const TERAWULF = "TeraWulf Lake Mariner HPC (Fluidstack),HPC data center build cost,$8–$10 " +
  "million per MW,8000000-10000000,USD per MW critical IT,https://blockspace.media/insight/x,X,,";
// Facts order: hashrate, difficulty, capex, hashprice, definition, efficiency.
const ROWS = [JPMORGAN, DIFFICULTY, TERAWULF, LUXOR, MULLET, CCAF];

function text(rows: readonly string[] = ROWS, header = HEADER): string {
  return [header, ...rows].join("\n") + "\n";
}

const { withSource, assertRejected, assertMissingInput } = sourceFixture({
  input: CAPEX_POINTS_INPUT,
  prefix: "mullet_network_points_build_",
  build: (sourceDir) => buildNetworkPoints({ sourceDir, log: quiet }),
});

Deno.test("buildNetworkPoints takes the network rows, dates them and sorts them", async () => {
  await withSource(text(), async (dir) => {
    const log: string[] = [];
    const built = await buildNetworkPoints({ sourceDir: dir, log: (l) => log.push(l) });
    assert.deepEqual(log, ["network_points.csv: 4 points"]);
    const points = networkPointsFromCsv(built.csv);
    assert.deepEqual(
      points.map((p) => [p.metric, p.date, p.statistic, p.value, p.unit, p.date_as_stated]),
      [
        ["fleet efficiency", "2024", "estimate", 28.2, "J/TH", "survey June-Sep 2024"],
        ["hashprice", "2025-11-22", "point", 35.06, "USD per PH/s per day", "2025-11-22"],
        ["difficulty", "2026-06-26", "point", 133.87, "trillion", "after 2026-06-26"],
        ["hashrate", "2025-10", "monthly average", 1082, "EH/s", "October 2025"],
      ],
    );
    assert.equal(
      points[2]!.notes,
      "stated metric: difficulty adjustments (June 2026); stated unit: T (difficulty, trillions), " +
        "after 2026-06-26; Vendor blog (weak)",
    );
    assert.match(built.sources, /\*\*Rows:\*\* 4\./);
    assert.match(built.sources, /\n {2}- line 3: 2026-06-26, from `unit` "after 2026-06-26"\n/);
    assert.match(built.sources, /\n {2}- line 6, Bernstein 'Mullet' strategy note/);
  });
});

Deno.test("buildNetworkPoints rejects bad inputs", async (t) => {
  await t.step("a point with no recorded date", async () => {
    await assertRejected(
      text([JPMORGAN.replace("(JPMorgan estimates)", "(JPMorgan)")]),
      (path) =>
        `${path}:2: column "subject": no date is recorded for the network point "Bitcoin ` +
        'network hashrate (JPMorgan)" ("monthly average hashrate"): give it one in ' +
        "NETWORK_POINT_DATES with the words of the row that state it",
    );
  });
  await t.step("a row that no longer states its date", async () => {
    await assertRejected(
      text([LUXOR.replace("USD per PH/s per day (2025-11-22)", "USD per PH/s per day")]),
      (path) =>
        `${path}:2: column "unit": expected the date 2025-11-22 stated as "2025-11-22", found ` +
        '"USD per PH/s per day"',
    );
  });
  await t.step("a unit that is not the metric's", async () => {
    await assertRejected(
      text([LUXOR.replace("USD per PH/s per day (2025-11-22)", "USD per TH/s per day")]),
      (path) =>
        `${path}:2: column "unit": expected "USD per PH/s per day" (the unit of hashprice), ` +
        'alone or followed by " (…)" or ", …", found "USD per TH/s per day"',
    );
  });
  await t.step("a value in another unit", async () => {
    // The hashprice per TH/s, and a difficulty written out in full.
    await assertRejected(
      text([LUXOR.replace(",35.06,", ",0.03506,")]),
      (path) =>
        `${path}:2: column "value": "0.03506" USD per PH/s per day is outside 5..5000 for ` +
        "hashprice: is it in another unit?",
    );
    await assertRejected(
      text([DIFFICULTY.replace(",133.87,", ",133870000000000,")]),
      (path) =>
        `${path}:2: column "value": "133870000000000" trillion is outside 1..1000 for ` +
        "difficulty: is it in another unit?",
    );
  });
  await t.step("a value that is not a number", async () => {
    await assertRejected(
      text([JPMORGAN.replace(",1082,", ',"1,082",')]),
      (path) => `${path}:2: column "value": expected a number, found "1,082"`,
    );
    await assertRejected(
      text([CCAF.replace(",28.2,", ",,")]),
      (path) => `${path}:2: column "value": expected a number, found an empty cell`,
    );
  });
  await t.step("an unknown metric", async () => {
    await assertRejected(
      text([JPMORGAN.replace("monthly average hashrate", "hashrate (monthly)")]),
      (path) =>
        `${path}:2: column "metric": expected one of ` +
        `${Object.keys(FACTS_METRICS).map((m) => `"${m}"`).join(", ")}, found "hashrate (monthly)"`,
    );
  });
  await t.step("an empty file, and no file", async () => {
    await assertRejected("", (path) => `${path}: the file is empty`);
    await assertMissingInput();
  });
});

const INPUTS = new URL("../../data/inputs", import.meta.url).pathname;

Deno.test("building from data/inputs reproduces data/network_points.csv and its SOURCES.md section", async () => {
  const built = await buildNetworkPoints({ sourceDir: INPUTS, log: quiet });
  const committed = await Deno.readTextFile(
    new URL("../../data/network_points.csv", import.meta.url),
  );
  assert.equal(built.csv, committed);
  assert.equal(built.rows, 10);
  assert.match(built.sources, /62901125174ff688bf095eb6eb90a70c53ea8f1326db6872913cb117ad7ab212/);
  const sources = await Deno.readTextFile(new URL("../../data/SOURCES.md", import.meta.url));
  assert.equal(readSection(sources, "network_points"), built.sources);
  assert.equal(
    (await buildNetworkPoints({ sourceDir: INPUTS, log: quiet })).sources,
    built.sources,
  );
});
