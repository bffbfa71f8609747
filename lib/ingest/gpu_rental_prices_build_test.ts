/**
 * Building `data/gpu_rental_prices.csv`: small fixtures written here (so these tests run
 * anywhere) with one thing corrupted each, and the exact error that names the input file, line,
 * field, value and expectation; plus the real inputs reproducing the committed file byte for
 * byte from the committed inputs in data/inputs.
 */
import assert from "node:assert/strict";
import { buildGpuRentalPrices } from "./gpu_rental_prices_build.ts";
import { gpuRentalPricesFromCsv } from "../data/gpu_rental_prices.ts";
import { TRACKER_DIR, TRACKER_FILES, type TrackerFile } from "./gpu_tracker.ts";
import { BACKFILL_PATH } from "./gpu_backfill.ts";
import { PRICE_POINTS_PATH } from "./gpu_price_points.ts";
import { CsvError } from "../data/csv.ts";

const SHARED = new URL("../../data/inputs/", import.meta.url).pathname;
const hasInputs = await Deno.stat(`${SHARED}${BACKFILL_PATH}`).then(() => true, () => false);

const TIMES = [
  "2025-10-20T02:08:04.484281+00:00",
  "2025-10-20T04:31:59.805153+00:00",
  "2025-10-21T00:01:00+00:00",
];

function snapshot(tracker: TrackerFile, timestamp: string, median: number): string {
  return JSON.stringify({
    timestamp,
    gpu_type: tracker.gpuType,
    socket_type: tracker.socketType,
    price_stats: {
      min: 1,
      p10: 1.5,
      p25: median - 0.25,
      median,
      p75: median + 0.25,
      p90: 3.5,
      max: 4,
      mean: median,
    },
    availability: { total: 3, available: 1, low: 1, medium: 1, high: 0 },
    by_provider: {
      runpod: { count: 2, min: 1, avg: median },
      nebius: { count: 1, min: 4, avg: 4 },
    },
  });
}

const BACKFILL_UNIT =
  `"USD per GPU-hour of the index's standard good (on-demand list price, restated)"`;
const BACKFILL_ROWS = [
  "month,index,value_as_stated,usd_per_gpu_hour,providers_voting,status,unit,source_url," +
  "source_title,source_date,notes",
  `2024-01,GIX-H100,4.78 (4),4.78,4,published,${BACKFILL_UNIT},https://x,T,2026-09,n`,
  `2024-01,GIX-B200,-- (0),,0,withheld (<3 providers),${BACKFILL_UNIT},https://x,T,2026-09,n`,
];
const POINT_ROWS = [
  "gpu,price_type,figure_as_stated,value,unit,period_as_stated,provider_or_market,source_url," +
  "source_title,source_date,notes",
  'H100,"rental, peak",as high as $8 per hour,8,USD/GPU-hour,last year (i.e. 2023),' +
  "market (unspecified),https://chaincatcher.com/en/article/2148352,T,2024-10-22,",
  'Blackwell (B200),purchase,"between $30,000 and $40,000 per unit",30000-40000,USD per unit,' +
  "Oct 2024,NVIDIA (CNBC interview context),https://y,T,2024-10-03,",
];

/** A temp source folder with valid inputs; `edit` changes one file's text. */
async function fixture(
  edit: { file: string; change: (text: string) => string } | undefined = undefined,
): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "gpu_rental_prices_" });
  await Deno.mkdir(`${dir}/${TRACKER_DIR}`, { recursive: true });
  await Deno.mkdir(`${dir}/facts`);
  const files: Record<string, string> = {
    [BACKFILL_PATH]: BACKFILL_ROWS.join("\n") + "\n",
    [PRICE_POINTS_PATH]: POINT_ROWS.join("\n") + "\n",
  };
  for (const tracker of TRACKER_FILES) {
    files[`${TRACKER_DIR}/${tracker.file}`] = TIMES.map((t, i) =>
      snapshot(tracker, t, 2 + i / 10)
    ).join("\n") + "\n";
  }
  for (const [path, text] of Object.entries(files)) {
    await Deno.writeTextFile(`${dir}/${path}`, edit?.file === path ? edit.change(text) : text);
  }
  return dir;
}

const H100 = `${TRACKER_DIR}/H100_80GB_SXM5.jsonl`;

