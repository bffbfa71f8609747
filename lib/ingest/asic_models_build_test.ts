/**
 * Tests for building `asic_models.csv`. Bad inputs are small fixtures written to a temp source
 * folder with the real layout: real F2Pool rows (BOM, CRLF, the two blank trailing columns and
 * the odd header spaces kept) and real facts rows. Each must be rejected with a message naming
 * the file, line, column, value and what was expected. Conflicts, rows left out and the build
 * without F2Pool's list (its rows carried over from the published catalogue) are tested on
 * fixtures too. The build from the project's inputs must reproduce the committed file byte for
 * byte, and so must a build from a copy of F2Pool's list where one exists.
 */
import assert from "node:assert/strict";
import { buildAsicModels } from "./asic_models_build.ts";
import { F2POOL_DEVICES_INPUT } from "./_asic_f2pool.ts";
import { ASIC_SPECS_INPUT } from "./_asic_specs.ts";
import { asicModelsFromCsv, loadAsicModels } from "../data/asic_models.ts";
import { type BuiltDataset, DEFAULT_SOURCE_DIR, writeBuiltDatasets } from "./dataset_build.ts";
import { readSection } from "./sources_md.ts";
import { rawF2poolList } from "./_asic_testing.ts";
import { csvErrorWithMessage, quiet, withTempDir } from "./_testing.ts";

// The real F2Pool header (U+00A0 where F2Pool has it) and four real rows, CRLF, with a BOM.
const F2POOL_HEADER = "Company,Device,Device Age (M)(03/2020) ,Hashrate (T),Power Consumption " +
  "(W),Unit Power (W/T) #,Produced (24h) (BTC),Revenue (24h),Daily Cost$\u00a0/kWh,Profits " +
  "(24h),Electricity Cost Rate\u00a0,Year Released,Month Released,,";
const F2POOL_ROWS = [
  "Bitmain,Antminer S19 Pro,1,110,3250,30,0.00167102,$\u00a013.24,$\u00a03.90,$\u00a09.34,29%,2020,2,,",
  "Bitmain,Antminer S9,6,14,1190,85,0.00021268,$\u00a01.69,$\u00a01.43,$\u00a00.26,85%,2019,9,,",
  "Canaan,Avalon A741,39,7.3,1150,158,0.0001109,$\u00a00.8789,$\u00a01.38,$\u00a0-0.50,157%,2016,12,,",
  "Bitmain,Antminer S9,44,13,1300,100,0.00019748,$\u00a01.57,$\u00a01.56,$\u00a00.01,100%,2016,7,,",
];
const FACTS_HEADER = "manufacturer,model,release_or_announce_as_stated,hashrate_as_stated," +
  "hashrate_ths,power_as_stated,power_w,efficiency_as_stated,efficiency_j_per_th," +
  "price_as_stated,source_url,source_title,source_date,source_type,notes";
