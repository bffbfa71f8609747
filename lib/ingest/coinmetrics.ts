/**
 * Reading Coin Metrics community data: CSV exports (the `coinmetrics/data` `btc.csv` file, or
 * an API pull saved as CSV) and the community API's paginated JSON. Both become
 * {@linkcode MetricRecord}s that remember where each row came from, so later checks can name
 * the file and line.
 *
 * @module
 */
import { CsvError, parseCsv, quote, type Schema } from "../data/csv.ts";
import { isIsoDate } from "../units/calendar.ts";

/** The Coin Metrics metrics the daily dataset is built from. */
export const NETWORK_METRICS = [
  "BlkCnt",
  "HashRate",
  "IssTotNtv",
  "IssTotUSD",
  "FeeTotNtv",
  "PriceUSD",
] as const;
/** One of {@linkcode NETWORK_METRICS}. */
export type NetworkMetric = typeof NETWORK_METRICS[number];

/** One day of Coin Metrics data, cells still as text, with where it was read. */
export interface MetricRecord {
  /** File or URL the row came from. */
  readonly file: string;
  /** 1-based line (CSV) or row number within the page (API). */
  readonly line: number;
  /** UTC day `YYYY-MM-DD`. */
  readonly date: string;
  /** Metric cells; a metric the source lacks, or a blank cell, is absent. */
  readonly cells: Partial<Record<NetworkMetric, string>>;
  /**
   * Which columns the source gives blocks and issuance in: `native` (`BlkCnt`, `IssTotNtv`) or
   * `usd` (`IssTotUSD` only; blocks are derived from it). Default `native`.
   */
  readonly layout?: "native" | "usd";
}

/** The Coin Metrics community API base URL. */
export const COINMETRICS_API = "https://community-api.coinmetrics.io/v4";

/**
 * Reads a Coin Metrics CSV export. Extra columns are ignored, in any order; `time` and
 * `HashRate`, `FeeTotNtv`, `PriceUSD` are required, with either `BlkCnt` and `IssTotNtv` (the
 * native layout) or `IssTotUSD`. A missing column is named, with a column that looks like it
 * renamed; a file separated by semicolons is named as such.
 *
 * @example
 * ```ts
 * import { recordsFromExport } from "./coinmetrics.ts";
 * import assert from "node:assert/strict";
 *
 * const text = "time,BlkCnt,HashRate,IssTotNtv,FeeTotNtv,PriceUSD,ReferenceRate\n" +
 *   "2024-04-20,144,6e8,450,5,64000,64000\n2024-04-21,,,,,,64100\n";
 * const records = recordsFromExport(text, "btc.csv");
 * assert.equal(records.length, 2);
 * assert.equal(records[0]!.cells.BlkCnt, "144");
 * assert.deepEqual(records[1]!.cells, {});
 * assert.throws(
 *   () => recordsFromExport(text.replace("PriceUSD", "Price_USD"), "btc.csv"),
 *   /^CsvError: btc\.csv:1: column "PriceUSD": missing from the header \(is "Price_USD" it/,
 * );
 * ```
 */
export function recordsFromExport(text: string, file: string): MetricRecord[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = body.slice(0, body.search(/\r\n|\r|\n|$/));
  const names = firstLine.split(",").map((h) => h.trim().replace(/^"|"$/g, ""));
  if (names.length === 1 && firstLine.includes(";")) {
    throw new CsvError(
      file,
      1,
      undefined,
      `the header is separated by ";", not ",": found ${quote(firstLine)}; Coin Metrics ` +
        "exports separate fields with commas (export again, or replace the separator)",
    );
  }
  const header = new Set(names);
  const native = header.has("BlkCnt") || header.has("IssTotNtv") || !header.has("IssTotUSD");
  const wanted: NetworkMetric[] = ["HashRate", "FeeTotNtv", "PriceUSD"];
  wanted.push(...(native ? ["BlkCnt", "IssTotNtv"] as const : ["IssTotUSD"] as const));
  if (body.trim() !== "") {
    for (const name of ["time", ...wanted]) {
      if (!header.has(name)) throw missingColumn(file, name, names);
    }
  }
  const schema: Schema = [
    { name: "time", type: "string" },
    ...wanted.map((name) => ({ name, type: "string" as const, optional: true })),
  ];
  const { columns, rowCount, lines } = parseCsv(body, schema, { file, header: "subset" });
  const time = columns["time"] as string[];
  const cellsOf = wanted.map((metric) => [metric, columns[metric] as string[]] as const);
  const layout = native ? "native" : "usd";
  const records: MetricRecord[] = [];
  for (let r = 0; r < rowCount; r++) {
    const date = dayOf(time[r]!, file, lines[r]!);
    const cells: Partial<Record<NetworkMetric, string>> = {};
    for (const [metric, column] of cellsOf) {
      const cell = column[r]!.trim();
      if (cell !== "") cells[metric] = cell;
    }
    records.push({ file, line: lines[r]!, date, cells, layout });
  }
  return records;
}

