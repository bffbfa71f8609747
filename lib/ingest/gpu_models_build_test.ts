/**
 * Building `data/gpu_models.csv` from Epoch AI's table: the inclusion rule and unit conversions
 * on a small fixture, every malformed input giving an error that names Epoch's file, the
 * physical line (after rows with embedded newlines), the column, the value and what was
 * expected; and, where the real input is present, a byte-for-byte rebuild of the committed file.
 */
import assert from "node:assert/strict";
import { parseCsv } from "../data/csv.ts";
import { buildGpuModels, EPOCH_ML_HARDWARE } from "./gpu_models_build.ts";
import { gpuModelsFromCsv } from "../data/gpu_models.ts";
import { sourceFixture } from "./_testing.ts";

const HEADER = "Hardware name,Manufacturer,Type,Notes,Release date,Release price (USD)," +
  "Memory size per board (Byte),Memory bandwidth (byte/s)," +
  "Tensor-FP16/BF16 performance (FLOP/s),TDP (W),Source for the price,Last modified," +
  "FP8 performance (FLOP/s)";

// Physical lines: header 1, B200 2-4 (newlines in Notes), H100 5-7 (newlines in the price
// source), RTX 4090 8, MI300X 9, V100 10, Groq 11, Rubin CPX 12, RTX 6000 Ada 13.
const ROWS = {
  b200: 'NVIDIA B200,NVIDIA,GPU,"Listed performance figures\nare without\nsparsity.",' +
    "2024-11-15,,180000000000.0,7700000000000.0,2250000000000000.0,1000.0,," +
    "2025-06-01 10:00:00+00:00,4500000000000000.0",
  h100: "NVIDIA H100 SXM5 80GB,NVIDIA,GPU,,2022-09-20,33600.0,80000000000.0,3350000000000.0," +
    '989400000000000.0,700.0,"No official MSRP. \n\nIndustry analyst",' +
    "2025-01-01 00:00:00+00:00,",
  rtx4090: "NVIDIA GeForce RTX 4090,NVIDIA,GPU,,2022-09-20,1599.0,24000000000.0," +
    "1008000000000.0,330000000000000.0,450.0,,,",
  mi300x: "AMD Instinct MI300X,AMD,GPU,,2023-12-06,15000.0,192000000000.0,5300000000000.0," +
    "1307400000000000.0,750.0,https://example.com/mi300x,,",
  v100: "NVIDIA V100,NVIDIA,GPU,,2017-06-21,,,897000000000.0,125000000000000.0,300.0,,,",
  groq: "GroqChip LPU v1,,LPU,,2022-10-15,,230000000.0,80000000000000.0,,215.0,,,",
  rubin: "NVIDIA Rubin CPX,NVIDIA,GPU,,,,128000000000.0,,,,,,",
  rtx6000: 'NVIDIA RTX 6000 Ada Generation,NVIDIA,GPU,"NVIDIA does not market this product for ' +
    'use in a datacenter, but the company describes it as a data center product",2022-12-03,' +
    "6799.0,,,,,,,729000000000000.0",
};
const ALL = Object.values(ROWS);
const fixture = (rows: readonly string[] = ALL) => [HEADER, ...rows].join("\n") + "\n";

const EXPECTED_CSV = [
  "name,vendor,release_date,tdp_w,memory_gb,memory_bandwidth_tbps,bf16_tflops,fp8_tflops," +
  "release_price_usd,price_source",
  "AMD Instinct MI300X,AMD,2023-12-06,750,192,5.3,1307.4,,15000,https://example.com/mi300x",
  "NVIDIA H100 SXM5 80GB,NVIDIA,2022-09-20,700,80,3.35,989.4,,33600,No official MSRP. Industry analyst",
  "NVIDIA RTX 6000 Ada Generation,NVIDIA,2022-12-03,,,,,729,6799,",
  "NVIDIA B200,NVIDIA,2024-11-15,1000,180,7.7,2250,4500,,",
  "",
].join("\n");

const build = (sourceDir: string) => buildGpuModels({ sourceDir, log: () => {} });

/** Source folders holding `text` as Epoch's table; failures must be a CsvError naming the path. */
const { withSource, assertRejected: rejectsWith, assertMissingInput } = sourceFixture({
  input: EPOCH_ML_HARDWARE,
  prefix: "mullet_gpu_models_build_",
  build,
});

