import assert from "node:assert/strict";
import { CAPACITY_BASES, loadMinerAiDeals, type MinerAiDeal } from "../data/miner_ai_deals.ts";
import { contractedCapacity, contractedMwByYear } from "./deal_capacity.ts";

const deals = await loadMinerAiDeals();
const byId = new Map(deals.map((d) => [d.deal_id, d]));

/** The rows note 05 summed before the 2026 refresh. */
const ROWS_OF_NOTE_05 = [
  "CORZ-CRWV-2024-06",
  "CORZ-HPC-2024-06-70MW",
  "CORZ-CRWV-2024-10",
  "CORZ-CRWV-2024-11-MUSKOGEE",
  "CORZ-CRWV-AUSTIN-16MW",
  "CRWV-CORZ-2025-07-MERGER",
  "CRWV-CORZ-2025-MERGER-VOTE",
  "WULF-CORE42-2024-12",
  "WULF-FLUIDSTACK-2025-08",
  "WULF-FLUIDSTACK-CB5",
  "WULF-FLUIDSTACK-ABERNATHY",
  "CIFR-FLUIDSTACK-2025-09",
  "CIFR-FLUIDSTACK-EXPANSION",
  "CIFR-AWS-2025-11",
  "IREN-MSFT-2025-11",
  "HUT-FLUIDSTACK-2025-12",
  "GLXY-CRWV-2025-08",
  "APLD-CRWV-2025-06",
  "APLD-CRWV-2025-08",
];

Deno.test("Galaxy's Helios counts 526 MW of critical IT, not its 800 MW of approved power", () => {
  // GLXY-CRWV-2025-08 (https://techintelpro.com/news/AI/Enterprise-AI/galaxy-digitals-14b-helios-ai-datacenter-expansion):
  // "an additional 260 MW and an exercised option for 133 MW ... full 800 MW of approved power
  // capacity"; GLXY-CRWV-2025-03 (https://www.commercialsearch.com/news/?p=1004768618): "a
  // 15-year lease for 133 megawatts"; together "spans 15 years and 526MW" (the row's notes).
  const helios = contractedCapacity(deals).filter((c) => c.company === "Galaxy Digital");
  assert.deepEqual(helios.map((c) => [c.dealId, c.basis, c.mw]), [
    ["GLXY-CRWV-2025-08", "critical IT", 393],
    ["GLXY-CRWV-2025-03", "critical IT", 133],
  ]);
  assert.equal(helios.reduce((sum, c) => sum + c.mw, 0), 526);
  assert.deepEqual(contractedMwByYear(deals, { basis: "approved power" }), []);
});

Deno.test("critical IT MW by year announced", () => {
  const byYear = contractedMwByYear(deals);
  assert.deepEqual(byYear.map((y) => [y.year, y.mw]), [
    ["2024", 320],
    ["2025", 1_979],
    ["2026", 1_207],
    ["", 199], // undated: TeraWulf CB-5 160 MW, Cipher's 39 MW expansion
  ]);
  assert.ok(byYear.every((y) => y.basis === "critical IT"));
  assert.deepEqual(byYear.find((y) => y.year === "2025")!.dealIds, [
    "WULF-FLUIDSTACK-2025-08", // 200
    "CIFR-FLUIDSTACK-2025-09", // 168
    "IREN-MSFT-2025-11", // 200 (GPU cloud: capacity committed, though not a comparable rent)
    "HUT-FLUIDSTACK-2025-12", // 245
    "GLXY-CRWV-2025-08", // 393 = 260 + 133, not 800
    "APLD-CRWV-2025-06", // 250
    "APLD-CRWV-2025-08", // 150
    "GLXY-CRWV-2025-03", // 133
    "APLD-HYPERSCALER-2025-10-PF2", // 200
    "WYFI-NSCALE-2025-12", // 40
  ]);
});

