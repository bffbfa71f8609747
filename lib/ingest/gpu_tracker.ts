/**
 * Reading the GPU marketplace tracker (github.com/tugot17/gpu-price-tracker, MIT): one JSON
 * snapshot of Prime Intellect's compute-marketplace listings per line, prices in USD per
 * GPU-hour. Every line is checked — JSON, `timestamp` (ISO 8601 UTC, strictly increasing),
 * `gpu_type`/`socket_type`, `price_stats` (finite, non-negative, `min ≤ p25 ≤ median ≤ p75 ≤
 * max`) and `by_provider[p].avg` — and a problem is a {@linkcode CsvError} naming the file,
 * line, field, value and what was expected.
 *
 * @module
 */
import { CsvError, quote } from "../data/csv.ts";
import { isIsoDate } from "../units/calendar.ts";
import type { GpuName } from "../data/gpu_price_kinds.ts";

/** Folder of the tracker files inside the source folder. */
export const TRACKER_DIR = "raw/primeintellect-gpu-tracker-tugot17";
/** The tracker commit the files were copied from (SOURCES.md). */
export const TRACKER_COMMIT = "718a831c495f202f8c290d290b1f652aa7ed70d9";

/** A tracker file, the canonical GPU it holds and the labels its snapshots must carry. */
export interface TrackerFile {
  /** File name inside {@linkcode TRACKER_DIR}. */
  readonly file: string;
  /** Canonical GPU name. */
  readonly gpu: GpuName;
  /** The snapshots' `gpu_type`. */
  readonly gpuType: string;
  /** The snapshots' `socket_type` (`null` when the tracker records none). */
  readonly socketType: string | null;
}

/** The five tracker files and how their labels map to canonical GPU names. */
export const TRACKER_FILES: readonly TrackerFile[] = [
  { file: "H100_80GB_SXM5.jsonl", gpu: "H100 SXM", gpuType: "H100_80GB", socketType: "SXM5" },
  { file: "H100_80GB_PCIe.jsonl", gpu: "H100 PCIe", gpuType: "H100_80GB", socketType: "PCIe" },
  { file: "H200_141GB.jsonl", gpu: "H200", gpuType: "H200_141GB", socketType: null },
  { file: "B200_180GB.jsonl", gpu: "B200", gpuType: "B200_180GB", socketType: null },
  { file: "A100_80GB_SXM4.jsonl", gpu: "A100 SXM", gpuType: "A100_80GB", socketType: "SXM4" },
];

/** The `price_stats` fields used, USD per GPU-hour, in increasing order. */
export const PRICE_STATS = ["min", "p25", "median", "p75", "max"] as const;

/** One checked snapshot. */
export interface TrackerSnapshot {
  /** 1-based line in the file. */
  readonly line: number;
  /** `timestamp` as written. */
  readonly timestamp: string;
  /** Its UTC day, `YYYY-MM-DD`. */
  readonly day: string;
  /** `price_stats` fields of {@linkcode PRICE_STATS}, USD per GPU-hour. */
  readonly stats: Readonly<Record<typeof PRICE_STATS[number], number>>;
  /** `by_provider[p].avg` per provider, USD per GPU-hour. */
  readonly providerAvg: ReadonlyMap<string, number>;
}

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|\+00:00)$/;

