import assert from "node:assert/strict";
import { executeNotebook, NotebookCellError } from "./execute_notebook.ts";
import type { Notebook } from "./notebook.ts";
import type { ProcessRow } from "../cli/process_table.ts";
import { stillRunning, watchDescendants } from "../cli/process_tree.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
const code = (source: string) => ({
  cell_type: "code" as const,
  metadata: {},
  source,
  outputs: [],
  execution_count: null,
});
const notebook = (...cells: Notebook["cells"]): Notebook => ({
  nbformat: 4,
  nbformat_minor: 5,
  metadata: {},
  cells,
});

Deno.test("a notebook runs top to bottom with lib imports; markdown is left alone", async () => {
  const nb = notebook(
    code('import { blockSubsidyBtc } from "./lib/mod.ts";'),
    { cell_type: "markdown", metadata: {}, source: "# prose" },
    code('console.log("subsidy", blockSubsidyBtc(840_000));'),
    code("blockSubsidyBtc(0) * 2"),
  );
  const done = await executeNotebook(nb, { file: "ok.ipynb", cwd: ROOT });
  assert.deepEqual(done.cells.map((c) => c.execution_count ?? "-"), [1, "-", 2, 3]);
  assert.deepEqual(done.cells[2]!.outputs, [{
    output_type: "stream",
    name: "stdout",
    text: "subsidy 3.125\n",
  }]);
  const value = done.cells[3]!.outputs![0] as {
    output_type: string;
    data: Record<string, unknown>;
  };
  assert.equal(value.output_type, "execute_result");
  assert.equal(value.data["text/plain"], "100");
  assert.deepEqual(nb.cells[2]!.outputs, [], "the input notebook is not modified");
});

Deno.test("a failing cell names the notebook, the cell, its first line and the error; the partial run is kept", async () => {
  const nb = notebook(
    code("const a = 1;"),
    code(
      '\n// check the site\nthrow new RangeError("Cannot use grossMw: expected a value >= 0, got -5");',
    ),
    code("a + 1"),
  );
  const error = await executeNotebook(nb, { file: "notebooks/broken.ipynb", cwd: ROOT }).then(
    () => assert.fail("expected an error"),
    (e) => e,
  );
  assert.ok(error instanceof NotebookCellError);
  assert.match(
    error.message,
    /^notebooks\/broken\.ipynb: cell 2 \(\/\/ check the site\) failed: RangeError: Cannot use grossMw: expected a value >= 0, got -5/,
  );
  assert.equal(error.cellNumber, 2);
  assert.equal(error.partial.cells[0]!.execution_count, 1);
  assert.equal(
    (error.partial.cells[1]!.outputs![0] as { output_type: string }).output_type,
    "error",
  );
  assert.equal(error.partial.cells[2]!.execution_count, null, "cells after the failure do not run");
});

Deno.test("an endless cell times out and leaves no kernel behind", async () => {
  // Only this test's kernels count (other jobs on the machine may run kernels too): those seen
  // below this process while the notebook runs, each followed by pid after the run.
  const watch = watchDescendants(Deno.pid, /jupyter --kernel/);
  const nb = notebook(code("while (true) {}"));
  let kernels: ProcessRow[];
  try {
    await assert.rejects(
      executeNotebook(nb, { file: "loop.ipynb", cwd: ROOT, cellTimeoutMs: 1500 }),
      (error: unknown) => {
        assert.ok(error instanceof NotebookCellError);
        assert.match(
          error.message,
          /loop\.ipynb: cell 1 \(while \(true\) \{\}\) failed: CellTimeoutError: .*1500 ms/,
        );
        assert.equal(error.cellNumber, 1);
        return true;
      },
    );
  } finally {
    kernels = await watch.stop();
  }
  assert.equal(kernels.length, 1, "the run's kernel was seen");
  assert.deepEqual(await stillRunning(kernels), [], "a kernel process was left behind");
});

Deno.test("an update_display_data from a later cell rewrites the display in the earlier cell", async () => {
  const nb = notebook(
    code(
      'await Deno.jupyter.display({ "text/plain": "loading" }, { raw: true, display_id: "progress" });',
    ),
    code('{ const step = 2; console.log("step", step); }'),
    code(
      'await Deno.jupyter.display({ "text/plain": "done" }, { raw: true, display_id: "progress", update: true });',
    ),
  );
  const done = await executeNotebook(nb, { file: "updates.ipynb", cwd: ROOT });
  const first = done.cells[0]!.outputs![0] as { data: Record<string, unknown> };
  assert.equal(first.data["text/plain"], "done");
  assert.deepEqual(done.cells[2]!.outputs, [], "the update adds no output of its own");
});

Deno.test("one kernel: a 3 MB print is saved cut to the cap; Deno.exit() fails as its cell, keeping its outputs", async (t) => {
  const nb = notebook(
    code('console.log("y".repeat(3_000_000));'),
    code(
      '// leave early\nawait Deno.jupyter.display({ "text/plain": "shown before the exit" }, { raw: true });\n' +
        // Deno.exit() does not flush the kernel's sockets: give the display time to leave.
        "await new Promise((resolve) => setTimeout(resolve, 1000));\nDeno.exit(3);",
    ),
    code("1 + 1"),
  );
  const error = await executeNotebook(nb, { file: "notebooks/exits.ipynb", cwd: ROOT }).then(
    () => assert.fail("expected an error"),
    (e) => e,
  );

  await t.step("the kernel's end is the failure of cell 2, named", () => {
    assert.ok(error instanceof NotebookCellError, String(error));
    assert.match(
      error.message,
      /^notebooks\/exits\.ipynb: cell 2 \(\/\/ leave early\) failed: KernelExitedError: .*Deno\.exit\(\).*exited with code 3/,
    );
    assert.equal(error.cellNumber, 2);
  });

  await t.step("what the cell showed before the exit is kept; later cells did not run", () => {
    assert.deepEqual(error.partial.cells[1]!.outputs, [
      {
        output_type: "display_data",
        data: { "text/plain": "shown before the exit" },
        metadata: {},
      },
    ]);
    assert.equal(error.partial.cells[2]!.execution_count, null);
  });

  await t.step("the big print keeps its first 1 MB and a notice", () => {
    const [stdout] = error.partial.cells[0]!.outputs! as { output_type: string; text: string }[];
    assert.equal(stdout!.output_type, "stream");
    assert.equal(
      stdout!.text,
      "y".repeat(1_000_000) +
        "\n[output cut: the cell wrote 3 MB to stdout; the notebook keeps the first 1 MB, the cap of one output]\n",
    );
  });
});
