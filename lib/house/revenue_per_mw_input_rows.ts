/**
 * The inputs of the revenue-per-MW comparison as the rows of a note's inputs table: each input's
 * value in words, with the date, basis or count behind it, and the dataset it comes from.
 *
 * @module
 */
import { gpusPerItMw } from "../compute/gpu_density.ts";
import { formatUsd } from "../units/format.ts";
import { formatNumber, formatSignificant } from "../units/format_number.ts";
import type { HouseInputRow } from "./house_input_rows.ts";
import type { RevenuePerMwInputs } from "./revenue_per_mw_inputs.ts";

const BASIS_TEXT = { computed: "W ÷ TH/s", stated: "as the source states it" } as const;

/**
 * The rows, shaped as `houseInputRows` gives a site note's, in the order the comparison uses
 * them: hashprice, the fleets, the ASIC price, the mine, the leases, the build cost, the GPUs
 * per MW, the GPU's price and its rents.
 *
 * @example
 * ```ts
 * import { loadHouseAssumptions } from "./house_assumptions.ts";
 * import { loadRevenuePerMwInputs } from "./revenue_per_mw_inputs.ts";
 * import { revenuePerMwInputRows } from "./revenue_per_mw_input_rows.ts";
 * import assert from "node:assert/strict";
 *
 * const inputs = await loadRevenuePerMwInputs(await loadHouseAssumptions(), {
 *   startDate: "2020-01-01", smoothingDays: 30, oldFleet: "Antminer S19", gpuUtilisation: 0.8,
 *   gpuEbitdaMargin: 0.85 });
 * const rows = revenuePerMwInputRows(inputs);
 * assert.equal(rows.length, 11);
 * assert.deepEqual(rows.find((r) => r.input === "GPUs per IT MW"),
 *   { input: "GPUs per IT MW", value: "784 (DGX H100: 8 GPUs, 10.2 kW)", from: "lib" });
 * assert.equal(rows.at(-2)!.value, "$2.35 per GPU-hour (2026-03)");
 * ```
 */
export function revenuePerMwInputRows(inputs: RevenuePerMwInputs): HouseInputRow[] {
  const { businesses: b, rents, asicPrice, mineSite, gpuModel, contractPrice } = inputs;
  const system = b.gpuCloud.system;
  const list = inputs.listPrices.at(-1);
  const perGpuHour = (row: { value: number; date: string }) =>
    `${formatUsd(row.value)} per GPU-hour (${row.date.slice(0, 7)})`;
  const gpu = b.gpuCloud.gpu;
  return [
    {
      input: `Hashprice, ${inputs.smoothingDays}-day mean to ${inputs.asOf}`,
      value: `${formatUsd(b.mining.hashprice)} per PH/s per day`,
      from: "data/btc_daily.csv (Coin Metrics)",
    },
    ...inputs.fleets.map((f) => ({
      input: f.model,
      value: `${formatNumber(f.efficiency, 1)} J/TH (${
        BASIS_TEXT[f.basis]
      }), released ${f.release}`,
      from: "data/asic_models.csv",
    })),
    {
      input: `${b.mining.fleet} purchase price`,
      value: `${formatUsd(asicPrice.value_usd_per_th)} per TH/s (${asicPrice.date})`,
      from: "data/asic_prices.csv",
    },
    {
      input: "Bitcoin mine bought",
      value: `${formatUsd(mineSite.mid_usd_per_mw)} per MW (${mineSite.subject})`,
      from: "data/capex_per_mw.csv",
    },
    {
      input: "Miners' AI leases",
      value: `median ${formatUsd(rents.medianUsdPerMwYear)} per IT MW-year (${
        formatUsd(rents.minUsdPerMwYear)
      }–${formatUsd(rents.maxUsdPerMwYear)}), ${rents.deals} comparable contracts, median term ${
        formatSignificant(inputs.leaseTermYears)
      } years`,
      from: "data/miner_ai_deals.csv",
    },
    {
      input: "AI data-centre build cost",
      value: `median ${
        formatUsd(b.ai.buildUsdPerItMw)
      } per IT MW (${inputs.buildProjects} projects)`,
      from: "data/capex_per_mw.csv",
    },
    {
      input: "GPUs per IT MW",
      value: `${formatNumber(gpusPerItMw(system))} (${system.name}: ${system.gpusPerSystem} GPUs, ${
        formatNumber(system.systemPower / 1000, 1)
      } kW)`,
      from: "lib",
    },
    {
      input: `${gpu} price per GPU, server share included`,
      value: formatUsd(gpuModel.release_price_usd),
      from: "data/gpu_models.csv (Epoch AI)",
    },
    {
      input: `${gpu} ${contractPrice.price_type_as_stated}`,
      value: perGpuHour(contractPrice),
      from: "data/gpu_rental_prices.csv",
    },
    ...(list === undefined ? [] : [{
      input: `${gpu} rental, on-demand list (GIX back-series)`,
      value: perGpuHour(list),
      from: "data/gpu_rental_prices.csv",
    }]),
  ];
}
