/**
 * Tests for building `capex_per_mw.csv` from `facts/capex_and_context_points.csv`. Bad inputs
 * are small fixtures (real rows, one thing corrupted) in a temp source folder; each must be
 * rejected with a message naming the file, line, column, value and what was expected. The build
 * from the committed inputs in `data/inputs` must reproduce the committed file and its
 * SOURCES.md section byte for byte.
 */
import assert from "node:assert/strict";
import { capexPerMwFromCsv } from "../data/capex_per_mw.ts";
import { buildCapexPerMw } from "./capex_per_mw_build.ts";
import {
  CAPEX_POINTS_INPUT,
  FACTS_METRICS,
  UNIT_BASES,
  usdPerMwRange,
} from "./_capex_per_mw_facts.ts";
import { CsvError } from "../data/csv.ts";
import { readSection } from "./sources_md.ts";
import { quiet, sourceFixture } from "./_testing.ts";

const HEADER =
  "subject,metric,figure_as_stated,value,unit,source_url,source_title,source_date,notes";
const TERAWULF = "TeraWulf Lake Mariner HPC (Fluidstack),HPC data center build cost,total " +
  "project cost at $8–$10 million per MW,8000000-10000000,USD per MW critical IT," +
  "https://blockspace.media/insight/terawulf-signs-10-year-200-mw-hosting-deals-google-takes-" +
  '8-stake,"TeraWulf signs 10-year, 200 MW hosting deals; Google takes 8% stake",,Aug 2025 deal';
const CLEANSPARK = "CleanSpark Georgia bitcoin mines acquisition,bitcoin mining site acquisition " +
  'cost,"Kosten pro MW bei etwa 430.000 Dollar",430000,USD per MW,https://binance.com/de/square/' +
  "post/2024-06-18-cleanspark-acquires-five-bitcoin-mines-in-georgia-for-25-8-million-" +
  "9640437224690,CleanSpark acquires five Bitcoin mines in Georgia for $25.8 million (PANews via " +
  "Binance Square),2024-06-18,German-language page; $25.8M for 60 MW";
const MULLET = "Bernstein 'Mullet' strategy note,definition (no figure),\"known as the " +
  '""Mullet strategy,"" puts AI data centers in the spotlight while keeping Bitcoin mining ' +
  'running in the background",,,https://ph.investing.com/news/cryptocurrency-news/bitcoin-' +
  "miners-consider-ai-pivot-amid-capital-raises-bernstein-1404367,Bitcoin miners consider AI " +
  "pivot amid capital raises - Bernstein,,'a Monday note'";
const BERNSTEIN = "Bernstein valuation of miners' AI-earmarked power sites,valuation multiple," +
  "using a conservative $3 million per megawatt (MW) multiple,3000000,USD per MW," +
  "https://btcpizza.com/?p=62718,(CoinDesk rewrite) Bernstein: miners integral to AI value " +
  "chain,,Bernstein raised CORZ target to $24 from $17 (590 MW IT load by early 2027); RIOT to " +
  "$25 from $19; CLSK to $24 from $20.";
const RIOT = "Riot Rockdale retrofit for AMD (25 MW),HPC retrofit capex (existing mining " +
  "buildings),Retrofit capex of $89.8 million (~$3.6M per MW),3600000,USD per MW critical IT," +
  "https://www.stocktitan.net/news/RIOT/riot-announces-fee-simple-acquisition-of-land-and-first-" +
  "data-center-lifxve642vej.html,Riot Announces Fee Simple Acquisition of Land and First Data " +
  'Center Lease with AMD at the Rockdale Site (Stock Titan),2026-01-16,"Retrofit of existing ' +
  'infrastructure, not greenfield"';
const BITFARMS = "Bitfarms Washington (Moses Lake) 18 MW GPU conversion,HPC conversion cost per " +
  'MW (derived),"This 18 MW gross capacity project is supported by a US$128 million fully ' +
  'funded, binding agreement",7111111,USD per MW gross,https://pulse24.ai/news/2025/11/13/16/' +
  "bitfarms-pivots-to-ai,Bitfarms pivots to AI (Pulse24),2025-11-13,value DERIVED: $128M / 18 " +
  "MW gross. Completion by Dec 2026.";
const HIVE = "HIVE / BUZZ HPC Greater Toronto Area AI campus (320 MW),planned HPC capex per MW " +
  '(derived),"a CAD $3.5 billion, 320-megawatt AI ""gigafactory""",10937500,CAD per MW (utility ' +
  "power allocation basis),https://letsdatascience.com/news/hive-launches-plan-for-320mw-" +
  "toronto-ai-gigafactory-574e6575,HIVE launches plan for 320MW Toronto AI gigafactory,2026-05-18," +
  "value DERIVED: CAD 3.5B / 320 MW; CAD not USD";
const CCAF = "Bitcoin mining industry (CCAF survey),industry-wide ASIC efficiency estimate," +
  "reaching 28.2 joules per terahash (J/TH),28.2,J/TH,https://www.satoshoz.com/post/inside-the-" +
  "2025-cambridge-digital-mining-report,Inside the 2025 Cambridge Digital Mining Report," +
  "2025-04-30,survey June-Sep 2024";
