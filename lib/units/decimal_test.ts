/**
 * `decimalAt` must give the double `Number()` gives on every plain decimal, and `NaN` on every
 * other form `Number()` reads. Random cases come from a seeded generator, so that a failure
 * names a reproducible string.
 */
import assert from "node:assert/strict";
import { decimalAt, POWERS_OF_TEN } from "./decimal.ts";

/** A seeded xorshift32 generator of floats in [0, 1). */
function generator(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

/** Asserts `decimalAt` and `Number()` agree on each string, -0 included. */
function assertAsNumber(strings: Iterable<string>): number {
  let count = 0;
  for (const text of strings) {
    const [ours, reference] = [decimalAt(text), Number(text)];
    if (!Object.is(ours, reference)) assert.fail(`${text}: decimalAt ${ours}, Number ${reference}`);
    count++;
  }
  return count;
}

Deno.test("POWERS_OF_TEN holds 10^0 to 10^22 exactly", () => {
  POWERS_OF_TEN.forEach((power, k) => assert.equal(BigInt(power), 10n ** BigInt(k)));
  assert.equal(POWERS_OF_TEN.length, 23);
});

Deno.test("decimalAt gives Number()'s double for the forms JavaScript writes numbers in", () => {
  const random = generator(1);
  const strings = function* () {
    for (let k = 0; k < 40_000; k++) {
      const x = (random() + 1e-9) * 10 ** Math.floor(random() * 30 - 10);
      yield String(x);
      yield String(-x);
      yield x.toFixed(Math.floor(random() * 12));
      yield x.toExponential(Math.floor(random() * 17));
    }
  };
  assert.equal(assertAsNumber(strings()), 160_000);
});

Deno.test("decimalAt reads the plain forms a data cell holds", () => {
  const forms: [string, number][] = [
    ["0", 0],
    ["144", 144],
    ["+0.5", 0.5],
    [".25", 0.25],
    ["5.", 5],
    ["00012.50", 12.5],
    ["-.25", -0.25],
    ["1e3", 1000],
    ["1.44E2", 144],
    ["1e-2", 0.01],
    ["-2.5e+1", -25],
    ["181.54328936405005", 181.54328936405005],
    ["0.00155222532856273", 0.00155222532856273],
    ["5540941667.253833", 5540941667.253833],
    ["123456789012345678901234", 1.2345678901234568e23], // more than 17 digits
    ["0.000000000000000000000012345", 1.2345e-23], // more than 22 decimals
  ];
  for (const [text, value] of forms) assert.equal(decimalAt(text), value, text);
  assert.ok(Object.is(decimalAt("-0"), -0));
  assert.ok(Object.is(decimalAt("-0.000"), -0));
});

Deno.test("decimalAt rejects what Number() reads but a data cell must not hold", () => {
  const rejected = [
    "",
    " 1",
    "1 ",
    "0x10",
    "0b1",
    "0o7",
    "Infinity",
    "-Infinity",
    "NaN",
    "1_000",
    "1,5",
    ".",
    "-",
    "+",
    "e3",
    "1e",
    "1e+",
    "1.2.3",
    "--1",
    "+-1",
    "1e3.5",
    "١٢",
    "12abc",
  ];
  for (const text of rejected) assert.ok(Number.isNaN(decimalAt(text)), JSON.stringify(text));
});

Deno.test("decimalAt reads the span of a longer text it is given", () => {
  const row = "2024-04-20,144,-7.5,0.1e1,x";
  assert.equal(decimalAt(row, 11, 14), 144);
  assert.equal(decimalAt(row, 15, 19), -7.5);
  assert.equal(decimalAt(row, 20, 25), 1);
  assert.ok(Number.isNaN(decimalAt(row, 11, 15))); // the comma is not part of a number
  assert.ok(Number.isNaN(decimalAt(row, 14, 14))); // an empty span
});
