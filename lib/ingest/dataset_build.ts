/**
 * What every dataset builder shares: reading a raw input with its hash, the shape of a built
 * dataset (CSV text plus its SOURCES.md section), and writing a batch of built datasets
 * together, atomically, so a failing build leaves `data/` as it was.
 *
 * @module
 */
import { sha256Hex } from "../files/sha256.ts";
import { replaceSection } from "./sources_md.ts";
import { writeFilesAtomic } from "../files/write_atomic.ts";

/** Options every builder takes. */
export interface DatasetBuildOptions {
  /** Folder with the public inputs (`raw/` and `facts/` inside). Default `"data/inputs"`, the inputs committed with the project. */
  readonly sourceDir?: string;
  /** Build log. Default: `console.log`. */
  readonly log?: (line: string) => void;
}

/** A raw input as read: its path, bytes, UTF-8 text (BOM removed) and sha256. */
export interface RawInput {
  /** The path it was read from. */
  readonly path: string;
  /** Size in bytes. */
  readonly bytes: number;
  /** Lower-case hex SHA-256 of the bytes. */
  readonly sha256: string;
  /** The content as UTF-8 text, without a byte-order mark. */
  readonly text: string;
}

/** A dataset ready to be written: `data/<file>` and its section of `SOURCES.md`. */
export interface BuiltDataset {
  /** File name inside `data/`, e.g. `"gpu_models.csv"`. */
  readonly file: string;
  /** The CSV text; it must pass the dataset's own loader. */
  readonly csv: string;
  /** Markdown for `SOURCES.md`, starting with a `## ` heading. */
  readonly sources: string;
  /** Number of data rows. */
  readonly rows: number;
  /** Further files written with it inside `data/` (e.g. a provenance JSON). Default none. */
  readonly extraFiles?: readonly { readonly file: string; readonly data: string }[];
}

/** The default folder of public inputs, relative to the project root. */
export const DEFAULT_SOURCE_DIR = "data/inputs";

/**
 * Reads one input file, with a clear error when it is missing.
 *
 * @example
 * ```ts
 * import { readRawInput } from "./dataset_build.ts";
 * import assert from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir();
 * await Deno.writeTextFile(`${dir}/a.csv`, "\ufeffx\n1\n");
 * const input = await readRawInput(`${dir}/a.csv`);
 * assert.equal(input.text, "x\n1\n"); // the byte-order mark is dropped
 * assert.equal(input.bytes, 7);
 * await assert.rejects(readRawInput(`${dir}/missing.csv`), /missing.csv: no such file/);
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function readRawInput(path: string): Promise<RawInput> {
  let bytes: Uint8Array;
  try {
    bytes = await Deno.readFile(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) throw new Error(`Cannot read ${path}: no such file`);
    throw error;
  }
  let text = new TextDecoder().decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { path, bytes: bytes.length, sha256: await sha256Hex(bytes), text };
}

/**
 * A markdown table row describing an input, for the "Inputs" table of a SOURCES.md section
 * (columns: input, origin, bytes, sha256).
 *
 * @example
 * ```ts
 * import { inputRow } from "./dataset_build.ts";
 * import assert from "node:assert/strict";
 *
 * const row = inputRow({ path: "raw/a.csv", bytes: 3, sha256: "ab", text: "" }, "Epoch AI");
 * assert.equal(row, "| `raw/a.csv` | Epoch AI | 3 | `ab` |");
 * ```
 */
export function inputRow(input: RawInput, origin: string): string {
  return `| \`${input.path}\` | ${origin} | ${input.bytes} | \`${input.sha256}\` |`;
}

/** Header of the inputs table matching {@linkcode inputRow}. */
export const INPUTS_TABLE_HEADER = "| input | origin | bytes | sha256 |\n|---|---|---:|---|";

/**
 * Writes built datasets into `outDir` with their SOURCES.md sections, all or nothing.
 *
 * @example
 * ```ts
 * import { writeBuiltDatasets } from "./dataset_build.ts";
 * import assert from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir();
 * await writeBuiltDatasets(dir, [{ file: "x.csv", csv: "a\n1\n", sources: "## x\n", rows: 1 }]);
 * assert.equal(await Deno.readTextFile(`${dir}/x.csv`), "a\n1\n");
 * assert.match(await Deno.readTextFile(`${dir}/SOURCES.md`), /<!-- dataset:x -->\n## x\n/);
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function writeBuiltDatasets(
  outDir: string,
  datasets: readonly BuiltDataset[],
): Promise<void> {
  const sourcesPath = `${outDir}/SOURCES.md`;
  let sources = await Deno.readTextFile(sourcesPath).catch((error) => {
    if (error instanceof Deno.errors.NotFound) return "";
    throw error;
  });
  const files: { path: string; data: string }[] = [];
  for (const dataset of datasets) {
    const id = dataset.file.replace(/\.csv$/, "");
    sources = replaceSection(sources, id, dataset.sources);
    files.push({ path: `${outDir}/${dataset.file}`, data: dataset.csv });
    for (const extra of dataset.extraFiles ?? []) {
      files.push({ path: `${outDir}/${extra.file}`, data: extra.data });
    }
  }
  files.push({ path: sourcesPath, data: sources });
  await writeFilesAtomic(files);
}
