/**
 * `data/SOURCES.md` holds one section per dataset between marker comments, so each builder
 * rewrites its own section and leaves the others alone.
 *
 * @module
 */

const TITLE = "# Data sources\n\nEvery file in `data/` is built by `deno task data` from the " +
  "public sources below. Each section is written by the build; do not edit it by hand.\n";

function markers(id: string): [string, string] {
  return [`<!-- dataset:${id} -->`, `<!-- /dataset:${id} -->`];
}

/**
 * Returns `document` with the section `id` replaced by `body` (or appended when absent).
 *
 * @example
 * ```ts
 * import { replaceSection, readSection } from "./sources_md.ts";
 * import assert from "node:assert/strict";
 *
 * const once = replaceSection("", "btc_daily", "## BTC\nv1\n");
 * const twice = replaceSection(once, "btc_daily", "## BTC\nv2\n");
 * assert.equal(readSection(twice, "btc_daily"), "## BTC\nv2\n");
 * assert.equal(twice.match(/dataset:btc_daily -->/g)!.length, 2);
 * ```
 */
export function replaceSection(document: string, id: string, body: string): string {
  const [open, close] = markers(id);
  const block = `${open}\n${body.endsWith("\n") ? body : body + "\n"}${close}\n`;
  const start = document.indexOf(open);
  const end = document.indexOf(close);
  if (start !== -1 && end > start) {
    return document.slice(0, start) + block + document.slice(end + close.length).replace(/^\n/, "");
  }
  const head = document.trim() === "" ? TITLE : document.replace(/\n*$/, "\n");
  return `${head}\n${block}`;
}

/**
 * The body of section `id`, or `undefined`.
 *
 * @example
 * ```ts
 * import { readSection } from "./sources_md.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(readSection("no sections", "x"), undefined);
 * ```
 */
export function readSection(document: string, id: string): string | undefined {
  const [open, close] = markers(id);
  const start = document.indexOf(open);
  const end = document.indexOf(close);
  if (start === -1 || end < start) return undefined;
  return document.slice(start + open.length + 1, end);
}
