/**
 * What a note that failed says and leaves behind. The last good PDF and HTML of a note are
 * renamed `<name>.stale.pdf` and `<name>.stale.html`, and the folder of its exhibits' CSVs
 * `<name>.stale/`, so nobody mistakes them for this run's note; a note Chromium could not print names its largest output, the usual reason.
 *
 * @module
 */
import { join } from "node:path";
import { formatBytes, MAX_OUTPUT_BYTES, type OutputSize } from "../notebook/output_cap.ts";

/**
 * Renames the previous `<outDir>/<name>.pdf` and `.html` to `<name>.stale.pdf` and
 * `.stale.html`, and its data folder `<name>/` to `<name>.stale/` (replacing older stale ones) and returns a sentence saying so, or `""` when
 * there was no previous note. Never throws: a rename that fails is said instead.
 *
 * @example
 * ```ts
 * import { retireStaleNote } from "./note_failure.ts";
 * import assert from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir();
 * await Deno.writeTextFile(`${dir}/03_mullet.pdf`, "last run's note");
 * const said = await retireStaleNote(dir, "03_mullet");
 * assert.equal(said, `The previous ${dir}/03_mullet.pdf is renamed 03_mullet.stale.pdf: it is not this run's note.`);
 * assert.equal(await Deno.readTextFile(`${dir}/03_mullet.stale.pdf`), "last run's note");
 * assert.equal(await retireStaleNote(dir, "03_mullet"), "");
 * await Deno.mkdir(`${dir}/03_mullet`);
 * await Deno.writeTextFile(`${dir}/03_mullet/exhibit-1.csv`, "last run's data");
 * assert.match(await retireStaleNote(dir, "03_mullet"), /03_mullet\/ is renamed 03_mullet\.stale\//);
 * assert.equal(await Deno.readTextFile(`${dir}/03_mullet.stale/exhibit-1.csv`), "last run's data");
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function retireStaleNote(outDir: string, name: string): Promise<string> {
  const moved: string[] = [];
  for (const ext of ["pdf", "html", "/"]) {
    const dir = ext === "/";
    const previous = join(outDir, dir ? name : `${name}.${ext}`);
    const stale = join(outDir, dir ? `${name}.stale` : `${name}.stale.${ext}`);
    try {
      // A folder is not renamed over another: the older stale one goes first.
      if (dir && (await Deno.stat(previous)).isDirectory) {
        await Deno.remove(stale, { recursive: true }).catch(() => {});
      }
      await Deno.rename(previous, stale);
      moved.push(ext);
    } catch (error) {
      if (error instanceof Deno.errors.NotFound) continue;
      return `The previous ${previous} could not be renamed ${stale} ` +
        `(${(error as Error).message}): it is NOT this run's note.`;
    }
  }
  if (moved.length === 0) return "";
  const named = (stem: string) => (ext: string) => ext === "/" ? `${stem}/` : `${stem}.${ext}`;
  const was = moved.map(named(name)).join(" and ");
  const now = moved.map(named(`${name}.stale`)).join(" and ");
  const verb = moved.length === 1 ? "is" : "are";
  return `The previous ${join(outDir, was)} ${verb} renamed ${now}: ${
    moved.length === 1 ? "it is" : "they are"
  } not this run's note.`;
}

/**
 * The error for a note Chromium could not print (typically "Timed out after waiting
 * 30000ms"): it names the note and its largest output.
 *
 * @example
 * ```ts
 * import { printFailure } from "./note_failure.ts";
 * import assert from "node:assert/strict";
 *
 * const error = printFailure(
 *   { name: "07_big", largestOutput: { cell: 4, bytes: 52_428_800, description: "cell 4's stdout stream (52.4 MB)" } },
 *   new Error("Timed out after waiting 30000ms"),
 * );
 * assert.equal(error.message,
 *   "Cannot print the note 07_big: Timed out after waiting 30000ms. Its largest output is " +
 *   "cell 4's stdout stream (52.4 MB), over the 1 MB a run keeps of one output: run it again " +
 *   "with --execute, or print less in that cell.");
 * ```
 */
export function printFailure(
  note: { readonly name: string; readonly largestOutput?: OutputSize | undefined },
  error: unknown,
): Error {
  const why = (error instanceof Error ? error.message : String(error)).replace(/\.$/, "");
  const largest = note.largestOutput;
  const hint = largest === undefined
    ? " The notebook has no outputs."
    : largest.bytes > MAX_OUTPUT_BYTES
    ? ` Its largest output is ${largest.description}, over the ${
      formatBytes(MAX_OUTPUT_BYTES)
    } a run keeps of one output: run it again with --execute, or print less in that cell.`
    : ` Its largest output is ${largest.description}.`;
  return new Error(`Cannot print the note ${note.name}: ${why}.${hint}`, { cause: error });
}
