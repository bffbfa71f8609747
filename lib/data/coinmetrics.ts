/**
 * Reading Coin Metrics community data: CSV exports (the `coinmetrics/data` `btc.csv` file, or
 * an API pull saved as CSV) and the community API's paginated JSON. Both become
 * {@linkcode MetricRecord}s that remember where each row came from, so later checks can name
 * the file and line.
 *
 * @module
 */
import { CsvError, isIsoDate, parseCsv, quote, type Schema } from "./csv.ts";

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
}

/** The Coin Metrics community API base URL. */
export const COINMETRICS_API = "https://community-api.coinmetrics.io/v4";

/**
 * Reads a Coin Metrics CSV export. Extra columns are ignored; `time` and `HashRate`,
 * `FeeTotNtv`, `PriceUSD` are required, with either `BlkCnt` and `IssTotNtv` or `IssTotUSD`.
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
 * ```
 */
export function recordsFromExport(text: string, file: string): MetricRecord[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const header = new Set(firstLine.split(",").map((h) => h.trim().replace(/^"|"$/g, "")));
  const wanted: NetworkMetric[] = ["HashRate", "FeeTotNtv", "PriceUSD"];
  if (header.has("BlkCnt") || header.has("IssTotNtv") || !header.has("IssTotUSD")) {
    wanted.push("BlkCnt", "IssTotNtv");
  } else {
    wanted.push("IssTotUSD");
  }
  const schema: Schema = [
    { name: "time", type: "string" },
    ...wanted.map((name) => ({ name, type: "string" as const, optional: true })),
  ];
  const { columns, rowCount, lines } = parseCsv(body, schema, { file, header: "subset" });
  const time = columns["time"] as string[];
  const records: MetricRecord[] = [];
  for (let r = 0; r < rowCount; r++) {
    const date = dayOf(time[r]!, file, lines[r]!);
    const cells: Partial<Record<NetworkMetric, string>> = {};
    for (const metric of wanted) {
      const cell = (columns[metric] as string[])[r]!.trim();
      if (cell !== "") cells[metric] = cell;
    }
    records.push({ file, line: lines[r]!, date, cells });
  }
  return records;
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
