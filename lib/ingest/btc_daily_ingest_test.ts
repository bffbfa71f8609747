/**
 * Tests for building and updating `btc_daily.csv` from Coin Metrics data. Every bad input must be
 * rejected with a message naming the file, line, column and value, and must leave the dataset's
 * three files byte-identical with no temporary files behind. Inputs are small synthetic Coin
 * Metrics exports (test fixtures) written to /tmp; the API is a local server on 127.0.0.1.
 */
import assert from "node:assert/strict";
import { DEFAULT_BTC_INPUTS } from "../cli/data.ts";
import { btcDailyFromCsv } from "../data/btc_daily.ts";
import {
  btcDailyRows,
  checkMagnitudes,
  extendNetworkDays,
  formatBtcDailyCsv,
  MAX_HASHRATE_THS,
  NEIGHBOUR_FACTOR,
  OVERLAP_TOLERANCE,
  toRow,
} from "./btc_daily_build.ts";
import {
  btcDailyFiles,
  type BtcDailyMeta,
  buildBtcDaily,
  updateBtcDaily,
} from "./btc_daily_ingest.ts";
import {
  fetchApiRecords,
  type MetricRecord,
  recordsFromApiPage,
  recordsFromExport,
} from "./coinmetrics.ts";
import { CsvError } from "../data/csv.ts";
import { nextIsoDay } from "../units/calendar.ts";
import { GENESIS_DATE, type NetworkDay, networkDaysFromRecords } from "./network_days.ts";
import { fileExists, quiet, withTempDir } from "./_testing.ts";
import { assertAlmostEquals } from "../testing/assert_almost_equals.ts";

// ---------------------------------------------------------------------------------------------
// Test fixtures: synthetic Coin Metrics exports
// ---------------------------------------------------------------------------------------------

/** One day of a synthetic Coin Metrics export (test fixture), cells as text. */
interface FixtureDay {
  time: string;
  BlkCnt: string;
  FeeTotNtv: string;
  HashRate: string;
  IssTotNtv: string;
  PriceUSD: string;
}

/**
 * `count` consecutive days from genesis (2009-01-03, height 0): native exports must start there,
 * since issuance is checked against block heights. Blocks vary 143..145 so heights are not a
 * multiple of 144; issuance is 50 BTC a block (the first era); fees include 0. The hashrate is
 * what the blocks take at the difficulty of their period, as in Coin Metrics' `HashRate`: the
 * default, 0.01 TH/s at 144 blocks, is a difficulty of about 1400 (≥ 1, the protocol minimum),
 * 5% higher at each retarget (every 2016 blocks; the first is on 2009-01-17).
 */
function fixtureDays(count: number, options: { hashrateThs?: number } = {}): FixtureDay[] {
  const firstDifficulty = (options.hashrateThs ?? 0.01) * 1e12 * 86_400 / (144 * 2 ** 32);
  const days: FixtureDay[] = [];
  let date = GENESIS_DATE;
  let height = 0;
  for (let i = 0; i < count; i++) {
    const blocks = 143 + (i % 3);
    let hashes = 0;
    for (let h = height + 1; h <= height + blocks; h++) {
      hashes += firstDifficulty * 1.05 ** Math.floor(h / 2016) * 2 ** 32;
    }
    height += blocks;
    days.push({
      time: date,
      BlkCnt: String(blocks),
      FeeTotNtv: String(0.25 * (i % 4)),
      HashRate: String(hashes / 86_400 / 1e12),
      IssTotNtv: String(50 * blocks),
      PriceUSD: String(100 + i),
    });
    date = nextIsoDay(date);
  }
  return days;
}

const EXPORT_COLUMNS = [
  "time",
  "BlkCnt",
  "FeeTotNtv",
  "HashRate",
  "IssTotNtv",
  "PriceUSD",
] as const;

/** The fixture days as a Coin Metrics CSV export, with a `ReferenceRateUSD` column as CM has. */
function exportCsv(
  days: readonly FixtureDay[],
  options: { eol?: string; bom?: boolean; referenceOnlyDay?: string } = {},
): string {
  const eol = options.eol ?? "\n";
  const lines = [[...EXPORT_COLUMNS, "ReferenceRateUSD"].join(",")];
  for (const d of days) lines.push([...EXPORT_COLUMNS.map((c) => d[c]), d.PriceUSD].join(","));
  // Coin Metrics publishes the newest day's reference rate before its network data.
  if (options.referenceOnlyDay) lines.push(`${options.referenceOnlyDay},,,,,,123.45`);
  return (options.bom ? "\ufeff" : "") + lines.join(eol) + eol;
}

/** The fixture days with day `index` changed. */
function withDay(
  days: readonly FixtureDay[],
  index: number,
  change: Partial<FixtureDay>,
): FixtureDay[] {
  return days.map((d, i) => (i === index ? { ...d, ...change } : { ...d }));
}

// The standard base: 12 days, 2009-01-03 .. 2009-01-14; day i is on line i + 2.
const ALL_DAYS = fixtureDays(30);
const BASE = ALL_DAYS.slice(0, 12);
const BAD = 5; // the day most bad inputs corrupt: 2009-01-08, line 7

// ---------------------------------------------------------------------------------------------
// Helpers: temp dirs, dataset snapshots, a local Coin Metrics API
// ---------------------------------------------------------------------------------------------

interface Workspace {
  readonly dir: string;
  readonly outDir: string;
  /** Writes an input file under `dir/in/` and returns its path. */
  input(name: string, text: string | Uint8Array): Promise<string>;
}

/** Runs `fn` with a fresh temp dir under /tmp (the only place tests may write). */
async function withWorkspace(fn: (ws: Workspace) => Promise<void>): Promise<void> {
  await withTempDir("mullet_ingest_", async (dir) => {
    await Deno.mkdir(`${dir}/in`);
    await Deno.mkdir(`${dir}/out`);
    await fn({
      dir,
      outDir: `${dir}/out`,
      async input(name, text) {
        const path = `${dir}/in/${name}`;
        if (typeof text === "string") await Deno.writeTextFile(path, text);
        else await Deno.writeFile(path, text);
        return path;
      },
    });
  });
}

const DATASET_FILES = ["SOURCES.md", "btc_daily.csv", "btc_daily.meta.json"];

/** Every file in `outDir`, by name, with its bytes. */
async function dirState(outDir: string): Promise<Record<string, Uint8Array>> {
  const state: Record<string, Uint8Array> = {};
  const names = await Array.fromAsync(Deno.readDir(outDir), (e) => e.name);
  for (const name of names.sort()) state[name] = await Deno.readFile(`${outDir}/${name}`);
  return state;
}

/** Builds the standard valid base into `outDir`; returns the path of its input. */
async function buildBase(ws: Workspace): Promise<string> {
  const base = await ws.input("base.csv", exportCsv(BASE));
  await buildBtcDaily([{ location: base }], { outDir: ws.outDir, log: quiet });
  assert.deepEqual(Object.keys(await dirState(ws.outDir)), DATASET_FILES);
  return base;
}

/**
 * Asserts `run` rejects with `expected` (the exact message, or a pattern) and that the
 * dataset's files are byte-identical afterwards, with no stray temporary files.
 */
async function assertRejectsUntouched(
  outDir: string,
  run: () => Promise<unknown>,
  expected: string | RegExp,
): Promise<void> {
  const before = await dirState(outDir);
  assert.deepEqual(Object.keys(before), DATASET_FILES);
  await assert.rejects(run, (e) => {
    assert.ok(e instanceof Error, `expected an Error, got ${e}`);
    if (typeof expected === "string") assert.equal(e.message, expected);
    else assert.match(e.message, expected);
    return true;
  });
  assert.deepEqual(await dirState(outDir), before);
}

async function sha256(data: string | Uint8Array): Promise<string> {
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
  const digest = new Uint8Array(
    await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>),
  );
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

async function readMeta(outDir: string): Promise<BtcDailyMeta> {
  return JSON.parse(await Deno.readTextFile(`${outDir}/btc_daily.meta.json`));
}

/** A row of the community API's `/timeseries/asset-metrics`, values as strings as CM sends. */
type ApiRow = Record<string, string>;

