import assert from "node:assert/strict";
import { axisScale } from "./_pixel_scale.ts";

Deno.test("axisScale: a linear domain padded 8% each side, no nice, no zero", () => {
  const x = axisScale([200, 250, 245], false, 680, false);
  assert.deepEqual(x.scale, { type: "linear", domain: [196, 254], nice: false, zero: false });
  assert.deepEqual(x.ticks, {});
  assert.equal(x.toPixel(196), 0);
  assert.equal(x.toPixel(254), 680);
});

Deno.test("axisScale: y pixels grow downwards", () => {
  const y = axisScale([0, 100], false, 300, true);
  assert.equal(y.toPixel(-8), 300);
  assert.equal(y.toPixel(108), 0);
  assert.equal(y.toData(150), 50);
});

Deno.test("axisScale: a log domain is padded in log space, with 1–2–5 ticks", () => {
  const x = axisScale([10, 1000], true, 500, false);
  assert.equal(x.scale.type, "log");
  assert.equal(x.scale.zero, undefined);
  const [d0, d1] = x.scale.domain;
  assert.ok(Math.abs(Math.log10(d0) - 0.84) < 1e-9 && Math.abs(Math.log10(d1) - 3.16) < 1e-9);
  assert.deepEqual(x.ticks.values, [10, 20, 50, 100, 200, 500, 1000]);
  assert.ok(Math.abs(x.toPixel(100) - 250) < 1e-6); // the middle, in log space
});

Deno.test("axisScale: one value gets ±10% of itself (±1 at zero)", () => {
  assert.deepEqual(axisScale([50], false, 100, false).scale.domain, [45, 55]);
  assert.deepEqual(axisScale([0], false, 100, false).scale.domain, [-1, 1]);
});

Deno.test("axisScale: data → pixels → data round-trips to 10 significant digits", () => {
  for (const log of [false, true]) {
    const scale = axisScale([3.5, 1234.5, 77], log, 640, log);
    for (const v of [3.5, 12, 77, 1234.5]) assert.equal(scale.toData(scale.toPixel(v)), v);
  }
});
