/**
 * How much of an ASIC catalogue survives a power price and a tax: the share of its models at or
 * below the highest J/TH that still covers its power, η* = HP ÷ (24 × (p + tax))
 * ({@linkcode breakevenEfficiency}), over a grid of prices and tax cases; and the CBECI-style
 * bounds on network power ({@linkcode networkPowerBounds}) under each scenario; with the
 * catalogue's models by name and its counts of stated-only and undated models. Each model counts
 * once, whatever its installed base: the catalogue is read as the spread of efficiencies a fleet
 * can be built from.
 *
 * @module
 */
import { positive } from "../units/checks.ts";
import type { Efficiency } from "../units/efficiency.ts";
import { formatPowerPrice } from "../units/format.ts";
import type { Hashrate } from "../units/hashrate.ts";
import { usdPerKwh, type UsdPerPhDay } from "../units/prices.ts";
import { breakevenEfficiency } from "./hashcost.ts";
import { type NetworkPowerBounds, networkPowerBounds } from "./network_power.ts";
import type { TaxCase } from "./tax_cases.ts";

/** A catalogue model as the ASIC catalogue's loader and `asicEfficiency` give it. */
export interface CatalogueModel {
  /** Model name. */
  readonly model: string;
  /** Release, `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; `""` when the source gives none. */
  readonly release: string;
  /** Efficiency at the wall, J/TH. */
  readonly efficiency: Efficiency;
}

/**
 * The models of `catalogue` named in `names`, in that order. Throws a RangeError naming the model
 * and `source` (the catalogue's file, say) for a name it does not hold.
 *
 * @example
 * ```ts
 * import { modelsNamed } from "./catalogue_survival.ts";
 * import { jPerTh } from "../units/efficiency.ts";
 * import assert from "node:assert/strict";
 *
 * const catalogue = [
 *   { model: "Antminer S19", release: "2020-02", efficiency: jPerTh(34.2) },
 *   { model: "Antminer S21", release: "2023-09", efficiency: jPerTh(17.5) },
 * ];
 * assert.deepEqual(modelsNamed(catalogue, ["Antminer S21"]).map((m) => m.efficiency), [17.5]);
 * assert.throws(
 *   () => modelsNamed(catalogue, ["Antminer S23"], "data/asic_models.csv"),
 *   /Cannot find "Antminer S23" in data\/asic_models.csv/,
 * );
 * ```
 */
export function modelsNamed<M extends Pick<CatalogueModel, "model">>(
  catalogue: readonly M[],
  names: readonly string[],
  source = "the catalogue",
): M[] {
  const byName = new Map(catalogue.map((m) => [m.model, m]));
  return names.map((name) => {
    const model = byName.get(name);
    if (model === undefined) throw new RangeError(`Cannot find "${name}" in ${source}`);
    return model;
  });
}

/** What {@linkcode catalogueCounts} counts. */
export interface CatalogueCounts {
  /** Models with an efficiency. */
  readonly rated: number;
  /** Of them, those whose J/TH is only as the source states it (no power figure). */
  readonly statedOnly: number;
  /** Of them, those with no release date. */
  readonly undated: number;
}

/**
 * How many rated models a catalogue has, how many of them rest on a stated J/TH alone and how
 * many have no release date (`basis` as `asicEfficiency` gives it).
 *
 * @example
 * ```ts
 * import { catalogueCounts } from "./catalogue_survival.ts";
 * import assert from "node:assert/strict";
 *
 * const counts = catalogueCounts([
 *   { release: "2020-02", basis: "computed" },
 *   { release: "", basis: "stated" },
 *   { release: "2023-09", basis: "stated" },
 * ]);
 * assert.deepEqual(counts, { rated: 3, statedOnly: 2, undated: 1 });
 * ```
 */
export function catalogueCounts(
  rated: readonly { readonly release: string; readonly basis: string }[],
): CatalogueCounts {
  return {
    rated: rated.length,
    statedOnly: rated.filter((m) => m.basis === "stated").length,
    undated: rated.filter((m) => m.release === "").length,
  };
}

