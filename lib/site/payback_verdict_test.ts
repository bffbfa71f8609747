import assert from "node:assert/strict";
import { paybacksAgainstClocks, paybackVerdict } from "./payback_verdict.ts";

const business = (shortName: string, paybackYears: number, clockYears: number) => ({
  business: shortName,
  shortName,
  paybackYears,
  clockYears,
});
const MINING = business("S21 mining", 4.46, 1.88);
const LEASE = business("the lease", 6.3, 13.5);
const GPU = business("the GPU cloud", 3.2, 5);

Deno.test("paybackVerdict", async (t) => {
  await t.step("some within, some beyond: both named, the late ones with their years", () => {
    assert.equal(
      paybackVerdict([MINING, LEASE, GPU]),
      "The lease and the GPU cloud pay back within their clocks; S21 mining needs 4.5 years against 1.9",
    );
    assert.equal(
      paybackVerdict([MINING, business("the lease", 20, 13.5), GPU]),
      "The GPU cloud pays back within its clock; S21 mining and the lease need 4.5 years against 1.9 and 20.0 years against 13.5",
    );
  });

  await t.step("all within, none within; a payback equal to its clock is within", () => {
    assert.equal(
      paybackVerdict([LEASE, GPU, business("S21 mining", 1.88, 1.88)]),
      "All three pay back within their clocks",
    );
    assert.equal(paybackVerdict([LEASE, GPU]), "Both pay back within their clocks");
    assert.equal(
      paybackVerdict([MINING, business("x", 9, 1), business("y", 9, 1)]),
      "None of the three pays back within its clock",
    );
    assert.equal(
      paybackVerdict([MINING, business("x", 9, 1)]),
      "Neither pays back within its clock",
    );
    assert.equal(paybackVerdict([LEASE]), "The lease pays back within its clock");
    assert.equal(paybackVerdict([MINING]), "S21 mining needs 4.5 years against 1.9");
  });

  await t.step("no business, or a payback that is not a number, is an error", () => {
    assert.throws(() => paybackVerdict([]), /expected a business, got 0/);
    assert.throws(
      () => paybackVerdict([business("the lease", NaN, 13.5)]),
      /paybackYears of the lease: expected a finite number, got NaN/,
    );
  });
});

Deno.test("paybacksAgainstClocks: one decimal each, in order", () => {
  assert.equal(
    paybacksAgainstClocks([MINING, LEASE, GPU]),
    "S21 mining 4.5 years vs 1.9; the lease 6.3 years vs 13.5; the GPU cloud 3.2 years vs 5.0",
  );
  assert.throws(() => paybacksAgainstClocks([business("x", 1, Infinity)]), /clockYears of x/);
});
