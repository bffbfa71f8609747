// Every shipped notebook's saved outputs as Debian's `jupyter nbconvert --to html` (6.5) exports
// them — how notebooks are mailed and how nbviewer-style sites show them — opened in Chromium
// with MathJax running: each exhibit is a visible PNG of its own size, every dollar amount reads
// as text, no cell failed. One screenshot a notebook is left in /tmp to look at.
import assert from "node:assert/strict";
import puppeteer from "puppeteer-core";
import { CHROMIUM_ARGS } from "../report/browser.ts";
import { findChromium } from "../report/chromium.ts";
import { isRunCopy } from "./run_copies.ts";
import { type Notebook, readNotebook } from "./notebook.ts";
import { expectedView, type PageView, probePage, viewProblems } from "./_front_end_checks.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
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

/** nbconvert's (JupyterLab-style) output and markdown elements. */
const SELECTORS = {
  image: ".jp-OutputArea-output img",
  text: ".jp-OutputArea-output, .jp-MarkdownCell .jp-RenderedMarkdown",
};

const NOTEBOOKS = [...Deno.readDirSync(`${ROOT}notebooks`)].map((entry) => entry.name)
  .filter((name) => name.endsWith(".ipynb") && !isRunCopy(name)).sort();

Deno.test({
  name: "nbconvert's HTML of every shipped notebook: exhibits drawn, amounts as text, no error",
  ignore: !ready,
  fn: async (t) => {
    assert.ok(NOTEBOOKS.length >= 6, `shipped notebooks: ${NOTEBOOKS.join(", ")}`);
    const dir = await Deno.makeTempDir({ prefix: "mullet-nbconvert-html-" });
    const browser = await puppeteer.launch({
      executablePath: chromium!,
      args: [...CHROMIUM_ARGS],
      pipe: true,
      userDataDir: `${dir}/profile`,
    });
    try {
      // One nbconvert for all: the outputs as saved, nothing executed, the notebooks untouched.
      const convert = await new Deno.Command(JUPYTER, {
        args: [
          "nbconvert",
          "--to",
          "html",
          "--output-dir",
          `${dir}/html`,
          ...NOTEBOOKS.map((name) => `${ROOT}notebooks/${name}`),
        ],
        env: { JUPYTER_DATA_DIR: `${dir}/jupyter`, JUPYTER_CONFIG_DIR: `${dir}/config` },
        stdout: "null",
        stderr: "piped",
      }).output();
      assert.equal(convert.code, 0, new TextDecoder().decode(convert.stderr));
      const page = await browser.newPage();
      await page.setViewport({ width: 1200, height: 900 });
      for (const name of NOTEBOOKS) {
        await t.step(name, async () => {
          const notebook = await readNotebook(`${ROOT}notebooks/${name}`);
          const failed = notebook.cells.flatMap((cell) => cell.outputs ?? [])
            .filter((output) => output.output_type === "error");
          assert.deepEqual(failed, [], "no saved output is an error");
          const expected = expectedView(notebook);
          assert.ok(expected.exhibits.length > 0, "the notebook shows exhibits");
          const html = `${dir}/html/${name.replace(/\.ipynb$/, ".html")}`;
          await page.goto(`file://${html}`, { waitUntil: "load" });
          await page.waitForFunction("window.MathJax !== undefined && MathJax.isReady === true");
          await page.evaluate("new Promise((done) => MathJax.Hub.Queue(done))");
          const seen = await page.evaluate(probePage(SELECTORS)) as PageView;
          assert.deepEqual(viewProblems(expected, seen), []);
          assert.ok(expected.amounts.length > 0, "the notebook states dollar amounts");
          await page.screenshot({
            path: `/tmp/mullet-nbconvert-${name.replace(/\.ipynb$/, "")}.png`,
            fullPage: true,
          });
        });
      }
      await t.step(
        "the check fails on amounts left as bare dollars (MathJax pairs them)",
        async () => {
          const bare: Notebook = {
            nbformat: 4,
            nbformat_minor: 5,
            metadata: {},
            cells: [{
              cell_type: "code",
              id: "bare",
              metadata: {},
              source: "",
              execution_count: 1,
              outputs: [{
                output_type: "display_data",
                metadata: {},
                data: { "text/markdown": "Hashprice fell from $1.91k to $36.4 per PH/s per day" },
              }],
            }],
          };
          await Deno.writeTextFile(`${dir}/bare.ipynb`, JSON.stringify(bare));
          const convert = await new Deno.Command(JUPYTER, {
            args: ["nbconvert", "--to", "html", "--output-dir", `${dir}/html`, `${dir}/bare.ipynb`],
            env: { JUPYTER_DATA_DIR: `${dir}/jupyter`, JUPYTER_CONFIG_DIR: `${dir}/config` },
            stdout: "null",
            stderr: "piped",
          }).output();
          assert.equal(convert.code, 0, new TextDecoder().decode(convert.stderr));
          await page.goto(`file://${dir}/html/bare.html`, { waitUntil: "load" });
          await page.waitForFunction("window.MathJax !== undefined && MathJax.isReady === true");
          await page.evaluate("new Promise((done) => MathJax.Hub.Queue(done))");
          const seen = await page.evaluate(probePage(SELECTORS)) as PageView;
          assert.deepEqual(viewProblems({ ...expectedView(bare), exhibits: [] }, seen), [
            '"$1.91k" does not read as text',
            '"$36.4" does not read as text',
            'typeset as maths: "1.91k to "',
          ]);
        },
      );
    } finally {
      await browser.close();
      await Deno.remove(dir, { recursive: true });
    }
  },
});
