/**
 * How many `show()` outputs standard Jupyter loses: runs `jupyter nbconvert --execute` on a
 * small notebook of exhibits and tables, several at once while other processes keep the CPU
 * busy, and counts the outputs missing from (or misfiled in) each executed notebook. A check to
 * run by hand, not a test: its result depends on the machine.
 *
 *     deno run --allow-read --allow-write=.tmp --allow-env --allow-run \
 *       lib/charts/show_delivery_check.ts [--runs 15] [--parallel 3] [--busy 2]
 *
 * @module
 */
import { parseArgs } from "node:util";

const ROOT = new URL("../../", import.meta.url).pathname;
const JUPYTER = "/usr/bin/jupyter";

const { values } = parseArgs({
  args: Deno.args,
  options: {
    runs: { type: "string", default: "15" },
    parallel: { type: "string", default: "3" },
    busy: { type: "string", default: "2" },
    cells: { type: "string", default: "8" },
  },
});
const runs = Number(values.runs);
const parallel = Number(values.parallel);
const busy = Number(values.busy);
const CELLS = Number(values.cells);

/** Cell i shows a table and a full-width exhibit of 60 bars, each labelled with i. */
function fixture(): string {
  const code = (source: string) => ({
    cell_type: "code",
    metadata: {},
    source,
    outputs: [],
    execution_count: null,
  });
  const cells = [code('import { columnSpec, Exhibit, show } from "@mullet/kit";')];
  for (let i = 1; i <= CELLS; i++) {
    cells.push(code(
      `await show({ markdown: "| cell | cost |\\n|---|---|\\n| ${i} | $${i}.5k to $${i}0 |" });\n` +
        `const rows${i} = Array.from({ length: 60 }, (_, k) => ({ a: "bar " + k, b: k * ${i} }));\n` +
        `await show(new Exhibit(columnSpec(rows${i}, { x: "a", y: "b", width: 680 }), ` +
        `{ title: "Cell ${i}", source: "S", asOf: "2026-06-01" }));`,
    ));
  }
  return JSON.stringify({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: "mullet-deno", display_name: "mullet (Deno)" } },
    cells,
  });
}

/** Outputs missing or misfiled in an executed fixture. */
function lost(executed: string): number {
  const cells =
    (JSON.parse(executed) as { cells: { outputs: { data?: Record<string, string> }[] }[] })
      .cells.slice(1);
  let missing = 0;
  cells.forEach((cell, at) => {
    // nbformat may store a text as a list of lines.
    const texts = cell.outputs.map((o) => [o.data?.["text/plain"] ?? ""].flat().join(""));
    if (!texts.some((t) => t.includes(`| ${at + 1} |`))) missing++;
    if (!texts.includes(`Cell ${at + 1}`)) missing++;
  });
  return missing;
}

async function runOnce(dir: string, index: number, env: Record<string, string>): Promise<number> {
  const out = `run${index}.ipynb`;
  const run = await new Deno.Command(JUPYTER, {
    args: [
      "nbconvert",
      "--to",
      "notebook",
      "--execute",
      "--ExecutePreprocessor.kernel_name=mullet-deno",
      "--ExecutePreprocessor.timeout=600",
      "--output-dir",
      dir,
      "--output",
      out,
      `${dir}/fixture.ipynb`,
    ],
    cwd: ROOT,
    env,
    stdout: "null",
    stderr: "piped",
  }).output();
  if (run.code !== 0) throw new Error(new TextDecoder().decode(run.stderr).slice(-1500));
  return lost(await Deno.readTextFile(`${dir}/${out}`));
}

// Inside the project, so that the kernel finds deno.json and resolves `@mullet/kit`.
await Deno.mkdir(`${ROOT}.tmp`, { recursive: true });
const dir = await Deno.makeTempDir({ dir: `${ROOT}.tmp`, prefix: "show-check-" });
const env = { JUPYTER_DATA_DIR: `${dir}/jupyter` };
const burners: Deno.ChildProcess[] = [];
try {
  const install = await new Deno.Command(Deno.execPath(), {
    args: ["task", "kernel"],
    cwd: ROOT,
    env,
    stdout: "null",
    stderr: "null",
  }).output();
  if (install.code !== 0) throw new Error("deno task kernel failed");
  await Deno.writeTextFile(`${dir}/fixture.ipynb`, fixture());
  for (let i = 0; i < busy; i++) {
    burners.push(
      new Deno.Command(Deno.execPath(), { args: ["eval", "for (;;) {}"], stdout: "null" }).spawn(),
    );
  }
  const counts: number[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: parallel }, async () => {
    while (next < runs) {
      const index = next++;
      counts[index] = await runOnce(dir, index, env);
    }
  }));
  const failed = counts.filter((n) => n > 0).length;
  console.log(
    `${runs} runs (${parallel} at once, ${busy} busy processes): ${failed} lost outputs ` +
      `(${counts.reduce((a, b) => a + b, 0)} of ${runs * CELLS * 2} in all); per run: ${
        counts.join(" ")
      }`,
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
