/**
 * Tests for building `capex_per_mw.csv` from `facts/capex_and_context_points.csv`. Bad inputs
 * are small fixtures (real rows, one thing corrupted) in a temp source folder; each must be
 * rejected with a message naming the file, line, column, value and what was expected. The real
 * build must reproduce the committed file byte for byte.
 */
import assert from "node:assert/strict";
import { capexPerMwFromCsv } from "./capex_per_mw.ts";
import { buildCapexPerMw } from "./capex_per_mw_build.ts";
import {
  CAPEX_POINTS_INPUT,
  FACTS_METRICS,
  UNIT_BASES,
  usdPerMwRange,
} from "./_capex_per_mw_facts.ts";
import { CsvError } from "./csv.ts";
import { fileExists, quiet, sourceFixture } from "./_testing.ts";

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
    assert.deepEqual(log, ["capex_per_mw.csv: 3 figures (1 facts rows left out)"]);
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
    assert.equal(rows[0]!.notes, "stated metric: HPC data center build cost; Aug 2025 deal");
    assert.match(
      built.sources,
      /\*\*Left out:\*\* `facts\/capex_and_context_points\.csv` line 4, Bernstein 'Mullet' strategy/,
    );
    assert.match(built.sources, /Rebuild: `deno task data`\n$/);
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
  await t.step("a unit that is not USD per MW", async () => {
    await assertRejected(
      text([CLEANSPARK.replace(",USD per MW,", ",USD per kW,")]),
      (path) =>
        `${path}:2: column "unit": expected one of "USD per MW critical IT", "USD per MW gross", ` +
        '"USD per MW", found "USD per kW"',
    );
    assert.deepEqual(Object.values(UNIT_BASES), ["critical IT", "gross", "not stated"]);
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

const INPUT = new URL(`../../../shared/data/${CAPEX_POINTS_INPUT}`, import.meta.url);
const inputExists = fileExists(INPUT);

Deno.test({
  name: "building from the real input reproduces data/capex_per_mw.csv byte for byte",
  ignore: !inputExists,
  async fn() {
    const sourceDir = new URL("../../../shared/data", import.meta.url).pathname;
    const built = await buildCapexPerMw({ sourceDir, log: quiet });
    const committed = await Deno.readTextFile(
      new URL("../../data/capex_per_mw.csv", import.meta.url),
    );
    assert.equal(built.csv, committed);
    assert.equal(built.rows, 6);
    assert.match(built.sources, /01d23dd4d8ae8c95ce28a104ee2044ac37192df8d391ed8a702122cf647df8bf/);
    assert.equal((await buildCapexPerMw({ sourceDir, log: quiet })).sources, built.sources);
  },
});