/** The fixture day as an API row. */
function apiRow(d: FixtureDay): ApiRow {
  return {
    asset: "btc",
    time: `${d.time}T00:00:00.000000000Z`,
    BlkCnt: d.BlkCnt,
    FeeTotNtv: d.FeeTotNtv,
    HashRate: d.HashRate,
    IssTotNtv: d.IssTotNtv,
    PriceUSD: d.PriceUSD,
  };
}

interface LocalServer {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  /** API base URL, `origin/v4`. */
  readonly api: string;
  /** Every request the server saw. */
  readonly requests: URL[];
  /** Rows the API serves (mutable, to let new days appear). */
  rows: ApiRow[];
  /** Page number (1-based) answered with HTTP 500, if any. */
  failPage: number | undefined;
  /** Static files under `/files/NAME`. */
  files: Record<string, string>;
  shutdown(): Promise<void>;
}

/**
 * A local stand-in for the Coin Metrics community API: filters by `start_time`, pages
 * `pageSize` rows at a time with `next_page_url` carrying a `next_page_token`, and omits
 * `next_page_url` on the last page, as the real API does.
 */
function startServer(rows: ApiRow[], pageSize = 4): LocalServer {
  const handler = (request: Request): Response => {
    const url = new URL(request.url);
    local.requests.push(url);
    if (url.pathname.startsWith("/files/")) {
      const body = local.files[url.pathname.slice("/files/".length)];
      if (body === undefined) return new Response("no such file", { status: 404 });
      return new Response(body, { headers: { "content-type": "text/csv" } });
    }
    if (url.pathname !== "/v4/timeseries/asset-metrics") {
      return new Response("not found", { status: 404 });
    }
    const start = url.searchParams.get("start_time") ?? "";
    const matching = local.rows.filter((r) => r.time!.slice(0, 10) >= start);
    // Real tokens are opaque; ours encodes the offset.
    const token = url.searchParams.get("next_page_token");
    const offset = token === null ? 0 : Number(atob(token));
    if (Math.floor(offset / pageSize) + 1 === local.failPage) {
      return new Response("internal error", { status: 500 });
    }
    const body: { data: ApiRow[]; next_page_url?: string } = {
      data: matching.slice(offset, offset + pageSize),
    };
    if (offset + pageSize < matching.length) {
      const next = new URL(url);
      next.searchParams.set("next_page_token", btoa(String(offset + pageSize)));
      body.next_page_url = next.href;
    }
    return Response.json(body);
  };
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, handler);
  const origin = `http://127.0.0.1:${server.addr.port}`;
  const local: LocalServer = {
    origin,
    api: `${origin}/v4`,
    requests: [],
    rows,
    failPage: undefined,
    files: {},
    shutdown: () => server.shutdown(),
  };
  return local;
}

/** Runs `fn` with a local server, always shutting it down. */
async function withServer(
  rows: ApiRow[],
  fn: (server: LocalServer) => Promise<void>,
): Promise<void> {
  const server = startServer(rows);
  try {
    await fn(server);
  } finally {
    await server.shutdown();
  }
}

// ---------------------------------------------------------------------------------------------
// Building from exports
// ---------------------------------------------------------------------------------------------

