import assert from "node:assert/strict";
import { type Efficiency, jPerTh } from "../units/efficiency.ts";
import { ths } from "../units/hashrate.ts";
import { w } from "../units/power.ts";
import { fleet } from "./fleet.ts";

// Specs: S21 200 TH/s at 17.5 J/TH [S60]; S19 XP 140 TH/s at 3,010 W and S19 95 TH/s at
// 3,250 W [S63].
const models = [
  { name: "S21", hashrate: ths(200), efficiency: jPerTh(17.5), units: 1000 },
  { name: "S19 XP", hashrate: ths(140), power: w(3010), units: 500 },
  { name: "S19", hashrate: ths(95), power: w(3250), units: 2000 },
];

Deno.test("weighted efficiency is total W ÷ total TH/s (by hand)", () => {
  const f = fleet(models);
  // Hashrate: 200,000 + 70,000 + 190,000 = 460,000 TH/s.
  // Power: 3,500,000 + 1,505,000 + 6,500,000 = 11,505,000 W.
  assert.equal(f.hashrate, 460_000);
  assert.equal(f.power, 11_505_000);
  assert.ok(Math.abs(f.efficiency - 11_505_000 / 460_000) < 1e-12); // 25.0109 J/TH
  // Not the plain mean of the three efficiencies (24.40 J/TH).
  const plainMean = (17.5 + 3010 / 140 + 3250 / 95) / 3;
  assert.ok(Math.abs(f.efficiency - plainMean) > 0.5);
});

Deno.test("shares by model, in input order, summing to 1", () => {
  const f = fleet(models);
  assert.deepEqual(f.models.map((m) => m.name), ["S21", "S19 XP", "S19"]);
  assert.ok(Math.abs(f.models[0]!.hashrateShare - 200_000 / 460_000) < 1e-15);
  assert.ok(Math.abs(f.models[2]!.powerShare - 6_500_000 / 11_505_000) < 1e-15);
  assert.equal(f.models[1]!.efficiency, 21.5);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(sum(f.models.map((m) => m.hashrateShare)) - 1) < 1e-12);
  assert.ok(Math.abs(sum(f.models.map((m) => m.powerShare)) - 1) < 1e-12);
});

Deno.test("a model with zero units has zero share and leaves the totals alone", () => {
  const f = fleet([...models, {
    name: "S21 XP",
    hashrate: ths(270),
    efficiency: jPerTh(13.5),
    units: 0,
  }]);
  assert.equal(f.hashrate, 460_000);
  assert.equal(f.models[3]!.hashrateShare, 0);
});

Deno.test("bad inputs name the field and value", () => {
  assert.throws(() => fleet([]), /expected at least one model, got 0/);
  assert.throws(
    () => fleet([{ ...models[0]!, units: 1.5 }]),
    /models\[0\].units: expected a whole number >= 0, got 1.5/,
  );
  assert.throws(
    () => fleet([models[0]!, { ...models[0]!, units: -3 }]),
    /models\[1\].units: expected a whole number >= 0, got -3/,
  );
  assert.throws(
    () => fleet([{ ...models[0]!, units: 0 }]),
    /expected some units installed, got 0 units/,
  );
  assert.throws(
    () => fleet([{ name: "S21", hashrate: ths(200), efficiency: NaN as Efficiency, units: 1 }]),
    /models\[0\].efficiency: expected a finite number, got NaN/,
  );
  assert.throws(
    () => fleet([{ name: "x", hashrate: ths(100), units: 1 } as never]),
    /Cannot use models\[0\]: expected exactly one of efficiency or power, got neither/,
  );
});
