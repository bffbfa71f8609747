/**
 * The house view's inputs to a site note, as the rows of its inputs table: each input's value in
 * words and where it comes from (the house view, the dataset it was resolved against).
 *
 * @module
 */
import { markdownTable } from "../charts/markdown_table.ts";
import type { DealIntensitySummary } from "../deals/deal_analytics.ts";
import { formatPercent, formatUsd } from "../units/format.ts";
import type { HouseAssumptions } from "./house_assumptions.ts";
import { houseSitePlan } from "./house_values.ts";

/** One input of a note: its name, its value in words, its source. */
export interface HouseInputRow {
  /** The input. */
  readonly input: string;
  /** Its value, with the window or basis it was measured over. */
  readonly value: string;
  /** Where it comes from. */
  readonly from: string;
}

/** Options of {@linkcode houseInputRows}. */
export interface HouseInputRowsOptions {
  /** The comparable leases' rents (`dealIntensitySummary` of `data/miner_ai_deals.csv`).
   * Required. */
  readonly comparableRents: Pick<
    DealIntensitySummary,
    "deals" | "minUsdPerMwYear" | "maxUsdPerMwYear" | "medianUsdPerMwYear"
  >;
  /** Whether this run set the BTC price in place of the last close. @default false */
  readonly btcPriceSet?: boolean;
  /** Whether this run set the discount rate in place of the house's. @default false */
  readonly discountRateSet?: boolean;
}

const DAILY = "house view; data/btc_daily.csv";

/**
 * The inputs a site note starts from: the BTC price and its volatility, the network's hashrate,
 * trend and volatility, fees and the block rate, the fleet and its costs, the template lease and
 * its comparables, the build cost, the discount rate and the Monte Carlo paths.
 *
 * @example
 * ```ts
 * import { loadHouseAssumptions } from "./house_assumptions.ts";
 * import { houseInputRows } from "./house_input_rows.ts";
 * import assert from "node:assert/strict";
 *
 * const house = await loadHouseAssumptions();
 * const comparableRents = { deals: 2, minUsdPerMwYear: 1e6, maxUsdPerMwYear: 2e6, medianUsdPerMwYear: 1.5e6 };
 * const rows = houseInputRows(house, { comparableRents });
 * assert.equal(rows.length, 11);
 * assert.equal(rows[0]!.value, `$${(house.btcPrice.startUsd / 1e3).toPrecision(3)}k (last close on ${house.asOf})`);
 * assert.equal(rows.find((r) => r.input === "Comparable leases")!.value,
 *   "$1.00M–$2.00M per IT MW-year over the term, median $1.50M (2 contracts)");
 * assert.match(houseInputRows(house, { comparableRents, discountRateSet: true }).at(-2)!.value, /; set for this run$/);
 * ```
 */
