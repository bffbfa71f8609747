/**
 * Facts the committed `data/miner_ai_deals.csv` must reproduce: the F6 revenue intensities
 * (recomputed here by hand from each row's stated terms, independently of the library), blanks
 * where a row has no single base-term value, the normalised vocabularies and the dates read from
 * the stated text. Also the pure parser's invariant checks on small fixtures.
 */
import assert from "node:assert/strict";
import { CsvError } from "./csv.ts";
import {
  CAPACITY_BASES,
  EVENT_KINDS,
  FIGURE_QUALIFIERS,
  loadMinerAiDeals,
  MINER_AI_DEALS_SCHEMA,
  type MinerAiDeal,
  minerAiDealsFromCsv,
  STRUCTURES,
} from "./miner_ai_deals.ts";
import { assertAlmostEquals } from "../testing/assert_almost_equals.ts";

const deals = await loadMinerAiDeals();

function deal(id: string): MinerAiDeal {
  const found = deals.find((d) => d.deal_id === id);
  assert.ok(found, `${id} is not in data/miner_ai_deals.csv`);
  return found;
}

/** The rows that have a single base-term value, a term and a MW figure (checked by hand). */
const DERIVED = [
  "CORZ-CRWV-2024-06",
  "CORZ-HPC-2024-06-70MW",
  "CORZ-CRWV-2024-10",
  "WULF-FLUIDSTACK-2025-08",
  "CIFR-FLUIDSTACK-2025-09",
  "CIFR-FLUIDSTACK-EXPANSION",
  "CIFR-AWS-2025-11",
  "IREN-MSFT-2025-11",
  "HUT-FLUIDSTACK-2025-12",
  "APLD-CRWV-2025-06",
  "APLD-HYPERSCALER-2025-10-PF2",
  "APLD-HYPERSCALER-2026-04-DF1",
  "APLD-HYPERSCALER-2026-05-PF3",
  "APLD-HYPERSCALER-2026-06-DF2",
  "HUT-BEACONPOINT-2026-05",
  "IREN-NVDA-2026-05",
  "RIOT-AMD-2026-01",
  "WYFI-NSCALE-2025-12",
];

Deno.test("snapshot: 34 rows, unique ids, every row cited with an http(s) URL", () => {
  assert.equal(deals.length, 34);
  assert.equal(new Set(deals.map((d) => d.deal_id)).size, deals.length);
  for (const d of deals) {
    assert.match(d.source_url, /^https?:\/\/\S+$/, d.deal_id);
    assert.notEqual(d.source_title, "", d.deal_id);
  }
});

Deno.test("snapshot: Core Scientific–CoreWeave, 200 MW for $3.5B over 12 years", () => {
  const corz = deal("CORZ-CRWV-2024-06");
  assert.equal(corz.capacity_mw, 200);
  assert.equal(corz.contract_value_usd, 3_500_000_000);
  assert.equal(corz.term_years, 12);
  assert.equal(Math.round(corz.usd_per_mw_year), 1_458_333); // 1.458M per MW-year
  assert.equal(corz.usd_per_kw_month.toFixed(1), "121.5");
  // Consistent with the ~$290M a year reported for it [S11][S12]: ÷ 200 MW = 1.45.
  assertAlmostEquals(corz.usd_per_mw_year, 290e6 / 200, 0.01e6, "against ~$290M/yr");
});

Deno.test("snapshot: F6 of other contracts, by hand from their stated terms", async (t) => {
  // [deal, $M per MW-year, $/kW-month, half a unit of the by-hand rounding of $/kW-month].
  const table: [string, number, number, number][] = [
    ["APLD-CRWV-2025-06", 1.867, 155.6, 0.05],
    ["WULF-FLUIDSTACK-2025-08", 1.85, 154.2, 0.05],
    ["CIFR-FLUIDSTACK-2025-09", 1.786, 148.8, 0.05],
    ["CIFR-AWS-2025-11", 1.222, 101.9, 0.05],
    ["HUT-FLUIDSTACK-2025-12", 1.905, 158.7, 0.05],
    ["IREN-MSFT-2025-11", 9.7, 808, 0.5],
  ];
  for (const [id, millions, kwMonth, tolerance] of table) {
    await t.step(id, () => {
      const d = deal(id);
      assertAlmostEquals(d.usd_per_mw_year / 1e6, millions, 0.0005, `${id} $M/MW-yr`);
      assertAlmostEquals(d.usd_per_kw_month, kwMonth, tolerance, `${id} $/kW-month`);
    });
  }
});

