/**
 * Parameters, papermill's convention: a code cell tagged `parameters` declares the notebook's
 * inputs as constants; a run with overrides inserts a cell tagged `injected-parameters` after
 * it that redeclares them. In TypeScript a `const` cannot be declared twice in one scope, so
 * the parameters cell uses `let` (or `var`) and the injected cell assigns.
 *
 * @module
 */
import { cellSource, cellTags, type Notebook, type NotebookCell } from "./notebook.ts";

/** A parameter: its name, the value written in the notebook, and that value's type. */
export interface Parameter {
  /** Parameter name. */
  readonly name: string;
  /** The value as written in the parameters cell. */
  readonly defaultSource: string;
  /** Type of that value. */
  readonly type: "number" | "string" | "boolean" | "other";
}

const DECLARATION =
  /^\s*(?:export\s+)?(let|var|const)\s+([A-Za-z_$][\w$]*)\s*(?::\s*[^=]+)?=\s*(.+?);?\s*(?:\/\/.*)?$/;

/**
 * Index of the `parameters` cell, or −1.
 *
 * @example
 * ```ts
 * import { parametersCellIndex } from "./parameters.ts";
 * import assert from "node:assert/strict";
 *
 * const cell = (tags: string[]) => ({ cell_type: "code" as const, metadata: { tags }, source: "" });
 * assert.equal(parametersCellIndex({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [cell([]), cell(["parameters"])] }), 1);
 * ```
 */
export function parametersCellIndex(notebook: Notebook): number {
  return notebook.cells.findIndex((c) =>
    c.cell_type === "code" && cellTags(c).includes("parameters")
  );
}

/**
 * The parameters declared in the notebook's `parameters` cell, one per line.
 *
 * @example
 * ```ts
 * import { notebookParameters } from "./parameters.ts";
 * import assert from "node:assert/strict";
 *
 * const nb = { nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ cell_type: "code" as const,
 *   metadata: { tags: ["parameters"] }, source: 'let btcPriceUsd = 90_000; // USD\nlet site = "A";\n' }] };
 * assert.deepEqual(notebookParameters(nb, "n.ipynb").map((p) => [p.name, p.type]), [["btcPriceUsd", "number"], ["site", "string"]]);
 * ```
 */
