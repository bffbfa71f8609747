/**
 * Bitcoin mining economics (F2–F5, F10): hashprice, hashcost and breakevens, cost
 * per BTC, ASIC unit economics and revenue per MW, the IMF's proposed power tax, fleets, ASIC
 * payback and IRR over a life with halvings, and CBECI-style bounds on network power.
 *
 * @example An S21 MW (17.5 J/TH [S60]): $38–50/PH/day is $0.8–1.0M per miner MW-year (F4)
 * ```ts
 * import { miningPerMw } from "./mod.ts";
 * import { jPerTh } from "../units/efficiency.ts";
 * import { usdPerKwh, usdPerPhDay } from "../units/prices.ts";
 * import assert from "node:assert/strict";
 *
 * const at = (hp: number) =>
 *   miningPerMw({ hashprice: usdPerPhDay(hp), efficiency: jPerTh(17.5), powerPriceUsdPerKwh: usdPerKwh(0.03) });
 * assert.equal((at(38).revenuePerMinerMwYear / 1e6).toFixed(1), "0.8");
 * assert.equal((at(50).revenuePerMinerMwYear / 1e6).toFixed(1), "1.0");
 * ```
 *
 * @module
 */
export * from "./hashprice.ts";
export * from "./fees.ts";
export * from "./hashcost.ts";
export * from "./cost_per_btc.ts";
export * from "./asic_economics.ts";
export * from "./mining_per_mw.ts";
export * from "./imf_tax.ts";
export * from "./fleet.ts";
export * from "./asic_investment.ts";
export * from "./network_power.ts";
export * from "./hashprice_history.ts";
export * from "./revenue_by_year.ts";
export * from "./latest_market.ts";
export * from "./tax_cases.ts";
export * from "./fleet_screen.ts";
export * from "./margin_grid.ts";
export * from "./catalogue_survival.ts";
export * from "./power_tax_study.ts";
export * from "./power_tax_tables.ts";
