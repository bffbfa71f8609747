/**
 * Reading a fact's basis and scope from the facts table's own words (`basis`, `notes`): ordered
 * rules per metric family map the wording to one of {@linkcode COMPANY_BASES}. For hashrates,
 * megawatts, BTC held, cash, debt and share counts the basis decides what a figure is, so a
 * wording no rule reads is an error; for flows the rules read the span where the words give it
 * and say `not stated` otherwise. Internal to `lib/ingest`: the build applies the rules and
 * SOURCES.md prints them.
 *
 * @module
 */
import type { CompanyBasis, CompanyMetric, CompanyScope } from "../../data/companies.ts";

/** A wording pattern and the basis it states. */
export interface BasisRule {
  /** Matched against the stated basis, case-insensitively. */
  readonly pattern: RegExp;
  /** The basis it states. */
  readonly basis: CompanyBasis;
}

/** A family of metrics read by the same rules. */
export interface BasisFamily {
  /** Name for SOURCES.md and messages. */
  readonly name: string;
  /** Its metrics. */
  readonly metrics: readonly CompanyMetric[];
  /** The rules, first match wins. */
  readonly rules: readonly BasisRule[];
  /** Whether a wording no rule reads is an error (else it is `not stated`). */
  readonly strict: boolean;
}

const rule = (pattern: RegExp, basis: CompanyBasis): BasisRule => ({ pattern, basis });
/** The facts table's "basis not stated" in any of its phrasings. */
const NOT_STATED = rule(/\bnot stated\b/i, "not stated");
const SPANS: readonly BasisRule[] = [
  rule(/\bYTD\b|year to date/i, "year to date"),
  rule(/\bmonth\b/i, "month"),
  rule(/\bquarter\b/i, "quarter"),
  rule(/\byear\b|\bannual\b|full-year/i, "year"),
];

/**
 * The families, their rules and whether they are strict. A strict family's last rules list
 * the wordings that describe a figure without stating its basis ("utilized in the month",
 * "development pipeline"): those are `not stated`, anything else is an error to be read.
 */
export const BASIS_FAMILIES: readonly BasisFamily[] = [
  {
    name: "hashrate",
    metrics: [
      "hashrate_operating",
      "hashrate_installed",
      "hashrate_unspecified",
      "hashrate_hosted",
      "hashrate_target",
    ],
    strict: true,
    rules: [
      NOT_STATED,
      // Before "average": CleanSpark's "operating, period-end (monthly average 35.52)".
      rule(/\bperiod-end\b|\breached\b|\bactive\b|\boperational\b/i, "operating at period end"),
      rule(/\baverage\b/i, "average operating"),
      rule(/\benergi[sz]ed\b/i, "energized"),
      rule(/\bdeployed\b|\binstalled\b|\bmining capacity\b|\bmaximum\b/i, "installed"),
      rule(/\bquarter-end\b|\bhosted\b|\btarget\b/i, "not stated"),
    ],
  },
  {
    name: "megawatts",
    metrics: [
      "power_operating",
      "power_under_construction",
      "power_portfolio",
      "power_pipeline",
      "power_interconnect_approved",
      "hpc_contracted_it",
      "hpc_contracted_mw",
      "hpc_operating_mw",
      "hpc_under_construction_mw",
      "hpc_pipeline_mw",
    ],
    strict: true,
    rules: [
      // Where the wording names a basis and also says it is not stated, it is not stated.
      NOT_STATED,
      rule(/\bmixed basis\b/i, "not stated"),
      rule(/\bapprov(?:ed|al)\b/i, "approved"),
      rule(/\bcritical IT\b|\bIT (?:capacity|load)\b/i, "critical IT"),
      rule(/\bgross\b/i, "gross"),
      rule(
        /\b(?:operational|utilized|energized|under management|developed|capacity|power|hosted|pipeline|development|construction|study|LOI|campus|subset)\b/i,
        "not stated",
      ),
    ],
  },
  {
    name: "BTC held",
    metrics: ["btc_held"],
    strict: true,
    rules: [
      rule(/\bparent only\b/i, "parent only"),
      rule(/\bexcl\b/i, "excl. pledged"),
      rule(/\btotal\b|\bincl\b|\bincluding\b|\bconsolidated\b|\bcustody\b/i, "total"),
      rule(
        /\bmonth-end\b|\btreasury\b|\breserve\b|\bquantity held\b|\blower bound\b/i,
        "not stated",
      ),
    ],
  },
  {
    name: "cash",
    metrics: ["cash"],
    strict: true,
    rules: [
      rule(/\bunrestricted\b/i, "unrestricted"),
      rule(/\brestricted cash\b/i, "incl. restricted"),
      rule(/\bcash and (?:cash )?equivalents\b/i, "cash and equivalents"),
      rule(/^cash\b/i, "not stated"),
    ],
  },
  {
    name: "debt",
    metrics: ["debt_principal", "convertible_notes_principal"],
    strict: true,
    rules: [
      NOT_STATED,
      rule(/\bissue size\b|\bnew\b[^;]*\bissue\b|\boption\b/i, "issue size"),
      rule(/\boutstanding\b|\btotal\b|\btranches\b|\bconverts \+/i, "outstanding"),
      rule(/\bface\b|\bdrawn\b/i, "not stated"),
    ],
  },
  {
    name: "share count",
    metrics: ["shares_outstanding"],
    strict: true,
    rules: [
      rule(/\bcover\b/i, "cover page"),
      rule(/\bbalance sheet\b|\bstatement of\b|\bissued less treasury\b/i, "balance sheet"),
      rule(/\bClass A \+ Class B\b/i, "not stated"),
    ],
  },
  {
    name: "flows",
    metrics: [
      "btc_mined",
      "btc_sold",
      "btc_purchased",
      "revenue_mining",
      "revenue_hpc",
      "revenue_total",
      "capex_funded_by_tenant",
      "financing_raised",
      "cost_per_btc_energy",
      "cost_per_btc_cash",
      "power_cost",
      "shares_weighted_basic",
    ],
    strict: false,
    rules: SPANS,
  },
  {
    name: "other",
    metrics: [
      "fleet_efficiency",
      "btc_loaned_or_pledged",
      "btc_holdings_value",
      "eth_held",
      "hpc_contract_value",
      "gpu_count",
      "shares_issued",
      "liquidity",
      "debt_carrying",
      "convertible_notes_retired",
      "debt_facility_size",
    ],
    strict: false,
    rules: [],
  },
];

