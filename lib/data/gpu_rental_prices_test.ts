/**
 * Facts the committed `data/gpu_rental_prices.csv` must reproduce: daily tracker statistics
 * recomputed here independently from the raw JSONL (from the committed inputs in data/inputs), the
 * back-series rows as transcribed (withheld months empty, never zero), the cited H100 2023
 * peak as its own kind, and the loader's rule that a selection never mixes units.
 */
import assert from "node:assert/strict";
import {
  GPU_RENTAL_PRICES_SCHEMA,
  gpuRentalPricesFromCsv,
  loadGpuRentalPrices,
} from "./gpu_rental_prices.ts";
import { GPU_NAMES, GPU_PRICE_KINDS, KIND_UNITS } from "./gpu_price_kinds.ts";
import { CsvError } from "./csv.ts";

const SHARED = new URL("../../data/inputs/", import.meta.url).pathname;
const TRACKER = `${SHARED}raw/primeintellect-gpu-tracker-tugot17/`;
const hasRaw = await Deno.stat(`${TRACKER}H100_80GB_SXM5.jsonl`).then(() => true, () => false);
const hasFacts = await Deno.stat(`${SHARED}facts/gpu_rental_index_backfill_monthly.csv`).then(
  () => true,
  () => false,
);

const marketplace = await loadGpuRentalPrices({ kind: "marketplace" });
const backfill = await loadGpuRentalPrices({ kind: "on-demand list" });

/** The raw snapshots of a tracker file, read with nothing but JSON.parse. */
async function rawSnapshots(file: string): Promise<
  { day: string; price_stats: Record<string, number> }[]
> {
  const text = await Deno.readTextFile(`${TRACKER}${file}`);
  return text.trim().split("\n").map((line) => {
    const o = JSON.parse(line);
    return { day: o.timestamp.slice(0, 10), price_stats: o.price_stats };
  });
}

function marketValue(gpu: string, date: string, statistic: string, provider = ""): number {
  const row = marketplace.rows.find((r) =>
    r.gpu === gpu && r.date === date && r.statistic === statistic && r.provider === provider
  );
  assert.ok(row !== undefined, `no ${gpu} ${date} ${statistic} ${provider}`);
  return row.value;
}

Deno.test("snapshot: rows per kind", async () => {
  assert.equal(marketplace.length, 1347);
  assert.equal(backfill.length, 180); // 45 months × 4 indices, withheld months included
  let total = 0;
  for (const kind of GPU_PRICE_KINDS) total += (await loadGpuRentalPrices({ kind })).length;
  assert.equal(total, 1553);
  const points = await loadGpuRentalPrices({
    kinds: ["on-demand", "spot", "contract", "rental", "peak", "initial", "floor"],
  });
  // 18 rental rows in the facts file; the Vast.ai range and the contract move give 2 rows each.
  assert.equal(points.length, 20);
});

Deno.test("a kind selection never returns two units", async () => {
  for (const kind of GPU_PRICE_KINDS) {
    const selected = await loadGpuRentalPrices({ kind });
    assert.ok(selected.length > 0, kind);
    assert.deepEqual(new Set(selected.columns.unit), new Set([KIND_UNITS[kind]]), kind);
    assert.equal(selected.unit, KIND_UNITS[kind]);
    assert.ok(selected.rows.every((r) => r.kind === kind), kind);
  }
  const rentals = await loadGpuRentalPrices({ kinds: ["on-demand", "spot", "contract"] });
  assert.deepEqual(new Set(rentals.columns.unit), new Set(["USD per GPU-hour"]));
  await assert.rejects(
    loadGpuRentalPrices({ kinds: ["on-demand", "purchase"] }),
    (e) =>
      e instanceof TypeError &&
      e.message === 'Cannot mix units in one selection: "on-demand" is in USD per GPU-hour, ' +
          '"purchase" is in USD per GPU; select kinds of one unit',
  );
  await assert.rejects(
    // @ts-expect-error: "all" is not a kind, on purpose
    loadGpuRentalPrices({ kind: "all" }),
    (e) =>
      e instanceof TypeError &&
      e.message === 'Cannot select GPU prices of kind "all"; valid kinds: "marketplace", ' +
          '"on-demand list", "on-demand", "spot", "contract", "rental", "peak", "initial", ' +
          '"floor", "purchase", "change"',
  );
  // @ts-expect-error: a kind is required
  await assert.rejects(loadGpuRentalPrices({}), /kind is required/);
});

Deno.test("tracker: min ≤ p25 ≤ median ≤ p75 ≤ max on every day, providers inside", () => {
  const days = new Map<string, Map<string, number>>();
  for (const r of marketplace.rows) {
    const key = `${r.gpu} ${r.date}`;
    const stats = days.get(key) ?? new Map<string, number>();
    stats.set(r.statistic === "provider-median" ? `provider ${r.provider}` : r.statistic, r.value);
    days.set(key, stats);
  }
  assert.equal(days.size, 5 * 29);
  for (const [key, s] of days) {
    const [min, p25, median, p75, max] = ["min", "p25", "median", "p75", "max"].map((n) =>
      s.get(n)!
    );
    assert.ok(min! <= p25! && p25! <= median! && median! <= p75! && p75! <= max!, key);
    for (const [name, value] of s) {
      if (name.startsWith("provider ")) assert.ok(min! <= value && value <= max!, `${key} ${name}`);
    }
  }
});

