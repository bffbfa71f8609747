/**
 * The I/O side of `data/btc_daily.csv`: read Coin Metrics inputs (files or URLs), build and
 * check the dataset, and write it with its provenance (`btc_daily.meta.json` and a section of
 * `SOURCES.md`). Nothing is written unless every check passes, and each file is replaced
 * atomically.
 *
 * @module
 */
import { btcDailyFromCsv } from "../data/btc_daily.ts";
import {
  btcDailyRows,
  checkMagnitudes,
  extendNetworkDays,
  formatBtcDailyCsv,
  type OverlapReport,
  toRow,
} from "./btc_daily_build.ts";
import { COINMETRICS_API, exportText, fetchApiRecords, recordsFromExport } from "./coinmetrics.ts";
import { nextIsoDay } from "../units/calendar.ts";
import { type NetworkDay, networkDaysFromRecords } from "./network_days.ts";
import { sha256Hex } from "../files/sha256.ts";
import { type BuiltDataset, DEFAULT_SOURCE_DIR, writeBuiltDatasets } from "./dataset_build.ts";
import { renderBtcDailySources } from "./btc_daily_sources.ts";

/** A Coin Metrics input: a path or an http(s) URL, and where it comes from. */
export interface InputSource {
  readonly location: string;
  /** Provenance shown in SOURCES.md. Default: the location. */
  readonly origin?: string;
}

/** What was read from one input, recorded in the provenance. */
export interface InputRecord {
  readonly location: string;
  readonly origin: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly rowsUsed: number;
  readonly firstDate: string;
  readonly lastDate: string;
}

/** A batch of days appended from the community API. */
export interface ApiUpdateRecord {
  readonly fetchedOn: string;
  readonly url: string;
  readonly firstDate: string;
  readonly lastDate: string;
  readonly days: number;
}

/** Provenance of `data/btc_daily.csv`, stored as `data/btc_daily.meta.json`. */
export interface BtcDailyMeta {
  readonly rows: number;
  readonly firstDate: string;
  readonly lastDate: string;
  readonly sha256: string;
  readonly inputs: readonly InputRecord[];
  readonly overlaps: readonly (OverlapReport & { readonly input: string })[];
  readonly skipped: readonly string[];
  readonly apiUpdates: readonly ApiUpdateRecord[];
}

/** Options shared by {@linkcode buildBtcDaily} and {@linkcode updateBtcDaily}. */
export interface IngestOptions {
  /** Directory holding `btc_daily.csv`, its meta file and `SOURCES.md`. Default `"data"`. */
  readonly outDir?: string;
  /** Build log. Default: `console.log`. */
  readonly log?: (line: string) => void;
  /** The `fetch` used for URLs and the API. Default: the global one. */
  readonly fetch?: typeof fetch;
  /**
   * Where the public inputs are, when not at {@linkcode DEFAULT_SOURCE_DIR}: an input whose
   * `location` lies under that folder (as `deno task data` names them) is read from here, and
   * still recorded under its `location`, so the provenance does not depend on where it was read.
   */
  readonly sourceDir?: string;
}

/** The files of the dataset inside `outDir`. */
export function btcDailyFiles(outDir = "data") {
  return {
    csv: `${outDir}/btc_daily.csv`,
    meta: `${outDir}/btc_daily.meta.json`,
    sources: `${outDir}/SOURCES.md`,
  };
}

async function readInput(
  location: string,
  doFetch: typeof fetch,
  sourceDir: string | undefined,
): Promise<Uint8Array> {
  if (/^https?:\/\//.test(location)) {
    const response = await doFetch(location);
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(`Cannot read ${location}: HTTP ${response.status}`);
    }
    return new Uint8Array(await response.arrayBuffer());
  }
  const under = `${DEFAULT_SOURCE_DIR}/`;
  const path = sourceDir !== undefined && location.startsWith(under)
    ? `${sourceDir.replace(/\/+$/, "")}/${location.slice(under.length)}`
    : location;
  try {
    return await Deno.readFile(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      throw new Error(`Cannot read ${path}: no such file`);
    }
    throw error;
  }
}

