import assert from "node:assert/strict";
import { loadAsicModels } from "../data/asic_models.ts";
import { loadBtcDaily } from "../data/btc_daily.ts";
import { loadMinerAiDeals } from "../data/miner_ai_deals.ts";
import { loadCapexPerMw } from "../data/capex_per_mw.ts";
import { resolveHouseView } from "./house_assumptions.ts";
import { DEFAULT_HOUSE_VIEW, HouseViewError, parseHouseView } from "./house_view.ts";

const deck = await Deno.readTextFile(DEFAULT_HOUSE_VIEW);
const lineOf = (text: string, needle: string) =>
  text.slice(0, text.indexOf(needle)).split("\n").length;

Deno.test("bad decks name the file, the line, the field and the value", async (t) => {
  const cases: [string, string, RegExp][] = [
    [
      "a misspelt field",
      deck.replace("capRate:", "capRat:"),
      /h\.yaml:(\d+): valuation\.capRat: unknown field; expected one of capRate, leaseSigningProbability, discountRate$/,
    ],
    [
      "a missing field",
      deck.replace(/ {2}escalator:\n(?: {4}.*\n)+/, ""),
      /h\.yaml:\d+: ai\.escalator: missing$/,
    ],
    [
      "text for a number",
      deck.replace("value: 1.18", "value: high"),
      /h\.yaml:(\d+): ai\.pue\.value: expected a number from 1 to 3, found "high"$/,
    ],
    [
      "a source that is neither URL nor dataset",
      deck.replace(
        "source: https://d-central.tech/immersion-vs-air-cooling/",
        "source: analyst notes",
      ),
      /mining\.pue\.source: expected a URL, "data\/<file>\.csv \[row\]" or "lib\/<file>\.ts", found "analyst notes"$/,
    ],
    [
      "a range upside down",
      deck.replace("value: [0.021, 0.044]", "value: [0.044, 0.021]"),
      /power\.rangeUsdPerKwh\.value: expected low < high, found \[0\.044, 0\.021\]$/,
    ],
    [
      "an unknown method",
      deck.replace("start: last-close", "start: 100000"),
      /btcPrice\.start: expected "last-close", found 100000$/,
    ],
    [
      "a fractional month count",
      deck.replace("value: 12", "value: 12.5"),
      /ai\.constructionMonths\.value: expected a whole number, found 12\.5$/,
    ],
    [
      "broken YAML",
      deck.replace("btcPrice:", "btcPrice: [oops"),
      /h\.yaml:\d+: \(document\): not valid YAML/,
    ],
  ];
  for (const [name, text, expected] of cases) {
    await t.step(name, async () => {
      await assert.rejects(parseHouseView(text, "h.yaml"), (error: Error) => {
        assert.ok(error instanceof HouseViewError, error.message);
        assert.match(error.message, expected);
        return true;
      });
    });
  }
  await t.step("the line is the offending field's own", async () => {
    const text = deck.replace("value: 1.18", "value: high");
    const error = await parseHouseView(text, "h.yaml").catch((e) => e as HouseViewError);
    assert.ok(error instanceof HouseViewError);
    assert.equal(error.line, lineOf(text, "value: high"));
    assert.equal(error.field, "ai.pue.value");
  });
});

Deno.test("a deck naming a model or a deal the data lacks is an error naming it", async () => {
  const data = {
    daily: await loadBtcDaily(),
    asicModels: await loadAsicModels(),
    deals: await loadMinerAiDeals(),
    capex: await loadCapexPerMw(),
  };
  const noModel = await parseHouseView(
    deck.replace("model: Antminer S21\n", "model: Antminer S99\n"),
    "h.yaml",
  );
  assert.throws(
    () => resolveHouseView(noModel, data),
    /h\.yaml: mining\.fleet\.current\.model: "Antminer S99" is not a model of data\/asic_models\.csv/,
  );
  const noDeal = await parseHouseView(
    deck.replace("id: HUT-FLUIDSTACK-2025-12", "id: NOPE"),
    "h.yaml",
  );
  assert.throws(() => resolveHouseView(noDeal, data), /ai\.leaseDeal\.id: "NOPE" is not a deal_id/);
});

Deno.test("one number changed in the deck moves what it drives, nothing else", async () => {
  const data = {
    daily: await loadBtcDaily(),
    asicModels: await loadAsicModels(),
    deals: await loadMinerAiDeals(),
    capex: await loadCapexPerMw(),
  };
  const base = resolveHouseView(await parseHouseView(deck, "h.yaml"), data);
  const moved = resolveHouseView(
    await parseHouseView(deck.replace("value: 0.06", "value: 0.07"), "h.yaml"),
    data,
  );
  assert.equal(moved.capRate, 0.07);
  assert.ok(Math.abs(moved.discountRate - (base.discountRate + 0.01)) < 1e-12);
  assert.equal(moved.powerPriceUsdPerKwh, base.powerPriceUsdPerKwh);
  assert.deepEqual(moved.btcPrice, base.btcPrice);
  assert.notEqual(moved.view.sha256, base.view.sha256);
  // The bear and bull prices are the start moved by one year's volatility.
  const sigma = base.network.btcVolAnnual;
  assert.ok(Math.abs(Math.log(base.btcPrice.bullUsd / base.btcPrice.startUsd) - sigma) < 1e-12);
  assert.ok(Math.abs(Math.log(base.btcPrice.startUsd / base.btcPrice.bearUsd) - sigma) < 1e-12);
});
