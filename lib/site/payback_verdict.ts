/**
 * Paybacks against their clocks, in words: which businesses earn back their capex before the
 * clock runs out (the next halving, the lease term, the GPU contract) and which need longer.
 *
 * @module
 */
import { finite } from "../units/checks.ts";
import { formatNumber } from "../units/format_number.ts";

/** What the sentences need of a business (see `businessesPerGrossMw`). */
export interface PaybackAgainstClock {
  /** Its name in a table, e.g. "Self-mining (S21)". */
  readonly business: string;
  /** Its name in a sentence, e.g. "S21 mining", "the lease". */
  readonly shortName: string;
  /** Capex ÷ yearly margin, years. */
  readonly paybackYears: number;
  /** Years the margin lasts. */
  readonly clockYears: number;
}

const COUNTS = ["none", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
const count = (n: number) => COUNTS[n] ?? String(n);

function checked(rows: readonly PaybackAgainstClock[]): readonly PaybackAgainstClock[] {
  if (rows.length === 0) throw new RangeError("Cannot judge paybacks: expected a business, got 0");
  for (const r of rows) {
    finite(`paybackYears of ${r.business}`, r.paybackYears);
    finite(`clockYears of ${r.business}`, r.clockYears);
  }
  return rows;
}

const years = (r: PaybackAgainstClock, against: string) =>
  `${formatNumber(r.paybackYears, 1)} years ${against} ${formatNumber(r.clockYears, 1)}`;

/**
 * One sentence: the businesses that pay back within their clocks, then those that need longer
 * with their years; a payback equal to its clock counts as within.
 *
 * @example
 * ```ts
 * import { paybackVerdict } from "./payback_verdict.ts";
 * import assert from "node:assert/strict";
 *
 * const rows = [
 *   { business: "Self-mining (S21)", shortName: "S21 mining", paybackYears: 4.46, clockYears: 1.88 },
 *   { business: "Colocation lease", shortName: "the lease", paybackYears: 6.3, clockYears: 13.5 },
 *   { business: "GPU cloud (H100)", shortName: "the GPU cloud", paybackYears: 3.2, clockYears: 5 },
 * ];
 * assert.equal(paybackVerdict(rows),
 *   "The lease and the GPU cloud pay back within their clocks; S21 mining needs 4.5 years against 1.9");
 * assert.equal(paybackVerdict(rows.slice(1)), "Both pay back within their clocks");
 * ```
 */
export function paybackVerdict(rows: readonly PaybackAgainstClock[]): string {
  const within = checked(rows).filter((r) => r.paybackYears <= r.clockYears);
  const beyond = rows.filter((r) => r.paybackYears > r.clockYears);
  const names = (list: readonly PaybackAgainstClock[]) =>
    list.map((r) => r.shortName).join(" and ");
  const one = (list: readonly unknown[], singular: string, plural: string) =>
    list.length === 1 ? singular : plural;
  const all = rows.length;
  const sentence = beyond.length === 0 && all > 1
    ? `${all === 2 ? "both" : `all ${count(all)}`} pay back within their clocks`
    : within.length === 0 && all > 1
    ? `${all === 2 ? "neither" : `none of the ${count(all)}`} pays back within its clock`
    : [
      within.length === 0
        ? ""
        : `${names(within)} ${one(within, "pays", "pay")} back within ${
          one(within, "its clock", "their clocks")
        }`,
      beyond.length === 0
        ? ""
        : `${names(beyond)} ${one(beyond, "needs", "need")} ${
          beyond.map((r) => years(r, "against")).join(" and ")
        }`,
    ].filter((part) => part !== "").join("; ");
  return sentence[0]!.toUpperCase() + sentence.slice(1);
}

/**
 * Every payback beside its clock, as a list in one line: "Colocation lease 6.3 years vs 13.5;
 * GPU cloud (H100) 3.2 years vs 5.0".
 *
 * @example
 * ```ts
 * import { paybacksAgainstClocks } from "./payback_verdict.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(paybacksAgainstClocks([
 *   { business: "Colocation lease", shortName: "the lease", paybackYears: 6.31, clockYears: 13.5 },
 *   { business: "GPU cloud (H100)", shortName: "the GPU cloud", paybackYears: 3.24, clockYears: 5 },
 * ]), "Colocation lease 6.3 years vs 13.5; GPU cloud (H100) 3.2 years vs 5.0");
 * ```
 */
export function paybacksAgainstClocks(rows: readonly PaybackAgainstClock[]): string {
  return checked(rows).map((r) => `${r.business} ${years(r, "vs")}`).join("; ");
}
