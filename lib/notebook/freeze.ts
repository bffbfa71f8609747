/**
 * Freeze: a notebook is executed again only when something that could change its outputs has
 * changed: its code cells, the parameters of the run, the data files, the house view, the `lib`
 * sources or the Deno version. Their combined hash is stored in the notebook's metadata (`mullet.freeze`);
 * when it matches, the saved outputs are reused and no kernel starts.
 *
 * @module
 */
import { sha256Hex } from "../files/sha256.ts";
import type { ParameterValue } from "./parameters.ts";
import { cellSource, type Notebook } from "./notebook.ts";

/** Everything the freeze hash covers. */
export interface FreezeInputs {
  /** The notebook (its code cells count). */
  readonly notebook: Notebook;
  /** Values injected for this run. */
  readonly parameters: Readonly<Record<string, ParameterValue>>;
  /** sha256 of each data file, by name. */
  readonly dataHashes: Readonly<Record<string, string>>;
  /** sha256 of each lib source file, by path. */
  readonly libHashes: Readonly<Record<string, string>>;
  /** Deno version running the kernel. */
  readonly denoVersion: string;
  /** sha256 of the house view the run reads. Default none. */
  readonly houseViewHash?: string;
}

function sortedEntries(record: Readonly<Record<string, unknown>>): [string, unknown][] {
  return Object.keys(record).sort().map((key) => [key, record[key]]);
}

/**
 * The freeze hash of a run.
 *
 * @example
 * ```ts
 * import { freezeHash } from "./freeze.ts";
 * import assert from "node:assert/strict";
 *
 * const notebook = { nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [
 *   { cell_type: "code" as const, metadata: {}, source: "1 + 1", outputs: [] },
 *   { cell_type: "markdown" as const, metadata: {}, source: "prose" }] };
 * const inputs = { notebook, parameters: {}, dataHashes: { "btc_daily.csv": "ab" }, libHashes: {}, denoVersion: "2.9.6" };
 * const hash = await freezeHash(inputs);
 * // Prose and outputs do not count; code, parameters, data, lib and Deno do.
 * const prose = { ...notebook, cells: [notebook.cells[0]!, { ...notebook.cells[1]!, source: "other prose" }] };
 * assert.equal(await freezeHash({ ...inputs, notebook: prose }), hash);
 * assert.notEqual(await freezeHash({ ...inputs, parameters: { grossMw: 250 } }), hash);
 * assert.notEqual(await freezeHash({ ...inputs, dataHashes: { "btc_daily.csv": "cd" } }), hash);
 * assert.notEqual(await freezeHash({ ...inputs, houseViewHash: "ef" }), hash);
 * ```
 */
export async function freezeHash(inputs: FreezeInputs): Promise<string> {
  const code = inputs.notebook.cells.filter((c) => c.cell_type === "code").map(cellSource);
  return await sha256Hex(JSON.stringify({
    code,
    parameters: sortedEntries(inputs.parameters),
    data: sortedEntries(inputs.dataHashes),
    lib: sortedEntries(inputs.libHashes),
    deno: inputs.denoVersion,
    ...(inputs.houseViewHash === undefined ? {} : { house: inputs.houseViewHash }),
  }));
}

/**
 * The hash stored in a notebook by {@linkcode withFreezeHash}, if any.
 *
 * @example
 * ```ts
 * import { storedFreezeHash, withFreezeHash } from "./freeze.ts";
 * import assert from "node:assert/strict";
 *
 * const nb = { nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [] };
 * assert.equal(storedFreezeHash(nb), undefined);
 * assert.equal(storedFreezeHash(withFreezeHash(nb, "ab12")), "ab12");
 * ```
 */
export function storedFreezeHash(notebook: Notebook): string | undefined {
  const mullet = notebook.metadata["mullet"] as { freeze?: unknown } | undefined;
  return typeof mullet?.freeze === "string" ? mullet.freeze : undefined;
}

/**
 * The notebook with `hash` stored in its metadata (other metadata kept).
 *
 * @example
 * ```ts
 * import { withFreezeHash } from "./freeze.ts";
 * import assert from "node:assert/strict";
 *
 * const nb = withFreezeHash({ nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: {} }, cells: [] }, "ff");
 * assert.deepEqual(nb.metadata, { kernelspec: {}, mullet: { freeze: "ff" } });
 * ```
 */
export function withFreezeHash(notebook: Notebook, hash: string): Notebook {
  const mullet = (notebook.metadata["mullet"] ?? {}) as Record<string, unknown>;
  return { ...notebook, metadata: { ...notebook.metadata, mullet: { ...mullet, freeze: hash } } };
}

/**
 * sha256 of every file under `dir` whose name passes `keep`, by path relative to `dir`.
 *
 * @example
 * ```ts
 * import { hashFiles } from "./freeze.ts";
 * import assert from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir();
 * await Deno.writeTextFile(`${dir}/a.csv`, "abc");
 * assert.deepEqual(await hashFiles(dir, () => true),
 *   { "a.csv": "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" });
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function hashFiles(
  dir: string,
  keep: (name: string) => boolean,
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (sub: string) => {
    for await (const entry of Deno.readDir(`${dir}/${sub}`)) {
      const rel = sub === "" ? entry.name : `${sub}/${entry.name}`;
      if (entry.isDirectory) await walk(rel);
      else if (entry.isFile && keep(entry.name)) {
        out[rel] = await sha256Hex(await Deno.readFile(`${dir}/${rel}`));
      }
    }
  };
  await walk("");
  return out;
}
