/**
 * A split site's value as sell-side notes state it: the sum of its parts under the house view
 * ({@linkcode houseSiteParts}), their total, and the table a note prints of them.
 *
 * @module
 */
import { markdownTable } from "../charts/markdown_table.ts";
import { formatUsd } from "../units/format.ts";
import type { HouseAssumptions } from "./house_assumptions.ts";
import { houseSiteParts, type SitePart } from "./house_values.ts";

/** A site's parts and their total. */
export interface HouseSiteValue {
  /** The parts, as {@linkcode houseSiteParts} gives them. */
  readonly parts: SitePart[];
  /** Their sum, USD. */
  readonly valueUsd: number;
}

/**
 * A split site's value under the house view: its parts and their total.
 *
 * @example The total is the parts' sum
 * ```ts
 * import { loadHouseAssumptions } from "./house_assumptions.ts";
 * import { houseSiteParts } from "./house_values.ts";
 * import { houseSiteValue } from "./house_site_value.ts";
 * import assert from "node:assert/strict";
 *
 * const house = await loadHouseAssumptions();
 * const site = houseSiteValue(house, { grossMw: 100, aiShare: 0.5 });
 * assert.deepEqual(site.parts, houseSiteParts(house, { grossMw: 100, aiShare: 0.5 }));
 * const [lease, mining, build] = site.parts.map((p) => p.valueUsd);
 * assert.equal(site.valueUsd, lease! + mining! + build!);
 * ```
 */
export function houseSiteValue(
  house: HouseAssumptions,
  site: { readonly grossMw: number; readonly aiShare: number },
): HouseSiteValue {
  const parts = houseSiteParts(house, site);
  return { parts, valueUsd: parts.reduce((total, p) => total + p.valueUsd, 0) };
}

/**
 * The markdown table of a site's value: one line per part worth something, then the total in
 * bold, set against the site's mean NPV at the same split.
 *
 * @example
 * ```ts
 * import { siteValueTable } from "./house_site_value.ts";
 * import assert from "node:assert/strict";
 *
 * const site = { valueUsd: 7e6, parts: [
 *   { part: "AI lease", valueUsd: 10e6, basis: "NOI at the cap rate" },
 *   { part: "Mining MW", valueUsd: 0, basis: "0 gross MW" },
 *   { part: "AI build", valueUsd: -3e6, basis: "the build" },
 * ] };
 * assert.equal(siteValueTable(site, { meanNpvUsd: 2e6 }), [
 *   "| Part | Value | Basis |",
 *   "|---|--:|---|",
 *   "| AI lease | $10.0M | NOI at the cap rate |",
 *   "| AI build | -$3.00M | the build |",
 *   "| **Site value** | **$7.00M** | against a mean NPV of $2.00M at the same split |",
 * ].join("\n"));
 * ```
 */
export function siteValueTable(
  site: HouseSiteValue,
  options: { readonly meanNpvUsd: number },
): string {
  const rows = site.parts.filter((p) => p.valueUsd !== 0).map((p) => ({
    part: p.part,
    value: formatUsd(p.valueUsd),
    basis: p.basis,
  }));
  rows.push({
    part: "**Site value**",
    value: `**${formatUsd(site.valueUsd)}**`,
    basis: `against a mean NPV of ${formatUsd(options.meanNpvUsd)} at the same split`,
  });
  return markdownTable(rows, [
    { title: "Part", cell: "part" },
    { title: "Value", cell: "value", align: "right" },
    { title: "Basis", cell: "basis" },
  ]);
}
