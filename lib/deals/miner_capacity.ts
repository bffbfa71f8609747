/**
 * Critical IT MW contracted by miner and year announced, like with like
 * ({@linkcode contractedCapacity}): the stacks of a capacity exhibit, the totals of the last two
 * years, and the contracts kept out of the IT totals because their MW are on another basis.
 *
 * @module
 */
import type { MinerAiDeal } from "../data/miner_ai_deals.ts";
import { type ContractedCapacity, contractedCapacity } from "./deal_capacity.ts";

/** One miner's critical IT MW in one period. */
export interface MinerPeriodMw {
  /** The miner (`company`). */
  readonly miner: string;
  /** `YYYY`, or the undated label. */
  readonly period: string;
  /** Critical IT MW. */
  readonly mw: number;
}

/** A year's critical IT MW. */
export interface YearMw {
  /** `YYYY`. */
  readonly year: string;
  /** Critical IT MW contracted that year. */
  readonly mw: number;
}

/** Result of {@linkcode minerCapacity}. */
export interface MinerCapacity {
  /** Miner and period, years in order and the undated last; within a period, first seen first. */
  readonly rows: readonly MinerPeriodMw[];
  /** Contracts counted on critical IT MW. */
  readonly it: readonly ContractedCapacity[];
  /** Their MW. */
  readonly itMw: number;
  /** Of which announced without a date. */
  readonly undatedMw: number;
  /** Contracts whose MW are on another basis, not added to IT MW. */
  readonly otherBases: readonly ContractedCapacity[];
  /** The latest year with IT MW, and the latest month any contract was announced in it. */
  readonly lastYear: YearMw & { readonly lastMonth: string };
  /** The year before it with IT MW. */
  readonly previousYear: YearMw;
}

/** Options of {@linkcode minerCapacity}. */
export interface MinerCapacityOptions {
  /**
   * The period of contracts announced without a date.
   *
   * @default "date not stated"
   */
  readonly undatedLabel?: string;
}

/**
 * Critical IT MW by miner and year.
 *
 * @example 2025: 1,979 MW of critical IT, Galaxy's Helios at its 526 MW of IT
 * ```ts
 * import { minerCapacity } from "./miner_capacity.ts";
 * import { loadMinerAiDeals } from "../data/miner_ai_deals.ts";
 * import assert from "node:assert/strict";
 *
 * const c = minerCapacity(await loadMinerAiDeals());
 * assert.deepEqual(c.previousYear, { year: "2025", mw: 1_979 });
 * assert.equal(c.rows.filter((r) => r.miner === "Galaxy Digital").reduce((s, r) => s + r.mw, 0), 526);
 * ```
 */
export function minerCapacity(
  deals: readonly MinerAiDeal[],
  options: MinerCapacityOptions = {},
): MinerCapacity {
  const undated = options.undatedLabel ?? "date not stated";
  const capacity = contractedCapacity(deals);
  const it = capacity.filter((c) => c.basis === "critical IT");
  const periodOf = (c: ContractedCapacity) => c.year || undated;
  const years = [...new Set(it.map((c) => c.year).filter((y) => y !== ""))].sort();
  if (years.length < 2) {
    throw new RangeError(
      `Cannot compare years of contracted MW: expected critical IT MW in at least two years, got ${
        years.length === 0 ? "none" : years.join(", ")
      }`,
    );
  }
  const periods = [...years, ...(it.some((c) => c.year === "") ? [undated] : [])];
  const rows = [...Map.groupBy(it, (c) => `${c.company}\u0000${periodOf(c)}`)]
    .map(([key, group]) => {
      const [miner, period] = key.split("\u0000") as [string, string];
      return { miner, period, mw: group.reduce((sum, c) => sum + c.mw, 0) };
    })
    .toSorted((a, b) => periods.indexOf(a.period) - periods.indexOf(b.period));
  const mwIn = (period: string) =>
    rows.filter((r) => r.period === period).reduce((sum, r) => sum + r.mw, 0);
  const [previous, last] = years.slice(-2) as [string, string];
  const lastDay = deals
    .filter((d) => d.event_kind === "contract" && d.announcement_date.startsWith(last))
    .map((d) => d.announcement_date).sort().at(-1)!;
  return {
    rows,
    it,
    itMw: it.reduce((sum, c) => sum + c.mw, 0),
    undatedMw: it.some((c) => c.year === "") ? mwIn(undated) : 0,
    otherBases: capacity.filter((c) => c.basis !== "critical IT"),
    lastYear: { year: last, mw: mwIn(last), lastMonth: lastDay.slice(0, 7) },
    previousYear: { year: previous, mw: mwIn(previous) },
  };
}