/** Replaces line `n` (1-based) of a text. */
function line(n: number, change: (line: string) => string) {
  return (text: string) => text.split("\n").map((l, i) => (i === n - 1 ? change(l) : l)).join("\n");
}

async function buildError(
  file: string,
  change: (text: string) => string,
): Promise<[string, string]> {
  const dir = await fixture({ file, change });
  try {
    await buildGpuRentalPrices({ sourceDir: dir, log: () => {} });
  } catch (error) {
    assert.ok(error instanceof CsvError, String(error));
    return [dir, error.message];
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
  assert.fail("the build should have failed");
}

Deno.test("fixture inputs build: daily statistics, withheld month empty, ranges split", async () => {
  const dir = await fixture();
  try {
    const built = await buildGpuRentalPrices({ sourceDir: dir, log: () => {} });
    const market = gpuRentalPricesFromCsv(built.csv, { kind: "marketplace" });
    const day = market.rows.filter((r) => r.gpu === "H200" && r.date === "2025-10-20");
    assert.deepEqual(day.map((r) => [r.statistic, r.provider, r.value, r.observations]), [
      ["min", "", 1, 2],
      ["p25", "", 1.8, 2], // median of 1.75 and 1.85
      ["median", "", 2.05, 2],
      ["p75", "", 2.3, 2],
      ["max", "", 4, 2],
      ["provider-median", "nebius", 4, 2],
      ["provider-median", "runpod", 2.05, 2],
    ]);
    const list = gpuRentalPricesFromCsv(built.csv, { kind: "on-demand list" });
    assert.deepEqual(list.rows.map((r) => [r.gpu, r.value, r.status]), [
      ["H100 SXM", 4.78, "published"],
      ["B200", NaN, "withheld (<3 providers)"],
    ]);
    assert.match(built.csv, /,,USD per GPU-hour,,0,withheld \(<3 providers\),-- \(0\),/);
    const purchase = gpuRentalPricesFromCsv(built.csv, { kind: "purchase" });
    assert.deepEqual(purchase.rows.map((r) => [r.statistic, r.value, r.date, r.date_precision]), [
      ["range-low", 30000, "2024-10-01", "month"],
      ["range-high", 40000, "2024-10-01", "month"],
    ]);
    assert.equal(built.rows, 5 * 2 * 7 + 2 + 1 + 2);
    assert.match(
      built.sources,
      /\| `raw\/primeintellect-gpu-tracker-tugot17\/B200_180GB\.jsonl` \|/,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("bad tracker lines name file, line, field, value and expectation", async (t) => {
  await t.step("a line that is not JSON", async () => {
    const [dir, message] = await buildError(H100, line(2, () => '{"timestamp": oops}'));
    assert.ok(
      message.startsWith(
        `${dir}/${H100}:2: expected one JSON object per line, found "{\\"timestamp\\": oops}" (`,
      ),
      message,
    );
  });
  await t.step("a negative price", async () => {
    const [dir, message] = await buildError(
      H100,
      line(2, (l) => l.replace('"p25":1.85', '"p25":-0.5')),
    );
    assert.equal(
      message,
      `${dir}/${H100}:2: column "price_stats.p25": expected a finite number ≥ 0 ` +
        "(USD per GPU-hour), found -0.5",
    );
  });
  await t.step("a timestamp out of order", async () => {
    const [dir, message] = await buildError(
      H100,
      line(3, (l) => l.replace(TIMES[2]!, "2025-10-20T01:00:00Z")),
    );
    assert.equal(
      message,
      `${dir}/${H100}:3: column "timestamp": "2025-10-20T01:00:00Z" is earlier than line 2 ` +
        `("${TIMES[1]}"); expected snapshots in strictly increasing time order`,
    );
  });
});

Deno.test("bad back-series rows name file, line, column, value and expectation", async (t) => {
  await t.step("a non-numeric value", async () => {
    const [dir, message] = await buildError(
      BACKFILL_PATH,
      line(2, (l) => l.replace(",4.78,", ",4.78x,")),
    );
    assert.equal(
      message,
      `${dir}/${BACKFILL_PATH}:2: column "usd_per_gpu_hour": expected a number, found "4.78x"`,
    );
  });
  await t.step("a withheld month filled with a value", async () => {
    const [dir, message] = await buildError(
      BACKFILL_PATH,
      line(3, (l) => l.replace(",,0,", ",0,0,")),
    );
    assert.equal(
      message,
      `${dir}/${BACKFILL_PATH}:3: column "usd_per_gpu_hour": expected an empty cell for a ` +
        "withheld month (never filled), found 0",
    );
  });
  await t.step("an unknown index", async () => {
    const [dir, message] = await buildError(
      BACKFILL_PATH,
      line(2, (l) => l.replace(",GIX-H100,", ",GIX-H800,")),
    );
    assert.equal(
      message,
      `${dir}/${BACKFILL_PATH}:2: column "index": expected one of "GIX-H100", "GIX-H200", ` +
        '"GIX-B200", "GIX-A100", found "GIX-H800"',
    );
  });
  await t.step("an unknown status", async () => {
    const [dir, message] = await buildError(
      BACKFILL_PATH,
      line(2, (l) => l.replace(",published,", ",provisional,")),
    );
    assert.equal(
      message,
      `${dir}/${BACKFILL_PATH}:2: column "status": expected one of "published", ` +
        '"withheld (<3 providers)", found "provisional"',
    );
  });
  await t.step("a value that disagrees with value_as_stated", async () => {
    const [dir, message] = await buildError(
      BACKFILL_PATH,
      line(2, (l) => l.replace(",4.78,", ",4.87,")),
    );
    assert.equal(
      message,
      `${dir}/${BACKFILL_PATH}:2: column "value_as_stated": expected "4.87 (4)" to agree with ` +
        'usd_per_gpu_hour and providers_voting, found "4.78 (4)"',
    );
  });
});

Deno.test("bad price points name file, line, column, value and expectation", async (t) => {
  await t.step("an unknown unit", async () => {
    const [dir, message] = await buildError(
      PRICE_POINTS_PATH,
      line(2, (l) => l.replace("USD/GPU-hour", "EUR/GPU-hour")),
    );
    assert.equal(
      message,
      `${dir}/${PRICE_POINTS_PATH}:2: column "unit": expected one of "USD/GPU-hour", ` +
        '"USD/GPU-hour (upper bound)", "USD per GPU", "USD per unit", "percent YTD", ' +
        '"percent (up to)", found "EUR/GPU-hour"',
    );
  });
  await t.step("a unit that does not fit the price type", async () => {
    const [dir, message] = await buildError(
      PRICE_POINTS_PATH,
      line(3, (l) => l.replace("USD per unit", "USD/GPU-hour")),
    );
    assert.equal(
      message,
      `${dir}/${PRICE_POINTS_PATH}:3: column "unit": expected a unit in USD per GPU for ` +
        'price_type "purchase" (kind "purchase"), found "USD/GPU-hour"',
    );
  });
  await t.step("a value that is not a number, range or move", async () => {
    const [dir, message] = await buildError(
      PRICE_POINTS_PATH,
      line(2, (l) => l.replace(",8,", ",~8,")),
    );
    assert.equal(
      message,
      `${dir}/${PRICE_POINTS_PATH}:2: column "value": expected a number, a range "a-b" or a ` +
        'move "a -> b", found "~8"',
    );
  });
});

Deno.test({
  name: "the real inputs reproduce data/gpu_rental_prices.csv byte for byte",
  ignore: !hasInputs,
  fn: async () => {
    const built = await buildGpuRentalPrices({
      sourceDir: SHARED.replace(/\/$/, ""),
      log: () => {},
    });
    const committed = await Deno.readTextFile(
      new URL("../../data/gpu_rental_prices.csv", import.meta.url),
    );
    assert.equal(built.csv, committed);
    assert.equal(built.rows, 1553);
    assert.match(
      built.sources,
      /"list prices, not transactions; not the index"; "It is a demonstration\."/,
    );
    assert.match(built.sources, /"Copyright \(c\) 2025 Piotr Mazurek"/);
    assert.match(
      built.sources,
      /`raw\/primeintellect-gpu-tracker-tugot17\/H100_80GB_SXM5\.jsonl` .* \| 2865872 \| `686de28f3765a31a520a20f10dc9a2aa8b0c22d8c1cff04a4241963a5aa2e149` \|/,
    );
  },
});
