/**
 * Whether standard Jupyter loses any output of the shipped notebooks under load: runs Debian's
 * `jupyter nbconvert --execute` on every notebook in `notebooks/` `--runs` times each,
 * `--parallel` at once, while `--busy` processes keep the CPUs busy, and compares each executed
 * notebook, cell by cell, with the outputs the project's own executor saved: an output kind
 * (stream name, or output type and MIME types) the executor saved and nbconvert's run lacks is
 * a lost output. A check to run by hand, like a benchmark, not a test: its result depends on the
 * machine and it takes a while.
 *
 *     deno run --allow-read --allow-write=/tmp --allow-env --allow-run \
 *       lib/cli/nbconvert_delivery_check.ts [--runs 20] [--parallel 3] [--busy 2] [NAME.ipynb…]
 *
 * @module
 */
import { parseArgs } from "node:util";
import { type Notebook, readNotebook } from "../notebook/notebook.ts";
import { isRunCopy } from "../notebook/run_copies.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
const JUPYTER = "/usr/bin/jupyter";

/** One output's kind: its stream, or its type and MIME types ("display_data image/png …"). */
function kindOf(output: Record<string, unknown>): string {
  if (output.output_type === "stream") return `stream ${output.name}`;
  const data = output.data as Record<string, unknown> | undefined;
  return [output.output_type, ...Object.keys(data ?? {}).sort()].join(" ");
}

/** The output kinds of each code cell, in order. */
function outputKinds(notebook: Notebook): string[][] {
  return notebook.cells.filter((cell) => cell.cell_type === "code")
    .map((cell) => (cell.outputs ?? []).map((o) => kindOf(o as Record<string, unknown>)));
}

/** The outputs of `expected` that `got` lacks, cell by cell (kinds compared as multisets). */
function lostOutputs(expected: string[][], got: string[][]): string[] {
  const lost: string[] = [];
  expected.forEach((kinds, cell) => {
    const left = [...(got[cell] ?? [])];
    for (const kind of kinds) {
      const at = left.indexOf(kind);
      if (at === -1) lost.push(`code cell ${cell + 1}: ${kind}`);
      else left.splice(at, 1);
    }
  });
  return lost;
}

interface RunResult {
  readonly notebook: string;
  readonly lost: readonly string[];
  readonly failed: string | undefined;
  readonly seconds: number;
}

async function runOnce(
  dir: string,
  name: string,
  index: number,
  env: Record<string, string>,
): Promise<RunResult> {
  const out = `${name.replace(/\.ipynb$/, "")}.run${index}.ipynb`;
  const started = performance.now();
  const run = await new Deno.Command(JUPYTER, {
    args: [
      "nbconvert",
      "--to",
      "notebook",
      "--execute",
      "--ExecutePreprocessor.kernel_name=mullet-deno",
      "--ExecutePreprocessor.timeout=900",
      "--output-dir",
      dir,
      "--output",
      out,
      `${ROOT}notebooks/${name}`,
    ],
    cwd: ROOT,
    env,
    stdout: "null",
    stderr: "piped",
  }).output();
  const seconds = (performance.now() - started) / 1000;
  if (run.code !== 0) {
    const failed = new TextDecoder().decode(run.stderr).trim().split("\n").slice(-3).join(" / ");
    return { notebook: name, lost: [], failed, seconds };
  }
  const saved = outputKinds(await readNotebook(`${ROOT}notebooks/${name}`));
  const executed = outputKinds(await readNotebook(`${dir}/${out}`));
  await Deno.remove(`${dir}/${out}`);
  return { notebook: name, lost: lostOutputs(saved, executed), failed: undefined, seconds };
}

async function main(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      runs: { type: "string", default: "20" },
      parallel: { type: "string", default: "3" },
      busy: { type: "string", default: "2" },
    },
  });
  const runs = Number(values.runs);
  const parallel = Number(values.parallel);
  const busy = Number(values.busy);
  for (const [option, value] of [["runs", runs], ["parallel", parallel], ["busy", busy]] as const) {
    if (!Number.isInteger(value) || value < (option === "busy" ? 0 : 1)) {
      throw new RangeError(`--${option}: expected a whole number, got ${values[option]}`);
    }
  }
  const notebooks = positionals.length > 0 ? positionals : [
    ...Deno.readDirSync(`${ROOT}notebooks`),
  ].map((entry) => entry.name).filter((name) => name.endsWith(".ipynb") && !isRunCopy(name))
    .sort();

  const dir = await Deno.makeTempDir({ prefix: "mullet-nbconvert-check-" });
  const env = { JUPYTER_DATA_DIR: `${dir}/jupyter` };
  const burners: Deno.ChildProcess[] = [];
  try {
    const install = await new Deno.Command(Deno.execPath(), {
      args: ["task", "kernel"],
      cwd: ROOT,
      env,
      stdout: "null",
      stderr: "piped",
    }).output();
    if (install.code !== 0) {
      throw new Error(`deno task kernel failed: ${new TextDecoder().decode(install.stderr)}`);
    }
    for (let i = 0; i < busy; i++) {
      burners.push(
        new Deno.Command(Deno.execPath(), { args: ["eval", "for (;;) {}"], stdout: "null" })
          .spawn(),
      );
    }
    // Notebooks interleaved, so that the slow ones run beside the others throughout.
    const jobs = Array.from({ length: runs }, (_, i) => notebooks.map((name) => ({ name, i })))
      .flat();
    const results: RunResult[] = [];
    let next = 0;
    await Promise.all(Array.from({ length: parallel }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        const result = await runOnce(dir, job.name, job.i, env);
        results.push(result);
        console.error(
          `${results.length}/${jobs.length} ${job.name} run ${job.i + 1}: ` +
            (result.failed ?? `${result.lost.length} lost`) + ` (${result.seconds.toFixed(0)} s)` +
            result.lost.map((what) => `\n  lost ${what}`).join(""),
        );
      }
    }));
    console.log(
      `nbconvert --execute, ${runs} runs of each notebook, ${parallel} at once, ` +
        `${busy} busy processes:`,
    );
    for (const name of notebooks) {
      const mine = results.filter((r) => r.notebook === name);
      const lost = mine.flatMap((r) => r.lost);
      const failed = mine.filter((r) => r.failed !== undefined);
      const seconds = mine.map((r) => r.seconds).sort((a, b) => a - b);
      console.log(
        `  ${name}: ${mine.filter((r) => r.lost.length > 0).length} of ${mine.length} runs lost ` +
          `outputs (${lost.length} in all${
            lost.length > 0 ? `: ${[...new Set(lost)].join("; ")}` : ""
          }); ${failed.length} failed; median ` +
          `${seconds[Math.floor(seconds.length / 2)]?.toFixed(0)} s` +
          (failed.length > 0 ? `; first failure: ${failed[0]!.failed}` : ""),
      );
    }
    const lostRuns = results.filter((r) => r.lost.length > 0).length;
    const failedRuns = results.filter((r) => r.failed !== undefined).length;
    console.log(
      `  all: ${lostRuns} of ${results.length} runs lost outputs, ${failedRuns} failed`,
    );
  } finally {
    for (const burner of burners) {
      try {
        burner.kill("SIGKILL");
      } catch {
        // Already gone.
      }
      await burner.status;
    }
    await Deno.remove(dir, { recursive: true });
  }
}

if (import.meta.main) {
  try {
    await main(Deno.args);
  } catch (error) {
    console.error(
      `nbconvert_delivery_check: ${error instanceof Error ? error.message : String(error)}`,
    );
    Deno.exit(1);
  }
}
