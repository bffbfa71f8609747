/**
 * The cap on what one cell output may hold. A cell that prints 50 MB would otherwise be saved
 * into the notebook and then into the note, which Chromium cannot print in time. Text streams
 * keep their first bytes; a rich display over the cap keeps only a cut `text/plain`. Either
 * way a notice in the output says how much there was.
 *
 * @module
 */
import type { MimeBundle, Output } from "./outputs.ts";

/**
 * Most bytes (UTF-8) one saved output may hold: 1 000 000. The precedent is Jupyter Server,
 * which forwards at most 1 000 000 bytes of output a second to a front end
 * (`ZMQChannelsWebsocketConnection.iopub_data_rate_limit`, formerly
 * `NotebookApp.iopub_data_rate_limit`, default `1000000`, over a `rate_limit_window` of 3 s)
 * and shows a notice instead of the rest:
 * https://jupyter-server.readthedocs.io/en/latest/other/full-config.html
 * The largest exhibit of our notes (Vega-Lite + SVG + PNG) is about 250 kB.
 */
export const MAX_OUTPUT_BYTES = 1_000_000;

/**
 * Length of `text` in UTF-8 bytes, without encoding it.
 *
 * @example
 * ```ts
 * import { utf8Length } from "./output_cap.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(utf8Length("abc"), 3);
 * assert.equal(utf8Length("€"), 3);
 * assert.equal(utf8Length("😀"), 4);
 * ```
 */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit < 0xdc00 && i + 1 < text.length) {
      bytes += 4; // A surrogate pair is one 4-byte character.
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * A byte count for people, in decimal units (1 MB = 1 000 000 bytes, as the cap is stated).
 *
 * @example
 * ```ts
 * import { formatBytes } from "./output_cap.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(formatBytes(52_428_800), "52.4 MB");
 * assert.equal(formatBytes(1_000_000), "1 MB");
 * assert.equal(formatBytes(249_500), "249.5 kB");
 * assert.equal(formatBytes(12), "12 B");
 * ```
 */
export function formatBytes(bytes: number): string {
  const one = (value: number) => String(Math.round(value * 10) / 10);
  if (bytes >= 1e6) return `${one(bytes / 1e6)} MB`;
  if (bytes >= 1e3) return `${one(bytes / 1e3)} kB`;
  return `${bytes} B`;
}

/**
 * The start of `text` that fits in `maxBytes` (UTF-8), ending at a line break when one falls
 * in its second half, so a cut output ends on a whole line.
 *
 * @example
 * ```ts
 * import { headOfText } from "./output_cap.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(headOfText("line 1\nline 2\nline 3\n", 16), "line 1\nline 2\n");
 * assert.equal(headOfText("abcdef", 4), "abcd");
 * assert.equal(headOfText("short", 100), "short");
 * ```
 */
export function headOfText(text: string, maxBytes: number): string {
  // A UTF-16 unit is at most 3 UTF-8 bytes, so short text needs no counting.
  if (text.length * 3 <= maxBytes || utf8Length(text) <= maxBytes) return text;
  let bytes = 0;
  let end = 0;
  while (end < text.length) {
    const unit = text.charCodeAt(end);
    const pair = unit >= 0xd800 && unit < 0xdc00 && end + 1 < text.length;
    const size = unit < 0x80 ? 1 : unit < 0x800 ? 2 : pair ? 4 : 3;
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += pair ? 2 : 1;
  }
  const head = text.slice(0, end);
  const lastBreak = head.lastIndexOf("\n");
  return lastBreak >= end / 2 ? head.slice(0, lastBreak + 1) : head;
}

/**
 * The notice that ends a stream cut at the cap.
 *
 * @example
 * ```ts
 * import { streamCapNotice } from "./output_cap.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(streamCapNotice("stdout", 52_428_800, 1_000_000),
 *   "\n[output cut: the cell wrote 52.4 MB to stdout; the notebook keeps the first 1 MB, the cap of one output]\n");
 * ```
 */
export function streamCapNotice(name: string, seenBytes: number, maxBytes: number): string {
  return `\n[output cut: the cell wrote ${formatBytes(seenBytes)} to ${name}; the notebook keeps ` +
    `the first ${formatBytes(maxBytes)}, the cap of one output]\n`;
}

function valueBytes(value: unknown): number {
  if (typeof value === "string") return utf8Length(value);
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) {
    return value.reduce((sum: number, line: string) => sum + utf8Length(line), 0);
  }
  return utf8Length(JSON.stringify(value) ?? "");
}

