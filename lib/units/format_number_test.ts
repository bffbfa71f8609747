import assert from "node:assert/strict";
import { formatMultiple, formatNumber, formatSignificant } from "./format_number.ts";

Deno.test("formatNumber: separators, fixed decimals, bad decimals", () => {
  assert.equal(formatNumber(3705), "3,705");
  assert.equal(formatNumber(0), "0");
  assert.equal(formatNumber(-1234.5), "-1,235"); // half away from zero
  assert.equal(formatNumber(615.46, 1), "615.5");
  assert.equal(formatNumber(1.5, 1), "1.5");
  assert.equal(formatNumber(NaN), "NaN");
  assert.throws(() => formatNumber(1, 0.5), /Cannot use decimals: expected a whole number/);
});

Deno.test("formatSignificant: any magnitude, no exponent", () => {
  assert.equal(formatSignificant(0.000000123456), "0.000000123");
  assert.equal(formatSignificant(123_456), "123,000");
  assert.equal(formatSignificant(-0.0468), "-0.0468");
  assert.equal(formatSignificant(4.6, 3), "4.6"); // trailing zeros dropped
  assert.equal(formatSignificant(Infinity), "Infinity");
  assert.throws(
    () => formatSignificant(1, 22),
    /Cannot use digits: expected a whole number <= 21, got 22/,
  );
});

Deno.test("formatMultiple: one decimal below ten, none from ten, a base above zero", () => {
  assert.equal(formatMultiple(3, 2), "1.5×");
  assert.equal(formatMultiple(30.2e6, 7.84e6), "3.9×");
  assert.equal(formatMultiple(15.5e6, 0.633e6), "24×");
  assert.equal(formatMultiple(0, 5), "0.0×");
  assert.throws(() => formatMultiple(1, -2), /Cannot use base: expected a value > 0, got -2/);
  assert.throws(() => formatMultiple(1, NaN), /Cannot use base/);
});
