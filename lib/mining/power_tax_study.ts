/**
 * Power prices and the IMF's proposed tax on mining electricity [S69], as one study: for an ASIC
 * catalogue, a line of generations, a benchmark machine and fleet averages, at the latest trailing
 * hashprice — each generation's breakeven power price with and without the tax and its power cost
 * per BTC; the benchmark's daily margin per MW over power prices and hashprice percentiles since
 * the last halving; the share of the catalogue that still covers its power, and the network power
 * bounds, under each price and tax; and which fleets survive at which price. Every figure is the
 * mining models' (F3, F4, F5, F10); this module only runs them over the scenarios.
 *
 * @module
 */
import { type DailyHeights, type PastHalving, pastHalvings } from "../chain/halvings.ts";
import type { Efficiency } from "../units/efficiency.ts";
import { perYearToPerDay, type UsdPerKwh, usdPerKwh } from "../units/prices.ts";
import {
  type CatalogueCounts,
  catalogueCounts,
  type CatalogueModel,
  modelsNamed,
  type NetworkPowerScenario,
  networkPowerScenarios,
  payingShares,
  type SurvivalBar,
  survivalBars,
} from "./catalogue_survival.ts";
import { costPerBtc } from "./cost_per_btc.ts";
import { type FleetScreen, fleetScreen, type ScreenedFleet } from "./fleet_screen.ts";
import { taxPerMwYear } from "./imf_tax.ts";
import { type LatestMarket, latestMarket, type MarketDays } from "./latest_market.ts";
import { hashpriceLevels, type MarginGrid, marginGrid, marginPerMwDay } from "./margin_grid.ts";
import { type ImfTaxCases, imfTaxCases, taxBreakevens, taxShareOfRevenue } from "./tax_cases.ts";

/** A catalogue model with its efficiency and how it was rated (`asicEfficiency`'s `basis`). */
export interface RatedModel extends CatalogueModel {
  /** `"computed"` from power and hashrate, or `"stated"` by the source. */
  readonly basis: string;
}

/** A generation in the study: its catalogue row, named without Bitmain's "Antminer " prefix. */
export type StudiedGeneration<M extends RatedModel> = M & ScreenedFleet;

/** Inputs of {@linkcode powerTaxStudy}. */
export interface PowerTaxStudyInputs<M extends RatedModel> {
  /** The daily series (`loadBtcDaily()`), oldest first. */
  readonly days: MarketDays & DailyHeights;
  /** Days in the trailing means of hashprice, BTC price and hashrate. */
  readonly windowDays: number;
  /** The rated catalogue, each model once. */
  readonly catalogue: readonly M[];
  /** Where the catalogue comes from, for errors: "data/asic_models.csv". */
  readonly catalogueSource: string;
  /** Models of the generation line, in order; each must be in the catalogue. */
  readonly generations: readonly string[];
  /** The model of the margin grid and the tax burden; it must be in the catalogue. */
  readonly benchmarkModel: string;
  /** Fleet averages screened after the generations (the network's, a company's). */
  readonly fleetAverages: readonly ScreenedFleet[];
  /** Power prices of the screens, USD/kWh: the first is the low case, the second the middle one. */
  readonly scenarioPricesUsdPerKwh: readonly [number, number, ...number[]];
  /** Power prices of the margin grid and the survival chart, USD/kWh. */
  readonly gridPricesUsdPerKwh: readonly number[];
}

/** The benchmark machine's figures. */
export interface BenchmarkFigures<M extends RatedModel> {
  /** Its catalogue row and display name. */
  readonly machine: StudiedGeneration<M>;
  /** Breakeven before tax under each tax case, USD/kWh. */
  readonly breakevens: readonly number[];
  /** Share of its MW's yearly revenue each case's tax takes (0 untaxed). */
  readonly taxShares: readonly number[];
  /** Its MW's mining revenue per year, USD. */
  readonly revenuePerMwYear: number;
  /** Margin per MW per day over hashprice levels × grid prices. */
  readonly grid: MarginGrid;
  /** Margin per MW per day at the latest hashprice and the low price, untaxed and with the
   * direct tax, USD. */
  readonly marginAtLowPrice: { readonly untaxed: number; readonly taxed: number };
}

