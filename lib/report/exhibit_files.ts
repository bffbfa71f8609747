/**
 * A note's exhibit CSVs on disk: `<outDir>/<name>/exhibit-<n>.csv`, one folder per note, so
 * that no two notes of a run (a pack renders its sets at once) write the same file.
 *
 * @module
 */
import { join } from "node:path";
import { writeFilesAtomic } from "../files/write_atomic.ts";

/**
 * Writes the note's CSVs into `<outDir>/<name>/` together (all replaced or none), then removes
 * the `exhibit-<n>.csv` files of an earlier run that this one no longer has, so the folder holds
 * exactly this note's exhibits. Returns the paths written.
 *
 * @example
 * ```ts
 * import { writeExhibitCsvs } from "./exhibit_files.ts";
 * import assert from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir();
 * await writeExhibitCsvs(dir, "01_x", [{ file: "exhibit-1.csv", csv: "a\n" }, { file: "exhibit-2.csv", csv: "b\n" }]);
 * await writeExhibitCsvs(dir, "01_x", [{ file: "exhibit-1.csv", csv: "c\n" }]);
 * assert.deepEqual([...Deno.readDirSync(`${dir}/01_x`)].map((e) => e.name), ["exhibit-1.csv"]);
 * assert.equal(await Deno.readTextFile(`${dir}/01_x/exhibit-1.csv`), "c\n");
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function writeExhibitCsvs(
  outDir: string,
  name: string,
  csvs: readonly { readonly file: string; readonly csv: string }[],
): Promise<string[]> {
  const dir = join(outDir, name);
  await Deno.mkdir(dir, { recursive: true });
  const files = csvs.map(({ file, csv }) => ({ path: join(dir, file), data: csv }));
  await writeFilesAtomic(files);
  const kept = new Set(csvs.map((c) => c.file));
  for (const entry of [...Deno.readDirSync(dir)]) {
    if (entry.isFile && /^exhibit-\d+\.csv$/.test(entry.name) && !kept.has(entry.name)) {
      await Deno.remove(join(dir, entry.name));
    }
  }
  return files.map((f) => f.path);
}
