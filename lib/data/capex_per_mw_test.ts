/**
 * Facts the committed `data/capex_per_mw.csv` must hold, each from its cited page: TeraWulf's
 * $8–10M per critical-IT MW (Blockspace; again for Abernathy, Stock Titan 2025-10-28), Cipher's
 * $9–11M (coa.news, 2025-09-25) and $9–10M (its expansion), Riot's Rockdale retrofit at ~$3.6M
 * per critical-IT MW ($89.8M for 25 MW, Stock Titan 2026-01-16), Bitfarms' Moses Lake
 * conversion at $128M ÷ 18 gross MW (Pulse24), CoreWeave's $9B for Core Scientific's 1.3 GW
 * gross (Dow Jones), mining sites at $200–460k/MW, CleanSpark's Georgia mines at about
 * $430k/MW ($25.8M for 60 MW, PANews), the Aligned deal at about $8M/MW and Bernstein's $3M/MW
 * multiple. Also what the notebooks read, and the parser's rejections.
 */
import assert from "node:assert/strict";
import {
  CAPEX_ASSETS,
  CAPEX_METRICS,
  CAPEX_PER_MW_SCHEMA,
  type CapexPerMw,
  capexPerMwFromCsv,
  loadCapexPerMw,
  MW_BASES,
  PER_MW_ORIGINS,
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

function count(rows: readonly CapexPerMw[], key: "metric" | "asset" | "per_mw") {
  const counts: Record<string, number> = {};
  for (const row of rows) counts[row[key]] = (counts[row[key]] ?? 0) + 1;
  return counts;
}

Deno.test("capex_per_mw: rows and categories", () => {
  assert.equal(capex.length, 20);
  assert.deepEqual(count(capex, "metric"), {
    "build cost": 10,
    "retrofit cost": 4,
    "acquisition price": 5,
    "valuation": 1,
  });
  assert.deepEqual(count(capex, "asset"), {
    "AI/HPC": 13,
    "bitcoin mining": 6,
    "mining and HPC": 1,
  });
  assert.deepEqual(count(capex, "per_mw"), { "as stated": 13, "cost ÷ MW": 7 });
  // Bernstein's "Mullet" definition has no number; HIVE's Toronto campus is in CAD.
  assert.equal(capex.filter((c) => /mullet|HIVE \/ BUZZ/i.test(c.subject)).length, 0);
});

Deno.test("capex_per_mw: TeraWulf builds at $8–10M per critical-IT MW (mid 9M), twice", () => {
  const terawulf = subject("TeraWulf Lake Mariner");
  assert.deepEqual(range(terawulf), [8e6, 10e6, 9e6]);
  assert.equal(terawulf.metric, "build cost");
  assert.equal(terawulf.mw_basis, "critical IT");
  assert.match(terawulf.figure_as_stated, /\$8–\$10 million per MW/);
  const abernathy = subject("TeraWulf Abernathy");
  assert.deepEqual(range(abernathy), [8e6, 10e6, 9e6]);
  assert.equal(abernathy.source_date, "2025-10-28");
});

Deno.test("capex_per_mw: Cipher builds at $9–11M and $9–10M per critical-IT MW", () => {
  const barberLake = subject("Cipher Barber Lake HPC");
  assert.deepEqual(range(barberLake), [9e6, 11e6, 10e6]);
  assert.equal(barberLake.mw_basis, "critical IT");
  assert.equal(barberLake.source_date, "2025-09-25");
  assert.deepEqual(range(subject("Cipher Barber Lake expansion")), [9e6, 10e6, 9.5e6]);
});

Deno.test("capex_per_mw: Riot retrofits Rockdale at ~$3.6M per critical-IT MW, as stated", () => {
  const riot = subject("Riot Rockdale retrofit");
  assert.deepEqual(range(riot), [3.6e6, 3.6e6, 3.6e6]);
  assert.equal(riot.metric, "retrofit cost");
  assert.equal(riot.mw_basis, "critical IT");
  assert.equal(riot.per_mw, "as stated");
  assert.equal(riot.source_date, "2026-01-16");
  // The release: $89.8 million for 25 MW, "~$3.6M per MW".
  assert.ok(Math.abs(89.8e6 / 25 / riot.mid_usd_per_mw - 1) < 0.005);
});

Deno.test("capex_per_mw: figures derived as cost ÷ MW keep their MW basis", () => {
  const bitfarms = subject("Bitfarms Washington");
  assert.equal(bitfarms.metric, "retrofit cost");
  assert.equal(bitfarms.mw_basis, "gross");
  assert.equal(bitfarms.per_mw, "cost ÷ MW");
  assert.equal(bitfarms.mid_usd_per_mw, Math.round(128e6 / 18));
  const hyperscale = subject("Hyperscale Data Michigan");
  assert.deepEqual(range(hyperscale), [5e6, 6e6, 5.5e6]); // $100–120M ÷ 20 MW
  assert.equal(hyperscale.mw_basis, "critical IT");
  const coreweave = subject("CoreWeave - Core Scientific");
  assert.equal(coreweave.mid_usd_per_mw, Math.round(9e9 / 1300)); // $9B ÷ 1.3 GW gross
  assert.equal(coreweave.metric, "acquisition price");
  assert.equal(coreweave.asset, "mining and HPC");
  assert.equal(coreweave.mw_basis, "gross");
  const applied = subject("Applied Digital Polaris Forge 2");
  assert.equal(applied.mid_usd_per_mw, Math.round(3e9 / 280));
  assert.equal(applied.mw_basis, "not stated"); // 280 MW campus, 200 MW critical IT leased
  for (const c of capex.filter((c) => c.per_mw === "cost ÷ MW")) {
    assert.match(c.notes, /value DERIVED/, c.subject);
  }
});

Deno.test("capex_per_mw: IREN Horizon 1 keeps both sources' figures", () => {
  const iren = capex.filter((c) => c.subject === "IREN Horizon 1 (Childress)");
  assert.deepEqual(iren.map(range), [[4e6, 4666667, 4333333.5], [6e6, 7e6, 6.5e6]]);
  assert.deepEqual(iren.map((c) => c.per_mw), ["cost ÷ MW", "as stated"]);
  assert.ok(iren.every((c) => c.metric === "build cost" && c.mw_basis === "not stated"));
});

Deno.test("capex_per_mw: mining sites cost $200–460k per MW", () => {
  const mines = capex.filter((c) => c.asset === "bitcoin mining");
  assert.deepEqual(
    mines.map((c) => [c.metric, c.mid_usd_per_mw]),
    [
      ["acquisition price", 430_000],
      ["build cost", 400_000],
      ["build cost", 275_000],
      ["build cost", 200_000],
      ["acquisition price", 436_500],
      ["acquisition price", 300_000],
    ],
  );
  const cleanspark = subject("CleanSpark Georgia");
  assert.equal(cleanspark.mw_basis, "not stated");
  // The page: $25.8 million for 60 MW.
  assert.equal(25.8e6 / 60, cleanspark.mid_usd_per_mw);
  assert.equal(subject("MARA acquisition").mid_usd_per_mw, 87.3e6 / 200);
  assert.match(subject("Hut 8 Salt Creek").notes, /stated unit: USD per MW \(upper bound\)/);
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

Deno.test("capex_per_mw: what notebooks 02, 03 and 06 read", () => {
  // Their build cost: metric "build cost" on critical IT; retrofits and mines stay out.
  const builds = capex.filter((r) => r.metric === "build cost" && r.mw_basis === "critical IT");
  assert.deepEqual(builds.map((r) => r.subject.split(" (")[0]), [
    "TeraWulf Lake Mariner HPC",
    "Cipher Barber Lake HPC",
    "Cipher Barber Lake expansion",
    "TeraWulf Abernathy JV",
  ]);
  assert.ok(builds.every((r) => r.asset === "AI/HPC"));
  const mids = builds.map((r) => r.mid_usd_per_mw).toSorted((a, b) => a - b);
  assert.equal((mids[1]! + mids[2]!) / 2, 9.25e6); // the median
  // Notebook 02's mine: the first bitcoin-mine acquisition price.
  const mine = capex.find((r) =>
    r.metric === "acquisition price" && /bitcoin min/i.test(r.subject)
  );
  assert.equal(mine?.subject, "CleanSpark Georgia bitcoin mines acquisition");
});

Deno.test("capex_per_mw: invariants", () => {
  for (const c of capex) {
    assert.ok(c.low_usd_per_mw > 0 && c.low_usd_per_mw <= c.high_usd_per_mw, c.subject);
    assert.equal(c.mid_usd_per_mw, (c.low_usd_per_mw + c.high_usd_per_mw) / 2, c.subject);
    assert.ok((CAPEX_METRICS as readonly string[]).includes(c.metric));
    assert.ok((CAPEX_ASSETS as readonly string[]).includes(c.asset));
    assert.ok((MW_BASES as readonly string[]).includes(c.mw_basis));
    assert.ok((PER_MW_ORIGINS as readonly string[]).includes(c.per_mw));
    assert.match(c.source_url, /^https:\/\//);
    assert.match(c.notes, /^stated metric: .*; stated unit: /);
  }
});

const HEADER = CAPEX_PER_MW_SCHEMA.map((c) => c.name).join(",");
const ROW = "TeraWulf HPC,build cost,AI/HPC,8000000,10000000,9000000,critical IT,as stated," +
  "$8–$10M per MW,https://x,X,,";

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
  await t.step("an unknown metric, asset, basis or origin", () => {
    rejects(
      [ROW.replace("build cost", "capex")],
      'c.csv:2: column "metric": expected one of "build cost", "retrofit cost", ' +
        '"acquisition price", "valuation", found "capex"',
    );
    rejects(
      [ROW.replace("AI/HPC", "HPC")],
      'c.csv:2: column "asset": expected one of "AI/HPC", "bitcoin mining", "mining and HPC", ' +
        'found "HPC"',
    );
    rejects(
      [ROW.replace("as stated", "derived")],
      'c.csv:2: column "per_mw": expected one of "as stated", "cost ÷ MW", found "derived"',
    );
    rejects(
      [ROW.replace("critical IT", "IT")],
      'c.csv:2: column "mw_basis": expected one of "critical IT", "gross", "not stated", ' +
        'found "IT"',
    );
  });
  await t.step("a subject repeating a metric from the same source", () => {
    rejects(
      [ROW, ROW],
      'c.csv:3: column "subject": ("TeraWulf HPC", "build cost", "https://x") repeats line 2; ' +
        "expected one row per subject, metric and source_url",
    );
    // From another source it is a second figure, kept.
    const text = [HEADER, ROW, ROW.replace("https://x", "https://y")].join("\n") + "\n";
    assert.equal(capexPerMwFromCsv(text).length, 2);
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
