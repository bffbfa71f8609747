import assert from "node:assert/strict";
import { loadBtcDaily } from "../data/btc_daily.ts";
import { RETARGET_INTERVAL_BLOCKS } from "./difficulty.ts";
import { estimateNextRetarget } from "./retarget.ts";

const daily = await loadBtcDaily();

/** Index of the first whole day after the block at `height` was mined. */
function firstDayAfter(height: number): number {
  let i = 0;
  while (daily.height_end[i]! < height) i++;
  return i + 1;
}

Deno.test("estimates ten days into an epoch track the realised retargets, 2021–2025", () => {
  const errors: number[] = [];
  for (let epoch = Math.ceil(666_000 / 2016); (epoch + 1) * 2016 < 930_000; epoch++) {
    const start = epoch * RETARGET_INTERVAL_BLOCKS;
    const asOf = firstDayAfter(start) + 9; // ten whole days into the epoch
    const estimate = estimateNextRetarget(daily, { asOf });
    if (daily.height_end[asOf]! >= start + RETARGET_INTERVAL_BLOCKS) continue;
    assert.equal(estimate.height, start + RETARGET_INTERVAL_BLOCKS);
    // Realised: mean difficulty of the first whole day after the retarget against the epoch's.
    const after = firstDayAfter(estimate.height);
    const realised = daily.difficulty[after]! / daily.difficulty[asOf]! - 1;
    errors.push(Math.abs(estimate.expectedChange - realised));
  }
  errors.sort((a, b) => a - b);
  assert.ok(errors.length > 100, `epochs checked: ${errors.length}`);
  const median = errors[errors.length >> 1]!;
  // Ten days of an epoch (~70% of it) predict its outcome to within a couple of percent.
  assert.ok(median < 0.02, `median absolute error ${median}`);
});

Deno.test("on the epoch's last whole day the estimate is nearly exact", () => {
  const errors: number[] = [];
  for (let epoch = 400; epoch < 460; epoch++) {
    const next = (epoch + 1) * RETARGET_INTERVAL_BLOCKS;
    const after = firstDayAfter(next);
    const asOf = after - 2; // the last day wholly inside the epoch
    const estimate = estimateNextRetarget(daily, { asOf });
    const realised = daily.difficulty[after]! / daily.difficulty[asOf]! - 1;
    errors.push(Math.abs(estimate.expectedChange - realised));
  }
  errors.sort((a, b) => a - b);
  assert.ok(errors[errors.length >> 1]! < 0.01, `median ${errors[errors.length >> 1]}`);
});

Deno.test("bad inputs name the field and the value", () => {
  assert.throws(
    () => estimateNextRetarget(daily, { asOf: daily.length }),
    /asOf: expected an index below/,
  );
  assert.throws(
    () => estimateNextRetarget(daily, { asOf: -1 }),
    /asOf: expected a whole number >= 0, got -1/,
  );
  const oneDay = {
    date: ["2024-01-01"],
    blocks: [144],
    height_end: [2016 * 400 + 100],
    difficulty: [1],
  };
  assert.throws(() => estimateNextRetarget(oneDay), /the epoch began that day/);
});