/** Result of {@linkcode powerTaxStudy}. */
export interface PowerTaxStudy<M extends RatedModel> {
  /** Trailing means at the series' end. */
  readonly market: LatestMarket;
  /** The last halving before the series' end: the percentiles of the grid start on its day. */
  readonly halving: PastHalving;
  /** No tax, the IMF's direct rate, its rate with air pollution. */
  readonly cases: ImfTaxCases;
  /** The first scenario price, USD/kWh: the margins at the latest hashprice are read there. */
  readonly lowPriceUsdPerKwh: number;
  /** The second scenario price, USD/kWh: costs per BTC and catalogue shares are read there. */
  readonly middlePriceUsdPerKwh: number;
  /** Each case's tax per MW-year, USD (F10). */
  readonly taxPerMwYear: readonly number[];
  /** The direct tax per MW per day, USD. */
  readonly directTaxPerMwDay: number;
  /** Rated models, stated-only and undated ones. */
  readonly catalogueCounts: CatalogueCounts;
  /** The generations at the scenario prices. */
  readonly generations: FleetScreen<StudiedGeneration<M>>;
  /** Each generation's power cost per BTC at the middle price, untaxed and with the direct
   * tax, USD. */
  readonly powerCostPerBtc: readonly { readonly untaxed: number; readonly taxed: number }[];
  /** The benchmark machine. */
  readonly benchmark: BenchmarkFigures<M>;
  /** Share of the catalogue that covers its power, per grid price and case. */
  readonly survival: readonly SurvivalBar[];
  /** The same shares at the middle price, per case. */
  readonly sharesAtMiddlePrice: readonly number[];
  /** Network power bounds per scenario price and case. */
  readonly networkPower: readonly NetworkPowerScenario[];
  /** The generations then the fleet averages, at the scenario prices. */
  readonly fleets: FleetScreen<ScreenedFleet>;
  /** The breakevens of each fleet average under each case, USD/kWh. */
  readonly averageBreakevens: readonly (readonly number[])[];
}

/**
 * Run the study. Throws a RangeError naming the model and `catalogueSource` for a generation or
 * benchmark the catalogue lacks, and the mining models' errors for bad prices or efficiencies.
 *
 * @example Two generations at a flat $36.42/PH/day since a 2024 halving (see the test for more)
 * ```ts
 * import { powerTaxStudy } from "./power_tax_study.ts";
 * import { jPerTh } from "../units/efficiency.ts";
 * import assert from "node:assert/strict";
 *
 * const n = 4;
 * const days = {
 *   date: ["2024-04-19", "2024-04-20", "2024-04-21", "2024-04-22"],
 *   height_end: Array.from({ length: n }, (_, i) => 839_856 + 144 * i), // 840,000 on 20 April
 *   price_usd: Array(n).fill(78_000),
 *   hashprice_usd_per_ph_day: Array(n).fill(36.42),
 *   hashprice_btc_per_ph_day: Array(n).fill(0.000467),
 *   hashrate_ths: Array(n).fill(9.8e8),
 * };
 * const catalogue = [
 *   { model: "Antminer S19", release: "2020-02", efficiency: jPerTh(34.2), basis: "computed" },
 *   { model: "Antminer S21", release: "2023-09", efficiency: jPerTh(17.5), basis: "stated" },
 * ];
 * const inputs = {
 *   days, windowDays: 2, catalogue, catalogueSource: "the test catalogue",
 *   generations: ["Antminer S19", "Antminer S21"], benchmarkModel: "Antminer S21",
 *   fleetAverages: [{ name: "Network", efficiency: jPerTh(28.2) }],
 *   scenarioPricesUsdPerKwh: [0.03, 0.05] as [number, number], gridPricesUsdPerKwh: [0.03, 0.05],
 * };
 * const study = powerTaxStudy(inputs);
 * assert.deepEqual(study.generations.rows.map((r) => [r.fleet, r.breakevens.map((p) => p.toFixed(4))]), [
 *   ["S19", ["0.0444", "-0.0026", "-0.0446"]],
 *   ["S21", ["0.0867", "0.0397", "-0.0023"]],
 * ]);
 * assert.equal(study.halving.date, "2024-04-20");
 * assert.deepEqual(study.sharesAtMiddlePrice, [0.5, 0, 0]); // cut-offs 30.4, 15.6, 10.9 J/TH
 * assert.throws(() => powerTaxStudy({ ...inputs, benchmarkModel: "Antminer S23" }), /Cannot find "Antminer S23" in the test catalogue/);
 * ```
 */