/**
 * The family of `metric`.
 *
 * @example
 * ```ts
 * import { basisFamily } from "./_companies_basis.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(basisFamily("hpc_contracted_it").name, "megawatts");
 * ```
 */
export function basisFamily(metric: CompanyMetric): BasisFamily {
  const family = BASIS_FAMILIES.find((f) => f.metrics.includes(metric));
  if (family === undefined) throw new TypeError(`Cannot read basis: no family for ${metric}`);
  return family;
}

/**
 * The basis a stated wording gives for `metric`, or `undefined` when a strict family's rules
 * do not read it.
 *
 * @example
 * ```ts
 * import { readBasis } from "./_companies_basis.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(readBasis("hashrate_installed", "energized"), "energized");
 * assert.equal(readBasis("hpc_contracted_mw", "approved power (gross)"), "approved");
 * assert.equal(readBasis("btc_mined", "quarter total"), "quarter");
 * assert.equal(readBasis("hashrate_operating", "nameplate"), undefined);
 * ```
 */
export function readBasis(metric: CompanyMetric, stated: string): CompanyBasis | undefined {
  const family = basisFamily(metric);
  const found = family.rules.find((r) => r.pattern.test(stated));
  if (found !== undefined) return found.basis;
  return family.strict ? undefined : "not stated";
}

/** Notes flag: the facts table marks a site's figure so. */
export const SITE_FLAG = /\bsite-level\b/i;
/**
 * Wordings of a part of a company figure. "subset of btc_held" is how the facts table defines
 * `btc_loaned_or_pledged`, a company figure in its own right.
 */
export const PART_WORDING =
  /\bincrement(?:al)?\b|\bpart of\b|\bphase \d+ only\b|\bsubset\b(?! of btc_held)|\bcontribution\b/i;

/**
 * A fact's scope: `site` where its notes flag it site-level, `part` where its basis or notes
 * word it as an increment, a phase, a subset or a contribution, else `company`.
 *
 * @example
 * ```ts
 * import { readScope } from "./_companies_basis.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(readScope("operational, Corsicana site only", "site-level"), "site");
 * assert.equal(readScope("critical IT; incremental to 168 MW", ""), "part");
 * assert.equal(readScope("loaned to counterparties (subset of btc_held)", ""), "company");
 * ```
 */
export function readScope(basis: string, notes: string): CompanyScope {
  if (SITE_FLAG.test(notes)) return "site";
  if (PART_WORDING.test(basis) || /\bincrement at\b/i.test(notes)) return "part";
  return "company";
}