/** Inputs of {@linkcode payingShares}. */
export interface PayingSharesInputs {
  /** USD hashprice. */
  readonly hashprice: UsdPerPhDay;
  /** The models. */
  readonly models: readonly Pick<CatalogueModel, "efficiency">[];
  /** Power price before tax, USD/kWh; with each case's tax above 0. */
  readonly powerPriceUsdPerKwh: number;
  /** The tax cases. */
  readonly cases: readonly TaxCase[];
}

/**
 * Share of `models` whose J/TH is at or below the breakeven efficiency at the price, under each
 * tax case in order.
 *
 * @example At $36.42/PH/day and 5¢ the cut-off is 30.3 J/TH, 15.6 with the IMF's direct tax
 * ```ts
 * import { payingShares } from "./catalogue_survival.ts";
 * import { imfTaxCases } from "./tax_cases.ts";
 * import { jPerTh } from "../units/efficiency.ts";
 * import { usdPerPhDay } from "../units/prices.ts";
 * import assert from "node:assert/strict";
 *
 * const models = [13.5, 17.5, 29.5, 34.2].map((e) => ({ efficiency: jPerTh(e) }));
 * const shares = payingShares({ hashprice: usdPerPhDay(36.42), models, powerPriceUsdPerKwh: 0.05, cases: imfTaxCases() });
 * assert.deepEqual(shares, [0.75, 0.25, 0]);
 * assert.throws(() => payingShares({ hashprice: usdPerPhDay(36.42), models: [], powerPriceUsdPerKwh: 0.05, cases: imfTaxCases() }), /models: expected at least one/);
 * ```
 */
export function payingShares(inputs: PayingSharesInputs): number[] {
  const { hashprice, models } = inputs;
  if (models.length === 0) {
    throw new RangeError("Cannot use models: expected at least one model, got 0");
  }
  models.forEach((m, i) => positive(`models[${i}].efficiency`, m.efficiency));
  const powerPriceUsdPerKwh = usdPerKwh(inputs.powerPriceUsdPerKwh);
  return inputs.cases.map(({ tax }) => {
    const cutoff = breakevenEfficiency({ hashprice, powerPriceUsdPerKwh }, { taxUsdPerKwh: tax });
    return models.filter((m) => m.efficiency <= cutoff).length / models.length;
  });
}

/** A bar of the survival chart. */
export interface SurvivalBar {
  /** The power price to the cent: "$0.05". */
  readonly price: string;
  /** The tax case's label. */
  readonly case: string;
  /** Share of the models that cover their power. */
  readonly share: number;
}

/**
 * {@linkcode payingShares} at every price of `powerPricesUsdPerKwh`, as chart bars: price by
 * price, each with one bar per tax case.
 *
 * @example Two prices, two cases
 * ```ts
 * import { survivalBars } from "./catalogue_survival.ts";
 * import { imfTaxCases } from "./tax_cases.ts";
 * import { jPerTh } from "../units/efficiency.ts";
 * import { usdPerPhDay } from "../units/prices.ts";
 * import assert from "node:assert/strict";
 *
 * const models = [13.5, 17.5, 29.5, 34.2].map((e) => ({ efficiency: jPerTh(e) }));
 * const bars = survivalBars({ hashprice: usdPerPhDay(36.42), models, powerPricesUsdPerKwh: [0.03, 0.05], cases: imfTaxCases().slice(0, 2) });
 * assert.deepEqual(bars.map((b) => [b.price, b.case, b.share]), [
 *   ["$0.03", "No tax", 1], ["$0.03", "IMF direct $0.047", 0.5],
 *   ["$0.05", "No tax", 0.75], ["$0.05", "IMF direct $0.047", 0.25],
 * ]);
 * ```
 */
