/**
 * The house view resolved against the data: the numbers every note starts from. The methods in
 * the deck become values here, once, so two notes that state the BTC price, the network's growth
 * or a fleet's efficiency state the same number: the last close, the fitted trends and
 * volatilities (`networkCalibration`), fees per block over the same window, each fleet vintage's
 * J/TH from the ASIC catalogue's preferred row, the template lease's deal row, and the discount
 * rate the cap rate and escalator imply.
 *
 * @module
 */
import { type AsicModel, loadAsicModels, preferredAsicModels } from "../data/asic_models.ts";
import { asicEfficiency } from "../data/asic_efficiency.ts";
import { type BtcDaily, loadBtcDaily } from "../data/btc_daily.ts";
import { type CapexPerMw, loadCapexPerMw } from "../data/capex_per_mw.ts";
import { nextHalvings } from "../chain/halvings.ts";
import { percentiles } from "../finance/percentiles.ts";
import { loadMinerAiDeals, type MinerAiDeal } from "../data/miner_ai_deals.ts";
import { type NetworkCalibration, networkCalibration } from "../finance/network_calibration.ts";
import { trailingFeesPerBlock } from "../mining/fees.ts";
import { jPerTh, siteHashrate } from "../units/efficiency.ts";
import { mw } from "../units/power.ts";
import { type HouseView, loadHouseView } from "./house_view.ts";

/** A fleet vintage: its catalogue row and J/TH at the wall. */
export interface FleetVintage {
  /** The ASIC model's name, as the catalogue spells it. */
  readonly model: string;
  /** J/TH at the wall. */
  readonly jPerTh: number;
  /** TH/s of one machine (NaN where the catalogue states none). */
  readonly hashrateThs: number;
  /** Whether the J/TH is computed from watts and TH/s or as the source states it. */
  readonly basis: "computed" | "stated";
  /** The catalogue row's source URL. */
  readonly source: string;
}

/** The house view with its methods applied to the data. */
export interface HouseAssumptions {
  /** The deck. */
  readonly view: HouseView;
  /** The last day of `data/btc_daily.csv`: the date every resolved value is as of. */
  readonly asOf: string;
  /** BTC price, USD: the start of every path, and the bear and bull scenarios around it. */
  readonly btcPrice: {
    readonly startUsd: number;
    readonly bearUsd: number;
    readonly bullUsd: number;
  };
  /** Trends and volatilities fitted over the deck's window. */
  readonly network: NetworkCalibration;
  /** Fees per block, BTC, over the last `network.meanDays` days. */
  readonly feesBtcPerBlock: number;
  /** Height of the last block of the data: where simulated issuance starts. */
  readonly startHeight: number;
  /** Blocks a day at the recent rate (`nextHalvings`' 90-day mean): when halvings fall. */
  readonly blocksPerDay: number;
  /** Power price, USD/kWh, and its low–high range. */
  readonly powerPriceUsdPerKwh: number;
  /** Low and high power prices, USD/kWh. */
  readonly powerPriceRangeUsdPerKwh: readonly [number, number];
  /** Hashcentre PUE. */
  readonly miningPue: number;
  /** Today's fleet, J/TH at the wall. */
  readonly fleetJPerTh: number;
  /** Site cash costs besides power, USD per gross mining MW per month (see
   * {@linkcode siteCostUsdPerMwMonth}). */
  readonly siteCostUsdPerMwMonth: number;
  /** The fleet by vintage. */
  readonly fleet: {
    readonly old: FleetVintage;
    readonly current: FleetVintage;
    readonly upgrade: FleetVintage;
  };
  /** The template AI lease: its deal row and the terms around it. */
  readonly ai: {
    readonly leaseDeal: MinerAiDeal;
    /** Median disclosed AI/HPC build cost per critical-IT MW, and the rows it is the median of. */
    readonly buildCostUsdPerItMw: number;
    readonly buildCostRows: readonly CapexPerMw[];
    /** The lowest low and the highest high of those rows, USD per critical-IT MW. */
    readonly buildCostRangeUsdPerItMw: readonly [number, number];
    readonly escalator: number;
    readonly pue: number;
    readonly constructionMonths: number;
  };
  /** Cap rate on contracted NOI. */
  readonly capRate: number;
  /** Probability that unsigned capacity signs a lease. */
  readonly leaseSigningProbability: number;
  /** Discount rate for cash flows: cap rate + escalator. */
  readonly discountRate: number;
}

