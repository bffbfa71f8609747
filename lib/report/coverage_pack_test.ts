// The coverage pack as a user gets it: the per-company note rendered once per valued ticker, each
// note's parts and value per share recomputed by hand from the figures it prints, and each
// note's value agreeing with the tracker's (note 07) for the same ticker.
import assert from "node:assert/strict";
import { notebookQuantities } from "../charts/stated_quantities.ts";
import { coveredTickers } from "../coverage/covered_tickers.ts";
import { readNotebook } from "../notebook/notebook.ts";
import { assertAlmostEquals } from "../testing/assert_almost_equals.ts";
import { runReport } from "./_testing.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
/** Printed figures are the notes' own doubles: equal to rounding in the last places. */
const CLOSE = { relative: 1e-9, absolute: 1e-6 };

Deno.test("each company note's parts and value per share recompute from its printed figures", async (t) => {
  const { tickers } = await coveredTickers();
  const dir = await Deno.makeTempDir({ prefix: "mullet-coverage-pack-" });
  try {
    const out = await runReport(dir, [
      "notebooks/08_company.ipynb",
      "--each",
      `ticker=${tickers.join(",")}`,
    ]);
    assert.equal(out.code, 0, out.stdout + out.stderr);
    const tracker = notebookQuantities(
      await readNotebook(`${ROOT}notebooks/07_coverage_tracker.ipynb`),
      "07_coverage_tracker.ipynb",
    );
    for (const ticker of tickers) {
      await t.step(ticker, async (t) => {
        assert.ok((await Deno.stat(`${dir}/08_company-${ticker}.pdf`)).size > 0);
        const q = notebookQuantities(
          await readNotebook(`${dir}/08_company-${ticker}.ipynb`),
          `08_company-${ticker}.ipynb`,
        );
        const get = (name: string) => {
          const value = q.get(name) ?? q.get(`${name}_${ticker}`);
          assert.ok(value !== undefined, `the ${ticker} note prints no ${name}`);
          return value;
        };
        const parts = [
          "partMiningUsd",
          "partAiLeasesUsd",
          "partAiPipelineUsd",
          "partBtcHeldUsd",
          "partCashUsd",
          "partDebtUsd",
          "partConvertiblesUsd",
        ];
        await t.step("BTC held = BTC × the house price", () => {
          assertAlmostEquals(get("partBtcHeldUsd"), get("btcHeld") * get("btcStartUsd"), CLOSE);
        });
        await t.step("cash and debt as reported", () => {
          assert.equal(get("partCashUsd"), get("cashUsd"));
          assert.equal(get("partDebtUsd"), -get("debtUsd"));
        });
        await t.step("convertibles: principal out of the money, the rest in shares", () => {
          const converted = get("dilutedShares") - get("sharesOutstanding");
          assert.ok(converted >= 0);
          if (converted === 0) assert.equal(get("partConvertiblesUsd"), -get("convertiblesUsd"));
          else assert.ok(-get("partConvertiblesUsd") < get("convertiblesUsd"));
        });
        await t.step("mining = value per EH/s × EH/s", () => {
          assertAlmostEquals(
            get("partMiningUsd"),
            get("miningUsdPerEhs") * get("hashrateEhs"),
            CLOSE,
          );
        });
        await t.step("AI leases = first-year NOI ÷ cap rate", () => {
          assertAlmostEquals(
            get("partAiLeasesUsd"),
            get("leasesFirstYearNoiUsd") / get("capRate"),
            CLOSE,
          );
        });
        await t.step("AI pipeline = unsigned MW × signing probability × the house mark", () => {
          assertAlmostEquals(
            get("partAiPipelineUsd"),
            get("pipelineItMw") * get("leaseSigningProbability") * get("aiMarkUsdPerItMw"),
            CLOSE,
          );
        });
        await t.step("value per share = the parts' sum ÷ diluted shares", () => {
          const sum = parts.reduce((a, name) => a + get(name), 0);
          assertAlmostEquals(get("valuePerShareMean"), sum / get("dilutedShares"), CLOSE);
        });
        await t.step("the note and the tracker state the same value", () => {
          const tracked = tracker.get(`valuePerShareP50_${ticker}`);
          assert.ok(tracked !== undefined, `the tracker prints no value for ${ticker}`);
          assertAlmostEquals(get("valuePerShareP50"), tracked, CLOSE);
          assert.equal(get("btcStartUsd"), tracker.get("btcStartUsd"));
        });
      });
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