// Three figure rows, each with a different number of semicolons.
const ROWS = [TERAWULF, CLEANSPARK, MULLET, BERNSTEIN];

function text(rows: readonly string[] = ROWS, header = HEADER): string {
  return [header, ...rows].join("\n") + "\n";
}

const { withSource, assertRejected } = sourceFixture({
  input: CAPEX_POINTS_INPUT,
  prefix: "mullet_capex_build_",
  build: (sourceDir) => buildCapexPerMw({ sourceDir, log: quiet }),
});

Deno.test("buildCapexPerMw reads the fixture and leaves the definition row out", async () => {
  await withSource(text(), async (dir) => {
    const log: string[] = [];
    const built = await buildCapexPerMw({ sourceDir: dir, log: (l) => log.push(l) });
    assert.deepEqual(log, [
      "capex_per_mw.csv: 3 figures (0 facts rows to network_points.csv, 1 left out)",
    ]);
    const rows = capexPerMwFromCsv(built.csv);
    assert.deepEqual(
      rows.map((
        r,
      ) => [r.metric, r.low_usd_per_mw, r.high_usd_per_mw, r.mid_usd_per_mw, r.mw_basis]),
      [
        ["build cost", 8e6, 10e6, 9e6, "critical IT"],
        ["acquisition price", 430_000, 430_000, 430_000, "not stated"],
        ["valuation", 3e6, 3e6, 3e6, "not stated"],
      ],
    );
    assert.equal(
      rows[0]!.notes,
      "stated metric: HPC data center build cost; stated unit: USD per MW critical IT; Aug 2025 deal",
    );
    assert.match(
      built.sources,
      /\n {2}- line 4, Bernstein 'Mullet' strategy note \(definition \(no figure\)\): a definition/,
    );
    assert.match(built.sources, /Rebuild: `deno task data`\n$/);
  });
});

Deno.test("buildCapexPerMw routes retrofits, derived figures, network points and CAD", async () => {
  await withSource(text([TERAWULF, RIOT, BITFARMS, HIVE, CCAF]), async (dir) => {
    const log: string[] = [];
    const built = await buildCapexPerMw({ sourceDir: dir, log: (l) => log.push(l) });
    assert.deepEqual(log, [
      "capex_per_mw.csv: 3 figures (1 facts rows to network_points.csv, 1 left out)",
    ]);
    const rows = capexPerMwFromCsv(built.csv);
    assert.deepEqual(
      rows.map((
        r,
      ) => [r.subject.slice(0, 8), r.metric, r.asset, r.mid_usd_per_mw, r.mw_basis, r.per_mw]),
      [
        ["TeraWulf", "build cost", "AI/HPC", 9e6, "critical IT", "as stated"],
        ["Riot Roc", "retrofit cost", "AI/HPC", 3.6e6, "critical IT", "as stated"],
        ["Bitfarms", "retrofit cost", "AI/HPC", 7111111, "gross", "cost ÷ MW"],
      ],
    );
    assert.match(built.sources, /To `network_points\.csv`:\*\* .*\n {2}lines 6\./);
    assert.match(
      built.sources,
      /line 5, HIVE \/ BUZZ HPC .*: in Canadian dollars; the dataset is in USD and the row cites/,
    );
  });
});

