/**
 * `asicEfficiency` on real rows of `data/asic_models.csv`: reference values are the sources'
 * own figures (F2Pool's watts and TH/s divided by hand, ViaBTC's stated 17.5 J/TH for the
 * Antminer S21, DOMAIN.md §5b [S60]), plus invariants over the whole catalogue.
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
  await t.step("Antminer S19: 3,250 W ÷ 95 TH/s = 34.2 J/TH (DOMAIN.md §5b)", () => {
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
  // ViaBTC's WDMS 2023 report (DOMAIN.md §5b [S60]) and a reseller page [S62]: no wattage.
  assert.deepEqual(asicEfficiency(model("Antminer S21")), { efficiency: 17.5, basis: "stated" });
  assert.deepEqual(asicEfficiency(model("Antminer S21 Hyd")), { efficiency: 16, basis: "stated" });
  assert.deepEqual(asicEfficiency(model("Antminer S21 XP")), {
    efficiency: 13.5,
    basis: "stated",
  });
});

Deno.test("asicEfficiency: invariants over the whole catalogue", () => {
  const rated = models.filter(hasAsicEfficiency);
  assert.equal(rated.length, models.length, "every committed row has power or a stated J/TH");
  let stated = 0;
  for (const m of models) {
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
  assert.equal(stated, 3, "S21, S21 Hyd and S21 XP carry a stated J/TH only");
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
    message:
      "Cannot rate Bitmain Antminer S21: expected power_w or stated_efficiency_j_per_th, got neither",
  });
  assert.throws(
    () => asicEfficiency({ ...s21, stated_efficiency_j_per_th: 0 }),
    /Bitmain Antminer S21: stated_efficiency_j_per_th: expected a value > 0, got 0/,
  );
  assert.throws(
    () => asicEfficiency({ ...s19, power_w: -3250 }),
    /Bitmain Antminer S19: power_w: expected a value > 0, got -3250/,
  );
  assert.throws(
    () => asicEfficiency({ ...s19, hashrate_ths: NaN }),
    /Bitmain Antminer S19: hashrate_ths: expected a finite number, got NaN/,
  );
  assert.throws(
    () => asicEfficiency({ ...s19, power_w: Infinity }),
    /power_w: expected a finite number, got Infinity/,
  );
});
