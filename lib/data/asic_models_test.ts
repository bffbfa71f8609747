/**
 * Facts the committed `data/asic_models.csv` must hold, each checked against its cited source:
 * the Antminer S21 at 17.5 J/TH (ViaBTC's WDMS 2023 report), the S19 Pro as F2Pool lists it
 * (the build's tests check it against the raw F2Pool file), Canaan's Avalon1 (Braiins: 2013,
 * 60 GH/s, 595 W), the 2024–2026 models (Hashrate Index's A16 review, the Bitcoin.com relay on
 * the S23 line), the S23 Hydro conflict and its preferred row, and the catalogue's invariants.
 * Also the pure parser's rejections.
 */
import assert from "node:assert/strict";
import {
  ASIC_MODELS_SCHEMA,
  type AsicModel,
  asicModelsFromCsv,
  loadAsicModels,
  preferredAsicModels,
  roundingTolerance,
} from "./asic_models.ts";
import { CsvError } from "./csv.ts";
// The `source` of the rows taken from F2Pool's device list (the build's `F2POOL_URL`).
const F2POOL_URL = "https://www.f2pool.com/miners?currency_code=btc";

const models = await loadAsicModels();

function model(name: string): AsicModel {
  const found = models.filter((m) => m.model === name);
  assert.equal(found.length, 1, `${name}: ${found.length} rows`);
  return found[0]!;
}

Deno.test("asic_models: size and sources", () => {
  assert.equal(models.length, 108);
  assert.equal(models.filter((m) => m.source === F2POOL_URL).length, 86);
  assert.equal(models.filter((m) => m.source.startsWith("https://")).length, 108);
  assert.equal(preferredAsicModels(models).length, 107); // one conflict: the S23 Hydro
});

Deno.test("asic_models: Antminer S21 is 200 TH/s at a stated 17.5 J/TH, no power invented", () => {
  const s21 = model("Antminer S21");
  assert.equal(s21.manufacturer, "Bitmain");
  assert.equal(s21.release, "2023-09"); // unveiled at WDMS 2023, September 22-23
  assert.equal(s21.hashrate_ths, 200);
  assert.equal(s21.stated_efficiency_j_per_th, 17.5);
  assert.ok(Number.isNaN(s21.power_w));
  assert.ok(Number.isNaN(s21.efficiency_j_per_th));
  assert.equal(s21.source, "https://viabtc.com/blog/en/268?category=0");
});

Deno.test("asic_models: Antminer S19 Pro as F2Pool lists it", () => {
  const s19pro = model("Antminer S19 Pro");
  assert.equal(s19pro.release, "2020-02");
  assert.equal(s19pro.hashrate_ths, 110);
  assert.equal(s19pro.power_w, 3250);
  assert.equal(s19pro.efficiency_j_per_th, 3250 / 110); // 29.545… J/TH
  assert.ok(Math.abs(s19pro.efficiency_j_per_th - 29.545) < 1e-3);
  assert.equal(s19pro.stated_efficiency_j_per_th, 30); // F2Pool's rounded W/T
  assert.equal(s19pro.source, F2POOL_URL);
});

Deno.test("asic_models: Avalon1 (2013) is 60 GH/s at 595 W = 9916.7 J/TH", () => {
  const avalon1 = model("Avalon1");
  assert.equal(avalon1.manufacturer, "Canaan");
  assert.equal(avalon1.release, "2013");
  assert.equal(avalon1.hashrate_ths, 0.06);
  assert.equal(avalon1.power_w, 595);
  assert.ok(
    Math.abs(avalon1.efficiency_j_per_th - 9916.7) < 0.05,
    `${avalon1.efficiency_j_per_th}`,
  );
  // The source says only "just under 10,000 W/TH": no stated number, kept in the notes.
  assert.ok(Number.isNaN(avalon1.stated_efficiency_j_per_th));
  assert.match(avalon1.notes, /efficiency as stated: just under 10,000 W\/TH/);
});

Deno.test("asic_models: F2Pool's repeated names get their hashrate suffix", () => {
  assert.deepEqual(
    [model("Antminer S9 (13T)").release, model("Antminer S9 (14T)").release],
    ["2016-07", "2019-09"],
  );
  assert.equal(model("Hummer Miner H7 Pro (53T)").hashrate_ths, 53);
  assert.equal(model("Hummer Miner H7 Pro (48T)").hashrate_ths, 48);
  assert.equal(models.filter((m) => m.model === "Antminer S9").length, 0);
});

