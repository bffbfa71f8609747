/**
 * Side-by-side timing of publishing every research notebook as a PDF note:
 * `deno task report` (with frozen outputs, and executing from scratch) against the peer an
 * analyst would otherwise use, `jupyter nbconvert --to html` then
 * `chromium --headless --print-to-pdf` per notebook (without and with `--execute`).
 * Works on copies of the notebooks under `.tmp/` (inside the project, so that Jupyter's kernel,
 * which starts in the notebook's folder, finds `deno.json`); the notebooks are not touched.
 * Targets (issue 6): frozen ≤ 5 s, from scratch ≤ 60 s, mullet ≤ half the peer's time.
 *
 * @module
 */
import { isRunCopy } from "../notebook/run_copies.ts";
import { basename, join } from "node:path";
import { findChromium } from "../report/chromium.ts";
import { reportArgs } from "./report_args.ts";

const ROOT = new URL("../../", import.meta.url).pathname;

async function timed(cmd: string, args: string[], cwd = ROOT): Promise<number> {
  const t0 = performance.now();
  const out = await new Deno.Command(cmd, { args, cwd, stdout: "null", stderr: "piped" }).output();
  if (!out.success) {
    throw new Error(`${cmd} ${args.join(" ")} failed:\n${new TextDecoder().decode(out.stderr)}`);
  }
  return (performance.now() - t0) / 1000;
}

await Deno.mkdir(join(ROOT, ".tmp"), { recursive: true });
const work = await Deno.makeTempDir({ dir: join(ROOT, ".tmp"), prefix: "bench-report-" });
try {
  const notebooks: string[] = [];
  for await (const entry of Deno.readDir(join(ROOT, "notebooks"))) {
    if (!entry.name.endsWith(".ipynb") || isRunCopy(entry.name)) continue;
    await Deno.copyFile(join(ROOT, "notebooks", entry.name), join(work, entry.name));
    notebooks.push(join(work, entry.name));
  }
  notebooks.sort();
  const report = (args: string[]) =>
    timed(Deno.execPath(), reportArgs(join(work, "out"), [...args, ...notebooks], work));
  const chromium = findChromium();
  const peer = async (execute: boolean) => {
    let total = 0;
    for (const notebook of notebooks) {
      const name = basename(notebook, ".ipynb");
      total += await timed("/usr/bin/jupyter", [
        "nbconvert",
        "--to",
        "html",
        ...(execute ? ["--execute", "--ExecutePreprocessor.kernel_name=mullet-deno"] : []),
        "--output-dir",
        join(work, "peer"),
        notebook,
      ]);
      total += await timed(chromium!, [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        `--print-to-pdf=${join(work, "peer", `${name}.pdf`)}`,
        `file://${join(work, "peer", `${name}.html`)}`,
      ]);
    }
    return total;
  };

  // Executing first also saves each copy with its freeze hash, so the frozen run can reuse it.
  const scratch = await report(["--execute"]);
  const frozen = await report([]);
  console.log(`${notebooks.length} notebooks`);
  console.log(`mullet report, frozen outputs:    ${frozen.toFixed(1)} s (target ≤ 5 s)`);
  console.log(`mullet report, executing all:     ${scratch.toFixed(1)} s (target ≤ 60 s)`);
  if (chromium === undefined || !(await Deno.stat("/usr/bin/jupyter").catch(() => false))) {
    console.log("peer unavailable: install Debian's jupyter-nbconvert and chromium to compare");
  } else {
    const peerSaved = await peer(false);
    const peerRun = await peer(true);
    console.log(
      `nbconvert --to html + chromium --print-to-pdf:           ${peerSaved.toFixed(1)} s`,
    );
    console.log(`nbconvert --execute --to html + chromium --print-to-pdf: ${peerRun.toFixed(1)} s`);
    console.log(
      `ratio mullet / peer: frozen ${(frozen / peerSaved).toFixed(2)}, executing ${
        (scratch / peerRun).toFixed(2)
      } (target ≤ 0.5)`,
    );
  }
} finally {
  await Deno.remove(work, { recursive: true });
}
