/**
 * A grid file: the parameter sets of a pack, listed by hand in YAML, one map of parameter name
 * to value per set, with an optional `label` (else the set's values joined with `-`):
 *
 * ```yaml
 * - ticker: MARA
 * - ticker: RIOT
 *   btcPriceUsd: 150000
 *   label: RIOT-bull
 * ```
 *
 * Values are checked against the parameters the notebook declares, by the type of each
 * default, as `--param` checks them. A mistake names the file and line.
 *
 * @module
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import { type Parameter, type ParameterValue, parseParameterArgs } from "../notebook/parameters.ts";
import { labelOf, labelProblem, type ParameterSet } from "./parameter_sets.ts";

/** A grid file that cannot be read; the message is `file:line: reason`. */
export class ParameterGridError extends TypeError {
  /** The grid file. */
  readonly file: string;
  /** 1-based line, or 0 when the file as a whole is wrong. */
  readonly line: number;

  /** Builds the error and its message. */
  constructor(file: string, line: number, reason: string) {
    super(`${file}${line > 0 ? `:${line}` : ""}: ${reason}`);
    this.name = "ParameterGridError";
    this.file = file;
    this.line = line;
  }
}

/** The text `--param` would take for a YAML value: JSON for arrays and objects. */
function argText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/**
 * Reads a grid file's text into parameter sets, in the file's order. Errors (a
 * {@linkcode ParameterGridError}) name the line: invalid YAML, a list item that is not a map,
 * an unknown parameter (with the nearest declared name), a value of the wrong type, a bad or
 * duplicate label, a set with neither values nor label, an empty grid.
 *
 * @example
 * ```ts
 * import { parseParameterGrid } from "./parameter_grid.ts";
 * import assert from "node:assert/strict";
 *
 * const declared = [
 *   { name: "ticker", defaultSource: '"MARA"', type: "string" as const },
 *   { name: "btcPriceUsd", defaultSource: "90_000", type: "number" as const },
 * ];
 * const text = "- ticker: MARA\n- ticker: RIOT\n  btcPriceUsd: 150000\n  label: RIOT-bull\n";
 * const sets = parseParameterGrid(text, "g.yaml", declared, "n.ipynb");
 * assert.deepEqual(sets, [
 *   { label: "MARA", values: { ticker: "MARA" }, origin: "g.yaml:1" },
 *   { label: "RIOT-bull", values: { ticker: "RIOT", btcPriceUsd: 150000 }, origin: "g.yaml:2" },
 * ]);
 * assert.throws(() => parseParameterGrid("- ticker: MARA\n- tickr: RIOT\n", "g.yaml", declared, "n.ipynb"),
 *   /^ParameterGridError: g\.yaml:2: n\.ipynb has no parameter "tickr" \(did you mean "ticker"\?\)/);
 * assert.throws(() => parseParameterGrid("- btcPriceUsd: lots\n", "g.yaml", declared, "n.ipynb"),
 *   /^ParameterGridError: g\.yaml:1: btcPriceUsd: cannot use "lots": expected a number/);
 * ```
 */
export function parseParameterGrid(
  text: string,
  gridFile: string,
  declared: readonly Parameter[],
  notebookFile: string,
): ParameterSet[] {
  const lines = new LineCounter();
  const lineAt = (range: readonly number[] | null | undefined) =>
    range === null || range === undefined ? 0 : lines.linePos(range[0]!).line;
  const fail = (line: number, reason: string): never => {
    throw new ParameterGridError(gridFile, line, reason);
  };
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const problem = doc.errors[0];
  if (problem !== undefined) {
    fail(lines.linePos(problem.pos[0]).line, `not valid YAML: ${problem.message}`);
  }
  const root = doc.contents;
  if (!isSeq(root)) {
    fail(
      lineAt(root?.range),
      "expected a list of parameter sets, one `- name: value` map per set",
    );
  }
  const sets: ParameterSet[] = [];
  const labels = new Map<string, number>();
  for (const item of (root as { items: unknown[] }).items) {
    const line = lineAt((item as { range?: [number, number, number] } | null)?.range);
    if (!isMap(item)) {
      fail(line, "expected a map of parameter name to value (e.g. `- ticker: MARA`)");
    }
    const values: Record<string, ParameterValue> = {};
    let label: string | undefined;
    for (const pair of (item as { items: { key: unknown; value: unknown }[] }).items) {
      const keyLine = lineAt((pair.key as { range?: [number, number, number] })?.range) || line;
      const name = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (name === undefined) fail(keyLine, "expected a parameter name as a key");
      const value = (pair.value as { toJSON?: () => unknown } | null)?.toJSON?.() ?? null;
      if (name === "label") {
        if (typeof value !== "string" && typeof value !== "number") {
          fail(keyLine, `label: expected text, found ${JSON.stringify(value)}`);
        }
        label = String(value);
        const problem = labelProblem(label);
        if (problem !== undefined) fail(keyLine, problem);
        continue;
      }
      if (value === null) fail(keyLine, `${name}: no value (leave it out to keep its default)`);
      const arg = `${name}=${argText(value)}`;
      try {
        values[name!] = parseParameterArgs([arg], declared, notebookFile)[name!]!;
      } catch (error) {
        if (!(error instanceof TypeError)) throw error;
        // parseParameterArgs speaks of --param; in a grid the line and the name say where.
        const flag = `Cannot use --param ${arg}: `;
        fail(
          keyLine,
          error.message.startsWith(flag)
            ? `${name}: cannot use ${JSON.stringify(value)}: ${error.message.slice(flag.length)}`
            : error.message,
        );
      }
    }
    if (label === undefined) {
      if (Object.keys(values).length === 0) {
        fail(line, 'a set with no parameters needs a "label" (its note is <notebook>-<label>)');
      }
      label = labelOf(Object.values(values), `${gridFile}:${line}`);
    }
    const earlier = labels.get(label.toLowerCase());
    if (earlier !== undefined) {
      fail(line, `label "${label}" is also the label of the set at line ${earlier}`);
    }
    labels.set(label.toLowerCase(), line);
    sets.push({ label, values, origin: `${gridFile}:${line}` });
  }
  if (sets.length === 0) fail(lineAt(root?.range), "the grid lists no parameter sets");
  return sets;
}

/**
 * Reads a grid file (see {@linkcode parseParameterGrid}).
 *
 * @example
 * ```ts
 * import { readParameterGrid } from "./parameter_grid.ts";
 * import assert from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir();
 * await Deno.writeTextFile(`${dir}/g.yaml`, "- ticker: MARA\n");
 * const declared = [{ name: "ticker", defaultSource: '"MARA"', type: "string" as const }];
 * assert.equal((await readParameterGrid(`${dir}/g.yaml`, declared, "n.ipynb"))[0]!.label, "MARA");
 * await assert.rejects(readParameterGrid(`${dir}/none.yaml`, declared, "n.ipynb"),
 *   /Cannot read the grid file .*none\.yaml/);
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function readParameterGrid(
  path: string,
  declared: readonly Parameter[],
  notebookFile: string,
): Promise<ParameterSet[]> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (error) {
    throw new TypeError(`Cannot read the grid file ${path}: ${(error as Error).message}`);
  }
  return parseParameterGrid(text, path, declared, notebookFile);
}
