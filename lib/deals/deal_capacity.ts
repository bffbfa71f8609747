/**
 * How much capacity miners have contracted to AI/HPC tenants, summed like with like: each
 * contract counts once, on a critical-IT basis wherever the dataset knows its IT load
 * (`critical_it_mw`), otherwise on the basis its source states; one basis is never added to
 * another. Galaxy's Helios shows why: its 800 MW is approved power, its IT load 526 MW.
 *
 * @module
 */
import { CAPACITY_BASES, type CapacityBasis, type MinerAiDeal } from "../data/miner_ai_deals.ts";

/** One contract's MW, on one basis. */
export interface ContractedCapacity {
  /** The dataset `deal_id`. */
  readonly dealId: string;
  /** The miner. */
  readonly company: string;
  /** Year announced, `YYYY`, or `""` when the dataset has no date. */
  readonly year: string;
  /** `"critical IT"` wherever the IT load is known, else the basis the source states. */
  readonly basis: CapacityBasis;
  /** MW on that basis. */
  readonly mw: number;
}

/**
 * Each contract with a MW figure, once: its critical IT MW when the dataset has it, otherwise
 * its MW as stated with the stated basis. Events that are not contracts (acquisitions,
 * groundbreakings, disclosures) are left out; so are contracts with no MW at all.
 *
 * @example
 * ```ts
 * import { contractedCapacity } from "./deal_capacity.ts";
 * import { loadMinerAiDeals } from "../data/miner_ai_deals.ts";
 * import assert from "node:assert/strict";
 *
 * const helios = contractedCapacity(await loadMinerAiDeals())
 *   .filter((c) => c.company === "Galaxy Digital");
 * assert.deepEqual(helios.map((c) => [c.year, c.basis, c.mw]), [
 *   ["2025", "critical IT", 393], // second phase 260 + option 133; the 800 MW is approved power
 *   ["2025", "critical IT", 133], // initial lease
 * ]);
 * ```
 */
export function contractedCapacity(deals: readonly MinerAiDeal[]): ContractedCapacity[] {
  const out: ContractedCapacity[] = [];
  for (const d of deals) {
    if (d.event_kind !== "contract") continue;
    const it = Number.isFinite(d.critical_it_mw);
    if (!it && !(Number.isFinite(d.capacity_mw) && d.capacity_basis !== "")) continue;
    out.push({
      dealId: d.deal_id,
      company: d.company,
      year: d.announcement_date.slice(0, 4),
      basis: it ? "critical IT" : d.capacity_basis as CapacityBasis,
      mw: it ? d.critical_it_mw : d.capacity_mw,
    });
  }
  return out;
}

/** MW contracted in one year on one basis. */
export interface YearlyCapacity {
  /** `YYYY`, or `""` for contracts without a date. */
  readonly year: string;
  /** The one basis summed. */
  readonly basis: CapacityBasis;
  /** Sum of the contracts' MW. */
  readonly mw: number;
  /** The contracts summed, in dataset order. */
  readonly dealIds: readonly string[];
}

/** Options of {@linkcode contractedMwByYear}. */
export interface ContractedMwByYearOptions {
  /** The basis to sum. Default `"critical IT"`: the load a tenant pays for. */
  readonly basis?: CapacityBasis;
}

/**
 * MW contracted per year announced, on one basis only ({@linkcode contractedCapacity}); years
 * in order, then undated contracts (`year: ""`). Years with no contract on the basis are
 * absent.
 *
 * @example
 * ```ts
 * import { contractedMwByYear } from "./deal_capacity.ts";
 * import { loadMinerAiDeals } from "../data/miner_ai_deals.ts";
 * import assert from "node:assert/strict";
 *
 * const byYear = contractedMwByYear(await loadMinerAiDeals());
 * const mw = (year: string) => byYear.find((y) => y.year === year)!.mw;
 * assert.equal(mw("2024"), 320); // Core Scientific–CoreWeave 200 + 120 MW of critical IT
 * assert.equal(mw("2025"), 1_979); // Galaxy's Helios counts its 526 MW of IT, not 800 MW of power
 * assert.throws(
 *   () => contractedMwByYear([], { basis: "IT" as "gross" }),
 *   /^RangeError: Cannot sum contracted MW: basis "IT" is not one of "critical IT", "gross"/,
 * );
 * ```
 */
export function contractedMwByYear(
  deals: readonly MinerAiDeal[],
  options: ContractedMwByYearOptions = {},
): YearlyCapacity[] {
  const basis = options.basis ?? "critical IT";
  if (!(CAPACITY_BASES as readonly string[]).includes(basis)) {
    throw new RangeError(
      `Cannot sum contracted MW: basis ${JSON.stringify(basis)} is not one of ` +
        CAPACITY_BASES.map((b) => JSON.stringify(b)).join(", "),
    );
  }
  const byYear = Map.groupBy(
    contractedCapacity(deals).filter((c) => c.basis === basis),
    (c) => c.year,
  );
  return [...byYear]
    .map(([year, rows]) => ({
      year,
      basis,
      mw: rows.reduce((sum, c) => sum + c.mw, 0),
      dealIds: rows.map((c) => c.dealId),
    }))
    // Undated last.
    .sort((a, b) => (a.year || "9999").localeCompare(b.year || "9999"));
}
