/**
 * Tests for building `asic_models.csv`. Bad inputs are small fixtures written to a temp source
 * folder with the real layout: real F2Pool rows (BOM, CRLF, the two blank trailing columns and
 * the odd header spaces kept) and real facts rows. Each must be rejected with a message naming
 * the file, line, column, value and what was expected. The real build must reproduce the
 * committed file byte for byte.
 */
import assert from "node:assert/strict";
import { buildAsicModels } from "./asic_models_build.ts";
import { F2POOL_DEVICES_INPUT } from "./_asic_f2pool.ts";
import { ASIC_SPECS_INPUT } from "./_asic_specs.ts";
import { asicModelsFromCsv } from "./asic_models.ts";
import { csvErrorWithMessage, fileExists, quiet, withTempDir } from "./_testing.ts";

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

function f2poolText(rows: readonly string[] = F2POOL_ROWS, header = F2POOL_HEADER): string {
  return "\ufeff" + [header, ...rows].join("\r\n") + "\r\n";
}
function factsText(rows: readonly string[] = FACTS_ROWS, header = FACTS_HEADER): string {
  return [header, ...rows].join("\n") + "\n";
}

/** Runs `fn` with a temp source folder holding the two inputs and their paths. */
async function withSources(
  inputs: { f2pool?: string; facts?: string },
  fn: (dir: string, paths: { f2pool: string; facts: string }) => Promise<void>,
): Promise<void> {
  await withTempDir("mullet_asic_models_build_", async (dir) => {
    const paths = { f2pool: `${dir}/${F2POOL_DEVICES_INPUT}`, facts: `${dir}/${ASIC_SPECS_INPUT}` };
    await Deno.mkdir(`${dir}/raw/f2pool-mining-devices-mattk8`, { recursive: true });
    await Deno.mkdir(`${dir}/facts`);
    await Deno.writeTextFile(paths.f2pool, inputs.f2pool ?? f2poolText());
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
    assert.deepEqual(log, ["asic_models.csv: 6 models (4 F2Pool, 2 facts)"]);
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
    assert.match(built.sources, /Rebuild: `deno task data`\n$/);
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
  await t.step("a missing file", async () => {
    await withSources({}, async (dir, paths) => {
      await Deno.remove(paths.f2pool);
      await assert.rejects(
        () => buildAsicModels({ sourceDir: dir, log: quiet }),
        (e) => e instanceof Error && e.message === `Cannot read ${paths.f2pool}: no such file`,
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
        `${p.f2pool}:2; each manufacturer + model must appear once`,
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

const SHARED = new URL("../../../shared/data/", import.meta.url);
const inputsExist = [F2POOL_DEVICES_INPUT, ASIC_SPECS_INPUT].every((path) =>
  fileExists(new URL(path, SHARED))
);

Deno.test({
  name: "building from the real inputs reproduces data/asic_models.csv byte for byte",
  ignore: !inputsExist,
  async fn() {
    const built = await buildAsicModels({ sourceDir: SHARED.pathname, log: quiet });
    const committed = await Deno.readTextFile(
      new URL("../../data/asic_models.csv", import.meta.url),
    );
    assert.equal(built.csv, committed);
    assert.equal(built.rows, 92);
    const again = await buildAsicModels({ sourceDir: SHARED.pathname, log: quiet });
    assert.equal(again.sources, built.sources); // deterministic
    assert.match(
      built.sources,
      /b3fc0b66401d791eedbfa3efb1c1690c3716c7910337a09bd1541b8021650daa/, // SOURCES.md's sha256
    );
    assert.match(built.sources, /f312bee7bd246ddcfea72cb298893c3c72ab810bfb35e39c28901c206ab124b0/);
  },
});