Deno.test("buildBtcDaily builds a tiny export into the three files", async () => {
  await withWorkspace(async (ws) => {
    const text = exportCsv(BASE);
    const input = await ws.input("base.csv", text);
    const log: string[] = [];
    const meta = await buildBtcDaily([{ location: input }], {
      outDir: ws.outDir,
      log: (line) => log.push(line),
    });
    assert.deepEqual(Object.keys(await dirState(ws.outDir)), DATASET_FILES);

    // The rows, checked against the fixture with the SOURCES.md formulas.
    const csv = await Deno.readTextFile(`${ws.outDir}/btc_daily.csv`);
    const daily = btcDailyFromCsv(csv);
    assert.equal(daily.length, 12);
    let height = 0;
    for (let i = 0; i < BASE.length; i++) {
      const d = BASE[i]!;
      const blocks = Number(d.BlkCnt);
      const hashrate = Number(d.HashRate);
      const paid = 50 * blocks + Number(d.FeeTotNtv);
      height += blocks;
      assert.equal(daily.date[i], d.time);
      assert.equal(daily.blocks[i], blocks);
      assert.equal(daily.height_end[i], height);
      assert.equal(daily.hashrate_ths[i], hashrate);
      assert.equal(daily.subsidy_btc[i], 50 * blocks);
      assert.equal(daily.fees_btc[i], Number(d.FeeTotNtv));
      assert.equal(daily.price_usd[i], 100 + i);
      assertAlmostEquals(daily.difficulty[i]!, (hashrate * 1e12 * 86400) / (blocks * 2 ** 32), {
        relative: 1e-12,
      });
      assert.ok(daily.difficulty[i]! > 1000 && daily.difficulty[i]! < 2000);
      assertAlmostEquals(daily.hashprice_btc_per_ph_day[i]!, paid / (hashrate / 1000), {
        relative: 1e-12,
      });
      assertAlmostEquals(
        daily.hashprice_usd_per_ph_day[i]!,
        (paid * (100 + i)) / (hashrate / 1000),
        { relative: 1e-12 },
      );
    }
    assert.equal(height, 1728); // 4 × (143 + 144 + 145)

    // The provenance.
    const bytes = new TextEncoder().encode(text);
    assert.deepEqual(meta, {
      rows: 12,
      firstDate: "2009-01-03",
      lastDate: "2009-01-14",
      sha256: await sha256(csv),
      inputs: [{
        location: input,
        origin: input,
        bytes: bytes.length,
        sha256: await sha256(bytes),
        rowsUsed: 12,
        firstDate: "2009-01-03",
        lastDate: "2009-01-14",
      }],
      overlaps: [],
      skipped: [],
      apiUpdates: [],
    });
    assert.deepEqual(await readMeta(ws.outDir), meta);
    const sources = await Deno.readTextFile(`${ws.outDir}/SOURCES.md`);
    assert.match(sources, /^# Data sources\n/);
    assert.match(sources, /<!-- dataset:btc_daily -->\n## `btc_daily\.csv`/);
    assert.ok(sources.includes("- **Rows:** 12, 2009-01-03 .. 2009-01-14, one per UTC day"));
    assert.ok(sources.includes(`\`${meta.sha256}\``));
    assert.ok(sources.includes(`| \`${input}\` | ${input} | ${bytes.length} |`));
    assert.deepEqual(log, [
      `${input}: 12 days used, sha256 ${meta.inputs[0]!.sha256}`,
      `wrote ${ws.outDir}/btc_daily.csv: 12 days, 2009-01-03 .. 2009-01-14`,
    ]);
  });
});

Deno.test("buildBtcDaily: rebuilding is deterministic and keeps other SOURCES.md sections", async () => {
  await withWorkspace(async (ws) => {
    const other = "# Data sources\n\nIntro.\n\n<!-- dataset:asic -->\n## ASICs\nhand-kept\n" +
      "<!-- /dataset:asic -->\n";
    await Deno.writeTextFile(`${ws.outDir}/SOURCES.md`, other);
    await buildBase(ws);
    const first = await dirState(ws.outDir);
    await buildBase(ws);
    assert.deepEqual(await dirState(ws.outDir), first);
    const sources = await Deno.readTextFile(`${ws.outDir}/SOURCES.md`);
    assert.ok(sources.startsWith(other), "the other section and intro stay first, untouched");
    assert.equal(sources.match(/<!-- dataset:btc_daily -->/g)?.length, 1);
  });
});

Deno.test("buildBtcDaily starts the dataset on the first day with a price", async () => {
  await withWorkspace(async (ws) => {
    // Like the real export: a genesis day with no blocks counted, then unpriced days.
    const days = BASE.map((d, i) =>
      i === 0
        ? { ...d, BlkCnt: "0", IssTotNtv: "", HashRate: "", PriceUSD: "" }
        : i < 4
        ? { ...d, PriceUSD: "" }
        : d
    );
    const input = await ws.input("early.csv", exportCsv(days));
    const meta = await buildBtcDaily([{ location: input }], { outDir: ws.outDir, log: quiet });
    assert.equal(meta.firstDate, "2009-01-07");
    assert.equal(meta.rows, 8);
    assert.equal(meta.inputs[0]!.rowsUsed, 12); // all days were read and checked
    const daily = btcDailyFromCsv(await Deno.readTextFile(`${ws.outDir}/btc_daily.csv`));
    // Heights still count from genesis: days 1..4 had 144 + 145 + 143 + 144 blocks.
    assert.equal(daily.height_end[0], 144 + 145 + 143 + 144);
  });
});

Deno.test("buildBtcDaily: UTF-8 BOM and CRLF give the identical btc_daily.csv", async () => {
  await withWorkspace(async (ws) => {
    const plainOut = `${ws.dir}/plain`;
    const windowsOut = `${ws.dir}/windows`;
    await Deno.mkdir(plainOut);
    await Deno.mkdir(windowsOut);
    const plain = await ws.input("plain.csv", exportCsv(BASE));
    const windows = await ws.input("windows.csv", exportCsv(BASE, { eol: "\r\n", bom: true }));
    assert.ok((await Deno.readFile(windows))[0] === 0xef, "the fixture really has a BOM");
    await buildBtcDaily([{ location: plain }], { outDir: plainOut, log: quiet });
    const meta = await buildBtcDaily([{ location: windows }], { outDir: windowsOut, log: quiet });
    assert.deepEqual(
      await Deno.readFile(`${windowsOut}/btc_daily.csv`),
      await Deno.readFile(`${plainOut}/btc_daily.csv`),
    );
    assert.equal(meta.rows, 12);
  });
});

Deno.test("buildBtcDaily skips and logs the export's reference-rate-only last line", async () => {
  await withWorkspace(async (ws) => {
    const input = await ws.input("btc.csv", exportCsv(BASE, { referenceOnlyDay: "2009-01-15" }));
    const log: string[] = [];
    const meta = await buildBtcDaily([{ location: input }], {
      outDir: ws.outDir,
      log: (line) => log.push(line),
    });
    const message = `skipped ${input}:14 (2009-01-15): the newest day has no network metrics ` +
      "yet (Coin Metrics publishes reference rates before the day's network data)";
    assert.equal(log[0], message);
    assert.deepEqual(meta.skipped, [message]);
    assert.equal(meta.lastDate, "2009-01-14");
    assert.equal(meta.rows, 12);
    const sources = await Deno.readTextFile(`${ws.outDir}/SOURCES.md`);
    assert.ok(sources.includes(`### Skipped rows\n\n- ${message}\n`));
  });
});

Deno.test("buildBtcDaily extends a full export with a later one", async (t) => {
  await t.step("native extension: overlap agrees, new days continue the heights", async () => {
    await withWorkspace(async (ws) => {
      const base = await ws.input("base.csv", exportCsv(BASE));
      const ext = await ws.input("ext.csv", exportCsv(ALL_DAYS.slice(6, 18)));
      const log: string[] = [];
      const meta = await buildBtcDaily(
        [{ location: base }, { location: ext, origin: "API pull" }],
        {
          outDir: ws.outDir,
          log: (line) => log.push(line),
        },
      );
      assert.equal(meta.rows, 18);
      assert.equal(meta.lastDate, "2009-01-20");
      assert.deepEqual(meta.overlaps, [{
        input: ext,
        days: 6,
        from: "2009-01-09",
        to: "2009-01-14",
        maxRelativeDifference: 0,
      }]);
      assert.equal(meta.inputs[1]!.origin, "API pull");
      assert.equal(meta.inputs[1]!.rowsUsed, 6);
      assert.equal(meta.inputs[1]!.firstDate, "2009-01-15");
      assert.ok(log.includes(
        `${ext}: 6 overlapping days (2009-01-09 .. 2009-01-14) agree; largest relative ` +
          "difference 0.00e+0",
      ));
      // Same bytes as one export covering all 18 days.
      const whole = `${ws.dir}/whole`;
      await Deno.mkdir(whole);
      const all = await ws.input("all.csv", exportCsv(ALL_DAYS.slice(0, 18)));
      await buildBtcDaily([{ location: all }], { outDir: whole, log: quiet });
      assert.deepEqual(
        await Deno.readFile(`${ws.outDir}/btc_daily.csv`),
        await Deno.readFile(`${whole}/btc_daily.csv`),
      );
      const sources = await Deno.readTextFile(`${ws.outDir}/SOURCES.md`);
      assert.ok(sources.includes(`- \`${ext}\` agrees with the inputs before it on 6 days`));
    });
  });

  await t.step(
    "an extension without BlkCnt: blocks derived from IssTotUSD ÷ PriceUSD",
    async () => {
      await withWorkspace(async (ws) => {
        const base = await ws.input("base.csv", exportCsv(BASE));
        // The API-pull layout (GabrielMazzali copy): no BlkCnt or IssTotNtv, an asset column.
        const lines = ["time,asset,PriceUSD,HashRate,IssTotUSD,FeeTotNtv"];
        for (const d of ALL_DAYS.slice(8, 16)) {
          const issuedUsd = Number(d.IssTotNtv) * Number(d.PriceUSD);
          lines.push(`${d.time},btc,${d.PriceUSD},${d.HashRate},${issuedUsd},${d.FeeTotNtv}`);
        }
        const ext = await ws.input("usd.csv", lines.join("\n") + "\n");
        const meta = await buildBtcDaily([{ location: base }, { location: ext }], {
          outDir: ws.outDir,
          log: quiet,
        });
        assert.equal(meta.rows, 16);
        assert.equal(meta.overlaps[0]!.days, 4);
        const daily = btcDailyFromCsv(await Deno.readTextFile(`${ws.outDir}/btc_daily.csv`));
        assert.deepEqual(
          [...daily.blocks.slice(12)],
          ALL_DAYS.slice(12, 16).map((d) => Number(d.BlkCnt)),
        );
        assert.equal(
          daily.height_end[15],
          ALL_DAYS.slice(0, 16).reduce((s, d) => s + Number(d.BlkCnt), 0),
        );
      });
    },
  );
});

Deno.test("buildBtcDaily rejects bad inputs and leaves the dataset untouched", async (t) => {
  const cases: { name: string; text: () => string; message: (file: string) => string | RegExp }[] =
    [
      {
        name: "missing column",
        text: () => exportCsv(BASE).replace(/^([^,\n]*,[^,\n]*,[^,\n]*,)[^,\n]*,/gm, "$1"),
        message: (f) => `${f}:1: column "HashRate": missing from the header`,
      },
      {
        // The message names the expected column and the misspelt one that may be it.
        name: "renamed column (HashRate → Hashrate)",
        text: () => exportCsv(BASE).replace("HashRate", "Hashrate"),
        message: (f) =>
          `${f}:1: column "HashRate": missing from the header (is "Hashrate" it, renamed?)`,
      },
      {
        name: "extra cells in a row",
        text: () => exportCsv(BASE).replace(/^2009-01-08,.*$/m, "$&,1"),
        message: (f) => `${f}:7: expected 7 fields as in the header, found 8`,
      },
      {
        name: "non-numeric value",
        text: () => exportCsv(withDay(BASE, BAD, { PriceUSD: "1O5" })),
        message: (f) => `${f}:7: column "PriceUSD": expected a number, found "1O5"`,
      },
      {
        name: "negative value",
        text: () => exportCsv(withDay(BASE, BAD, { FeeTotNtv: "-0.25" })),
        message: (f) => `${f}:7: column "FeeTotNtv": expected a value of at least 0, found "-0.25"`,
      },
      {
        name: "non-finite value: Infinity",
        text: () => exportCsv(withDay(BASE, BAD, { HashRate: "Infinity" })),
        message: (f) => `${f}:7: column "HashRate": expected a finite number, found "Infinity"`,
      },
      {
        name: "non-finite value: 1e400",
        text: () => exportCsv(withDay(BASE, BAD, { HashRate: "1e400" })),
        message: (f) => `${f}:7: column "HashRate": expected a finite number, found "1e400"`,
      },
      {
        name: "non-finite value: NaN",
        text: () => exportCsv(withDay(BASE, BAD, { PriceUSD: "NaN" })),
        message: (f) => `${f}:7: column "PriceUSD": expected a finite number, found "NaN"`,
      },
      {
        name: "fractional block count",
        text: () => exportCsv(withDay(BASE, BAD, { BlkCnt: "144.5" })),
        message: (f) => `${f}:7: column "BlkCnt": expected a whole number, found "144.5"`,
      },
      {
        name: "unparseable date",
        text: () => exportCsv(withDay(BASE, BAD, { time: "2009-01-8" })),
        message: (f) => `${f}:7: column "time": expected a UTC day YYYY-MM-DD, found "2009-01-8"`,
      },
      {
        name: "a timestamp that is not midnight UTC",
        text: () => exportCsv(withDay(BASE, BAD, { time: "2009-01-08T12:00:00Z" })),
        message: (f) =>
          `${f}:7: column "time": expected a UTC day YYYY-MM-DD, found "2009-01-08T12:00:00Z"`,
      },
      {
        name: "duplicate date",
        text: () => exportCsv(withDay(BASE, BAD, { time: "2009-01-07" })),
        message: (f) => `${f}:7: column "time": 2009-01-07 repeats the previous date`,
      },
      {
        name: "out-of-order date (back in time)",
        text: () => exportCsv(withDay(BASE, BAD, { time: "2009-01-04" })),
        message: (f) =>
          `${f}:7: column "time": 2009-01-04 goes back in time (previous row is 2009-01-07)`,
      },
      {
        name: "out-of-order date (two rows swapped)",
        text: () => exportCsv([...BASE.slice(0, 5), BASE[6]!, BASE[5]!, ...BASE.slice(7)]),
        message: (f) =>
          `${f}:7: column "time": 2009-01-09 is out of order: expected 2009-01-08 after ` +
          "2009-01-07, which comes later (line 8)",
      },
      {
        name: "a gap",
        text: () => exportCsv([...BASE.slice(0, 5), ...BASE.slice(6)]),
        message: (f) =>
          `${f}:7: column "time": 2009-01-09 leaves a gap: expected 2009-01-08 after 2009-01-07`,
      },
      {
        name: "not starting at genesis",
        text: () => exportCsv(BASE.slice(1)),
        message: (f) =>
          `${f}:2: column "time": the data start on 2009-01-04, not at genesis (2009-01-03), so ` +
          "block heights are unknown: use it to extend a full export",
      },
      {
        name: "an empty file",
        text: () => "",
        message: (f) => `${f}: the file is empty`,
      },
      {
        name: "a header-only file",
        text: () => exportCsv([]),
        message: (f) => `${f}:1: the file has a header but no rows`,
      },
      {
        name: "a file cut mid-row",
        text: () => {
          // The last row keeps only "2009-01-14,145,0.7": three fields, the third cut short.
          const lines = exportCsv(BASE).split("\n").slice(0, -1);
          const last = lines.pop()!.split(",").slice(0, 3).join(",").slice(0, -1);
          return [...lines, last].join("\n");
        },
        message: (f) =>
          `${f}:13: column "FeeTotNtv": expected 7 fields as in the header, found 3, the last ` +
          '"0.7" (the file looks cut off mid-row)',
      },
      {
        name: "a file with no network metrics at all",
        text: () => exportCsv(BASE.map((d) => ({ ...d, HashRate: "" }))),
        message: (f) => `${f}: no row has the network metrics (BlkCnt, HashRate…)`,
      },
      {
        name: "hashrate in H/s instead of TH/s on all rows",
        // A modern-scale hashrate (600 EH/s), so × 1e12 goes past the 1e12 TH/s ceiling.
        text: () =>
          exportCsv(
            fixtureDays(12, { hashrateThs: 6e8 }).map((d) => ({
              ...d,
              HashRate: String(Number(d.HashRate) * 1e12),
            })),
          ),
        message: (f) =>
          `${f}:2: column "HashRate": 595833333333334700000 TH/s is above 1000000000000 TH/s ` +
          "(1,000,000 EH/s): is the hashrate in H/s rather than TH/s?",
      },
      {
        name: "hashrate in PH/s instead of TH/s (an era-realistic 2009 hashrate)",
        text: () =>
          exportCsv(
            fixtureDays(12, { hashrateThs: 2e-5 }).map((d) => ({
              ...d,
              HashRate: String(Number(d.HashRate) / 1000),
            })),
          ),
        message: (f) =>
          `${f}:2: column "HashRate": 1.9861111111111112e-8 TH/s with 143 blocks implies ` +
          "difficulty 0.00279, " +
          "below the protocol minimum of 1: is the hashrate in PH/s or EH/s rather than TH/s?",
      },
      {
        name: "a single day's hashrate 1000× off",
        text: () => exportCsv(withDay(BASE, BAD, { HashRate: "10" })),
        message: (f) =>
          `${f}:7: column "HashRate": 2009-01-08: 10 TH/s over 145 blocks imply a difficulty of ` +
          "1.38735e+6, but blocks 720..864 were mined at 1396.98 (the difficulty period of " +
          `2009-01-03, ${f}:2); difficulty changes only every 2016 blocks`,
      },
      {
        name: "a price 1000× off its neighbours",
        text: () => exportCsv(withDay(BASE, BAD, { PriceUSD: "105000" })),
        message: (f) =>
          `${f}:7: column "PriceUSD": 2009-01-08: 105000 is 1.03e+3× above the median of the ` +
          "days around it (102); days stay within 4× of it: check the unit or a typo",
      },
      {
        name: "a price 1000× too low",
        text: () => exportCsv(withDay(BASE, BAD, { PriceUSD: "0.105" })),
        message: (f) =>
          `${f}:7: column "PriceUSD": 2009-01-08: 0.105 is 971× below the median of the ` +
          "days around it (102); days stay within 4× of it: check the unit or a typo",
      },
      {
        name: "a price of 0",
        text: () => exportCsv(withDay(BASE, BAD, { PriceUSD: "0" })),
        message: (f) => `${f}:7: column "PriceUSD": expected a price above 0, found 0`,
      },
      {
        name: "a price missing after prices started",
        text: () => exportCsv(withDay(BASE, BAD, { PriceUSD: "" })),
        message: (f) => `${f}:7: column "PriceUSD": expected a number, found an empty cell`,
      },
      {
        name: "a hashrate of 0 on a day with blocks",
        text: () => exportCsv(withDay(BASE, BAD, { HashRate: "0" })),
        message: (f) =>
          `${f}:7: column "HashRate": expected a hashrate above 0 on a day with blocks`,
      },
      {
        name: "issuance that does not match the subsidy schedule",
        text: () => exportCsv(withDay(BASE, BAD, { IssTotNtv: "7200" })),
        message: (f) =>
          `${f}:7: column "IssTotNtv": 7200 BTC does not match the subsidy schedule: 145 ` +
          "blocks after height 719 pay 7250 BTC",
      },
      {
        name: "a block count that does not match the issuance",
        text: () => exportCsv(withDay(BASE, BAD, { BlkCnt: "146" })),
        message: (f) =>
          `${f}:7: column "IssTotNtv": 7250 BTC does not match the subsidy schedule: 146 ` +
          "blocks after height 719 pay 7300 BTC",
      },
    ];
  for (const c of cases) {
    await t.step(c.name, async () => {
      await withWorkspace(async (ws) => {
        await buildBase(ws);
        const bad = await ws.input("bad.csv", c.text());
        await assertRejectsUntouched(
          ws.outDir,
          () => buildBtcDaily([{ location: bad }], { outDir: ws.outDir, log: quiet }),
          c.message(bad),
        );
      });
    });
  }

  await t.step("the same fixture in TH/s builds (the unit is what fails above)", async () => {
    await withWorkspace(async (ws) => {
      for (const hashrateThs of [6e8, 2e-5]) {
        const ok = await ws.input("ok.csv", exportCsv(fixtureDays(12, { hashrateThs })));
        const meta = await buildBtcDaily([{ location: ok }], { outDir: ws.outDir, log: quiet });
        assert.equal(meta.rows, 12);
      }
    });
  });

  await t.step("a day with no blocks after the first priced day", async () => {
    await withWorkspace(async (ws) => {
      await buildBase(ws);
      const bad = await ws.input(
        "bad.csv",
        exportCsv(withDay(BASE, BAD, { BlkCnt: "0", IssTotNtv: "0" })),
      );
      // Named at the input's line, not at a line of the file that would have been built.
      await assertRejectsUntouched(
        ws.outDir,
        () => buildBtcDaily([{ location: bad }], { outDir: ws.outDir, log: quiet }),
        /bad\.csv:7: column "BlkCnt": 2009-01-08: 0 blocks; every day since the first priced one/,
      );
    });
  });

  await t.step("an extension whose overlap disagrees with the base", async () => {
    await withWorkspace(async (ws) => {
      const base = await buildBase(ws);
      const days = withDay(ALL_DAYS.slice(6, 18), 2, { PriceUSD: "108.5" }); // 2009-01-11
      const ext = await ws.input("ext.csv", exportCsv(days));
      await assertRejectsUntouched(
        ws.outDir,
        () =>
          buildBtcDaily([{ location: base }, { location: ext }], { outDir: ws.outDir, log: quiet }),
        `${ext}:4: column "PriceUSD": 2009-01-11: 108.5 disagrees with 108 in ${base}:10 ` +
          "(relative difference 4.61e-3, tolerance 0.000001)",
      );
    });
  });

  await t.step("an extension that leaves a gap", async () => {
    await withWorkspace(async (ws) => {
      const base = await buildBase(ws);
      const ext = await ws.input("ext.csv", exportCsv(ALL_DAYS.slice(13, 18)));
      await assertRejectsUntouched(
        ws.outDir,
        () =>
          buildBtcDaily([{ location: base }, { location: ext }], { outDir: ws.outDir, log: quiet }),
        `${ext}:2: column "time": the extension starts on 2009-01-16, which leaves a gap after ` +
          `2009-01-14 (${base})`,
      );
    });
  });

  await t.step("an extension whose new days break the issuance schedule", async () => {
    await withWorkspace(async (ws) => {
      const base = await buildBase(ws);
      const days = withDay(ALL_DAYS.slice(10, 16), 4, { IssTotNtv: "1" }); // 2009-01-17
      const ext = await ws.input("ext.csv", exportCsv(days));
      await assertRejectsUntouched(
        ws.outDir,
        () =>
          buildBtcDaily([{ location: base }, { location: ext }], { outDir: ws.outDir, log: quiet }),
        `${ext}:6: column "IssTotNtv": 1 BTC does not match the subsidy schedule: 145 blocks ` +
          "after height 2015 pay 7250 BTC",
      );
    });
  });

  await t.step("a missing input file", async () => {
    await withWorkspace(async (ws) => {
      await buildBase(ws);
      const missing = `${ws.dir}/in/nope.csv`;
      await assertRejectsUntouched(
        ws.outDir,
        () => buildBtcDaily([{ location: missing }], { outDir: ws.outDir, log: quiet }),
        `Cannot read ${missing}: no such file`,
      );
    });
  });

  await t.step("no input at all", async () => {
    await assert.rejects(
      () => buildBtcDaily([], { outDir: "/nonexistent", log: quiet }),
      (e) => e instanceof TypeError && e.message === "Cannot build btc_daily.csv: no input given",
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Inputs over HTTP and updates from the community API (local server on 127.0.0.1)
// ---------------------------------------------------------------------------------------------

Deno.test("buildBtcDaily reads an http:// URL input", async () => {
  await withWorkspace(async (ws) => {
    await withServer([], async (server) => {
      server.files = { "btc.csv": exportCsv(BASE) };
      const url = `${server.origin}/files/btc.csv`;
      const meta = await buildBtcDaily([{ location: url }], { outDir: ws.outDir, log: quiet });
      assert.equal(meta.inputs[0]!.location, url);
      assert.equal(meta.inputs[0]!.sha256, await sha256(exportCsv(BASE)));
      assert.equal(meta.rows, 12);
      // Byte-identical to a build from the same text as a file.
      const fileOut = `${ws.dir}/file`;
      await Deno.mkdir(fileOut);
      const file = await ws.input("btc.csv", exportCsv(BASE));
      await buildBtcDaily([{ location: file }], { outDir: fileOut, log: quiet });
      assert.deepEqual(
        await Deno.readFile(`${ws.outDir}/btc_daily.csv`),
        await Deno.readFile(`${fileOut}/btc_daily.csv`),
      );
      // A bad cell read over HTTP is named by its URL.
      server.files["bad.csv"] = exportCsv(withDay(BASE, BAD, { FeeTotNtv: "x" }));
      await assertRejectsUntouched(
        ws.outDir,
        () =>
          buildBtcDaily([{ location: `${server.origin}/files/bad.csv` }], {
            outDir: ws.outDir,
            log: quiet,
          }),
        `${server.origin}/files/bad.csv:7: column "FeeTotNtv": expected a number, found "x"`,
      );
      assert.equal(server.requests.filter((u) => u.pathname === "/files/btc.csv").length, 1);
    });
  });
});

Deno.test("buildBtcDaily: an HTTP error on a URL input leaves the dataset untouched", async () => {
  await withWorkspace(async (ws) => {
    await buildBase(ws);
    await withServer([], async (server) => {
      const url = `${server.origin}/files/missing.csv`;
      await assertRejectsUntouched(
        ws.outDir,
        () => buildBtcDaily([{ location: url }], { outDir: ws.outDir, log: quiet }),
        `Cannot read ${url}: HTTP 404`,
      );
    });
  });
});

/** The API rows for days `from` .. `to - 1` of the fixture, plus a newest day with a price only. */
function apiRows(from: number, to: number): ApiRow[] {
  const partial = ALL_DAYS[to]!;
  return [
    ...ALL_DAYS.slice(from, to).map(apiRow),
    { asset: "btc", time: `${partial.time}T00:00:00.000000000Z`, PriceUSD: partial.PriceUSD },
  ];
}

Deno.test("updateBtcDaily appends the new days from the community API", async () => {
  await withWorkspace(async (ws) => {
    const base = await buildBase(ws);
    const baseMeta = await readMeta(ws.outDir);
    // Days 12..20 (2009-01-15 .. 2009-01-23) complete, 2009-01-24 with a price only: 10 rows
    // at 4 a page is 3 pages.
    await withServer(apiRows(12, 21), async (server) => {
      const log: string[] = [];
      const meta = await updateBtcDaily({
        outDir: ws.outDir,
        apiBaseUrl: server.api,
        today: "2026-11-25",
        log: (line) => log.push(line),
      });
      assert.ok(meta);

      // The requests: start_time is the day after the dataset's last date, then two pages.
      const api = server.requests.filter((u) => u.pathname === "/v4/timeseries/asset-metrics");
      assert.equal(api.length, 3);
      const first = api[0]!.searchParams;
      assert.equal(first.get("start_time"), "2009-01-15");
      assert.equal(first.get("assets"), "btc");
      assert.equal(first.get("frequency"), "1d");
      assert.equal(first.get("paging_from"), "start");
      assert.deepEqual(
        first.get("metrics")?.split(",").sort(),
        ["BlkCnt", "FeeTotNtv", "HashRate", "IssTotNtv", "PriceUSD"],
      );
      assert.equal(first.get("next_page_token"), null);
      assert.deepEqual(api.slice(1).map((u) => atob(u.searchParams.get("next_page_token")!)), [
        "4",
        "8",
      ]);

      // The rows: the same bytes as a build from an export of all 21 days.
      const whole = `${ws.dir}/whole`;
      await Deno.mkdir(whole);
      const all = await ws.input("all.csv", exportCsv(ALL_DAYS.slice(0, 21)));
      await buildBtcDaily([{ location: all }], { outDir: whole, log: quiet });
      const csv = await Deno.readFile(`${ws.outDir}/btc_daily.csv`);
      assert.deepEqual(csv, await Deno.readFile(`${whole}/btc_daily.csv`));

      // The provenance.
      const update = {
        fetchedOn: "2026-11-25",
        url: `${server.api}/timeseries/asset-metrics`,
        firstDate: "2009-01-15",
        lastDate: "2009-01-23",
        days: 9,
      };
      assert.deepEqual(meta, {
        ...baseMeta,
        rows: 21,
        lastDate: "2009-01-23",
        sha256: await sha256(csv),
        skipped: [...baseMeta.skipped, log[1]!],
        apiUpdates: [update],
      });
      assert.deepEqual(await readMeta(ws.outDir), meta);
      assert.equal(meta.inputs[0]!.location, base);
      const sources = await Deno.readTextFile(`${ws.outDir}/SOURCES.md`);
      assert.ok(sources.includes("### Updates from the Coin Metrics community API\n"));
      assert.ok(sources.includes(
        `- 2026-11-25: appended 9 days (2009-01-15 .. 2009-01-23) from ${update.url}.`,
      ));
      assert.ok(sources.includes("- **Rows:** 21, 2009-01-03 .. 2009-01-23"));
      assert.deepEqual(log, [
        `fetching 2009-01-15 onwards from ${server.api}`,
        `skipped ${server.api}/timeseries/asset-metrics (page 3):2 (2009-01-24): the newest day ` +
        "has only PriceUSD (Coin Metrics publishes reference rates before the day's network data)",
        `appended 9 days (2009-01-15 .. 2009-01-23) to ${ws.outDir}/btc_daily.csv`,
      ]);

      // A second update with no new complete day returns undefined and changes nothing.
      const before = await dirState(ws.outDir);
      const log2: string[] = [];
      const again = await updateBtcDaily({
        outDir: ws.outDir,
        apiBaseUrl: server.api,
        today: "2026-11-26",
        log: (line) => log2.push(line),
      });
      assert.equal(again, undefined);
      assert.deepEqual(await dirState(ws.outDir), before);
      assert.equal(server.requests.at(-1)!.searchParams.get("start_time"), "2009-01-24");
      assert.equal(log2.at(-1), `${ws.outDir}/btc_daily.csv is up to date (last day 2009-01-23)`);

      // When the day completes (and one more arrives), a third update appends them.
      server.rows = apiRows(12, 23);
      const third = await updateBtcDaily({
        outDir: ws.outDir,
        apiBaseUrl: server.api,
        today: "2026-11-27",
        log: quiet,
      });
      assert.equal(third?.rows, 23);
      assert.deepEqual(third?.apiUpdates.map((u) => [u.fetchedOn, u.firstDate, u.days]), [
        ["2026-11-25", "2009-01-15", 9],
        ["2026-11-27", "2009-01-24", 2],
      ]);
      const daily = btcDailyFromCsv(await Deno.readTextFile(`${ws.outDir}/btc_daily.csv`));
      assert.equal(daily.date[22], "2009-01-25");
      assert.equal(
        daily.height_end[22],
        ALL_DAYS.slice(0, 23).reduce((s, d) => s + Number(d.BlkCnt), 0),
      );
    });
  });
});

Deno.test("updateBtcDaily: a bad API answer leaves the dataset untouched", async (t) => {
  const label = (api: string, page: number) => `${api}/timeseries/asset-metrics (page ${page})`;
  const cases: {
    name: string;
    rows: () => ApiRow[];
    failPage?: number;
    message: (api: string, outDir: string) => string;
  }[] = [
    {
      name: "a price 1000× off on page 2",
      rows: () => apiRows(12, 21).map((r, i) => (i === 5 ? { ...r, PriceUSD: "117000" } : r)),
      message: (api) =>
        `${label(api, 2)}:2: column "PriceUSD": 2009-01-20: 117000 is 1.04e+3× above the ` +
        "median of the days around it (113); days stay within 4× of it: check the unit or a typo",
    },
    {
      // The first new day is checked against the last week of the existing file.
      name: "the first new day's price 1000× off the existing file",
      rows: () => apiRows(12, 21).map((r, i) => (i === 0 ? { ...r, PriceUSD: "112000" } : r)),
      message: (api) =>
        `${label(api, 1)}:1: column "PriceUSD": 2009-01-15: 112000 is 1.04e+3× above the ` +
        "median of the days around it (108); days stay within 4× of it: check the unit or a typo",
    },
    {
      name: "HTTP 500 on page 2",
      rows: () => apiRows(12, 21),
      failPage: 2,
      message: (api) => `Cannot read ${label(api, 2)}: HTTP 500 internal error`,
    },
    {
      name: "issuance that breaks the schedule",
      rows: () => apiRows(12, 21).map((r, i) => (i === 6 ? { ...r, IssTotNtv: "7000" } : r)),
      message: (api) =>
        `${label(api, 2)}:3: column "IssTotNtv": 7000 BTC does not match the subsidy ` +
        "schedule: 143 blocks after height 2592 pay 7150 BTC",
    },
    {
      name: "a non-numeric value",
      rows: () => apiRows(12, 21).map((r, i) => (i === 1 ? { ...r, HashRate: "fast" } : r)),
      message: (api) => `${label(api, 1)}:2: column "HashRate": expected a number, found "fast"`,
    },
    {
      name: "an API that starts after the expected day",
      rows: () => apiRows(13, 21),
      message: (api, outDir) =>
        `Cannot update ${outDir}/btc_daily.csv: ${label(api, 1)} starts on 2009-01-16, ` +
        "expected 2009-01-15",
    },
    {
      name: "a gap inside the API data",
      rows: () => apiRows(12, 21).filter((_r, i) => i !== 3),
      message: (api) =>
        `${label(api, 1)}:4: column "time": 2009-01-19 leaves a gap: expected 2009-01-18 after ` +
        "2009-01-17",
    },
    {
      name: "a timestamp that is not a UTC day",
      rows: () =>
        apiRows(12, 21).map((r, i) => (i === 2 ? { ...r, time: "2009-01-17T06:00:00Z" } : r)),
      message: (api) =>
        `${label(api, 1)}:3: column "time": expected a UTC day YYYY-MM-DD, found ` +
        '"2009-01-17T06:00:00Z"',
    },
  ];
  for (const c of cases) {
    await t.step(c.name, async () => {
      await withWorkspace(async (ws) => {
        await buildBase(ws);
        await withServer(c.rows(), async (server) => {
          server.failPage = c.failPage;
          await assertRejectsUntouched(
            ws.outDir,
            () =>
              updateBtcDaily({
                outDir: ws.outDir,
                apiBaseUrl: server.api,
                today: "2026-11-25",
                log: quiet,
              }),
            c.message(server.api, ws.outDir),
          );
        });
      });
    });
  }
});

// ---------------------------------------------------------------------------------------------
// The pieces: coinmetrics.ts, network_days.ts, btc_daily_build.ts
// ---------------------------------------------------------------------------------------------

Deno.test("recordsFromExport reads either Coin Metrics layout", async (t) => {
  await t.step("native layout: extra columns ignored, blanks absent, lines kept", () => {
    const text = "time,AdrActCnt,BlkCnt,FeeTotNtv,HashRate,IssTotNtv,PriceUSD,ReferenceRateUSD\n" +
      "2009-01-03,0,0,0,,,,\n" +
      "2024-04-20T00:00:00.000000000Z,1,130,1206.5,5.6e8,406.25,64907.99,64907.99\n" +
      "2024-04-21,,,,,,,64968.19\n";
    const records = recordsFromExport(text, "btc.csv");
    assert.deepEqual(records, [
      {
        file: "btc.csv",
        line: 2,
        date: "2009-01-03",
        cells: { FeeTotNtv: "0", BlkCnt: "0" },
        layout: "native",
      },
      {
        file: "btc.csv",
        line: 3,
        date: "2024-04-20",
        cells: {
          HashRate: "5.6e8",
          FeeTotNtv: "1206.5",
          PriceUSD: "64907.99",
          BlkCnt: "130",
          IssTotNtv: "406.25",
        },
        layout: "native",
      },
      { file: "btc.csv", line: 4, date: "2024-04-21", cells: {}, layout: "native" },
    ]);
  });
  await t.step("USD layout (no BlkCnt or IssTotNtv): IssTotUSD instead", () => {
    const text = '"time","asset","PriceUSD","HashRate","IssTotUSD","FeeTotNtv"\r\n' +
      "2026-03-23,btc,70726.21,1.06e9,35363105.5,2.49\r\n";
    const [record] = recordsFromExport(text, "usd.csv");
    assert.equal(record!.layout, "usd");
    assert.deepEqual(record!.cells, {
      HashRate: "1.06e9",
      FeeTotNtv: "2.49",
      PriceUSD: "70726.21",
      IssTotUSD: "35363105.5",
    });
  });
  await t.step("neither layout: asks for the native columns", () => {
    assert.throws(
      () => recordsFromExport("time,HashRate,FeeTotNtv,PriceUSD\n2024-01-01,1,1,1\n", "x.csv"),
      (e) =>
        e instanceof CsvError &&
        e.message === 'x.csv:1: column "BlkCnt": missing from the header; a Coin Metrics ' +
            'export needs "BlkCnt" and "IssTotNtv", or "IssTotUSD"',
    );
  });
  await t.step("a time that is not a UTC day", () => {
    for (
      const time of ["2024-04-20 00:00:00", "2024-04-20T00:00:01Z", "20/04/2024", "2024-04-31"]
    ) {
      assert.throws(
        () =>
          recordsFromExport(
            `time,BlkCnt,IssTotNtv,HashRate,FeeTotNtv,PriceUSD\n${time},1,1,1,1,1\n`,
            "t.csv",
          ),
        (e) =>
          e instanceof CsvError &&
          e.message === `t.csv:2: column "time": expected a UTC day YYYY-MM-DD, found "${time}"`,
        time,
      );
    }
  });
});

Deno.test("recordsFromApiPage checks the page shape", async (t) => {
  await t.step("values as strings or numbers; null, blank and unknown fields dropped", () => {
    const records = recordsFromApiPage({
      data: [{
        asset: "btc",
        time: "2026-06-02T00:00:00.000000000Z",
        BlkCnt: 150,
        HashRate: "9.5e8",
        PriceUSD: null,
        FeeTotNtv: "",
        SplyCur: "20000000",
      }],
      next_page_url: "x",
    }, "api (page 1)");
    assert.deepEqual(records, [{
      file: "api (page 1)",
      line: 1,
      date: "2026-06-02",
      cells: { BlkCnt: "150", HashRate: "9.5e8" },
    }]);
  });
  const bad: [string, unknown, string][] = [
    ["not an object", "oops", 'api: expected a JSON object with a "data" array'],
    ["no data", { rows: [] }, 'api: expected a JSON object with a "data" array'],
    ["null", null, 'api: expected a JSON object with a "data" array'],
    [
      "a row that is not an object",
      { data: [{ time: "2026-06-02" }, 5] },
      "api:2: expected an object per row",
    ],
    [
      "a row without time",
      { data: [{ BlkCnt: "1" }] },
      'api:1: column "time": expected a timestamp, found undefined',
    ],
    [
      "a metric that is an object",
      { data: [{ time: "2026-06-02", PriceUSD: { v: 1 } }] },
      'api:1: column "PriceUSD": expected a number, found {"v":1}',
    ],
  ];
  for (const [name, page, message] of bad) {
    await t.step(name, () => {
      assert.throws(
        () => recordsFromApiPage(page, "api"),
        (e) => e instanceof CsvError && e.message === message,
      );
    });
  }
});

Deno.test("fetchApiRecords follows next_page_url and reports failures", async (t) => {
  await t.step("pages from a local server, in order", async () => {
    await withServer(apiRows(12, 21), async (server) => {
      const records = await fetchApiRecords({ baseUrl: `${server.api}/`, startDate: "2009-01-17" });
      assert.deepEqual(records.map((r) => r.date), [
        "2009-01-17",
        "2009-01-18",
        "2009-01-19",
        "2009-01-20",
        "2009-01-21",
        "2009-01-22",
        "2009-01-23",
        "2009-01-24",
      ]);
      // Line numbers restart on each page; the file names the page.
      assert.deepEqual(records.map((r) => [r.file.slice(-8), r.line]).slice(3, 5), [
        ["(page 1)", 4],
        ["(page 2)", 1],
      ]);
      assert.equal(records[0]!.cells.IssTotNtv, ALL_DAYS[14]!.IssTotNtv);
      // The trailing slash of the base URL is dropped.
      assert.equal(server.requests[0]!.pathname, "/v4/timeseries/asset-metrics");
    });
  });
  await t.step("a body that is not JSON", async () => {
    const doFetch = () => Promise.resolve(new Response("<html>down</html>"));
    await assert.rejects(
      () =>
        fetchApiRecords({ baseUrl: "http://api.test/v4", startDate: "2026-06-02", fetch: doFetch }),
      (e) =>
        e instanceof CsvError &&
        e.message ===
          'http://api.test/v4/timeseries/asset-metrics (page 1): expected a JSON object with a "data" array',
    );
  });
  await t.step("an endless chain of pages stops after 1000", async () => {
    let calls = 0;
    const doFetch = () => {
      calls++;
      return Promise.resolve(Response.json({ data: [], next_page_url: "http://api.test/next" }));
    };
    await assert.rejects(
      () =>
        fetchApiRecords({ baseUrl: "http://api.test/v4", startDate: "2026-06-02", fetch: doFetch }),
      (e) =>
        e instanceof Error &&
        e.message === "Cannot read http://api.test/v4: more than 1000 pages, stopping",
    );
    assert.equal(calls, 1000);
  });
});

/** The fixture day's metric cells (everything but `time`). */
function cellsOf(d: FixtureDay): MetricRecord["cells"] {
  const { time: _, ...cells } = d;
  return cells;
}

/** A record for `networkDaysFromRecords`, native unless it has `IssTotUSD`. */
function record(line: number, date: string, cells: MetricRecord["cells"]): MetricRecord {
  return { file: "r.csv", line, date, cells, layout: "IssTotUSD" in cells ? "usd" : "native" };
}

Deno.test("networkDaysFromRecords", async (t) => {
  const cells = {
    BlkCnt: "7",
    IssTotNtv: "31.25",
    FeeTotNtv: "1",
    HashRate: "6e8",
    PriceUSD: "64000",
  };
  await t.step("a day straddling the 2024 halving (3 × 6.25 + 4 × 3.125)", () => {
    const [day] = networkDaysFromRecords([record(2, "2024-04-19", cells)], {
      heightBefore: 839_996,
    });
    assert.equal(day!.heightEnd, 840_003);
    assert.equal(day!.subsidyBtc, 31.25);
  });
  await t.step("the same issuance one block later does not match", () => {
    assert.throws(
      () => networkDaysFromRecords([record(2, "2024-04-19", cells)], { heightBefore: 839_997 }),
      (e) =>
        e instanceof CsvError &&
        e.message === 'r.csv:2: column "IssTotNtv": 31.25 BTC does not match the subsidy ' +
            "schedule: 7 blocks after height 839997 pay 28.125 BTC",
    );
  });
  await t.step("blocks derived from IssTotUSD ÷ PriceUSD, across the halving", () => {
    const usd = {
      IssTotUSD: String(31.25 * 64000),
      PriceUSD: "64000",
      FeeTotNtv: "1",
      HashRate: "6e8",
    };
    const [day] = networkDaysFromRecords([record(2, "2024-04-19", usd)], { heightBefore: 839_996 });
    assert.equal(day!.blocks, 7);
    assert.equal(day!.subsidyBtc, 31.25);
    assert.equal(day!.heightEnd, 840_003);
  });
  await t.step("IssTotUSD that is not a whole number of blocks", () => {
    const usd = {
      IssTotUSD: String(20 * 64000),
      PriceUSD: "64000",
      FeeTotNtv: "1",
      HashRate: "6e8",
    };
    assert.throws(
      () => networkDaysFromRecords([record(5, "2024-04-21", usd)], { heightBefore: 840_100 }),
      (e) =>
        e instanceof CsvError &&
        e.message === 'r.csv:5: column "IssTotUSD": IssTotUSD ÷ PriceUSD = 20 BTC is not a ' +
            "whole number of blocks at 3.125 BTC after height 840100",
    );
  });
  await t.step("incomplete tail days are skipped and logged; allowEmpty", () => {
    const log: string[] = [];
    const partial = [record(9, "2026-06-02", { PriceUSD: "70000" })];
    assert.deepEqual(
      networkDaysFromRecords(partial, {
        heightBefore: 1,
        allowEmpty: true,
        log: (l) => log.push(l),
      }),
      [],
    );
    assert.deepEqual(log, [
      "skipped r.csv:9 (2026-06-02): the newest day has only PriceUSD (Coin Metrics publishes " +
      "reference rates before the day's network data)",
    ]);
    assert.throws(
      () => networkDaysFromRecords(partial, { heightBefore: 1 }),
      (e) =>
        e instanceof CsvError &&
        e.message === "r.csv: no row has the network metrics (BlkCnt, HashRate…)",
    );
  });
});

/** A network day for the build functions. */
function day(date: string, overrides: Partial<NetworkDay> = {}): NetworkDay {
  return {
    date,
    blocks: 144,
    heightEnd: 840_143,
    hashrateThs: 6e8,
    subsidyBtc: 450,
    feesBtc: 10,
    priceUsd: 64_000,
    file: "d.csv",
    line: 2,
    ...overrides,
  };
}

Deno.test("btc_daily_build pieces", async (t) => {
  await t.step("constants", () => {
    assert.equal(OVERLAP_TOLERANCE, 1e-6);
    assert.equal(NEIGHBOUR_FACTOR, 10);
    assert.equal(MAX_HASHRATE_THS, 1e12);
  });
  await t.step("toRow derives difficulty and hashprice", () => {
    const row = toRow(day("2024-04-20"));
    assert.equal(row.difficulty, (6e8 * 1e12 * 86_400) / (144 * 2 ** 32));
    assert.ok(Math.abs(row.difficulty / 8.38e13 - 1) < 1e-3);
    // (450 + 10) BTC over 600,000 PH/s.
    assert.ok(Math.abs(row.hashprice_btc_per_ph_day - 460 / 600_000) < 1e-18);
    assert.ok(Math.abs(row.hashprice_usd_per_ph_day - (460 * 64_000) / 600_000) < 1e-9);
  });
  await t.step("formatBtcDailyCsv round-trips through btcDailyFromCsv", () => {
    const rows = [toRow(day("2024-04-20")), toRow(day("2024-04-21", { priceUsd: 0.1 + 0.2 }))];
    const parsed = btcDailyFromCsv(formatBtcDailyCsv(rows));
    assert.equal(parsed.length, 2);
    assert.equal(parsed.price_usd[1], 0.1 + 0.2); // shortest round-trip form is exact
    assert.equal(parsed.difficulty[0], rows[0]!.difficulty);
    assert.equal(formatBtcDailyCsv([]).split("\n").length, 2);
  });
  await t.step("btcDailyRows needs a price", () => {
    assert.throws(
      () => btcDailyRows([day("2009-01-03", { priceUsd: NaN })]),
      (e) => e instanceof CsvError && e.message === 'd.csv: column "PriceUSD": no day has a price',
    );
  });
  await t.step("checkMagnitudes only checks from `from` on", () => {
    const days = [
      day("2024-04-19", { priceUsd: 64 }),
      ...["20", "21", "22"].map((d) => day(`2024-04-${d}`)),
    ];
    assert.throws(() => checkMagnitudes(days, 0), /2024-04-19: 64 is 1\.00e\+3× below/);
    // Index 0 is only a neighbour; the others sit within 10× of their median.
    assert.doesNotThrow(() => checkMagnitudes(days, 1));
  });
  await t.step("extendNetworkDays: empty extension, overlap from the first base day", () => {
    const base = networkDaysFromRecords(
      BASE.slice(0, 4).map((d, i) => record(i + 2, d.time, cellsOf(d))),
    );
    assert.deepEqual(extendNetworkDays(base, []), { days: base, overlap: undefined });
    // The extension starts on the base's first day: its heights start from genesis too.
    const ext = BASE.slice(0, 6).map((d, i) => ({
      ...record(i + 2, d.time, cellsOf(d)),
      file: "e.csv",
    }));
    const { days, overlap } = extendNetworkDays(base, ext);
    assert.deepEqual(overlap, {
      days: 4,
      from: "2009-01-03",
      to: "2009-01-06",
      maxRelativeDifference: 0,
    });
    assert.equal(days.length, 6);
    assert.equal(days[5]!.file, "e.csv");
    assert.equal(days[5]!.heightEnd, 143 + 144 + 145 + 143 + 144 + 145);
  });
  await t.step("extendNetworkDays: differences within the tolerance are accepted", () => {
    const base = networkDaysFromRecords(BASE.map((d, i) => record(i + 2, d.time, cellsOf(d))));
    const nudged = BASE.map((d, i) =>
      record(i + 2, d.time, { ...cellsOf(d), PriceUSD: String(Number(d.PriceUSD) * (1 + 5e-7)) })
    );
    const { overlap } = extendNetworkDays(base, nudged);
    assert.equal(overlap?.days, 12);
    assert.ok(overlap!.maxRelativeDifference > 4e-7 && overlap!.maxRelativeDifference < 6e-7);
    const off = BASE.map((d, i) =>
      record(i + 2, d.time, { ...cellsOf(d), PriceUSD: String(Number(d.PriceUSD) * (1 + 2e-6)) })
    );
    assert.throws(() => extendNetworkDays(base, off), /r\.csv:2: column "PriceUSD": 2009-01-03: /);
  });
});

// ---------------------------------------------------------------------------------------------
// The real rebuild and the command line
// ---------------------------------------------------------------------------------------------

const ROOT = new URL("../../", import.meta.url);
// DEFAULT_BTC_INPUTS are relative to the project root, where `deno task` runs.
const RAW_INPUTS = DEFAULT_BTC_INPUTS.map((input) => ({
  ...input,
  location: new URL(input.location, ROOT).pathname,
}));

const rawExists = RAW_INPUTS.every((i) => fileExists(i.location));

Deno.test({
  name: "rebuilding from the raw Coin Metrics files reproduces data/btc_daily.csv byte for byte",
  ignore: !rawExists,
  async fn() {
    await withWorkspace(async (ws) => {
      const log: string[] = [];
      const meta = await buildBtcDaily(RAW_INPUTS, { outDir: ws.outDir, log: (l) => log.push(l) });
      const committed = await Deno.readFile(new URL("data/btc_daily.csv", ROOT));
      assert.deepEqual(await Deno.readFile(`${ws.outDir}/btc_daily.csv`), committed);
      const committedMeta: BtcDailyMeta = JSON.parse(
        await Deno.readTextFile(new URL("data/btc_daily.meta.json", ROOT)),
      );
      assert.equal(meta.sha256, committedMeta.sha256);
      assert.equal(meta.rows, committedMeta.rows);
      assert.deepEqual(
        meta.inputs.map((i) => [i.bytes, i.sha256, i.rowsUsed, i.firstDate, i.lastDate]),
        committedMeta.inputs.map((i) => [i.bytes, i.sha256, i.rowsUsed, i.firstDate, i.lastDate]),
      );
      assert.deepEqual(
        meta.overlaps.map(({ input: _, ...o }) => o),
        committedMeta.overlaps.map(({ input: _, ...o }) => o),
      );
      assert.equal(meta.skipped.length, 1);
      assert.match(meta.skipped[0]!, /coinmetrics_btc\.csv:6290 \(2026-03-23\): the newest day/);
    });
  },
});

Deno.test("the data CLI exits 1 on a bad file and writes nothing", async () => {
  await withWorkspace(async (ws) => {
    await buildBase(ws);
    const before = await dirState(ws.outDir);
    const bad = await ws.input("bad.csv", exportCsv(withDay(BASE, BAD, { PriceUSD: "-105" })));
    const output = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "--allow-read",
        `--allow-write=${ws.dir}`,
        "lib/cli/data.ts",
        "--from",
        bad,
        "--out",
        ws.outDir,
      ],
      cwd: ROOT.pathname,
      env: { NO_COLOR: "1" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    const stderr = new TextDecoder().decode(output.stderr);
    assert.equal(output.code, 1, stderr);
    assert.equal(
      stderr,
      `data: ${bad}:7: column "PriceUSD": expected a value of at least 0, found "-105"\n` +
        "data: nothing was written\n",
    );
    assert.ok(stderr.endsWith("nothing was written\n"));
    assert.equal(new TextDecoder().decode(output.stdout), "");
    assert.deepEqual(await dirState(ws.outDir), before);
  });
});

Deno.test("the data CLI builds a good file like the library does", async () => {
  await withWorkspace(async (ws) => {
    const input = await ws.input("btc.csv", exportCsv(BASE));
    const output = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "--allow-read",
        `--allow-write=${ws.dir}`,
        "lib/cli/data.ts",
        "--from",
        input,
        "--out",
        ws.outDir,
      ],
      cwd: ROOT.pathname,
      env: { NO_COLOR: "1" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    const stdout = new TextDecoder().decode(output.stdout);
    assert.equal(output.code, 0, new TextDecoder().decode(output.stderr));
    assert.ok(
      stdout.endsWith(`wrote ${btcDailyFiles(ws.outDir).csv}: 12 days, 2009-01-03 .. 2009-01-14\n`),
    );
    const library = `${ws.dir}/library`;
    await Deno.mkdir(library);
    await buildBtcDaily([{ location: input }], { outDir: library, log: quiet });
    assert.deepEqual(await dirState(ws.outDir), await dirState(library));
  });
});