Deno.test("tracker: observations show the partial first and last days", () => {
  const obs = (date: string) =>
    marketplace.rows.find((r) => r.gpu === "H100 SXM" && r.date === date && r.statistic === "min")!
      .observations;
  assert.equal(obs("2025-10-19"), 6); // from 21:01 UTC, every 4 h at first
  assert.equal(obs("2025-10-28"), 43);
  assert.equal(obs("2025-11-16"), 9); // to 06:47 UTC
});

Deno.test({
  name: "tracker: H100 SXM daily medians 2025-10-25..31 lie within that day's raw snapshot medians",
  ignore: !hasRaw,
  fn: async () => {
    const snapshots = await rawSnapshots("H100_80GB_SXM5.jsonl");
    for (let d = 25; d <= 31; d++) {
      const date = `2025-10-${d}`;
      const medians = snapshots.filter((s) => s.day === date).map((s) => s.price_stats.median!);
      assert.ok(medians.length > 0, date);
      const value = marketValue("H100 SXM", date, "median");
      assert.ok(
        value >= Math.min(...medians) && value <= Math.max(...medians),
        `${date}: ${value} outside [${Math.min(...medians)}, ${Math.max(...medians)}]`,
      );
      // And exactly the documented formula: the median of the snapshot medians.
      const sorted = [...medians].sort((a, b) => a - b);
      const m = sorted.length >> 1;
      const expected = sorted.length % 2 ? sorted[m]! : (sorted[m - 1]! + sorted[m]!) / 2;
      assert.ok(Math.abs(value - expected) < 1e-9, `${date}: ${value} vs ${expected}`);
      const mins = snapshots.filter((s) => s.day === date).map((s) => s.price_stats.min!);
      assert.equal(marketValue("H100 SXM", date, "min"), Math.min(...mins));
    }
  },
});

Deno.test({
  name: "tracker: days per GPU match the raw files' distinct UTC days",
  ignore: !hasRaw,
  fn: async () => {
    const files = {
      "H100 SXM": "H100_80GB_SXM5.jsonl",
      "H100 PCIe": "H100_80GB_PCIe.jsonl",
      "H200": "H200_141GB.jsonl",
      "B200": "B200_180GB.jsonl",
      "A100 SXM": "A100_80GB_SXM4.jsonl",
    };
    for (const [gpu, file] of Object.entries(files)) {
      const snapshots = await rawSnapshots(file);
      const rawDays = [...new Set(snapshots.map((s) => s.day))];
      const rows = marketplace.rows.filter((r) => r.gpu === gpu && r.statistic === "median");
      assert.deepEqual(rows.map((r) => r.date), rawDays, gpu);
      const total = rows.reduce((sum, r) => sum + r.observations, 0);
      assert.equal(total, snapshots.length, `${gpu}: every snapshot counted once`);
    }
  },
});

Deno.test("back-series: withheld months are empty, not zero, and keep their status", () => {
  const withheld = backfill.rows.filter((r) => r.status === "withheld (<3 providers)");
  const published = backfill.rows.filter((r) => r.status === "published");
  assert.equal(withheld.length, 73);
  assert.equal(published.length, 107);
  assert.ok(withheld.every((r) => Number.isNaN(r.value) && r.providers_voting < 3));
  assert.ok(published.every((r) => r.value > 0 && r.providers_voting >= 3));
  const jan2023 = backfill.rows.find((r) => r.gpu === "A100 SXM" && r.date === "2023-01-01")!;
  assert.deepEqual([jan2023.value, jan2023.figure_as_stated, jan2023.providers_voting], [
    NaN,
    "-- (2)",
    2,
  ]);
  // The source's own label travels with every row.
  assert.ok(backfill.rows.every((r) => r.notes.includes("not transactions, not the live index")));
});

Deno.test("back-series: a published value equals its source row (2024-01 GIX-H100, 4.78 (4))", async (t) => {
  const row = backfill.rows.find((r) => r.gpu_as_stated === "GIX-H100" && r.date === "2024-01-01")!;
  assert.deepEqual([row.gpu, row.value, row.providers_voting, row.figure_as_stated], [
    "H100 SXM",
    4.78,
    4,
    "4.78 (4)",
  ]);
  await t.step({
    name: "against the facts file itself",
    ignore: !hasFacts,
    fn: async () => {
      const text = await Deno.readTextFile(`${SHARED}facts/gpu_rental_index_backfill_monthly.csv`);
      const line = text.split("\n").find((l) => l.startsWith("2024-01,GIX-H100,"))!;
      const [, , stated, value, voting] = line.split(",");
      assert.deepEqual([stated, Number(value), Number(voting)], [
        row.figure_as_stated,
        row.value,
        row.providers_voting,
      ]);
    },
  });
});

