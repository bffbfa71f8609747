/**
 * The inputs of a miner-against-mullet note, as the rows of its inputs table: the house view's
 * price, network, fees and costs, the company's fleet and upgrade ({@linkcode houseMinerCompany}),
 * the AI front and the horizon, each value in words with where it comes from; and the table as
 * markdown.
 *
 * @module
 */
import { markdownTable } from "../charts/markdown_table.ts";
import { formatPercent, formatUsd } from "../units/format.ts";
import { formatNumber } from "../units/format_number.ts";
import type { HouseAssumptions } from "./house_assumptions.ts";
import type { HouseInputRow } from "./house_input_rows.ts";
import type { HouseMinerCompany } from "./house_miner_company.ts";

const DAILY = "house view; data/btc_daily.csv";

/**
 * The rows of the inputs table, in reading order.
 *
 * @example
 * ```ts
 * import { loadAsicPrices } from "../data/asic_prices.ts";
 * import { loadHouseAssumptions } from "./house_assumptions.ts";
 * import { houseMinerCompany } from "./house_miner_company.ts";
 * import { houseMinerInputRows } from "./house_miner_inputs.ts";
 * import assert from "node:assert/strict";
 *
 * const house = await loadHouseAssumptions();
 * const miner = houseMinerCompany(house, { grossMw: 300, retireAboveJPerTh: 25, upgradeUsdPerTh: 20,
 *   asicPrices: await loadAsicPrices(), deliveryLagMonths: 3, depreciationMonths: 36, poolFee: 0,
 *   sgaUsdPerMonth: 0 });
 * const rows = houseMinerInputRows(house, miner, { aiShare: 0.2 });
 * assert.deepEqual(rows.map((r) => r.input), ["BTC price at the start", "Network hashrate",
 *   "Fees and blocks", "Today's fleet", "Upgrade", "Costs", "AI front", "Horizon and rate"]);
 * assert.match(rows[4]!.value, /at \$20\.00\/TH/);
 * assert.match(rows[6]!.value, /^20% of the MW: /);
 * ```
 */
export function houseMinerInputRows(
  house: HouseAssumptions,
  miner: HouseMinerCompany,
  options: { readonly aiShare: number },
): HouseInputRow[] {
  const { asOf, network, ai } = house;
  const { fleet, upgrade, company } = miner;
  const pct = (share: number) => formatPercent(share, 0);
  const grossMw = company.grossPower / 1e6;
  const retireAbove = company.fleet.retireAbove?.[0]?.aboveJPerTh;
  const lease = ai.leaseDeal;
  const simulation = house.view.simulation;
  return [
    {
      input: "BTC price at the start",
      value: `${formatUsd(house.btcPrice.startUsd)} (last close, ${asOf}); no trend; volatility ${
        pct(network.btcVolAnnual)
      } a year`,
      from: DAILY,
    },
    {
      input: "Network hashrate",
      value: `${formatNumber(network.hashrate / 1e6)} EH/s (${network.meanDays}-day mean); trend ${
        formatPercent(network.excessHashrateGrowthAnnual, 1)
      } a year against the price (± ${
        formatPercent(network.excessHashrateGrowthStdErr, 1)
      }); volatility ${pct(network.hashrateVolAnnual)}`,
      from: DAILY,
    },
    {
      input: "Fees and blocks",
      value: `${
        formatNumber(house.feesBtcPerBlock, 3)
      } BTC per block (last ${network.meanDays} days); ${
        formatNumber(house.blocksPerDay, 1)
      } blocks a day (last 90 days), so halvings at blocks ${
        miner.halvings.map((h) => `${formatNumber(h.height)} (${h.date.slice(0, 7)})`).join(", ")
      }`,
      from: DAILY,
    },
    {
      input: "Today's fleet",
      value: `${formatNumber(fleet.oldUnits)} ${fleet.old.name} (${
        formatNumber(fleet.old.efficiency, 1)
      } J/TH) and ${
        formatNumber(fleet.currentUnits)
      } ${fleet.current.name} (${fleet.current.efficiency} J/TH): ${
        formatNumber(fleet.fleetThs / 1e6, 1)
      } EH/s at ${house.fleetJPerTh} J/TH on ${grossMw} MW at PUE ${house.miningPue}`,
      from: "house view; data/asic_models.csv",
    },
    {
      input: "Upgrade",
      value: `${
        formatNumber(upgrade.units)
      } ${fleet.upgrade.name} (${fleet.upgrade.efficiency} J/TH) ordered in ${
        upgrade.date.slice(0, 7)
      } at $${formatNumber(upgrade.usdPerTh, 2)}/TH, ${
        formatUsd(upgrade.costUsd)
      }; machines above ${retireAbove} J/TH retired at the halving`,
      from: "data/asic_models.csv; data/asic_prices.csv",
    },
    {
      input: "Costs",
      value: `power ${formatUsd(house.powerPriceUsdPerKwh, 3)}/kWh; site costs ${
        formatUsd(house.siteCostUsdPerMwMonth)
      } per gross MW-month while hashing`,
      from: "house view",
    },
    {
      input: "AI front",
      value: `${pct(options.aiShare)} of the MW: ${
        formatNumber(options.aiShare * grossMw / ai.pue)
      } MW IT leased on ${lease.company}–${lease.counterparty} terms; build ${
        formatUsd(ai.buildCostUsdPerItMw)
      } per IT MW over ${ai.constructionMonths} months`,
      from: "house view; data/miner_ai_deals.csv; data/capex_per_mw.csv",
    },
    {
      input: "Horizon and rate",
      value: `${lease.term_years} years (the lease's base term), ${
        formatPercent(house.discountRate, 1)
      } discount rate, ${
        formatNumber(simulation.paths.value)
      } paths, seed ${simulation.seed.value}`,
      from: "house view",
    },
  ];
}

/**
 * The inputs table as markdown: Input, Value, From.
 *
 * @example
 * ```ts
 * import { loadAsicPrices } from "../data/asic_prices.ts";
 * import { loadHouseAssumptions } from "./house_assumptions.ts";
 * import { houseMinerCompany } from "./house_miner_company.ts";
 * import { houseMinerInputTable } from "./house_miner_inputs.ts";
 * import assert from "node:assert/strict";
 *
 * const house = await loadHouseAssumptions();
 * const miner = houseMinerCompany(house, { grossMw: 300, retireAboveJPerTh: 25, upgradeUsdPerTh: null,
 *   asicPrices: await loadAsicPrices(), deliveryLagMonths: 3, depreciationMonths: 36, poolFee: 0,
 *   sgaUsdPerMonth: 0 });
 * const lines = houseMinerInputTable(house, miner, { aiShare: 0.2 }).split("\n");
 * assert.deepEqual(lines.slice(0, 2), ["| Input | Value | From |", "|---|---|---|"]);
 * assert.equal(lines.length, 10);
 * ```
 */
export function houseMinerInputTable(
  house: HouseAssumptions,
  miner: HouseMinerCompany,
  options: { readonly aiShare: number },
): string {
  return markdownTable(houseMinerInputRows(house, miner, options), [
    { title: "Input", cell: "input" },
    { title: "Value", cell: "value" },
    { title: "From", cell: "from" },
  ]);
}
