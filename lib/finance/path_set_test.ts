import assert from "node:assert/strict";
import { constantPaths, stepValues } from "./path_set.ts";

Deno.test("constantPaths: every value of every path is the constant", () => {
  const flat = constantPaths(-12.5, { steps: 4, pathCount: 3 });
  assert.equal(flat.paths.length, 12);
  assert.ok(flat.paths.every((v) => v === -12.5));
  assert.deepEqual([flat.pathCount, flat.steps, flat.seed], [3, 4, 0]);
  assert.deepEqual([...stepValues(flat, 3)], [-12.5, -12.5, -12.5]);
});

Deno.test("constantPaths: a bad value or shape names the field before any array is made", () => {
  assert.throws(
    () => constantPaths(Infinity, { steps: 1, pathCount: 1 }),
    /Cannot use value: expected a finite number, got Infinity/,
  );
  assert.throws(
    () => constantPaths(1, { steps: 3, pathCount: -2 }),
    /Cannot use pathCount: expected a whole number >= 1, got -2/,
  );
  assert.throws(
    () => constantPaths(1, { steps: 2.5, pathCount: 2 }),
    /Cannot use steps: expected a whole number >= 1, got 2.5/,
  );
  assert.throws(
    () => constantPaths(1, { steps: 2 ** 20, pathCount: 2 ** 9 }),
    /expected paths × steps <= 268435456, got 512 × 1048576/,
  );
});
