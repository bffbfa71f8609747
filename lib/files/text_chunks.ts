/**
 * A text file read a piece at a time: a parser of a large file then never holds all its text,
 * nor its bytes beside its text.
 *
 * @module
 */

/** A text file as chunks of its text, with its size. */
export interface TextChunks extends Iterable<string> {
  /** The file's size in bytes: at least the length of its text, whatever the characters. */
  readonly length: number;
}

/** Options for {@linkcode textChunks}. */
export interface TextChunksOptions {
  /** Bytes read at a time. @default {65536} */
  readonly chunkBytes?: number;
}

/**
 * The text of the UTF-8 file at `path` in chunks, decoded as `TextDecoder` decodes (a BOM
 * dropped, a character split between reads kept whole). Each iteration opens the file, reads it
 * as it goes and closes it when it ends or stops.
 *
 * @example
 * ```ts
 * import { textChunks } from "./text_chunks.ts";
 * import assert from "node:assert/strict";
 *
 * const path = await Deno.makeTempFile();
 * await Deno.writeTextFile(path, "\ufeffprix,€\n");
 * const chunks = await textChunks(path, { chunkBytes: 3 });
 * assert.equal(chunks.length, 12); // bytes: 3 of the BOM, 3 of "€"
 * assert.deepEqual([...chunks], ["", "pri", "x,", "€\n", ""]);
 * await Deno.remove(path);
 * ```
 */
export async function textChunks(
  path: string | URL,
  options: TextChunksOptions = {},
): Promise<TextChunks> {
  const length = (await Deno.stat(path)).size;
  const chunkBytes = options.chunkBytes ?? 2 ** 16;
  return {
    length,
    *[Symbol.iterator]() {
      using file = Deno.openSync(path);
      const [decoder, buffer] = [new TextDecoder(), new Uint8Array(chunkBytes)];
      for (let n = file.readSync(buffer); n !== null; n = file.readSync(buffer)) {
        yield decoder.decode(buffer.subarray(0, n), { stream: true });
      }
      yield decoder.decode();
    },
  };
}