export function survivalBars(
  inputs: Omit<PayingSharesInputs, "powerPriceUsdPerKwh"> & {
    /** Power prices before tax, USD/kWh. */
    readonly powerPricesUsdPerKwh: readonly number[];
  },
): SurvivalBar[] {
  return inputs.powerPricesUsdPerKwh.flatMap((powerPriceUsdPerKwh) =>
    payingShares({ ...inputs, powerPriceUsdPerKwh }).map((share, k) => ({
      price: formatPowerPrice(powerPriceUsdPerKwh, 2),
      case: inputs.cases[k]!.label,
      share,
    }))
  );
}

/** Inputs of {@linkcode networkPowerScenarios}. */
export interface NetworkPowerScenariosInputs {
  /** Network hashrate on the date. */
  readonly networkHashrate: Hashrate;
  /** USD hashprice on the date. */
  readonly hashprice: UsdPerPhDay;
  /** The day, `YYYY-MM-DD`. */
  readonly date: string;
  /** The catalogue; models without a release date are left out, as they cannot be placed in
   * time. */
  readonly models: readonly CatalogueModel[];
  /** Power prices before tax, USD/kWh. */
  readonly powerPricesUsdPerKwh: readonly number[];
  /** The tax cases. */
  readonly cases: readonly TaxCase[];
}

/** The network power bounds under one price and tax case. */
export interface NetworkPowerScenario {
  /** Power price before tax, USD/kWh. */
  readonly price: number;
  /** The tax case. */
  readonly case: TaxCase;
  /** The bounds; `upper` is `undefined` when no released model pays. */
  readonly bounds: NetworkPowerBounds;
}

/**
 * {@linkcode networkPowerBounds} for every price × tax case (price by price), on the dated
 * models of a catalogue.
 *
 * @example 600 EH/s at $36.42/PH/day and 3¢: the S19 pays untaxed, the S21 with the direct tax
 * ```ts
 * import { networkPowerScenarios } from "./catalogue_survival.ts";
 * import { imfTaxCases } from "./tax_cases.ts";
 * import { jPerTh } from "../units/efficiency.ts";
 * import { ehs } from "../units/hashrate.ts";
 * import { usdPerPhDay } from "../units/prices.ts";
 * import assert from "node:assert/strict";
 *
 * const scenarios = networkPowerScenarios({
 *   networkHashrate: ehs(600),
 *   hashprice: usdPerPhDay(36.42),
 *   date: "2026-06-01",
 *   models: [
 *     { model: "S19", release: "2020-02", efficiency: jPerTh(34.2) },
 *     { model: "S21", release: "2023-09", efficiency: jPerTh(17.5) },
 *     { model: "undated", release: "", efficiency: jPerTh(5) },
 *   ],
 *   powerPricesUsdPerKwh: [0.03],
 *   cases: imfTaxCases(),
 * });
 * // Cut-offs 50.6, 19.7 and 12.8 J/TH: with the air-pollution rate no released model pays
 * assert.deepEqual(scenarios.map((s) => s.bounds.upper?.model), ["S19", "S21", undefined]);
 * assert.equal(scenarios[0]!.bounds.lower.power / 1e9, 10.5); // 6e8 TH/s × 17.5 W
 * assert.deepEqual(scenarios[0]!.bounds.available, ["S19", "S21"]);
 * ```
 */
export function networkPowerScenarios(inputs: NetworkPowerScenariosInputs): NetworkPowerScenario[] {
  const { networkHashrate, hashprice, date } = inputs;
  const models = inputs.models.filter((m) => m.release !== "").map((m) => ({
    name: m.model,
    efficiency: m.efficiency,
    releaseDate: m.release,
  }));
  return inputs.powerPricesUsdPerKwh.flatMap((price) =>
    inputs.cases.map((taxCase) => ({
      price,
      case: taxCase,
      bounds: networkPowerBounds(
        { networkHashrate, hashprice, powerPriceUsdPerKwh: usdPerKwh(price), models, date },
        { taxUsdPerKwh: taxCase.tax },
      ),
    }))
  );
}
