/**
 * F6, the revenue intensity of a hosting or lease contract: its total value per
 * year of the base term per MW, in USD per MW-year and, as a rent, USD per kW-month. The rows
 * of `data/miner_ai_deals.csv` carry it where a contract states one base-term value, term and
 * capacity.
 *
 * @module
 */
import { mwYearToKwMonth, usdPerMwYear } from "../units/prices.ts";
import { nonNegative, positive } from "../units/checks.ts";
import type { MinerAiDeal } from "./miner_ai_deals.ts";

/** F6 revenue intensity of a contract. */
export interface RevenueIntensity {
  /** Contract value per year per MW: `TCV ÷ term_years ÷ MW`, USD per MW-year. */
  readonly usdPerMwYear: number;
  /** The same as rent: `usdPerMwYear ÷ 1000 ÷ 12`, USD per kW-month. */
  readonly usdPerKwMonth: number;
}

/** Inputs of {@linkcode contractRevenueIntensity}. */
export interface ContractTerms {
  /** Total contract value over the base term, USD. */
  readonly contractValueUsd: number;
  /** Base term, years (> 0). */
  readonly termYears: number;
  /** Capacity, MW (> 0). */
  readonly capacityMw: number;
}

/**
 * F6: `TCV ÷ term_years ÷ MW` per MW-year, then ÷ 1000 ÷ 12 per kW-month.
 * Throws a `RangeError` for a non-finite or negative value, or a term or capacity of 0.
 *
 * @example CORZ–CoreWeave: $3.5B, 12 years, 200 MW (data/miner_ai_deals.csv CORZ-CRWV-2024-06)
 * ```ts
 * import { contractRevenueIntensity } from "./revenue_intensity.ts";
 * import assert from "node:assert/strict";
 *
 * const r = contractRevenueIntensity({ contractValueUsd: 3.5e9, termYears: 12, capacityMw: 200 });
 * assert.equal(Math.round(r.usdPerMwYear), 1_458_333);
 * assert.equal(r.usdPerKwMonth.toFixed(1), "121.5");
 * assert.throws(
 *   () => contractRevenueIntensity({ contractValueUsd: 1, termYears: 0, capacityMw: 1 }),
 *   /termYears: expected a value > 0, got 0/,
 * );
 * ```
 */
export function contractRevenueIntensity(terms: ContractTerms): RevenueIntensity {
  const rate = nonNegative("contractValueUsd", terms.contractValueUsd) /
    positive("termYears", terms.termYears) / positive("capacityMw", terms.capacityMw);
  return { usdPerMwYear: rate, usdPerKwMonth: mwYearToKwMonth(usdPerMwYear(rate)) };
}

/**
 * True when F6 applies to the row: a `contract` with a base-term value, a term and a MW figure.
 *
 * @example
 * ```ts
 * import { hasRevenueIntensity } from "./revenue_intensity.ts";
 * import assert from "node:assert/strict";
 *
 * const row = { event_kind: "contract", contract_value_usd: 3.5e9, term_years: 12, capacity_mw: 200 } as const;
 * assert.equal(hasRevenueIntensity(row), true);
 * assert.equal(hasRevenueIntensity({ ...row, event_kind: "groundbreaking" }), false);
 * assert.equal(hasRevenueIntensity({ ...row, term_years: NaN }), false);
 * ```
 */
export function hasRevenueIntensity(
  row: Pick<MinerAiDeal, "event_kind" | "contract_value_usd" | "term_years" | "capacity_mw">,
): boolean {
  return row.event_kind === "contract" && Number.isFinite(row.contract_value_usd) &&
    Number.isFinite(row.term_years) && Number.isFinite(row.capacity_mw);
}