export function notebookParameters(notebook: Notebook, file: string): Parameter[] {
  const index = parametersCellIndex(notebook);
  if (index === -1) return [];
  const params: Parameter[] = [];
  for (const [i, line] of cellSource(notebook.cells[index]!).split("\n").entries()) {
    const m = DECLARATION.exec(line);
    if (m === null) continue;
    if (m[1] === "const") {
      throw new TypeError(
        `${file}: parameters cell line ${i + 1}: declare "${
          m[2]
        }" with let, not const, so a run can override it`,
      );
    }
    const value = m[3]!.trim();
    const type = /^-?[\d_.]+(e-?\d+)?$/i.test(value)
      ? "number"
      : /^(["'`]).*\1$/.test(value)
      ? "string"
      : value === "true" || value === "false"
      ? "boolean"
      : "other";
    params.push({ name: m[2]!, defaultSource: value, type });
  }
  return params;
}

/**
 * Parses `--param name=value` strings against the declared parameters: numbers for number
 * parameters, `true`/`false` for booleans, text otherwise. An unknown name is an error listing
 * the valid ones.
 *
 * @example
 * ```ts
 * import { parseParameterArgs } from "./parameters.ts";
 * import assert from "node:assert/strict";
 *
 * const declared = [{ name: "grossMw", defaultSource: "300", type: "number" as const }];
 * assert.deepEqual(parseParameterArgs(["grossMw=250"], declared, "n.ipynb"), { grossMw: 250 });
 * assert.throws(() => parseParameterArgs(["grossMV=250"], declared, "n.ipynb"),
 *   /n.ipynb has no parameter "grossMV"; valid parameters: grossMw/);
 * ```
 */
export function parseParameterArgs(
  args: readonly string[],
  declared: readonly Parameter[],
  file: string,
): Record<string, number | string | boolean> {
  const values: Record<string, number | string | boolean> = {};
  for (const arg of args) {
    const eq = arg.indexOf("=");
    if (eq <= 0) throw new TypeError(`Cannot read --param ${arg}: expected name=value`);
    const name = arg.slice(0, eq);
    const raw = arg.slice(eq + 1);
    const param = declared.find((p) => p.name === name);
    if (param === undefined) {
      const valid = declared.map((p) => p.name).join(", ") ||
        "(none: the notebook has no parameters cell)";
      throw new TypeError(`${file} has no parameter "${name}"; valid parameters: ${valid}`);
    }
    if (param.type === "number") {
      const value = Number(raw.replaceAll("_", ""));
      if (raw.trim() === "" || !Number.isFinite(value)) {
        throw new TypeError(`Cannot use --param ${name}=${raw}: expected a number`);
      }
      values[name] = value;
    } else if (param.type === "boolean") {
      if (raw !== "true" && raw !== "false") {
        throw new TypeError(`Cannot use --param ${name}=${raw}: expected true or false`);
      }
      values[name] = raw === "true";
    } else {
      values[name] = raw;
    }
  }
  return values;
}

/**
 * The notebook with an `injected-parameters` cell after its parameters cell (replacing an
 * earlier injected cell). Returns the notebook unchanged when there is nothing to inject.
 *
 * @example
 * ```ts
 * import { injectParameters } from "./parameters.ts";
 * import assert from "node:assert/strict";
 *
 * const nb = { nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ cell_type: "code" as const,
 *   metadata: { tags: ["parameters"] }, source: "let grossMw = 300;" }] };
 * const out = injectParameters(nb, { grossMw: 250 });
 * assert.equal(out.cells.length, 2);
 * assert.equal(out.cells[1]!.source, "// Parameters injected by deno task report\ngrossMw = 250;\n");
 * ```
 */
export function injectParameters(
  notebook: Notebook,
  values: Readonly<Record<string, number | string | boolean>>,
): Notebook {
  const names = Object.keys(values);
  const cells = notebook.cells.filter((c) => !cellTags(c).includes("injected-parameters"));
  if (names.length === 0) return { ...notebook, cells };
  const at = cells.findIndex((c) => c.cell_type === "code" && cellTags(c).includes("parameters"));
  const lines = names.map((name) => `${name} = ${JSON.stringify(values[name])};`);
  const injected: NotebookCell = {
    cell_type: "code",
    id: "injected-parameters",
    metadata: { tags: ["injected-parameters"] },
    source: `// Parameters injected by deno task report\n${lines.join("\n")}\n`,
    outputs: [],
    execution_count: null,
  };
  const next = [...cells];
  next.splice(at === -1 ? 0 : at + 1, 0, injected);
  return { ...notebook, cells: next };
}

/**
 * The values a notebook's `injected-parameters` cell assigns (as written by
 * {@linkcode injectParameters}), as TypeScript source, by name.
 *
 * @example
 * ```ts
 * import { injectedParameters, injectParameters } from "./parameters.ts";
 * import assert from "node:assert/strict";
 *
 * const nb = { nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ cell_type: "code" as const,
 *   metadata: { tags: ["parameters"] }, source: "let grossMw = 100;" }] };
 * assert.deepEqual(injectedParameters(injectParameters(nb, { grossMw: 300, site: "A" })),
 *   { grossMw: "300", site: '"A"' });
 * assert.deepEqual(injectedParameters(nb), {});
 * ```
 */
export function injectedParameters(notebook: Notebook): Record<string, string> {
  const values: Record<string, string> = {};
  for (const cell of notebook.cells) {
    if (!cellTags(cell).includes("injected-parameters")) continue;
    for (const [, name, value] of cellSource(cell).matchAll(/^([A-Za-z_$][\w$]*) = (.*);$/gm)) {
      values[name!] = value!;
    }
  }
  return values;
}