Deno.test("snapshot: F6 of contracts added in the 2026 refresh, from their stated figures", async (t) => {
  // [deal, stated MW, stated base-term USD, stated years, $ per MW-year, $ per kW-month].
  const table: [string, number, number, number, number, number][] = [
    // "15-year IT lease for 352 MW of capacity", "$9.8B in base-term contract value"
    // (https://www.cliffcenter.com/dockets/i/2026-05-10-hut-8-corp-on-may-6-announced-commercialization)
    ["HUT-BEACONPOINT-2026-05", 352, 9.8e9, 15, 1_856_060.6, 154.67],
    // "25 megawatts of critical IT load", "initial term of 10 years", "$311 million"
    // (https://ttm.financial/m/news/2603199718)
    ["RIOT-AMD-2026-01", 25, 311e6, 10, 1_244_000, 103.67],
    // "40 megawatts of critical IT load", "$865 million ... over an initial 10-year term"
    // (https://wiredgorilla.com/?p=133696)
    ["WYFI-NSCALE-2025-12", 40, 865e6, 10, 2_162_500, 180.21],
    // "210 MW critical IT load", "Base-term contracted revenue ~$5.2B", 15-year
    // (https://secwatch.observer/filing/0001493152-26-027984.md)
    ["APLD-HYPERSCALER-2026-06-DF2", 210, 5.2e9, 15, 1_650_793.7, 137.57],
    // GPU cloud, MW basis unspecified: "$3.4 billion", five-year, "roughly 60 megawatts"
    ["IREN-NVDA-2026-05", 60, 3.4e9, 5, 11_333_333.3, 944.44],
  ];
  for (const [id, mw, usd, years, perMwYear, perKwMonth] of table) {
    await t.step(id, () => {
      const d = deal(id);
      assert.deepEqual([d.capacity_mw, d.contract_value_usd, d.term_years], [mw, usd, years]);
      assertAlmostEquals(d.usd_per_mw_year, perMwYear, 0.1, `${id} $/MW-yr`);
      assertAlmostEquals(d.usd_per_kw_month, perKwMonth, 0.005, `${id} $/kW-month`);
    });
  }
  await t.step("IREN–NVIDIA is GPU cloud on an unstated MW basis, not a comparable rent", () => {
    assert.equal(deal("IREN-NVDA-2026-05").structure, "GPU cloud");
    assert.equal(deal("IREN-NVDA-2026-05").capacity_basis, "unspecified");
  });
});

Deno.test("snapshot: Galaxy Helios carries 800 MW of approved power and 526 MW of critical IT", () => {
  // The correction in the row's notes: "800 MW of approved power capacity"; critical IT
  // committed 133 + 260 + 133 = 526 MW ("spans 15 years and 526MW", whispertick.com).
  const phase2 = deal("GLXY-CRWV-2025-08");
  assert.equal(phase2.capacity_mw, 800);
  assert.equal(phase2.capacity_basis, "approved power");
  assert.equal(phase2.capacity_basis_as_stated, "critical IT load (total committed)"); // verbatim
  assert.equal(phase2.critical_it_mw, 260 + 133);
  const phase1 = deal("GLXY-CRWV-2025-03");
  assert.equal(phase1.capacity_basis, "critical IT");
  assert.equal(phase1.critical_it_mw, 133);
  assert.equal(phase1.announcement_date, "2025-03"); // "In March [2025]"
  const helios = deals.filter((d) => d.company === "Galaxy Digital" && d.event_kind === "contract");
  assert.equal(helios.reduce((sum, d) => sum + (d.critical_it_mw || 0), 0), 526);
});

Deno.test("snapshot: critical_it_mw is capacity_mw on a critical-IT basis, and only there", () => {
  for (const d of deals) {
    if (d.capacity_basis === "critical IT") {
      assert.equal(d.critical_it_mw, d.capacity_mw, d.deal_id);
    } else if (d.deal_id !== "GLXY-CRWV-2025-08") {
      assert.ok(Number.isNaN(d.critical_it_mw), d.deal_id);
    }
  }
});

Deno.test("snapshot: every derived value equals TCV ÷ years ÷ MW (÷ 1000 ÷ 12) of its row", () => {
  for (const d of deals) {
    if (Number.isNaN(d.usd_per_mw_year)) continue;
    const perMwYear = d.contract_value_usd / d.term_years / d.capacity_mw;
    const perKwMonth = perMwYear / 1000 / 12;
    assertAlmostEquals(d.usd_per_mw_year, perMwYear, 1e-9 * perMwYear, d.deal_id);
    assertAlmostEquals(d.usd_per_kw_month, perKwMonth, 1e-9 * perKwMonth, d.deal_id);
  }
  assert.deepEqual(
    deals.filter((d) => !Number.isNaN(d.usd_per_mw_year)).map((d) => d.deal_id),
    DERIVED,
  );
});

