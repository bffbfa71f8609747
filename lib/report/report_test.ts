// End to end: `lib/cli/report.ts` prints a real PDF with the real Chromium; poppler reads it.
import assert from "node:assert/strict";
import { ensureChromium } from "./chromium.ts";

const ROOT = new URL("../../", import.meta.url).pathname;

async function run(cmd: string, args: string[], cwd = ROOT) {
  const out = await new Deno.Command(cmd, { args, cwd, stdout: "piped", stderr: "piped" }).output();
  const text = (b: Uint8Array) => new TextDecoder().decode(b);
  return { code: out.code, stdout: text(out.stdout), stderr: text(out.stderr) };
}

Deno.test("deno task report writes a one-page A4 note whose text, fonts and pixels are right", async (t) => {
  await ensureChromium();
  const dir = await Deno.makeTempDir({ prefix: "mullet-report-" });
  try {
    const report = await run(Deno.execPath(), [
      "run",
      "--allow-read",
      `--allow-write=${dir},/tmp`,
      "--allow-env",
      "--allow-run",
      "--allow-sys",
      "--allow-ffi",
      "lib/cli/report.ts",
      "--out",
      dir,
    ]);
    assert.equal(report.code, 0, report.stderr);
    const pdf = `${dir}/01_hashprice.pdf`;
    const names = [...Deno.readDirSync(dir)].map((e) => e.name).sort();
    assert.deepEqual(names, ["01_hashprice.html", "01_hashprice.pdf"], "no temporary files left");

    await t.step(
      "pdftotext finds the title, the exhibit, the source line and the page count",
      async () => {
        const { stdout } = await run("pdftotext", ["-layout", pdf, "-"]);
        assert.match(stdout, /Hashprice and the halvings/);
        assert.match(stdout, /Exhibit 1: Hashprice has fallen \d+% since January 2016/);
        assert.match(stdout, /Source: Coin Metrics, mullet analysis\. Data as of 2026-06-01\./);
        assert.match(stdout, /Page 1 of 1/);
        assert.match(stdout, /Key takeaways/i);
        assert.match(stdout, /fourth halving \(Apr 2024\)/);
      },
    );

    await t.step("one A4 page", async () => {
      const { stdout } = await run("pdfinfo", [pdf]);
      assert.match(stdout, /Pages:\s+1\n/);
      assert.match(stdout, /Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    });

    await t.step("pdffonts: every font is embedded", async () => {
      const { stdout } = await run("pdffonts", [pdf]);
      const rows = stdout.trim().split("\n").slice(2);
      assert.ok(rows.length > 0, "the PDF has text fonts");
      for (const row of rows) {
        // Columns: name, type, encoding, emb, sub, uni, object, id; "emb" is 4th from the end.
        const fields = row.trim().split(/\s+/);
        assert.equal(fields.at(-5), "yes", `font not embedded: ${row}`);
      }
    });

    await t.step("pdftoppm: the page is not blank and the exhibit is drawn", async () => {
      await run("pdftoppm", ["-gray", "-r", "30", pdf, `${dir}/page`]);
      const pgm = await Deno.readFile(`${dir}/page-1.pgm`);
      const pixels = pgmPixels(pgm);
      const dark = pixels.filter((v) => v < 128).length / pixels.length;
      assert.ok(dark > 0.01 && dark < 0.5, `dark share ${dark}`);
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

/** Pixels of a binary PGM (P5) image. */
function pgmPixels(bytes: Uint8Array): Uint8Array {
  const header = new TextDecoder().decode(bytes.subarray(0, 64));
  const m = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(header);
  assert.ok(m, "a P5 PGM");
  const width = Number(m[1]);
  const height = Number(m[2]);
  return bytes.subarray(m[0].length, m[0].length + width * height);
}

Deno.test("an unknown --paper is an error that names the valid ones", async () => {
  const { code, stderr } = await run(Deno.execPath(), [
    "run",
    "--allow-read",
    "--allow-write=/tmp",
    "--allow-env",
    "--allow-run",
    "--allow-sys",
    "--allow-ffi",
    "lib/cli/report.ts",
    "--paper",
    "A5",
    "--out",
    "/tmp",
  ]);
  assert.equal(code, 1);
  assert.match(stderr, /--paper A5: expected A4 or Letter/);
});
