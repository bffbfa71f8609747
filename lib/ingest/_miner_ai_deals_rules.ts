/**
 * The tables that turn `facts/miner_ai_deals.csv`'s stated wording into `miner_ai_deals.csv`'s
 * normalised columns: the capacity basis each `capacity_basis` wording means, the event kind an
 * `event_type` names, and the structure a contract's stated text names. Internal to `lib/ingest`:
 * the build applies them and SOURCES.md prints them.
 *
 * @module
 */
import type { CapacityBasis, EventKind, Structure } from "../data/miner_ai_deals.ts";

/**
 * The input's `capacity_basis` wordings, verbatim, and what each means. A wording is matched
 * whole, its clarifications included, so a changed clarification is read again before it
 * counts: a wording not listed is an error. Add it here, with its meaning.
 *
 * @example
 * ```ts
 * import { CAPACITY_BASIS_BY_WORDING } from "./_miner_ai_deals_rules.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(CAPACITY_BASIS_BY_WORDING["IT capacity"], "critical IT");
 * assert.equal(CAPACITY_BASIS_BY_WORDING["gross power"], "gross");
 * assert.equal(CAPACITY_BASIS_BY_WORDING["IT load"], undefined); // not a wording of the input
 * ```
 */
export const CAPACITY_BASIS_BY_WORDING: Readonly<Record<string, CapacityBasis>> = {
  "critical IT": "critical IT",
  "critical IT load": "critical IT",
  "critical IT load (100 MW gross)": "critical IT",
  "critical IT load (430 MW utility power)": "critical IT",
  "critical IT load (lower bound); ~250 MW gross per zioncoins": "critical IT",
  // Galaxy Helios: the MW is approved power, not IT; ROW_CORRECTIONS restates that row.
  "critical IT load (total committed)": "critical IT",
  // "critical AI compute capacity" is the tenant's compute load, i.e. IT load.
  "critical IT (as stated: critical AI compute capacity)": "critical IT",
  "IT capacity": "critical IT",
  // The 133 MW is IT per the page the compiler cites; the later Helios tranches are IT too.
  "IT capacity (cryptotale.org/?p=19892: Helios 'expected to deliver 133 megawatts of IT capacity in early 2026'); later 260 MW and 133 MW tranches described as critical IT load":
    "critical IT",
  "IT load (as in 8-K summary; Reuters relay says '300 megawatts of capacity')": "critical IT",
  // The compiler's clarification: later Core Scientific releases count this 200 MW in their
  // "approximately 500 Megawatts of Critical IT Load".
  "infrastructure (critical IT load per later releases)": "critical IT",
  "gross power": "gross",
  "as stated": "unspecified",
  "as stated (MW)": "unspecified",
  "as stated (MW capacity)": "unspecified",
  "as stated (lower bound)": "unspecified",
  "as stated (MW; basis unspecified)": "unspecified",
  "as stated (MW of existing data centers; basis unspecified)": "unspecified",
};

/**
 * `event_type` → `event_kind`: the first rule whose pattern matches wins.
 *
 * @example
 * ```ts
 * import { EVENT_KIND_RULES } from "./_miner_ai_deals_rules.ts";
 * import assert from "node:assert/strict";
 *
 * const kind = (t: string) => EVENT_KIND_RULES.find((r) => r.pattern.test(t))?.kind;
 * assert.equal(kind("HPC hosting contracts (initial)"), "contract");
 * assert.equal(kind("acquisition rejected"), "acquisition terminated");
 * assert.equal(kind("end-user disclosure (Q1 2026 earnings call)"), "disclosure");
 * ```
 */
export const EVENT_KIND_RULES: readonly { readonly pattern: RegExp; readonly kind: EventKind }[] = [
  { pattern: /groundbreaking|break(?:s)? ground/i, kind: "groundbreaking" },
  { pattern: /rejected|terminated/i, kind: "acquisition terminated" },
  { pattern: /acquisition|merger/i, kind: "acquisition agreement" },
  { pattern: /disclosure/i, kind: "disclosure" },
  { pattern: /lease|hosting|colocation|contract|option exercise/i, kind: "contract" },
];

/**
 * Structure of a contract. A rent basis (triple net, modified gross) may be named in
 * `event_type`, `other_terms_as_stated` or `notes`; otherwise the kind of deal is read from
 * `event_type` alone. The first rule that matches wins; none leaves `structure` blank.
 *
 * @example
 * ```ts
 * import { STRUCTURE_RULES } from "./_miner_ai_deals_rules.ts";
 * import assert from "node:assert/strict";
 *
 * const first = STRUCTURE_RULES.find((r) => r.pattern.test("15-year triple-net lease"));
 * assert.equal(first?.structure, "lease NNN");
 * ```
 */
export const STRUCTURE_RULES: readonly {
  readonly pattern: RegExp;
  readonly structure: Structure;
  readonly in: "any stated text" | "event_type";
}[] = [
  { pattern: /triple[- ]net|\bNNN\b/i, structure: "lease NNN", in: "any stated text" },
  { pattern: /modified[- ]gross/i, structure: "lease modified gross", in: "any stated text" },
  { pattern: /GPU[- ]cloud|GPU-as-a-service/i, structure: "GPU cloud", in: "event_type" },
  { pattern: /colocation/i, structure: "colocation", in: "event_type" },
  { pattern: /\blease/i, structure: "lease", in: "event_type" },
  { pattern: /hosting/i, structure: "hosting", in: "event_type" },
];
