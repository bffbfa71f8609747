/**
 * Facts the committed `data/gpu_models.csv` must reproduce: figures quoted by the sources cited
 * below and in data/SOURCES.md (Epoch AI section), the gaps Epoch leaves (checked against Epoch's
 * raw file itself), the inclusion rule, and the dataset's invariants. Also the pure parser's
 * checks and the lookup by name.
 */
import assert from "node:assert/strict";
import { CsvError, parseCsv } from "./csv.ts";
import {
  compareGpuModels,
  findGpuModel,
  GPU_MODELS_SCHEMA,
  type GpuModel,
  gpuModelsFromCsv,
  loadGpuModels,
} from "./gpu_models.ts";

const models = await loadGpuModels();
const model = (name: string) => findGpuModel(models, name);
const RAW = "data/inputs/raw/epoch-ml-hardware-sr3k/ml_hardware.csv";
const rawExists = await Deno.stat(RAW).then(() => true, () => false);

Deno.test("snapshot: size, columns, order", () => {
  assert.equal(models.length, 81); // of Epoch's 170 records
  assert.deepEqual(Object.keys(models[0]!), GPU_MODELS_SCHEMA.map((c) => c.name));
  for (let i = 1; i < models.length; i++) {
    assert.ok(compareGpuModels(models[i - 1]!, models[i]!) < 0, models[i]!.name);
  }
  assert.equal(models[0]!.vendor, "AMD");
  assert.equal(models.at(-1)!.name, "Tesla D1 Dojo");
});

Deno.test("snapshot: every row has a name and a vendor, and names are unique", () => {
  for (const m of models) {
    assert.notEqual(m.name.trim(), "", JSON.stringify(m));
    assert.notEqual(m.vendor.trim(), "", m.name);
  }
  assert.equal(new Set(models.map((m) => m.name)).size, models.length);
});

Deno.test("snapshot: the data-centre accelerators analysts ask for are all present", () => {
  const wanted = [
    ["NVIDIA A100 SXM4 40 GB", "NVIDIA", "2020-05-14"],
    ["NVIDIA A100 SXM4 80 GB", "NVIDIA", "2020-11-16"],
    ["NVIDIA H100 SXM5 80GB", "NVIDIA", "2022-09-20"],
    ["NVIDIA H100 PCIe", "NVIDIA", "2022-09-20"],
    ["NVIDIA H100 NVL", "NVIDIA", "2024-03-14"],
    ["NVIDIA H200 SXM", "NVIDIA", "2024-11-18"],
    ["NVIDIA B200", "NVIDIA", "2024-11-15"],
    ["NVIDIA GB200", "NVIDIA", "2025-02-15"],
    ["NVIDIA B300 (Blackwell Ultra)", "NVIDIA", "2025-08-22"],
    ["NVIDIA GB300 (Blackwell Ultra)", "NVIDIA", "2025-08-22"],
    ["AMD Instinct MI300X", "AMD", "2023-12-06"],
    ["AMD Instinct MI325X", "AMD", "2024-10-10"],
    ["AMD Instinct MI355X", "AMD", "2025-06-12"],
    ["Google TPU v7 Ironwood", "Google", "2025-11-06"],
    ["Amazon Trainium2", "Amazon AWS", "2024-12-03"],
    ["Intel Habana Gaudi3", "Intel", "2024-09-24"],
  ] as const;
  for (const [name, vendor, date] of wanted) {
    const m = model(name);
    assert.equal(m.vendor, vendor, name);
    assert.equal(m.release_date, date, name);
  }
});

