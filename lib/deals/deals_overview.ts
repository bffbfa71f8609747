/**
 * What `data/miner_ai_deals.csv` holds before any rent is read from it: its contracts, the other
 * events (acquisitions, groundbreakings, disclosures) counted by kind, the latest announcement
 * dated to the day, and which contracts leave each term blank.
 *
 * @module
 */
import type { MinerAiDeal } from "../data/miner_ai_deals.ts";

/** A term that contracts may leave blank, and those that do. */
export interface DealBlanks {
  /** The term, in words. */
  readonly field: string;
  /** `deal_id`s of the contracts without it, in dataset order. */
  readonly dealIds: readonly string[];
}

/** Result of {@linkcode dealsOverview}. */
export interface DealsOverview {
  /** The latest announcement dated to the day, `YYYY-MM-DD`. */
  readonly asOf: string;
  /** The rows that are contracts, in dataset order. */
  readonly contracts: readonly MinerAiDeal[];
  /** The other rows, counted by kind in order of first appearance. */
  readonly otherEvents: readonly { readonly kind: string; readonly count: number }[];
  /** How many rows are not contracts. */
  readonly otherEventCount: number;
  /** Blanks among the contracts: MW, base-term value, term, announcement date. */
  readonly blanks: readonly DealBlanks[];
  /** Contracts with the MW, value and term that a rent per MW needs. */
  readonly withRent: number;
  /** Contracts without them, so without a rent. */
  readonly withoutRent: number;
}

/**
 * The dataset at a glance.
 *
 * @example
 * ```ts
 * import { dealsOverview } from "./deals_overview.ts";
 * import { loadMinerAiDeals } from "../data/miner_ai_deals.ts";
 * import assert from "node:assert/strict";
 *
 * const o = dealsOverview(await loadMinerAiDeals());
 * assert.ok(o.contracts.every((d) => d.event_kind === "contract"));
 * assert.deepEqual(o.blanks.map((b) => b.field), ["MW figure", "base-term contract value", "term", "announcement date"]);
 * assert.ok(o.blanks[0]!.dealIds.includes("WULF-FLUIDSTACK-ABERNATHY")); // announced without MW
 * assert.throws(() => dealsOverview([]), /Cannot summarise the deals: expected at least one row dated to the day/);
 * ```
 */
export function dealsOverview(deals: readonly MinerAiDeal[]): DealsOverview {
  const days = deals.map((d) => d.announcement_date).filter((d) => d.length === 10).sort();
  if (days.length === 0) {
    throw new RangeError(
      `Cannot summarise the deals: expected at least one row dated to the day, got ${deals.length} rows and none`,
    );
  }
  const contracts = deals.filter((d) => d.event_kind === "contract");
  const others = deals.filter((d) => d.event_kind !== "contract");
  const withRent = contracts.filter((d) => Number.isFinite(d.usd_per_mw_year)).length;
  const blank = (field: string, isBlank: (d: MinerAiDeal) => boolean) => ({
    field,
    dealIds: contracts.filter(isBlank).map((d) => d.deal_id),
  });
  return {
    asOf: days.at(-1)!,
    contracts,
    otherEvents: [...Map.groupBy(others, (d) => d.event_kind)].map(([kind, rows]) => ({
      kind,
      count: rows.length,
    })),
    otherEventCount: others.length,
    blanks: [
      blank("MW figure", (d) => Number.isNaN(d.capacity_mw)),
      blank("base-term contract value", (d) => Number.isNaN(d.contract_value_usd)),
      blank("term", (d) => Number.isNaN(d.term_years)),
      blank("announcement date", (d) => d.announcement_date === ""),
    ],
    withRent,
    withoutRent: contracts.length - withRent,
  };
}