export function houseInputRows(
  house: HouseAssumptions,
  options: HouseInputRowsOptions,
): HouseInputRow[] {
  const { asOf, network, ai } = house;
  const pct = (share: number) => formatPercent(share, 0);
  const lease = ai.leaseDeal;
  const plan = houseSitePlan(house, 1);
  const firstYearRent = plan.ai.kind === "colocation" ? plan.ai.firstYearRent : NaN;
  const rents = options.comparableRents;
  const [buildLow, buildHigh] = ai.buildCostRangeUsdPerItMw;
  const days = network.meanDays;
  return [
    {
      input: "BTC price at the start",
      value: `${formatUsd(house.btcPrice.startUsd)} (last close on ${asOf}${
        options.btcPriceSet ? "; set for this run" : ""
      })`,
      from: DAILY,
    },
    {
      input: "BTC volatility",
      value: `${
        pct(network.btcVolAnnual)
      } a year (daily log returns, ${network.fromDate} to ${asOf})`,
      from: DAILY,
    },
    {
      input: "Network hashrate",
      value: `${(network.hashrate / 1e6).toFixed(0)} EH/s (${days}-day mean); trend ${
        formatPercent(network.excessHashrateGrowthAnnual, 1)
      } a year against the price (± ${
        formatPercent(network.excessHashrateGrowthStdErr, 1)
      }, log-linear fit)`,
      from: DAILY,
    },
    {
      input: "Hashrate volatility",
      value: `${pct(network.hashrateVolAnnual)} a year (changes of ${days}-day means)`,
      from: DAILY,
    },
    {
      input: "Fees and blocks",
      value: `${house.feesBtcPerBlock.toFixed(3)} BTC per block (last ${days} days); ${
        house.blocksPerDay.toFixed(1)
      } blocks a day (last 90 days)`,
      from: DAILY,
    },
    {
      input: "Fleet",
      value: `${house.fleetJPerTh} J/TH at PUE ${house.miningPue}, power ${
        formatUsd(house.powerPriceUsdPerKwh, 3)
      }/kWh, site costs ${formatUsd(house.siteCostUsdPerMwMonth)} per gross MW-month while hashing`,
      from: "house view",
    },
    {
      input: "Template lease",
      value: `${lease.company}–${lease.counterparty}, ${lease.critical_it_mw} MW IT, ${
        formatUsd(lease.contract_value_usd)
      } over ${lease.term_years} years; year-one rent ${
        formatUsd(firstYearRent)
      } per IT MW rising ${pct(ai.escalator)} a year; AI PUE ${ai.pue}`,
      from: "house view; data/miner_ai_deals.csv",
    },
    {
      input: "Comparable leases",
      value: `${formatUsd(rents.minUsdPerMwYear)}–${
        formatUsd(rents.maxUsdPerMwYear)
      } per IT MW-year over the term, median ${
        formatUsd(rents.medianUsdPerMwYear)
      } (${rents.deals} contracts)`,
      from: "data/miner_ai_deals.csv",
    },
    {
      input: "Build cost",
      value: `median ${formatUsd(ai.buildCostUsdPerItMw)} per IT MW (${formatUsd(buildLow)}–${
        formatUsd(buildHigh)
      }, ${ai.buildCostRows.length} projects), over ${ai.constructionMonths} months`,
      from: "house view; data/capex_per_mw.csv",
    },
    {
      input: "Discount rate",
      value: `${formatPercent(house.discountRate, 1)}${
        options.discountRateSet
          ? "; set for this run"
          : `: the ${formatPercent(house.capRate, 1)} cap rate plus the ${
            formatPercent(ai.escalator, 1)
          } escalator`
      }`,
      from: "house view",
    },
    {
      input: "Paths",
      value: `${
        house.view.simulation.paths.value.toLocaleString("en-US")
      } (seed ${house.view.simulation.seed.value})`,
      from: "house view",
    },
  ];
}

/**
 * {@linkcode houseInputRows} as a markdown table: Input, Value, From.
 *
 * @example
 * ```ts
 * import { loadHouseAssumptions } from "./house_assumptions.ts";
 * import { houseInputTable } from "./house_input_rows.ts";
 * import assert from "node:assert/strict";
 *
 * const house = await loadHouseAssumptions();
 * const comparableRents = { deals: 2, minUsdPerMwYear: 1e6, maxUsdPerMwYear: 2e6, medianUsdPerMwYear: 1.5e6 };
 * const lines = houseInputTable(house, { comparableRents }).split("\n");
 * assert.deepEqual(lines.slice(0, 2), ["| Input | Value | From |", "|---|---|---|"]);
 * assert.equal(lines.length, 13);
 * assert.equal(lines.at(-1), `| Paths | ${house.view.simulation.paths.value.toLocaleString("en-US")} (seed ${house.view.simulation.seed.value}) | house view |`);
 * ```
 */
export function houseInputTable(
  house: HouseAssumptions,
  options: HouseInputRowsOptions,
): string {
  return markdownTable(houseInputRows(house, options), [
    { title: "Input", cell: "input" },
    { title: "Value", cell: "value" },
    { title: "From", cell: "from" },
  ]);
}
