/**
 * What `deno task report` renders when no notebook is named: every notebook in `notebooks/`,
 * except that a notebook whose front matter says `each: ticker` renders once per ticker the
 * company model values (`lib/coverage`), as a pack would with `--each ticker=…`, in place of
 * its own default. So the default run is the coverage pack: the tracker and a note per company,
 * all from the one house view.
 *
 * @module
 */
import { frontMatter } from "../notebook/front_matter.ts";
import { readNotebook } from "../notebook/notebook.ts";
import { checkDistinctNames, noteName, type PlannedNote, planNotes } from "./note_plan.ts";

/**
 * Plans the default run's notes, in the notebooks' order; a per-company notebook's notes follow
 * the tickers' order. `tickers` is asked for only when some notebook is per company.
 *
 * @example
 * ```ts
 * import { defaultNotes } from "./default_notes.ts";
 * import assert from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir();
 * const note = (title: string, extra: string, code: string) => JSON.stringify({ nbformat: 4, nbformat_minor: 5,
 *   metadata: {}, cells: [{ cell_type: "raw", metadata: {}, source: `---\ntitle: ${title}\n${extra}---` },
 *   { cell_type: "code", metadata: { tags: ["parameters"] }, source: code, outputs: [] }] });
 * await Deno.writeTextFile(`${dir}/07_tracker.ipynb`, note("Tracker", "", "let asOf = null;"));
 * await Deno.writeTextFile(`${dir}/08_company.ipynb`, note("One miner", "each: ticker\n", 'let ticker = "RIOT";'));
 * const notes = await defaultNotes([`${dir}/07_tracker.ipynb`, `${dir}/08_company.ipynb`],
 *   () => Promise.resolve(["MARA", "RIOT"]));
 * assert.deepEqual(notes.map((n) => n.name), ["07_tracker", "08_company-MARA", "08_company-RIOT"]);
 * assert.deepEqual(notes[2]!.parameterSet?.values, { ticker: "RIOT" });
 * // The parameter named by "each" must be one the notebook has.
 * await Deno.writeTextFile(`${dir}/09_x.ipynb`, note("X", "each: company\n", 'let ticker = "RIOT";'));
 * await assert.rejects(defaultNotes([`${dir}/09_x.ipynb`], () => Promise.resolve(["MARA"])),
 *   /09_x\.ipynb has no parameter "company"; valid parameters: ticker/);
 * // A per-company notebook with no company valued is an error, not an empty pack.
 * await assert.rejects(defaultNotes([`${dir}/08_company.ipynb`], () => Promise.resolve([])),
 *   /Cannot render .*08_company\.ipynb per company \(front matter "each: ticker"\): the company model values no ticker/);
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function defaultNotes(
  notebooks: readonly string[],
  tickers: () => Promise<readonly string[]>,
): Promise<PlannedNote[]> {
  const notes: PlannedNote[] = [];
  let valued: readonly string[] | undefined;
  for (const notebook of notebooks) {
    const each = frontMatter(await readNotebook(notebook), notebook).each;
    if (each === undefined) {
      notes.push({ notebook, name: noteName(notebook) });
      continue;
    }
    valued ??= await tickers();
    if (valued.length === 0) {
      throw new RangeError(
        `Cannot render ${notebook} per company (front matter "each: ${each}"): the company ` +
          "model values no ticker, as none has published every figure it needs (data/companies.csv)",
      );
    }
    notes.push(
      ...await planNotes({ notebooks: [notebook], each: [`${each}=${valued.join(",")}`] }),
    );
  }
  checkDistinctNames(notes);
  return notes;
}
