/**
 * The bars of a rents exhibit: one per lease, labelled by deal, coloured by what its MW measure,
 * in USD millions per MW-year.
 *
 * @module
 */
import type { DealIntensity } from "./deal_analytics.ts";
import { dealLabel } from "./deal_labels.ts";

/** One bar. */
export interface RentChartRow {
  /** "TICKER / Tenant (YYYY-MM)", after "≤ " when the rent is an upper bound. */
  readonly deal: string;
  /** "Critical IT MW", "MW basis gross" or "MW basis not stated". */
  readonly basis: string;
  /** Rent, USD millions per MW-year. */
  readonly rentM: number;
}

/**
 * A bar per lease, critical-IT leases first (so they take the first house colour); within each
 * basis, the leases' order.
 *
 * @example
 * ```ts
 * import { rentChartRows } from "./rent_chart_rows.ts";
 * import { dealIntensities } from "./deal_analytics.ts";
 * import { loadMinerAiDeals } from "../data/miner_ai_deals.ts";
 * import assert from "node:assert/strict";
 *
 * const rows = rentChartRows(dealIntensities(await loadMinerAiDeals(), { bases: ["unspecified", "critical IT"] }));
 * assert.equal(rows[0]!.basis, "Critical IT MW");
 * const wulf = rows.find((r) => r.deal.includes("WULF / Fluidstack (2025-08)"))!;
 * assert.deepEqual(wulf, { deal: "≤ WULF / Fluidstack (2025-08)", basis: "Critical IT MW", rentM: 1.85 });
 * ```
 */
export function rentChartRows(leases: readonly DealIntensity[]): RentChartRow[] {
  return leases
    .map((i) => ({
      deal: `${i.bound === "upper" ? "≤ " : ""}${
        dealLabel({
          deal_id: i.dealId,
          counterparty: i.counterparty,
          announcement_date: i.announcementDate,
        })
      }`,
      basis: i.capacityBasis === "critical IT"
        ? "Critical IT MW"
        : `MW basis ${i.capacityBasis === "gross" ? "gross" : "not stated"}`,
      rentM: i.usdPerMwYear / 1e6,
    }))
    .toSorted((a, b) =>
      Number(b.basis === "Critical IT MW") - Number(a.basis === "Critical IT MW")
    );
}
