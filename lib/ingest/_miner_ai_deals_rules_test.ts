/**
 * The capacity-basis mapping and the row corrections against the committed input
 * (`data/inputs/facts/miner_ai_deals.csv`): every wording the input uses is mapped, every
 * mapped wording is used, and each correction names a finding its row's notes record.
 */
import assert from "node:assert/strict";
import { parseCsv } from "../data/csv.ts";
import { CAPACITY_BASES } from "../data/miner_ai_deals.ts";
import { MINER_AI_DEALS_INPUT, MINER_AI_DEALS_INPUT_SCHEMA } from "./miner_ai_deals_build.ts";
import { CAPACITY_BASIS_BY_WORDING, EVENT_KIND_RULES } from "./_miner_ai_deals_rules.ts";
import { FINDING_IN_NOTES, ROW_CORRECTIONS } from "./_miner_ai_deals_corrections.ts";

const path = new URL(`../../data/inputs/${MINER_AI_DEALS_INPUT}`, import.meta.url).pathname;
const { columns, rowCount } = parseCsv(
  await Deno.readTextFile(path),
  MINER_AI_DEALS_INPUT_SCHEMA,
  { file: path },
);
const rows = Array.from({ length: rowCount }, (_, i) => ({
  dealId: columns.deal_id[i]!,
  basis: columns.capacity_basis[i]!,
  eventType: columns.event_type[i]!,
  notes: columns.notes[i]!,
}));

Deno.test("CAPACITY_BASIS_BY_WORDING maps exactly the input's wordings", () => {
  const used = new Set(rows.map((r) => r.basis).filter((w) => w !== ""));
  assert.deepEqual([...used].filter((w) => !Object.hasOwn(CAPACITY_BASIS_BY_WORDING, w)), []);
  assert.deepEqual(Object.keys(CAPACITY_BASIS_BY_WORDING).filter((w) => !used.has(w)), []);
  for (const basis of Object.values(CAPACITY_BASIS_BY_WORDING)) {
    assert.ok((CAPACITY_BASES as readonly string[]).includes(basis), basis);
  }
});

Deno.test("CAPACITY_BASIS_BY_WORDING reads the wordings the 2026 refresh added", async (t) => {
  const cases: [string, string][] = [
    ["critical IT load (430 MW utility power)", "critical IT"], // Polaris Forge 3
    ["critical IT (as stated: critical AI compute capacity)", "critical IT"], // Hyperscale Data
    ["IT load (as in 8-K summary; Reuters relay says '300 megawatts of capacity')", "critical IT"],
    ["as stated (MW; basis unspecified)", "unspecified"], // Bitdeer Tydal
    ["as stated (MW of existing data centers; basis unspecified)", "unspecified"], // IREN–NVIDIA
  ];
  for (const [wording, basis] of cases) {
    await t.step(wording, () => assert.equal(CAPACITY_BASIS_BY_WORDING[wording], basis));
  }
  await t.step("Galaxy's initial Helios lease, whose wording cites its IT source", () => {
    const initial = rows.find((r) => r.dealId === "GLXY-CRWV-2025-03")!;
    assert.match(initial.basis, /^IT capacity \(cryptotale\.org/);
    assert.equal(CAPACITY_BASIS_BY_WORDING[initial.basis], "critical IT");
  });
});

Deno.test("every event type of the input is classified", () => {
  for (const r of rows) {
    assert.ok(EVENT_KIND_RULES.some((rule) => rule.pattern.test(r.eventType)), r.eventType);
  }
});

Deno.test("ROW_CORRECTIONS: one per row whose notes record a finding, and no other", () => {
  const withFinding = rows.filter((r) => FINDING_IN_NOTES.test(r.notes)).map((r) => r.dealId);
  assert.deepEqual(withFinding, [
    "GLXY-CRWV-2025-08", // CORRECTION REMARK: 800 MW is approved power
    "WYFI-NSCALE-2025-12", // WRONG PERIOD (date)
    "GPUS-NEOCLOUD-2026-06", // WRONG BASIS (value, probable)
  ]);
  assert.deepEqual(ROW_CORRECTIONS.map((c) => c.dealId), withFinding);
  for (const c of ROW_CORRECTIONS) {
    assert.ok(rows.find((r) => r.dealId === c.dealId)!.notes.includes(c.recordedAs), c.dealId);
  }
});