Deno.test("buildCapexPerMw rejects bad inputs", async (t) => {
  await t.step("a range with low above high", async () => {
    await assertRejected(
      text([TERAWULF.replace("8000000-10000000", "10000000-8000000")]),
      (path) =>
        `${path}:2: column "value": the range "10000000-8000000" runs from high to low: ` +
        "expected low ≤ high",
    );
  });
  await t.step("a non-numeric value", async () => {
    for (const value of ["about 430000", "430,000", "8M-10M", "8000000-"]) {
      await assertRejected(
        text([TERAWULF, CLEANSPARK.replace(",430000,", `,${JSON.stringify(value)},`)]),
        (path) =>
          `${path}:3: column "value": expected USD per MW as a number or a range "low-high" ` +
          `(e.g. 8000000-10000000), found "${value}"`,
      );
    }
    // The German "430.000" (430 thousand) reads as 430 and is caught by the magnitude check.
    await assertRejected(
      text([CLEANSPARK.replace(",430000,", ",430.000,")]),
      (path) =>
        `${path}:2: column "value": 430 USD per MW in "430.000" is outside 10000..100000000: is ` +
        "it in thousands or millions rather than USD?",
    );
  });
  await t.step("a value in millions", async () => {
    await assertRejected(
      text([TERAWULF.replace("8000000-10000000", "8-10")]),
      (path) =>
        `${path}:2: column "value": 8 USD per MW in "8-10" is outside 10000..100000000: is it ` +
        "in thousands or millions rather than USD?",
    );
  });
  await t.step("a missing value on a figure row", async () => {
    await assertRejected(
      text([CLEANSPARK.replace(",430000,", ",,")]),
      (path) =>
        `${path}:2: column "value": expected USD per MW (metric "acquisition price"), found an ` +
        "empty cell",
    );
  });
  await t.step("a number on a definition row", async () => {
    await assertRejected(
      text([MULLET.replace(",,,https", ",3000000,USD per MW,https")]),
      (path) =>
        `${path}:2: column "value": "definition (no figure)" rows carry no number, found "3000000"`,
    );
  });
  await t.step("an unknown metric", async () => {
    await assertRejected(
      text([TERAWULF.replace("HPC data center build cost", "HPC capex")]),
      (path) =>
        `${path}:2: column "metric": expected one of ` +
        `${Object.keys(FACTS_METRICS).map((m) => `"${m}"`).join(", ")}, found "HPC capex"`,
    );
  });
  await t.step("a unit that is not in the unit mapping", async () => {
    await assertRejected(
      text([CLEANSPARK.replace(",USD per MW,", ",USD per kW,")]),
      (path) =>
        `${path}:2: column "unit": expected one of ` +
        `${Object.keys(UNIT_BASES).map((u) => `"${u}"`).join(", ")}, found "USD per kW"`,
    );
    assert.deepEqual(Object.keys(UNIT_BASES).slice(0, 3), [
      "USD per MW critical IT",
      "USD per MW critical IT (20 MW basis; derived)",
      "USD per MW contracted IT (5 MW basis)",
    ]);
  });
  await t.step("a derived value its division does not give", async () => {
    await assertRejected(
      text([BITFARMS.replace(",7111111,", ",7000000,")]),
      (path) => `${path}:2: column "value": $128M / 18 MW is 7111111 USD per MW, found 7000000`,
    );
  });
  await t.step("a derived metric without the division in its notes", async () => {
    await assertRejected(
      text([BITFARMS.replace("value DERIVED: $128M / 18 MW gross.", "from the release")]),
      (path) =>
        `${path}:2: column "notes": the metric or unit says "derived", so expected notes ` +
        'starting "value DERIVED: $<cost> / <MW> MW", found "from the release Completion by ' +
        'Dec 2026."',
    );
    await assertRejected(
      text([BITFARMS.replace("$128M / 18 MW", "about $128M for 18 MW")]),
      (path) =>
        `${path}:2: column "notes": expected the division as "value DERIVED: $<cost>[M|B] / ` +
        '<MW> MW" (e.g. "$128M / 18 MW"), found "value DERIVED: about $128M for 18 MW gro…"',
    );
  });
  await t.step("a renamed column", async () => {
    await assertRejected(
      text(ROWS, HEADER.replace(",value,", ",value_usd,")),
      (path) =>
        `${path}:1: header does not match the schema: missing "value"; unexpected ` +
        `"value_usd". Expected columns: ${HEADER}`,
    );
  });
  await t.step("an empty file", async () => {
    await assertRejected("", (path) => `${path}: the file is empty`);
  });
});

Deno.test("usdPerMwRange reads numbers and ranges", () => {
  assert.deepEqual(usdPerMwRange("9000000-11000000", { file: "f.csv", line: 2 }), {
    low: 9e6,
    high: 11e6,
  });
  assert.deepEqual(usdPerMwRange("9000000 – 10000000", { file: "f.csv", line: 2 }), {
    low: 9e6,
    high: 10e6,
  });
  assert.deepEqual(usdPerMwRange("3000000", { file: "f.csv", line: 2 }), { low: 3e6, high: 3e6 });
  assert.throws(
    () => usdPerMwRange("-3000000", { file: "f.csv", line: 7 }),
    (e) =>
      e instanceof CsvError && e.file === "f.csv" && e.line === 7 && e.column === "value" &&
      /found "-3000000"$/.test(e.message),
  );
});

const INPUTS = new URL("../../data/inputs", import.meta.url).pathname;

Deno.test("the real input: line 10 (Riot's retrofit) is accepted, a retrofit per critical-IT MW", async () => {
  const built = await buildCapexPerMw({ sourceDir: INPUTS, log: quiet });
  const riot = capexPerMwFromCsv(built.csv).find((r) => r.subject.startsWith("Riot Rockdale"));
  assert.equal(riot?.metric, "retrofit cost");
  assert.equal(riot?.mw_basis, "critical IT");
  assert.equal(riot?.mid_usd_per_mw, 3.6e6);
  assert.match(
    riot?.notes ?? "",
    /^stated metric: HPC retrofit capex \(existing mining buildings\)/,
  );
});

Deno.test("building from data/inputs reproduces data/capex_per_mw.csv and its SOURCES.md section", async () => {
  const built = await buildCapexPerMw({ sourceDir: INPUTS, log: quiet });
  const committed = await Deno.readTextFile(
    new URL("../../data/capex_per_mw.csv", import.meta.url),
  );
  assert.equal(built.csv, committed);
  assert.equal(built.rows, 20);
  assert.match(built.sources, /62901125174ff688bf095eb6eb90a70c53ea8f1326db6872913cb117ad7ab212/);
  const sources = await Deno.readTextFile(new URL("../../data/SOURCES.md", import.meta.url));
  assert.equal(readSection(sources, "capex_per_mw"), built.sources);
  assert.equal((await buildCapexPerMw({ sourceDir: INPUTS, log: quiet })).sources, built.sources);
});
