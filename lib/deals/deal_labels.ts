/**
 * How a deal is named in a note's exhibits and tables: the miner's ticker (the `deal_id`'s
 * prefix), the tenant without the dataset's parenthetical notes, the month announced, and
 * "TICKER / Tenant (YYYY-MM)" built from them, so every exhibit labels a deal alike.
 *
 * @module
 */
import type { MinerAiDeal } from "../data/miner_ai_deals.ts";

/** The fields of a deal row its names come from. */
export type DealNames = Pick<MinerAiDeal, "deal_id" | "counterparty" | "announcement_date">;

/**
 * The miner's ticker: a `deal_id` starts with it.
 *
 * @example
 * ```ts
 * import { dealTicker } from "./deal_labels.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(dealTicker({ deal_id: "HUT-FLUIDSTACK-2025-12" }), "HUT");
 * ```
 */
export function dealTicker(deal: Pick<MinerAiDeal, "deal_id">): string {
  return deal.deal_id.split("-")[0]!;
}

/**
 * The tenant as a label: its name without a trailing parenthetical; "unnamed tenant" when the
 * source names none.
 *
 * @example
 * ```ts
 * import { dealTenant } from "./deal_labels.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(dealTenant({ counterparty: "Fluidstack (Google backstop)" }), "Fluidstack");
 * assert.equal(dealTenant({ counterparty: "not named (hyperscaler)" }), "unnamed tenant");
 * assert.equal(dealTenant({ counterparty: "" }), "unnamed tenant");
 * ```
 */
export function dealTenant(deal: Pick<MinerAiDeal, "counterparty">): string {
  const name = deal.counterparty;
  return name === "" || name.startsWith("not named")
    ? "unnamed tenant"
    : name.replace(/\s*\(.*\)$/, "");
}

/**
 * The month a deal was announced, `YYYY-MM`, or "undated".
 *
 * @example
 * ```ts
 * import { announcedMonth } from "./deal_labels.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(announcedMonth("2025-12-17"), "2025-12");
 * assert.equal(announcedMonth("2025-08"), "2025-08");
 * assert.equal(announcedMonth(""), "undated");
 * ```
 */
export function announcedMonth(date: string): string {
  return date === "" ? "undated" : date.slice(0, 7);
}

/**
 * "TICKER / Tenant (YYYY-MM)".
 *
 * @example
 * ```ts
 * import { dealLabel } from "./deal_labels.ts";
 * import assert from "node:assert/strict";
 *
 * const deal = { deal_id: "IREN-MSFT-2025-11", counterparty: "Microsoft", announcement_date: "2025-11-03" };
 * assert.equal(dealLabel(deal), "IREN / Microsoft (2025-11)");
 * ```
 */
export function dealLabel(deal: DealNames): string {
  return `${dealTicker(deal)} / ${dealTenant(deal)} (${announcedMonth(deal.announcement_date)})`;
}
