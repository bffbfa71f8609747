/**
 * The notes a report run will write, decided before anything runs: one per notebook, or, for
 * a pack (`--each`, `--grid`), one per parameter set of the one notebook. Every note has its
 * own file stem; two notes that would write the same file are an error naming both.
 *
 * @module
 */
import { basename } from "node:path";
import { notebookFromJson } from "../notebook/notebook.ts";
import { notebookParameters, parseParameterArgs } from "../notebook/parameters.ts";
import { readParameterGrid } from "./parameter_grid.ts";
import {
  checkDistinctLabels,
  checkFixedParameters,
  crossParameterSets,
  eachParameterSets,
  type ParameterSet,
} from "./parameter_sets.ts";

/** One note of a run. */
export interface PlannedNote {
  /** The notebook it is made from. */
  readonly notebook: string;
  /** The file stem of its PDF and HTML, e.g. `08_company-MARA`. */
  readonly name: string;
  /** For a pack, the set of parameter values it renders. */
  readonly parameterSet?: ParameterSet;
}

/** Options of {@linkcode planNotes}. */
export interface NotePlanOptions {
  /** The notebooks to render, in order. Required. */
  readonly notebooks: readonly string[];
  /** `--param name=value` values, the same for every note. Default: none. */
  readonly params?: readonly string[];
  /** `--each name=v1,v2,…` options. Default: none. */
  readonly each?: readonly string[];
  /** A grid file of parameter sets (`--grid`). Default: none. */
  readonly grid?: string;
}

/**
 * Plans a run's notes in a stable order: the notebooks as given; a pack's sets in the grid
 * file's order, crossed with the `--each` values (the first option varies slowest). A pack
 * needs exactly one notebook; its `--param` values, `--each` values and grid file are all
 * checked here, before any kernel starts.
 *
 * @example
 * ```ts
 * import { planNotes } from "./note_plan.ts";
 * import assert from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir();
 * const file = `${dir}/08_company.ipynb`;
 * await Deno.writeTextFile(file, JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {},
 *   cells: [{ cell_type: "code", metadata: { tags: ["parameters"] }, source: 'let ticker = "MARA";', outputs: [] }] }));
 * const plan = await planNotes({ notebooks: [file], each: ["ticker=MARA,RIOT"] });
 * assert.deepEqual(plan.map((note) => note.name), ["08_company-MARA", "08_company-RIOT"]);
 * assert.deepEqual(plan[1]!.parameterSet?.values, { ticker: "RIOT" });
 * assert.deepEqual((await planNotes({ notebooks: [file] })).map((note) => note.name), ["08_company"]);
 * await assert.rejects(planNotes({ notebooks: [file, file], each: ["ticker=MARA"] }),
 *   /Cannot apply --each to 2 notebooks/);
 * await assert.rejects(planNotes({ notebooks: [file, file] }),
 *   /Cannot render .*08_company\.ipynb twice: both would write the note 08_company/);
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function planNotes(options: NotePlanOptions): Promise<PlannedNote[]> {
  const { notebooks } = options;
  const each = options.each ?? [];
  const isPack = each.length > 0 || options.grid !== undefined;
  let notes: PlannedNote[];
  if (isPack) {
    if (notebooks.length !== 1) {
      const flag = each.length > 0 ? "--each" : "--grid";
      throw new TypeError(
        `Cannot apply ${flag} to ${notebooks.length} notebooks: name the one notebook it is for`,
      );
    }
    const file = notebooks[0]!;
    const source = notebookFromJson(await Deno.readTextFile(file), file);
    const declared = notebookParameters(source, file);
    const fixed = parseParameterArgs(options.params ?? [], declared, file);
    const grid = options.grid === undefined
      ? undefined
      : await readParameterGrid(options.grid, declared, file);
    const eachSets = each.length === 0 ? undefined : eachParameterSets(each, declared, file);
    const sets = grid !== undefined && eachSets !== undefined
      ? crossParameterSets(grid, eachSets)
      : (grid ?? eachSets)!;
    checkFixedParameters(sets, fixed);
    checkDistinctLabels(sets, noteName(file));
    notes = sets.map((set) => ({
      notebook: file,
      name: noteName(file, set.label),
      parameterSet: set,
    }));
  } else {
    notes = notebooks.map((notebook) => ({ notebook, name: noteName(notebook) }));
  }
  checkDistinctNames(notes);
  return notes;
}

/**
 * The file stem of a note: the notebook's name, and for one set of a pack `-<label>` after it.
 *
 * @example
 * ```ts
 * import { noteName } from "./note_plan.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(noteName("notebooks/08_company.ipynb"), "08_company");
 * assert.equal(noteName("notebooks/08_company.ipynb", "MARA"), "08_company-MARA");
 * ```
 */
export function noteName(notebook: string, label?: string): string {
  const name = basename(notebook, ".ipynb");
  return label === undefined ? name : `${name}-${label}`;
}

/**
 * Throws when two notes of one run (e.g. two folders' `x.ipynb`) would write one note's files;
 * names differing only in case collide too, as they do on a case-insensitive file system.
 *
 * @example
 * ```ts
 * import { checkDistinctNames } from "./note_plan.ts";
 * import assert from "node:assert/strict";
 *
 * checkDistinctNames([{ notebook: "a/07_x.ipynb", name: "07_x" }, { notebook: "a/08_y.ipynb", name: "08_y" }]);
 * assert.throws(
 *   () => checkDistinctNames([{ notebook: "a/07_x.ipynb", name: "07_x" }, { notebook: "b/07_X.ipynb", name: "07_X" }]),
 *   /^TypeError: Cannot render a\/07_x\.ipynb and b\/07_X\.ipynb: both would write the note 07_x;/,
 * );
 * ```
 */
export function checkDistinctNames(notes: readonly PlannedNote[]): void {
  const seen = new Map<string, PlannedNote>();
  for (const note of notes) {
    const key = note.name.toLowerCase();
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      const what = earlier.notebook === note.notebook
        ? `${note.notebook} twice`
        : `${earlier.notebook} and ${note.notebook}`;
      throw new TypeError(
        `Cannot render ${what}: both would write the note ${earlier.name}; render them in ` +
          `separate runs with different --out directories`,
      );
    }
    seen.set(key, note);
  }
}
