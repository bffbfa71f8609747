/**
 * Which row of a conflict the catalogue marks `preferred`: where two sources disagree on one
 * model, both rows are kept and the models use one. The rule, in order: the manufacturer's own
 * page over reporting (news, reviews, blogs) over second-hand pages (relays, rewrites, mirrors,
 * digests, summaries, resellers, pages marked weak); then the later source date (an undated
 * source last); then the row stating more figures (hashrate, power, J/TH); then the earlier row
 * of the input. Internal to `lib/ingest`.
 *
 * @module
 */
import type { LocatedModel } from "./_asic_rows.ts";

/** Kinds of source, best first. */
export const SOURCE_KINDS = ["manufacturer", "reporting", "second-hand"] as const;
/** One of {@linkcode SOURCE_KINDS}. */
export type SourceKind = typeof SOURCE_KINDS[number];

const SECOND_HAND =
  /\b(?:weak|reseller|relay|rewrite|mirror|digest|summary|marketing|aggregator|guide)\b/i;
const MANUFACTURER = /^(?:manufacturer|company)\b/i;

/**
 * The kind of a source from the input's `source_type`: second-hand when it names a relay,
 * rewrite, mirror, digest, summary, reseller, marketing page, guide or aggregator, or is marked
 * weak; the manufacturer's when it starts with "manufacturer" or "company"; reporting otherwise.
 *
 * @example
 * ```ts
 * import { sourceKind } from "./_asic_preferred.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(sourceKind("manufacturer spec page"), "manufacturer");
 * assert.equal(sourceKind("Hashrate Index (Luxor) hardware review"), "reporting");
 * assert.equal(sourceKind("news (Finnish relay of Bitcoin.com)"), "second-hand");
 * assert.equal(sourceKind("reseller page (weak)"), "second-hand");
 * ```
 */
export function sourceKind(sourceType: string): SourceKind {
  if (SECOND_HAND.test(sourceType)) return "second-hand";
  return MANUFACTURER.test(sourceType) ? "manufacturer" : "reporting";
}

/** How many of hashrate, power and stated J/TH a row gives. */
function figures(located: LocatedModel): number {
  const { hashrate_ths, power_w, stated_efficiency_j_per_th } = located.row;
  return [hashrate_ths, power_w, stated_efficiency_j_per_th].filter((v) => !Number.isNaN(v))
    .length;
}

/**
 * Why `a` is preferred over `b` (the first rule that tells them apart, in words), or
 * `undefined` when `b` is preferred over `a`.
 *
 * @example
 * ```ts
 * import { preferenceOver } from "./_asic_preferred.ts";
 * import type { LocatedModel } from "./_asic_rows.ts";
 * import type { AsicModel } from "../data/asic_models.ts";
 * import assert from "node:assert/strict";
 *
 * const row = { hashrate_ths: NaN, power_w: NaN, stated_efficiency_j_per_th: 9.7 } as AsicModel;
 * const a = { row, file: "f.csv", line: 8, sourceType: "news rewrite", sourceDate: "", conflict: true };
 * const b = { ...a, line: 9, row: { ...row, hashrate_ths: 580, stated_efficiency_j_per_th: 9.5 } };
 * assert.equal(preferenceOver(b, a), "it states more figures (2 of hashrate, power and J/TH, against 1)");
 * assert.equal(preferenceOver(a, b), undefined);
 * const dated = { ...a, sourceDate: "2025-10-20" };
 * assert.equal(preferenceOver(dated, b), "its source is later (2025-10-20, against undated)");
 * ```
 */
export function preferenceOver(a: LocatedModel, b: LocatedModel): string | undefined {
  const [kindA, kindB] = [sourceKind(a.sourceType), sourceKind(b.sourceType)];
  if (kindA !== kindB) {
    return SOURCE_KINDS.indexOf(kindA) < SOURCE_KINDS.indexOf(kindB)
      ? `its source is the ${kindA === "manufacturer" ? "manufacturer's" : kindA} ` +
        `(${a.sourceType}), the other ${kindB} (${b.sourceType})`
      : undefined;
  }
  if (a.sourceDate !== b.sourceDate) {
    // An undated source sorts first as "", so it loses to any date.
    return a.sourceDate > b.sourceDate
      ? `its source is later (${a.sourceDate}, against ${b.sourceDate || "undated"})`
      : undefined;
  }
  const [figuresA, figuresB] = [figures(a), figures(b)];
  if (figuresA !== figuresB) {
    return figuresA > figuresB
      ? `it states more figures (${figuresA} of hashrate, power and J/TH, against ${figuresB})`
      : undefined;
  }
  const earlier = a.file === b.file ? a.line < b.line : a.file < b.file;
  return earlier ? "the two tie on every rule, and it comes first in the input" : undefined;
}

/** A conflict after the choice: the preferred row, the rows it was preferred over, and why. */
export interface ResolvedConflict {
  /** The row marked `preferred`. */
  readonly preferred: LocatedModel;
  /** The other rows of the model, each with the reason it lost. */
  readonly others: readonly { readonly row: LocatedModel; readonly reason: string }[];
}

/**
 * `rows` with `preferred` set: `true` for a model stated once, and for the row of each repeated
 * model that wins under {@linkcode preferenceOver} against every other; `false` for the rest.
 * Also lists the conflicts with the reasons, for `SOURCES.md`.
 *
 * @example
 * ```ts
 * import { choosePreferred } from "./_asic_preferred.ts";
 * import type { AsicModel } from "../data/asic_models.ts";
 * import assert from "node:assert/strict";
 *
 * const row = {
 *   manufacturer: "Bitmain", model: "Antminer S23 Hydro", hashrate_ths: NaN, power_w: NaN,
 *   stated_efficiency_j_per_th: 9.7, preferred: true,
 * } as AsicModel;
 * const a = { row, file: "f.csv", line: 8, sourceType: "news rewrite", sourceDate: "", conflict: true };
 * const b = { ...a, line: 9, row: { ...row, hashrate_ths: 580, stated_efficiency_j_per_th: 9.5 } };
 * const { rows, conflicts } = choosePreferred([a, b]);
 * assert.deepEqual(rows.map((r) => r.row.preferred), [false, true]);
 * assert.equal(conflicts[0]!.preferred.line, 9);
 * ```
 */
export function choosePreferred(
  rows: readonly LocatedModel[],
): { rows: LocatedModel[]; conflicts: ResolvedConflict[] } {
  const groups = new Map<string, LocatedModel[]>();
  for (const located of rows) {
    const key = `${located.row.manufacturer}\u0000${located.row.model}`.toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), located]);
  }
  const winners = new Set<LocatedModel>();
  const conflicts: ResolvedConflict[] = [];
  for (const group of groups.values()) {
    const best = group.reduce((a, b) => (preferenceOver(b, a) === undefined ? a : b));
    winners.add(best);
    if (group.length === 1) continue;
    const others = group.filter((r) => r !== best)
      .map((row) => ({ row, reason: preferenceOver(best, row)! }));
    conflicts.push({ preferred: best, others });
  }
  return {
    rows: rows.map((located) => ({
      ...located,
      row: { ...located.row, preferred: winners.has(located) },
    })),
    conflicts,
  };
}
