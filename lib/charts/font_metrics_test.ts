// Measuring and drawing agree: the width we measure for a label is the width resvg draws with
// the same font file, so nothing is clipped.
import assert from "node:assert/strict";
import { Resvg } from "@resvg/resvg-js";
import { readFontMetrics, textWidth } from "./font_metrics.ts";
import { HOUSE_FONT_FILES } from "./theme.ts";

const LABELS = [
  "Hashprice",
  "$1.46M/MW-yr",
  "Exhibit 12: GPU cloud beats mining",
  "600 EH/s",
  "Q4-2025",
  "WWWW",
  "iiii",
];

for (const [weight, path] of Object.entries(HOUSE_FONT_FILES)) {
  Deno.test(`Inter ${weight}: measured widths match what resvg draws (within 3%, never short)`, async () => {
    const font = readFontMetrics(await Deno.readFile(path));
    for (const label of LABELS) {
      const measured = textWidth(font, label, 20);
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="40">` +
        `<text x="0" y="30" font-family="Inter" font-weight="${weight}" font-size="20">${label}</text></svg>`;
      const resvg = new Resvg(svg, {
        font: { fontFiles: [path], loadSystemFonts: false, defaultFontFamily: "Inter" },
      });
      const drawn = resvg.getBBox()!.width; // ink extent: side bearings make it a little narrower
      assert.ok(measured >= drawn - 0.5, `${label}: measured ${measured} < drawn ${drawn}`);
      assert.ok(measured <= drawn * 1.03 + 3, `${label}: measured ${measured} ≫ drawn ${drawn}`);
    }
  });
}

Deno.test("unknown characters fall back to the missing-glyph width, not zero", async () => {
  const font = readFontMetrics(await Deno.readFile(HOUSE_FONT_FILES[400]));
  assert.ok(font.advance(0x10fff0) > 0);
});

Deno.test("a file that is not a font is a clear error", () => {
  assert.throws(() => readFontMetrics(new Uint8Array(64)), /Cannot read font: no "head" table/);
});
