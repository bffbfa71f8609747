/**
 * Tests for building `data/companies.csv` from the company fact tables. The build from the
 * committed inputs must reproduce the committed file and its SOURCES.md section byte for byte;
 * real figures are pinned with their source; the conflict rule is checked on the conflicts
 * `company_operating_facts.md` names; bad inputs are small fixtures (real rows, one thing
 * corrupted) that must be rejected naming file, line, column and value, with `data/` untouched.
 */
import assert from "node:assert/strict";
import { type CompanyFact, companyFactsFromCsv } from "../../data/companies.ts";
import { CsvError } from "../../data/csv.ts";
import { buildCompanies } from "./companies_build.ts";
import { readSection } from "../sources_md.ts";
import { quiet, withTempDir } from "../_testing.ts";

const INPUTS = new URL("../../../data/inputs", import.meta.url).pathname;
const ROOT = new URL("../../../", import.meta.url).pathname;

const built = await buildCompanies({ sourceDir: INPUTS, log: quiet });
const facts = companyFactsFromCsv(built.csv);

function find(
  ticker: string,
  metric: string,
  where: Partial<CompanyFact> = {},
): CompanyFact[] {
  return facts.filter((f) =>
    f.ticker === ticker && f.metric === metric &&
    Object.entries(where).every(([k, v]) => f[k as keyof CompanyFact] === v)
  );
}

Deno.test("building from data/inputs reproduces data/companies.csv and its SOURCES.md section", async () => {
  const committed = await Deno.readTextFile(
    new URL("../../../data/companies.csv", import.meta.url),
  );
  assert.equal(built.csv, committed);
  assert.equal(built.rows, 326);
  const sources = await Deno.readTextFile(new URL("../../../data/SOURCES.md", import.meta.url));
  assert.equal(readSection(sources, "companies"), built.sources);
  // The input's sha256 as data/inputs/README.md states it.
  assert.match(built.sources, /9f4eadee552cb04582f6b6f957bee6269abf2fc7c55afd91a971dfa3b43cfdd7/);
  assert.equal((await buildCompanies({ sourceDir: INPUTS, log: quiet })).csv, built.csv);
});

