/**
 * The tables of a {@linkcode powerTaxStudy}, as a note prints them: each generation's breakevens
 * under the tax cases with its power cost per BTC (markdown), the network power bounds per price
 * and tax (markdown), and the columns of the fleet-screen exhibit. Power prices print to a tenth
 * of a cent, J/TH to one decimal, dollars compact (`lib/units`).
 *
 * @module
 */
import { markdownTable } from "../charts/markdown_table.ts";
import type { TableColumn } from "../charts/table.ts";
import { formatPowerPrice, formatUsd } from "../units/format.ts";
import { formatNumber } from "../units/format_number.ts";
import type { Power } from "../units/power.ts";
import type { FleetScreenRow, ScreenedFleet } from "./fleet_screen.ts";
import { powerInGw } from "./network_power.ts";
import type { PowerTaxStudy, RatedModel } from "./power_tax_study.ts";

/**
 * Each generation's release, J/TH, breakeven under every tax case, and power cost per BTC at the
 * middle price untaxed → with the direct tax, as a markdown table.
 *
 * @example See `power_tax_tables_test.ts` for a whole study; the header names the cases
 * ```ts
 * import { generationBreakevenTable } from "./power_tax_tables.ts";
 * import { imfTaxCases } from "./tax_cases.ts";
 * import assert from "node:assert/strict";
 *
 * const study = {
 *   cases: imfTaxCases(),
 *   generations: { rows: [{ machine: { model: "Antminer S21", release: "2023-09" }, jPerTh: 17.5, breakevens: [0.0867, 0.0397, -0.0023] }] },
 *   powerCostPerBtc: [{ untaxed: 44_800, taxed: 87_000 }],
 *   middlePriceUsdPerKwh: 0.05,
 * };
 * assert.deepEqual(generationBreakevenTable(study).split("\n"), [
 *   "| Model | Release | J/TH | Breakeven, no tax | With IMF direct $0.047 | With IMF, air pollution $0.089 | Power cost per BTC at $0.050/kWh, no tax → with IMF direct |",
 *   "|---|---|--:|--:|--:|--:|--:|",
 *   "| Antminer S21 | 2023-09 | 17.5 | $0.087 | $0.040 | -$0.002 | $44.8k → $87.0k |",
 * ]);
 * ```
 */
export function generationBreakevenTable(
  study: Pick<PowerTaxStudy<RatedModel>, "cases" | "powerCostPerBtc" | "middlePriceUsdPerKwh"> & {
    readonly generations: {
      readonly rows: readonly {
        readonly machine: Pick<RatedModel, "model" | "release">;
        readonly jPerTh: number;
        readonly breakevens: readonly number[];
      }[];
    };
  },
): string {
  const middle = study.middlePriceUsdPerKwh;
  type Row = (typeof study.generations.rows)[number];
  return markdownTable(study.generations.rows, [
    { title: "Model", cell: (r: Row) => r.machine.model },
    { title: "Release", cell: (r: Row) => r.machine.release || "not stated" },
    { title: "J/TH", cell: (r: Row) => formatNumber(r.jPerTh, 1), align: "right" },
    ...study.cases.map((c, k) => ({
      title: k === 0 ? "Breakeven, no tax" : `With ${c.label}`,
      cell: (r: Row) => formatPowerPrice(r.breakevens[k]!),
      align: "right" as const,
    })),
    {
      title: `Power cost per BTC at ${formatPowerPrice(middle)}/kWh, no tax → with IMF direct`,
      cell: (_: Row, i: number) => {
        const cost = study.powerCostPerBtc[i]!;
        return `${formatUsd(cost.untaxed)} → ${formatUsd(cost.taxed)}`;
      },
      align: "right",
    },
  ]);
}

/**
 * The network power bounds per price and tax case as a markdown table: the highest J/TH that
 * pays, how many released models pay, the least efficient of them, and the lower–upper power in
 * GW ("no upper bound" where no released model pays).
 *
 * @example One scenario where nothing released pays
 * ```ts
 * import { networkPowerTable } from "./power_tax_tables.ts";
 * import { imfTaxCases } from "./tax_cases.ts";
 * import { jPerTh } from "../units/efficiency.ts";
 * import { mw } from "../units/power.ts";
 * import assert from "node:assert/strict";
 *
 * const bounds = {
 *   breakevenEfficiency: jPerTh(9.46), available: ["S21", "S23"], profitable: [],
 *   lower: { power: mw(9_400), efficiency: jPerTh(9.5), model: "S23" }, upper: undefined, bestGuess: undefined,
 * };
 * const table = networkPowerTable({ networkPower: [{ price: 0.07, case: imfTaxCases()[2], bounds }] });
 * assert.equal(table.split("\n")[2], "| $0.070 | IMF, air pollution $0.089 | 9.5 | 0 of 2 | none | 9.4, no upper bound |");
 * ```
 */
export function networkPowerTable(
  study: Pick<PowerTaxStudy<RatedModel>, "networkPower">,
): string {
  const gw = (power: Power) => formatNumber(powerInGw(power), 1);
  return markdownTable(study.networkPower, [
    { title: "Power price, USD/kWh", cell: (s) => formatPowerPrice(s.price), align: "right" },
    { title: "Tax", cell: (s) => s.case.label },
    {
      title: "Highest J/TH that pays",
      cell: (s) => formatNumber(s.bounds.breakevenEfficiency, 1),
      align: "right",
    },
    {
      title: "Released models that pay",
      cell: ({ bounds }) => `${bounds.profitable.length} of ${bounds.available.length}`,
      align: "right",
    },
    {
      title: "Least efficient that pays",
      // No released model pays: no upper bound, only the floor.
      cell: ({ bounds: { upper } }) =>
        upper === undefined ? "none" : `${upper.model} (${formatNumber(upper.efficiency, 1)} J/TH)`,
    },
    {
      title: "Network power, GW (lower–upper)",
      cell: ({ bounds: { lower, upper } }) =>
        upper === undefined
          ? `${gw(lower.power)}, no upper bound`
          : `${gw(lower.power)}–${gw(upper.power)}`,
      align: "right",
    },
  ]);
}

/**
 * The columns of a fleet-screen table exhibit (`tableSpec(screen.rows, { columns })`): fleet,
 * J/TH, breakeven untaxed and taxed, and a status column per power price.
 *
 * @example
 * ```ts
 * import { fleetScreenColumns } from "./power_tax_tables.ts";
 * import assert from "node:assert/strict";
 *
 * const columns = fleetScreenColumns([0.03, 0.05]);
 * assert.deepEqual(columns.map((c) => c.title), ["Fleet", "J/TH", "Breakeven", "With IMF tax", "At $0.030/kWh", "At $0.050/kWh"]);
 * assert.deepEqual(columns.map((c) => c.field), ["fleet", "jPerTh", "untaxed", "taxed", "at0", "at1"]);
 * ```
 */
export function fleetScreenColumns<F extends ScreenedFleet>(
  powerPricesUsdPerKwh: readonly number[],
): TableColumn<FleetScreenRow<F>>[] {
  const price = (v: unknown) => formatPowerPrice(v as number);
  return [
    { field: "fleet", title: "Fleet" },
    { field: "jPerTh", title: "J/TH", format: (v) => formatNumber(v, 1) },
    { field: "untaxed", title: "Breakeven", format: price },
    { field: "taxed", title: "With IMF tax", format: price },
    ...powerPricesUsdPerKwh.map((p, i) => ({
      field: `at${i}` as const,
      title: `At ${formatPowerPrice(p)}/kWh`,
      format: "text" as const,
    })),
  ];
}