const FACTS_ROWS = [
  'Bitmain,Antminer S21,"unveiled at WDMS 2023, Hong Kong, September 22-23 [2023]",200 TH/s,' +
  "200,,,17.5 J/TH,17.5,,https://viabtc.com/blog/en/268?category=0,Five major highlights of " +
  "WDMS 2023 (ViaBTC blog),2023-09,mining pool blog reporting manufacturer data,",
  'Canaan,Avalon1,released by Canaan in 2013,60 GH/s,0.06,595 W,595,"just under 10,000 W/TH"' +
  ",,,https://braiins.com/blog/optimizations-bitcoin-mining-intermittent-energy,Optimizations " +
  "for bitcoin mining with intermittent energy (Braiins blog),,industry blog,",
];
// The two real S23 Hydro rows (notes shortened), a conflict the facts file documents.
const S23_ROWS = [
  'Bitmain,Antminer S23 Hydro,"This week, at the World Digital Mining Summit ... unveiled ... ' +
  'Scheduled for release in early 2026",,,,,an energy efficiency of 9.7 joules per terahash ' +
  "(J/TH),9.7,,https://mutli.pro/mining/bitmains-new-antminer-launch-signals-profound-shift-for-" +
  "bitcoin-miners-theminermag.html,Bitmain's new Antminer launch signals profound shift for " +
  "bitcoin miners (CoinDesk text citing TheMinerMag),,news rewrite (CoinDesk/TheMinerMag)," +
  "CONFLICT: fi.salmoncrypto.com gives 580 TH/s at 9.5 J/TH - both kept.",
  'Bitmain,Antminer S23 Hydro,"S23-linja, jonka julkaisu on suunniteltu vuodelle 2026 [S23 line, ' +
  'release planned for 2026]",580 TH/s,580,,,"9,5 J/TH tehokkuutta [9.5 J/TH efficiency]",9.5,,' +
  "https://fi.salmoncrypto.com/bitmainin-116-ph-s-bitcoin-kaivuri-asic-asekilpailu-saa-" +
  "todellista-vauhtia,Bitmainin 1.16 PH/s bitcoin-kaivuri (Finnish relay of Bitcoin.com),," +
  "news (Finnish relay of Bitcoin.com),CONFLICT with 9.7 J/TH (mutli.pro/TheMinerMag) - keep both.",
];
// Three real rows with no machine's specification: a chip, a target, an order size.
const LEFT_OUT_ROWS = [
  'Bitdeer,SEAL01 chip (for SEALMINER A1),"Bitdeer introduced its inaugural cryptocurrency ' +
  'mining chip, the SEAL01",,,,,The chip level achieved an exceptional power efficiency ratio of ' +
  "18.1 J/TH,18.1,,https://www.wublock123.com/index.php?m=content&c=index&a=show&catid=32&id=820," +
  "Mining News in March,2024-04-03,news digest (sponsored by Bitdeer),CHIP-level efficiency",
  "Bitdeer,SEALMINER A4 (target),in development,,,,,dovrebbe avere un'efficienza energetica di 5 " +
  "J/TH [expected to have 5 J/TH],5,,https://hotfix.coindesk.com/it/tech/2025/03/13/bitdeer-" +
  "wants-to-revolutionize-the-asic-manufacturing-market-here-s-how,Come Bitdeer sta trasformando" +
  " le macchine per il mining Bitcoin,2025-03-13,news,TARGET/expected efficiency",
  'Block (Proto),Proto 3nm mining ASICs / Proto Rig,"agreement announced on July 10, 2024",' +
  '"mining application-specific integrated circuits (ASICs) representing approximately 15 ' +
  'exahashes per second (EH/s) of hashrate [order size, not per-unit]",,,,,,,https://' +
  "fintechranking.com/2024/07/10/blocks-3nm-bitcoin-mining-chips-debut-with-core-scientific-" +
  "deal,Block's 3nm Bitcoin Mining Chips Debut with Core Scientific Deal,2024-07-10,news,",
];

function f2poolText(rows: readonly string[] = F2POOL_ROWS, header = F2POOL_HEADER): string {
  return "\ufeff" + [header, ...rows].join("\r\n") + "\r\n";
}
function factsText(rows: readonly string[] = FACTS_ROWS, header = FACTS_HEADER): string {
  return [header, ...rows].join("\n") + "\n";
}

/**
 * Runs `fn` with a temp source folder holding the two inputs (F2Pool's list left out when
 * `f2pool` is `null`) and their paths.
 */
async function withSources(
  inputs: { f2pool?: string | null; facts?: string },
  fn: (dir: string, paths: { f2pool: string; facts: string }) => Promise<void>,
): Promise<void> {
  await withTempDir("mullet_asic_models_build_", async (dir) => {
    const paths = { f2pool: `${dir}/${F2POOL_DEVICES_INPUT}`, facts: `${dir}/${ASIC_SPECS_INPUT}` };
    await Deno.mkdir(`${dir}/raw/f2pool-mining-devices-mattk8`, { recursive: true });
    await Deno.mkdir(`${dir}/facts`);
    if (inputs.f2pool !== null) {
      await Deno.writeTextFile(paths.f2pool, inputs.f2pool ?? f2poolText());
    }
    await Deno.writeTextFile(paths.facts, inputs.facts ?? factsText());
    await fn(dir, paths);
  });
}

