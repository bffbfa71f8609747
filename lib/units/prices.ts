/**
 * Prices and rates that people mix up: electricity per kWh vs per MWh, colocation rent per
 * kW-month vs per MW-year, and revenue per day vs per year. Canonical units: USD/kWh for
 * electricity, USD per MW-year for rent and revenue intensity.
 *
 * @module
 */
import { type Quantity, tag } from "./_brand.ts";
import { finite, nonNegative } from "./checks.ts";

/** Hours in a (non-leap) year, the basis of F5, F8 and F10. */
export const HOURS_PER_YEAR = 8760;
/** Days in a (non-leap) year, the basis of F4. */
export const DAYS_PER_YEAR = 365;

/** Electricity price, USD per kWh. */
export type UsdPerKwh = Quantity<"USD/kWh">;
/** Rent or revenue intensity, USD per MW per year. */
export type UsdPerMwYear = Quantity<"USD/MW-yr">;
/** Rent, USD per kW per month. */
export type UsdPerKwMonth = Quantity<"USD/kW-mo">;
/** Hashprice in dollars: USD per PH/s per day. */
export type UsdPerPhDay = Quantity<"USD/PH/day">;
/** Hashprice in bitcoin: BTC per PH/s per day. */
export type BtcPerPhDay = Quantity<"BTC/PH/day">;

/**
 * Electricity price from USD per kWh.
 *
 * @example
 * ```ts
 * import { usdPerKwh } from "./prices.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(usdPerKwh(0.047), 0.047); // IMF proposed tax [S69]
 * assert.throws(() => usdPerKwh(-0.01), /usdPerKwh: expected a value >= 0/);
 * ```
 */
export function usdPerKwh(value: number): UsdPerKwh {
  return tag<"USD/kWh">(nonNegative("usdPerKwh", value));
}

/**
 * Electricity price from USD per MWh.
 *
 * @example
 * ```ts
 * import { usdPerMwh } from "./prices.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(usdPerMwh(40), 0.04);
 * ```
 */
export function usdPerMwh(value: number): UsdPerKwh {
  return tag<"USD/kWh">(nonNegative("usdPerMwh", value) / 1000);
}

/**
 * Rent or revenue intensity from USD per MW-year.
 *
 * @example
 * ```ts
 * import { usdPerMwYear } from "./prices.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(usdPerMwYear(1.458e6), 1_458_000);
 * ```
 */
export function usdPerMwYear(value: number): UsdPerMwYear {
  return tag<"USD/MW-yr">(finite("usdPerMwYear", value));
}

/**
 * Rent from USD per kW-month.
 *
 * @example
 * ```ts
 * import { usdPerKwMonth } from "./prices.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(usdPerKwMonth(184.06), 184.06); // CBRE H2 2024 asking rate [S77]
 * ```
 */
export function usdPerKwMonth(value: number): UsdPerKwMonth {
  return tag<"USD/kW-mo">(finite("usdPerKwMonth", value));
}

/**
 * USD per kW-month to USD per MW-year (× 1000 kW × 12 months; F6).
 *
 * @example
 * ```ts
 * import { kwMonthToMwYear, usdPerKwMonth } from "./prices.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(kwMonthToMwYear(usdPerKwMonth(121.5)), 1_458_000);
 * ```
 */
export function kwMonthToMwYear(rent: UsdPerKwMonth): UsdPerMwYear {
  return tag<"USD/MW-yr">(rent * 12_000);
}

/**
 * USD per MW-year to USD per kW-month (÷ 1000 ÷ 12; F6).
 *
 * @example Core Scientific–CoreWeave: $3.5B ÷ 12 yr ÷ 200 MW is $121.5/kW-month
 * ```ts
 * import { mwYearToKwMonth, usdPerMwYear } from "./prices.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(mwYearToKwMonth(usdPerMwYear(3.5e9 / 12 / 200)).toFixed(1), "121.5");
 * ```
 */
export function mwYearToKwMonth(rate: UsdPerMwYear): UsdPerKwMonth {
  return tag<"USD/kW-mo">(rate / 12_000);
}

/**
 * Hashprice from USD per PH/s per day.
 *
 * @example
 * ```ts
 * import { usdPerPhDay } from "./prices.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(usdPerPhDay(45), 45);
 * ```
 */
export function usdPerPhDay(value: number): UsdPerPhDay {
  return tag<"USD/PH/day">(nonNegative("usdPerPhDay", value));
}

/**
 * Hashprice from BTC per PH/s per day.
 *
 * @example
 * ```ts
 * import { btcPerPhDay } from "./prices.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(btcPerPhDay(0.0005), 0.0005);
 * ```
 */
export function btcPerPhDay(value: number): BtcPerPhDay {
  return tag<"BTC/PH/day">(nonNegative("btcPerPhDay", value));
}

/**
 * A daily amount as a yearly one (× 365).
 *
 * @example
 * ```ts
 * import { perDayToPerYear } from "./prices.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(perDayToPerYear(100), 36_500);
 * ```
 */
export function perDayToPerYear(perDay: number): number {
  return finite("perDay", perDay) * DAYS_PER_YEAR;
}

/**
 * A yearly amount as a daily one (÷ 365).
 *
 * @example
 * ```ts
 * import { perYearToPerDay } from "./prices.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(perYearToPerDay(36_500), 100);
 * ```
 */
export function perYearToPerDay(perYear: number): number {
  return finite("perYear", perYear) / DAYS_PER_YEAR;
}