/** The datasets a house view is resolved against. */
export interface HouseData {
  /** `loadBtcDaily()`. */
  readonly daily: BtcDaily;
  /** `loadAsicModels()`. */
  readonly asicModels: readonly AsicModel[];
  /** `loadMinerAiDeals()`. */
  readonly deals: readonly MinerAiDeal[];
  /** `loadCapexPerMw()`. */
  readonly capex: readonly CapexPerMw[];
}

/**
 * A miner's site cash costs besides power, per gross MW per month, from its reported cash hash
 * cost (USD per TH/s per day, power included) less the power inside it: the power of a TH/s
 * for a day at the fleet's J/TH is `J/TH × 24 ÷ 1000` kWh. A gross MW carries `1e6 ÷ (J/TH × PUE)`
 * TH/s of miners.
 *
 * @example Core Scientific, Q4 2024: $0.033 per TH/s per day at 3.7¢ and 23.6 J/TH, PUE 1.2
 * ```ts
 * import { siteCostUsdPerMwMonth } from "./house_assumptions.ts";
 * import assert from "node:assert/strict";
 *
 * const cost = siteCostUsdPerMwMonth({ cashHashCostUsdPerThDay: 0.033, powerPriceUsdPerKwh: 0.037, fleetJPerTh: 23.6, pue: 1.2 });
 * // (0.033 − 23.6 × 24 ÷ 1000 × 0.037) × (1e6 ÷ 23.6 ÷ 1.2) × 365 ÷ 12
 * assert.equal(Math.round(cost), Math.round((0.033 - 0.0209568) * (1e6 / 23.6 / 1.2) * 365 / 12));
 * assert.throws(() => siteCostUsdPerMwMonth({ cashHashCostUsdPerThDay: 0.01, powerPriceUsdPerKwh: 0.037, fleetJPerTh: 23.6, pue: 1.2 }),
 *   /cash hash cost 0\.01 is below the power inside it/);
 * ```
 */
export function siteCostUsdPerMwMonth(inputs: {
  readonly cashHashCostUsdPerThDay: number;
  readonly powerPriceUsdPerKwh: number;
  readonly fleetJPerTh: number;
  readonly pue: number;
}): number {
  const powerPerThDay = (inputs.fleetJPerTh * 24 / 1000) * inputs.powerPriceUsdPerKwh;
  const other = inputs.cashHashCostUsdPerThDay - powerPerThDay;
  if (!(other >= 0)) {
    throw new RangeError(
      `Cannot derive site costs: the cash hash cost ${inputs.cashHashCostUsdPerThDay} is below the power inside it (${
        powerPerThDay.toFixed(4)
      } USD per TH/s per day)`,
    );
  }
  const thsPerGrossMw = siteHashrate(mw(1), inputs.pue, jPerTh(inputs.fleetJPerTh));
  return other * thsPerGrossMw * 365 / 12;
}

function vintage(
  view: HouseView,
  models: readonly AsicModel[],
  which: "old" | "current" | "upgrade",
): FleetVintage {
  const ref = view.mining.fleet[which];
  const row = preferredAsicModels(models).find((m) => m.model === ref.key);
  if (row === undefined) {
    throw new RangeError(
      `${view.file}: mining.fleet.${which}.model: "${ref.key}" is not a model of data/asic_models.csv`,
    );
  }
  const { efficiency, basis } = asicEfficiency(row);
  return {
    model: row.model,
    jPerTh: efficiency,
    hashrateThs: row.hashrate_ths,
    basis,
    source: row.source,
  };
}

/**
 * Applies a house view's methods to the data.
 *
 * @example
 * ```ts
 * import { loadHouseView } from "./house_view.ts";
 * import { resolveHouseView } from "./house_assumptions.ts";
 * import { loadAsicModels } from "../data/asic_models.ts";
 * import { loadBtcDaily } from "../data/btc_daily.ts";
 * import { loadMinerAiDeals } from "../data/miner_ai_deals.ts";
 * import { loadCapexPerMw } from "../data/capex_per_mw.ts";
 * import assert from "node:assert/strict";
 *
 * const daily = await loadBtcDaily();
 * const house = resolveHouseView(await loadHouseView(), {
 *   daily, asicModels: await loadAsicModels(), deals: await loadMinerAiDeals(),
 *   capex: await loadCapexPerMw(),
 * });
 * assert.equal(house.asOf, daily.date.at(-1));
 * assert.equal(house.btcPrice.startUsd, daily.price_usd.at(-1)); // the last close
 * assert.ok(house.btcPrice.bearUsd < house.btcPrice.startUsd && house.btcPrice.startUsd < house.btcPrice.bullUsd);
 * assert.ok(Math.abs(house.discountRate - 0.09) < 1e-12); // 6% cap rate + 3% escalator
 * assert.equal(house.fleet.current.model, "Antminer S21");
 * const [low, high] = house.ai.buildCostRangeUsdPerItMw;
 * assert.ok(low <= house.ai.buildCostUsdPerItMw && house.ai.buildCostUsdPerItMw <= high);
 * ```
 */
