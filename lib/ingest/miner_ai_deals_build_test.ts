/**
 * Building `data/miner_ai_deals.csv`: the rebuild from the committed input (`data/inputs`)
 * reproduces the committed file byte for byte; every bad input is an error naming the file,
 * line, column, value and what was expected, including a correction that no longer matches the
 * row it was written for. The text-reading rules are tested in `_miner_ai_deals_text_test.ts`.
 */
import assert from "node:assert/strict";
import { CsvError } from "../data/csv.ts";
import {
  buildMinerAiDeals,
  MINER_AI_DEALS_INPUT,
  MINER_AI_DEALS_INPUT_SCHEMA,
} from "./miner_ai_deals_build.ts";
import { minerAiDealsFromCsv } from "../data/miner_ai_deals.ts";
import { fileExists, quiet, withTempDir } from "./_testing.ts";

const HEADER = MINER_AI_DEALS_INPUT_SCHEMA.map((c) => c.name).join(",");
const CORZ = "CORZ-1,Core Scientific,CoreWeave,,multiple sites,HPC hosting contracts (initial)," +
  '"contract entered into on June 3, 2024",approximately 200 megawatts,200,critical IT load,' +
  "estimated to generate $3.5 billion in revenue,3500000000,12,,,https://example.com/corz," +
  "Core Scientific release,2024-06-10,";
const MUSKOGEE = 'MUSK-1,Core Scientific,CoreWeave,,"Muskogee, Oklahoma",' +
  "groundbreaking (part of CoreWeave contracts),date 2024-11-25,approximately 70 MW of critical " +
  "IT load,70,critical IT load (100 MW gross),total potential contract value of $8.7 billion," +
  "8700000000,12,,,https://example.com/musk,Groundbreaking,2024-11,";
const FIXTURE = `${HEADER}\n${CORZ}\n${MUSKOGEE}\n`;

/** Runs `fn` with a temporary source folder holding `text` as the input. */
async function withInput<T>(
  text: string | undefined,
  fn: (sourceDir: string, path: string) => Promise<T>,
): Promise<T> {
  return await withTempDir("mullet_deals_build_", async (dir) => {
    await Deno.mkdir(`${dir}/facts`);
    const path = `${dir}/${MINER_AI_DEALS_INPUT}`;
    if (text !== undefined) await Deno.writeTextFile(path, text);
    return await fn(dir, path);
  });
}

