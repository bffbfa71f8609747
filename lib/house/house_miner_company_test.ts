import assert from "node:assert/strict";
import { nextHalvings } from "../chain/halvings.ts";
import { projectMiner } from "../company/miner_projection.ts";
import { loadAsicPrices } from "../data/asic_prices.ts";
import { loadBtcDaily } from "../data/btc_daily.ts";
import { assertAlmostEquals } from "../testing/assert_almost_equals.ts";
import { monthEndIsoDate } from "../units/calendar.ts";
import { loadHouseAssumptions } from "./house_assumptions.ts";
import { houseFleet } from "./house_fleet.ts";
import { houseMinerCompany, type HouseMinerCompanyOptions } from "./house_miner_company.ts";

const house = await loadHouseAssumptions();
const OPTIONS: HouseMinerCompanyOptions = {
  grossMw: 300,
  retireAboveJPerTh: 25,
  upgradeUsdPerTh: null,
  asicPrices: await loadAsicPrices(),
  deliveryLagMonths: 3,
  depreciationMonths: 36,
  poolFee: 0,
  sgaUsdPerMonth: 0,
};

Deno.test("houseMinerCompany on the house view's 300 MW", async (t) => {
  const miner = houseMinerCompany(house, OPTIONS);
  await t.step("the halvings fall on the days lib/chain's nextHalvings gives", async () => {
    const expected = nextHalvings(await loadBtcDaily(), { count: miner.halvings.length });
    assert.deepEqual(miner.halvings.map((h) => h.height), expected.map((h) => h.height));
    assert.deepEqual(miner.halvings.map((h) => h.date), expected.map((h) => h.date));
    assert.equal(miner.halvings[0]!.height, 1_050_000);
    assert.deepEqual(
      miner.halvings,
      miner.issuance.halvings.map((h, i) => ({
        ...h,
        date: miner.halvings[i]!.date,
      })),
    );
  });
  await t.step("the upgrade: the S21 XP at its newest price, ordered 3 months before", () => {
    const [halving] = miner.halvings;
    const fleet = houseFleet(house, 300);
    assert.equal(miner.upgrade.month, halving!.month - 3);
    assert.equal(miner.upgrade.usdPerTh, 25.7); // data/asic_prices.csv, the S21 XP's last row
    assert.equal(miner.upgrade.units, fleet.upgradeUnits);
    assertAlmostEquals(miner.upgrade.costUsd, fleet.upgradeUnits * fleet.upgrade.hashrate * 25.7);
    // Discounted from the end of the order's month at the house rate, 9%.
    assertAlmostEquals(
      miner.upgrade.presentValueUsd,
      miner.upgrade.costUsd / 1.09 ** ((miner.upgrade.month + 1) / 12),
    );
    assert.equal(miner.upgrade.date, monthEndIsoDate(house.asOf, miner.upgrade.month - 1));
    assert.deepEqual(miner.company.fleet.purchases, [{
      month: miner.upgrade.month,
      model: fleet.upgrade.name,
      units: fleet.upgradeUnits,
      usdPerTh: 25.7,
    }]);
    assert.deepEqual(miner.company.fleet.retireAbove, [{ month: halving!.month, aboveJPerTh: 25 }]);
  });
  await t.step(
    "the horizon is the lease's term; the window runs a year past the 2032 halving",
    () => {
      assert.equal(miner.months, house.ai.leaseDeal.term_years * 12);
      assert.equal(miner.window.months, miner.halvings[1]!.month + 12);
      assert.deepEqual(miner.window.halvings, miner.halvings.slice(0, 2));
    },
  );
  await t.step("the company runs: its fleet fits the connection every month", () => {
    const run = projectMiner({
      company: miner.company,
      btcPriceUsd: house.btcPrice.startUsd,
      networkHashrateThs: house.network.hashrate,
    }, { blocksPerDay: house.blocksPerDay });
    assert.equal(run.months, miner.months);
    assert.ok(run.fleet.powerW.every((w) => w * house.miningPue <= 300e6 + 1e-6));
  });
  await t.step("a price given replaces the dataset's", () => {
    const priced = houseMinerCompany(house, { ...OPTIONS, upgradeUsdPerTh: 20 });
    assert.equal(priced.upgrade.usdPerTh, 20);
    assertAlmostEquals(priced.upgrade.costUsd, miner.upgrade.costUsd * 20 / 25.7);
  });
});

Deno.test("houseMinerCompany names a bad input", () => {
  assert.throws(
    () => houseMinerCompany(house, { ...OPTIONS, asicPrices: [] }),
    /Cannot price the upgrade: data\/asic_prices.csv has no price for Antminer S21 XP/,
  );
  assert.throws(
    () => houseMinerCompany(house, { ...OPTIONS, deliveryLagMonths: 400 }),
    /Cannot plan the upgrade: expected a halving at least 400 months into the 180-month horizon/,
  );
  assert.throws(
    () => houseMinerCompany(house, { ...OPTIONS, grossMw: 0 }),
    /Cannot use grossMw: expected a value > 0, got 0/,
  );
  assert.throws(
    () => houseMinerCompany(house, { ...OPTIONS, upgradeUsdPerTh: -1 }),
    /Cannot use upgradeUsdPerTh: expected a value >= 0, got -1/,
  );
});
