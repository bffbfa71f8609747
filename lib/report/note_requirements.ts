/**
 * What a notebook needs to become a note, checked from its source before any kernel starts:
 * front matter a note can print, and key takeaways (a code cell tagged `takeaways`, or a
 * `takeaways` list in the front matter). A run that would fail at the end fails at once.
 *
 * @module
 */
import { type FrontMatter, frontMatter } from "../notebook/front_matter.ts";
import { cellTags, type Notebook } from "../notebook/notebook.ts";

/**
 * Checks the notebook can become a note and returns its front matter; throws a `TypeError`
 * (or a `SyntaxError` for bad YAML) naming the file and what is missing.
 *
 * @example
 * ```ts
 * import { checkNoteRequirements } from "./note_requirements.ts";
 * import assert from "node:assert/strict";
 *
 * const front = { cell_type: "raw" as const, metadata: {}, source: "---\ntitle: Hashprice\n---\n" };
 * const takeaways = { cell_type: "code" as const, metadata: { tags: ["takeaways"] }, source: "show(list)" };
 * const nb = (...cells: (typeof front | typeof takeaways)[]) => ({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells });
 * assert.equal(checkNoteRequirements(nb(front, takeaways), "n.ipynb").title, "Hashprice");
 * assert.throws(() => checkNoteRequirements(nb(front), "n.ipynb"), /n\.ipynb: the note has no key takeaways/);
 * assert.throws(() => checkNoteRequirements(nb(takeaways), "n.ipynb"), /n\.ipynb: expected a first raw cell/);
 * ```
 */
export function checkNoteRequirements(notebook: Notebook, file: string): FrontMatter {
  const front = frontMatter(notebook, file);
  const takeawaysCell = notebook.cells.some((cell) => {
    const tags = cellTags(cell);
    return cell.cell_type === "code" && tags.includes("takeaways") && !tags.includes("remove-cell");
  });
  if (!takeawaysCell && front.takeaways.length === 0) {
    throw new TypeError(
      `${file}: the note has no key takeaways: tag a code cell "takeaways" that displays a ` +
        `markdown list, or list "takeaways" in the front matter`,
    );
  }
  return front;
}
