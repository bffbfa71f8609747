/**
 * Parameters, papermill's convention: a code cell tagged `parameters` declares the notebook's
 * inputs as constants; a run with overrides inserts a cell tagged `injected-parameters` after
 * it that redeclares them. In TypeScript a `const` cannot be declared twice in one scope, so
 * the parameters cell uses `let` (or `var`) and the injected cell assigns.
 *
 * @module
 */
import { cellSource, cellTags, type Notebook, type NotebookCell } from "./notebook.ts";
import { editDistance } from "../units/edit_distance.ts";

/** A value a run may give a parameter: what JSON can write. */
export type ParameterValue =
  | number
  | string
  | boolean
  | null
  | readonly ParameterValue[]
  | { readonly [key: string]: ParameterValue };

/** The kinds of default a parameter can have; `other` is an expression a run cannot replace. */
export type ParameterType = "number" | "string" | "boolean" | "array" | "object" | "other";

/** A parameter: its name, the value written in the notebook, and that value's type. */
export interface Parameter {
  /** Parameter name. */
  readonly name: string;
  /** The value as written in the parameters cell. */
  readonly defaultSource: string;
  /** Type of that value. */
  readonly type: ParameterType;
}

const DECLARATION =
  /^\s*(?:export\s+)?(let|var|const)\s+([A-Za-z_$][\w$]*)\s*(?::\s*([^=]+))?=\s*(.+?);?\s*(?:\/\/.*)?$/;

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
 *
 * // A null default takes the house view's value; its annotation types an override.
 * const house = { ...nb, cells: [{ ...nb.cells[0]!, source: "let powerPriceUsdPerKwh: number | null = null;" }] };
 * assert.equal(notebookParameters(house, "n.ipynb")[0]!.type, "number");
 * // A literal deno fmt wrapped over several lines is one parameter, its default valid JSON.
 * const wrapped = { ...nb, cells: [{ ...nb.cells[0]!,
 *   source: 'let models = [\n  "S19",\n  "S21",\n]; // fleets\nlet seed = 7;' }] };
 * assert.deepEqual(notebookParameters(wrapped, "n.ipynb").map((p) => [p.name, p.defaultSource, p.type]),
 *   [["models", '["S19", "S21"]', "array"], ["seed", "7", "number"]]);
 * ```
 */
export function notebookParameters(notebook: Notebook, file: string): Parameter[] {
  const index = parametersCellIndex(notebook);
  if (index === -1) return [];
  const params: Parameter[] = [];
  for (const [i, line] of declarations(cellSource(notebook.cells[index]!))) {
    const m = DECLARATION.exec(line);
    if (m === null) continue;
    if (m[1] === "const") {
      throw new TypeError(
        `${file}: parameters cell line ${i + 1}: declare "${
          m[2]
        }" with let, not const, so a run can override it`,
      );
    }
    const value = m[4]!.trim();
    params.push({ name: m[2]!, defaultSource: value, type: defaultType(value, m[3]?.trim()) });
  }
  return params;
}

/**
 * The cell's statements, one per line as written, except that a default spread over several
 * lines (an array or object literal as `deno fmt` wraps it) is joined into its first line.
 * Each comes with its 0-based first line.
 */
function declarations(source: string): [number, string][] {
  const lines = source.split("\n");
  const out: [number, string][] = [];
  for (let i = 0; i < lines.length; i++) {
    const first = i;
    let statement = lines[i]!;
    // Brackets still open (outside strings and comments) continue on the next line.
    while (openBrackets(statement) > 0 && i + 1 < lines.length) {
      const next = lines[++i]!.trim();
      // deno fmt's trailing comma before the closing bracket is not JSON: it goes.
      const closes = /^[\]}]/.test(next);
      if (closes) statement = statement.replace(/,\s*$/, "");
      statement += closes || /[[{]$/.test(statement) ? next : ` ${next}`;
    }
    out.push([first, statement]);
  }
  return out;
}

/** Opening brackets not yet closed in `code`, skipping strings and a line comment. */
function openBrackets(code: string): number {
  let depth = 0;
  let quote: string | undefined;
  for (let k = 0; k < code.length; k++) {
    const c = code[k]!;
    if (quote !== undefined) {
      if (c === "\\") k++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === "/" && code[k + 1] === "/") break;
    else if (c === "[" || c === "{" || c === "(") depth++;
    else if (c === "]" || c === "}" || c === ")") depth--;
  }
  return depth;
}

/** The type of a default; a `null` default ("take it from the house view") is typed by its
 * annotation, e.g. `let powerPriceUsdPerKwh: number | null = null`. */
