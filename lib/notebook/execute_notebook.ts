/**
 * Running a whole notebook with the real Deno kernel: every code cell in order, outputs and
 * execution counts saved in nbformat, the kernel always shut down. A cell that fails (throws,
 * times out, or ends the kernel with `Deno.exit()`) stops the run with a
 * {@linkcode NotebookCellError} naming the notebook, the cell number, the cell's first line,
 * the error and its stack; the error carries the notebook executed so far, so the
 * caller can save it beside the original for the analyst to look at.
 *
 * @module
 */
import { stripAnsi } from "./ansi.ts";
import { CellTimeoutError, KernelExitedError } from "./execution.ts";
import { withKernel } from "./kernel.ts";
import { cellSource, type Notebook, type NotebookCell, type NotebookOutput } from "./notebook.ts";

/** A cell failed; `partial` holds the notebook executed up to and including that cell. */
export class NotebookCellError extends Error {
  /** The notebook as far as it ran. */
  readonly partial: Notebook;
  /** 1-based index of the failing cell among all cells. */
  readonly cellNumber: number;

  /** Builds the message from the notebook name, the cell and the error. */
  constructor(
    file: string,
    cellNumber: number,
    cell: NotebookCell,
    error: { ename: string; evalue: string; traceback: readonly string[] },
    partial: Notebook,
  ) {
    const firstLine = cellSource(cell).split("\n").find((line) => line.trim() !== "") ?? "";
    const stack = error.traceback.map(stripAnsi).join("\n");
    super(
      `${file}: cell ${cellNumber} (${firstLine.trim().slice(0, 80)}) failed: ${error.ename}: ` +
        `${error.evalue}${stack === "" ? "" : `\n${stack}`}`,
    );
    this.name = "NotebookCellError";
    this.partial = partial;
    this.cellNumber = cellNumber;
  }
}

/** Options of {@linkcode executeNotebook}. */
export interface ExecuteNotebookOptions {
  /** Name used in error messages. Required. */
  readonly file: string;
  /** Working directory of the kernel (imports resolve through its `deno.json`). Default:
   * the current directory. */
  readonly cwd?: string;
  /** Longest a cell may run, ms. Default: the kernel client's default. */
  readonly cellTimeoutMs?: number;
}

/**
 * Executes every code cell of `notebook` in a fresh kernel and returns the executed copy.
 *
 * @example
 * ```ts
 * import { executeNotebook } from "./execute_notebook.ts";
 * import assert from "node:assert/strict";
 *
 * const nb = { nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [
 *   { cell_type: "code" as const, metadata: {}, source: "const x = 20;", outputs: [], execution_count: null },
 *   { cell_type: "code" as const, metadata: {}, source: "x + 22", outputs: [], execution_count: null }] };
 * const done = await executeNotebook(nb, { file: "doc.ipynb" });
 * assert.deepEqual((done.cells[1]!.outputs![0] as { data: Record<string, unknown> }).data["text/plain"], "42");
 * ```
 */
export async function executeNotebook(
  notebook: Notebook,
  options: ExecuteNotebookOptions,
): Promise<Notebook> {
  const cells = notebook.cells.map((cell) => ({ ...cell }));
  const executed = (): Notebook => ({ ...notebook, cells: cells.map((c) => ({ ...c })) });
  const kernelOptions = options.cwd === undefined ? {} : { cwd: options.cwd };
  // Where each display id was shown: a later cell's update_display_data rewrites it there.
  const displays = new Map<string, { cell: number; output: number }[]>();
  return await withKernel(async (kernel) => {
    for (const [index, cell] of cells.entries()) {
      if (cell.cell_type !== "code") continue;
      const executeOptions = options.cellTimeoutMs === undefined
        ? {}
        : { timeoutMs: options.cellTimeoutMs };
      let result;
      try {
        result = await kernel.execute(cellSource(cell), executeOptions);
      } catch (error) {
        // A cell that ran too long, or ended the kernel (Deno.exit()), fails like one that
        // threw: named, with what it showed so far.
        if (!(error instanceof CellTimeoutError || error instanceof KernelExitedError)) throw error;
        cell.outputs = error.outputs as NotebookOutput[];
        const failure = { ename: error.name, evalue: error.message, traceback: [] };
        throw new NotebookCellError(options.file, index + 1, cell, failure, executed());
      }
      cell.outputs = result.outputs as NotebookOutput[];
      cell.execution_count = result.executionCount;
      for (const [id, at] of Object.entries(result.displayIds)) {
        displays.set(id, [
          ...displays.get(id) ?? [],
          ...at.map((output) => ({ cell: index, output })),
        ]);
      }
      for (const update of result.displayUpdates) {
        for (const { cell: c, output: o } of displays.get(update.displayId) ?? []) {
          const outputs = [...cells[c]!.outputs ?? []];
          const old = outputs[o];
          if (old === undefined || !("data" in old)) continue;
          outputs[o] = { ...old, data: update.data, metadata: update.metadata };
          cells[c] = { ...cells[c]!, outputs };
        }
      }
      if (result.status !== "ok") {
        const error = result.error ??
          result.outputs.find((o) => o.output_type === "error") as
            | { ename: string; evalue: string; traceback: string[] }
            | undefined ??
          { ename: "Error", evalue: `execution ${result.status}`, traceback: [] };
        throw new NotebookCellError(options.file, index + 1, cell, error, executed());
      }
    }
    return executed();
  }, kernelOptions);
}
