/**
 * A miner as a company under the house view, with the fleet plan the Bitcoin-miner research
 * describes: today's fleet (the house's old and current vintages at today's J/TH, filling the
 * site's mining MW), the old machines retired at the first halving in the horizon and the upgrade
 * vintage, ordered a delivery lag before it, filling the power they free. The horizon is the
 * template lease's base term, as `houseSitePlan`'s. What a company comparison (`minerVsMullet`)
 * starts from, with the halvings it crosses placed on the calendar.
 *
 * @module
 */
import { asicModelPrices } from "../data/asic_model_prices.ts";
import type { AsicPrice } from "../data/asic_prices.ts";
import type { MinerCompany } from "../company/miner_company.ts";
import {
  type HalvingInHorizon,
  type NetworkIssuance,
  networkIssuance,
} from "../company/production.ts";
import { addIsoDays, monthEndIsoDate } from "../units/calendar.ts";
import { nonNegative, positive, wholeNumber } from "../units/checks.ts";
import { jPerTh } from "../units/efficiency.ts";
import { grossMw as grossWatts } from "../units/power.ts";
import { usdPerKwh } from "../units/prices.ts";
import type { HouseAssumptions } from "./house_assumptions.ts";
import { type HouseFleet, houseFleet } from "./house_fleet.ts";

/** Options of {@linkcode houseMinerCompany}; every one is the analyst's, so none has a default. */
export interface HouseMinerCompanyOptions {
  /** The site's grid connection, gross MW. */
  readonly grossMw: number;
  /** Machines above this J/TH are retired at the first halving in the horizon. */
  readonly retireAboveJPerTh: number;
  /** Price of the upgrade vintage, USD per TH/s; `null` takes the newest price of the house's
   * upgrade model in `asicPrices`. */
  readonly upgradeUsdPerTh: number | null;
  /** The rows of `data/asic_prices.csv` (`loadAsicPrices()`), for the upgrade's price. */
  readonly asicPrices: readonly AsicPrice[];
  /** Months from an order to the machines hashing. */
  readonly deliveryLagMonths: number;
  /** Months over which bought machines are depreciated. */
  readonly depreciationMonths: number;
  /** Share of mined BTC the pool keeps. */
  readonly poolFee: number;
  /** SG&A, USD per month. */
  readonly sgaUsdPerMonth: number;
}

/** A halving in the horizon, on the calendar. */
export interface HalvingOnDay extends HalvingInHorizon {
  /** Its day, `YYYY-MM-DD`, at the house's block rate (as `nextHalvings` places it). */
  readonly date: string;
}

/** The upgrade order. */
export interface UpgradeOrder {
  /** Month the order is paid. */
  readonly month: number;
  /** Day the order's month starts, `YYYY-MM-DD`. */
  readonly date: string;
  /** Machines ordered. */
  readonly units: number;
  /** Price, USD per TH/s. */
  readonly usdPerTh: number;
  /** What the order costs, USD. */
  readonly costUsd: number;
  /** That cost discounted at the house rate from the end of its month, as the NPV discounts
   * month m's flow ((1 + r)^−(m + 1)/12), USD. */
  readonly presentValueUsd: number;
}

/** Result of {@linkcode houseMinerCompany}. */
export interface HouseMinerCompany {
  /** The company, ready for `minerVsMullet` or `projectMiner`. */
  readonly company: MinerCompany;
  /** Months projected: the template lease's base term. */
  readonly months: number;
  /** Today's fleet and the upgrade vintage on the site. */
  readonly fleet: HouseFleet;
  /** What the network issues each month over the horizon. */
  readonly issuance: NetworkIssuance;
  /** The halvings in the horizon, on the calendar. */
  readonly halvings: readonly HalvingOnDay[];
  /** The upgrade order, paid a delivery lag before the first halving. */
  readonly upgrade: UpgradeOrder;
  /** The span monthly exhibits show: through a year after the second halving in the horizon
   * (or the horizon), and the halvings inside it. */
  readonly window: { readonly months: number; readonly halvings: readonly HalvingOnDay[] };
}