function missingColumn(file: string, name: string, header: readonly string[]): CsvError {
  // A renamed column usually keeps its letters: "Price_USD", "hashrate", "FeeTotNtv (BTC)".
  const letters = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");
  const key = letters(name);
  const like = header.find((h) => h !== "" && (letters(h) === key || letters(h).startsWith(key)));
  const native = name === "BlkCnt" || name === "IssTotNtv";
  return new CsvError(
    file,
    1,
    name,
    "missing from the header" +
      (like !== undefined ? ` (is ${quote(like)} it, renamed?)` : "") +
      (native ? '; a Coin Metrics export needs "BlkCnt" and "IssTotNtv", or "IssTotUSD"' : ""),
  );
}

/**
 * The text of an export file: UTF-8, with no NUL byte. A compressed, binary or otherwise
 * non-text file is named with the line and byte where it stops being text.
 *
 * @example
 * ```ts
 * import { exportText } from "./coinmetrics.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(exportText(new TextEncoder().encode("time\n"), "btc.csv"), "time\n");
 * assert.throws(
 *   () => exportText(new Uint8Array([0x1f, 0x8b, 8, 0]), "btc.csv.gz"),
 *   /^CsvError: btc\.csv\.gz:1: not a text file: byte 0x8b at offset 1 .*gzip/,
 * );
 * ```
 */
export function exportText(bytes: Uint8Array, file: string): string {
  const nul = bytes.indexOf(0);
  if (nul === -1) {
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      // located below
    }
  }
  const invalid = firstInvalidUtf8(bytes);
  const offset = nul === -1 ? invalid : Math.min(nul, invalid);
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  const kind = bytes[0] === 0x1f && bytes[1] === 0x8b
    ? " (a gzip file: decompress it first)"
    : bytes[0] === 0x50 && bytes[1] === 0x4b
    ? " (a zip archive or spreadsheet: export it as CSV)"
    : "";
  const byte = bytes[offset];
  throw new CsvError(
    file,
    line,
    undefined,
    byte === undefined
      ? "not a text file: it ends inside a UTF-8 character"
      : `not a text file: byte 0x${byte.toString(16).padStart(2, "0")} at offset ${offset} is ` +
        `${byte === 0 ? "NUL" : "not UTF-8"}${kind}`,
  );
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const more = b < 0x80
      ? 0
      : b >= 0xc2 && b <= 0xdf
      ? 1
      : b >= 0xe0 && b <= 0xef
      ? 2
      : b <= 0xf4 && b >= 0xf0
      ? 3
      : -1;
    if (more < 0) return i;
    for (let k = 1; k <= more; k++) {
      const next = bytes[i + k];
      if (next === undefined) return bytes.length; // cut inside the last character
      // The second byte's range rules out overlong forms, surrogates and code points past
      // U+10FFFF.
      const low = k > 1 ? 0x80 : b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
      const high = k > 1 ? 0xbf : b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
      if (next < low || next > high) return i;
    }
    i += more + 1;
  }
  return bytes.length;
}

