/**
 * The bars of the three charts that compare the businesses per gross MW: revenue beside cash
 * margin (USD millions per MW-year), capex (USD millions per MW), and payback beside its clock
 * (years), in the rows' order, long-form for `columnSpec`.
 *
 * @module
 */
import type { BusinessPerGrossMw } from "./businesses_per_gross_mw.ts";

/** The measure beside each payback. */
export const CLOCK_MEASURE = "Clock (halving, lease or contract)";

/** The charts' rows. */
export interface BusinessColumns {
  /** Revenue and cash margin per gross MW-year, USD millions. */
  readonly earnings: readonly {
    readonly business: string;
    readonly measure: "Revenue" | "Cash margin";
    readonly usdM: number;
  }[];
  /** Capex per gross MW, USD millions. */
  readonly capex: readonly { readonly business: string; readonly capexM: number }[];
  /** Payback and the clock it races, years. */
  readonly payback: readonly {
    readonly business: string;
    readonly measure: "Payback" | typeof CLOCK_MEASURE;
    readonly years: number;
  }[];
}

/**
 * The bars, business by business.
 *
 * @example
 * ```ts
 * import { businessColumns } from "./business_columns.ts";
 * import assert from "node:assert/strict";
 *
 * const lease = { business: "Colocation lease", revenue: 1.46e6, margin: 1.24e6, capex: 7.84e6,
 *   paybackYears: 6.3, clockYears: 13.5 };
 * const bars = businessColumns([lease]);
 * assert.deepEqual(bars.earnings, [
 *   { business: "Colocation lease", measure: "Revenue", usdM: 1.46 },
 *   { business: "Colocation lease", measure: "Cash margin", usdM: 1.24 },
 * ]);
 * assert.deepEqual(bars.capex, [{ business: "Colocation lease", capexM: 7.84 }]);
 * assert.deepEqual(bars.payback.map((b) => b.years), [6.3, 13.5]);
 * ```
 */
export function businessColumns(
  rows: readonly Pick<
    BusinessPerGrossMw,
    "business" | "revenue" | "margin" | "capex" | "paybackYears" | "clockYears"
  >[],
): BusinessColumns {
  return {
    earnings: rows.flatMap((b) => [
      { business: b.business, measure: "Revenue" as const, usdM: b.revenue / 1e6 },
      { business: b.business, measure: "Cash margin" as const, usdM: b.margin / 1e6 },
    ]),
    capex: rows.map((b) => ({ business: b.business, capexM: b.capex / 1e6 })),
    payback: rows.flatMap((b) => [
      { business: b.business, measure: "Payback" as const, years: b.paybackYears },
      { business: b.business, measure: CLOCK_MEASURE, years: b.clockYears },
    ]),
  };
}