/** A JSON value for an error message: strings quoted, numbers bare, long values cut. */
function shown(value: unknown): string {
  if (value === undefined) return "nothing (the field is missing)";
  if (typeof value === "string") return quote(value);
  if (typeof value === "number") return String(value); // JSON.stringify(Infinity) is "null"
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * The checked snapshots of one tracker file, in time order.
 *
 * @example
 * ```ts
 * import { trackerSnapshotsFromJsonl, TRACKER_FILES } from "./gpu_tracker.ts";
 * import assert from "node:assert/strict";
 *
 * const line = (t: string, median: number) => JSON.stringify({
 *   timestamp: t, gpu_type: "H200_141GB", socket_type: null,
 *   price_stats: { min: 2, p25: 2.5, median, p75: 3.5, max: 4 },
 *   by_provider: { runpod: { count: 1, min: 3, avg: 3 } },
 * });
 * const h200 = TRACKER_FILES.find((f) => f.gpu === "H200")!;
 * const text = line("2025-10-20T02:08:04.48+00:00", 3) + "\n" + line("2025-10-20T04:31:59Z", 3.1);
 * const snapshots = trackerSnapshotsFromJsonl(text, { file: "h200.jsonl", expect: h200 });
 * assert.deepEqual(snapshots.map((s) => s.stats.median), [3, 3.1]);
 * assert.throws(
 *   () => trackerSnapshotsFromJsonl(line("2025-10-20T04:31:59Z", -1), { file: "h.jsonl", expect: h200 }),
 *   /^CsvError: h\.jsonl:1: column "price_stats\.median": expected a finite number ≥ 0/,
 * );
 * ```
 */
export function trackerSnapshotsFromJsonl(
  text: string,
  options: { readonly file: string; readonly expect: TrackerFile },
): TrackerSnapshot[] {
  const { file, expect } = options;
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop(); // the final newline ends a line
  const snapshots: TrackerSnapshot[] = [];
  let previous: { key: string; timestamp: string; line: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    const raw = lines[i]!.replace(/\r$/, "");
    if (raw.trim() === "") {
      throw new CsvError(file, line, undefined, "blank line: expected one JSON snapshot per line");
    }
    const record = parseLine(file, line, raw);
    const timestamp = record.timestamp;
    const match = typeof timestamp === "string" ? TIMESTAMP.exec(timestamp) : null;
    if (
      match === null || !isIsoDate(match[1]!) || Number(match[2]) > 23 ||
      Number(match[3]) > 59 || Number(match[4]) > 59
    ) {
      throw new CsvError(
        file,
        line,
        "timestamp",
        `expected an ISO 8601 UTC timestamp such as "2025-10-19T21:01:58.727366+00:00" ` +
          `(offset Z or +00:00), found ${shown(timestamp)}`,
      );
    }
    const key = `${match[1]}T${match[2]}:${match[3]}:${match[4]}.${
      (match[5] ?? "").padEnd(9, "0")
    }`;
    if (previous !== undefined && key <= previous.key) {
      throw new CsvError(
        file,
        line,
        "timestamp",
        `${shown(timestamp)} ${key === previous.key ? "repeats" : "is earlier than"} line ` +
          `${previous.line} (${shown(previous.timestamp)}); expected snapshots in strictly ` +
          "increasing time order",
      );
    }
    previous = { key, timestamp: timestamp as string, line };
    checkLabel(file, line, "gpu_type", record.gpu_type, expect.gpuType, expect.file);
    checkLabel(file, line, "socket_type", record.socket_type, expect.socketType, expect.file);
    snapshots.push({
      line,
      timestamp: timestamp as string,
      day: match[1]!,
      stats: priceStats(file, line, record.price_stats),
      providerAvg: providerAverages(file, line, record.by_provider),
    });
  }
  if (snapshots.length === 0) {
    throw new CsvError(file, 0, undefined, "the file has no snapshots");
  }
  return snapshots;
}

function parseLine(file: string, line: number, raw: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    // Python's json module writes NaN and Infinity, which are not JSON: name the field.
    const nonFinite = /"([^"]+)":\s*(-?(?:NaN|Infinity))\b/.exec(raw);
    if (nonFinite !== null) {
      throw new CsvError(
        file,
        line,
        nonFinite[1],
        `expected a finite number ≥ 0 (USD per GPU-hour), found ${nonFinite[2]}`,
      );
    }
    throw new CsvError(
      file,
      line,
      undefined,
      `expected one JSON object per line, found ${quote(raw)} (${(error as Error).message})`,
    );
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new CsvError(file, line, undefined, `expected a JSON object, found ${shown(value)}`);
  }
  return value as Record<string, unknown>;
}

function checkLabel(
  file: string,
  line: number,
  field: string,
  found: unknown,
  expected: string | null,
  trackerFile: string,
) {
  if (found === expected) return;
  throw new CsvError(
    file,
    line,
    field,
    `expected ${JSON.stringify(expected)} in ${trackerFile}, found ${shown(found)}`,
  );
}

function price(file: string, line: number, field: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new CsvError(
      file,
      line,
      field,
      `expected a finite number ≥ 0 (USD per GPU-hour), found ${shown(value)}`,
    );
  }
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function priceStats(file: string, line: number, value: unknown): TrackerSnapshot["stats"] {
  if (!isObject(value)) {
    throw new CsvError(
      file,
      line,
      "price_stats",
      `expected an object with ${PRICE_STATS.join(", ")} (USD per GPU-hour), found ${shown(value)}`,
    );
  }
  // Every price in the object must be sound, including p10, p90 and mean, which are not used.
  for (const [name, field] of Object.entries(value)) {
    price(file, line, `price_stats.${name}`, field);
  }
  const stats = {} as Record<typeof PRICE_STATS[number], number>;
  let before: string | undefined;
  for (const name of PRICE_STATS) {
    const v = price(file, line, `price_stats.${name}`, value[name]);
    if (before !== undefined && v < stats[before as typeof PRICE_STATS[number]]) {
      throw new CsvError(
        file,
        line,
        `price_stats.${name}`,
        `expected at least price_stats.${before} (${
          stats[before as typeof PRICE_STATS[number]]
        }), found ${v}`,
      );
    }
    stats[name] = v;
    before = name;
  }
  return stats;
}

function providerAverages(file: string, line: number, value: unknown): Map<string, number> {
  if (!isObject(value)) {
    throw new CsvError(
      file,
      line,
      "by_provider",
      `expected an object of providers, each with avg (USD per GPU-hour), found ${shown(value)}`,
    );
  }
  const out = new Map<string, number>();
  for (const [provider, entry] of Object.entries(value)) {
    const avg = isObject(entry) ? entry.avg : undefined;
    out.set(provider, price(file, line, `by_provider.${provider}.avg`, avg));
  }
  return out;
}