Deno.test("snapshot: rows without a single base-term value have blank derived columns", async (t) => {
  for (const d of deals.filter((d) => !DERIVED.includes(d.deal_id))) {
    await t.step(d.deal_id, () => {
      assert.ok(Number.isNaN(d.usd_per_mw_year), "usd_per_mw_year");
      assert.ok(Number.isNaN(d.usd_per_kw_month), "usd_per_kw_month");
      const complete = Number.isFinite(d.contract_value_usd) && Number.isFinite(d.term_years) &&
        Number.isFinite(d.capacity_mw);
      // Complete figures without F6 only where the row is not a contract with terms.
      if (complete) assert.notEqual(d.event_kind, "contract");
    });
  }
  await t.step("cumulative or program-wide values are not derived", () => {
    // $6.7B is the CB-3..5 total; $8.7B the whole 500 MW program; >$1B/yr is not a TCV;
    // ~$11B is the three-lease total; $9B an equity value.
    for (const id of ["WULF-FLUIDSTACK-CB5", "GLXY-CRWV-2025-08", "APLD-CRWV-2025-08"]) {
      assert.ok(Number.isNaN(deal(id).contract_value_usd), id);
    }
    assert.equal(deal("CORZ-CRWV-2024-11-MUSKOGEE").event_kind, "groundbreaking");
    assert.equal(deal("CRWV-CORZ-2025-07-MERGER").event_kind, "acquisition agreement");
    assert.equal(deal("CRWV-CORZ-2025-MERGER-VOTE").event_kind, "acquisition terminated");
    assert.equal(deal("MARA-EXAION-2025-08").event_kind, "acquisition agreement"); // $168M stake
    assert.equal(deal("GLXY-CRWV-2026-04-ENDUSER").event_kind, "disclosure");
  });
  await t.step("a value whose check finds it probably not base-term is blank", () => {
    // "~$1.2B if fully exercised" per the 8-K summary the row's check cites.
    const gpus = deal("GPUS-NEOCLOUD-2026-06");
    assert.ok(Number.isNaN(gpus.contract_value_usd));
    assert.match(gpus.contract_value_as_stated, /1\.2 billion dollars/); // kept verbatim
  });
});

Deno.test("snapshot: normalised columns stay within their lists", () => {
  for (const d of deals) {
    assert.ok((EVENT_KINDS as readonly string[]).includes(d.event_kind), d.deal_id);
    if (Number.isNaN(d.capacity_mw)) assert.equal(d.capacity_basis, "", d.deal_id);
    else assert.ok((CAPACITY_BASES as readonly string[]).includes(d.capacity_basis), d.deal_id);
    for (const q of [d.capacity_qualifier, d.contract_value_qualifier]) {
      assert.ok(q === "" || (FIGURE_QUALIFIERS as readonly string[]).includes(q), d.deal_id);
    }
    assert.ok(d.structure === "" || (STRUCTURES as readonly string[]).includes(d.structure));
  }
  const count = (basis: string) => deals.filter((d) => d.capacity_basis === basis).length;
  assert.deepEqual(
    CAPACITY_BASES.map(count).concat(count("")),
    [20, 1, 1, 7, 5], // critical IT, gross, approved power, unspecified, no MW
  );
});

Deno.test("snapshot: bases, qualifiers and structures read from the stated text", () => {
  assert.equal(deal("CRWV-CORZ-2025-07-MERGER").capacity_mw, 1300); // "1.3 gigawatts"
  assert.equal(deal("CRWV-CORZ-2025-07-MERGER").capacity_basis, "gross");
  assert.equal(deal("CIFR-AWS-2025-11").capacity_basis, "unspecified"); // IT or gross? [S27]
  assert.equal(deal("HUT-FLUIDSTACK-2025-12").capacity_basis, "critical IT"); // "IT capacity"
  assert.equal(deal("CORZ-CRWV-AUSTIN-16MW").capacity_qualifier, "up to");
  assert.equal(deal("CORZ-CRWV-AUSTIN-16MW").contract_value_qualifier, "at least");
  assert.equal(deal("WULF-CORE42-2024-12").capacity_qualifier, "at least");
  assert.equal(deal("WULF-FLUIDSTACK-2025-08").capacity_qualifier, "at least"); // ">200 MW"
  assert.equal(deal("CORZ-CRWV-2024-06").contract_value_qualifier, "");
  assert.equal(deal("HUT-FLUIDSTACK-2025-12").structure, "lease NNN");
  assert.equal(deal("WULF-FLUIDSTACK-2025-08").structure, "lease modified gross");
  assert.equal(deal("IREN-MSFT-2025-11").structure, "GPU cloud");
  assert.equal(deal("CORZ-CRWV-2024-06").structure, "hosting");
  assert.equal(deal("CIFR-FLUIDSTACK-2025-09").structure, "colocation");
  assert.equal(deal("CORZ-CRWV-2024-10").structure, ""); // "option exercise" names none
  assert.equal(deal("CRWV-CORZ-2025-07-MERGER").structure, "");
});