export function resolveHouseView(view: HouseView, data: HouseData): HouseAssumptions {
  const { daily } = data;
  const last = daily.date.length - 1;
  if (last < 0) throw new RangeError("Cannot resolve the house view: the daily data is empty");
  const network = networkCalibration(daily, {
    lookbackYears: view.network.lookbackYears.value,
    meanDays: view.network.meanDays.value,
  });
  const startUsd = daily.price_usd[last]!;
  const sigma = network.btcVolAnnual; // one year's log-return standard deviation
  const dealId = view.ai.leaseDeal.key;
  const leaseDeal = data.deals.find((d) => d.deal_id === dealId);
  if (leaseDeal === undefined) {
    throw new RangeError(
      `${view.file}: ai.leaseDeal.id: "${dealId}" is not a deal_id of data/miner_ai_deals.csv`,
    );
  }
  // Build costs disclosed per critical-IT MW for new AI/HPC halls (not retrofits or mines).
  const buildCostRows = data.capex.filter((r) =>
    r.metric === "build cost" && r.asset === "AI/HPC" && r.mw_basis === "critical IT"
  );
  if (buildCostRows.length === 0) {
    throw new RangeError(
      "Cannot resolve the AI build cost: data/capex_per_mw.csv has no AI/HPC build cost per critical-IT MW",
    );
  }
  const [buildCostUsdPerItMw] = percentiles(buildCostRows.map((r) => r.mid_usd_per_mw), [50]);
  return {
    view,
    asOf: daily.date[last]!,
    btcPrice: {
      startUsd,
      bearUsd: startUsd * Math.exp(-sigma),
      bullUsd: startUsd * Math.exp(sigma),
    },
    network,
    feesBtcPerBlock: trailingFeesPerBlock(daily.fees_btc, daily.blocks, {
      days: view.network.meanDays.value,
    })[last]!,
    startHeight: daily.height_end[last]!,
    blocksPerDay: nextHalvings(daily)[0]!.blocksPerDay,
    powerPriceUsdPerKwh: view.power.priceUsdPerKwh.value,
    powerPriceRangeUsdPerKwh: view.power.rangeUsdPerKwh.value,
    miningPue: view.mining.pue.value,
    fleetJPerTh: view.mining.fleetJPerTh.value,
    siteCostUsdPerMwMonth: siteCostUsdPerMwMonth({
      cashHashCostUsdPerThDay: view.mining.cashHashCostUsdPerThDay.value,
      powerPriceUsdPerKwh: view.mining.cashHashCostPowerPriceUsdPerKwh.value,
      fleetJPerTh: view.mining.fleetJPerTh.value,
      pue: view.mining.pue.value,
    }),
    fleet: {
      old: vintage(view, data.asicModels, "old"),
      current: vintage(view, data.asicModels, "current"),
      upgrade: vintage(view, data.asicModels, "upgrade"),
    },
    ai: {
      leaseDeal,
      buildCostUsdPerItMw: buildCostUsdPerItMw!,
      buildCostRows,
      buildCostRangeUsdPerItMw: [
        Math.min(...buildCostRows.map((r) => r.low_usd_per_mw)),
        Math.max(...buildCostRows.map((r) => r.high_usd_per_mw)),
      ],
      escalator: view.ai.escalator.value,
      pue: view.ai.pue.value,
      constructionMonths: view.ai.constructionMonths.value,
    },
    capRate: view.valuation.capRate.value,
    leaseSigningProbability: view.valuation.leaseSigningProbability.value,
    discountRate: view.valuation.capRate.value + view.ai.escalator.value,
  };
}