Deno.test("snapshot: power, memory and throughput (cited figures; Epoch's figures)", async (t) => {
  await t.step("H100 SXM is 700 W, PCIe 350 W [S38][S88]", () => {
    assert.equal(model("NVIDIA H100 SXM5 80GB").tdp_w, 700);
    assert.equal(model("NVIDIA H100 PCIe").tdp_w, 350);
  });
  await t.step("H200 SXM is 700 W [S38b] and B200 1000 W [S39b]", () => {
    assert.equal(model("NVIDIA H200 SXM").tdp_w, 700);
    assert.equal(model("NVIDIA B200").tdp_w, 1000);
  });
  await t.step("H100 SXM5: 80 GB (Epoch's 80000000000 bytes ÷ 1e9), 3.35 TB/s", () => {
    const h100 = model("NVIDIA H100 SXM5 80GB");
    assert.equal(h100.memory_gb, 80);
    assert.equal(h100.memory_bandwidth_tbps, 3.35);
  });
  await t.step("dense 16-bit throughput: H100 SXM5 989.4, B200 2250 TFLOP/s", () => {
    // Epoch's notes on both rows: "Listed performance figures are without sparsity."
    assert.equal(model("NVIDIA H100 SXM5 80GB").bf16_tflops, 989.4);
    assert.equal(model("NVIDIA B200").bf16_tflops, 2250);
    assert.equal(model("NVIDIA B200").fp8_tflops, 4500);
    assert.equal(model("AMD Instinct MI300X").bf16_tflops, 1307.4);
  });
  await t.step("GB200 is per GPU (186 GB, 1200 W), not per two-GPU superchip", () => {
    const gb200 = model("NVIDIA GB200");
    assert.equal(gb200.memory_gb, 186);
    assert.equal(gb200.tdp_w, 1200);
  });
});

Deno.test("snapshot: release prices quoted in SOURCES.md", async (t) => {
  await t.step("A100 SXM4 40GB 15000, H100 SXM5 33600, MI300X 15000", () => {
    assert.equal(model("NVIDIA A100 SXM4 40 GB").release_price_usd, 15_000);
    assert.equal(model("NVIDIA H100 SXM5 80GB").release_price_usd, 33_600);
    assert.equal(model("AMD Instinct MI300X").release_price_usd, 15_000);
  });
  await t.step("the H100 price source says it is no official MSRP", () => {
    assert.match(model("NVIDIA H100 SXM5 80GB").price_source, /^No official MSRP\. Industry/);
  });
  await t.step("B200, H200, B300, GB200 (and GB300) have no price", () => {
    for (
      const name of [
        "NVIDIA B200",
        "NVIDIA H200 SXM",
        "NVIDIA B300 (Blackwell Ultra)",
        "NVIDIA GB200",
        "NVIDIA GB300 (Blackwell Ultra)",
      ]
    ) {
      assert.ok(Number.isNaN(model(name).release_price_usd), name);
      assert.equal(model(name).price_source, "", name);
    }
  });
  await t.step("10 rows have a price", () => {
    assert.equal(models.filter((m) => !Number.isNaN(m.release_price_usd)).length, 10);
  });
});

Deno.test("snapshot: H200 SXM lacks memory size and FP8, as in Epoch's raw file", {
  ignore: !rawExists,
}, async () => {
  const h200 = model("NVIDIA H200 SXM");
  assert.ok(Number.isNaN(h200.memory_gb));
  assert.ok(Number.isNaN(h200.fp8_tflops));
  assert.equal(h200.memory_bandwidth_tbps, 4.8);
  // The raw file itself, read independently of the builder.
  const schema = [
    { name: "Hardware name", type: "string" },
    { name: "Memory size per board (Byte)", type: "string", optional: true },
    { name: "FP8 performance (FLOP/s)", type: "string", optional: true },
    { name: "Memory bandwidth (byte/s)", type: "string", optional: true },
  ] as const;
  const raw = parseCsv(await Deno.readTextFile(RAW), schema, { header: "subset" }).columns;
  const i = raw["Hardware name"].indexOf("NVIDIA H200 SXM");
  assert.notEqual(i, -1);
  assert.equal(raw["Memory size per board (Byte)"][i], "");
  assert.equal(raw["FP8 performance (FLOP/s)"][i], "");
  assert.equal(raw["Memory bandwidth (byte/s)"][i], "4800000000000.0");
  // The H100 rows lack FP8 in Epoch too.
  for (const name of ["NVIDIA H100 SXM5 80GB", "NVIDIA H100 PCIe", "NVIDIA H100 NVL"]) {
    assert.equal(raw["FP8 performance (FLOP/s)"][raw["Hardware name"].indexOf(name)], "", name);
    assert.ok(Number.isNaN(model(name).fp8_tflops), name);
  }
});

