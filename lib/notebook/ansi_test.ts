import assert from "node:assert/strict";
import { stripAnsi } from "./ansi.ts";

Deno.test("stripAnsi removes what the Deno kernel's inspect prints", () => {
  // Recorded from `Object.keys(Deno.jupyter)` in the Deno 2.9.6 kernel.
  const recorded = '[\n  \u001b[32m"broadcast"\u001b[39m, \u001b[32m"display"\u001b[39m\n]';
  assert.equal(stripAnsi(recorded), '[\n  "broadcast", "display"\n]');
  assert.equal(stripAnsi("Promise { \u001b[90mundefined\u001b[39m }"), "Promise { undefined }");
});

Deno.test("stripAnsi removes 256-colour, truecolour, bold, cursor and OSC sequences", () => {
  assert.equal(stripAnsi("\u001b[1m\u001b[38;5;208mhot\u001b[0m"), "hot");
  assert.equal(stripAnsi("\u001b[38;2;255;0;0mred\u001b[m"), "red");
  assert.equal(stripAnsi("a\u001b[2K\u001b[1Gb"), "ab");
  assert.equal(stripAnsi("\u001b]8;;https://deno.com\u0007link\u001b]8;;\u0007"), "link");
  assert.equal(stripAnsi("\u001b]0;title\u001b\\x"), "x");
  assert.equal(stripAnsi("\u009b31mc1\u009b0m"), "c1");
});

Deno.test("stripAnsi leaves other text alone", () => {
  const text = "Hashprice: $49.2/PH/day [EH/s] \\ (±5%) ✓\n\ttab";
  assert.equal(stripAnsi(text), text);
  assert.equal(stripAnsi(""), "");
});