Deno.test("MW of an unstated basis are summed apart", () => {
  const unspecified = contractedMwByYear(deals, { basis: "unspecified" });
  assert.deepEqual(unspecified.map((y) => [y.year, y.mw]), [
    ["2024", 140], // Core Scientific 70 MW, TeraWulf–Core42 >70 MW
    ["2025", 300], // Cipher–AWS
    ["2026", 240], // IREN–NVIDIA 60 MW, Bitdeer Tydal 180 MW
    ["", 21], // Core Scientific Austin 16 MW, Bit Digital–Cerebras 5 MW
  ]);
});

Deno.test("note 05's 2025 figure: 2,039 MW and 4.4 times 2024 once Helios is 526 MW of IT", () => {
  // Note 05 added capacity_mw across bases over its 19 rows: 2,313 MW in 2025, 5.0 times
  // 2024, counting Helios's 800 MW of approved power as contracted IT.
  const old = deals.filter((d) => ROWS_OF_NOTE_05.includes(d.deal_id));
  assert.equal(old.length, 19);
  const asNote05Summed = (year: string) =>
    old.filter((d) => d.event_kind === "contract" && d.announcement_date.startsWith(year))
      .reduce((sum, d) => sum + (Number.isFinite(d.capacity_mw) ? d.capacity_mw : 0), 0);
  assert.equal(asNote05Summed("2025"), 2_313);
  assert.equal(asNote05Summed("2024"), 460);
  assert.equal((asNote05Summed("2025") / asNote05Summed("2024")).toFixed(1), "5.0");
  // The same rows with Helios's IT load (and its initial lease, 133 MW of the 526), each basis
  // summed on its own and then set side by side as note 05 did.
  const rows = [...old, byId.get("GLXY-CRWV-2025-03")!];
  const total = (year: string) =>
    CAPACITY_BASES.flatMap((basis) => contractedMwByYear(rows, { basis }))
      .filter((y) => y.year === year).reduce((sum, y) => sum + y.mw, 0);
  assert.equal(total("2025"), 2_039);
  assert.equal(total("2024"), 460);
  assert.equal((total("2025") / total("2024")).toFixed(1), "4.4");
  // Of which critical IT: 1,739 MW in 2025 against 320 MW in 2024.
  const it = contractedMwByYear(rows);
  assert.deepEqual(it.slice(0, 2).map((y) => y.mw), [320, 1_739]);
});

Deno.test("each contract with a MW figure counts once, on one basis", () => {
  const capacity = contractedCapacity(deals);
  const withMw = deals.filter((d) =>
    d.event_kind === "contract" &&
    (Number.isFinite(d.capacity_mw) || Number.isFinite(d.critical_it_mw))
  );
  assert.deepEqual(capacity.map((c) => c.dealId), withMw.map((d) => d.deal_id));
  const everyBasis = CAPACITY_BASES.flatMap((basis) => contractedMwByYear(deals, { basis }));
  assert.equal(
    everyBasis.reduce((sum, y) => sum + y.mw, 0),
    capacity.reduce((sum, c) => sum + c.mw, 0),
  );
  assert.ok(!capacity.some((c) => byId.get(c.dealId)!.event_kind !== "contract"));
});

Deno.test("small inputs: events without terms, undated contracts, a basis not in the list", () => {
  const base = byId.get("CORZ-CRWV-2024-06")!;
  const row = (over: Partial<MinerAiDeal>): MinerAiDeal => ({ ...base, ...over });
  const input = [
    row({ deal_id: "A", announcement_date: "" }),
    row({ deal_id: "B", announcement_date: "2023-05", capacity_mw: 50, critical_it_mw: 50 }),
    row({ deal_id: "C", event_kind: "groundbreaking" }),
    row({ deal_id: "D", capacity_mw: NaN, capacity_basis: "", critical_it_mw: NaN }),
  ];
  assert.deepEqual(contractedMwByYear(input).map((y) => [y.year, y.mw, y.dealIds]), [
    ["2023", 50, ["B"]],
    ["", 200, ["A"]], // undated last
  ]);
  assert.deepEqual(contractedMwByYear([]), []);
  assert.throws(
    () => contractedMwByYear(input, { basis: "IT" as "gross" }),
    (e) =>
      e instanceof RangeError &&
      e.message === 'Cannot sum contracted MW: basis "IT" is not one of "critical IT", "gross", ' +
          '"approved power", "unspecified"',
  );
});
