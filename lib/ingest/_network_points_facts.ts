/**
 * What building `network_points.csv` needs beyond the routing in `_capex_per_mw_facts.ts`: the
 * date each point describes (the facts table has no column for it, so an explicit table gives
 * it with the words in the row that state it), the unit the facts table writes for each metric,
 * and the range outside which a value is a unit slip. Internal to `lib/ingest`.
 *
 * @module
 */
import type { NetworkMetric } from "../data/network_points.ts";

/** The facts columns a date may be read from. */
export type DateColumn = "subject" | "figure_as_stated" | "unit" | "source_date" | "notes";

/** The date one point describes, and the words in its row that state it. */
export interface PointDate {
  /** The facts row's `subject`, exactly. */
  readonly subject: string;
  /** The facts row's `metric`, exactly. */
  readonly metric: string;
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`: as precise as the words allow. */
  readonly date: string;
  /** The column holding the words. */
  readonly column: DateColumn;
  /** Words of that cell that state the date (checked at build). */
  readonly asStated: string;
}

/**
 * One entry per network point of `facts/capex_and_context_points.csv`. The difficulty record of
 * September 2024 is dated by the page (2024-09-12) and its "On September 11"; the February 2026
 * difficulty drop by the article its notes cite (only the month is certain).
 */
export const NETWORK_POINT_DATES: readonly PointDate[] = [
  {
    subject: "Bitcoin mining industry (CCAF survey, 49 firms, ~48% / 268 EH/s of hashrate)",
    metric: "industry-wide ASIC efficiency estimate",
    date: "2024",
    column: "notes",
    asStated: "survey June-Sep 2024",
  },
  {
    subject: "Bitcoin network (GoMining Institutional / Coin Metrics Labs)",
    metric: "estimated network power draw",
    date: "2025-05",
    column: "unit",
    asStated: "May 2025",
  },
  {
    subject: "Bitcoin hashprice (Luxor Hashprice Index)",
    metric: "hashprice low",
    date: "2024-07-04",
    column: "figure_as_stated",
    asStated: "on July 4, 2024",
  },
  {
    subject: "Bitcoin hashprice (Luxor, November 2025 lookback)",
    metric: "hashprice all-time low (USD)",
    date: "2025-11-22",
    column: "unit",
    asStated: "2025-11-22",
  },
  {
    subject: "Bitcoin hashprice and difficulty (Hashrate Index, January 12, 2026)",
    metric: "USD hashprice and latest difficulty adjustment",
    date: "2026-01-12",
    column: "subject",
    asStated: "January 12, 2026",
  },
  {
    subject: "Bitcoin mining difficulty / hashprice (Sept 2024)",
    metric: "difficulty record and hashprice low",
    date: "2024-09-11",
    column: "figure_as_stated",
    asStated: "On September 11",
  },
  {
    subject: "Bitcoin mining difficulty",
    metric: "difficulty adjustment",
    date: "2026-02",
    column: "notes",
    asStated: "Feb 9, 2026: from ~141.6 T to 125.86 T",
  },
  {
    subject: "Bitcoin mining difficulty",
    metric: "difficulty adjustments (June 2026)",
    date: "2026-06-26",
    column: "unit",
    asStated: "after 2026-06-26",
  },
  {
    subject: "Bitcoin network hashrate (JPMorgan estimates)",
    metric: "monthly average hashrate",
    date: "2025-10",
    column: "figure_as_stated",
    asStated: "October 2025",
  },
  {
    subject: "Bitcoin network hashrate and mining revenue (JPMorgan, December 2025)",
    metric: "monthly average hashrate; daily block reward revenue per EH/s",
    date: "2025-12",
    column: "unit",
    asStated: "December 2025 monthly average",
  },
];

/**
 * The unit the facts table writes for each metric; a qualifier may follow it after " (" or ", "
 * ("GW (May 2025)"). Values are taken as they are: each is already in the dataset's unit.
 */
export const STATED_UNITS: Readonly<Record<NetworkMetric, string>> = {
  "fleet efficiency": "J/TH",
  "network power": "GW",
  "hashprice": "USD per PH/s per day",
  "difficulty": "T (difficulty, trillions)",
  "hashrate": "EH/s",
};

/**
 * Bounds, in the dataset's units, of any value since 2018; outside them a figure is in another
 * unit (a hashprice per TH/s, a raw difficulty, a hashrate in PH/s).
 */
export const PLAUSIBLE_VALUES: Readonly<Record<NetworkMetric, { min: number; max: number }>> = {
  "fleet efficiency": { min: 5, max: 200 },
  "network power": { min: 1, max: 200 },
  "hashprice": { min: 5, max: 5000 },
  "difficulty": { min: 1, max: 1000 },
  "hashrate": { min: 1, max: 10000 },
};

/**
 * True when `unit` is `stated`, alone or followed by a qualifier after " (" or ", ".
 *
 * @example
 * ```ts
 * import { isStatedUnit } from "./_network_points_facts.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(isStatedUnit("GW (May 2025)", "GW"), true);
 * assert.equal(isStatedUnit("USD per TH/s per day", "USD per PH/s per day"), false);
 * assert.equal(isStatedUnit("GWh", "GW"), false);
 * ```
 */
export function isStatedUnit(unit: string, stated: string): boolean {
  return unit === stated || unit.startsWith(`${stated} (`) || unit.startsWith(`${stated}, `);
}
