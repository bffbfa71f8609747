/**
 * The cost of a notebook's first DataFrame, in a fresh process each run: `deno run` of a tiny
 * script whose first `toDataFrame` imports danfo (and with it TensorFlow.js), beside
 * `/usr/bin/python3 -c "import pandas"` (Debian's python3-pandas). Each side reports the import
 * as timed inside the process and the whole process's wall time; medians of several runs, after
 * one untimed run so both read their files from the page cache. A missing peer is reported.
 *
 * Run with `--child` it is the tiny script itself: it times the first `toDataFrame` and prints
 * milliseconds.
 *
 * @module
 */
import { toDataFrame } from "../frames/to_data_frame.ts";

const RUNS = 7;
const PYTHON = "/usr/bin/python3";
const SELF = new URL(import.meta.url).pathname;
const CONFIG = new URL("../../deno.json", import.meta.url).pathname;
const PANDAS = "import time; t0 = time.perf_counter(); import pandas; " +
  "print((time.perf_counter() - t0) * 1000)";

interface Run {
  /** The import as timed inside the process. */
  readonly importMs: number;
  /** The whole process, from spawn to exit. */
  readonly processMs: number;
}

/** Runs `command` once; its stdout is the in-process time in ms. Throws with its stderr. */
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
  const importMs = Number(text.decode(out.stdout).trim());
  if (!out.success || !Number.isFinite(importMs)) {
    const why = text.decode(out.stderr).trim().split("\n").at(-1) ?? `exit code ${out.code}`;
    throw new Error(`${command} ${args.join(" ")} failed: ${why}`);
  }
  return { importMs, processMs };
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** `RUNS` timed runs after one untimed one, as medians. */
async function measure(command: string, args: readonly string[]): Promise<Run> {
  await timed(command, args);
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await timed(command, args));
  return {
    importMs: median(runs.map((r) => r.importMs)),
    processMs: median(runs.map((r) => r.processMs)),
  };
}

const line = (label: string, run: Run) =>
  `${label.padEnd(46)} import ${run.importMs.toFixed(0).padStart(5)} ms   ` +
  `process ${run.processMs.toFixed(0).padStart(5)} ms`;

async function main(): Promise<void> {
  console.log(`First DataFrame in a fresh process (median of ${RUNS} runs):`);
  const danfo = await measure(Deno.execPath(), [
    "run",
    "--no-prompt",
    "--config",
    CONFIG,
    "--allow-read",
    SELF,
    "--child",
  ]);
  console.log(line("mullet toDataFrame (danfo.js + TensorFlow.js)", danfo));
  let pandas: Run;
  try {
    pandas = await measure(PYTHON, ["-c", PANDAS]);
  } catch (error) {
    console.log(
      `pandas peer missing (${(error as Error).message}); install Debian's python3-pandas ` +
        "to compare",
    );
    return;
  }
  console.log(line('python3 -c "import pandas"', pandas));
  console.log(
    `ratio danfo / pandas: import ${(danfo.importMs / pandas.importMs).toFixed(2)}, ` +
      `process ${(danfo.processMs / pandas.processMs).toFixed(2)}`,
  );
}

if (Deno.args.includes("--child")) {
  const t0 = performance.now();
  const df = await toDataFrame({ price_usd: new Float64Array([64000, 63500]) });
  const ms = performance.now() - t0;
  if (df.shape[0] !== 2) throw new Error(`Cannot time toDataFrame: got shape ${df.shape}`);
  console.log(ms);
} else {
  await main();
}