Deno.test("buildGpuModels on a fixture: rule, units, order, SOURCES section", async (t) => {
  await withSource(fixture(), async (dir) => {
    const before = [...Deno.readDirSync(dir)].map((e) => e.name);
    const built = await build(dir);
    await t.step("the CSV: kept rows, converted units, sorted", () => {
      assert.equal(built.file, "gpu_models.csv");
      assert.equal(built.csv, EXPECTED_CSV);
      assert.equal(built.rows, 4);
      assert.equal(gpuModelsFromCsv(built.csv).length, 4);
    });
    await t.step("the SOURCES section names what was left out and why", () => {
      assert.match(built.sources, /^## `gpu_models\.csv`: /);
      assert.match(
        built.sources,
        /Retrieved from\n {2}https:\/\/epoch\.ai\/data\/machine-learning-hardware"/,
      );
      assert.match(built.sources, /CC BY 4\.0/);
      assert.match(
        built.sources,
        /\*\*Rows:\*\* 4 of Epoch's 8; release dates 2022-09-20 \.\. 2024-11-15/,
      );
      assert.match(built.sources, /last modified up to 2025-06-01/);
      assert.match(
        built.sources,
        /1 older rows, and rows without a release date: "NVIDIA Rubin CPX"/,
      );
      assert.match(built.sources, /Left out: "NVIDIA GeForce RTX 4090"\./);
      assert.match(built.sources, /Left out:\n {5}"GroqChip LPU v1"\./);
      assert.match(built.sources, /\| `raw\/epoch-ml-hardware-sr3k\/ml_hardware\.csv` \| Epoch AI/);
      assert.match(built.sources, /### Rebuild\n\n`deno task data`\n$/);
    });
    await t.step("nothing is written", () => {
      assert.deepEqual([...Deno.readDirSync(dir)].map((e) => e.name), before);
    });
  });
});

Deno.test("buildGpuModels keeps a month or a year as Epoch gives it", async () => {
  const rows = [
    ROWS.b200.replace("2024-11-15", "2024-11"),
    ROWS.mi300x.replace("2023-12-06", "2020"), // a bare 2020 is in 2020, so kept
  ];
  await withSource(fixture(rows), async (dir) => {
    const models = gpuModelsFromCsv((await build(dir)).csv);
    assert.deepEqual(models.map((m) => [m.name, m.release_date]), [
      ["AMD Instinct MI300X", "2020"],
      ["NVIDIA B200", "2024-11"],
    ]);
  });
});

Deno.test("buildGpuModels rejects bad inputs with file, line, column, value", async (t) => {
  await t.step("a renamed required column", async () => {
    await rejectsWith(
      fixture().replace(",TDP (W),", ",TDP (Watts),"),
      (path) =>
        `${path}:1: header does not match the schema: missing "TDP (W)". Expected columns: ` +
        "Hardware name,Manufacturer,Notes,Release date,Release price (USD),TDP (W)," +
        "Memory size per board (Byte),Memory bandwidth (byte/s)," +
        "Tensor-FP16/BF16 performance (FLOP/s),FP8 performance (FLOP/s),Source for the price," +
        "Last modified",
    );
  });
  await t.step("a non-numeric TDP, on its physical line after embedded newlines", async () => {
    await rejectsWith(
      fixture(ALL.map((r) => r === ROWS.mi300x ? r.replace(",750.0,", ",750 W,") : r)),
      (path) => `${path}:9: column "TDP (W)": expected a number, found "750 W"`,
    );
  });
  await t.step("a negative memory size", async () => {
    await rejectsWith(
      fixture(ALL.map((r) => r.replace(",80000000000.0,", ",-80000000000.0,"))),
      (path) =>
        `${path}:5: column "Memory size per board (Byte)": expected a positive number, ` +
        `found "-80000000000.0"`,
    );
  });
  await t.step("a memory size in GB rather than bytes", async () => {
    await rejectsWith(
      fixture(ALL.map((r) => r.replace(",192000000000.0,", ",192,"))),
      (path) =>
        `${path}:9: column "Memory size per board (Byte)": expected at least 1000000 bytes ` +
        `(is it in another unit?), found "192"`,
    );
  });
  await t.step("an unparseable release date", async () => {
    await rejectsWith(
      fixture(ALL.map((r) => r.replace("2023-12-06", "06/12/2023"))),
      (path) =>
        `${path}:9: column "Release date": expected a date YYYY-MM-DD (or YYYY-MM or YYYY), ` +
        `found "06/12/2023"`,
    );
  });
  await t.step("an impossible calendar date", async () => {
    await rejectsWith(
      fixture(ALL.map((r) => r.replace("2024-11-15", "2024-11-31"))),
      (path) =>
        `${path}:2: column "Release date": expected a date YYYY-MM-DD (or YYYY-MM or YYYY), ` +
        `found "2024-11-31"`,
    );
  });
  await t.step("a price in words", async () => {
    await rejectsWith(
      fixture(ALL.map((r) => r.replace(",15000.0,", ",about 15k,"))),
      (path) => `${path}:9: column "Release price (USD)": expected a number, found "about 15k"`,
    );
  });
  await t.step("a repeated name", async () => {
    await rejectsWith(
      fixture([...ALL, ROWS.b200]),
      (path) => `${path}:14: column "Hardware name": "NVIDIA B200" repeats line 2`,
    );
  });
  await t.step("a row without a name", async () => {
    await rejectsWith(
      fixture([ROWS.b200, ROWS.mi300x.replace("AMD Instinct MI300X", "")]),
      (path) =>
        `${path}:5: column "Hardware name": expected the hardware's name, found an empty cell`,
    );
  });
  await t.step("a row with too few fields", async () => {
    await rejectsWith(
      fixture([ROWS.b200, "AMD Instinct MI300X,AMD,GPU"]),
      (path) => `${path}:5: expected 13 fields as in the header, found 3`,
    );
  });
  await t.step("an empty file", async () => {
    await rejectsWith("", (path) => `${path}: the file is empty`);
  });
  await t.step("a header-only file", async () => {
    await rejectsWith(HEADER + "\n", (path) => `${path}:1: the file has a header but no rows`);
  });
  await t.step("no row passing the inclusion rule", async () => {
    await rejectsWith(
      fixture([ROWS.v100, ROWS.rtx4090, ROWS.groq]),
      (path) => `${path}: no row is a data-centre accelerator released in 2020 or later`,
    );
  });
  await t.step("a missing input file", async () => {
    await assertMissingInput();
  });
});

const SHARED = "data/inputs"; // the committed public inputs
const REAL = `${SHARED}/${EPOCH_ML_HARDWARE}`;
const realExists = await Deno.stat(REAL).then(() => true, () => false);

Deno.test("buildGpuModels reproduces data/gpu_models.csv from Epoch's table", {
  ignore: !realExists,
}, async () => {
  const built = await build(SHARED);
  const committed = await Deno.readTextFile(new URL("../../data/gpu_models.csv", import.meta.url));
  assert.equal(built.csv, committed);
  assert.equal(built.rows, 81);
  assert.match(
    built.sources,
    /\| 90063 \| `4588188a9df55d5a8021dd36bef144957884d94a8badbe5ab712bff485a9e95a` \|/,
  );
  assert.match(
    built.sources,
    /\*\*Rows:\*\* 81 of Epoch's 170; release dates 2020-01-01 \.\. 2025-12-02/,
  );
  // Deterministic: a second build is identical.
  assert.deepEqual(await build(SHARED), built);
});

Deno.test("a bad TDP in Epoch's real table is named at its physical line", {
  ignore: !realExists,
}, async () => {
  const text = await Deno.readTextFile(REAL);
  const lines = text.split("\n");
  const at = lines.findIndex((l) => l.startsWith("NVIDIA H100 SXM5 80GB,"));
  // Embedded newlines in earlier records put the H100 on line 88 of the file, well below its
  // record number: counting records instead of lines would name the wrong line.
  assert.equal(at + 1, 88);
  const names = parseCsv(text, [{ name: "Hardware name", type: "string" }] as const, {
    header: "subset",
  })
    .columns["Hardware name"];
  assert.equal(names.indexOf("NVIDIA H100 SXM5 80GB") + 2, 56); // header + 55th record
  lines[at] = lines[at]!.replace(",814.0,700.0,", ",814.0,700 W,");
  assert.notEqual(lines[at], text.split("\n")[at]);
  await rejectsWith(
    lines.join("\n"),
    (path) => `${path}:88: column "TDP (W)": expected a number, found "700 W"`,
  );
});
