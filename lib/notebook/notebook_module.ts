/**
 * A notebook's code cells as one TypeScript module, the way the kernel sees them (one scope, run
 * top to bottom), with a map from the module's lines back to cells: so that `deno check` can
 * type-check a notebook and its errors can be reported as notebook, cell and line. Also finds
 * `show()` calls that are not awaited, which let a later output overtake an earlier one.
 *
 * @module
 */
import { cellSource, type Notebook } from "./notebook.ts";

/** Where a line of the module came from. */
export interface CellLine {
  /** 1-based index of the cell among all the notebook's cells, as errors elsewhere name it. */
  readonly cell: number;
  /** 1-based line inside that cell. */
  readonly line: number;
}

/** A notebook's code as a module. */
export interface NotebookModule {
  /** TypeScript source: every code cell in order. */
  readonly source: string;
  /** Origin of the module's line `i + 1`, or undefined for a line the module adds. */
  readonly lines: readonly (CellLine | undefined)[];
}

/**
 * Joins the code cells into one module. Each cell ends with a `;` line so that a cell ending in
 * an expression cannot run into the next one.
 *
 * @example
 * ```ts
 * import { notebookModule } from "./notebook_module.ts";
 * import assert from "node:assert/strict";
 *
 * const nb = { nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [
 *   { cell_type: "markdown" as const, metadata: {}, source: "# Title" },
 *   { cell_type: "code" as const, metadata: {}, source: "let a = 1;\na + 1", outputs: [] },
 * ] };
 * const mod = notebookModule(nb);
 * assert.equal(mod.source, "let a = 1;\na + 1\n;\nexport {};\n");
 * assert.deepEqual(mod.lines[1], { cell: 2, line: 2 });
 * assert.equal(mod.lines[2], undefined);
 * ```
 */
export function notebookModule(notebook: Notebook): NotebookModule {
  const text: string[] = [];
  const lines: (CellLine | undefined)[] = [];
  notebook.cells.forEach((cell, index) => {
    if (cell.cell_type !== "code") return;
    cellSource(cell).split("\n").forEach((line, i) => {
      text.push(line);
      lines.push({ cell: index + 1, line: i + 1 });
    });
    text.push(";");
    lines.push(undefined);
  });
  // A module, so top-level await type-checks as the kernel runs it.
  text.push("export {};");
  lines.push(undefined);
  return { source: `${text.join("\n")}\n`, lines };
}

/** A `show()` (or a function that returns one) called as a statement without `await`. */
export interface UnawaitedShow extends CellLine {
  /** The called name. */
  readonly name: string;
}

/**
 * Calls of `show` — or of a local function defined as returning `show(…)`, like
 * `const say = (md: string) => show({ markdown: md })` — made as a statement without `await`.
 *
 * @example
 * ```ts
 * import { notebookModule, unawaitedShows } from "./notebook_module.ts";
 * import assert from "node:assert/strict";
 *
 * const nb = { nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ cell_type: "code" as const,
 *   metadata: {}, outputs: [], source:
 *     "const say = (md: string) => show({ markdown: md });\nawait say('a');\nsay('b');\nshow(x);" }] };
 * assert.deepEqual(unawaitedShows(notebookModule(nb)), [
 *   { cell: 1, line: 3, name: "say" },
 *   { cell: 1, line: 4, name: "show" },
 * ]);
 * ```
 */
export function unawaitedShows(mod: NotebookModule): UnawaitedShow[] {
  const names = new Set(["show"]);
  const wrapper =
    /(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:async\s*)?\([^)]*\)\s*(?::[^=]+)?=>\s*(?:await\s+)?show\s*\(|function\s+([A-Za-z_$][\w$]*)\s*\([^)]*\)[^{]*\{\s*return\s+(?:await\s+)?show\s*\(/g;
  for (const m of mod.source.matchAll(wrapper)) names.add((m[1] ?? m[2])!);
  const found: UnawaitedShow[] = [];
  mod.source.split("\n").forEach((text, i) => {
    const call = /^\s*([A-Za-z_$][\w$]*)\s*\(/.exec(text);
    const origin = mod.lines[i];
    if (call !== null && names.has(call[1]!) && origin !== undefined) {
      found.push({ ...origin, name: call[1]! });
    }
  });
  return found;
}