Deno.test("snapshot: announcement dates only where the stated text supports them", () => {
  const expected: Record<string, string> = {
    "CORZ-CRWV-2024-06": "2024-06-03",
    "CORZ-HPC-2024-06-70MW": "2024-06", // "June 2024 operational update"
    "CORZ-CRWV-2024-10": "2024-10-22",
    "CORZ-CRWV-2024-11-MUSKOGEE": "2024-11", // 2024-11-25 (mirror) vs 20241118 (URL)
    "CORZ-CRWV-AUSTIN-16MW": "",
    "CRWV-CORZ-2025-07-MERGER": "2025-07-07",
    "CRWV-CORZ-2025-MERGER-VOTE": "", // "held Thursday; announced Friday"
    "WULF-CORE42-2024-12": "2024-12-23", // "on Monday (page dated 2024-12-23)", a Monday
    "WULF-FLUIDSTACK-2025-08": "2025-08-14",
    "WULF-FLUIDSTACK-CB5": "",
    "WULF-FLUIDSTACK-ABERNATHY": "",
    "CIFR-FLUIDSTACK-2025-09": "2025-09-25", // "Thursday (page URL date 2025/09/25)"
    "CIFR-FLUIDSTACK-EXPANSION": "",
    "CIFR-AWS-2025-11": "2025-11-03",
    "IREN-MSFT-2025-11": "2025-11-03",
    "HUT-FLUIDSTACK-2025-12": "2025-12-17",
    "GLXY-CRWV-2025-08": "2025-08-15",
    "APLD-CRWV-2025-06": "2025-06-02",
    "APLD-CRWV-2025-08": "2025-08-29",
    "GLXY-CRWV-2025-03": "2025-03", // "In March [2025]"
    "APLD-HYPERSCALER-2025-10-PF2": "2025-10-22",
    "APLD-HYPERSCALER-2026-04-DF1": "2026-04-23", // "8-K filed 2026-04-23"
    "APLD-HYPERSCALER-2026-05-PF3": "2026-05-21",
    "APLD-HYPERSCALER-2026-06-DF2": "2026-06-09",
    "HUT-BEACONPOINT-2026-05": "2026-05-06", // "announced on May 6 [2026]"
    "IREN-NVDA-2026-05": "2026-05-07",
    "RIOT-AMD-2026-01": "2026-01-16",
    "BTDR-TYDAL-2026-06": "2026-06-29",
    "CIFR-IGHYPERSCALER-2026": "", // "with Q1 [2026] update"
    "MARA-EXAION-2025-08": "", // announced August 2025, closed February 2026
    "BTBT-CEREBRAS-2025": "", // "February [2025]" and "July 2025"
    "WYFI-NSCALE-2025-12": "2025-12", // corrected: announced December 18–19, not the 22nd
    "GPUS-NEOCLOUD-2026-06": "2026-06-24", // "On June 24 [2026]"
    "GLXY-CRWV-2026-04-ENDUSER": "2026-04-29", // "(page dated 2026-04-29)"
  };
  assert.deepEqual(
    Object.fromEntries(deals.map((d) => [d.deal_id, d.announcement_date])),
    expected,
  );
  for (const d of deals) {
    if (d.announcement_date === "" || d.source_date === "") continue;
    const n = Math.min(d.announcement_date.length, d.source_date.length);
    assert.ok(d.announcement_date.slice(0, n) <= d.source_date.slice(0, n), d.deal_id);
  }
});