/**
 * The house's miner on `grossMw` MW, with the upgrade at the first halving.
 *
 * @example 300 MW: the old machines retire at the 2028 halving, the upgrade is ordered before it
 * ```ts
 * import { loadAsicPrices } from "../data/asic_prices.ts";
 * import { loadHouseAssumptions } from "./house_assumptions.ts";
 * import { houseMinerCompany } from "./house_miner_company.ts";
 * import assert from "node:assert/strict";
 *
 * const house = await loadHouseAssumptions();
 * const miner = houseMinerCompany(house, { grossMw: 300, retireAboveJPerTh: 25, upgradeUsdPerTh: null,
 *   asicPrices: await loadAsicPrices(), deliveryLagMonths: 3, depreciationMonths: 36, poolFee: 0,
 *   sgaUsdPerMonth: 0 });
 * const [halving] = miner.halvings;
 * assert.equal(halving!.height, 1_050_000);
 * assert.equal(miner.upgrade.month, halving!.month - 3);
 * assert.equal(miner.upgrade.usdPerTh, 25.7); // the S21 XP's newest price in data/asic_prices.csv
 * assert.equal(miner.company.fleet.retireAbove![0]!.month, halving!.month);
 * assert.equal(miner.months, house.ai.leaseDeal.term_years * 12);
 * ```
 */
export function houseMinerCompany(
  house: HouseAssumptions,
  options: HouseMinerCompanyOptions,
): HouseMinerCompany {
  const lag = wholeNumber("deliveryLagMonths", options.deliveryLagMonths);
  positive("retireAboveJPerTh", options.retireAboveJPerTh);
  const fleet = houseFleet(house, positive("grossMw", options.grossMw));
  const { old, current, upgrade } = fleet;
  const usdPerTh = options.upgradeUsdPerTh ??
    asicModelPrices(options.asicPrices, upgrade.name).at(-1)?.value_usd_per_th;
  if (usdPerTh === undefined) {
    throw new RangeError(
      `Cannot price the upgrade: data/asic_prices.csv has no price for ${upgrade.name}`,
    );
  }
  nonNegative("upgradeUsdPerTh", usdPerTh);
  const { asOf, startHeight, feesBtcPerBlock, blocksPerDay } = house;
  const months = house.ai.leaseDeal.term_years * 12;
  const issuance = networkIssuance({ startHeight, months, feesBtcPerBlock }, { blocksPerDay });
  // The day each halving falls at the house's block rate, as lib/chain's nextHalvings places it.
  const halvings = issuance.halvings.map((h) => ({
    ...h,
    date: addIsoDays(asOf, Math.ceil((h.height - startHeight) / blocksPerDay)),
  }));
  const first = halvings[0];
  if (first === undefined || first.month < lag) {
    throw new RangeError(
      `Cannot plan the upgrade: expected a halving at least ${lag} months into the ${months}-month horizon`,
    );
  }
  const orderMonth = first.month - lag;
  const costUsd = fleet.upgradeUnits * upgrade.hashrate * usdPerTh;
  const company: MinerCompany = {
    grossPower: grossWatts(options.grossMw),
    startHeight,
    feesBtcPerBlock,
    // Site costs are a cash hash cost per TH/s hashed, as in the house view: nothing while off.
    costs: {
      powerPrice: usdPerKwh(house.powerPriceUsdPerKwh),
      pue: house.miningPue,
      poolFee: options.poolFee,
      hostingUsdPerMwMonth: house.siteCostUsdPerMwMonth,
      hostingWhileOff: 0,
      sgaUsdPerMonth: options.sgaUsdPerMonth,
    },
    fleet: {
      horizonMonths: months,
      deliveryLagMonths: lag,
      depreciationMonths: options.depreciationMonths,
      models: [old, current, upgrade],
      installed: [
        { model: old.name, units: fleet.oldUnits },
        { model: current.name, units: fleet.currentUnits },
      ],
      purchases: [{ month: orderMonth, model: upgrade.name, units: fleet.upgradeUnits, usdPerTh }],
      retireAbove: [{ month: first.month, aboveJPerTh: jPerTh(options.retireAboveJPerTh) }],
    },
  };
  const shown = Math.min(months, (halvings[1]?.month ?? months) + 12);
  return {
    company,
    months,
    fleet,
    issuance,
    halvings,
    upgrade: {
      month: orderMonth,
      date: orderMonth === 0 ? asOf : monthEndIsoDate(asOf, orderMonth - 1),
      units: fleet.upgradeUnits,
      usdPerTh,
      costUsd,
      presentValueUsd: costUsd * (1 + house.discountRate) ** (-(orderMonth + 1) / 12),
    },
    window: { months: shown, halvings: halvings.filter((h) => h.month < shown) },
  };
}
