/**
 * Side-by-side timing of mullet's Monte Carlo against numpy on the same model, interleaved in one
 * invocation: the site Monte Carlo (BTC price by GBM, network hashrate, hashprice, the site's NPV
 * on every path, mean and percentiles), `gbmPaths`, `hashratePaths` and `percentileBands` alone,
 * at 1k, 10k and 100k paths × 120 months, with the fused single-loop lower bound beside the site
 * case; then time and peak memory (GNU /usr/bin/time) of one run in a fresh process at 1k–1M
 * paths. The peer is lib/cli/bench_numpy_peer.py under Debian's /usr/bin/python3 with
 * python3-numpy, run with numpy's transparent-huge-page advice on and off (the system's THP mode
 * is printed: with "madvise", numpy's advice decides whether its arrays get huge pages). Ratios
 * are mullet ÷ numpy: the median of the per-round ratios and their min–max. A missing peer is
 * reported.
 *
 * @module
 */
import { percentileBands } from "../finance/percentile_bands.ts";
import {
  btcPricePaths,
  caseHashprice,
  caseNpvs,
  fusedSiteMonteCarlo,
  networkHashratePaths,
  peerInputs,
  siteMonteCarlo,
} from "../site/monte_carlo_case.ts";
import { median, spread } from "./_bench_spread.ts";

const PYTHON = "/usr/bin/python3";
const PEER = new URL("./bench_numpy_peer.py", import.meta.url).pathname;
const SELF = new URL(import.meta.url).pathname;
const TIME = "/usr/bin/time";
const BAND_PERCENTILES = [5, 25, 50, 75, 95];

// A child run: one site Monte Carlo, once, in this fresh process (under /usr/bin/time, which
// reports its peak resident memory); prints its time and its resident memory before the run.
if (Deno.args[0] === "--memory-child") {
  const paths = Number(Deno.args[1]);
  const before = Deno.memoryUsage().rss / 2 ** 20;
  const t0 = performance.now();
  siteMonteCarlo(paths);
  console.log(JSON.stringify({ ms: performance.now() - t0, beforeMib: before }));
  Deno.exit(0);
}

/** The numpy peer as a long-lived process: one JSON command a line, one JSON answer a line. */
class Peer {
  #process: Deno.ChildProcess;
  #writer: WritableStreamDefaultWriter<Uint8Array>;
  #lines: AsyncIterator<string>;
  version = "";
  /** The system's transparent-huge-page mode, as the peer reads it (Deno may not read /sys). */
  thp = "";

  constructor() {
    this.#process = new Deno.Command(PYTHON, {
      args: [PEER],
      stdin: "piped",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    this.#writer = this.#process.stdin.getWriter();
    this.#lines = this.#process.stdout.pipeThrough(new TextDecoderStream()).pipeThrough(
      lineSplitter(),
    )[Symbol.asyncIterator]();
  }

  async start(): Promise<void> {
    await this.#writer.write(new TextEncoder().encode(peerInputs() + "\n"));
    const hello = await this.#read();
    this.version = hello.numpy as string;
    this.thp = hello.thp as string;
  }

  async ask(command: Record<string, unknown>): Promise<Record<string, unknown>> {
    await this.#writer.write(new TextEncoder().encode(JSON.stringify(command) + "\n"));
    return await this.#read();
  }

  async #read(): Promise<Record<string, unknown>> {
    const next = await this.#lines.next();
    if (next.done) {
      const err = await new Response(this.#process.stderr).text();
      throw new Error(err.trim().split("\n").at(-1) ?? "the peer exited");
    }
    return JSON.parse(next.value);
  }

  async close(): Promise<void> {
    await this.#writer.close();
    await this.#process.status;
  }
}

function lineSplitter(): TransformStream<string, string> {
  let rest = "";
  return new TransformStream({
    transform(chunk, controller) {
      const parts = (rest + chunk).split("\n");
      rest = parts.pop()!;
      for (const part of parts) if (part.trim()) controller.enqueue(part);
    },
    flush(controller) {
      if (rest.trim()) controller.enqueue(rest);
    },
  });
}

const ms = (x: number) => x < 10 ? x.toFixed(2) : x.toFixed(0);

function timed(work: () => void): number {
  const t0 = performance.now();
  work();
  return performance.now() - t0;
}

let peer: Peer | undefined = new Peer();
try {
  await peer.start();
} catch (error) {
  console.log(
    `numpy peer unavailable (${(error as Error).message}); install Debian's python3-numpy ` +
      `(apt-get install python3-numpy) so that ${PYTHON} can import numpy`,
  );
  peer = undefined;
}
console.log(`Monte Carlo, mullet vs numpy on the same model (120 monthly steps)`);
if (peer) {
  console.log(`  transparent huge pages: ${peer.thp}`);
  console.log(`  numpy ${peer.version} (${PYTHON}); "THP on/off": numpy's madvise advice`);
  // The peer's model must be ours: its NPVs on our hashprice paths.
  const hashprice = caseHashprice(200);
  const ours = caseNpvs(hashprice).npvsUsd;
  const theirs = (await peer.ask({
    op: "npv",
    paths: 200,
    hashprice: Array.from(hashprice.paths),
  })).npvs as number[];
  let worst = 0;
  ours.forEach((v, i) => {
    worst = Math.max(worst, Math.abs(v - theirs[i]!) / Math.max(1, Math.abs(v)));
  });
  console.log(
    `  peer model check: numpy's NPVs on mullet's paths within ${worst.toExponential(1)}`,
  );
}

