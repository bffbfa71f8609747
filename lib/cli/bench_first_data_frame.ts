/**
 * The cost of a notebook's first DataFrame, in a fresh process each run, three ways:
 * - mullet: a tiny script whose first `toDataFrame` loads danfo (its base build, with mathjs
 *   served from its one-file build on first use: `lib/frames/_load_danfo.ts`);
 * - danfo's main entry: the same script doing what `toDataFrame` did before, `import("danfojs")`
 *   (which also loads SheetJS and 920 CommonJS modules of mathjs) and a DataFrame;
 * - pandas: `/usr/bin/python3 -c "import pandas"` (Debian's python3-pandas).
 *
 * Each side reports the import as timed inside the process and the whole process's wall time.
 * The three run interleaved, round by round in a rotating order, after one untimed round so all
 * read their files from the page cache; the table gives medians and min–max ranges, and the
 * 1-minute load average the Deno runs saw (the machine may be shared). A missing pandas is
 * reported.
 *
 * Run with `--child` (or `--child=main`) it is the tiny script itself: it times the first
 * DataFrame and prints milliseconds and the 1-minute load average.
 *
 * @module
 */
import { installFrameDisplay } from "../charts/frame_display.ts";
import { toDataFrame } from "../frames/to_data_frame.ts";
import { median, spread } from "./_bench_spread.ts";

const ROUNDS = 9;
const PYTHON = "/usr/bin/python3";
const SELF = new URL(import.meta.url).pathname;
const CONFIG = new URL("../../deno.json", import.meta.url).pathname;
const PANDAS = "import time; t0 = time.perf_counter(); import pandas; " +
  "print((time.perf_counter() - t0) * 1000)";
const DENO = [
  "run",
  "--no-prompt",
  "--config",
  CONFIG,
  "--allow-read",
  "--allow-sys=loadavg",
  SELF,
];

interface Run {
  /** The import as timed inside the process. */
  readonly importMs: number;
  /** The whole process, from spawn to exit. */
  readonly processMs: number;
  /** The 1-minute load average as the process ended, where it reports one. */
  readonly load?: number;
}

interface Side {
  readonly label: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly runs: Run[];
}

/**
 * Runs `command` once; its stdout is the in-process time in ms, then perhaps the load average.
 * Throws with its stderr.
 */
async function timed(command: string, args: readonly string[]): Promise<Run> {
  const t0 = performance.now();
  const out = await new Deno.Command(command, {
    args: [...args],
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const processMs = performance.now() - t0;
  const text = new TextDecoder();
  const [importMs, load] = text.decode(out.stdout).trim().split(" ").map(Number);
  if (!out.success || !Number.isFinite(importMs)) {
    const why = text.decode(out.stderr).trim().split("\n").at(-1) ?? `exit code ${out.code}`;
    throw new Error(`${command} ${args.join(" ")} failed: ${why}`);
  }
  return load === undefined
    ? { importMs: importMs!, processMs }
    : { importMs: importMs!, processMs, load };
}

async function main(): Promise<void> {
  const sides: Side[] = [
    {
      label: "mullet toDataFrame (danfo base build)",
      command: Deno.execPath(),
      args: [...DENO, "--child"],
      runs: [],
    },
    {
      label: 'danfo main entry (import("danfojs"))',
      command: Deno.execPath(),
      args: [...DENO, "--child=main"],
      runs: [],
    },
    { label: 'python3 -c "import pandas"', command: PYTHON, args: ["-c", PANDAS], runs: [] },
  ];
  try {
    await timed(PYTHON, ["-c", PANDAS]);
  } catch (error) {
    console.log(
      `pandas peer missing (${(error as Error).message}); install Debian's python3-pandas ` +
        "to compare",
    );
    sides.pop();
  }
  for (const side of sides) await timed(side.command, side.args);
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < sides.length; k++) {
      const side = sides[(round + k) % sides.length]!;
      side.runs.push(await timed(side.command, side.args));
    }
  }
  const loads = sides.flatMap((side) => side.runs.flatMap((r) => r.load ?? []));
  console.log(
    `First DataFrame in a fresh process: ${ROUNDS} interleaved rounds, median (min–max) ms; ` +
      `1-minute load average ${spread(loads, 1).trim()} on ${navigator.hardwareConcurrency} cores`,
  );
  console.log(`${"".padEnd(40)}${"import".padEnd(20)}process`);
  for (const side of sides) {
    const imports = spread(side.runs.map((r) => r.importMs));
    console.log(
      `${side.label.padEnd(40)}${imports.padEnd(20)}${spread(side.runs.map((r) => r.processMs))}`,
    );
  }
  const pandas = sides[2];
  if (pandas === undefined) return;
  for (const side of sides.slice(0, 2)) {
    const ratio = (pick: (r: Run) => number) =>
      (median(side.runs.map(pick)) / median(pandas.runs.map(pick))).toFixed(2);
    console.log(
      `${side.label} / pandas, medians: import ${ratio((r) => r.importMs)}, ` +
        `process ${ratio((r) => r.processMs)}`,
    );
  }
}

/** The child: the first DataFrame, by `toDataFrame` or by danfo's main entry. */
async function firstDataFrame(): Promise<{ shape: number[] }> {
  const columns = { price_usd: new Float64Array([64000, 63500]) };
  if (!Deno.args.includes("--child=main")) return await toDataFrame(columns);
  const danfo = await import("danfojs");
  installFrameDisplay(danfo);
  return new danfo.DataFrame({ price_usd: Array.from(columns.price_usd) });
}

if (Deno.args.some((arg) => arg.startsWith("--child"))) {
  const t0 = performance.now();
  const df = await firstDataFrame();
  const ms = performance.now() - t0;
  if (df.shape[0] !== 2) throw new Error(`Cannot time the first DataFrame: got shape ${df.shape}`);
  console.log(ms, Deno.loadavg()[0]);
} else {
  await main();
}
