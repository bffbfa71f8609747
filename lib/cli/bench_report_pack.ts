/**
 * Timing of a pack: one notebook rendered over many parameter sets
 * (`deno task report NOTEBOOK --each ticker=…`), executing every set and then from frozen
 * outputs, in seconds per note; beside it, the same notes rendered one at a time as an analyst
 * would without mullet: a copy of the notebook per set with its parameters written in, then
 * `jupyter nbconvert --to html` (with and without `--execute`) and
 * `chromium --headless --print-to-pdf`. The notebook is the pack fixture (a miner's AI/HPC
 * deals from `data/miner_ai_deals.csv`) over eight tickers. Works under `.tmp/` (inside the
 * project, so that Jupyter's kernel, which starts in the notebook's folder, finds `deno.json`).
 *
 * @module
 */
import { join } from "node:path";
import { notebookToJson, readNotebook } from "../notebook/notebook.ts";
import { injectParameters } from "../notebook/parameters.ts";
import { findChromium } from "../report/chromium.ts";
import { packFixture } from "../report/pack_fixture.ts";
import { reportArgs } from "./report_args.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
/** Tickers with at least one deal of stated capacity in `data/miner_ai_deals.csv`. */
const TICKERS = ["CORZ", "APLD", "WULF", "CIFR", "IREN", "HUT", "GLXY", "RIOT"];

/** Runs a command; its time in seconds and its stdout. */
async function run(cmd: string, args: string[]): Promise<{ seconds: number; stdout: string }> {
  const t0 = performance.now();
  const out = await new Deno.Command(cmd, { args, cwd: ROOT, stdout: "piped", stderr: "piped" })
    .output();
  if (!out.success) {
    throw new Error(`${cmd} ${args.join(" ")} failed:\n${new TextDecoder().decode(out.stderr)}`);
  }
  return { seconds: (performance.now() - t0) / 1000, stdout: new TextDecoder().decode(out.stdout) };
}

async function timed(cmd: string, args: string[]): Promise<number> {
  return (await run(cmd, args)).seconds;
}

function line(what: string, seconds: number): string {
  const perNote = seconds / TICKERS.length;
  return `${what.padEnd(58)} ${seconds.toFixed(1).padStart(6)} s  ${
    perNote.toFixed(2).padStart(5)
  } s/note`;
}

await Deno.mkdir(join(ROOT, ".tmp"), { recursive: true });
const work = await Deno.makeTempDir({ dir: join(ROOT, ".tmp"), prefix: "bench-pack-" });
try {
  const notebook = join(work, "pack.ipynb");
  await Deno.writeTextFile(notebook, notebookToJson(packFixture()));
  const out = join(work, "out");
  const report = (args: string[]) =>
    run(
      Deno.execPath(),
      reportArgs(out, [notebook, "--each", `ticker=${TICKERS.join(",")}`, ...args], work),
    );
  // Executing first saves each set's run with its freeze key, so the frozen run can reuse it.
  const executingRun = await report(["--execute"]);
  const frozenRun = await report([]);
  const executing = executingRun.seconds;
  const frozen = frozenRun.seconds;
  console.log(`pack: ${TICKERS.length} notes from one notebook (--each ticker=…)`);
  console.log(line("mullet report, executing every set", executing));
  console.log(line("mullet report, frozen outputs", frozen));
  // A lib or data file edited between the two runs changes every key: say so, not a slow freeze.
  const rerun = frozenRun.stdout.match(/\(executed/g)?.length ?? 0;
  if (rerun > 0) {
    console.log(
      `  (${rerun} of ${TICKERS.length} sets executed again: lib or data changed between runs)`,
    );
  }

  const chromium = findChromium();
  if (chromium === undefined || !(await Deno.stat("/usr/bin/jupyter").catch(() => false))) {
    console.log("peer unavailable: install Debian's jupyter-nbconvert and chromium to compare");
  } else {
    const peerDir = join(work, "peer");
    await Deno.mkdir(peerDir);
    const peer = async (execute: boolean) => {
      let total = 0;
      for (const ticker of TICKERS) {
        const name = `pack-${ticker}`;
        // Without --execute the peer converts mullet's executed run of the set.
        const source = execute
          ? injectParameters(packFixture(), { ticker })
          : await readNotebook(join(out, `${name}.ipynb`));
        const copy = join(peerDir, `${name}.ipynb`);
        await Deno.writeTextFile(copy, notebookToJson(source));
        total += await timed("/usr/bin/jupyter", [
          "nbconvert",
          "--to",
          "html",
          ...(execute ? ["--execute", "--ExecutePreprocessor.kernel_name=mullet-deno"] : []),
          "--output-dir",
          peerDir,
          copy,
        ]);
        total += await timed(chromium, [
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          `--print-to-pdf=${join(peerDir, `${name}.pdf`)}`,
          `file://${join(peerDir, `${name}.html`)}`,
        ]);
      }
      return total;
    };
    const peerExecuting = await peer(true);
    const peerSaved = await peer(false);
    console.log(line("one at a time: nbconvert --execute + chromium, executing", peerExecuting));
    console.log(line("one at a time: nbconvert + chromium, saved outputs", peerSaved));
    console.log(
      `ratio mullet / one at a time: executing ${(executing / peerExecuting).toFixed(2)}, ` +
        `frozen ${(frozen / peerSaved).toFixed(2)}`,
    );
  }
} finally {
  await Deno.remove(work, { recursive: true });
}
