import assert from "node:assert/strict";
import { parseShard, shardItems } from "./shard.ts";

Deno.test("shards 1/n … n/n render every note exactly once, each in the run's order", () => {
  for (const total of [0, 1, 2, 3, 7, 16]) {
    const notes = Array.from({ length: total }, (_, i) => `note-${i}`);
    for (const count of [1, 2, 3, 5, 20]) {
      const shards = Array.from(
        { length: count },
        (_, i) => shardItems(notes, { index: i + 1, count }),
      );
      assert.deepEqual(
        shards.flat().sort(),
        [...notes].sort(),
        `${total} notes in ${count} shards`,
      );
      for (const shard of shards) {
        assert.deepEqual(shard, notes.filter((n) => shard.includes(n)), "order kept");
        assert.ok(shard.length <= Math.ceil(total / count), "shards are balanced");
      }
    }
  }
});

Deno.test("a bad --shard is named", () => {
  for (const bad of ["", "1", "1/0", "0/2", "3/2", "-1/2", "1.5/2", "a/b"]) {
    assert.throws(
      () => parseShard(bad),
      new RegExp(`Cannot use --shard ${bad.replace(/[.]/g, "\\.")}: expected i/n`),
    );
  }
  assert.deepEqual(parseShard(" 2 / 2 "), { index: 2, count: 2 });
});
