/**
 * Input checks shared by the mining models, on top of `lib/units/checks.ts`: the ones whose
 * valid range is narrower than a plain fraction (a pool fee of 100% leaves nothing to divide by,
 * an uptime of 0 mines nothing) and the all-in power price (price + tax).
 *
 * Internal to `lib/mining`.
 *
 * @module
 */
import { fraction, nonNegative, positive, pueValue } from "../units/checks.ts";
import type { Efficiency } from "../units/efficiency.ts";
import type { Hashrate } from "../units/hashrate.ts";
import type { Power } from "../units/power.ts";
import type { UsdPerKwh } from "../units/prices.ts";

/** Throws unless `value` is a pool fee in [0, 1): a fee of 1 would leave no revenue. */
export function poolFeeValue(field: string, value: number): number {
  fraction(field, value);
  if (value === 1) {
    throw new RangeError(`Cannot use ${field}: expected a fee in [0, 1), got ${value}`);
  }
  return value;
}

/** Throws unless `value` is an uptime in (0, 1]: a machine that never runs has no economics. */
export function uptimeValue(field: string, value: number): number {
  fraction(field, value);
  if (value === 0) {
    throw new RangeError(`Cannot use ${field}: expected a fraction in (0, 1], got ${value}`);
  }
  return value;
}

/** The power options every cost model shares. */
export interface PowerCostOptions {
  /** Power usage effectiveness of the site (total ÷ miner power, F9). Default 1:
   * no overhead, the miner's own draw only. */
  readonly pue?: number;
  /**
   * A tax per kWh added to the power price, e.g. `IMF_MINING_TAX.direct`.
   *
   * @default 0
   */
  readonly taxUsdPerKwh?: UsdPerKwh;
}

/** The checked PUE of `options` (default 1). */
export function pueOf(options: PowerCostOptions): number {
  return pueValue("pue", options.pue ?? 1);
}

/** The checked tax of `options` (default 0), USD/kWh. */
export function taxOf(options: PowerCostOptions): number {
  return nonNegative("taxUsdPerKwh", options.taxUsdPerKwh ?? 0);
}

/** The checked all-in power price: price + tax, USD/kWh. */
export function allInPrice(powerPriceUsdPerKwh: UsdPerKwh, options: PowerCostOptions): number {
  return nonNegative("powerPriceUsdPerKwh", powerPriceUsdPerKwh) + taxOf(options);
}

/** A machine's hashrate with either its efficiency or its power draw, never both. */
export type AsicSpec =
  & { readonly hashrate: Hashrate }
  & (
    | { readonly efficiency: Efficiency; readonly power?: never }
    | { readonly power: Power; readonly efficiency?: never }
  );

/** Hashrate and efficiency of a spec, checked; `prefix` names the spec in errors ("models[2]."). */
export function checkSpec(
  spec: AsicSpec,
  prefix = "",
): { hashrate: number; efficiency: number } {
  const hashrate = positive(`${prefix}hashrate`, spec.hashrate);
  const hasEfficiency = spec.efficiency !== undefined;
  if (hasEfficiency === (spec.power !== undefined)) {
    throw new TypeError(
      `Cannot use ${
        prefix ? prefix.slice(0, -1) : "the machine spec"
      }: expected exactly one of efficiency or power, ` +
        `got ${hasEfficiency ? "both" : "neither"}`,
    );
  }
  const efficiency = hasEfficiency
    ? positive(`${prefix}efficiency`, spec.efficiency!)
    : positive(`${prefix}power`, spec.power!) / hashrate;
  return { hashrate, efficiency };
}
