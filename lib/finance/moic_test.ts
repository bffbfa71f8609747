import assert from "node:assert/strict";
import { moic } from "./moic.ts";

Deno.test("moic is money returned over money invested", () => {
  // Two capex tranches (−60, −40) and returns 50 + 150: 200 / 100.
  const flows = [-60, -40, 50, 150].map((amount, t) => ({ t, amount }));
  assert.equal(moic(flows), 2);
  // Timing does not matter.
  assert.equal(moic([...flows].reverse()), 2);
  // A total loss is 0×.
  assert.equal(moic([{ t: 0, amount: -10 }]), 0);
});

Deno.test("moic rejects flows with nothing invested, and bad amounts", () => {
  assert.throws(() => moic([]), {
    name: "RangeError",
    message:
      "Cannot compute moic: expected at least one negative amount (money invested), got none in 0 flows",
  });
  assert.throws(() => moic([{ t: 0, amount: 0 }, { t: 1, amount: 5 }]), /got none in 2 flows/);
  assert.throws(() => moic([{ t: 0, amount: -Infinity }]), /flows\[0\]\.amount.*Infinity/);
});
