/**
 * What moves a split site's NPV under the house view: a tornado over the inputs of the house's site
 * plan, one at a time, on the central case. Each input's range is the house view's or the data's
 * where they state one (the BTC price's bear and bull, the power price's range, the comparable
 * leases' rents, the disclosed build costs) and the analyst's otherwise (the discount rate's swing,
 * the horizon, the AI PUE).
 *
 * @module
 */
import { type Tornado, tornado, type TornadoRow } from "../finance/tornado.ts";
import { siteCashFlows } from "../site/site_cash_flows.ts";
import { siteNpv } from "../site/site_npv.ts";
import type { AiPlan, SitePlan } from "../site/site_plan.ts";
import { fraction, nonNegative, positive } from "../units/checks.ts";
import { formatPercent, formatPowerPrice, formatUsd } from "../units/format.ts";
import { usdPerKwh, usdPerMwYear } from "../units/prices.ts";
import { type HouseAssumptions, overrideHouse } from "./house_assumptions.ts";
import { centralHashprice, houseSitePlan } from "./house_values.ts";

/** Options of {@linkcode houseSiteTornado}. */
export interface HouseSiteTornadoOptions {
  /** The site's gross MW. Required. */
  readonly grossMw: number;
  /** Share of the gross MW leased to AI, 0–1. Required. */
  readonly aiShare: number;
  /** The comparable leases' lowest and highest rent, USD per IT MW-year over the term: the
   * template's year-one rent is scaled by each one's ratio to the template lease's own. Required. */
  readonly comparableRentsUsdPerMwYear: readonly number[];
  /** Points either side of the house discount rate. Required. */
  readonly discountRateSwing: number;
  /** Shortest and longest horizon, years. Required. */
  readonly horizonYears: readonly number[];
  /** Lowest and highest AI PUE. Required. */
  readonly aiPue: readonly number[];
}

/** A tornado bar with its label: the input and its range ("AI PUE (1.10–1.58)"). */
export interface LabelledTornadoRow extends TornadoRow {
  /** The input and the range it was varied over. */
  readonly label: string;
}

/** Result of {@linkcode houseSiteTornado}: outputs are NPVs in USD millions. */
export interface HouseSiteTornado extends Tornado {
  /** The rows, widest first, each with its label. */
  readonly rows: LabelledTornadoRow[];
}

/** A low–high pair of positive values, or a RangeError naming the field. */
function positivePair(field: string, values: readonly number[]): readonly [number, number] {
  if (values.length !== 2) {
    throw new RangeError(`Cannot use ${field}: expected [low, high], got ${values.length} values`);
  }
  return [positive(`${field}[0]`, values[0]!), positive(`${field}[1]`, values[1]!)];
}

/** An input's value as the tornado's labels show it. */
function shown(input: string, value: number): string {
  switch (input) {
    case "Power price":
      return formatPowerPrice(value);
    case "Discount rate":
      return formatPercent(value, 1);
    case "Horizon":
      return `${value} yr`;
    case "AI PUE":
      return value.toFixed(2);
    default: // the BTC price, the rent and the build cost
      return formatUsd(value);
  }
}

