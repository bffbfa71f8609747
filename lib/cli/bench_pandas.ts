/**
 * Side-by-side: `loadBtcDaily` (read, parse and check `data/btc_daily.csv`) against
 * `pandas.read_csv` of the same file with the same checks (Debian's python3-pandas under
 * /usr/bin/python3), at 1×, 10× and 100× the file's rows. The larger files are written to a
 * temporary directory under /tmp: the file's rows repeated with dates running on day by day, so
 * they pass every check, and removed at the end.
 *
 * Each round runs, for each side, two fresh processes: one loads the file once under GNU
 * /usr/bin/time ("first load", the cost a notebook pays, JIT warm-up included for mullet, none
 * for pandas' C parser; "peak", the process's maximum resident memory, runtime and imports
 * included; "before", its resident memory just before the load), the other loads it a few more
 * times after that ("warm", their median). The table gives medians and min–max ranges over
 * rounds; ratios are taken round by round.
 *
 * The pandas side's checks, as mullet's schema states them: the header is exactly the ten
 * columns in order; every cell of the nine numeric columns is a finite float (`dtype=float64`
 * rejects text, then no NaN or ±inf); `blocks` and `height_end` are whole numbers; the lower
 * bounds (`blocks` ≥ 1, `difficulty` ≥ 1, every other number ≥ 0); each date is ten characters
 * that numpy reads as a real day (`datetime64[D]`, which rejects 2024-02-30), each one day after
 * the one before. Where pandas stays laxer: it reads numbers with spaces around them, skips
 * blank lines and fills a short row's cells with NaN (which the checks then catch), and its
 * errors name neither the line nor the cell; mullet's name both.
 *
 * @module
 */
import { loadBtcDaily } from "../data/btc_daily.ts";

const PYTHON = "/usr/bin/python3";
const SELF = new URL(import.meta.url).pathname;
const CONFIG = new URL("../../deno.json", import.meta.url).pathname;
const SOURCE = new URL("../../data/btc_daily.csv", import.meta.url).pathname;
const SCALES = [1, 10, 100] as const;
const ROUNDS: Record<number, number> = { 1: 9, 10: 7, 100: 5 };
const WARM: Record<number, number> = { 1: 20, 10: 8, 100: 3 };

/** What one fresh process reports: its loads' times and its resident memory before the first. */
interface Run {
  readonly firstMs: number;
  readonly warmMs: readonly number[];
  readonly beforeMib: number;
}

// The child: loads the file given once, then `warm` more times, and prints a `Run`.
if (Deno.args[0] === "--child") {
  const [path, warm] = [Deno.args[1]!, Number(Deno.args[2])];
  const beforeMib = Deno.memoryUsage().rss / 2 ** 20;
  let t0 = performance.now();
  let daily = await loadBtcDaily(path);
  const firstMs = performance.now() - t0;
  const warmMs = [];
  for (let i = 0; i < warm; i++) {
    t0 = performance.now();
    daily = await loadBtcDaily(path);
    warmMs.push(performance.now() - t0);
  }
  if (daily.length === 0) throw new Error("no rows");
  console.log(JSON.stringify({ firstMs, warmMs, beforeMib } satisfies Run));
  Deno.exit(0);
}

const PANDAS = `
import json, sys, time
import numpy, pandas
def resident_mib():
    status = dict(l.split(":", 1) for l in open("/proc/self/status"))
    return int(status["VmRSS"].split()[0]) / 1024
NAMES = ["date", "blocks", "height_end", "hashrate_ths", "difficulty", "subsidy_btc",
         "fees_btc", "price_usd", "hashprice_usd_per_ph_day", "hashprice_btc_per_ph_day"]
MINS = {"blocks": 1, "difficulty": 1}
def load(path):
    df = pandas.read_csv(path, dtype={n: (str if n == "date" else numpy.float64) for n in NAMES})
    assert list(df.columns) == NAMES, "header"
    for name in NAMES[1:]:
        column = df[name].to_numpy()
        assert numpy.isfinite(column).all(), f"{name}: a blank or non-finite number"
        assert (column >= MINS.get(name, 0)).all(), f"{name}: below its minimum"
        if name in ("blocks", "height_end"):
            assert (numpy.floor(column) == column).all(), f"{name}: a fraction"
    dates = df["date"]
    assert dates.notna().all() and (dates.str.len() == 10).all(), "date form"
    days = dates.to_numpy().astype("datetime64[D]")
    assert (numpy.diff(days) == numpy.timedelta64(1, "D")).all(), "consecutive dates"
    return df
path, warm = sys.argv[1], int(sys.argv[2])
before = resident_mib()
t0 = time.perf_counter(); df = load(path); first = (time.perf_counter() - t0) * 1000
warm_ms = []
for _ in range(warm):
    t0 = time.perf_counter(); df = load(path); warm_ms.append((time.perf_counter() - t0) * 1000)
print(json.dumps({"firstMs": first, "warmMs": warm_ms, "beforeMib": before}))
`;
import { median, spread } from "./_bench_spread.ts";