Deno.test("minerAiDealsFromCsv checks the dataset's invariants", async (t) => {
  const header = MINER_AI_DEALS_SCHEMA.map((c) => c.name).join(",");
  const perMwYear = 3.5e9 / 12 / 200;
  const good = [
    'A-1,Core Scientific,CoreWeave,,,hosting,contract,2024-06-03,"June 3, 2024",200 MW,200,,',
    "critical IT,critical IT,200,$3.5 billion,3500000000,,12,hosting,,,",
    `${perMwYear},${perMwYear / 12_000},https://example.com/a,Title,2024-06-10,`,
  ].join("");
  const csv = (...rows: string[]) => [header, ...rows].join("\n") + "\n";
  await t.step("a good row parses", () => {
    const [row] = minerAiDealsFromCsv(csv(good));
    assert.equal(row!.usd_per_mw_year, perMwYear);
    assert.equal(row!.capacity_basis, "critical IT");
    assert.equal(row!.critical_it_mw, 200);
  });
  await t.step("approved power with less critical IT parses", () => {
    const text = csv(good.replace(",critical IT,critical IT,200,", ",approved power,x,150,"));
    const [row] = minerAiDealsFromCsv(text);
    assert.equal(row!.capacity_basis, "approved power");
    assert.equal(row!.critical_it_mw, 150);
  });
  const cases: [string, string, string][] = [
    [
      "a duplicate deal_id",
      csv(good, good),
      't.csv:3: column "deal_id": "A-1" repeats line 2; expected one row per deal_id',
    ],
    [
      "a source_url that is not http(s)",
      csv(good.replace("https://example.com/a", "example.com/a")),
      't.csv:2: column "source_url": expected an http(s) URL, found "example.com/a"',
    ],
    [
      "a capacity basis outside the list",
      csv(good.replace(",critical IT,critical IT,", ",IT,critical IT,")),
      't.csv:2: column "capacity_basis": expected one of "critical IT", "gross", ' +
      '"approved power", "unspecified" or blank, found "IT"',
    ],
    [
      "critical IT MW that differs from a critical-IT capacity_mw",
      csv(good.replace(",critical IT,200,", ",critical IT,120,")),
      't.csv:2: column "critical_it_mw": expected capacity_mw (200, critical IT), found 120',
    ],
    [
      "a critical-IT capacity_mw without its critical IT MW",
      csv(good.replace(",critical IT,200,", ",critical IT,,")),
      't.csv:2: column "critical_it_mw": expected capacity_mw (200) on a critical-IT basis, ' +
      "found an empty cell",
    ],
    [
      "more critical IT than the approved power it runs on",
      csv(good.replace(",critical IT,critical IT,200,", ",approved power,critical IT,250,")),
      't.csv:2: column "critical_it_mw": expected at most capacity_mw (200, approved power), ' +
      "found 250",
    ],
    [
      "critical IT MW of zero",
      csv(good.replace(",critical IT,critical IT,200,", ",gross,gross power,0,")),
      't.csv:2: column "critical_it_mw": expected a positive number or blank, found "0"',
    ],
    [
      "a derived value that does not match F6",
      csv(good.replace(`${perMwYear},`, "1458000,")),
      't.csv:2: column "usd_per_mw_year": expected F6 contract_value_usd ÷ term_years ÷ ' +
      `capacity_mw = ${perMwYear}, found 1458000`,
    ],
    [
      "a derived value on a groundbreaking",
      csv(good.replace(",contract,", ",groundbreaking,")),
      't.csv:2: column "usd_per_mw_year": expected blank (F6 needs a contract with ' +
      `contract_value_usd, term_years and capacity_mw), found ${perMwYear}`,
    ],
    [
      "an announcement date that is not YYYY-MM-DD or YYYY-MM",
      csv(good.replace(",2024-06-03,", ",June 2024,")),
      't.csv:2: column "announcement_date": expected YYYY-MM or YYYY-MM-DD, found "June 2024"',
    ],
    [
      "a MW figure without a basis",
      csv(good.replace(",critical IT,critical IT,", ",,critical IT,")),
      't.csv:2: column "capacity_basis": expected a basis exactly when capacity_mw is given, ' +
      'found "" with capacity_mw 200',
    ],
  ];
  for (const [name, text, message] of cases) {
    await t.step(name, () => {
      assert.throws(
        () => minerAiDealsFromCsv(text, { file: "t.csv" }),
        (e) => e instanceof CsvError && e.message === message,
      );
    });
  }
});

Deno.test("loadMinerAiDeals names the file it was given in errors", async () => {
  const dir = await Deno.makeTempDir({ dir: "/tmp", prefix: "mullet_deals_" });
  try {
    const committed = await Deno.readTextFile(
      new URL("../../data/miner_ai_deals.csv", import.meta.url),
    );
    const path = `${dir}/deals.csv`;
    await Deno.writeTextFile(path, committed.replace("https://tftc.io/", "tftc.io/"));
    await assert.rejects(
      () => loadMinerAiDeals(path),
      (e) =>
        e instanceof CsvError &&
        e.message === `${path}:2: column "source_url": expected an http(s) URL, found ` +
            '"tftc.io/core-scientific-shares-surge-cor…"',
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
