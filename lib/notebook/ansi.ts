/**
 * Removing ANSI escape sequences. The Deno kernel colours the `text/plain` rendering of values
 * (`\x1b[33m2\x1b[39m` for `2`), which reads as noise on GitHub and in reports.
 *
 * @module
 */

// CSI (`ESC [` … final byte, or the one-byte C1 CSI), OSC (`ESC ]` … BEL or `ESC \`), and the
// two-byte escapes (`ESC` + one of `@`–`Z`, `\`–`_`).
const ANSI_PATTERN = new RegExp(
  [
    "(?:\\u001b\\[|\\u009b)[0-?]*[ -/]*[@-~]",
    "\\u001b\\][^\\u0007\\u001b]*(?:\\u0007|\\u001b\\\\)",
    "\\u001b[@-Z\\\\-_]",
  ].join("|"),
  "g",
);

/**
 * `text` without ANSI escape sequences (colours, cursor moves, hyperlinks).
 *
 * @example The Deno kernel's rendering of the number 2
 * ```ts
 * import { stripAnsi } from "./ansi.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(stripAnsi("\x1b[33m2\x1b[39m"), "2");
 * assert.equal(stripAnsi('{ a: \x1b[32m"x"\x1b[39m }'), '{ a: "x" }');
 * assert.equal(stripAnsi("no escapes"), "no escapes");
 * ```
 */
export function stripAnsi(text: string): string {
  return text.includes("\u001b") || text.includes("\u009b") ? text.replace(ANSI_PATTERN, "") : text;
}
