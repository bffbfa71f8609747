/**
 * The rows of a rent-sets table, as text: the comparable set, every lease with a rent and each
 * GPU-cloud contract on its own line, with count, MW, median, range, MW-weighted rent and the
 * median per kW-month, formatted by `lib/units/format.ts` ("–" where one contract has no range).
 *
 * @module
 */
import { formatUsd, formatUsdPerKwMonth } from "../units/format.ts";
import { formatNumber } from "../units/format_number.ts";
import { type DealIntensitySummary, dealIntensitySummary } from "./deal_analytics.ts";
import type { RentSets } from "./rent_sets.ts";

/** One line of the table, every cell as text. */
export interface RentSetRow {
  /** The set's name. */
  readonly set: string;
  /** Contracts in it. */
  readonly contracts: string;
  /** Their MW. */
  readonly mw: string;
  /** Median rent, USD per MW-year. */
  readonly median: string;
  /** Lowest–highest rent, USD per MW-year; "–" for a single GPU-cloud contract. */
  readonly range: string;
  /** MW-weighted rent, USD per MW-year; "–" for a single GPU-cloud contract. */
  readonly weighted: string;
  /** Median rent per kW-month. */
  readonly medianKwMonth: string;
}

/**
 * The table's rows; `comparableName` names the first.
 *
 * @example
 * ```ts
 * import { rentSetRows } from "./rent_set_rows.ts";
 * import { rentSets } from "./rent_sets.ts";
 * import { loadMinerAiDeals } from "../data/miner_ai_deals.ts";
 * import assert from "node:assert/strict";
 *
 * const rows = rentSetRows(rentSets(await loadMinerAiDeals(), { askingUsdPerKwMonth: 184.06 }), "Comparable");
 * assert.equal(rows[0]!.set, "Comparable");
 * assert.deepEqual(rows.at(-1), { set: "GPU cloud: IREN / NVIDIA (2026-05)", contracts: "1", mw: "60",
 *   median: "$11.3M", range: "–", weighted: "–", medianKwMonth: "$944.4/kW-mo" });
 * ```
 */
export function rentSetRows(sets: RentSets, comparableName: string): RentSetRow[] {
  const row = (set: string, s: DealIntensitySummary, single = false): RentSetRow => ({
    set,
    contracts: formatNumber(s.deals),
    mw: formatNumber(s.totalMw),
    median: formatUsd(s.medianUsdPerMwYear),
    range: single ? "–" : `${formatUsd(s.minUsdPerMwYear)}–${formatUsd(s.maxUsdPerMwYear)}`,
    weighted: single ? "–" : formatUsd(s.weightedUsdPerMwYear),
    medianKwMonth: formatUsdPerKwMonth(s.medianUsdPerKwMonth),
  });
  return [
    row(comparableName, sets.summary),
    row("All leases with a rent, any MW basis", sets.leasesSummary),
    ...sets.gpuCloud.map((g) =>
      row(`GPU cloud: ${g.label}`, dealIntensitySummary([g.intensity]), true)
    ),
  ];
}