/** A side's measures in one round. */
interface Measured extends Run {
  readonly peakMib: number;
}

const TIME = "/usr/bin/time";
const text = new TextDecoder();

/** Runs one child process and reads its `Run`; throws with its stderr's last line. */
async function run(command: string, args: readonly string[]): Promise<Run & { stderr: string }> {
  const out = await new Deno.Command(command, {
    args: [...args],
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const stderr = text.decode(out.stderr);
  if (!out.success) {
    const why = stderr.trim().split("\n").at(-1) ?? `exit code ${out.code}`;
    throw new Error(`${command} failed: ${why}`);
  }
  return { ...JSON.parse(text.decode(out.stdout)), stderr };
}

/** One round of one side: a process that loads once under /usr/bin/time, one that loads warm. */
async function measure(args: readonly string[], warm: number): Promise<Measured> {
  const once = await run(TIME, ["-f", "peak-kib %M", ...args, "0"]);
  const kib = Number(once.stderr.match(/peak-kib (\d+)/)?.[1]);
  const { warmMs } = await run(args[0]!, [...args.slice(1), String(warm)]);
  return { firstMs: once.firstMs, warmMs, beforeMib: once.beforeMib, peakMib: kib / 1024 };
}

/** The source file's rows `scale` times over, the dates running on one day per row. */
function scaled(text: string, scale: number): string {
  const [header, ...rows] = text.trimEnd().split("\n");
  let day = Date.parse(`${rows[0]!.slice(0, 10)}T00:00:00Z`);
  const out = [header];
  for (let s = 0; s < scale; s++) {
    for (const row of rows) {
      out.push(new Date(day).toISOString().slice(0, 10) + row.slice(10));
      day += 86_400_000;
    }
  }
  return out.join("\n") + "\n";
}

const dir = await Deno.makeTempDir({ dir: "/tmp", prefix: "mullet-bench-csv-" });
try {
  const source = Deno.readTextFileSync(SOURCE);
  const load = Deno.loadavg().map((x) => x.toFixed(2)).join(" ");
  console.log(`loadBtcDaily vs pandas.read_csv with the same checks (load average ${load})`);
  console.log("ms and MiB: median (min–max) over rounds, each side in fresh processes");
  for (const scale of SCALES) {
    const path = scale === 1 ? SOURCE : `${dir}/btc_daily_${scale}x.csv`;
    if (scale !== 1) Deno.writeTextFileSync(path, scaled(source, scale));
    const ours: Measured[] = [];
    const theirs: Measured[] = [];
    let pandas: string | undefined;
    for (let r = 0; r < ROUNDS[scale]!; r++) {
      const deno = [Deno.execPath(), "run", "--config", CONFIG, "--allow-read", SELF, "--child"];
      ours.push(await measure([...deno, path], WARM[scale]!));
      if (pandas !== undefined) continue;
      try {
        theirs.push(await measure([PYTHON, "-c", PANDAS, path], WARM[scale]!));
      } catch (error) {
        pandas = (error as Error).message;
      }
    }
    const rows = (source.split("\n").length - 2) * scale;
    const mib = (Deno.statSync(path).size / 2 ** 20).toFixed(1);
    console.log(`\n${scale}×: ${rows.toLocaleString("en-US")} rows, ${mib} MiB`);
    const row = (name: string, runs: Measured[]) =>
      console.log(
        `  ${name.padEnd(7)} first load ${spread(runs.map((r) => r.firstMs))} ms, ` +
          `warm ${spread(runs.map((r) => median(r.warmMs)))} ms, ` +
          `peak ${spread(runs.map((r) => r.peakMib))} MiB ` +
          `(before ${spread(runs.map((r) => r.beforeMib))})`,
      );
    row("mullet", ours);
    if (pandas !== undefined) {
      console.log(`  pandas unavailable (${pandas}); install Debian's python3-pandas to compare`);
      continue;
    }
    row("pandas", theirs);
    const ratios = (f: (run: Measured) => number) =>
      spread(ours.map((run, i) => f(run) / f(theirs[i]!)), 2);
    console.log(
      `  mullet ÷ pandas: first load ${ratios((r) => r.firstMs)}, ` +
        `warm ${ratios((r) => median(r.warmMs))}, peak memory ${ratios((r) => r.peakMib)}`,
    );
  }
} finally {
  await Deno.remove(dir, { recursive: true });
}
