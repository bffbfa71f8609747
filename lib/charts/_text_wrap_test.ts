import assert from "node:assert/strict";
import { ELLIPSIS, widestWord, wrapText } from "./_text_wrap.ts";
import { readFontMetrics, textWidth } from "./font_metrics.ts";
import { HOUSE_FONT_FILES } from "./theme.ts";

const MONO = (s: string) => [...s].length * 6;

Deno.test("wrapText: with Inter, no line is wider than the width and no word is lost", () => {
  const font = readFontMetrics(Deno.readFileSync(HOUSE_FONT_FILES[400]));
  const measure = (s: string) => textWidth(font, s, 10);
  const tenant =
    "U.S. investment-grade hyperscaler (unnamed; its second IG hyperscaler, third hyperscale tenant)";
  assert.ok(measure(tenant) > 400, `${measure(tenant)}`);
  const { lines, truncated } = wrapText(tenant, 160, measure);
  assert.equal(truncated, false);
  assert.ok(lines.length >= 3, lines.join(" | "));
  for (const line of lines) assert.ok(measure(line) <= 160, line);
  // Joined back (a space where a space was broken), it is the text again.
  assert.equal(lines.join(" ").replace("investment- grade", "investment-grade"), tenant);
});

Deno.test("wrapText: a word wider than the line is split between characters", () => {
  assert.deepEqual(wrapText("trylattice.io", 30, MONO).lines, ["tryla", "ttice", ".io"]);
  // Even a line narrower than one character takes one character, never none.
  assert.deepEqual(wrapText("ab", 1, MONO).lines, ["a", "b"]);
});

Deno.test("wrapText: cut text ends with an ellipsis on the last line, inside the width", () => {
  const cut = wrapText("Core Scientific / CoreWeave; Core Scientific / Galaxy", 60, MONO, 2);
  assert.equal(cut.truncated, true);
  assert.equal(cut.lines.length, 2);
  assert.deepEqual(cut.lines, ["Core", "Scientifi…"]);
  for (const line of cut.lines) assert.ok(MONO(line) <= 60, line);
  // Punctuation before the ellipsis is dropped: "IREN;…" reads as "IREN…".
  assert.deepEqual(wrapText("IREN; Microsoft", 36, MONO, 1).lines, [`IREN${ELLIPSIS}`]);
  // The text after a hyphen break keeps its hyphen when it is cut.
  assert.deepEqual(wrapText("high-investment-grade tenant", 66, MONO, 2).lines, [
    "high-",
    "investment…",
  ]);
});

Deno.test("wrapText: empty text is one empty line; spaces collapse", () => {
  assert.deepEqual(wrapText("", 50, MONO), { lines: [""], truncated: false });
  assert.deepEqual(wrapText("  Hut 8   Fluidstack ", 200, MONO).lines, ["Hut 8 Fluidstack"]);
});

Deno.test("wrapText: a width or line count that cannot hold text is an error", () => {
  assert.throws(() => wrapText("x", 0, MONO), /Cannot wrap text: maxWidth is 0/);
  assert.throws(() => wrapText("x", NaN, MONO), /Cannot wrap text: maxWidth is NaN/);
  assert.throws(() => wrapText("x", 10, MONO, 0), /Cannot wrap text: maxLines is 0/);
});

Deno.test("widestWord: hyphens break words, as in wrapText", () => {
  assert.equal(widestWord("high-investment-grade", MONO), MONO("investment-"));
});
