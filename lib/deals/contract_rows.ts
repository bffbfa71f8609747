/**
 * Every contract as a note tabulates and plots it: a table row with its terms as stated, in
 * announcement order, and a point of MW against base-term value for those with both and a term.
 *
 * @module
 */
import type { MinerAiDeal } from "../data/miner_ai_deals.ts";
import { announcedMonth, dealTenant, dealTicker } from "./deal_labels.ts";

/** A contract's row in a table. */
export interface ContractTableRow {
  /** Ticker. */
  readonly miner: string;
  /** Tenant. */
  readonly tenant: string;
  /** `YYYY-MM` or "undated". */
  readonly announced: string;
  /** MW as stated (`NaN` when not). */
  readonly mw: number;
  /** What the MW measure, or `""`. */
  readonly basis: string;
  /** Base-term value, USD (`NaN` when not stated). */
  readonly value: number;
  /** Base term, years (`NaN` when not stated). */
  readonly term: number;
  /** USD per MW-year (F6; `NaN` when a term is blank). */
  readonly rent: number;
}

/**
 * The contracts' rows, in announcement order, undated last.
 *
 * @example
 * ```ts
 * import { contractTableRows } from "./contract_rows.ts";
 * import { loadMinerAiDeals } from "../data/miner_ai_deals.ts";
 * import assert from "node:assert/strict";
 *
 * const rows = contractTableRows(await loadMinerAiDeals());
 * const corz = rows.find((r) => r.miner === "CORZ" && r.mw === 200)!;
 * assert.deepEqual([corz.tenant, corz.announced, corz.basis, corz.value, corz.term],
 *   ["CoreWeave", "2024-06", "critical IT", 3.5e9, 12]);
 * assert.equal(Math.round(corz.rent), 1_458_333); // $3.5B over 12 years on 200 MW
 * assert.equal(rows.at(-1)!.announced, "undated");
 * ```
 */
export function contractTableRows(deals: readonly MinerAiDeal[]): ContractTableRow[] {
  return deals
    .filter((d) => d.event_kind === "contract")
    .toSorted((a, b) => (a.announcement_date || "9").localeCompare(b.announcement_date || "9"))
    .map((d) => ({
      miner: dealTicker(d),
      tenant: dealTenant(d),
      announced: announcedMonth(d.announcement_date),
      mw: d.capacity_mw,
      basis: d.capacity_basis,
      value: d.contract_value_usd,
      term: d.term_years,
      rent: d.usd_per_mw_year,
    }));
}

/** A contract placed by MW and base-term value. */
export interface ContractValuePoint {
  /** "TICKER / Tenant". */
  readonly deal: string;
  /** MW as stated. */
  readonly mw: number;
  /** Base-term value, USD billions. */
  readonly valueBn: number;
  /** Base term, years. */
  readonly term: number;
  /** "GPU cloud", "Lease, critical IT MW" or "Lease, MW basis not stated". */
  readonly kind: string;
  /** Base-term value per MW, USD. */
  readonly perMw: number;
}

/** Result of {@linkcode contractValuePoints}. */
export interface ContractValuePoints {
  /** A point per contract with MW, value and term, in dataset order. */
  readonly points: readonly ContractValuePoint[];
  /** The point of least value per MW (the first, on a tie). */
  readonly lowest: ContractValuePoint;
  /** The point of most value per MW (the first, on a tie). */
  readonly highest: ContractValuePoint;
}

/**
 * The contracts that can be placed by MW and value, and the ends of their value per MW.
 *
 * @example
 * ```ts
 * import { contractValuePoints } from "./contract_rows.ts";
 * import { loadMinerAiDeals } from "../data/miner_ai_deals.ts";
 * import assert from "node:assert/strict";
 *
 * const { points, lowest, highest } = contractValuePoints(await loadMinerAiDeals());
 * assert.ok(points.every((p) => lowest.perMw <= p.perMw && p.perMw <= highest.perMw));
 * assert.throws(() => contractValuePoints([]), /Cannot place contracts: none has a MW figure, a value and a term/);
 * ```
 */
export function contractValuePoints(deals: readonly MinerAiDeal[]): ContractValuePoints {
  const points = deals
    .filter((d) =>
      d.event_kind === "contract" && Number.isFinite(d.capacity_mw) &&
      Number.isFinite(d.contract_value_usd) && Number.isFinite(d.term_years)
    )
    .map((d) => ({
      deal: `${dealTicker(d)} / ${dealTenant(d)}`,
      mw: d.capacity_mw,
      valueBn: d.contract_value_usd / 1e9,
      term: d.term_years,
      kind: d.structure === "GPU cloud"
        ? "GPU cloud"
        : d.capacity_basis === "critical IT"
        ? "Lease, critical IT MW"
        : "Lease, MW basis not stated",
      perMw: d.contract_value_usd / d.capacity_mw,
    }));
  if (points.length === 0) {
    throw new RangeError("Cannot place contracts: none has a MW figure, a value and a term");
  }
  return {
    points,
    lowest: points.reduce((a, b) => (b.perMw < a.perMw ? b : a)),
    highest: points.reduce((a, b) => (b.perMw > a.perMw ? b : a)),
  };
}