function defaultType(value: string, annotation: string | undefined): ParameterType {
  if (value === "null" && annotation !== undefined) {
    const kinds = annotation.split("|").map((k) => k.trim()).filter((k) => k !== "null");
    if (kinds.length === 1) {
      const [kind] = kinds as [string];
      if (kind === "number" || kind === "string" || kind === "boolean") return kind;
      if (kind.endsWith("[]") || /^(readonly\s+)?\[/.test(kind)) return "array";
    }
    return "other";
  }
  if (/^-?[\d_.]+(e-?\d+)?$/i.test(value)) return "number";
  if (/^(["'`]).*\1$/.test(value)) return "string";
  if (value === "true" || value === "false") return "boolean";
  if (value.startsWith("[") && value.endsWith("]")) return "array";
  if (value.startsWith("{") && value.endsWith("}")) return "object";
  return "other";
}

/** The JSON kind of a value, as the messages name it. */
function kindOf(value: unknown): string {
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/** The default's elements, when it is a JSON literal (TypeScript's `1_000` separators aside). */
function defaultJson(param: Parameter): unknown {
  try {
    return JSON.parse(param.defaultSource.replace(/(\d)_(?=\d)/g, "$1"));
  } catch {
    return undefined; // Not JSON (e.g. a trailing comma): checked by kind only.
  }
}

function parseStructured(param: Parameter, raw: string): ParameterValue {
  const wanted = param.type === "array" ? "an array" : "an object";
  const example = param.type === "array" ? "[1, 2, 3]" : '{"key": 1}';
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw new TypeError(
      `Cannot use --param ${param.name}=${raw}: expected ${wanted} in JSON, like its default ` +
        `${param.defaultSource} (e.g. ${example}); ${(error as Error).message}`,
    );
  }
  if (kindOf(value) !== wanted) {
    throw new TypeError(
      `Cannot use --param ${param.name}=${raw}: expected ${wanted} like its default ` +
        `${param.defaultSource}, got ${kindOf(value)}`,
    );
  }
  // Arrays keep the kind of their default's elements: [60000, 120000] stays numbers.
  const declared = defaultJson(param);
  if (Array.isArray(declared) && Array.isArray(value) && declared.length > 0) {
    const kinds = new Set(declared.map(kindOf));
    if (kinds.size === 1) {
      const [kind] = kinds;
      const bad = value.findIndex((v) => kindOf(v) !== kind);
      if (bad !== -1) {
        throw new TypeError(
          `Cannot use --param ${param.name}=${raw}: element ${bad} is ${
            kindOf(value[bad])
          }; expected ${kind} like every element of its default ${param.defaultSource}`,
        );
      }
    }
  }
  return value as ParameterValue;
}

/**
 * Parses `--param name=value` strings against the declared parameters, by the type of each
 * one's default: numbers, `true`/`false`, text, and JSON for arrays and objects (an array keeps
 * the kind of its default's elements). An unknown name is an error that suggests the nearest
 * declared name and lists the valid ones; a parameter whose default is an expression cannot be
 * overridden.
 *
 * @example
 * ```ts
 * import { parseParameterArgs } from "./parameters.ts";
 * import assert from "node:assert/strict";
 *
 * const declared = [{ name: "grossMw", defaultSource: "300", type: "number" as const }];
 * assert.deepEqual(parseParameterArgs(["grossMw=250"], declared, "n.ipynb"), { grossMw: 250 });
 * assert.throws(() => parseParameterArgs(["grossMV=250"], declared, "n.ipynb"),
 *   /n.ipynb has no parameter "grossMV" \(did you mean "grossMw"\?\); valid parameters: grossMw/);
 *
 * const grid = [{ name: "btcPriceGrid", defaultSource: "[60_000, 90_000]", type: "array" as const }];
 * assert.deepEqual(parseParameterArgs(["btcPriceGrid=[60000,120000]"], grid, "n.ipynb"),
 *   { btcPriceGrid: [60000, 120000] });
 * assert.throws(() => parseParameterArgs(['btcPriceGrid=["60k"]'], grid, "n.ipynb"),
 *   /element 0 is a string; expected a number like every element of its default/);
 * ```
 */
export function parseParameterArgs(
  args: readonly string[],
  declared: readonly Parameter[],
  file: string,
): Record<string, ParameterValue> {
  const values: Record<string, ParameterValue> = {};
  for (const arg of args) {
    const eq = arg.indexOf("=");
    if (eq <= 0) throw new TypeError(`Cannot read --param ${arg}: expected name=value`);
    const name = arg.slice(0, eq);
    const raw = arg.slice(eq + 1);
    const param = declared.find((p) => p.name === name);
    if (param === undefined) {
      const valid = declared.map((p) => p.name).join(", ") ||
        "(none: the notebook has no parameters cell)";
      const nearest = declared.map((p) => ({ p, d: editDistance(name, p.name) }))
        .filter(({ d }) => d <= Math.max(2, Math.floor(name.length / 4)))
        .sort((a, b) => a.d - b.d)[0];
      const hint = nearest === undefined ? "" : ` (did you mean "${nearest.p.name}"?)`;
      throw new TypeError(`${file} has no parameter "${name}"${hint}; valid parameters: ${valid}`);
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
    } else if (param.type === "array" || param.type === "object") {
      values[name] = parseStructured(param, raw);
    } else if (param.type === "string") {
      values[name] = raw;
    } else {
      throw new TypeError(
        `Cannot use --param ${name}=${raw}: its default ${param.defaultSource} is an expression, ` +
          `not a literal; give it a number, string, boolean, array or object default in the ` +
          `parameters cell to make it overridable`,
      );
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
  values: Readonly<Record<string, ParameterValue>>,
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