/**
 * Builds the dataset from a full Coin Metrics export (the first input) extended by later ones,
 * and writes it with its provenance. Returns the provenance that was written.
 */
export async function buildBtcDaily(
  inputs: readonly InputSource[],
  options: IngestOptions = {},
): Promise<BtcDailyMeta> {
  const { dataset, meta } = await prepareBtcDaily(inputs, options);
  await writeBuiltDatasets(options.outDir ?? "data", [dataset]);
  const log = options.log ?? console.log;
  log(
    `wrote ${
      btcDailyFiles(options.outDir).csv
    }: ${meta.rows} days, ${meta.firstDate} .. ${meta.lastDate}`,
  );
  return meta;
}

/**
 * Builds and checks the dataset without writing it: the CSV, its provenance file and its
 * SOURCES.md section, ready for {@linkcode writeBuiltDatasets} together with other datasets.
 */
export async function prepareBtcDaily(
  inputs: readonly InputSource[],
  options: IngestOptions = {},
): Promise<{ dataset: BuiltDataset; meta: BtcDailyMeta }> {
  if (inputs.length === 0) throw new TypeError("Cannot build btc_daily.csv: no input given");
  const log = options.log ?? console.log;
  const doFetch = options.fetch ?? fetch;
  const skipped: string[] = [];
  const note = (line: string) => {
    skipped.push(line);
    log(line);
  };
  let days: NetworkDay[] = [];
  const records: InputRecord[] = [];
  const overlaps: (OverlapReport & { input: string })[] = [];
  for (const [index, input] of inputs.entries()) {
    const bytes = await readInput(input.location, doFetch, options.sourceDir);
    const metricRecords = recordsFromExport(exportText(bytes, input.location), input.location);
    const before = days.length;
    if (index === 0) {
      days = networkDaysFromRecords(metricRecords, { log: note });
    } else {
      const extended = extendNetworkDays(days, metricRecords, note);
      days = extended.days;
      if (extended.overlap) {
        overlaps.push({ input: input.location, ...extended.overlap });
        log(
          `${input.location}: ${extended.overlap.days} overlapping days ` +
            `(${extended.overlap.from} .. ${extended.overlap.to}) agree; largest relative ` +
            `difference ${extended.overlap.maxRelativeDifference.toExponential(2)}`,
        );
      }
    }
    const used = days.slice(index === 0 ? 0 : before);
    records.push({
      location: input.location,
      origin: input.origin ?? input.location,
      bytes: bytes.length,
      sha256: await sha256Hex(bytes),
      rowsUsed: used.length,
      firstDate: used[0]?.date ?? "",
      lastDate: used[used.length - 1]?.date ?? "",
    });
    log(`${input.location}: ${used.length} days used, sha256 ${records.at(-1)!.sha256}`);
  }
  const csv = formatBtcDailyCsv(btcDailyRows(days));
  // The written file must pass its own loader.
  const daily = btcDailyFromCsv(csv, { file: btcDailyFiles(options.outDir).csv });
  const meta: BtcDailyMeta = {
    rows: daily.length,
    firstDate: daily.date[0]!,
    lastDate: daily.date[daily.length - 1]!,
    sha256: await sha256Hex(csv),
    inputs: records,
    overlaps,
    skipped,
    apiUpdates: [],
  };
  return { dataset: btcDailyDataset(csv, meta), meta };
}

function btcDailyDataset(csv: string, meta: BtcDailyMeta): BuiltDataset {
  return {
    file: "btc_daily.csv",
    csv,
    sources: renderBtcDailySources(meta),
    rows: meta.rows,
    extraFiles: [{ file: "btc_daily.meta.json", data: JSON.stringify(meta, null, 2) + "\n" }],
  };
}