Deno.test("asic_models: 2024–2026 models as their sources state them", async (t) => {
  await t.step("Avalon A16 XP: 300 TH/s at 3,850 W, 12.8 J/TH nameplate (Hashrate Index)", () => {
    const a16xp = model("Avalon A16 XP");
    assert.deepEqual([a16xp.release, a16xp.hashrate_ths, a16xp.power_w], ["2025-10", 300, 3850]);
    assert.equal(a16xp.efficiency_j_per_th, 3850 / 300); // 12.83 J/TH
    assert.equal(a16xp.stated_efficiency_j_per_th, 12.8);
    assert.equal(a16xp.source, "https://hashrateindex.com/blog/hardware-review-canaans-a16-series");
  });
  await t.step("Antminer S21 XP+ Hydro: 500 TH/s at a stated 11 J/TH, no power invented", () => {
    const xpPlus = model("Antminer S21 XP+ Hydro");
    assert.deepEqual([xpPlus.hashrate_ths, xpPlus.stated_efficiency_j_per_th], [500, 11]);
    assert.ok(Number.isNaN(xpPlus.power_w));
    assert.equal(xpPlus.release, ""); // the page dates the S21 line, not this model
  });
  await t.step("Antminer S23 Hydro 3U: 9.5 J/TH, January 2026, a lower bound only", () => {
    const s23u = model("Antminer S23 Hydro 3U");
    assert.equal(s23u.stated_efficiency_j_per_th, 9.5);
    assert.equal(s23u.release, "2026-01"); // "to be released in January 2026"
    assert.ok(Number.isNaN(s23u.hashrate_ths)); // "exceeds 1,000 TH/s"
    assert.match(s23u.notes, /hashrate as stated: .*exceeds 1,000 TH\/s/);
  });
  await t.step('Whatsminer M60S: the 186 TH/s bin at 17.5 J/TH (printed "17. 5 J/TH")', () => {
    const m60s = model("Whatsminer M60S");
    assert.deepEqual([m60s.hashrate_ths, m60s.stated_efficiency_j_per_th], [186, 17.5]);
  });
  await t.step("Whatsminer M66S: 18.5 J/TH; sources disagree on its hashrate, left blank", () => {
    const m66s = model("Whatsminer M66S");
    assert.equal(m66s.stated_efficiency_j_per_th, 18.5);
    assert.ok(Number.isNaN(m66s.hashrate_ths));
    assert.match(m66s.notes, /250 terahashes per second/);
    assert.match(m66s.notes, /between 270 and 298 terahash/);
  });
  await t.step("Avalon A1566: no release read from the halving date beside it", () => {
    assert.equal(model("Avalon A1566 (A15 series)").release, "");
  });
  await t.step("left out: a chip, a target, an order size", () => {
    for (const name of ["SEAL01 chip (for SEALMINER A1)", "SEALMINER A4 (target)"]) {
      assert.equal(models.filter((m) => m.model === name).length, 0, name);
    }
    assert.equal(models.filter((m) => m.manufacturer === "Block (Proto)").length, 0);
  });
});

Deno.test("asic_models: the Antminer S23 Hydro conflict, both rows kept, one preferred", () => {
  const s23 = models.filter((m) => m.model === "Antminer S23 Hydro");
  // TheMinerMag (via a CoinDesk rewrite): 9.7 J/TH; Bitcoin.com (Finnish relay): 580 TH/s, 9.5.
  assert.deepEqual(
    s23.map((m) => [m.hashrate_ths, m.stated_efficiency_j_per_th, m.preferred]),
    [[NaN, 9.7, false], [580, 9.5, true]],
  );
  assert.notEqual(s23[0]!.source, s23[1]!.source);
  for (const m of s23) assert.match(m.notes, /CONFLICT/);
  // Both sources are second-hand and undated: the row stating hashrate as well is preferred.
  const preferred = preferredAsicModels(models).filter((m) => m.model === "Antminer S23 Hydro");
  assert.deepEqual(preferred.map((m) => m.stated_efficiency_j_per_th), [9.5]);
});