interface Case {
  readonly name: string;
  readonly peerOp: string;
  readonly ours: (paths: number) => () => void;
  readonly fused?: (paths: number) => void;
}
const cases: Case[] = [
  {
    name: "site Monte Carlo",
    peerOp: "site",
    ours: (paths) => () => siteMonteCarlo(paths),
    fused: fusedSiteMonteCarlo,
  },
  { name: "gbmPaths", peerOp: "gbm", ours: (paths) => () => btcPricePaths(paths) },
  { name: "hashratePaths", peerOp: "hashrate", ours: (paths) => () => networkHashratePaths(paths) },
  {
    name: "percentileBands (5 levels)",
    peerOp: "bands",
    ours: (paths) => {
      const set = btcPricePaths(paths);
      return () => percentileBands(set, { percentiles: BAND_PERCENTILES });
    },
  },
];

for (const paths of [1_000, 10_000, 100_000]) {
  const rounds = paths >= 100_000 ? 7 : paths >= 10_000 ? 11 : 21;
  console.log(`\n${paths.toLocaleString("en-US")} paths, ${rounds} interleaved rounds (median ms)`);
  for (const c of cases) {
    const work = c.ours(paths);
    work(); // warm: compiled, as numpy's C is
    const ours: number[] = [];
    const fused: number[] = [];
    const on: number[] = [];
    const off: number[] = [];
    for (let r = 0; r < rounds; r++) {
      ours.push(timed(work));
      if (c.fused) fused.push(timed(() => c.fused!(paths)));
      if (peer) {
        const command = { op: c.peerOp, paths, percentiles: BAND_PERCENTILES };
        on.push((await peer.ask({ ...command, hugepages: true })).ms as number);
        off.push((await peer.ask({ ...command, hugepages: false })).ms as number);
      }
    }
    const parts = [`mullet ${ms(median(ours))}`];
    if (c.fused) parts.push(`fused bound ${ms(median(fused))}`);
    if (peer) parts.push(`numpy ${ms(median(on))} (THP on) / ${ms(median(off))} (off)`);
    console.log(`  ${c.name}: ${parts.join(", ")}`);
    const ratios: string[] = [];
    if (peer) {
      ratios.push(`mullet ÷ numpy ${spread(ours.map((x, i) => x / on[i]!), 2)} THP on`);
      ratios.push(`${spread(ours.map((x, i) => x / off[i]!), 2)} off`);
    }
    if (c.fused) ratios.push(`mullet ÷ fused ${spread(ours.map((x, i) => x / fused[i]!), 2)}`);
    console.log(`    ${ratios.join("; ")}`);
  }
}

// One site Monte Carlo in a fresh process per size: time of that first (cold) run and peak
// resident memory, from GNU time (%M: the child's maximum resident set, KiB). Not from
// getrusage in the child: on Linux its ru_maxrss keeps the spawning process's peak across exec.
console.log(`\nsite Monte Carlo in a fresh process: one cold run, peak resident memory`);
const input = new TextEncoder().encode(peerInputs() + "\n");

/** Runs `args` under /usr/bin/time; its stdout's JSON plus the peak memory in MiB. */
async function underTime(
  args: string[],
  stdin?: Uint8Array,
): Promise<{ ms: number; beforeMib: number; peakMib: number } | string> {
  const child = new Deno.Command(TIME, {
    args: ["-f", "peak-kib %M", ...args],
    stdin: stdin ? "piped" : "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  if (stdin) {
    const writer = child.stdin.getWriter();
    await writer.write(stdin);
    await writer.close();
  }
  const out = await child.output();
  const err = new TextDecoder().decode(out.stderr);
  const kib = Number(/peak-kib (\d+)/.exec(err)?.[1] ?? NaN);
  if (!out.success || !Number.isFinite(kib)) return err.trim().split("\n").at(-1) ?? "failed";
  return { ...JSON.parse(new TextDecoder().decode(out.stdout)), peakMib: kib / 1024 };
}

const describe = (r: Awaited<ReturnType<typeof underTime>>) =>
  typeof r === "string"
    ? `failed (${r})`
    : `${ms(r.ms)} ms, peak ${r.peakMib.toFixed(0)} MiB (${r.beforeMib.toFixed(0)} before the run)`;

try {
  Deno.statSync(TIME);
} catch {
  console.log(`  peak memory not measured: ${TIME} is missing (Debian's package time)`);
}
for (const paths of [1_000, 10_000, 100_000, 1_000_000]) {
  const line: string[] = [];
  const ours = await underTime([
    Deno.execPath(),
    "run",
    "--allow-read",
    SELF,
    "--memory-child",
    String(paths),
  ]);
  line.push(`mullet ${describe(ours)}`);
  if (peer) {
    for (const huge of ["on", "off"]) {
      const theirs = await underTime(
        [PYTHON, PEER, "--memory", "site", String(paths), huge],
        input,
      );
      line.push(`numpy THP ${huge} ${describe(theirs)}`);
    }
  }
  console.log(`  ${paths.toLocaleString("en-US").padStart(9)} paths: ${line.join("; ")}`);
}
await peer?.close();