Deno.test("a small input builds, and the CSV passes the loader", async () => {
  await withInput(FIXTURE, async (sourceDir) => {
    const log: string[] = [];
    const built = await buildMinerAiDeals({ sourceDir, log: (l) => log.push(l) });
    assert.equal(built.file, "miner_ai_deals.csv");
    assert.equal(built.rows, 2);
    const [corz, musk] = minerAiDealsFromCsv(built.csv);
    assert.equal(corz!.usd_per_mw_year, 3.5e9 / 12 / 200);
    assert.equal(corz!.announcement_date, "2024-06-03");
    assert.equal(corz!.capacity_qualifier, "approximately");
    assert.equal(corz!.structure, "hosting");
    // A groundbreaking keeps its stated figures but derives nothing.
    assert.equal(musk!.contract_value_usd, 8.7e9);
    assert.ok(Number.isNaN(musk!.usd_per_mw_year) && Number.isNaN(musk!.usd_per_kw_month));
    assert.equal(musk!.announcement_date, "2024-11-25");
    assert.equal(musk!.structure, "");
    const digest = new Uint8Array(
      await crypto.subtle.digest("SHA-256", new TextEncoder().encode(FIXTURE)),
    );
    const hex = Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
    assert.ok(built.sources.includes(`| \`facts/miner_ai_deals.csv\` |`), built.sources);
    assert.ok(built.sources.includes(hex));
    assert.match(built.sources, /^## `miner_ai_deals\.csv`: /);
    assert.match(built.sources, /Rebuild: `deno task data`\.\n$/);
    assert.match(log[0]!, /^miner_ai_deals\.csv: 2 rows from /);
  });
});

Deno.test("bad inputs name the file, line, column, value and what was expected", async (t) => {
  const cases: [string, string, (path: string) => string][] = [
    [
      "a missing source_url",
      FIXTURE.replace("https://example.com/musk", ""),
      (p) => `${p}:3: column "source_url": expected text, found an empty cell`,
    ],
    [
      "a source_url that is not http(s)",
      FIXTURE.replace("https://example.com/corz", "ftp://example.com/corz"),
      (p) => `${p}:2: column "source_url": expected an http(s) URL, found "ftp://example.com/corz"`,
    ],
    [
      "a non-numeric capacity_mw",
      FIXTURE.replace(",200,critical", ",about 200,critical"),
      (p) => `${p}:2: column "capacity_mw": expected a number, found "about 200"`,
    ],
    [
      "a negative contract value",
      FIXTURE.replace(",3500000000,", ",-3500000000,"),
      (p) =>
        `${p}:2: column "contract_value_usd": expected a value of at least 0, found "-3500000000"`,
    ],
    [
      "a duplicate deal_id",
      FIXTURE.replace("MUSK-1,", "CORZ-1,"),
      (p) => `${p}:3: column "deal_id": "CORZ-1" repeats line 2; expected a unique deal_id`,
    ],
    [
      "a renamed column",
      FIXTURE.replace(",capacity_mw,", ",capacity_megawatts,"),
      (p) =>
        `${p}:1: header does not match the schema: missing "capacity_mw"; unexpected ` +
        `"capacity_megawatts". Expected columns: ${HEADER}`,
    ],
    ["an empty file", "", (p) => `${p}: the file is empty`],
    ["a header and no rows", `${HEADER}\n`, (p) => `${p}:1: the file has a header but no rows`],
    [
      "a term of zero years",
      FIXTURE.replace(",3500000000,12,", ",3500000000,0,"),
      (p) => `${p}:2: column "term_years": expected a positive number or blank, found "0"`,
    ],
    [
      "a capacity_mw its stated text does not state",
      FIXTURE.replace(",200,critical", ",250,critical"),
      (p) =>
        `${p}:2: column "capacity_mw": 250 is not stated in capacity_as_stated "approximately ` +
        `200 megawatts"; expected an MW or GW figure there equal to it`,
    ],
    [
      "a contract value its stated text does not state",
      FIXTURE.replace(",3500000000,", ",3000000000,"),
      (p) =>
        `${p}:2: column "contract_value_usd": 3000000000 is not stated in contract_value_as_stated ` +
        `"estimated to generate $3.5 billion in re…"; expected a $ or USD figure there equal to it`,
    ],
    [
      "a capacity basis wording the mapping does not know",
      FIXTURE.replace(",critical IT load,", ",IT load,"),
      (p) =>
        `${p}:2: column "capacity_basis": expected a wording listed in ` +
        `CAPACITY_BASIS_BY_WORDING or blank, found "IT load"`,
    ],
    [
      "a capacity basis wording with a clarification the mapping has not read",
      FIXTURE.replace(",critical IT load,", ",critical IT load (approved power per a relay),"),
      (p) =>
        `${p}:2: column "capacity_basis": expected a wording listed in ` +
        `CAPACITY_BASIS_BY_WORDING or blank, found "critical IT load (approved power per a r…"`,
    ],
    [
      "a wording that is a property of every object",
      FIXTURE.replace(",critical IT load,", ",constructor,"),
      (p) =>
        `${p}:2: column "capacity_basis": expected a wording listed in ` +
        `CAPACITY_BASIS_BY_WORDING or blank, found "constructor"`,
    ],
    [
      "notes that record a finding no correction acts on",
      FIXTURE.replace(",2024-06-10,", ",2024-06-10,check 2026-12-06: WRONG BASIS (MW)"),
      (p) =>
        `${p}:2: column "notes": record a finding, "WRONG BASIS (MW)"; expected an entry for ` +
        "CORZ-1 in ROW_CORRECTIONS saying what the dataset carries instead",
    ],
    [
      "a MW figure without a capacity basis",
      FIXTURE.replace(",200,critical IT load,", ",200,,"),
      (p) =>
        `${p}:2: column "capacity_basis": expected a wording listed in CAPACITY_BASIS_BY_WORDING ` +
        "when capacity_mw is given (200), found an empty cell",
    ],
    [
      "a capacity basis without a MW figure",
      FIXTURE.replace(",200,critical", ",,critical"),
      (p) =>
        `${p}:2: column "capacity_basis": expected blank when capacity_mw is blank, found ` +
        `"critical IT load"`,
    ],
    [
      "an event type no rule classifies",
      FIXTURE.replace("HPC hosting contracts (initial)", "partnership"),
      (p) =>
        `${p}:2: column "event_type": expected an event type EVENT_KIND_RULES can classify, ` +
        `found "partnership"`,
    ],
    [
      "a source_date that is not a date",
      FIXTURE.replace(",2024-06-10,", ",June 2024,"),
      (p) =>
        `${p}:2: column "source_date": expected YYYY-MM-DD, YYYY-MM or blank, found "June 2024"`,
    ],
    [
      "an announcement after the page's own date",
      FIXTURE.replace(",2024-06-10,", ",2024-05-01,"),
      (p) =>
        `${p}:2: column "announcement_date_as_stated": "contract entered into on June 3, 2024" ` +
        `reads as 2024-06-03, after source_date 2024-05-01; expected a date on or before the page's`,
    ],
    [
      "a deal_id with spaces",
      FIXTURE.replace("MUSK-1,", "MUSK 1,"),
      (p) => `${p}:3: column "deal_id": expected letters, digits and hyphens, found "MUSK 1"`,
    ],
  ];
  for (const [name, text, message] of cases) {
    await t.step(name, async () => {
      await withInput(text, async (sourceDir, path) => {
        await assert.rejects(
          () => buildMinerAiDeals({ sourceDir, log: quiet }),
          (e) => e instanceof CsvError && e.message === message(path),
        );
      });
    });
  }
  await t.step("a missing input", async () => {
    await withInput(undefined, async (sourceDir, path) => {
      await assert.rejects(
        () => buildMinerAiDeals({ sourceDir, log: quiet }),
        (e) => e instanceof Error && e.message === `Cannot read ${path}: no such file`,
      );
    });
  });
});

/** The project's committed inputs, as `deno task data` reads them. */
const INPUTS = new URL("../../data/inputs", import.meta.url).pathname;
const REAL_INPUT = `${INPUTS}/${MINER_AI_DEALS_INPUT}`;
const real = await Deno.readTextFile(REAL_INPUT);
const lineOf = (id: string) => real.split("\n").findIndex((l) => l.startsWith(`${id},`)) + 1;

Deno.test("rebuilding from data/inputs reproduces data/miner_ai_deals.csv byte for byte", async () => {
  assert.ok(fileExists(REAL_INPUT));
  const built = await buildMinerAiDeals({ sourceDir: INPUTS, log: quiet });
  const committed = await Deno.readTextFile(
    new URL("../../data/miner_ai_deals.csv", import.meta.url),
  );
  assert.equal(built.csv, committed);
  assert.equal(built.rows, 34);
  // The sha256 of the input as published with the 2026-12-06 refresh.
  assert.ok(
    built.sources.includes("c612e0786d2f1dc85fc460439b6bace625aa8ee67b877343024da9fac59bc422"),
  );
  assert.match(built.sources, /announcement dates 2024-06 \.\. 2026-06-29 \(8 rows have none\)/);
  assert.match(built.sources, /F6 derived for 18 rows/);
  assert.match(
    built.sources,
    /\n- `GLXY-CRWV-2025-08`: capacity_basis approved power; critical_it_mw 260 \+ 133 MW\. /,
  );
  // Deterministic: a second build is identical.
  const again = await buildMinerAiDeals({ sourceDir: INPUTS, log: quiet });
  assert.deepEqual(again, built);
});

Deno.test("the committed SOURCES.md section is the one the build renders", async () => {
  const built = await buildMinerAiDeals({ sourceDir: INPUTS, log: quiet });
  const sources = await Deno.readTextFile(new URL("../../data/SOURCES.md", import.meta.url));
  assert.ok(sources.includes(built.sources), "data/SOURCES.md: rerun deno task data");
});

Deno.test("a corrupted copy of the real input is reported at its line", async (t) => {
  const helios = lineOf("GLXY-CRWV-2025-08");
  assert.equal(helios, 18);
  const cases: [string, string, (path: string) => string][] = [
    [
      "Hut 8's value made negative",
      real.replace(",7000000000,15,", ",-7000000000,15,"),
      (p) =>
        `${p}:17: column "contract_value_usd": expected a value of at least 0, found "-7000000000"`,
    ],
    [
      "Galaxy Helios re-compiled at another MW",
      real.replace(
        ",800,critical IT load (total committed),",
        ",700,critical IT load (total committed),",
      ),
      (p) =>
        `${p}:${helios}: column "capacity_mw": expected 800, the cell ROW_CORRECTIONS corrects ` +
        'for GLXY-CRWV-2025-08, found "700"; read the row again and update the entry',
    ],
    [
      "Galaxy Helios re-compiled on another basis",
      real.replace(",critical IT load (total committed),", ",approved power,"),
      (p) =>
        `${p}:${helios}: column "capacity_basis": expected "critical IT load (total committed)", ` +
        'the cell ROW_CORRECTIONS corrects for GLXY-CRWV-2025-08, found "approved power"; read ' +
        "the row again and update the entry",
    ],
    [
      "Galaxy Helios without the correction remark in its notes",
      real.replace("CORRECTION REMARK (facts-refresh 2026-12):", "Remark:"),
      (p) =>
        `${p}:${helios}: column "notes": expected "CORRECTION REMARK", the finding ` +
        'ROW_CORRECTIONS applies to GLXY-CRWV-2025-08, found "contract_value_usd left blank: source gi…"',
    ],
    [
      "Galaxy Helios no longer stating a tranche the correction adds up",
      real.replace("additional 260 MW", "additional 250 MW"),
      (p) =>
        `${p}:${helios}: column "capacity_as_stated": expected the 260 MW of critical IT that ` +
        "ROW_CORRECTIONS adds up for GLXY-CRWV-2025-08, found " +
        '"second-phase lease for an additional 250…"',
    ],
    [
      "WhiteFiber's date re-compiled",
      real.replace(',"December 22, 2025",', ',"December 19, 2025",'),
      (p) =>
        `${p}:${lineOf("WYFI-NSCALE-2025-12")}: column "announcement_date_as_stated": expected ` +
        '"December 22, 2025", the cell ROW_CORRECTIONS corrects for WYFI-NSCALE-2025-12, found ' +
        '"December 19, 2025"; read the row again and update the entry',
    ],
    [
      "a corrected row renamed: its notes still record the finding",
      real.replace("GPUS-NEOCLOUD-2026-06,", "GPUS-NEOCLOUD-2026-06-MSA,"),
      (p) =>
        `${p}:${lineOf("GPUS-NEOCLOUD-2026-06")}: column "notes": record a finding, ` +
        '"WRONG BASIS (value, probable) — page say…"; expected an entry for ' +
        "GPUS-NEOCLOUD-2026-06-MSA in ROW_CORRECTIONS saying what the dataset carries instead",
    ],
  ];
  for (const [name, text, message] of cases) {
    await t.step(name, async () => {
      assert.notEqual(text, real, "the corruption must change the input");
      await withInput(text, async (sourceDir, path) => {
        await assert.rejects(
          () => buildMinerAiDeals({ sourceDir, log: quiet }),
          (e) => e instanceof CsvError && e.message === message(path),
        );
      });
    });
  }
});
