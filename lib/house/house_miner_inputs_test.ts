import assert from "node:assert/strict";
import { loadAsicPrices } from "../data/asic_prices.ts";
import { loadHouseAssumptions } from "./house_assumptions.ts";
import { houseMinerCompany } from "./house_miner_company.ts";
import { houseMinerInputRows } from "./house_miner_inputs.ts";

Deno.test("houseMinerInputRows states the figures it was given", async () => {
  const house = await loadHouseAssumptions();
  const miner = houseMinerCompany(house, {
    grossMw: 300,
    retireAboveJPerTh: 25,
    upgradeUsdPerTh: null,
    asicPrices: await loadAsicPrices(),
    deliveryLagMonths: 3,
    depreciationMonths: 36,
    poolFee: 0,
    sgaUsdPerMonth: 0,
  });
  const rows = houseMinerInputRows(house, miner, { aiShare: 0.2 });
  const value = (input: string) => rows.find((r) => r.input === input)!.value;
  // The halvings at the house's block rate, as the company plans around them.
  assert.match(value("Fees and blocks"), /so halvings at blocks 1,050,000 \(2028-04\), 1,260,000/);
  // 48,768 S19 Pro and 26,143 S21 make today's 23.6 J/TH on 300 MW (houseFleet).
  assert.match(
    value("Today's fleet"),
    /^48,768 Antminer S19 Pro \(29\.5 J\/TH\) and 26,143 Antminer S21/,
  );
  assert.match(value("Today's fleet"), /: 10\.6 EH\/s at 23\.6 J\/TH on 300 MW at PUE 1\.2$/);
  assert.match(
    value("Upgrade"),
    /^43,483 Antminer S21 XP \(13\.5 J\/TH\) ordered in 2027-12 at \$25\.70\/TH, \$302M;/,
  );
  assert.match(value("Upgrade"), /machines above 25 J\/TH retired at the halving$/);
  // 20% of 300 MW at the AI PUE: 60 ÷ 1.18 ≈ 51 MW IT.
  assert.match(
    value("AI front"),
    new RegExp(`^20% of the MW: ${Math.round(60 / house.ai.pue)} MW IT`),
  );
  assert.match(
    value("Horizon and rate"),
    /^15 years \(the lease's base term\), 9\.0% discount rate, 1,000 paths, seed 1$/,
  );
  assert.ok(rows.every((r) => r.from.length > 0));
});