Deno.test("asic_models: invariants", async (t) => {
  await t.step("a manufacturer + model repeats only as a conflict, one row preferred", () => {
    const preferred = preferredAsicModels(models);
    const keys = preferred.map((m) => `${m.manufacturer}|${m.model}`.toLowerCase());
    assert.equal(new Set(keys).size, preferred.length);
    const all = new Set(models.map((m) => `${m.manufacturer}|${m.model}`.toLowerCase()));
    assert.equal(all.size, preferred.length);
  });
  await t.step("numbers are positive where present; a hashrate or a stated J/TH always", () => {
    for (const m of models) {
      assert.ok(m.hashrate_ths > 0 || m.stated_efficiency_j_per_th > 0, m.model);
      for (const v of [m.hashrate_ths, m.efficiency_j_per_th, m.stated_efficiency_j_per_th]) {
        assert.ok(Number.isNaN(v) || v > 0, `${m.model}: ${v}`);
      }
      assert.ok(Number.isNaN(m.power_w) || m.power_w > 0, m.model);
    }
  });
  await t.step("efficiency_j_per_th = power_w ÷ hashrate_ths exactly where both are known", () => {
    for (const m of models) {
      const both = !Number.isNaN(m.power_w) && !Number.isNaN(m.hashrate_ths);
      if (!both) assert.ok(Number.isNaN(m.efficiency_j_per_th), m.model);
      else assert.equal(m.efficiency_j_per_th, m.power_w / m.hashrate_ths, m.model);
    }
  });
  await t.step("every F2Pool row has power and agrees with its W/T to ±0.5", () => {
    const f2pool = models.filter((m) => m.source === F2POOL_URL);
    for (const m of f2pool) {
      const gap = Math.abs(m.efficiency_j_per_th - m.stated_efficiency_j_per_th);
      assert.ok(gap <= 0.5, `${m.model}: ${gap}`);
    }
    // The largest are exact halves: S17 Pro (50T) 1975 ÷ 50 = 39.5, listed as 40.
    assert.equal(model("Antminer S17 Pro (50T)").efficiency_j_per_th, 39.5);
  });
  await t.step("releases are YYYY-MM, YYYY or blank; F2Pool's run 2016-07 .. 2020-02", () => {
    for (const m of models) assert.match(m.release, /^(\d{4}(-(0[1-9]|1[0-2]))?)?$/, m.model);
    const f2pool = models.filter((m) => m.source === F2POOL_URL).map((m) => m.release).sort();
    assert.deepEqual([f2pool[0], f2pool[f2pool.length - 1]], ["2016-07", "2020-02"]);
    assert.equal(model("Antminer S19 XP").release, ""); // "recently presented": no date stated
  });
});

const HEADER = ASIC_MODELS_SCHEMA.map((c) => c.name).join(",");
const S19PRO = `Bitmain,Antminer S19 Pro,2020-02,110,3250,${3250 / 110},30,true,${F2POOL_URL},`;
const S23 = "Bitmain,Antminer S23 Hydro,,,,,9.7,false,https://a,CONFLICT";

/** Asserts the parser rejects `rows` with exactly `message`. */
function rejects(rows: string[], message: string): void {
  assert.throws(
    () => asicModelsFromCsv([HEADER, ...rows].join("\n") + "\n", { file: "m.csv" }),
    (e) => e instanceof CsvError && e.message === message,
  );
}

