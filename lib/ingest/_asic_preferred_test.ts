/** The rule that picks the preferred row of a conflict, one criterion at a time. */
import assert from "node:assert/strict";
import { choosePreferred, preferenceOver, sourceKind } from "./_asic_preferred.ts";
import type { LocatedModel } from "./_asic_rows.ts";
import type { AsicModel } from "../data/asic_models.ts";

const ROW = {
  manufacturer: "Bitmain",
  model: "Antminer S23 Hydro",
  release: "",
  hashrate_ths: NaN,
  power_w: NaN,
  efficiency_j_per_th: NaN,
  stated_efficiency_j_per_th: 9.7,
  preferred: true,
  source: "https://a",
  notes: "CONFLICT",
} satisfies AsicModel;

type Fields = Partial<Omit<LocatedModel, "row">> & { row?: Partial<AsicModel> };

function located(line: number, fields: Fields = {}): LocatedModel {
  const { row, ...rest } = fields;
  return {
    file: "f.csv",
    line,
    sourceType: "news",
    sourceDate: "",
    conflict: true,
    ...rest,
    row: { ...ROW, source: `https://source/${line}`, ...row },
  };
}

Deno.test("sourceKind reads the facts file's source types", () => {
  const cases: [string, string][] = [
    ["manufacturer spec page", "manufacturer"],
    ["company release", "manufacturer"],
    ["mining pool blog reporting manufacturer data", "reporting"], // reports it, is not it
    ["news", "reporting"],
    ["Hashrate Index (Luxor) hardware review", "reporting"],
    ["news rewrite (CoinDesk/TheMinerMag)", "second-hand"],
    ["news (Finnish relay of Bitcoin.com)", "second-hand"],
    ["news (newsletter mirror)", "second-hand"],
    ["news digest (sponsored by Bitdeer)", "second-hand"],
    ["podcast summary (Luxor COO Ethan Vera)", "second-hand"],
    ["profitability guide page (weak)", "second-hand"],
    ["reseller/marketing page (weak)", "second-hand"],
  ];
  for (const [type, kind] of cases) assert.equal(sourceKind(type), kind, type);
});

Deno.test("preferenceOver applies the rules in order", async (t) => {
  await t.step("the manufacturer's page wins over a later, fuller news page", () => {
    const maker = located(8, { sourceType: "manufacturer spec page", sourceDate: "2025-01" });
    const news = located(9, { sourceDate: "2025-12", row: { hashrate_ths: 580 } });
    assert.match(preferenceOver(maker, news)!, /^its source is the manufacturer's/);
    assert.equal(preferenceOver(news, maker), undefined);
  });
  await t.step("reporting wins over second-hand", () => {
    const relay = located(8, { sourceType: "news (relay)", sourceDate: "2025-12" });
    const news = located(9);
    assert.equal(
      preferenceOver(news, relay),
      "its source is the reporting (news), the other second-hand (news (relay))",
    );
  });
  await t.step("then the later source; an undated one last", () => {
    const [older, newer, undated] = [
      located(8, { sourceDate: "2025-10" }),
      located(9, { sourceDate: "2025-10-20" }),
      located(10, { row: { hashrate_ths: 580, power_w: 5510 } }),
    ];
    assert.match(
      preferenceOver(newer, older)!,
      /^its source is later \(2025-10-20, against 2025-10\)/,
    );
    assert.match(preferenceOver(older, undated)!, /^its source is later/);
  });
  await t.step("then more figures, then the earlier line", () => {
    const fuller = located(9, { row: { hashrate_ths: 580 } });
    assert.match(preferenceOver(fuller, located(8))!, /^it states more figures/);
    assert.equal(
      preferenceOver(located(8), located(9)),
      "the two tie on every rule, and it comes first in the input",
    );
    assert.equal(preferenceOver(located(9), located(8)), undefined);
  });
});

Deno.test("choosePreferred marks one row per model, whatever the input order", () => {
  const rows = [
    located(2, { row: { model: "Antminer S21" }, conflict: false }),
    located(8),
    located(9, { row: { hashrate_ths: 580, stated_efficiency_j_per_th: 9.5 } }),
    located(10, { sourceType: "reseller page (weak)", row: { hashrate_ths: 600, power_w: 5700 } }),
  ];
  for (const order of [rows, rows.toReversed()]) {
    const { rows: marked, conflicts } = choosePreferred(order);
    const preferred = marked.filter((r) => r.row.preferred).map((r) => r.line).sort();
    assert.deepEqual(preferred, [2, 9]);
    assert.equal(conflicts.length, 1);
    assert.deepEqual(conflicts[0]!.others.map((o) => o.row.line).sort(), [10, 8]);
  }
});