Deno.test("points: the cited H100 2023 peak of $8/GPU-hour is its own kind", async () => {
  const peak = await loadGpuRentalPrices({ kind: "peak" });
  assert.equal(peak.length, 1);
  const row = peak.rows[0]!;
  assert.deepEqual(
    [row.gpu, row.value, row.unit, row.date, row.date_precision, row.period_as_stated],
    ["H100", 8, "USD per GPU-hour", "2023-01-01", "year", "last year (i.e. 2023)"],
  );
  assert.equal(row.source_url, "https://chaincatcher.com/en/article/2148352");
  // It is not an on-demand price.
  const onDemand = await loadGpuRentalPrices({ kind: "on-demand" });
  assert.ok(!onDemand.rows.some((r) => r.value === 8));
});

Deno.test("points: ranges and moves become two rows; vague periods keep no date", async () => {
  const contract = await loadGpuRentalPrices({ kind: "contract" });
  assert.deepEqual(contract.rows.map((r) => [r.statistic, r.value, r.date]), [
    ["from", 1.7, ""],
    ["to", 2.65, ""],
    ["point", 2.35, "2026-03-01"],
  ]);
  const purchase = await loadGpuRentalPrices({ kind: "purchase" });
  assert.deepEqual(purchase.rows.map((r) => [r.gpu, r.statistic, r.value, r.unit]), [
    ["B200", "point", 50000, "USD per GPU"],
    ["B200", "range-low", 30000, "USD per GPU"],
    ["B200", "range-high", 40000, "USD per GPU"],
  ]);
  const change = await loadGpuRentalPrices({ kind: "change" });
  assert.deepEqual(change.rows.map((r) => [r.gpu, r.statistic, r.value, r.unit]), [
    ["H200", "point", -29, "percent"],
    ["H100", "point", -22, "percent"],
    ["H100", "up-to", -45, "percent"],
  ]);
});

const HEADER = GPU_RENTAL_PRICES_SCHEMA.map((c) => c.name).join(",");
const DAY = (statistic: string, value: number) =>
  `2025-10-28,day,day,,H200,H200_141GB,marketplace,,${statistic},,,${value},USD per GPU-hour,40,,,,s,u,t,,`;

Deno.test("the parser rejects rows that break the dataset's invariants", () => {
  const day = ["min", "p25", "median", "p75", "max"].map((s, i) => DAY(s, 2 + i / 10));
  const ok = [HEADER, ...day].join("\n") + "\n";
  assert.equal(gpuRentalPricesFromCsv(ok, { kind: "marketplace" }).length, 5);
  const cases: [string, string][] = [
    [
      ok.replace(",2.2,USD per GPU-hour", ",2.2,USD per GPU"),
      'g.csv:4: column "unit": expected "USD per GPU-hour" for kind "marketplace", found "USD per GPU"',
    ],
    [
      ok.replace(",2.2,", ",1.5,"),
      'g.csv:4: column "value": H200 2025-10-28: median 1.5 is below p25 2.1; expected min ≤ p25 ≤ median ≤ p75 ≤ max',
    ],
    [
      ok + DAY("max", 3) + "\n",
      'g.csv:7: column "statistic": ("marketplace", "H200", "2025-10-28", "max", "") repeats line 6; ' +
      "expected one row per kind, gpu, date, statistic and provider",
    ],
    [
      ok.replace(",2.2,USD per GPU-hour,40,", ",,USD per GPU-hour,40,"),
      'g.csv:4: column "value": expected a number, found an empty cell (only a withheld month may be blank)',
    ],
    [
      ok.replace(",marketplace,,median,", ",marketplace,,mean,"),
      'g.csv:4: column "statistic": expected one of "min", "p25", "median", "p75", "max", "provider-median" for period "day", found "mean"',
    ],
    // The vocabulary columns are checked by the schema, with the list of values.
    [
      ok.replace(",H200,H200_141GB,", ",H300,H200_141GB,"),
      `g.csv:2: column "gpu": expected one of ${
        GPU_NAMES.map((n) => JSON.stringify(n)).join(", ")
      }, found "H300"`,
    ],
    [
      ok.replace("2025-10-28,day,day,", "2025-10-28,day,week,"),
      'g.csv:2: column "date_precision": expected one of "day", "month", "year" or blank, found "week"',
    ],
    [
      ok.replace(",marketplace,,p75,", ",market,,p75,"),
      `g.csv:5: column "kind": expected one of ${
        GPU_PRICE_KINDS.map((n) => JSON.stringify(n)).join(", ")
      }, found "market"`,
    ],
  ];
  for (const [text, message] of cases) {
    assert.throws(
      () => gpuRentalPricesFromCsv(text, { kind: "marketplace", file: "g.csv" }),
      (e) => e instanceof CsvError && e.message === message,
      message,
    );
  }
});