Deno.test("asicModelsFromCsv rejects broken catalogues", async (t) => {
  await t.step("a repeated manufacturer + model with the same source, ignoring case", () => {
    rejects(
      [S19PRO, S19PRO.replace("Bitmain", "BITMAIN").replace(",true,", ",false,")],
      'm.csv:3: column "model": ("BITMAIN", "Antminer S19 Pro", ' +
        '"https://www.f2pool.com/miners?currency_c…") repeats line 2; expected one row per ' +
        "manufacturer, model and source",
    );
  });
  await t.step("a conflict with two preferred rows, or none", () => {
    const other = S23.replace(",9.7,false,https://a", ",9.5,true,https://b");
    assert.equal(asicModelsFromCsv([HEADER, S23, other].join("\n") + "\n").length, 2);
    rejects(
      [S23.replace(",false,", ",true,"), other],
      'm.csv:3: column "preferred": ("Bitmain", "Antminer S23 Hydro") repeats line 2; ' +
        "expected one preferred row per manufacturer and model",
    );
    rejects(
      [S23, other.replace(",true,", ",false,")],
      'm.csv:2: column "preferred": ("Bitmain", "Antminer S23 Hydro") has no preferred row ' +
        "(lines 2, 3); expected one preferred row per manufacturer and model",
    );
    rejects(
      [S19PRO.replace(",true,", ",false,")],
      'm.csv:2: column "preferred": ("Bitmain", "Antminer S19 Pro") has no preferred row ' +
        "(line 2); expected one preferred row per manufacturer and model",
    );
  });
  await t.step("a preferred cell that is not true or false", () => {
    rejects(
      [S19PRO.replace(",true,", ",yes,")],
      'm.csv:2: column "preferred": expected one of "true", "false", found "yes"',
    );
  });
  await t.step("a row with neither a hashrate nor a stated J/TH", () => {
    rejects(
      [S23.replace(",9.7,false,", ",,true,")],
      'm.csv:2: column "hashrate_ths": is blank and so is stated_efficiency_j_per_th: a row ' +
        "needs a hashrate or a stated J/TH",
    );
  });
  await t.step("an efficiency that is not power ÷ hashrate", () => {
    rejects(
      [S19PRO.replace(String(3250 / 110), "29.5")],
      'm.csv:2: column "efficiency_j_per_th": expected power_w ÷ hashrate_ths = 3250 ÷ 110 = ' +
        `${3250 / 110}, found 29.5`,
    );
  });
  await t.step("a stated efficiency beyond its rounding", () => {
    rejects(
      [S19PRO.replace(",30,", ",31,")],
      'm.csv:2: column "stated_efficiency_j_per_th": 31 J/TH disagrees with ' +
        `efficiency_j_per_th ${3250 / 110} J/TH by more than the stated figure's rounding (±0.5)`,
    );
  });
  await t.step("an efficiency without a power", () => {
    rejects(
      [`Bitmain,Antminer S21,2023-09,200,,3500,17.5,true,https://x,`],
      'm.csv:2: column "efficiency_j_per_th": expected blank (power_w or hashrate_ths is ' +
        "blank), found 3500",
    );
    rejects(
      [`Bitmain,Antminer S23 Hydro,,,5510,9.5,9.5,true,https://x,`],
      'm.csv:2: column "efficiency_j_per_th": expected blank (power_w or hashrate_ths is ' +
        "blank), found 9.5",
    );
  });
  await t.step("a release that is not YYYY or YYYY-MM", () => {
    rejects(
      [S19PRO.replace("2020-02", "2020-13")],
      'm.csv:2: column "release": expected YYYY or YYYY-MM, found "2020-13"',
    );
  });
  await t.step("a zero hashrate", () => {
    rejects(
      [`Bitmain,Antminer S21,2023-09,0,,,17.5,true,https://x,`],
      'm.csv:2: column "hashrate_ths": expected a positive number or blank, found "0"',
    );
  });
  await t.step("a renamed column", () => {
    assert.throws(
      () => asicModelsFromCsv(HEADER.replace("power_w", "power_kw") + "\n" + S19PRO + "\n"),
      (e) =>
        e instanceof CsvError && e.file === "data/asic_models.csv" && e.line === 1 &&
        /missing "power_w"; unexpected "power_kw"/.test(e.message),
    );
  });
});

Deno.test("roundingTolerance is half a unit in the last written digit", () => {
  assert.equal(roundingTolerance("30"), 0.5);
  assert.equal(roundingTolerance("17.5"), 0.05);
  assert.equal(roundingTolerance("13.50"), 0.005);
  assert.equal(roundingTolerance(9916.7), 0.05);
});

Deno.test("loadAsicModels names the file it was given in errors", async () => {
  const dir = await Deno.makeTempDir({ dir: "/tmp", prefix: "mullet_asic_models_" });
  try {
    const path = `${dir}/models.csv`;
    await Deno.writeTextFile(path, `${HEADER}\n${S19PRO.replace("3250", "-3250")}\n`);
    await assert.rejects(
      () => loadAsicModels(path),
      (e) =>
        e instanceof CsvError &&
        e.message ===
          `${path}:2: column "power_w": expected a positive number or blank, found "-3250"`,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
