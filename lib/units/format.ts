/**
 * Display formatting for every unit, in one place, so notes, tables and chart labels agree:
 * "$1.46M", "600 EH/s", "300 MW", "$0.047/kWh", "$121.5/kW-mo", "12.5%".
 *
 * @module
 */
import { type Hashrate, hashrateIn, type HashrateUnit } from "./hashrate.ts";

const SUFFIXES = [
  [1e12, "T"],
  [1e9, "B"],
  [1e6, "M"],
  [1e3, "k"],
] as const;

function significant(value: number, digits: number): string {
  const abs = Math.abs(value);
  const decimals = abs >= 100
    ? Math.max(0, digits - 3)
    : abs >= 10
    ? Math.max(0, digits - 2)
    : digits - 1;
  return value.toLocaleString("en-US", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}

/**
 * A compact number with a k/M/B/T suffix and three significant digits.
 *
 * @example
 * ```ts
 * import { formatCompact } from "./format.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(formatCompact(1_458_333), "1.46M");
 * assert.equal(formatCompact(3.5e9), "3.50B");
 * assert.equal(formatCompact(450), "450");
 * assert.equal(formatCompact(-12_300), "-12.3k");
 * ```
 */
export function formatCompact(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return String(value);
  for (const [size, suffix] of SUFFIXES) {
    if (Math.abs(value) >= size) return significant(value / size, digits) + suffix;
  }
  return significant(value, digits);
}

/**
 * Dollars, compact: "$1.46M", "-$12.3k".
 *
 * @example
 * ```ts
 * import { formatUsd } from "./format.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(formatUsd(1_458_333), "$1.46M");
 * assert.equal(formatUsd(-12_300), "-$12.3k");
 * assert.equal(formatUsd(36.42), "$36.4");
 * ```
 */
export function formatUsd(value: number, digits = 3): string {
  const text = formatCompact(Math.abs(value), digits);
  return value < 0 ? `-$${text}` : `$${text}`;
}

/**
 * Bitcoin with up to `decimals` decimals: "3.125 BTC".
 *
 * @example
 * ```ts
 * import { formatBtc } from "./format.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(formatBtc(3.125), "3.125 BTC");
 * assert.equal(formatBtc(1234.5678, 2), "1,234.57 BTC");
 * ```
 */
export function formatBtc(value: number, decimals = 4): string {
  return `${value.toLocaleString("en-US", { maximumFractionDigits: decimals })} BTC`;
}

/**
 * A hashrate in the largest unit that keeps the number ≥ 1: "600 EH/s", "57.1 PH/s".
 *
 * @example
 * ```ts
 * import { formatHashrate } from "./format.ts";
 * import { ehs, ths } from "./hashrate.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(formatHashrate(ehs(600)), "600 EH/s");
 * assert.equal(formatHashrate(ths(57_143)), "57.1 PH/s");
 * assert.equal(formatHashrate(ehs(1071.4)), "1.07 ZH/s");
 * ```
 */
export function formatHashrate(rate: Hashrate, digits = 3): string {
  const units: HashrateUnit[] = ["ZH/s", "EH/s", "PH/s", "TH/s"];
  for (const unit of units) {
    const value = hashrateIn(rate, unit);
    if (value >= 1 || unit === "TH/s") return `${significant(value, digits)} ${unit}`;
  }
  return `${rate} TH/s`;
}

/**
 * Megawatts: "300 MW", "1.5 MW"; `basis` adds "IT" or "gross".
 *
 * @example
 * ```ts
 * import { formatMw } from "./format.ts";
 * import { grossMw } from "./power.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(formatMw(grossMw(300), "gross"), "300 MW gross");
 * assert.equal(formatMw(1.5e6), "1.5 MW");
 * ```
 */
export function formatMw(watts: number, basis?: "IT" | "gross"): string {
  const text = `${(watts / 1e6).toLocaleString("en-US", { maximumFractionDigits: 1 })} MW`;
  return basis === undefined ? text : `${text} ${basis}`;
}

/**
 * A fraction as a percentage: "12.5%".
 *
 * @example
 * ```ts
 * import { formatPercent } from "./format.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(formatPercent(0.125), "12.5%");
 * assert.equal(formatPercent(-0.4527, 0), "-45%");
 * ```
 */
export function formatPercent(value: number, decimals = 1): string {
  return `${(value * 100).toFixed(decimals)}%`;
}

/**
 * Electricity price: "$0.047/kWh".
 *
 * @example
 * ```ts
 * import { formatUsdPerKwh } from "./format.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(formatUsdPerKwh(0.047), "$0.047/kWh");
 * ```
 */
export function formatUsdPerKwh(value: number): string {
  return `$${
    value.toLocaleString("en-US", { minimumFractionDigits: 3, maximumFractionDigits: 4 })
  }/kWh`;
}

/**
 * A power price in USD/kWh to `decimals` decimals (a tenth of a cent by default), without the
 * unit, signed: "$0.047", "-$0.032", "$0.05". For table cells and axes under a USD/kWh header,
 * and breakevens, which a tax can push below zero.
 *
 * @example
 * ```ts
 * import { formatPowerPrice } from "./format.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(formatPowerPrice(0.047), "$0.047");
 * assert.equal(formatPowerPrice(0.0867), "$0.087");
 * assert.equal(formatPowerPrice(-0.0324), "-$0.032");
 * assert.equal(formatPowerPrice(0.03), "$0.030");
 * assert.equal(formatPowerPrice(0.05, 2), "$0.05");
 * ```
 */
export function formatPowerPrice(value: number, decimals = 3): string {
  return `${value < 0 ? "-" : ""}$${Math.abs(value).toFixed(decimals)}`;
}

/**
 * Rent or revenue intensity: "$1.46M/MW-yr".
 *
 * @example
 * ```ts
 * import { formatUsdPerMwYear } from "./format.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(formatUsdPerMwYear(1_458_333), "$1.46M/MW-yr");
 * ```
 */
export function formatUsdPerMwYear(value: number): string {
  return `${formatUsd(value)}/MW-yr`;
}

/**
 * Rent: "$121.5/kW-mo".
 *
 * @example
 * ```ts
 * import { formatUsdPerKwMonth } from "./format.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(formatUsdPerKwMonth(121.527), "$121.5/kW-mo");
 * ```
 */
export function formatUsdPerKwMonth(value: number): string {
  return `$${value.toFixed(1)}/kW-mo`;
}
