import assert from "node:assert/strict";
import { loadMinerAiDeals } from "../data/miner_ai_deals.ts";
import { assertAlmostEquals } from "../testing/assert_almost_equals.ts";
import { contractTableRows, contractValuePoints } from "./contract_rows.ts";

const deals = await loadMinerAiDeals();
const contracts = deals.filter((d) => d.event_kind === "contract");

Deno.test("table rows: every contract once, dated in order, undated last", () => {
  const rows = contractTableRows(deals);
  assert.equal(rows.length, contracts.length);
  const dated = rows.filter((r) => r.announced !== "undated").map((r) => r.announced);
  assert.deepEqual(dated, dated.toSorted());
  const firstUndated = rows.findIndex((r) => r.announced === "undated");
  assert.ok(rows.slice(firstUndated).every((r) => r.announced === "undated"));
  assert.ok(rows.some((r) => Number.isNaN(r.value)), "blanks stay blank");
});

Deno.test("value points: the contracts with MW, value and term; ends by value per MW", () => {
  const { points, lowest, highest } = contractValuePoints(deals);
  const placeable = contracts.filter((d) =>
    [d.capacity_mw, d.contract_value_usd, d.term_years].every(Number.isFinite)
  );
  assert.equal(points.length, placeable.length);
  // RIOT–AMD: $311M over 10 years on 25 MW is $12.4M per MW, the least.
  assert.equal(lowest.deal, "RIOT / Advanced Micro Devices");
  assert.equal(lowest.perMw, 311e6 / 25);
  assert.equal(highest.kind, "GPU cloud");
  for (const p of points) assertAlmostEquals(p.valueBn * 1e9 / p.mw, p.perMw);
});
