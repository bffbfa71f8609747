/**
 * Jupyter notebooks (nbformat 4) as typed data: reading one with checks that name the file,
 * the cell and the field, and writing one the way Jupyter does (one-space indent, sorted
 * keys are not required, a trailing newline), so saved notebooks diff cleanly on GitHub.
 *
 * @module
 */

/** A cell output, as nbformat stores it. */
export type NotebookOutput =
  | { output_type: "stream"; name: "stdout" | "stderr"; text: string | string[] }
  | {
    output_type: "display_data";
    data: Record<string, unknown>;
    metadata: Record<string, unknown>;
    transient?: Record<string, unknown>;
  }
  | {
    output_type: "execute_result";
    data: Record<string, unknown>;
    metadata: Record<string, unknown>;
    execution_count: number | null;
  }
  | { output_type: "error"; ename: string; evalue: string; traceback: string[] };

/** A notebook cell. */
export interface NotebookCell {
  /** Type of that value. */
  readonly cell_type: "code" | "markdown" | "raw";
  /** Cell id (nbformat 4.5). */
  id?: string;
  /** Source as one string or as lines. */
  source: string | string[];
  /** Notebook metadata (kernelspec, mullet.freeze, …). */
  metadata: Record<string, unknown> & { tags?: string[] };
  /** Code cells only. */
  outputs?: NotebookOutput[];
  /** Code cells only. */
  execution_count?: number | null;
}

/** A whole notebook. */
export interface Notebook {
  /** Major format version (4). */
  nbformat: number;
  /** Minor format version. */
  nbformat_minor: number;
  /** Notebook metadata (kernelspec, mullet.freeze, …). */
  metadata: Record<string, unknown>;
  /** The cells, in order. */
  cells: NotebookCell[];
}

/**
 * A cell's source as one string.
 *
 * @example
 * ```ts
 * import { cellSource } from "./notebook.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(cellSource({ source: ["a = 1\n", "b = 2"] }), "a = 1\nb = 2");
 * ```
 */
export function cellSource(cell: Pick<NotebookCell, "source">): string {
  return Array.isArray(cell.source) ? cell.source.join("") : cell.source;
}

/**
 * The cell's tags (`metadata.tags`), empty when it has none.
 *
 * @example
 * ```ts
 * import { cellTags } from "./notebook.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(cellTags({ metadata: { tags: ["parameters"] } }), ["parameters"]);
 * assert.deepEqual(cellTags({ metadata: {} }), []);
 * ```
 */
export function cellTags(cell: Pick<NotebookCell, "metadata">): string[] {
  const tags = cell.metadata["tags"];
  return Array.isArray(tags) ? tags.filter((t): t is string => typeof t === "string") : [];
}

/**
 * Parses notebook JSON, checking the fields mullet relies on.
 *
 * @example
 * ```ts
 * import { notebookFromJson } from "./notebook.ts";
 * import assert from "node:assert/strict";
 *
 * const nb = notebookFromJson('{"nbformat":4,"nbformat_minor":5,"metadata":{},"cells":[' +
 *   '{"cell_type":"code","id":"a","source":"1+1","metadata":{},"outputs":[],"execution_count":null}]}', "x.ipynb");
 * assert.equal(nb.cells.length, 1);
 * assert.throws(() => notebookFromJson('{"nbformat":3,"cells":[]}', "old.ipynb"), /old.ipynb: expected nbformat 4, got 3/);
 * assert.throws(() => notebookFromJson("{", "bad.ipynb"), /bad.ipynb: not valid JSON/);
 * ```
 */
export function notebookFromJson(text: string, file: string): Notebook {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SyntaxError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const nb = json as Partial<Notebook>;
  if (typeof nb !== "object" || nb === null) throw new TypeError(`${file}: expected a JSON object`);
  if (nb.nbformat !== 4) {
    throw new TypeError(`${file}: expected nbformat 4, got ${String(nb.nbformat)}`);
  }
  if (!Array.isArray(nb.cells)) throw new TypeError(`${file}: expected a "cells" array`);
  nb.cells.forEach((cell, i) => {
    const where = `${file}: cell ${i + 1}`;
    if (!["code", "markdown", "raw"].includes(cell?.cell_type)) {
      throw new TypeError(
        `${where}: expected cell_type code, markdown or raw, got ${
          JSON.stringify(cell?.cell_type)
        }`,
      );
    }
    const source = cell.source;
    if (
      typeof source !== "string" &&
      !(Array.isArray(source) && source.every((s) => typeof s === "string"))
    ) {
      throw new TypeError(`${where}: expected "source" as text or a list of lines`);
    }
    cell.metadata ??= {};
    if (cell.cell_type === "code") {
      cell.outputs ??= [];
      cell.execution_count ??= null;
    }
  });
  return {
    nbformat: 4,
    nbformat_minor: nb.nbformat_minor ?? 5,
    metadata: nb.metadata ?? {},
    cells: nb.cells,
  };
}

/**
 * Reads and checks a notebook file.
 *
 * @example
 * ```ts
 * import { readNotebook } from "./notebook.ts";
 * import assert from "node:assert/strict";
 *
 * await assert.rejects(readNotebook("/nonexistent/x.ipynb"), Deno.errors.NotFound);
 * ```
 */
export async function readNotebook(path: string): Promise<Notebook> {
  return notebookFromJson(await Deno.readTextFile(path), path);
}

/**
 * Notebook JSON as Jupyter writes it: one-space indent and a final newline.
 *
 * @example
 * ```ts
 * import { notebookToJson } from "./notebook.ts";
 * import assert from "node:assert/strict";
 *
 * const text = notebookToJson({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [] });
 * assert.equal(text, '{\n "cells": [],\n "metadata": {},\n "nbformat": 4,\n "nbformat_minor": 5\n}\n');
 * ```
 */
export function notebookToJson(notebook: Notebook): string {
  const ordered = {
    cells: notebook.cells,
    metadata: notebook.metadata,
    nbformat: notebook.nbformat,
    nbformat_minor: notebook.nbformat_minor,
  };
  return JSON.stringify(ordered, null, 1) + "\n";
}