Deno.test("snapshot: the inclusion rule", async (t) => {
  await t.step("nothing released before 2020", () => {
    assert.ok(models.every((m) => m.release_date >= "2020"));
    assert.equal(models.some((m) => m.name.startsWith("NVIDIA Tesla V100")), false);
  });
  await t.step("no consumer or workstation card, except the one Epoch calls data centre", () => {
    const consumer = models.filter((m) => /GeForce|TITAN|Quadro|RTX|Radeon RX/i.test(m.name));
    assert.deepEqual(consumer.map((m) => m.name), ["NVIDIA RTX 6000 Ada Generation"]);
  });
  await t.step("no row without a manufacturer (Groq has none in Epoch)", () => {
    assert.equal(models.some((m) => m.name.startsWith("GroqChip")), false);
  });
});

Deno.test("snapshot: every number is finite and positive, or blank", () => {
  const numeric = [
    "tdp_w",
    "memory_gb",
    "memory_bandwidth_tbps",
    "bf16_tflops",
    "fp8_tflops",
    "release_price_usd",
  ] as const;
  assert.deepEqual(
    GPU_MODELS_SCHEMA.filter((c) => c.type === "number").map((c) => c.name),
    [...numeric],
  );
  for (const column of numeric) {
    for (const m of models) {
      const v: number = m[column];
      assert.ok(Number.isNaN(v) || (Number.isFinite(v) && v > 0), `${m.name} ${column}: ${v}`);
    }
  }
  assert.ok(Object.isFrozen(models[0]));
});

Deno.test("findGpuModel", async (t) => {
  await t.step("an exact name, any case, or words of exactly one name", () => {
    assert.equal(model("NVIDIA H100 SXM5 80GB").tdp_w, 700);
    assert.equal(model("nvidia h100 sxm5 80gb").name, "NVIDIA H100 SXM5 80GB");
    assert.equal(model("H100 SXM5").name, "NVIDIA H100 SXM5 80GB");
    assert.equal(model("MI300X").name, "AMD Instinct MI300X");
    assert.equal(model("B200").name, "NVIDIA B200"); // not GB200: words, not substrings
  });
  await t.step("several matches: a RangeError listing them", () => {
    assert.throws(
      () => model("H100"),
      (e) =>
        e instanceof RangeError &&
        e.message ===
          'Cannot find GPU model "H100": it matches 3 names: "NVIDIA H100 PCIe", ' +
            '"NVIDIA H100 SXM5 80GB", "NVIDIA H100 NVL"; pass one of them',
    );
  });
  await t.step("no match: a RangeError listing near names", () => {
    assert.throws(
      () => model("H100 SXM"),
      (e) =>
        e instanceof RangeError &&
        e.message.startsWith(
          'Cannot find GPU model "H100 SXM" among 81 models; near names: "NVIDIA H100 SXM5 80GB"',
        ),
    );
    assert.throws(() => model("L20 PCIe"), /near names: "NVIDIA L20 PCle"/);
    assert.throws(() => model("  "), /the name is empty/);
  });
});

const HEADER = GPU_MODELS_SCHEMA.map((c) => c.name).join(",");
const ROWS = {
  amd: "AMD Instinct MI300X,AMD,2023-12-06,750,192,5.3,1307.4,,15000,https://example.com/mi300x",
  h100: "NVIDIA H100 SXM5 80GB,NVIDIA,2022-09-20,700,80,3.35,989.4,,33600,",
  b200: "NVIDIA B200,NVIDIA,2024-11-15,1000,180,7.7,2250,4500,,",
};
const csv = (...rows: string[]) => [HEADER, ...rows].join("\n") + "\n";