/**
 * Loads a house view and the datasets and resolves it: what a notebook calls first. The network
 * set-up every projection starts from comes from `data/btc_daily.csv` here, once: the calibration
 * (`network`), fees per block, the block rate, the start price and the start height. A run's
 * overrides (its `--param` values, `null` for the house's) are applied as
 * {@linkcode overrideHouse} applies them; `path` `null` or absent reads `notebooks/house_view.yaml`.
 *
 * @example
 * ```ts
 * import { loadHouseAssumptions } from "./house_assumptions.ts";
 * import assert from "node:assert/strict";
 *
 * const house = await loadHouseAssumptions();
 * assert.equal(house.ai.leaseDeal.deal_id, "HUT-FLUIDSTACK-2025-12");
 * assert.equal(house.powerPriceUsdPerKwh, 0.04);
 * assert.ok(house.startHeight > 0 && house.blocksPerDay > 0 && house.feesBtcPerBlock > 0);
 * const run = await loadHouseAssumptions(null, { btcStartUsd: 100_000, discountRate: null });
 * assert.equal(run.btcPrice.startUsd, 100_000);
 * assert.equal(run.discountRate, house.discountRate);
 * await assert.rejects(loadHouseAssumptions(null, { powerPriceUsdPerKwh: -1 }),
 *   /powerPriceUsdPerKwh: expected a value >= 0, got -1/);
 * ```
 */
export async function loadHouseAssumptions(
  path?: string | URL | null,
  overrides: HouseOverrides = {},
): Promise<HouseAssumptions> {
  const [view, daily, asicModels, deals, capex] = await Promise.all([
    path === undefined || path === null ? loadHouseView() : loadHouseView(path),
    loadBtcDaily(),
    loadAsicModels(),
    loadMinerAiDeals(),
    loadCapexPerMw(),
  ]);
  return overrideHouse(resolveHouseView(view, { daily, asicModels, deals, capex }), overrides);
}

/** Values a single run may set in place of the house view's. */
export interface HouseOverrides {
  /** BTC price at the start, USD. */
  readonly btcStartUsd?: number | null;
  /** Power price, USD/kWh. */
  readonly powerPriceUsdPerKwh?: number | null;
  /** Discount rate. */
  readonly discountRate?: number | null;
  /** The network hashrate's trend against the price, a year. */
  readonly excessHashrateGrowthAnnual?: number | null;
}

/**
 * The house view with a run's overrides (`--param` values) applied; `null` or absent keeps the
 * house value. The bear and bull prices move with the start.
 *
 * @example
 * ```ts
 * import { loadHouseAssumptions, overrideHouse } from "./house_assumptions.ts";
 * import assert from "node:assert/strict";
 *
 * const house = await loadHouseAssumptions();
 * const run = overrideHouse(house, { btcStartUsd: 100_000, discountRate: null });
 * assert.equal(run.btcPrice.startUsd, 100_000);
 * assert.equal(run.discountRate, house.discountRate);
 * assert.ok(Math.abs(run.btcPrice.bullUsd / 100_000 - house.btcPrice.bullUsd / house.btcPrice.startUsd) < 1e-12);
 * assert.throws(() => overrideHouse(house, { powerPriceUsdPerKwh: -1 }), /powerPriceUsdPerKwh: expected a value >= 0, got -1/);
 * assert.equal(overrideHouse(house, { excessHashrateGrowthAnnual: 0.1 }).network.excessHashrateGrowthAnnual, 0.1);
 * ```
 */
export function overrideHouse(
  house: HouseAssumptions,
  overrides: HouseOverrides,
): HouseAssumptions {
  const start = overrides.btcStartUsd ?? house.btcPrice.startUsd;
  const scale = start / house.btcPrice.startUsd;
  const check = (name: string, value: number, min: number) => {
    if (!(Number.isFinite(value) && value >= min)) {
      throw new RangeError(`${name}: expected a value >= ${min}, got ${value}`);
    }
    return value;
  };
  return {
    ...house,
    btcPrice: {
      startUsd: check("btcStartUsd", start, Number.MIN_VALUE),
      bearUsd: house.btcPrice.bearUsd * scale,
      bullUsd: house.btcPrice.bullUsd * scale,
    },
    powerPriceUsdPerKwh: check(
      "powerPriceUsdPerKwh",
      overrides.powerPriceUsdPerKwh ?? house.powerPriceUsdPerKwh,
      0,
    ),
    discountRate: check("discountRate", overrides.discountRate ?? house.discountRate, -0.99),
    network: {
      ...house.network,
      excessHashrateGrowthAnnual: check(
        "excessHashrateGrowthAnnual",
        overrides.excessHashrateGrowthAnnual ?? house.network.excessHashrateGrowthAnnual,
        -0.99,
      ),
    },
  };
}
