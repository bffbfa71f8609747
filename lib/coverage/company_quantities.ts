/**
 * A valued company's figures as a note states them (`statedQuantities`): every input a part is
 * computed from and every part, each named `<figure>_<TICKER>`, so that a reader (and a test)
 * can recompute each part and the value per share from the printed table alone:
 *
 * - BTC held = `btcHeld` × `btcStartUsd`; Cash = `cashUsd`; Debt = −`debtUsd`;
 * - Mining = `miningUsdPerEhs` × `hashrateEhs`;
 * - AI leases = `leasesFirstYearNoiUsd` ÷ `capRate`;
 * - AI pipeline = `pipelineItMw` × `leaseSigningProbability` × `aiMarkUsdPerItMw`;
 * - value per share (mean) = the parts' sum ÷ `dilutedShares`.
 *
 * @module
 */
import type { StatedQuantity } from "../charts/stated_quantities.ts";
import type { HouseAssumptions } from "../house/house_assumptions.ts";
import { houseMwValues } from "../house/house_values.ts";
import { type CompanyInputs, type CompanyValue, firstYearNoi } from "./company_value.ts";

/** The names of the parts' quantities, by part. */
const PART_NAMES: Readonly<Record<string, string>> = {
  "Mining": "partMiningUsd",
  "AI leases": "partAiLeasesUsd",
  "AI pipeline": "partAiPipelineUsd",
  "BTC held": "partBtcHeldUsd",
  "Cash": "partCashUsd",
  "Debt": "partDebtUsd",
  "Convertible notes": "partConvertiblesUsd",
};

/**
 * The stated quantities of a company: the house view's figures its parts use, and, when it is
 * valued, its own.
 *
 * @example
 * ```ts
 * import { companyQuantities } from "./company_quantities.ts";
 * import { companyValue } from "./company_value.ts";
 * import { loadHouseAssumptions } from "../house/house_assumptions.ts";
 * import assert from "node:assert/strict";
 *
 * const house = await loadHouseAssumptions();
 * const inputs = { ticker: "TEST", asOf: "2026-06-01", hashrateEhs: 10, fleetJPerTh: 20, btcHeld: 500,
 *   cashUsd: 100e6, debtUsd: 0, convertibles: [], sharesOutstanding: 100e6, pipelineItMw: 0, leases: [] };
 * const q = new Map(companyQuantities(house, inputs, companyValue(inputs, house)).map((x) => [x.name, x.value]));
 * assert.equal(q.get("partBtcHeldUsd_TEST"), q.get("btcHeld_TEST")! * q.get("btcStartUsd")!);
 * assert.equal(q.get("partCashUsd_TEST"), 100e6);
 * assert.deepEqual(companyQuantities(house).map((x) => x.name),
 *   ["btcStartUsd", "discountRate", "capRate", "leaseSigningProbability", "aiMarkUsdPerItMw"]);
 * ```
 */
export function companyQuantities(
  house: HouseAssumptions,
  inputs?: CompanyInputs,
  value?: CompanyValue,
): StatedQuantity[] {
  const q = (name: string, label: string, v: number, format: StatedQuantity["format"]) => ({
    name,
    label,
    value: v,
    format,
  });
  const shared = [
    q("btcStartUsd", "BTC price at the start", house.btcPrice.startUsd, "usd"),
    q("discountRate", "Discount rate", house.discountRate, "percent"),
    q("capRate", "Cap rate on contracted NOI", house.capRate, "percent"),
    q(
      "leaseSigningProbability",
      "Probability that unsigned MW sign",
      house.leaseSigningProbability,
      "percent",
    ),
    q(
      "aiMarkUsdPerItMw",
      "House AI mark, USD per IT MW",
      houseMwValues(house).aiMarkUsdPerGrossMw * house.ai.pue,
      "usd",
    ),
  ];
  if (inputs === undefined || value === undefined) return shared;
  const t = inputs.ticker;
  return [
    ...shared,
    q(`hashrateEhs_${t}`, `${t} hashrate, EH/s`, inputs.hashrateEhs, "number"),
    q(`fleetJPerTh_${t}`, `${t} fleet, J/TH`, inputs.fleetJPerTh, "number"),
    q(`btcHeld_${t}`, `${t} BTC held`, inputs.btcHeld, "number"),
    q(`cashUsd_${t}`, `${t} cash`, inputs.cashUsd, "usd"),
    q(`debtUsd_${t}`, `${t} debt, principal`, inputs.debtUsd, "usd"),
    q(
      `convertiblesUsd_${t}`,
      `${t} convertible notes, principal`,
      inputs.convertibles.reduce((a, c) => a + c.principalUsd, 0),
      "usd",
    ),
    q(`sharesOutstanding_${t}`, `${t} shares outstanding`, inputs.sharesOutstanding, "number"),
    q(`dilutedShares_${t}`, `${t} diluted shares`, value.dilutedShares, "number"),
    q(
      `leasesFirstYearNoiUsd_${t}`,
      `${t} contracted leases, first-year NOI`,
      inputs.leases.reduce((a, l) => a + firstYearNoi(l), 0),
      "usd",
    ),
    q(`pipelineItMw_${t}`, `${t} unsigned AI capacity, IT MW`, inputs.pipelineItMw, "number"),
    q(`miningUsdPerEhs_${t}`, `${t} mining value per EH/s`, value.miningUsdPerEhs, "usd"),
    ...value.parts.map((p) =>
      q(`${PART_NAMES[p.part] ?? p.part}_${t}`, `${t} part: ${p.part}`, p.valueUsd, "usd")
    ),
    q(`valuePerShareMean_${t}`, `${t} value per share, mean`, value.perShareUsd.mean, "usd"),
    q(`valuePerShareP50_${t}`, `${t} value per share, P50`, value.perShareUsd.p50, "usd"),
  ];
}