/** Options for {@linkcode updateBtcDaily}. */
export interface UpdateOptions extends IngestOptions {
  /** API base URL. Default {@linkcode COINMETRICS_API}. */
  readonly apiBaseUrl?: string;
  /** Day the update runs, recorded in the provenance. Default: today (UTC). */
  readonly today?: string;
}

/**
 * Appends the days after the dataset's last date from the Coin Metrics community API.
 * Returns the new provenance, or `undefined` when there was nothing new.
 */
export async function updateBtcDaily(
  options: UpdateOptions = {},
): Promise<BtcDailyMeta | undefined> {
  const log = options.log ?? console.log;
  const files = btcDailyFiles(options.outDir);
  const existingCsv = await Deno.readTextFile(files.csv);
  const existing = btcDailyFromCsv(existingCsv, { file: files.csv });
  const meta = JSON.parse(await Deno.readTextFile(files.meta)) as BtcDailyMeta;
  const last = existing.length - 1;
  const startDate = nextIsoDay(existing.date[last]!);
  const baseUrl = (options.apiBaseUrl ?? COINMETRICS_API).replace(/\/+$/, "");
  log(`fetching ${startDate} onwards from ${baseUrl}`);
  const fetchOptions = { baseUrl, startDate, ...(options.fetch ? { fetch: options.fetch } : {}) };
  const apiRecords = await fetchApiRecords(fetchOptions);
  if (apiRecords.length > 0 && apiRecords[0]!.date !== startDate) {
    const first = apiRecords[0]!;
    throw new Error(
      `Cannot update ${files.csv}: ${first.file} starts on ${first.date}, expected ${startDate}`,
    );
  }
  // The last month of the existing file serves as neighbours for the checks: the week before
  // for prices and fees, the difficulty period under way for the hashrate.
  const context: NetworkDay[] = [];
  for (let i = Math.max(0, last - 30); i <= last; i++) {
    context.push({
      date: existing.date[i]!,
      blocks: existing.blocks[i]!,
      heightEnd: existing.height_end[i]!,
      hashrateThs: existing.hashrate_ths[i]!,
      subsidyBtc: existing.subsidy_btc[i]!,
      feesBtc: existing.fees_btc[i]!,
      priceUsd: existing.price_usd[i]!,
      file: files.csv,
      line: i + 2,
    });
  }
  const skipped: string[] = [];
  const newDays = networkDaysFromRecords(apiRecords, {
    before: context,
    allowEmpty: true,
    log: (line) => {
      skipped.push(line);
      log(line);
    },
  });
  if (newDays.length === 0) {
    log(`${files.csv} is up to date (last day ${existing.date[last]})`);
    return undefined;
  }
  checkMagnitudes([...context, ...newDays], context.length);
  const appended = formatBtcDailyCsv(newDays.map(toRow)).split("\n").slice(1).join("\n");
  const csv = existingCsv.replace(/\n*$/, "\n") + appended;
  const daily = btcDailyFromCsv(csv, { file: files.csv });
  const update: ApiUpdateRecord = {
    fetchedOn: options.today ?? new Date().toISOString().slice(0, 10),
    url: `${baseUrl}/timeseries/asset-metrics`,
    firstDate: newDays[0]!.date,
    lastDate: newDays[newDays.length - 1]!.date,
    days: newDays.length,
  };
  const updated: BtcDailyMeta = {
    ...meta,
    rows: daily.length,
    lastDate: daily.date[daily.length - 1]!,
    sha256: await sha256Hex(csv),
    skipped: [...meta.skipped, ...skipped],
    apiUpdates: [...meta.apiUpdates, update],
  };
  await writeBuiltDatasets(options.outDir ?? "data", [btcDailyDataset(csv, updated)]);
  log(`appended ${update.days} days (${update.firstDate} .. ${update.lastDate}) to ${files.csv}`);
  return updated;
}
