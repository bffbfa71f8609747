import assert from "node:assert/strict";
import { sumOfTheParts, type SumOfThePartsInputs } from "./mod.ts";

const BASE: SumOfThePartsInputs = {
  btcHeld: 1_000,
  btcPriceUsd: 90_000,
  aiNoiUsd: 150e6,
  aiCapRate: 0.075,
  uncontractedMw: 200,
  netDebtUsd: 500e6,
};

Deno.test("without mining EBITDA the mining part is 0, and the rest is unchanged", () => {
  const perMw = sumOfTheParts(BASE);
  const onEbitda = sumOfTheParts({ ...BASE, miningEbitdaUsd: 100e6, miningMultiple: 6 });
  // Written out: 90M BTC + 2,000M AI + 600M MW at $3M [S5] − 500M debt.
  assert.equal(perMw.equityValueUsd, 90e6 + 2_000e6 + 600e6 - 500e6);
  assert.equal(onEbitda.equityValueUsd - perMw.equityValueUsd, 600e6);
  assert.deepEqual(perMw.parts.map((p) => p.part), onEbitda.parts.map((p) => p.part));
  assert.equal(perMw.parts[1]!.valueUsd, 0);
  assert.equal(perMw.parts[1]!.basis, "not valued on EBITDA");
  assert.equal(onEbitda.parts[1]!.basis, "6× EBITDA");
  // An explicit zero multiple is still accepted (a mine valued at nothing).
  assert.equal(
    sumOfTheParts({ ...BASE, miningEbitdaUsd: 100e6, miningMultiple: 0 }).parts[1]!.valueUsd,
    0,
  );
});

Deno.test("an EBITDA without a multiple, or a multiple without an EBITDA, is an error", () => {
  assert.throws(
    () => sumOfTheParts({ ...BASE, miningEbitdaUsd: 100e6 }),
    /Cannot value mining on EBITDA: expected miningEbitdaUsd and miningMultiple together, got no miningMultiple/,
  );
  assert.throws(
    () => sumOfTheParts({ ...BASE, miningMultiple: 6 }),
    /got no miningEbitdaUsd/,
  );
  assert.throws(
    () => sumOfTheParts({ ...BASE, miningEbitdaUsd: 100e6, miningMultiple: -1 }),
    /miningMultiple: expected a value >= 0, got -1/,
  );
});
