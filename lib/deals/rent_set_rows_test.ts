import assert from "node:assert/strict";
import { loadMinerAiDeals } from "../data/miner_ai_deals.ts";
import { formatUsd } from "../units/format.ts";
import { rentSetRows } from "./rent_set_rows.ts";
import { rentSets } from "./rent_sets.ts";

const deals = await loadMinerAiDeals();
const sets = rentSets(deals, { askingUsdPerKwMonth: 184.06 });
const rows = rentSetRows(sets, "Comparable: critical IT MW, no GPU cloud");

Deno.test("a line per set, then one per GPU-cloud contract", () => {
  assert.equal(rows.length, 2 + sets.gpuCloud.length);
  assert.equal(rows[0]!.contracts, String(sets.summary.deals));
  assert.equal(rows[0]!.median, formatUsd(sets.summary.medianUsdPerMwYear));
  assert.equal(
    rows[1]!.range,
    `${formatUsd(sets.leasesSummary.minUsdPerMwYear)}–${
      formatUsd(sets.leasesSummary.maxUsdPerMwYear)
    }`,
  );
  // IREN–Microsoft: $9.7B over 5 years on 200 MW, $808.3 per kW-month.
  assert.deepEqual(rows[2], {
    set: "GPU cloud: IREN / Microsoft (2025-11)",
    contracts: "1",
    mw: "200",
    median: "$9.70M",
    range: "–",
    weighted: "–",
    medianKwMonth: "$808.3/kW-mo",
  });
});

Deno.test("MW carry thousands separators", () => {
  assert.match(rows[1]!.mw, /^\d{1,3}(,\d{3})+$/);
});