Deno.test("real figures, pinned with their source", async (t) => {
  await t.step("Riot: 371,807,186 shares on its 10-Q cover, October 29, 2025", () => {
    const [cover] = find("RIOT", "shares_outstanding", { basis: "cover page" });
    assert.equal(cover?.value, 371_807_186);
    assert.equal(cover?.period_end, "2025-10-29");
    assert.equal(cover?.preferred, true);
    assert.match(cover!.source_url, /^https:\/\//);
  });
  await t.step("MARA: 60.4 EH/s energized at September 30, 2025, from its Q3 letter (SEC)", () => {
    const [mara] = find("MARA", "hashrate_installed", { period_end: "2025-09-30" });
    assert.equal(mara?.value, 60.4);
    assert.equal(mara?.unit, "EH/s");
    assert.equal(mara?.basis, "energized");
    assert.equal(mara?.source_type, "SEC filing");
    assert.equal(mara?.preferred, true);
  });
  await t.step("IREN: 44.0 EH/s average operating in August 2025, company release", () => {
    const [iren] = find("IREN", "hashrate_operating", { period_end: "2025-08-31" });
    assert.equal(iren?.value, 44);
    assert.equal(iren?.basis, "average operating");
    assert.equal(iren?.source_type, "company release");
  });
  await t.step("CleanSpark: its 10-Q covers, 281,083,382 shares (Aug 5, 2025) preferred", () => {
    // The SEC filing's count over an aggregator's later 255,752,913 (January 29, 2026 cover).
    const covers = find("CLSK", "shares_outstanding", { basis: "cover page" });
    assert.deepEqual(covers.map((f) => [f.value, f.period_end, f.source_type, f.preferred]), [
      [281_083_382, "2025-08-05", "SEC filing", true],
      [255_752_913, "2026-01-29", "aggregator", false],
    ]);
  });
  await t.step(
    "Core Scientific: $581.3 million cash at June 30, 2025, the project's addition",
    () => {
      const [corz] = find("CORZ", "cash");
      assert.equal(corz?.value, 581_300_000);
      assert.equal(corz?.input, "facts/company_facts_added.csv:2");
      assert.equal(corz?.source_type, "company release");
      assert.match(
        corz!.source_url,
        /businesswire\.com\/.*Core-Scientific-Announces-Fiscal-Second/,
      );
    },
  );
  await t.step(
    "American Bitcoin: $205,925 thousand cash at June 30, 2025, from its balance sheet (SEC exhibit)",
    () => {
      const [abtc] = find("ABTC", "cash");
      assert.equal(abtc?.value, 205_925_000); // "in USD thousands": 205,925 × 1000
      assert.equal(abtc?.period_end, "2025-06-30");
      assert.equal(abtc?.source_type, "SEC filing");
      assert.equal(abtc?.preferred, true);
      assert.match(abtc!.source_url, /ea025546701ex99-2_gryphon\.htm$/);
    },
  );
  await t.step("units are converted only as the text states: GW, decimal commas, cents", () => {
    // "superare 1,4 gigawatt" (an Italian relay).
    assert.equal(find("CLSK", "power_portfolio", { period_end: "2025-11-30" })[0]?.value, 1400);
    // "16,2 EH/s" (a German relay).
    assert.equal(find("HIVE", "hashrate_operating", { period_end: "2025-09-30" })[0]?.value, 16.2);
    // "3.8c/kWh".
    assert.equal(find("RIOT", "power_cost", { period_end: "2025-03-31" })[0]?.value, 0.038);
  });
});

Deno.test("the conflict rule on the conflicts company_operating_facts.md names", async (t) => {
  await t.step(
    "CleanSpark BTC held: totals and the balance sheet's figure are never ranked together",
    () => {
      const totals = find("CLSK", "btc_held", { basis: "total" });
      // A press relay's 13,011 (September 2025) over an aggregator's later 13,513 (January 2026).
      assert.deepEqual(totals.filter((f) => f.preferred).map((f) => f.value), [13_011]);
      assert.ok(totals.some((f) => f.value === 13_513 && !f.preferred));
      const [balanceSheet] = find("CLSK", "btc_held", { basis: "excl. pledged" });
      assert.equal(balanceSheet?.value, 10_075);
      assert.equal(balanceSheet?.preferred, true);
    },
  );
  await t.step("Riot shares: the cover count and the balance-sheet count, both kept", () => {
    assert.deepEqual(
      find("RIOT", "shares_outstanding").map((f) => [f.value, f.basis, f.preferred]),
      [[371_116_270, "balance sheet", true], [371_807_186, "cover page", true]],
    );
  });
  await t.step("MARA BTC held: the SEC filing's September figure over December's relays", () => {
    const preferred = find("MARA", "btc_held", { preferred: true });
    assert.deepEqual(preferred.map((f) => [f.value, f.period_end, f.source_type]), [
      [52_850, "2025-09-30", "SEC filing"],
    ]);
    assert.equal(find("MARA", "btc_held", { value: 53_822 }).length, 2);
  });
  await t.step(
    "Riot power portfolio: 2 GW gross (release) and 1.7 GW approved (later), each preferred",
    () => {
      assert.deepEqual(
        find("RIOT", "power_portfolio", { preferred: true }).map((f) => [f.value, f.basis]),
        [[2000, "gross"], [1700, "approved"]],
      );
      assert.equal(find("RIOT", "power_portfolio", { value: 1800 })[0]?.preferred, false);
    },
  );
  await t.step("site and part figures are kept and never preferred", () => {
    const riotSites = find("RIOT", "power_operating");
    assert.equal(riotSites.length, 4);
    assert.ok(riotSites.every((f) => f.scope === "site" && !f.preferred));
    const [cipher] = find("CIFR", "hpc_contracted_it", { value: 39 });
    assert.equal(cipher?.scope, "part");
  });
});

Deno.test("the check verdicts are applied: corrections and rows left out", () => {
  const [mara] = find("MARA", "debt_carrying", { value: 3_599_927_000 });
  assert.equal(mara?.check, "corrected");
  assert.match(mara!.notes, /corrected by the build: XBRL LongTermDebt is a carrying amount/);
  assert.equal(find("MARA", "debt_principal", { value: 3_599_927_000 }).length, 0);
  const riotCash = find("RIOT", "cash", { value: 330_700_000 });
  assert.deepEqual(riotCash.map((f) => [f.period_end, f.basis]), [
    ["2025-09-30", "cash and equivalents"],
    ["2025-09-30", "unrestricted"],
  ]);
  const [core42] = find("WULF", "hpc_contracted_mw", { value: 72.5 });
  assert.equal(core42?.basis, "gross");
  assert.equal(find("BITF", "hashrate_operating").length, 0);
  assert.equal(find("MARA", "shares_outstanding").length, 1);
  assert.match(
    built.sources,
    /`facts\/company_operating_facts\.csv:31`, BITF `hashrate_operating` 17\.7/,
  );
});

const HEADER = "ticker,company,metric,value,unit,period_end,period_as_stated,figure_as_stated," +
  "basis,source_url,source_title,source_date,source_type,notes";
// Real rows of facts/company_operating_facts.csv (lines 227 and 305).
const MARA = 'MARA,"MARA Holdings, Inc.",hashrate_installed,60.4,EH/s,2025-09-30,Q3 2025,' +
  '"Energized hashrate (""EH/s"") increased 64% TO 60.4 EH/S IN Q3 2025",energized,' +
  "https://ir.mara.com/sec-filings/all-sec-filings/content/0001507605-25-000026/" +
  "q325shareholderletter.htm,MARA Q3 2025 shareholder letter (EX-99.1),2025-11-04,SEC filing,";
const RIOT = 'RIOT,"Riot Platforms, Inc.",shares_outstanding,371116270,shares,2025-09-30,' +
  '"Sep 30, 2025","XBRL: us-gaap:SharesOutstanding = 371,116,270 as of Sep 30, 2025",' +
  "outstanding per statement of stockholders' equity,https://github.com/x,dat-tracker-next," +
  "2026-02-12,aggregator,";

/** Runs the build on a source folder holding `operating` and `added` as the two tables. */
async function withTables(
  operating: string,
  added: string,
  fn: (dir: string, file: string) => Promise<void>,
): Promise<void> {
  await withTempDir("mullet_companies_build_", async (dir) => {
    await Deno.mkdir(`${dir}/facts`);
    await Deno.writeTextFile(`${dir}/facts/company_operating_facts.csv`, operating);
    await Deno.writeTextFile(`${dir}/facts/company_facts_added.csv`, added);
    await fn(dir, `${dir}/facts/company_operating_facts.csv`);
  });
}

function table(rows: readonly string[]): string {
  return [HEADER, ...rows].join("\n") + "\n";
}

/** The message of the error the build throws when `row` is added to the real table. */
async function rejection(row: string): Promise<{ line: number; message: string }> {
  // The corrections name rows of the real table, so a fixture keeps them and adds one row.
  const real = await Deno.readTextFile(`${INPUTS}/facts/company_operating_facts.csv`);
  const operating = real.replace(/\r?\n$/, "") + "\r\n" + row + "\r\n";
  const line = operating.split(/\r?\n/).length - 1;
  let message = "";
  await withTables(operating, table([RIOT]), async (dir, file) => {
    await assert.rejects(
      () => buildCompanies({ sourceDir: dir, log: quiet }),
      (error) => {
        assert.ok(error instanceof CsvError, String(error));
        assert.equal(error.file, file);
        assert.equal(error.line, line);
        message = error.message.replace(`${file}:${line}: `, "");
        return true;
      },
    );
  });
  return { line, message };
}

async function assertRejected(row: string, expected: string): Promise<void> {
  assert.equal((await rejection(row)).message, expected);
}

Deno.test("a correction that names no row of the tables is reported", async () => {
  await withTables(table([MARA]), table([RIOT]), async (dir) => {
    const log: string[] = [];
    const small = await buildCompanies({ sourceDir: dir, log: (line) => log.push(line) });
    assert.equal(small.rows, 2);
    assert.equal(log.length, 1 + 9);
    assert.equal(
      log[0],
      "companies.csv: no row is HUT debt_principal 130000000 at 2025-09-30, which a correction " +
        "names (was the row re-compiled?)",
    );
    assert.equal(log.at(-1), "companies.csv: 2 facts for 2 tickers (0 corrected, 0 left out)");
  });
});

Deno.test("buildCompanies rejects bad inputs naming file, line, column and value", async (t) => {
  await t.step("an unknown metric", async () => {
    const { message } = await rejection(MARA.replace("hashrate_installed", "hashrate_nameplate"));
    // The message lists the whole vocabulary.
    assert.ok(message.startsWith('column "metric": expected one of "hashrate_operating", '));
    assert.ok(message.endsWith(', found "hashrate_nameplate"'), message);
  });
  await t.step("a unit that is not the metric's", async () => {
    await assertRejected(
      MARA.replace(",60.4,EH/s,", ",60.4,PH/s,"),
      'column "unit": metric "hashrate_installed" is in "EH/s", found "PH/s"',
    );
  });
  await t.step("a figure that disagrees with its as-stated text", async () => {
    await assertRejected(
      MARA.replace(",60.4,EH/s,", ",64,EH/s,"),
      'column "value": 64 EH/s is not a figure of figure_as_stated "Energized hashrate ' +
        '(\\"EH/s\\") increased 64…" (it states 60.4, 3, 2025 in EH/s)',
    );
  });
  await t.step("a value read in thousands where the text does not say thousands", async () => {
    await assertRejected(
      RIOT.replace(",371116270,", ",371116270000,"),
      'column "value": 371116270000 shares is not a figure of figure_as_stated "XBRL: ' +
        'us-gaap:SharesOutstanding = 371,11…" (it states 371116270, 30, 2025 in shares)',
    );
  });
  await t.step("a period that is not an ISO date", async () => {
    for (const period of ["Q3 2025", "2025/09/30", "2025-13", "2025-09-31"]) {
      await assertRejected(
        MARA.replace(",2025-09-30,", `,${period},`),
        `column "period_end": expected an ISO date (YYYY-MM-DD, YYYY-MM or YYYY), found "${period}"`,
      );
    }
  });
  await t.step("a basis no rule reads", async () => {
    await assertRejected(
      MARA.replace(",energized,", ",nameplate,"),
      'column "basis": no rule of the hashrate family reads "nameplate" (metric ' +
        '"hashrate_installed"): state it as the source words it, e.g. "energized", "critical ' +
        'IT", "gross", "total", or "not stated"',
    );
  });
  await t.step("an unknown source type", async () => {
    await assertRejected(
      MARA.replace(",SEC filing,", ",blog,"),
      'column "source_type": expected one of "company release", "SEC filing", "press relay", ' +
        '"aggregator", found "blog"',
    );
  });
  await t.step("a check verdict the build has no correction for", async () => {
    await assertRejected(
      MARA + '"check 2026-12-06: WRONG BASIS — installed, not energized"',
      'column "notes": the notes record "WRONG BASIS" for MARA hashrate_installed 60.4 at ' +
        "2025-09-30, and the build has no correction for it",
    );
  });
});

Deno.test("deno task data --only companies on a bad input writes nothing", async () => {
  await withTempDir("mullet_companies_cli_", async (dir) => {
    await Deno.mkdir(`${dir}/inputs/facts`, { recursive: true });
    await Deno.mkdir(`${dir}/out`);
    const real = await Deno.readTextFile(`${INPUTS}/facts/company_operating_facts.csv`);
    await Deno.writeTextFile(
      `${dir}/inputs/facts/company_operating_facts.csv`,
      real.replace(",60.4,EH/s,2025-09-30,", ",60.4,EH/s,Q3 2025,"),
    );
    await Deno.copyFile(
      `${INPUTS}/facts/company_facts_added.csv`,
      `${dir}/inputs/facts/company_facts_added.csv`,
    );
    await Deno.writeTextFile(`${dir}/out/SOURCES.md`, "before\n");
    const out = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        `--allow-read`,
        `--allow-write=${dir}/out`,
        `${ROOT}lib/cli/data.ts`,
        "--only",
        "companies",
        "--inputs",
        `${dir}/inputs`,
        "--out",
        `${dir}/out`,
      ],
      cwd: ROOT,
      stdout: "piped",
      stderr: "piped",
    }).output();
    const stderr = new TextDecoder().decode(out.stderr);
    assert.equal(out.success, false);
    assert.match(
      stderr,
      /company_operating_facts\.csv:227: column "period_end": .*found "Q3 2025"/,
    );
    assert.match(stderr, /data: nothing was written/);
    assert.deepEqual([...Deno.readDirSync(`${dir}/out`)].map((e) => e.name), ["SOURCES.md"]);
    assert.equal(await Deno.readTextFile(`${dir}/out/SOURCES.md`), "before\n");
  });
});