/** Size of each MIME type of a bundle, largest first. */
function bundleSizes(data: MimeBundle): { mime: string; bytes: number }[] {
  return Object.entries(data).map(([mime, value]) => ({ mime, bytes: valueBytes(value) }))
    .sort((a, b) => b.bytes - a.bytes);
}

/**
 * A rich display's MIME bundle within `maxBytes`: unchanged when it fits; otherwise only its
 * `text/plain` (cut to fit) and a notice naming what was dropped.
 *
 * @example
 * ```ts
 * import { capBundle } from "./output_cap.ts";
 * import assert from "node:assert/strict";
 *
 * const small = { "text/plain": "Exhibit 1", "image/png": "iVBOR" };
 * assert.equal(capBundle(small, 100), small);
 * const big = { "text/plain": "Exhibit 1", "image/png": "A".repeat(5_000) };
 * assert.deepEqual(capBundle(big, 1_000), { "text/plain":
 *   "Exhibit 1\n[output cut: a display of 5 kB (image/png 5 kB, text/plain 9 B) is over " +
 *   "1 kB, the cap of one output; only its text/plain is kept]" });
 * ```
 */
export function capBundle(data: MimeBundle, maxBytes: number = MAX_OUTPUT_BYTES): MimeBundle {
  const sizes = bundleSizes(data);
  const total = sizes.reduce((sum, s) => sum + s.bytes, 0);
  if (total <= maxBytes) return data;
  const parts = sizes.map((s) => `${s.mime} ${formatBytes(s.bytes)}`).join(", ");
  const notice = `[output cut: a display of ${formatBytes(total)} (${parts}) is over ` +
    `${formatBytes(maxBytes)}, the cap of one output; only its text/plain is kept]`;
  const plain = data["text/plain"];
  const text = typeof plain === "string"
    ? plain
    : Array.isArray(plain) && plain.every((v) => typeof v === "string")
    ? plain.join("")
    : "";
  const kept = headOfText(text, Math.max(0, maxBytes - utf8Length(notice) - 1));
  return { "text/plain": kept === "" ? notice : `${kept}\n${notice}` };
}

/** An output's size and what it is, for messages. */
export interface OutputSize {
  /** 1-based cell number. */
  readonly cell: number;
  /** Bytes (UTF-8) the output holds. */
  readonly bytes: number;
  /** E.g. `cell 7's stdout stream (52.4 MB)`. */
  readonly description: string;
}

/**
 * The largest output of a notebook, or `undefined` when it has none.
 *
 * @example
 * ```ts
 * import { largestOutput } from "./output_cap.ts";
 * import assert from "node:assert/strict";
 *
 * const cell = (outputs: unknown[]) => ({ cell_type: "code" as const, metadata: {}, source: "", outputs } as never);
 * const nb = { nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [
 *   cell([{ output_type: "stream", name: "stdout", text: "ok\n" }]),
 *   cell([{ output_type: "display_data", metadata: {}, data: { "image/png": "A".repeat(2_500), "text/plain": "x" } }]),
 * ] };
 * assert.deepEqual(largestOutput(nb), { cell: 2, bytes: 2_501, description: "cell 2's display (2.5 kB, mostly image/png)" });
 * ```
 */
export function largestOutput(
  notebook: { readonly cells: readonly { readonly outputs?: readonly unknown[] }[] },
): OutputSize | undefined {
  let largest: OutputSize | undefined;
  for (const [index, cell] of notebook.cells.entries()) {
    for (const output of (cell.outputs ?? []) as Output[]) {
      const size = describeOutput(index + 1, output);
      if (largest === undefined || size.bytes > largest.bytes) largest = size;
    }
  }
  return largest;
}

function describeOutput(cell: number, output: Output): OutputSize {
  const where = `cell ${cell}'s`;
  switch (output.output_type) {
    case "stream": {
      const bytes = valueBytes(output.text);
      return { cell, bytes, description: `${where} ${output.name} stream (${formatBytes(bytes)})` };
    }
    case "error": {
      const bytes = utf8Length(output.evalue) + valueBytes(output.traceback);
      return { cell, bytes, description: `${where} error (${formatBytes(bytes)})` };
    }
    default: {
      const sizes = bundleSizes(output.data);
      const bytes = sizes.reduce((sum, s) => sum + s.bytes, 0);
      const kind = output.output_type === "execute_result" ? "value" : "display";
      const mostly = sizes[0] === undefined ? "" : `, mostly ${sizes[0].mime}`;
      return { cell, bytes, description: `${where} ${kind} (${formatBytes(bytes)}${mostly})` };
    }
  }
}
