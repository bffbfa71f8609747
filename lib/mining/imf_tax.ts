/**
 * The IMF's proposed tax on crypto-mining electricity [S69], and the tax per
 * MW-year (F10). In the mining models a tax simply adds to the power price: pass it as the
 * `taxUsdPerKwh` option.
 *
 * @module
 */
import { nonNegative } from "../units/checks.ts";
import {
  HOURS_PER_YEAR,
  type UsdPerKwh,
  usdPerKwh,
  type UsdPerMwYear,
  usdPerMwYear,
} from "../units/prices.ts";

/**
 * The IMF's proposed rates, USD/kWh (Hebous and Vernon-Lin, IMF blog, 15 Aug 2024, as quoted in
 * [S69]): `direct` $0.047 "would drive the crypto mining industry to curb its
 * emissions in line with global goals"; `withAirPollution` $0.089 adds local air-pollution
 * health costs.
 */
export const IMF_MINING_TAX: {
  readonly direct: UsdPerKwh;
  readonly withAirPollution: UsdPerKwh;
} = Object.freeze({
  direct: usdPerKwh(0.047),
  withAirPollution: usdPerKwh(0.089),
});

/**
 * A per-kWh tax as USD per MW-year of load running all year: tax × 8,760,000 kWh (F10).
 *
 * @example The IMF's rates are $0.41M and $0.78M per MW-year (F10)
 * ```ts
 * import { IMF_MINING_TAX, taxPerMwYear } from "./imf_tax.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal((taxPerMwYear(IMF_MINING_TAX.direct) / 1e6).toFixed(2), "0.41");
 * assert.equal((taxPerMwYear(IMF_MINING_TAX.withAirPollution) / 1e6).toFixed(2), "0.78");
 * ```
 */
export function taxPerMwYear(taxUsdPerKwh: UsdPerKwh): UsdPerMwYear {
  return usdPerMwYear(nonNegative("taxUsdPerKwh", taxUsdPerKwh) * HOURS_PER_YEAR * 1000);
}
