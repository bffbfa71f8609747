/**
 * Why a company's value per share changed between two runs (two house views, two data vintages,
 * or both): a bridge from the previous P50 value per share to the current one, one driver at a
 * time. Each step values the company with that driver's inputs moved to their current values and
 * every earlier driver's already moved, so the steps add up exactly to the change; the order
 * (price, network, operations, leases, rates, balance sheet, shares, then the simulation's own
 * settings) is the order a coverage note reads it in, and a different order would split
 * interactions differently (as any sequential attribution does).
 *
 * @module
 */
import type { HouseAssumptions } from "../house/house_assumptions.ts";
import { type CompanyInputs, companyValue } from "./company_value.ts";

/** One run: a company's inputs and the house view they were valued under. */
export interface BridgeRun {
  /** The company's inputs. */
  readonly inputs: CompanyInputs;
  /** The house view. */
  readonly house: HouseAssumptions;
}

/** One input that differs between the runs. */
export interface ChangedInput {
  /** Its dotted path, e.g. `house.btcPrice.startUsd` or `company.sharesOutstanding`. */
  readonly path: string;
  /** Its value in the previous run (`undefined` where it had none). */
  readonly previous: unknown;
  /** Its value in the current run. */
  readonly current: unknown;
}

/** One driver of the change. */
export interface BridgeStep {
  /** What moved, e.g. "BTC price". */
  readonly driver: string;
  /** Change of the P50 value per share this driver makes, USD. */
  readonly changeUsd: number;
  /** The inputs of this driver that differ between the runs (the house deck by its sha256). */
  readonly changed: readonly ChangedInput[];
}

/** A bridge from one run's value per share to another's. */
export interface ValueBridge {
  /** The previous run's P50 value per share, USD. */
  readonly fromUsd: number;
  /** The current run's P50 value per share, USD. */
  readonly toUsd: number;
  /** The drivers, in order; their changes add up to `toUsd - fromUsd`. */
  readonly steps: readonly BridgeStep[];
}

type HouseKey = keyof HouseAssumptions;
type CompanyKey = keyof CompanyInputs;

/** The drivers in order, each with the house and company inputs it moves. */
const DRIVERS: readonly { driver: string; house: HouseKey[]; company: CompanyKey[] }[] = [
  { driver: "BTC price", house: ["btcPrice"], company: [] },
  {
    driver: "Network hashrate and fees",
    house: ["network", "feesBtcPerBlock", "startHeight", "blocksPerDay"],
    company: [],
  },
  {
    driver: "Fleet, hashrate and power",
    house: [
      "powerPriceUsdPerKwh",
      "powerPriceRangeUsdPerKwh",
      "miningPue",
      "fleetJPerTh",
      "siteCostUsdPerMwMonth",
      "fleet",
    ],
    company: ["hashrateEhs", "fleetJPerTh", "powerPriceUsdPerKwh"],
  },
  {
    driver: "Lease terms and pipeline",
    house: ["ai", "leaseSigningProbability"],
    company: ["leases", "pipelineItMw"],
  },
  { driver: "Cap rate and discount rate", house: ["capRate", "discountRate"], company: [] },
  {
    driver: "BTC held, cash and debt",
    house: [],
    company: ["btcHeld", "cashUsd", "debtUsd", "convertibles"],
  },
  { driver: "Shares", house: [], company: ["sharesOutstanding"] },
  // What is left: the deck itself (simulation paths and seed), and the dates, which move
  // nothing but are carried so that the last step lands on the current run.
  { driver: "Simulation", house: ["view", "asOf"], company: ["asOf"] },
];

/** The numbers and texts that differ between two values, by dotted path (arrays by index). */
function differences(previous: unknown, current: unknown, path: string): ChangedInput[] {
  if (Object.is(previous, current)) return [];
  if (
    typeof previous !== "object" || typeof current !== "object" || previous === null ||
    current === null
  ) {
    return [{ path, previous, current }];
  }
  const keys = new Set([...Object.keys(previous), ...Object.keys(current)]);
  return [...keys].flatMap((key) =>
    differences(
      (previous as Record<string, unknown>)[key],
      (current as Record<string, unknown>)[key],
      `${path}.${key}`,
    )
  );
}