/** Asserts the build rejects the inputs with a CsvError whose message is `expected(paths)`. */
async function assertRejected(
  inputs: { f2pool?: string; facts?: string },
  expected: (paths: { f2pool: string; facts: string }) => string,
): Promise<void> {
  await withSources(inputs, async (dir, paths) => {
    await assert.rejects(
      () => buildAsicModels({ sourceDir: dir, log: quiet }),
      csvErrorWithMessage(expected(paths)),
    );
  });
}

/** F2Pool rows with row `index` (0-based, line index + 2) changed by `edit`. */
function editRow(index: number, edit: (cells: string[]) => void): string[] {
  return F2POOL_ROWS.map((row, i) => {
    if (i !== index) return row;
    const cells = row.split(",");
    edit(cells);
    return cells.join(",");
  });
}

Deno.test("buildAsicModels reads the fixtures", async () => {
  await withSources({}, async (dir) => {
    const log: string[] = [];
    const built = await buildAsicModels({ sourceDir: dir, log: (l) => log.push(l) });
    assert.deepEqual(log, [
      "asic_models.csv: 6 rows (4 F2Pool, 2 facts; 0 conflicts kept side by side; 0 facts rows " +
      "left out)",
    ]);
    assert.equal(built.file, "asic_models.csv");
    assert.equal(built.rows, 6);
    const rows = asicModelsFromCsv(built.csv);
    assert.deepEqual(rows.map((r) => [r.model, r.release, r.hashrate_ths]), [
      ["Antminer S19 Pro", "2020-02", 110],
      ["Antminer S9 (14T)", "2019-09", 14],
      ["Avalon A741", "2016-12", 7.3],
      ["Antminer S9 (13T)", "2016-07", 13],
      ["Antminer S21", "2023-09", 200],
      ["Avalon1", "2013", 0.06],
    ]);
    assert.equal(rows[2]!.efficiency_j_per_th, 1150 / 7.3); // 157.53, F2Pool says 158
    assert.equal(rows[2]!.stated_efficiency_j_per_th, 158);
    assert.match(built.sources, /^## `asic_models\.csv`: /);
    assert.ok(rows.every((r) => r.preferred));
    assert.match(built.sources, /Rebuild: `deno task data --only asic_models`/);
    assert.match(built.sources, /\| `raw\/f2pool-mining-devices-mattk8\/mining-devices\.csv` \|/);
  });
});

Deno.test("buildAsicModels rejects bad F2Pool inputs", async (t) => {
  await t.step("a non-numeric hashrate", async () => {
    await assertRejected(
      { f2pool: f2poolText(editRow(0, (c) => (c[3] = "11O"))) },
      (p) => `${p.f2pool}:2: column "Hashrate (T)": expected a number, found "11O"`,
    );
  });
  await t.step("a negative power", async () => {
    await assertRejected(
      { f2pool: f2poolText(editRow(1, (c) => (c[4] = "-1190"))) },
      (p) =>
        `${p.f2pool}:3: column "Power Consumption (W)": expected a positive number of W, ` +
        'found "-1190"',
    );
  });
  await t.step("a stated W/T that disagrees with W ÷ TH/s", async () => {
    await assertRejected(
      { f2pool: f2poolText(editRow(0, (c) => (c[5] = "25"))) },
      (p) =>
        `${p.f2pool}:2: column "Unit Power (W/T) #": F2Pool states 25 W/TH, but Power ` +
        "Consumption (W) ÷ Hashrate (T) = 3250 ÷ 110 = 29.54545 J/TH: they differ by 4.545455, " +
        "more than the stated figure's rounding (±0.5); is the hashrate in GH/s or PH/s rather " +
        "than TH/s?",
    );
  });
  await t.step("a hashrate in GH/s", async () => {
    await assertRejected(
      { f2pool: f2poolText(editRow(2, (c) => (c[3] = "7300"))) },
      (p) =>
        `${p.f2pool}:4: column "Unit Power (W/T) #": F2Pool states 158 W/TH, but Power ` +
        "Consumption (W) ÷ Hashrate (T) = 1150 ÷ 7300 = 0.1575342 J/TH: they differ by 157.8425, " +
        "more than the stated figure's rounding (±0.5); is the hashrate in GH/s or PH/s rather " +
        "than TH/s?",
    );
  });
  await t.step("a renamed column", async () => {
    await assertRejected(
      { f2pool: f2poolText(F2POOL_ROWS, F2POOL_HEADER.replace("Hashrate (T)", "Hashrate (G)")) },
      (p) =>
        `${p.f2pool}:1: header does not match the schema: missing "Hashrate (T)". Expected ` +
        "columns: Company,Device,Hashrate (T),Power Consumption (W),Unit Power (W/T) #,Year " +
        "Released,Month Released",
    );
  });
  await t.step("an empty file", async () => {
    await assertRejected({ f2pool: "" }, (p) => `${p.f2pool}: the file is empty`);
    await assertRejected({ f2pool: "\ufeff\r\n" }, (p) => `${p.f2pool}: the file is empty`);
  });
  await t.step("a header without rows", async () => {
    await assertRejected(
      { f2pool: f2poolText([]) },
      (p) => `${p.f2pool}:1: the file has a header but no rows`,
    );
  });
  await t.step("a month 13 and a year before Bitcoin", async () => {
    await assertRejected(
      { f2pool: f2poolText(editRow(3, (c) => (c[12] = "13"))) },
      (p) => `${p.f2pool}:5: column "Month Released": expected a month 1..12, found "13"`,
    );
    await assertRejected(
      { f2pool: f2poolText(editRow(3, (c) => (c[11] = "2008"))) },
      (p) =>
        `${p.f2pool}:5: column "Year Released": expected a value of at least 2009, found "2008"`,
    );
  });
  await t.step("a short row", async () => {
    await assertRejected(
      { f2pool: f2poolText(editRow(1, (c) => c.pop())) },
      (p) => `${p.f2pool}:3: expected 15 fields as in the header, found 14`,
    );
  });
  await t.step("a blank device name", async () => {
    await assertRejected(
      { f2pool: f2poolText(editRow(0, (c) => (c[1] = " "))) },
      (p) => `${p.f2pool}:2: column "Device": expected text, found an empty cell`,
    );
  });
  await t.step("a missing list and no published catalogue to carry its rows over", async () => {
    await withSources({ f2pool: null }, async (dir) => {
      await assert.rejects(
        () => buildAsicModels({ sourceDir: dir, publishedDir: `${dir}/none`, log: quiet }),
        (e) =>
          e instanceof Error &&
          e.message === `Cannot read ${dir}/none/asic_models.csv: no such file`,
      );
    });
  });
});

Deno.test("buildAsicModels rejects bad facts inputs", async (t) => {
  await t.step("a hashrate that does not restate its as-stated unit", async () => {
    await assertRejected(
      { facts: factsText([FACTS_ROWS[1]!.replace(",0.06,", ",60,")]) },
      (p) =>
        `${p.facts}:2: column "hashrate_ths": expected 0.06 from hashrate_as_stated ` +
        '"60 GH/s", found 60',
    );
  });
  await t.step("a power that does not restate its as-stated figure", async () => {
    await assertRejected(
      { facts: factsText([FACTS_ROWS[1]!.replace(",595,", ",5950,")]) },
      (p) =>
        `${p.facts}:2: column "power_w": expected 595 from power_as_stated "595 W", found 5950`,
    );
  });
  await t.step("a power without its as-stated figure", async () => {
    await assertRejected(
      { facts: factsText([FACTS_ROWS[0]!.replace("200,,,", "200,,3500,")]) },
      (p) =>
        `${p.facts}:2: column "power_as_stated": cannot read a number and unit (w, kw) ` +
        'from "", which power_w = 3500 should restate',
    );
  });
  await t.step("an as-stated hashrate in an unknown unit", async () => {
    await assertRejected(
      { facts: factsText([FACTS_ROWS[0]!.replace("200 TH/s", "200 EH/s")]) },
      (p) =>
        `${p.facts}:2: column "hashrate_as_stated": cannot read a number and unit (gh/s, ` +
        'gigahash, th/s, th, terahash, ph/s) from "200 EH/s", which hashrate_ths = 200 ' +
        "should restate",
    );
  });
  await t.step("a non-numeric efficiency", async () => {
    await assertRejected(
      { facts: factsText([FACTS_ROWS[0]!.replace("J/TH,17.5,", "J/TH,17.5 J/TH,")]) },
      (p) => `${p.facts}:2: column "efficiency_j_per_th": expected a number, found "17.5 J/TH"`,
    );
  });
  await t.step("a stated efficiency that disagrees with power ÷ hashrate", async () => {
    const row = FACTS_ROWS[0]!.replace(",,,17.5 J/TH,", ",3000 W,3000,17.5 J/TH,");
    await assertRejected(
      { facts: factsText([row]) },
      (p) =>
        `${p.facts}:2: column "efficiency_j_per_th": the source states 17.5 J/TH, but ` +
        "power_w ÷ hashrate_ths = 3000 ÷ 200 = 15 J/TH: more than the stated figure's rounding " +
        "(±0.05)",
    );
  });
  await t.step("a model already in the F2Pool list", async () => {
    const row = FACTS_ROWS[0]!.replace("Antminer S21,", "Antminer S19 Pro,");
    await assertRejected(
      { facts: factsText([row]) },
      (p) =>
        `${p.facts}:2: column "model": "Bitmain Antminer S19 Pro" is already listed at ` +
        `${p.f2pool}:2; a manufacturer + model may repeat only as a conflict between sources, ` +
        'marked "CONFLICT" in the notes of both rows',
    );
  });
  await t.step("a model repeated without CONFLICT in both rows' notes", async () => {
    await assertRejected(
      { facts: factsText([S23_ROWS[0]!, S23_ROWS[1]!.replace("CONFLICT with", "Unlike")]) },
      (p) =>
        `${p.facts}:3: column "model": "Bitmain Antminer S23 Hydro" is already listed at ` +
        `${p.facts}:2; a manufacturer + model may repeat only as a conflict between sources, ` +
        'marked "CONFLICT" in the notes of both rows',
    );
  });
  await t.step("a conflict between two rows citing the same source", async () => {
    const same = S23_ROWS[1]!.replace(
      /https:\/\/fi\.salmoncrypto\.com[^,]*/,
      "https://mutli.pro/mining/bitmains-new-antminer-launch-signals-profound-shift-for-bitcoin-miners-theminermag.html",
    );
    await assertRejected(
      { facts: factsText([S23_ROWS[0]!, same]) },
      (p) =>
        `${p.facts}:3: column "source_url": "Bitmain Antminer S23 Hydro" is already listed at ` +
        `${p.facts}:2 with the same source; a conflict is between two sources, one row each`,
    );
  });
  await t.step("a blank hashrate beside an as-stated figure", async () => {
    await assertRejected(
      { facts: factsText([S23_ROWS[1]!.replace(",580,", ",,")]) },
      (p) =>
        `${p.facts}:2: column "hashrate_ths": expected 580 from hashrate_as_stated "580 TH/s", ` +
        "found an empty cell",
    );
  });
  await t.step("a renamed column", async () => {
    await assertRejected(
      { facts: factsText(FACTS_ROWS, FACTS_HEADER.replace("power_w", "power_kw")) },
      (p) =>
        `${p.facts}:1: header does not match the schema: missing "power_w"; unexpected ` +
        `"power_kw". Expected columns: ${FACTS_HEADER}`,
    );
  });
  await t.step("an empty file", async () => {
    await assertRejected({ facts: "" }, (p) => `${p.facts}: the file is empty`);
  });
});

Deno.test("buildAsicModels keeps a documented conflict and prefers one row", async () => {
  await withSources({ facts: factsText([...FACTS_ROWS, ...S23_ROWS]) }, async (dir) => {
    const log: string[] = [];
    const built = await buildAsicModels({ sourceDir: dir, log: (l) => log.push(l) });
    assert.match(log[0]!, /; 1 conflict kept side by side;/);
    const s23 = asicModelsFromCsv(built.csv).filter((m) => m.model === "Antminer S23 Hydro");
    assert.deepEqual(
      s23.map((m) => [m.hashrate_ths, m.stated_efficiency_j_per_th, m.preferred]),
      [[NaN, 9.7, false], [580, 9.5, true]],
    );
    assert.match(
      built.sources,
      / {2}- Bitmain Antminer S23 Hydro: preferred facts\/asic_specs\.csv line 5 \(580 TH\/s, 9\.5 J\/TH; https:\/\/fi\.salmoncrypto\.com\/.*\) over facts\/asic_specs\.csv line 4 \(no hashrate, 9\.7 J\/TH; https:\/\/mutli\.pro\/.*\), because it states more figures \(2 of hashrate, power and J\/TH, against 1\)\./,
    );
  });
  // The same two rows with the 9.7 J/TH source dated: the later source wins over more figures.
  const dated = S23_ROWS[0]!.replace(
    "(CoinDesk text citing TheMinerMag),,",
    "(CoinDesk text citing TheMinerMag),2025-10-20,",
  );
  await withSources({ facts: factsText([dated, S23_ROWS[1]!]) }, async (dir) => {
    const built = await buildAsicModels({ sourceDir: dir, log: quiet });
    const s23 = asicModelsFromCsv(built.csv).filter((m) => m.model === "Antminer S23 Hydro");
    assert.deepEqual(s23.map((m) => m.preferred), [true, false]);
    assert.match(built.sources, /because its source is later \(2025-10-20, against undated\)/);
  });
});

Deno.test("buildAsicModels leaves out a chip, a target and an order size, saying why", async () => {
  await withSources({ facts: factsText([...FACTS_ROWS, ...LEFT_OUT_ROWS]) }, async (dir) => {
    const log: string[] = [];
    const built = await buildAsicModels({ sourceDir: dir, log: (l) => log.push(l) });
    assert.equal(built.rows, 6);
    assert.match(log[0]!, /; 3 facts rows left out\)$/);
    const listed = built.sources.split("\n").filter((l) =>
      /^ {2}- .*\(facts\/asic_specs\.csv line/.test(l)
    );
    assert.deepEqual(listed.map((l) => l.replace(/ \(facts.*?\): /, ": ")), [
      "  - Bitdeer SEAL01 chip (for SEALMINER A1): a chip, not a machine: its J/TH is the chip's, " +
      "not a miner's at the wall.",
      "  - Bitdeer SEALMINER A4 (target): a target, not a shipping machine's specification.",
      "  - Block (Proto) Proto 3nm mining ASICs / Proto Rig: no per-machine hashrate or J/TH " +
      '(hashrate as stated: "mining application-specific integrated circuits (ASICs) ' +
      "representing approximately 15 exahashes per second (EH/s) of hashrate [order size, not " +
      'per-unit]").',
    ]);
  });
});

/** Builds from `dir` (with its F2Pool list) and publishes the result into `dir/published`. */
async function publishFrom(dir: string): Promise<{ built: BuiltDataset; published: string }> {
  const built = await buildAsicModels({ sourceDir: dir, log: quiet });
  const published = `${dir}/published`;
  await Deno.mkdir(published);
  await writeBuiltDatasets(published, [built]);
  return { built, published };
}

Deno.test("without F2Pool's list, its rows are carried over from the published catalogue", async (t) => {
  await withSources({ facts: factsText([...FACTS_ROWS, ...S23_ROWS]) }, async (dir, paths) => {
    const { built, published } = await publishFrom(dir);
    await Deno.remove(paths.f2pool);
    await t.step("the same bytes, and one line saying so", async () => {
      const log: string[] = [];
      const again = await buildAsicModels({
        sourceDir: dir,
        publishedDir: published,
        log: (l) => log.push(l),
      });
      assert.equal(again.csv, built.csv);
      assert.equal(again.sources, built.sources);
      assert.equal(
        log[0],
        `asic_models.csv: ${paths.f2pool} is absent, so its 4 F2Pool rows come from ` +
          `${published}/asic_models.csv and its size and sha256 from ${published}/SOURCES.md`,
      );
      assert.equal(log.length, 2);
    });
    await t.step("a published catalogue missing an F2Pool row", async () => {
      const csv = await Deno.readTextFile(`${published}/asic_models.csv`);
      const short = csv.split("\n").filter((l) => !l.startsWith("Canaan,Avalon A741,")).join("\n");
      await Deno.writeTextFile(`${published}/asic_models.csv`, short);
      await assert.rejects(
        () => buildAsicModels({ sourceDir: dir, publishedDir: published, log: quiet }),
        (e) =>
          e instanceof Error &&
          e.message === `Cannot carry over the F2Pool rows: ${published}/asic_models.csv has 3 ` +
              "rows from https://www.f2pool.com/miners?currency_code=btc, but " +
              `${published}/SOURCES.md records 4`,
      );
      await Deno.writeTextFile(`${published}/asic_models.csv`, csv);
    });
    await t.step("a SOURCES.md without the list's sha256", async () => {
      const md = await Deno.readTextFile(`${published}/SOURCES.md`);
      await Deno.writeTextFile(`${published}/SOURCES.md`, md.replace(/`[0-9a-f]{64}`/, "`?`"));
      await assert.rejects(
        () => buildAsicModels({ sourceDir: dir, publishedDir: published, log: quiet }),
        /^Error: Cannot carry over the F2Pool rows: the asic_models section of .*SOURCES\.md does not record them/,
      );
    });
  });
});

const COMMITTED_CSV = new URL("../../data/asic_models.csv", import.meta.url);
const COMMITTED_SOURCES = new URL("../../data/SOURCES.md", import.meta.url);

Deno.test("building from data/inputs reproduces data/asic_models.csv byte for byte", async () => {
  const log: string[] = [];
  const built = await buildAsicModels({ sourceDir: DEFAULT_SOURCE_DIR, log: (l) => log.push(l) });
  assert.equal(built.csv, await Deno.readTextFile(COMMITTED_CSV));
  const committed = readSection(await Deno.readTextFile(COMMITTED_SOURCES), "asic_models");
  assert.equal(built.sources, committed);
  assert.equal(built.rows, 108);
  // F2Pool's list is not in the project: its rows come from the committed catalogue.
  assert.match(
    log[0]!,
    /mining-devices\.csv is absent, so its 86 F2Pool rows come from data\/asic_models\.csv/,
  );
  assert.match(built.sources, /b3fc0b66401d791eedbfa3efb1c1690c3716c7910337a09bd1541b8021650daa/);
  assert.match(built.sources, /4bea7328fd4bcb1cbc06ec4cf8430744bfeaf06bcdd5547654fe1691591c2f6a/);
});

const RAW_F2POOL = rawF2poolList();

Deno.test({
  name: "a build from a copy of F2Pool's list equals the build without it, byte for byte",
  ignore: RAW_F2POOL === undefined,
  async fn() {
    await withTempDir("mullet_asic_models_raw_", async (dir) => {
      await Deno.mkdir(`${dir}/raw/f2pool-mining-devices-mattk8`, { recursive: true });
      await Deno.mkdir(`${dir}/facts`);
      await Deno.copyFile(RAW_F2POOL!, `${dir}/${F2POOL_DEVICES_INPUT}`);
      await Deno.copyFile(
        `${DEFAULT_SOURCE_DIR}/${ASIC_SPECS_INPUT}`,
        `${dir}/${ASIC_SPECS_INPUT}`,
      );
      const log: string[] = [];
      const fromRaw = await buildAsicModels({ sourceDir: dir, log: (l) => log.push(l) });
      assert.equal(log.length, 1); // nothing carried over
      const without = await buildAsicModels({ sourceDir: DEFAULT_SOURCE_DIR, log: quiet });
      assert.equal(fromRaw.csv, without.csv);
      assert.equal(fromRaw.sources, without.sources);
      assert.equal(fromRaw.csv, await Deno.readTextFile(COMMITTED_CSV));
    });
  },
});

Deno.test({
  name: "data/asic_models.csv: the S19 Pro figures match the raw F2Pool file",
  ignore: RAW_F2POOL === undefined,
  async fn() {
    const raw = await Deno.readTextFile(RAW_F2POOL!);
    const lines = raw.split("\r\n").filter((l) => l.startsWith("Bitmain,Antminer S19 Pro,"));
    assert.equal(lines.length, 1);
    // Company, Device, Device Age (M), Hashrate (T), Power Consumption (W), Unit Power (W/T)
    const [, , , hashrate, power, unitPower] = lines[0]!.split(",");
    const s19pro = (await loadAsicModels()).find((m) => m.model === "Antminer S19 Pro")!;
    assert.equal(Number(hashrate), s19pro.hashrate_ths);
    assert.equal(Number(power), s19pro.power_w);
    assert.equal(Number(unitPower), s19pro.stated_efficiency_j_per_th);
    assert.equal(s19pro.efficiency_j_per_th, Number(power) / Number(hashrate));
  },
});
