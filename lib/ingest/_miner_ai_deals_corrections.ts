/**
 * Findings that `facts/miner_ai_deals.csv` records in its own notes, and what the dataset
 * carries because of them. Where a row's notes say a compiled cell is wrong (a "CORRECTION"
 * remark, or a check verdict of "WRONG …"), an entry here restates the cell and says why. Each
 * entry names the cells as compiled when it was written, so a re-compiled row is read again
 * rather than corrected blindly. Internal to `lib/ingest`: the build applies the entries and
 * SOURCES.md prints them.
 *
 * @module
 */
import type { CapacityBasis } from "../data/miner_ai_deals.ts";

/**
 * Words in `notes` that record a finding the build must act on. A row whose notes match needs
 * an entry in {@linkcode ROW_CORRECTIONS}; upper case only, so "wrongly say" is a remark, not a
 * verdict.
 *
 * @example
 * ```ts
 * import { FINDING_IN_NOTES } from "./_miner_ai_deals_corrections.ts";
 * import assert from "node:assert/strict";
 *
 * assert.ok(FINDING_IN_NOTES.test("check 2026-12-06: WRONG PERIOD (date)"));
 * assert.ok(!FINDING_IN_NOTES.test("some relays wrongly say 800 MW; check: CONFIRMED"));
 * ```
 */
export const FINDING_IN_NOTES = /\bCORRECTION\b|\bWRONG\b/;

/** Input cells a correction may be written against. */
export interface CompiledCells {
  /** `capacity_mw`, MW. */
  readonly capacity_mw?: number;
  /** `capacity_basis`, the compiler's wording. */
  readonly capacity_basis?: string;
  /** `contract_value_usd`, USD. */
  readonly contract_value_usd?: number;
  /** `announcement_date_as_stated`. */
  readonly announcement_date_as_stated?: string;
}

/** What the dataset carries for one row instead of what the compiled cells say. */
export interface RowCorrection {
  /** The row's `deal_id`. */
  readonly dealId: string;
  /** Words of the row's `notes` that record the finding. */
  readonly recordedAs: string;
  /** The cells as compiled when the correction was written; if one differs, the build fails. */
  readonly compiled: CompiledCells;
  /** The basis `capacity_mw` truly has. */
  readonly capacityBasis?: CapacityBasis;
  /** MW figures stated in `capacity_as_stated` whose sum is the critical IT the row adds. */
  readonly criticalItMwParts?: readonly number[];
  /** The announcement date the finding supports, instead of the one read from the text. */
  readonly announcementDate?: string;
  /** The compiled value is probably not one base-term value: `contract_value_usd` is blank. */
  readonly valueNotBaseTerm?: true;
  /** The finding, citing the pages the row's notes cite. */
  readonly why: string;
}

/**
 * The corrections, one per row at most.
 *
 * @example
 * ```ts
 * import { ROW_CORRECTIONS } from "./_miner_ai_deals_corrections.ts";
 * import assert from "node:assert/strict";
 *
 * const helios = ROW_CORRECTIONS.find((c) => c.dealId === "GLXY-CRWV-2025-08")!;
 * assert.equal(helios.capacityBasis, "approved power");
 * assert.equal(helios.criticalItMwParts!.reduce((a, b) => a + b), 393); // + 133 initial = 526
 * ```
 */
export const ROW_CORRECTIONS: readonly RowCorrection[] = [
  {
    dealId: "GLXY-CRWV-2025-08",
    recordedAs: "CORRECTION REMARK",
    compiled: { capacity_mw: 800, capacity_basis: "critical IT load (total committed)" },
    capacityBasis: "approved power",
    criticalItMwParts: [260, 133],
    why: "800 MW is Helios's approved power, not critical IT: CoreWeave committed to " +
      '"the full 800 MW of approved power capacity" (the row\'s capacity_as_stated; also ' +
      "https://www.ainvest.com/news/coreweave-executes-2nd-phase-pact-datacenter-expansion-2508). " +
      "The critical IT this event adds is the 260 MW second phase and the 133 MW option, 393 MW; " +
      "with the 133 MW initial lease (GLXY-CRWV-2025-03) Helios holds 526 MW of IT " +
      '("spans 15 years and 526MW", https://whispertick.com/galaxy-digital-secures-1-4b-' +
      "financing-for-15-year-coreweave-ai-data-centre-deal-1b-annual-revenue-by-2028).",
  },
  {
    dealId: "WYFI-NSCALE-2025-12",
    recordedAs: "WRONG PERIOD (date)",
    compiled: { announcement_date_as_stated: "December 22, 2025" },
    announcementDate: "2025-12",
    why:
      "December 22, 2025 is one relay's date (https://www.idcnova.com/html/1/59/153/4682.html); " +
      "the 8-K, as the row's check reads it, has the agreement signed November 22 and " +
      "announced December 18–19, 2025, so only the month is certain.",
  },
  {
    dealId: "GPUS-NEOCLOUD-2026-06",
    recordedAs: "WRONG BASIS (value, probable)",
    compiled: { contract_value_usd: 1_200_000_000 },
    valueNotBaseTerm: true,
    why: "The page reads the ~$1.2 billion as the initial 10-year term, but the 8-K summary the " +
      'row\'s check cites has it "if fully exercised" (10 years and two 5-year options), and ' +
      "the >$3.0 billion with a further 32 MW fits a 20-year reading: not one base-term value, " +
      "so no F6 until the 8-K exhibit settles it.",
  },
];
