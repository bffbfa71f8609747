// `deno task gallery` end to end: every chart builder drawn with real data and the house view, printed
// by real Chromium. The gallery is a fixture of the chart tests: a change to a builder shows here.
import assert from "node:assert/strict";
import { galleryExhibits } from "./exhibits.ts";
import { ensureChromium } from "../../report/chromium.ts";
import { assertFontsEmbedded } from "../../report/_testing.ts";

const ROOT = new URL("../../../", import.meta.url).pathname;

Deno.test("the gallery numbers every exhibit and gives each a source and an as-of date", async () => {
  const exhibits = await galleryExhibits();
  assert.equal(exhibits.length, 11);
  assert.deepEqual(
    exhibits.map((e) => e.chrome.number),
    Array.from({ length: 11 }, (_, i) => i + 1),
  );
  for (const e of exhibits) {
    const svg = await e.svg();
    assert.doesNotMatch(svg, /<style/);
    assert.ok(svg.includes(`Data as of ${e.chrome.asOf}.`), e.label);
  }
});

Deno.test("deno task gallery writes a PDF whose pages show every exhibit", async () => {
  await ensureChromium();
  const dir = await Deno.makeTempDir({ prefix: "mullet-gallery-" });
  try {
    const run = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "--allow-read",
        `--allow-write=${dir},/tmp`,
        "--allow-env",
        "--allow-run",
        "--allow-sys",
        "--allow-ffi",
        "lib/charts/gallery/gallery.ts",
        "--out",
        dir,
      ],
      cwd: ROOT,
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.equal(run.code, 0, new TextDecoder().decode(run.stderr));
    const text = new TextDecoder().decode(
      (await new Deno.Command("pdftotext", { args: [`${dir}/gallery.pdf`, "-"], stdout: "piped" })
        .output()).stdout,
    );
    for (let n = 1; n <= 11; n++) assert.match(text, new RegExp(`Exhibit ${n}:`), `Exhibit ${n}`);
    assert.equal(text.match(/Source: /g)?.length, 11);
    assert.match(text, /Page 1 of \d/);
    await assertFontsEmbedded(`${dir}/gallery.pdf`);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
