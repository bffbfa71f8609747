/**
 * Building `data/miner_ai_deals.csv`: the rebuild from the real input reproduces the committed
 * file byte for byte; every bad input (fixtures written here, so these always run) is an error
 * naming the file, line, column, value and what was expected. The text-reading rules are
 * tested in `_miner_ai_deals_text_test.ts`.
 */
import assert from "node:assert/strict";
import { CsvError } from "./csv.ts";
import {
  buildMinerAiDeals,
  MINER_AI_DEALS_INPUT,
  MINER_AI_DEALS_INPUT_SCHEMA,
} from "./miner_ai_deals_build.ts";
import { CAPACITY_BASIS_BY_WORDING } from "./_miner_ai_deals_rules.ts";
import { minerAiDealsFromCsv } from "./miner_ai_deals.ts";
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
        `${p}:2: column "capacity_basis": expected one of ${
          Object.keys(CAPACITY_BASIS_BY_WORDING).map((w) => JSON.stringify(w)).join(", ")
        } or blank, found "IT load"`,
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

const SHARED = new URL("../../../shared/data/", import.meta.url).pathname.replace(/\/$/, "");
const REAL_INPUT = `${SHARED}/${MINER_AI_DEALS_INPUT}`;
const exists = fileExists(REAL_INPUT);

Deno.test({
  name: "rebuilding from the real input reproduces data/miner_ai_deals.csv byte for byte",
  ignore: !exists,
  async fn() {
    const built = await buildMinerAiDeals({ sourceDir: SHARED, log: quiet });
    const committed = await Deno.readTextFile(
      new URL("../../data/miner_ai_deals.csv", import.meta.url),
    );
    assert.equal(built.csv, committed);
    assert.equal(built.rows, 19);
    // The sha256 SOURCES.md of the shared inputs records for this file.
    assert.ok(
      built.sources.includes("361b2c02c995a2b403680c802078355cc8ce1c1d84fca6c0c5b74f118806086c"),
    );
    assert.match(built.sources, /announcement dates 2024-06 \.\. 2025-12-17 \(5 rows have none\)/);
    // Deterministic: a second build is identical.
    const again = await buildMinerAiDeals({ sourceDir: SHARED, log: quiet });
    assert.deepEqual(again, built);
  },
});

Deno.test({
  name: "a corrupted copy of the real input is reported at its line",
  ignore: !exists,
  async fn() {
    const real = await Deno.readTextFile(REAL_INPUT);
    // Hut 8's row: its value becomes negative.
    const line = real.split("\n").findIndex((l) => l.startsWith("HUT-FLUIDSTACK-2025-12,")) + 1;
    assert.equal(line, 17);
    const bad = real.replace(",7000000000,15,", ",-7000000000,15,");
    await withInput(bad, async (sourceDir, path) => {
      await assert.rejects(
        () => buildMinerAiDeals({ sourceDir, log: quiet }),
        (e) =>
          e instanceof CsvError &&
          e.message ===
            `${path}:17: column "contract_value_usd": expected a value of at least 0, found "-7000000000"`,
      );
    });
  },
});