function dayOf(time: string, file: string, line: number): string {
  const day = time.slice(0, 10);
  const rest = time.slice(10);
  if (!isIsoDate(day) || !/^(T00:00:00(\.0+)?Z)?$/.test(rest)) {
    throw new CsvError(file, line, "time", `expected a UTC day YYYY-MM-DD, found ${quote(time)}`);
  }
  return day;
}

/** Options for {@linkcode fetchApiRecords}. */
export interface FetchApiOptions {
  /** API base URL. Default {@linkcode COINMETRICS_API}. */
  readonly baseUrl?: string;
  /** First UTC day to fetch, `YYYY-MM-DD`. */
  readonly startDate: string;
  /** Asset. Default `"btc"`. */
  readonly asset?: string;
  /** The `fetch` to use. Default the global one. */
  readonly fetch?: typeof fetch;
}

/**
 * Fetches daily network metrics from the community API `/timeseries/asset-metrics`, following
 * `next_page_url` until the last page.
 */
export async function fetchApiRecords(options: FetchApiOptions): Promise<MetricRecord[]> {
  const base = (options.baseUrl ?? COINMETRICS_API).replace(/\/+$/, "");
  const doFetch = options.fetch ?? fetch;
  const query = new URLSearchParams({
    assets: options.asset ?? "btc",
    metrics: "BlkCnt,HashRate,IssTotNtv,FeeTotNtv,PriceUSD",
    frequency: "1d",
    start_time: options.startDate,
    page_size: "1000",
    paging_from: "start",
  });
  let url: string | null = `${base}/timeseries/asset-metrics?${query}`;
  const records: MetricRecord[] = [];
  for (let page = 1; url !== null; page++) {
    if (page > 1000) throw new Error(`Cannot read ${base}: more than 1000 pages, stopping`);
    const response: Response = await doFetch(url);
    const label = `${base}/timeseries/asset-metrics (page ${page})`;
    if (!response.ok) {
      const body = (await response.text()).slice(0, 200);
      throw new Error(`Cannot read ${label}: HTTP ${response.status} ${body}`);
    }
    const json: unknown = await response.json().catch(() => undefined);
    records.push(...recordsFromApiPage(json, label));
    const next = (json as { next_page_url?: unknown }).next_page_url;
    url = typeof next === "string" && next !== "" ? next : null;
  }
  return records;
}

/**
 * Turns one API page (`{ data: [{ time, BlkCnt, … }], next_page_url }`) into records.
 *
 * @example
 * ```ts
 * import { recordsFromApiPage } from "./coinmetrics.ts";
 * import assert from "node:assert/strict";
 *
 * const page = { data: [{ asset: "btc", time: "2026-06-02T00:00:00.000000000Z", BlkCnt: "150" }] };
 * assert.deepEqual(recordsFromApiPage(page, "api")[0]!.cells, { BlkCnt: "150" });
 * assert.throws(() => recordsFromApiPage({}, "api"), /"data"/);
 * ```
 */
export function recordsFromApiPage(page: unknown, label: string): MetricRecord[] {
  const data = (page as { data?: unknown } | undefined)?.data;
  if (typeof page !== "object" || page === null || !Array.isArray(data)) {
    throw new CsvError(label, 0, undefined, 'expected a JSON object with a "data" array');
  }
  return data.map((row: unknown, i) => {
    const line = i + 1;
    if (typeof row !== "object" || row === null) {
      throw new CsvError(label, line, undefined, "expected an object per row");
    }
    const fields = row as Record<string, unknown>;
    const time = fields["time"];
    if (typeof time !== "string") {
      throw new CsvError(label, line, "time", `expected a timestamp, found ${String(time)}`);
    }
    const cells: Partial<Record<NetworkMetric, string>> = {};
    for (const metric of NETWORK_METRICS) {
      const value = fields[metric];
      if (value === undefined || value === null || value === "") continue;
      if (typeof value !== "string" && typeof value !== "number") {
        throw new CsvError(
          label,
          line,
          metric,
          `expected a number, found ${JSON.stringify(value)}`,
        );
      }
      cells[metric] = String(value);
    }
    return { file: label, line, date: dayOf(time, label, line), cells };
  });
}