/**
 * The NPV of the house's site plan at `aiShare` (central case, USD millions), varied one input at
 * a time: the BTC price (house bear to bull), the power price (house range), the year-one rent
 * (the comparable leases' spread), the build cost (the lowest and highest disclosed), the
 * discount rate, the horizon and the AI PUE (the ranges given).
 *
 * @example The base is the plan's central NPV; the house's ranges bracket the base values
 * ```ts
 * import { loadHouseAssumptions } from "./house_assumptions.ts";
 * import { houseSitePlan } from "./house_values.ts";
 * import { houseSiteTornado } from "./house_site_tornado.ts";
 * import { siteCashFlows, siteNpv } from "../site/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const house = await loadHouseAssumptions();
 * const t = houseSiteTornado(house, { grossMw: 100, aiShare: 0.5, comparableRentsUsdPerMwYear: [1e6, 2e6],
 *   discountRateSwing: 0.02, horizonYears: [10, 20], aiPue: [1.1, 1.5] });
 * const flows = siteCashFlows(houseSitePlan(house, 100), { aiShare: 0.5 });
 * assert.equal(t.baseOutput, siteNpv(flows, { discountRate: house.discountRate }) / 1e6);
 * assert.equal(t.rows.length, 7);
 * const pue = t.rows.find((r) => r.input === "AI PUE")!;
 * assert.equal(pue.label, "AI PUE (1.10–1.50)");
 * assert.throws(() => houseSiteTornado(house, { grossMw: 100, aiShare: 0.5, comparableRentsUsdPerMwYear: [1e6, 2e6],
 *   discountRateSwing: 0.02, horizonYears: [10, 20], aiPue: [0, 1.5] }), /aiPue\[0\]: expected a value > 0, got 0/);
 * assert.throws(() => houseSiteTornado(house, { grossMw: 100, aiShare: 0.5, comparableRentsUsdPerMwYear: [1e6, 2e6],
 *   discountRateSwing: 0.02, horizonYears: [10], aiPue: [1.1, 1.5] }), /horizonYears: expected \[low, high\], got 1 values/);
 * ```
 */
export function houseSiteTornado(
  house: HouseAssumptions,
  options: HouseSiteTornadoOptions,
): HouseSiteTornado {
  const aiShare = fraction("aiShare", options.aiShare);
  const [rentLow, rentHigh] = positivePair(
    "comparableRentsUsdPerMwYear",
    options.comparableRentsUsdPerMwYear,
  );
  const horizonYears = positivePair("horizonYears", options.horizonYears);
  const aiPue = positivePair("aiPue", options.aiPue);
  const plan = houseSitePlan(house, options.grossMw);
  if (plan.ai.kind !== "colocation") {
    throw new TypeError(
      `Cannot vary the rent: expected the house plan's ai.kind "colocation", got "${plan.ai.kind}"`,
    );
  }
  const ai = plan.ai;
  const rent = ai.firstYearRent;
  const templateRent = house.ai.leaseDeal.usd_per_mw_year;
  const rate = house.discountRate;
  const swing = nonNegative("discountRateSwing", options.discountRateSwing);
  const base: Record<string, number> = {
    "BTC price": house.btcPrice.startUsd,
    "Power price": house.powerPriceUsdPerKwh,
    "Year-one rent": rent,
    "Build cost": house.ai.buildCostUsdPerItMw,
    "Discount rate": rate,
    "Horizon": plan.horizonMonths / 12,
    "AI PUE": house.ai.pue,
  };
  const ranges: Record<string, readonly [number, number]> = {
    "BTC price": [house.btcPrice.bearUsd, house.btcPrice.bullUsd],
    "Power price": house.powerPriceRangeUsdPerKwh,
    "Year-one rent": [rent * rentLow / templateRent, rent * rentHigh / templateRent],
    "Build cost": house.ai.buildCostRangeUsdPerItMw,
    "Discount rate": [rate - swing, rate + swing],
    "Horizon": horizonYears,
    "AI PUE": aiPue,
  };
  const npvAt = (x: Record<string, number>) => {
    const steps = Math.round(x["Horizon"]! * 12);
    const varied: SitePlan = {
      ...plan,
      horizonMonths: steps,
      mining: {
        ...plan.mining,
        hashprice: centralHashprice(overrideHouse(house, { btcStartUsd: x["BTC price"]! }), steps),
        powerPrice: usdPerKwh(x["Power price"]!),
      },
      ai: {
        ...ai,
        pue: x["AI PUE"]!,
        firstYearRent: usdPerMwYear(x["Year-one rent"]!),
        capexUsdPerItMw: x["Build cost"]!,
      } satisfies AiPlan,
    };
    return siteNpv(siteCashFlows(varied, { aiShare }), { discountRate: x["Discount rate"]! }) /
      1e6;
  };
  const result = tornado(npvAt, { base, ranges });
  return {
    baseOutput: result.baseOutput,
    rows: result.rows.map((r) => ({
      ...r,
      label: `${r.input} (${shown(r.input, r.low)}–${shown(r.input, r.high)})`,
    })),
  };
}
