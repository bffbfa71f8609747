/**
 * A Bitcoin miner as a company, and the pure self-miner against the mullet: fleet plans
 * (purchases with delivery lags, retirements, J/TH thresholds), share of the network and BTC
 * mined through halvings, cash and all-in cost per BTC, treasury policies as data with a
 * month-by-month treasury, and the Monte Carlo comparison of a pure miner with the same MW
 * split between AI in the front and mining in the back.
 *
 * @module
 */
export type {
  FleetPlan,
  InstalledMachines,
  MachineModel,
  MachinePurchase,
  MachineRetirement,
  ModelSpec,
  RetirementThreshold,
} from "./fleet_plan.ts";
export * from "./fleet_schedule.ts";
export * from "./production.ts";
export {
  type CheckedCosts,
  HOURS_PER_MONTH,
  type MiningCosts,
  type UnitCostInputs,
  type UnitCosts,
  unitCosts,
} from "./unit_costs.ts";
export type { BalanceSheet, CheckedCompany, MinerCompany } from "./miner_company.ts";
export * from "./miner_projection.ts";
export {
  TREASURY_POLICY_KINDS,
  TREASURY_POLICY_LABELS,
  type TreasuryPolicy,
  type TreasuryPolicyKind,
} from "./treasury_policy.ts";
export * from "./treasury.ts";
export * from "./strategy_outcome.ts";
export * from "./miner_vs_mullet.ts";
export * from "./comparison_table.ts";
export * from "./miner_vs_mullet_rows.ts";
export * from "./treasury_policy_runs.ts";