export function powerTaxStudy<M extends RatedModel>(
  inputs: PowerTaxStudyInputs<M>,
): PowerTaxStudy<M> {
  const { catalogue, catalogueSource: source } = inputs;
  const [lowPrice, middlePrice] = inputs.scenarioPricesUsdPerKwh;
  const prices = inputs.scenarioPricesUsdPerKwh;
  const market = latestMarket(inputs.days, inputs.windowDays);
  const { hashprice, btcHashprice } = market;
  const cases = imfTaxCases();
  const direct = cases[1].tax;
  const named = (names: readonly string[]) =>
    modelsNamed(catalogue, names, source).map((m) => ({
      ...m,
      // The line is Bitmain's: its exhibits name each generation without the series' prefix.
      name: m.model.replace(/^Antminer /, ""),
    }));
  const gens = named(inputs.generations);
  const generations = fleetScreen({ hashprice, fleets: gens, cases, powerPricesUsdPerKwh: prices });
  const costAt = (efficiency: Efficiency, tax: UsdPerKwh) =>
    costPerBtc({ btcHashprice, efficiency, powerPriceUsdPerKwh: usdPerKwh(middlePrice) }, {
      taxUsdPerKwh: tax,
    }).powerCostUsd;
  const halving = pastHalvings(inputs.days).at(-1);
  if (halving === undefined) {
    throw new RangeError("Cannot run the study: the series holds no halving to read levels from");
  }
  const levels = hashpriceLevels(inputs.days, {
    since: halving.date,
    latest: { label: `Latest ${inputs.windowDays}-day mean`, hashprice },
  });
  const [machine] = named([inputs.benchmarkModel]) as [StudiedGeneration<M>];
  const { efficiency } = machine;
  const burdens = cases.map(({ tax }) => taxShareOfRevenue({ hashprice, efficiency, tax }));
  const atLow = { hashprice, efficiency, powerPriceUsdPerKwh: usdPerKwh(lowPrice) };
  const fleets = fleetScreen<ScreenedFleet>({
    hashprice,
    fleets: [...gens, ...inputs.fleetAverages],
    cases,
    powerPricesUsdPerKwh: prices,
  });
  const survivalInputs = { hashprice, models: catalogue, cases };
  return {
    market,
    halving,
    cases,
    lowPriceUsdPerKwh: lowPrice,
    middlePriceUsdPerKwh: middlePrice,
    taxPerMwYear: cases.map(({ tax }) => taxPerMwYear(tax)),
    directTaxPerMwDay: perYearToPerDay(taxPerMwYear(direct)),
    catalogueCounts: catalogueCounts(catalogue),
    generations,
    powerCostPerBtc: gens.map((g) => ({
      untaxed: costAt(g.efficiency, cases[0].tax),
      taxed: costAt(g.efficiency, direct),
    })),
    benchmark: {
      machine,
      breakevens: taxBreakevens({ hashprice, efficiency, cases }),
      taxShares: burdens.map((b) => b.share),
      revenuePerMwYear: burdens[0]!.revenuePerMwYear,
      grid: marginGrid({
        efficiency,
        levels,
        powerPricesUsdPerKwh: inputs.gridPricesUsdPerKwh,
        tax: direct,
      }),
      marginAtLowPrice: {
        untaxed: marginPerMwDay(atLow),
        taxed: marginPerMwDay(atLow, { taxUsdPerKwh: direct }),
      },
    },
    survival: survivalBars({ ...survivalInputs, powerPricesUsdPerKwh: inputs.gridPricesUsdPerKwh }),
    sharesAtMiddlePrice: payingShares({ ...survivalInputs, powerPriceUsdPerKwh: middlePrice }),
    networkPower: networkPowerScenarios({
      ...market,
      date: market.asOf,
      models: catalogue,
      powerPricesUsdPerKwh: prices,
      cases,
    }),
    fleets,
    averageBreakevens: fleets.rows.slice(gens.length).map((r) => r.breakevens),
  };
}
