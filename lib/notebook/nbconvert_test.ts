// Compatibility: every notebook also runs under standard Jupyter (Debian's nbconvert and
// nbclient) with the kernelspec from `deno task kernel`, and gives the same MIME types per
// output as our executor.
import assert from "node:assert/strict";
import { isRunCopy } from "./run_copies.ts";
import { executeNotebook } from "./execute_notebook.ts";
import { notebookFromJson, readNotebook } from "./notebook.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
const JUPYTER = "/usr/bin/jupyter";
const hasJupyter = (() => {
  try {
    return Deno.statSync(JUPYTER).isFile;
  } catch {
    return false;
  }
})();
const names = [...Deno.readDirSync(`${ROOT}notebooks`)].map((e) => e.name).filter((n) =>
  n.endsWith(".ipynb") && !isRunCopy(n)
).sort();

/** MIME types (or stream names) of each code cell's outputs, in order. */
function shape(cells: { cell_type: string; outputs?: unknown[] }[]): string[][] {
  return cells.filter((c) => c.cell_type === "code").map((c) =>
    (c.outputs ?? []).map((o) => {
      const out = o as { output_type: string; name?: string; data?: Record<string, unknown> };
      return out.output_type === "stream"
        ? `stream:${out.name}`
        : `${out.output_type}:${Object.keys(out.data ?? {}).sort().join(",")}`;
    })
  );
}

for (const name of names) {
  Deno.test({
    name: `notebooks/${name} runs under jupyter nbconvert with the same output types as ours`,
    ignore: !hasJupyter,
    fn: async () => {
      // A private Jupyter data dir: the test registers the kernel with `deno task kernel` there
      // and never touches the user's own kernelspecs.
      const dir = await Deno.makeTempDir({ prefix: "mullet-nbconvert-" });
      const env = { JUPYTER_DATA_DIR: `${dir}/jupyter` };
      try {
        const install = await new Deno.Command(Deno.execPath(), {
          args: ["task", "kernel"],
          cwd: ROOT,
          env,
          stdout: "null",
          stderr: "piped",
        }).output();
        assert.equal(install.code, 0, new TextDecoder().decode(install.stderr));
        const run = await new Deno.Command(JUPYTER, {
          args: [
            "nbconvert",
            "--to",
            "notebook",
            "--execute",
            "--ExecutePreprocessor.kernel_name=mullet-deno",
            "--ExecutePreprocessor.timeout=300",
            "--output-dir",
            dir,
            "--output",
            "out.ipynb",
            name,
          ],
          cwd: `${ROOT}notebooks`,
          env,
          stdout: "piped",
          stderr: "piped",
        }).output();
        assert.equal(run.code, 0, new TextDecoder().decode(run.stderr).slice(-2000));
        const theirs = notebookFromJson(await Deno.readTextFile(`${dir}/out.ipynb`), name);
        const ours = await executeNotebook(await readNotebook(`${ROOT}notebooks/${name}`), {
          file: name,
          cwd: ROOT,
          cellTimeoutMs: 300_000,
        });
        assert.deepEqual(shape(theirs.cells), shape(ours.cells));
        assert.ok(shape(theirs.cells).flat().every((s) => !s.startsWith("error")));
      } finally {
        await Deno.remove(dir, { recursive: true });
      }
    },
  });
}
