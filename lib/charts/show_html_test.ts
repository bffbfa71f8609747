// What `show()` puts in a notebook, as Debian's `jupyter nbconvert --to html` (6.5) exports it
// and Chromium shows it with MathJax running: the exhibit is a visible PNG (not an SVG stripped
// to an empty box), dollar amounts read as text and real maths is typeset.
import assert from "node:assert/strict";
import puppeteer from "puppeteer-core";
import { CHROMIUM_ARGS } from "../report/browser.ts";
import { findChromium } from "../report/chromium.ts";
import { Exhibit } from "./exhibit.ts";
import { markdownBundle } from "./show.ts";
import { timeSeriesSpec } from "./time_series.ts";

const JUPYTER = "/usr/bin/jupyter";
const MATHJAX = "/usr/share/javascript/mathjax/MathJax.js";
const chromium = findChromium();
const ready = [JUPYTER, MATHJAX].every((path) => {
  try {
    return Deno.statSync(path).isFile;
  } catch {
    return false;
  }
}) && chromium !== undefined;

const PROSE = "Hashprice fell from $1.91k to $36.4 per PH/s per day";
const TABLE = "| Input | Value |\n|---|---|\n| BTC price | $70,000 to $80,000 |";
const MATHS = "Hashprice is $h = R / H$, revenue over hashrate.";

Deno.test({
  name: "nbconvert's HTML shows the exhibit as a PNG, amounts as text and maths typeset",
  ignore: !ready,
  fn: async () => {
    const exhibit = new Exhibit(
      timeSeriesSpec([{ d: "2024-01-01", v: 1910 }, { d: "2025-01-01", v: 36.4 }], {
        x: "d",
        y: "v",
        width: 400,
        height: 200,
      }),
      { title: "From $1.91k to $36.4", source: "S", asOf: "2025-01-01" },
    );
    const outputs = [
      await exhibit.displayBundle(),
      markdownBundle(PROSE),
      markdownBundle(TABLE),
      markdownBundle(MATHS),
    ];
    const dir = await Deno.makeTempDir({ prefix: "mullet-nbhtml-" });
    const browser = await puppeteer.launch({
      executablePath: chromium!,
      args: [...CHROMIUM_ARGS],
      pipe: true,
      userDataDir: `${dir}/profile`,
    });
    try {
      await Deno.writeTextFile(
        `${dir}/shown.ipynb`,
        JSON.stringify({
          nbformat: 4,
          nbformat_minor: 5,
          metadata: {},
          cells: outputs.map((data, i) => ({
            cell_type: "code",
            id: `cell${i}`,
            metadata: {},
            source: "",
            execution_count: i + 1,
            outputs: [{ output_type: "display_data", metadata: {}, data }],
          })),
        }),
      );
      const convert = await new Deno.Command(JUPYTER, {
        args: ["nbconvert", "--to", "html", "--output", "shown.html", "shown.ipynb"],
        cwd: dir,
        env: { JUPYTER_DATA_DIR: `${dir}/jupyter` },
        stdout: "null",
        stderr: "piped",
      }).output();
      assert.equal(convert.code, 0, new TextDecoder().decode(convert.stderr));
      const page = await browser.newPage();
      await page.goto(`file://${dir}/shown.html`, { waitUntil: "load" });
      await page.waitForFunction("window.MathJax !== undefined && window.MathJax.isReady === true");
      await page.evaluate("new Promise((done) => MathJax.Hub.Queue(done))");
      const seen = await page.evaluate(`(() => {
        const outputs = [...document.querySelectorAll(".jp-OutputArea-output")];
        const markdown = outputs.filter((o) => o.dataset.mimeType === "text/markdown")
          .map((o) => ({ text: o.innerText.trim(), maths: o.querySelectorAll(".MathJax_CHTML").length }));
        const img = document.querySelector(".jp-RenderedImage img");
        let inked = 0;
        if (img) {
          const canvas = document.createElement("canvas");
          canvas.width = img.naturalWidth;
          canvas.height = img.naturalHeight;
          const context = canvas.getContext("2d");
          context.drawImage(img, 0, 0);
          const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
          for (let i = 0; i < pixels.length; i += 4) if (pixels[i] < 200) inked++;
        }
        return {
          svgOutputs: document.querySelectorAll('[data-mime-type="image/svg+xml"]').length,
          png: img ? { width: img.naturalWidth, height: img.naturalHeight, inked } : null,
          markdown,
        };
      })()`) as {
        svgOutputs: number;
        png: { width: number; height: number; inked: number } | null;
        markdown: { text: string; maths: number }[];
      };
      const svg = await exhibit.svg();
      const width = Number(/<svg[^>]*width="([\d.]+)"/.exec(svg)![1]);
      const height = Number(/<svg[^>]*height="([\d.]+)"/.exec(svg)![1]);
      assert.equal(seen.svgOutputs, 0);
      assert.ok(seen.png !== null, "the exhibit is shown as an image");
      assert.deepEqual([seen.png.width, seen.png.height], [width * 2, height * 2]);
      assert.ok(seen.png.inked > 2000, `the image is not blank (${seen.png.inked} dark pixels)`);
      assert.deepEqual(seen.markdown[0], { text: PROSE, maths: 0 });
      assert.deepEqual(seen.markdown[1]!.maths, 0);
      assert.match(seen.markdown[1]!.text, /BTC price\s+\$70,000 to \$80,000/);
      assert.ok(seen.markdown[2]!.maths === 1, "the formula is typeset");
      assert.match(seen.markdown[2]!.text, /^Hashprice is [\s\S]+, revenue over hashrate\.$/);
    } finally {
      await browser.close();
      await Deno.remove(dir, { recursive: true });
    }
  },
});
