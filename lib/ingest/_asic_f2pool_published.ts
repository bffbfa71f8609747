/**
 * F2Pool's device list without the list: its repository states no licence, so the raw file is
 * not part of the project. When it is absent from the source folder, the build carries over the
 * F2Pool rows of the published `asic_models.csv` and the list's size and sha256 from the
 * published `SOURCES.md`, which were built from it, so the result is the same byte for byte.
 * Internal to `lib/ingest`.
 *
 * @module
 */
import { parseCsv } from "../data/csv.ts";
import type { RawInput } from "./dataset_build.ts";
import { ASIC_MODELS_SCHEMA, asicModelsFromCsv } from "../data/asic_models.ts";
import { readSection } from "./sources_md.ts";
import {
  F2POOL_DATE,
  F2POOL_DEVICES_INPUT,
  F2POOL_SOURCE_TYPE,
  F2POOL_URL,
} from "./_asic_f2pool.ts";
import type { LocatedModel } from "./_asic_rows.ts";

/** The folder of the published datasets, relative to the project root. */
export const PUBLISHED_DIR = "data";

/** The F2Pool rows carried over and the list's record: its size and sha256, no text. */
export interface PublishedF2pool {
  /** The F2Pool rows of the published catalogue, in its order. */
  readonly models: LocatedModel[];
  /** The list as the inputs table records it (`text` is empty). */
  readonly input: RawInput;
  /** The two files read. */
  readonly csvPath: string;
  readonly sourcesPath: string;
}

async function readText(path: string): Promise<string> {
  try {
    return await Deno.readTextFile(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) throw new Error(`Cannot read ${path}: no such file`);
    throw error;
  }
}

/**
 * The F2Pool rows of `<dir>/asic_models.csv` (those whose `source` is F2Pool's URL) and the
 * list's bytes and sha256 from the `asic_models` inputs table of `<dir>/SOURCES.md`. Throws
 * when either file lacks them, or when the row count differs from the one `SOURCES.md` records.
 *
 * @example
 * ```ts
 * import { publishedF2pool } from "./_asic_f2pool_published.ts";
 * import assert from "node:assert/strict";
 *
 * const published = await publishedF2pool("data");
 * assert.equal(published.models.length, 86);
 * assert.equal(published.input.bytes, 7759);
 * assert.equal(published.models[0]!.row.model, "Antminer S19 Pro");
 * ```
 */
export async function publishedF2pool(dir: string): Promise<PublishedF2pool> {
  const csvPath = `${dir}/asic_models.csv`;
  const sourcesPath = `${dir}/SOURCES.md`;
  const text = await readText(csvPath);
  const { lines } = parseCsv(text, ASIC_MODELS_SCHEMA, { file: csvPath });
  const models = asicModelsFromCsv(text, { file: csvPath })
    .map((row, i): LocatedModel => ({
      row,
      file: csvPath,
      line: lines[i]!,
      sourceType: F2POOL_SOURCE_TYPE,
      sourceDate: F2POOL_DATE,
      conflict: false,
    }))
    .filter((located) => located.row.source === F2POOL_URL);
  const section = readSection(await readText(sourcesPath), "asic_models") ?? "";
  const recorded = /\*\*Origin:\*\* (\d+) models from F2Pool/.exec(section);
  const inputRow = section.split("\n").find((l) => l.startsWith(`| \`${F2POOL_DEVICES_INPUT}\` |`));
  const cells = inputRow?.split("|").map((c) => c.trim());
  const bytes = Number(cells?.at(-3));
  const sha256 = /^`([0-9a-f]{64})`$/.exec(cells?.at(-2) ?? "")?.[1];
  if (recorded === null || sha256 === undefined || !Number.isInteger(bytes)) {
    throw new Error(
      `Cannot carry over the F2Pool rows: the asic_models section of ${sourcesPath} does not ` +
        `record them (an "Origin" count and an inputs-table row for \`${F2POOL_DEVICES_INPUT}\`` +
        " with bytes and sha256)",
    );
  }
  if (models.length !== Number(recorded[1])) {
    throw new Error(
      `Cannot carry over the F2Pool rows: ${csvPath} has ${models.length} rows from ` +
        `${F2POOL_URL}, but ${sourcesPath} records ${recorded[1]}`,
    );
  }
  return {
    models,
    input: { path: F2POOL_DEVICES_INPUT, bytes, sha256, text: "" },
    csvPath,
    sourcesPath,
  };
}
