import assert from "node:assert/strict";
import { compile } from "vega-lite";
import { loadBtcDaily } from "../data/btc_daily.ts";
import { hashpriceExhibitSpec, hashpriceFindings, hashpriceNote } from "./hashprice_note.ts";
import { trailingMean } from "../finance/means.ts";

const daily = await loadBtcDaily();
const findings = hashpriceFindings(daily);

Deno.test("halvings since 2016 are found where the block heights cross 210,000 multiples", () => {
  assert.deepEqual(
    findings.steps.map((s) => [s.ordinal, s.height, s.date]),
    [[2, 420_000, "2016-07-09"], [3, 630_000, "2020-05-11"], [4, 840_000, "2024-04-19"]],
  );
});

Deno.test("each halving step compares the 30 days before with the 30 days after", () => {
  const i = daily.date.indexOf("2024-04-19");
  let before = 0;
  let after = 0;
  for (let k = 1; k <= 30; k++) {
    before += daily.hashprice_usd_per_ph_day[i - k]!;
    after += daily.hashprice_usd_per_ph_day[i + k]!;
  }
  const step = findings.steps.find((s) => s.ordinal === 4)!;
  assert.ok(Math.abs(step.beforeUsd - before / 30) < 1e-9);
  assert.ok(Math.abs(step.afterUsd - after / 30) < 1e-9);
  // The subsidy halved while the price and hashrate barely moved: hashprice fell by 30–60%.
  assert.ok(step.change < -0.3 && step.change > -0.6, `change ${step.change}`);
});

Deno.test("the note's figures are computed, not typed: they follow the data", () => {
  const note = hashpriceNote(findings);
  const latest = trailingMean(daily.hashprice_usd_per_ph_day, 30)[daily.length - 1]!;
  assert.ok(Math.abs(findings.latestUsd - latest) < 1e-9);
  assert.match(
    note.takeaways[0]!,
    new RegExp(`\\$${latest.toFixed(1).replace(".", "\\.")} per PH/s`),
  );
  assert.equal(note.date, "2026-06-01");
});

Deno.test("the exhibit compiles to a Vega spec with the halving markers", () => {
  const spec = hashpriceExhibitSpec(findings);
  const vega = compile(spec).spec;
  assert.ok(vega.marks && vega.marks.length >= 3);
  const layers = (spec as { layer: { mark: { type: string } }[] }).layer;
  assert.deepEqual(layers.map((l) => l.mark.type), ["line", "rule", "text"]);
});

Deno.test("trailingMean rejects nothing and keeps NaN until the window fills", () => {
  const m = trailingMean([2, 4, 6], 3);
  assert.ok(Number.isNaN(m[0]!) && Number.isNaN(m[1]!));
  assert.equal(m[2], 4);
});

Deno.test("trailingMean stays exact after huge early values (a running sum would not)", () => {
  const m = trailingMean([5e8, 5e8, 0.1, 0.2, 0.3], 2);
  assert.equal(m[3], (0.1 + 0.2) / 2);
  assert.equal(m[4], (0.2 + 0.3) / 2);
});
