/**
 * `asicEfficiency` on real rows of `data/asic_models.csv`: reference values are the sources'
 * own figures (F2Pool's watts and TH/s divided by hand, ViaBTC's stated 17.5 J/TH for the
 * Antminer S21, as TheMinerMag also reports [S60]), plus invariants over the whole catalogue.
 */
import assert from "node:assert/strict";
import {
  ASIC_EFFICIENCY_BASES,
  asicEfficiency,
  type AsicEfficiencyFields,
  hasAsicEfficiency,
} from "./asic_efficiency.ts";
import { agreesWithStated, type AsicModel, loadAsicModels } from "./asic_models.ts";

const models = await loadAsicModels();

function model(name: string): AsicModel {
  const found = models.filter((m) => m.model === name);
  assert.equal(found.length, 1, `${name}: ${found.length} rows`);
  return found[0]!;
}

Deno.test("asicEfficiency: real rows, computed where the source gives watts", async (t) => {
  await t.step("Antminer S19 Pro: F2Pool's 3,250 W ÷ 110 TH/s, not its rounded 30", () => {
    const r = asicEfficiency(model("Antminer S19 Pro"));
    assert.equal(r.basis, "computed");
    assert.ok(Math.abs(r.efficiency - 29.545454545) < 1e-8); // 3250 / 110 by hand
  });
  await t.step("Antminer S19: 3,250 W ÷ 95 TH/s = 34.2 J/TH", () => {
    const r = asicEfficiency(model("Antminer S19"));
    assert.equal(r.basis, "computed");
    assert.equal(r.efficiency.toFixed(2), "34.21");
  });
  await t.step("Antminer S21+ Hydro: a power but no stated figure, 4,785 W ÷ 319 TH/s = 15", () => {
    assert.deepEqual(asicEfficiency(model("Antminer S21+ Hydro")), {
      efficiency: 15,
      basis: "computed",
    });
  });
});

Deno.test("asicEfficiency: real rows with a stated J/TH only", () => {
  // ViaBTC's WDMS 2023 report (17.5 J/TH, as in [S60]) and a reseller page [S62]: no wattage.
  assert.deepEqual(asicEfficiency(model("Antminer S21")), { efficiency: 17.5, basis: "stated" });
  assert.deepEqual(asicEfficiency(model("Antminer S21 Hyd")), { efficiency: 16, basis: "stated" });
  assert.deepEqual(asicEfficiency(model("Antminer S21 XP")), {
    efficiency: 13.5,
    basis: "stated",
  });
});

Deno.test("asicEfficiency: invariants over the whole catalogue", () => {
  const rated = models.filter(hasAsicEfficiency);
  // Antminer S21+, Avalon A1566 and Auradine's AH3880: their sources give a hashrate only.
  assert.equal(rated.length, models.length - 3);
  let stated = 0;
  for (const m of rated) {
    const r = asicEfficiency(m);
    assert.ok(ASIC_EFFICIENCY_BASES.includes(r.basis));
    assert.ok(Number.isFinite(r.efficiency) && r.efficiency > 0, m.model);
    if (Number.isNaN(m.power_w)) {
      stated++;
      assert.equal(r.basis, "stated", m.model);
      assert.equal(r.efficiency, m.stated_efficiency_j_per_th, m.model);
    } else {
      assert.equal(r.basis, "computed", m.model);
      // The catalogue's own computed column, to float precision.
      assert.ok(Math.abs(r.efficiency - m.efficiency_j_per_th) < 1e-12 * r.efficiency, m.model);
      // Where both exist they agree to the stated figure's rounding.
      if (!Number.isNaN(m.stated_efficiency_j_per_th)) {
        assert.ok(agreesWithStated(r.efficiency, m.stated_efficiency_j_per_th), m.model);
      }
    }
  }
  // S21, S21 Hyd, S21 XP, both S23 Hydro rows, S23 Hydro 3U, S21e XP Hyd 3U, S21 XP+ Hydro,
  // Whatsminer M60S, M66S and M70, SEALMINER A2 and A2 Hyd carry a stated J/TH only.
  assert.equal(stated, 13);
});

Deno.test("asicEfficiency: a computed figure wins over a stated one", () => {
  const row: AsicEfficiencyFields = {
    manufacturer: "X",
    model: "Y",
    hashrate_ths: 100,
    power_w: 2000,
    stated_efficiency_j_per_th: 21,
  };
  assert.deepEqual(asicEfficiency(row), { efficiency: 20, basis: "computed" });
});

Deno.test("asicEfficiency: bad input names the model and field", () => {
  const s21 = model("Antminer S21");
  const s19 = model("Antminer S19");
  assert.equal(hasAsicEfficiency({ ...s21, stated_efficiency_j_per_th: NaN }), false);
  assert.throws(() => asicEfficiency({ ...s21, stated_efficiency_j_per_th: NaN }), {
    name: "RangeError",
    message: "Cannot rate Bitmain Antminer S21: expected power_w and hashrate_ths, or " +
      "stated_efficiency_j_per_th; got neither",
  });
  assert.throws(
    () => asicEfficiency({ ...s21, stated_efficiency_j_per_th: 0 }),
    /Bitmain Antminer S21: stated_efficiency_j_per_th: expected a value > 0, got 0/,
  );
  assert.throws(
    () => asicEfficiency({ ...s19, power_w: -3250 }),
    /Bitmain Antminer S19: power_w: expected a value > 0, got -3250/,
  );
  // A power without a hashrate gives no computed J/TH: the stated one, else an error.
  assert.equal(asicEfficiency({ ...s19, hashrate_ths: NaN }).basis, "stated");
  assert.throws(
    () => asicEfficiency({ ...s19, hashrate_ths: NaN, stated_efficiency_j_per_th: NaN }),
    /Cannot rate Bitmain Antminer S19: expected power_w and hashrate_ths/,
  );
  assert.throws(
    () => asicEfficiency({ ...s19, hashrate_ths: -95 }),
    /Bitmain Antminer S19: hashrate_ths: expected a value > 0, got -95/,
  );
  assert.throws(
    () => asicEfficiency({ ...s19, power_w: Infinity }),
    /power_w: expected a finite number, got Infinity/,
  );
});
