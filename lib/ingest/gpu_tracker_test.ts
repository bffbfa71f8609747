/**
 * Checking tracker snapshots line by line: each bad line is a CsvError naming the file, line,
 * field, the value and what was expected. (The build test shows the same errors carrying the
 * input's full path.)
 */
import assert from "node:assert/strict";
import { TRACKER_FILES, trackerSnapshotsFromJsonl } from "./gpu_tracker.ts";
import { CsvError } from "../data/csv.ts";

const H100 = TRACKER_FILES[0]!; // H100_80GB_SXM5.jsonl
const TIMES = ["2025-10-20T02:08:04.484281+00:00", "2025-10-20T04:31:59.805153+00:00"];

function snapshot(timestamp: string, change: Record<string, unknown> = {}): string {
  return JSON.stringify({
    timestamp,
    gpu_type: "H100_80GB",
    socket_type: "SXM5",
    price_stats: { min: 1, p10: 1.5, p25: 1.75, median: 2, p75: 2.25, p90: 3.5, max: 4, mean: 2 },
    by_provider: { runpod: { count: 2, min: 1, avg: 2 } },
    ...change,
  });
}

const GOOD = snapshot(TIMES[0]!);

function error(text: string): string {
  try {
    trackerSnapshotsFromJsonl(text, { file: "t.jsonl", expect: H100 });
  } catch (e) {
    assert.ok(e instanceof CsvError, String(e));
    return e.message;
  }
  assert.fail("expected a CsvError");
}

Deno.test("good lines give snapshots with their UTC day; a final newline is fine", () => {
  const snapshots = trackerSnapshotsFromJsonl(`${GOOD}\n${snapshot("2025-10-21T00:00:00Z")}\n`, {
    file: "t.jsonl",
    expect: H100,
  });
  assert.deepEqual(snapshots.map((s) => [s.line, s.day, s.stats.median]), [
    [1, "2025-10-20", 2],
    [2, "2025-10-21", 2],
  ]);
  assert.deepEqual([...snapshots[0]!.providerAvg], [["runpod", 2]]);
});

Deno.test("bad snapshot lines", async (t) => {
  const cases: [string, string, string][] = [
    [
      "a repeated timestamp",
      `${GOOD}\n${GOOD}`,
      `t.jsonl:2: column "timestamp": "${TIMES[0]}" repeats line 1 ("${TIMES[0]}"); expected ` +
      "snapshots in strictly increasing time order",
    ],
    [
      "a timestamp that is not UTC",
      snapshot("2025-10-20T02:08:04+02:00"),
      't.jsonl:1: column "timestamp": expected an ISO 8601 UTC timestamp such as ' +
      '"2025-10-19T21:01:58.727366+00:00" (offset Z or +00:00), found "2025-10-20T02:08:04+02:00"',
    ],
    [
      "a timestamp that is not a real time",
      snapshot("2025-10-20T24:08:04Z"),
      't.jsonl:1: column "timestamp": expected an ISO 8601 UTC timestamp such as ' +
      '"2025-10-19T21:01:58.727366+00:00" (offset Z or +00:00), found "2025-10-20T24:08:04Z"',
    ],
    [
      "missing price_stats",
      snapshot(TIMES[0]!, { price_stats: undefined }),
      't.jsonl:1: column "price_stats": expected an object with min, p25, median, p75, max ' +
      "(USD per GPU-hour), found nothing (the field is missing)",
    ],
    [
      "a price as text",
      snapshot(TIMES[0]!, { price_stats: { min: 1, p25: 1, median: "2", p75: 2, max: 2 } }),
      't.jsonl:1: column "price_stats.median": expected a finite number ≥ 0 (USD per GPU-hour), ' +
      'found "2"',
    ],
    [
      "an overflowing price (1e999 parses as Infinity)",
      GOOD.replace('"max":4', '"max":1e999'),
      't.jsonl:1: column "price_stats.max": expected a finite number ≥ 0 (USD per GPU-hour), ' +
      "found Infinity",
    ],
    [
      "NaN written by Python's json module",
      GOOD.replace('"median":2', '"median":NaN'),
      't.jsonl:1: column "median": expected a finite number ≥ 0 (USD per GPU-hour), found NaN',
    ],
    [
      "p25 above the median",
      GOOD.replace('"p25":1.75', '"p25":2.2'),
      't.jsonl:1: column "price_stats.median": expected at least price_stats.p25 (2.2), found 2',
    ],
    [
      "a snapshot of another GPU in the file",
      GOOD.replace('"SXM5"', '"PCIe"'),
      't.jsonl:1: column "socket_type": expected "SXM5" in H100_80GB_SXM5.jsonl, found "PCIe"',
    ],
    [
      "a provider without avg",
      snapshot(TIMES[0]!, { by_provider: { runpod: { count: 2, min: 1 } } }),
      't.jsonl:1: column "by_provider.runpod.avg": expected a finite number ≥ 0 ' +
      "(USD per GPU-hour), found nothing (the field is missing)",
    ],
    [
      "a blank line inside the file",
      `${GOOD}\n\n${snapshot(TIMES[1]!)}`,
      "t.jsonl:2: blank line: expected one JSON snapshot per line",
    ],
    [
      "a JSON array instead of an object",
      "[1, 2]",
      "t.jsonl:1: expected a JSON object, found [1,2]",
    ],
  ];
  for (const [name, text, message] of cases) {
    await t.step(name, () => assert.equal(error(text), message));
  }
});
