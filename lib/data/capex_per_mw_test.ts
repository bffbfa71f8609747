/**
 * Facts the committed `data/capex_per_mw.csv` must hold, each from its cited page: TeraWulf's
 * $8–10M per critical-IT MW (Blockspace), Cipher's $9–11M (coa.news, 2025-09-25) and $9–10M
 * (its expansion), CleanSpark's Georgia mines at about $430k/MW ($25.8M for 60 MW, PANews), the
 * Aligned deal at about $8M/MW and Bernstein's $3M/MW multiple. Also the parser's rejections.
 */
import assert from "node:assert/strict";
import {
  CAPEX_METRICS,
  CAPEX_PER_MW_SCHEMA,
  type CapexPerMw,
  capexPerMwFromCsv,
  loadCapexPerMw,
  MW_BASES,
} from "./capex_per_mw.ts";
import { CsvError } from "./csv.ts";

const capex = await loadCapexPerMw();

function subject(prefix: string): CapexPerMw {
  const found = capex.filter((c) => c.subject.startsWith(prefix));
  assert.equal(found.length, 1, `${prefix}: ${found.length} rows`);
  return found[0]!;
}

function range(row: CapexPerMw): [number, number, number] {
  return [row.low_usd_per_mw, row.high_usd_per_mw, row.mid_usd_per_mw];
}

Deno.test("capex_per_mw: rows and categories", () => {
  assert.equal(capex.length, 6);
  assert.deepEqual(capex.map((c) => c.metric), [
    "build cost",
    "build cost",
    "build cost",
    "acquisition price",
    "acquisition price",
    "valuation",
  ]);
  // Bernstein's "Mullet" definition has no number: not a per-MW row.
  assert.equal(capex.filter((c) => /mullet/i.test(c.subject)).length, 0);
});

Deno.test("capex_per_mw: TeraWulf builds at $8–10M per critical-IT MW (mid 9M)", () => {
  const terawulf = subject("TeraWulf Lake Mariner");
  assert.deepEqual(range(terawulf), [8e6, 10e6, 9e6]);
  assert.equal(terawulf.metric, "build cost");
  assert.equal(terawulf.mw_basis, "critical IT");
  assert.match(terawulf.figure_as_stated, /\$8–\$10 million per MW/);
});

Deno.test("capex_per_mw: Cipher builds at $9–11M and $9–10M per critical-IT MW", () => {
  const barberLake = subject("Cipher Barber Lake HPC");
  assert.deepEqual(range(barberLake), [9e6, 11e6, 10e6]);
  assert.equal(barberLake.mw_basis, "critical IT");
  assert.equal(barberLake.source_date, "2025-09-25");
  assert.deepEqual(range(subject("Cipher Barber Lake expansion")), [9e6, 10e6, 9.5e6]);
});

Deno.test("capex_per_mw: CleanSpark bought Georgia mines at about $430k/MW", () => {
  const cleanspark = subject("CleanSpark Georgia");
  assert.deepEqual(range(cleanspark), [430_000, 430_000, 430_000]);
  assert.equal(cleanspark.metric, "acquisition price");
  assert.equal(cleanspark.mw_basis, "not stated");
  // The page: $25.8 million for 60 MW.
  assert.equal(25.8e6 / 60, cleanspark.mid_usd_per_mw);
});

Deno.test("capex_per_mw: the Aligned deal (~$8M/MW) and Bernstein's $3M/MW multiple", () => {
  const aligned = subject("Aligned Data Centers");
  assert.deepEqual(range(aligned), [8e6, 8e6, 8e6]);
  assert.equal(aligned.metric, "acquisition price");
  assert.match(aligned.notes, /^stated metric: AI data center valuation per MW/);
  const bernstein = subject("Bernstein valuation");
  assert.deepEqual(range(bernstein), [3e6, 3e6, 3e6]);
  assert.equal(bernstein.metric, "valuation");
});

Deno.test("capex_per_mw: invariants", () => {
  for (const c of capex) {
    assert.ok(c.low_usd_per_mw > 0 && c.low_usd_per_mw <= c.high_usd_per_mw, c.subject);
    assert.equal(c.mid_usd_per_mw, (c.low_usd_per_mw + c.high_usd_per_mw) / 2, c.subject);
    assert.ok((CAPEX_METRICS as readonly string[]).includes(c.metric));
    assert.ok((MW_BASES as readonly string[]).includes(c.mw_basis));
    assert.match(c.source_url, /^https:\/\//);
  }
});

const HEADER = CAPEX_PER_MW_SCHEMA.map((c) => c.name).join(",");
const ROW =
  "TeraWulf HPC,build cost,8000000,10000000,9000000,critical IT,$8–$10M per MW,https://x,X,,";

function rejects(rows: string[], message: string): void {
  assert.throws(
    () => capexPerMwFromCsv([HEADER, ...rows].join("\n") + "\n", { file: "c.csv" }),
    (e) => e instanceof CsvError && e.message === message,
  );
}

Deno.test("capexPerMwFromCsv rejects broken tables", async (t) => {
  await t.step("low above high", () => {
    rejects(
      [ROW.replace("8000000,10000000,9000000", "10000000,8000000,9000000")],
      'c.csv:2: column "high_usd_per_mw": expected at least low_usd_per_mw 10000000, found 8000000',
    );
  });
  await t.step("a mid that is not the midpoint", () => {
    rejects(
      [ROW.replace(",9000000,", ",9500000,")],
      'c.csv:2: column "mid_usd_per_mw": expected (low + high) ÷ 2 = 9000000, found 9500000',
    );
  });
  await t.step("a non-numeric bound", () => {
    rejects(
      [ROW.replace(",8000000,", ",8M,")],
      'c.csv:2: column "low_usd_per_mw": expected a number, found "8M"',
    );
  });
  await t.step("an unknown metric or basis", () => {
    rejects(
      [ROW.replace("build cost", "capex")],
      'c.csv:2: column "metric": expected one of "build cost", "acquisition price", ' +
        '"valuation", found "capex"',
    );
    rejects(
      [ROW.replace("critical IT", "IT")],
      'c.csv:2: column "mw_basis": expected one of "critical IT", "gross", "not stated", ' +
        'found "IT"',
    );
  });
  await t.step("a subject repeating a metric", () => {
    rejects(
      [ROW, ROW],
      'c.csv:3: column "subject": "TeraWulf HPC" repeats line 2 for metric "build cost"',
    );
  });
});

Deno.test("loadCapexPerMw names the file it was given in errors", async () => {
  const dir = await Deno.makeTempDir({ dir: "/tmp", prefix: "mullet_capex_" });
  try {
    const path = `${dir}/capex.csv`;
    await Deno.writeTextFile(path, `${HEADER}\n${ROW.replace(",8000000,", ",0,")}\n`);
    await assert.rejects(
      () => loadCapexPerMw(path),
      (e) =>
        e instanceof CsvError &&
        e.message === `${path}:2: column "low_usd_per_mw": expected a positive number, found "0"`,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