Deno.test("gpuModelsFromCsv checks dates, names and order", async (t) => {
  await t.step("a valid file", () => {
    const parsed: GpuModel[] = gpuModelsFromCsv(csv(ROWS.amd, ROWS.h100, ROWS.b200));
    assert.deepEqual(parsed.map((m) => m.name), [
      "AMD Instinct MI300X",
      "NVIDIA H100 SXM5 80GB",
      "NVIDIA B200",
    ]);
    assert.equal(parsed[0]!.price_source, "https://example.com/mi300x");
    assert.ok(Number.isNaN(parsed[2]!.release_price_usd));
  });
  await t.step("a month or a year is a release date; anything else is not", () => {
    const partial = gpuModelsFromCsv(csv(ROWS.h100.replace("2022-09-20", "2022-09"), ROWS.b200));
    assert.equal(partial[0]!.release_date, "2022-09");
    assert.throws(
      () => gpuModelsFromCsv(csv(ROWS.amd, ROWS.h100.replace("2022-09-20", "Sep 2022"))),
      (e) =>
        e instanceof CsvError &&
        e.message ===
          'data/gpu_models.csv:3: column "release_date": expected YYYY, YYYY-MM or ' +
            'YYYY-MM-DD, found "Sep 2022"',
    );
  });
  await t.step("a repeated name", () => {
    assert.throws(
      () => gpuModelsFromCsv(csv(ROWS.h100, ROWS.h100), { file: "t.csv" }),
      (e) =>
        e instanceof CsvError &&
        e.message ===
          't.csv:3: column "name": "NVIDIA H100 SXM5 80GB" repeats line 2; expected one row per name',
    );
  });
  await t.step("rows out of order", () => {
    assert.throws(
      () => gpuModelsFromCsv(csv(ROWS.b200, ROWS.h100), { file: "t.csv" }),
      (e) =>
        e instanceof CsvError &&
        e.message ===
          't.csv:3: column "name": ("NVIDIA", "2022-09-20", "NVIDIA H100 SXM5 80GB") follows ' +
            '("NVIDIA", "2024-11-15", "NVIDIA B200") of line 2; expected rows sorted by vendor, ' +
            "then release_date, then name",
    );
  });
  await t.step("a missing vendor and a negative TDP", () => {
    assert.throws(
      () => gpuModelsFromCsv(csv(ROWS.h100.replace(",NVIDIA,", ",,"))),
      /:2: column "vendor": expected text, found an empty cell/,
    );
    assert.throws(
      () => gpuModelsFromCsv(csv(ROWS.h100.replace(",700,", ",-700,"))),
      /:2: column "tdp_w": expected a value of at least 0, found "-700"/,
    );
  });
});

Deno.test("loadGpuModels names the file it was given in errors", async () => {
  const dir = await Deno.makeTempDir({ dir: "/tmp", prefix: "mullet_gpu_models_" });
  try {
    const path = `${dir}/broken.csv`;
    const original = await Deno.readTextFile(new URL("../../data/gpu_models.csv", import.meta.url));
    const lines = original.split("\n");
    const at = lines.findIndex((l) => l.startsWith("NVIDIA H100 SXM5 80GB,"));
    lines[at] = lines[at]!.replace(",700,", ",seven hundred,");
    await Deno.writeTextFile(path, lines.join("\n"));
    await assert.rejects(
      () => loadGpuModels(path),
      (e) =>
        e instanceof CsvError &&
        e.message ===
          `${path}:${at + 1}: column "tdp_w": expected a number, found "seven hundred"`,
    );
    await assert.rejects(
      () => loadGpuModels(new URL(`file://${path}`)),
      (e) => e instanceof CsvError && e.message.startsWith(`${path}:${at + 1}: column "tdp_w"`),
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