function changedInputs(
  previous: BridgeRun,
  current: BridgeRun,
  driver: typeof DRIVERS[number],
): ChangedInput[] {
  return [
    ...driver.house.flatMap((key) =>
      key === "view"
        ? [
          ...differences(
            previous.house.view.sha256,
            current.house.view.sha256,
            "house.view.sha256",
          ),
          ...differences(
            previous.house.view.simulation,
            current.house.view.simulation,
            "house.view.simulation",
          ),
        ]
        : differences(previous.house[key], current.house[key], `house.${key}`)
    ),
    ...driver.company.flatMap((key) =>
      differences(previous.inputs[key], current.inputs[key], `company.${key}`)
    ),
  ];
}

/**
 * Bridges the P50 value per share of `previous` to that of `current`, driver by driver.
 *
 * @example A higher BTC price in the house view, nothing else changed
 * ```ts
 * import { valueBridge } from "./value_bridge.ts";
 * import { companyValue } from "./company_value.ts";
 * import { loadHouseAssumptions, overrideHouse } from "../house/house_assumptions.ts";
 * import assert from "node:assert/strict";
 *
 * const house = await loadHouseAssumptions();
 * const inputs = {
 *   ticker: "TEST", asOf: "2026-06-01", hashrateEhs: 10, fleetJPerTh: 20, btcHeld: 500,
 *   cashUsd: 100e6, debtUsd: 0, convertibles: [], sharesOutstanding: 100e6, pipelineItMw: 0, leases: [],
 * };
 * const dearer = overrideHouse(house, { btcStartUsd: house.btcPrice.startUsd * 1.1 });
 * const bridge = valueBridge({ inputs, house }, { inputs, house: dearer });
 * assert.equal(bridge.toUsd, companyValue(inputs, dearer).perShareUsd.p50);
 * const [price, ...rest] = bridge.steps;
 * assert.deepEqual(price!.changed.map((c) => c.path), ["house.btcPrice.startUsd", "house.btcPrice.bearUsd", "house.btcPrice.bullUsd"]);
 * assert.equal(price!.changed[0]!.current, 1.1 * house.btcPrice.startUsd);
 * assert.ok(Math.abs(price!.changeUsd - (bridge.toUsd - bridge.fromUsd)) < 1e-9);
 * assert.ok(rest.every((s) => s.changeUsd === 0 && s.changed.length === 0));
 * ```
 */
export function valueBridge(previous: BridgeRun, current: BridgeRun): ValueBridge {
  if (previous.inputs.ticker !== current.inputs.ticker) {
    throw new RangeError(
      `Cannot bridge ${previous.inputs.ticker} to ${current.inputs.ticker}: a bridge is of one company`,
    );
  }
  const p50 = (run: BridgeRun) => companyValue(run.inputs, run.house).perShareUsd.p50;
  const fromUsd = p50(previous);
  let house: HouseAssumptions = previous.house;
  let inputs: CompanyInputs = previous.inputs;
  let before = fromUsd;
  const steps = DRIVERS.map((driver) => {
    const differing = changedInputs(previous, current, driver);
    if (differing.length === 0) return { driver: driver.driver, changeUsd: 0, changed: differing };
    // Dates are moved with the last step but are not inputs of the value: not listed.
    const changed = differing.filter((c) => !c.path.endsWith(".asOf"));
    house = { ...house, ...pick(current.house, driver.house) };
    inputs = { ...inputs, ...pick(current.inputs, driver.company) };
    const after = p50({ inputs, house });
    const step = { driver: driver.driver, changeUsd: after - before, changed };
    before = after;
    return step;
  });
  return { fromUsd, toUsd: before, steps };
}

function pick<T extends object>(from: T, keys: readonly (keyof T)[]): Partial<T> {
  return Object.fromEntries(keys.map((key) => [key, from[key]])) as Partial<T>;
}

/**
 * A changed input's value as a bridge table prints it: numbers to six significant digits, text as
 * it is, a lease by its deal id, "–" where the run had none.
 *
 * @example
 * ```ts
 * import { describeInput } from "./value_bridge.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(describeInput(1234567.891), "1,234,570");
 * assert.equal(describeInput(0.0825), "0.0825");
 * assert.equal(describeInput(undefined), "–");
 * assert.equal(describeInput({ dealId: "RIOT-AMD-2025", itMw: 25 }), "RIOT-AMD-2025");
 * ```
 */
export function describeInput(value: unknown): string {
  if (value === undefined || value === null) return "–";
  if (typeof value === "number") {
    return value.toLocaleString("en-US", { maximumSignificantDigits: 6 });
  }
  if (typeof value === "object" && "dealId" in value) return String(value.dealId);
  return typeof value === "object" ? JSON.stringify(value).slice(0, 60) : String(value);
}
