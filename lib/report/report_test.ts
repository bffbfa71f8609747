// End to end: `lib/cli/report.ts` executes notebooks with the real Deno kernel and prints PDFs
// with the real Chromium; poppler reads them. Fixture notebooks live in a temp dir.
import assert from "node:assert/strict";
import { type Notebook, notebookToJson, readNotebook } from "../notebook/notebook.ts";
import { sha256Hex } from "../files/sha256.ts";
import { storedFreezeHash } from "../notebook/freeze.ts";
import { isRunCopy } from "../notebook/run_copies.ts";
import { expectedView } from "../notebook/_front_end_checks.ts";
import { coveredTickers } from "../coverage/covered_tickers.ts";
import { ensureChromium } from "./chromium.ts";
import { assertFontsEmbedded } from "./_testing.ts";
import { reportArgs } from "../cli/report_args.ts";
import { packFixture } from "./pack_fixture.ts";
import { exhibitPageProblems, exhibitTitles } from "./_exhibit_pages.ts";
import { parseExhibitCsv } from "./exhibit_data.ts";
import type { ProcessRow } from "../cli/process_table.ts";
import {
  type DescendantWatch,
  endedWithin,
  stillRunning,
  watchDescendants,
} from "../cli/process_tree.ts";

const ROOT = new URL("../../", import.meta.url).pathname;

/** A Deno kernel's command line. */
const KERNEL = /jupyter --kernel/;
/** Chromium's processes (the browser, its zygotes, renderers and utilities). */
const CHROMIUM = /^\S*\/(chromium|chrome)(-browser)?\s/;

async function run(cmd: string, args: string[]) {
  const out = await new Deno.Command(cmd, { args, cwd: ROOT, stdout: "piped", stderr: "piped" })
    .output();
  const text = (b: Uint8Array) => new TextDecoder().decode(b);
  return { code: out.code, stdout: text(out.stdout), stderr: text(out.stderr) };
}

function report(dir: string, args: string[]) {
  return run(Deno.execPath(), reportArgs(dir, args));
}

const code = (source: string, tags: string[] = []) => ({
  cell_type: "code" as const,
  metadata: { tags },
  source,
  outputs: [],
  execution_count: null,
});
const markdown = (source: string) => ({ cell_type: "markdown" as const, metadata: {}, source });

/** A small note that uses every feature the renderer has. */
function fixture(extra: Notebook["cells"] = []): Notebook {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { name: "mullet-deno", display_name: "mullet (Deno)", language: "typescript" },
    },
    cells: [
      {
        cell_type: "raw",
        metadata: {},
        source:
          "---\ntitle: Fixture note on subsidies\nsubtitle: A test\nauthors: [mullet research]\n" +
          "date: 2026-06-01\ntickers: [IREN]\n---\n",
      },
      markdown(
        "## The subsidy\n\nThe subsidy halves: $s(h) = 50 \\cdot 2^{-\\lfloor h / 210000 \\rfloor}$.\n\n" +
          "| Era | Subsidy |\n|---|---:|\n| First | 50 |\n| Fifth | 3.125 |\n",
      ),
      code("let height = 840000; // first block of the fifth era\nlet seed = 42;", ["parameters"]),
      code(
        'import { blockSubsidyBtc, exhibitNumbering, columnSpec } from "@mullet/kit";\n' +
          "const exhibit = exhibitNumbering();\n" +
          "console.log(`\\x1b[31mSubsidy at ${height}: ${blockSubsidyBtc(height)} BTC\\x1b[0m`);",
      ),
      code("const shownCode = 'visible ' + 'code';", ["show-input"]),
      code('console.log("REMOVED CELL TEXT");', ["remove-cell"]),
      code('console.log("REMOVED OUTPUT TEXT");', ["remove-output"]),
      code(
        "const shown = exhibit(columnSpec([{ era: 'First', btc: 50 }, { era: 'Fifth', btc: blockSubsidyBtc(height) }], " +
          "{ x: 'era', y: 'btc', yTitle: 'BTC' }), { title: 'The subsidy fell 16-fold', source: 'Bitcoin Core, mullet analysis', asOf: '2026-06-01' });\n" +
          "await Deno.jupyter.display(await shown.displayBundle(), { raw: true });",
      ),
      code(
        "const second = exhibit(columnSpec([{ era: 'A', btc: 1 }, { era: 'B', btc: 2 }], { x: 'era', y: 'btc', yTitle: 'BTC' }), " +
          "{ title: 'A second exhibit in the body', source: 'mullet analysis', asOf: '2026-06-01' });\n" +
          "await Deno.jupyter.display(await second.displayBundle(), { raw: true });",
      ),
      ...extra,
      code(
        'await Deno.jupyter.display({ "text/markdown": `- The subsidy is ${blockSubsidyBtc(height)} BTC at height ${height}` }, { raw: true });',
        ["takeaways"],
      ),
    ],
  };
}

async function withFixture(
  notebook: Notebook,
  work: (dir: string, file: string) => Promise<void>,
): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "mullet-report-" });
  try {
    await Deno.mkdir(`${dir}/notebooks`);
    await Deno.writeTextFile(`${dir}/notebooks/fixture.ipynb`, notebookToJson(notebook));
    await work(dir, `${dir}/notebooks/fixture.ipynb`);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** Pixels of a binary PGM (P5) image. */
function pgmPixels(bytes: Uint8Array): Uint8Array {
  const header = new TextDecoder().decode(bytes.subarray(0, 64));
  const m = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(header);
  assert.ok(m, "a P5 PGM");
  return bytes.subarray(m[0].length, m[0].length + Number(m[1]) * Number(m[2]));
}

/** Checks every page has ink, every font is embedded, and no exhibit is split across pages. */
async function assertPrintable(pdf: string, dir: string): Promise<string[]> {
  await assertFontsEmbedded(pdf);
  const prefix = `${dir}/page-${crypto.randomUUID()}`;
  await run("pdftoppm", ["-gray", "-r", "20", pdf, prefix]);
  const pages = [...Deno.readDirSync(dir)].filter((e) =>
    e.name.startsWith(prefix.split("/").pop()!)
  )
    .map((e) => e.name).sort();
  assert.ok(pages.length > 0);
  for (const page of pages) {
    const pixels = pgmPixels(await Deno.readFile(`${dir}/${page}`));
    const dark = pixels.filter((v) => v < 160).length / pixels.length;
    assert.ok(dark > 0.002, `${pdf} ${page} is blank`);
    await Deno.remove(`${dir}/${page}`);
  }
  const text = (await run("pdftotext", ["-layout", pdf, "-"])).stdout;
  const pageTexts = text.split("\f").filter((p) => p.trim() !== "");
  // Exhibits by their titles as laid out (not prose that names one), each with its source line.
  const titles = exhibitTitles(await Deno.readTextFile(pdf.replace(/\.pdf$/, ".html")));
  assert.deepEqual(exhibitPageProblems(pageTexts, titles), [], `${pdf}: exhibits`);
  for (const [i, page] of pageTexts.entries()) {
    assert.match(page, new RegExp(`Page ${i + 1} of ${pageTexts.length}`));
    assert.ok(!page.includes("\x1b"), `${pdf} page ${i + 1} has an ANSI escape`);
    assert.doesNotMatch(page, /\[\d+m/, `${pdf} page ${i + 1} has an ANSI code`);
  }
  return pageTexts;
}

Deno.test("a notebook becomes a note: cover, markdown, math, exhibits, appendix; fonts embedded, no blank page", async (t) => {
  await ensureChromium();
  await withFixture(fixture(), async (dir, file) => {
    const first = await report(dir, [file]);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /fixture\.pdf \(executed/);
    assert.deepEqual(
      [...Deno.readDirSync(dir)].map((e) => e.name).sort(),
      ["fixture", "fixture.html", "fixture.pdf", "notebooks"],
      "no temporary file is left",
    );
    const pages = await assertPrintable(`${dir}/fixture.pdf`, dir);
    const all = pages.join("\n");
    const html = await Deno.readTextFile(`${dir}/fixture.html`);

    await t.step("the cover: title, byline, takeaways and the lead exhibit", () => {
      assert.match(pages[0]!, /Fixture note on subsidies/);
      assert.match(pages[0]!, /2026-06-01 · data as of 2026-06-01 · mullet research · IREN/);
      assert.match(pages[0]!, /KEY TAKEAWAYS[\s\S]*The subsidy is 3\.125 BTC at height 840000/);
      assert.match(pages[0]!, /Exhibit 1: The subsidy fell 16-fold/);
      // The appendix names every exhibit beside its CSV; the body does not draw the lead again.
      const body = pages.slice(1).join("").split("Data behind the exhibits")[0]!;
      assert.doesNotMatch(body, /Exhibit 1:/, "the lead exhibit is shown once");
      assert.match(all, /Exhibit 2: A second exhibit in the body/);
    });

    await t.step("header, footer, markdown table and math", () => {
      assert.match(pages[1]!, /Fixture note on subsidies\s+2026-06-01/);
      assert.match(all, /not investment advice/);
      assert.match(all, /Fifth\s+3\.125/);
      assert.match(html, /class="katex"/);
      assert.match(html, /url\(data:font\/woff2;base64,/, "KaTeX fonts are inlined");
      assert.doesNotMatch(html, /<script|src="http|href="http[^"]*\.css/);
    });

    await t.step("code is hidden unless tagged; remove tags are honoured; no ANSI", () => {
      assert.match(all, /Subsidy at 840000: 3\.125 BTC/);
      assert.doesNotMatch(html, /import \{ blockSubsidyBtc/);
      assert.match(html, /const shownCode = &#39;visible &#39; \+ &#39;code&#39;;/);
      assert.doesNotMatch(all, /REMOVED CELL TEXT|REMOVED OUTPUT TEXT/);
      assert.ok(!html.includes("\x1b"), "no ANSI escape in the HTML");
    });

    await t.step("the appendix: parameters, seed and manifest", () => {
      assert.match(all, /Appendix/);
      assert.match(all, /height\s+840000\s+the notebook/);
      assert.match(all, /Random seed\s+seed = 42/);
      assert.match(all, /Git commit\s+[0-9a-f]{40}/);
      assert.match(all, /btc_daily\.csv\s+[0-9a-f]{64}/);
    });

    await t.step("each exhibit's data: a CSV beside the note, linked and listed", async () => {
      assert.deepEqual(
        [...Deno.readDirSync(`${dir}/fixture`)].map((e) => e.name).sort(),
        ["exhibit-1.csv", "exhibit-2.csv"],
      );
      const first = await Deno.readTextFile(`${dir}/fixture/exhibit-1.csv`);
      assert.match(
        first,
        /^# Exhibit 1: The subsidy fell 16-fold\n(?:# Subtitle: .*\n)?# Source: Bitcoin Core, mullet analysis\n# Data as of 2026-06-01\n/,
      );
      assert.deepEqual(parseExhibitCsv(first, "exhibit-1.csv"), [
        { era: "First", btc: 50 },
        { era: "Fifth", btc: 3.125 },
      ]);
      const second = await Deno.readTextFile(`${dir}/fixture/exhibit-2.csv`);
      assert.deepEqual(parseExhibitCsv(second, "exhibit-2.csv"), [
        { era: "A", btc: 1 },
        { era: "B", btc: 2 },
      ]);
      assert.match(html, /<a href="fixture\/exhibit-1\.csv" download>/);
      assert.match(html, /<a href="fixture\/exhibit-2\.csv" download>/);
      assert.match(all, /Data behind the exhibits/);
      assert.match(all, /Exhibit 2: A second exhibit in the body\s+fixture\/exhibit-2\.csv\s+2/);
    });

    await t.step("the executed notebook is saved in place with its freeze hash", async () => {
      const saved = await readNotebook(file);
      assert.match(storedFreezeHash(saved) ?? "", /^[0-9a-f]{64}$/);
      assert.ok(saved.cells.some((c) => (c.outputs ?? []).length > 0));
    });

    await t.step("freeze: a second run reuses the outputs; --execute runs again", async () => {
      const before = await Deno.readTextFile(file);
      const again = await report(dir, [file]);
      assert.equal(again.code, 0, again.stderr);
      assert.match(again.stdout, /fixture\.pdf \(saved outputs/);
      assert.equal(
        await Deno.readTextFile(file),
        before,
        "a frozen run does not touch the notebook",
      );
      const forced = await report(dir, [file, "--execute"]);
      assert.match(forced.stdout, /fixture\.pdf \(executed/);
      const edited = await readNotebook(file);
      edited.cells[3] = code(`${edited.cells[3]!.source}\nconsole.log("edited");`);
      await Deno.writeTextFile(file, notebookToJson(edited));
      const changed = await report(dir, [file]);
      assert.match(changed.stdout, /fixture\.pdf \(executed/, "changed code runs again");
    });

    await t.step("--no-execute renders saved outputs without a kernel", async () => {
      const edited = await readNotebook(file);
      edited.cells[3] = code('throw new Error("must not run");');
      await Deno.writeTextFile(file, notebookToJson(edited));
      const saved = await report(dir, [file, "--no-execute"]);
      assert.equal(saved.code, 0, saved.stderr);
      assert.match(saved.stdout, /\(saved outputs/);
    });
  });
});

Deno.test("--param overrides a parameter; the note prints it; the notebook itself is untouched", async () => {
  await withFixture(fixture(), async (dir, file) => {
    const before = await Deno.readTextFile(file);
    const { code: status, stderr } = await report(dir, [file, "--param", "height=1050000"]);
    assert.equal(status, 0, stderr);
    const text = (await run("pdftotext", ["-layout", `${dir}/fixture.pdf`, "-"])).stdout;
    assert.match(text, /The subsidy is 1\.5625 BTC at height 1050000/);
    assert.match(text, /height\s+1050000\s+--param/);
    assert.equal(await Deno.readTextFile(file), before);
    assert.match(
      storedFreezeHash(await readNotebook(`${dir}/fixture.ipynb`)) ?? "",
      /^[0-9a-f]{64}$/,
    );
    assert.equal(
      (await report(dir, [file, "--param", "height=1050000"])).stdout.includes("(saved outputs"),
      true,
      "the parameterised run is frozen too",
    );
    const unknown = await report(dir, [file, "--param", "grossMw=300"]);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /has no parameter "grossMw"; valid parameters: height, seed/);
    const bad = await report(dir, [file, "--param", "height=tall"]);
    assert.match(bad.stderr, /--param height=tall: expected a number/);
  });
});

Deno.test("a broken notebook: named cell and error, executed copy beside it, last run's note marked stale, exit 1", async () => {
  const broken = fixture([
    code('\n// check the site\nthrow new RangeError("grossMw must be positive");'),
  ]);
  await withFixture(broken, async (dir, file) => {
    await Deno.writeTextFile(`${dir}/fixture.pdf`, "last run's PDF");
    await Deno.writeTextFile(`${dir}/fixture.html`, "last run's HTML");
    await Deno.mkdir(`${dir}/fixture`);
    await Deno.writeTextFile(`${dir}/fixture/exhibit-1.csv`, "last run's data");
    const { code: status, stderr } = await report(dir, [file]);
    assert.equal(status, 1);
    assert.match(
      stderr,
      /fixture\.ipynb: cell 10 \(\/\/ check the site\) failed: RangeError: grossMw must be positive/,
    );
    assert.match(stderr, /saved as .*fixture\.failed\.ipynb; no note was made/);
    assert.match(stderr, /1 of 1 notes failed/);
    assert.deepEqual(
      [...Deno.readDirSync(dir)].map((e) => e.name).sort(),
      ["fixture.stale", "fixture.stale.html", "fixture.stale.pdf", "notebooks"],
      "no current PDF or data: last run's note and its CSVs are renamed stale",
    );
    assert.equal(await Deno.readTextFile(`${dir}/fixture.stale.pdf`), "last run's PDF");
    assert.equal(await Deno.readTextFile(`${dir}/fixture.stale/exhibit-1.csv`), "last run's data");
    assert.match(
      stderr,
      /The previous .*fixture\.pdf and fixture\.html and fixture\/ are renamed fixture\.stale\.pdf and fixture\.stale\.html and fixture\.stale\/: they are not this run's note\./,
    );
    assert.deepEqual(
      [...Deno.readDirSync(`${dir}/notebooks`)].map((e) => e.name).sort(),
      ["fixture.failed.ipynb", "fixture.ipynb"],
    );
    const failed = await readNotebook(`${dir}/notebooks/fixture.failed.ipynb`);
    assert.equal(failed.cells[9]!.outputs![0]!.output_type, "error");
  });
});

const exists = (path: string) => Deno.stat(path).then(() => true, () => false);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

Deno.test("an edit saved while the notebook runs survives byte for byte; the run goes beside it and makes the note", async () => {
  await withFixture(fixture(), async (dir, file) => {
    const running = `${dir}/running`;
    const edited = `${dir}/edited`;
    // A cell that sleeps until the test has saved its edit (at most a minute).
    const waits = code(
      `// wait for the edit\nawait Deno.writeTextFile(${JSON.stringify(running)}, "");\n` +
        `for (let i = 0; i < 1200 && !(await Deno.stat(${
          JSON.stringify(edited)
        }).then(() => true, () => false)); i++) {\n` +
        "  await new Promise((resolve) => setTimeout(resolve, 50));\n}",
    );
    await Deno.writeTextFile(file, notebookToJson(fixture([waits])));
    const child = new Deno.Command(Deno.execPath(), {
      args: reportArgs(dir, [file]),
      cwd: ROOT,
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    const finished = child.output();
    for (let i = 0; i < 600 && !(await exists(running)); i++) await sleep(100);
    assert.ok(await exists(running), "the waiting cell ran");
    const edit = new TextEncoder().encode(
      (await Deno.readTextFile(file)).replace("Fixture note on subsidies", "Edited while it ran"),
    );
    await Deno.writeFile(file, edit);
    await Deno.writeTextFile(edited, "");
    const out = await finished;
    const stdout = new TextDecoder().decode(out.stdout);
    assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));

    // Hashes, not bytes: a failing deepEqual of two notebooks would diff them byte by byte.
    assert.equal(
      await sha256Hex(await Deno.readFile(file)),
      await sha256Hex(edit),
      "the edit is kept",
    );
    const beside = `${dir}/notebooks/fixture.executed.ipynb`;
    const ran = await readNotebook(beside);
    assert.match(storedFreezeHash(ran) ?? "", /^[0-9a-f]{64}$/);
    assert.match(String(ran.cells[0]!.source), /title: Fixture note on subsidies/);
    assert.equal(
      stdout.split("\n").filter((line) => line.includes("changed on disk")).length,
      1,
      stdout,
    );
    assert.match(
      stdout,
      /fixture\.ipynb changed on disk while it ran, so it is left as you saved it; the run is saved as .*fixture\.executed\.ipynb/,
    );
    const text = (await run("pdftotext", ["-layout", `${dir}/fixture.pdf`, "-"])).stdout;
    assert.match(text, /Fixture note on subsidies/, "the note is made from the run");
  });
});

Deno.test("a cell that calls Deno.exit() fails as its cell; a failed save of the run is said after the cell's error", async () => {
  const exits = code('// leave early\nconsole.log("leaving");\nDeno.exit(3);');
  await withFixture(fixture([exits]), async (dir, file) => {
    // A directory where the failed run would be saved: the save fails, whoever runs the test.
    await Deno.mkdir(`${dir}/notebooks/fixture.failed.ipynb`);
    const { code: status, stderr } = await report(dir, [file]);
    assert.equal(status, 1);
    const cellError = stderr.search(
      /fixture\.ipynb: cell 10 \(\/\/ leave early\) failed: KernelExitedError: .*Deno\.exit\(\)/,
    );
    const saveError = stderr.search(
      /The notebook as executed could not be saved as .*fixture\.failed\.ipynb: .*; no note was made/,
    );
    assert.ok(cellError >= 0, stderr);
    assert.ok(saveError > cellError, `the cell's error comes first:\n${stderr}`);
  });
});

Deno.test("front matter, takeaways and parameters are checked before any kernel starts", async () => {
  await withFixture(fixture(), async (dir) => {
    const marker = `${dir}/a-kernel-ran`;
    const marks = code(`await Deno.writeTextFile(${JSON.stringify(marker)}, "ran");`);
    const base = fixture([marks]);
    const noTakeaways = {
      ...base,
      cells: base.cells.filter((c) =>
        !(c.metadata as { tags?: string[] }).tags?.includes("takeaways")
      ),
    };
    const badDate = {
      ...base,
      cells: [{
        ...base.cells[0]!,
        source: String(base.cells[0]!.source).replace("2026-06-01", "June 2026"),
      }, ...base.cells.slice(1)],
    };
    const constParameter = {
      ...base,
      cells: base.cells.map((c) =>
        (c.metadata as { tags?: string[] }).tags?.includes("parameters")
          ? { ...c, source: String(c.source).replace("let height", "const height") }
          : c
      ),
    };
    await Deno.writeTextFile(`${dir}/notebooks/no_takeaways.ipynb`, notebookToJson(noTakeaways));
    await Deno.writeTextFile(`${dir}/notebooks/bad_date.ipynb`, notebookToJson(badDate));
    await Deno.writeTextFile(`${dir}/notebooks/const.ipynb`, notebookToJson(constParameter));
    const { code: status, stderr } = await report(dir, [
      `${dir}/notebooks/no_takeaways.ipynb`,
      `${dir}/notebooks/bad_date.ipynb`,
      `${dir}/notebooks/const.ipynb`,
    ]);
    assert.equal(status, 1);
    assert.match(
      stderr,
      /no_takeaways\.ipynb: the note has no key takeaways: tag a code cell "takeaways"/,
    );
    assert.match(
      stderr,
      /bad_date\.ipynb: front matter "date": expected YYYY-MM-DD, got "June 2026"/,
    );
    assert.match(
      stderr,
      /const\.ipynb: parameters cell line 1: declare "height" with let, not const/,
    );
    assert.match(stderr, /3 of 3 notes failed/);
    assert.equal(await exists(marker), false, "no cell ran");
  });
});

Deno.test("an endless cell times out, fails the note and leaves no kernel behind", async () => {
  await withFixture(fixture([code("while (true) {}")]), async (dir, file) => {
    // Only the run's own kernels count: those seen below the report process while it runs,
    // each followed by pid after it ends (other jobs on the machine may run kernels too).
    const child = new Deno.Command(Deno.execPath(), {
      args: reportArgs(dir, [file, "--cell-timeout", "2"]),
      cwd: ROOT,
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    const watch = watchDescendants(child.pid, KERNEL);
    let kernels: ProcessRow[];
    let out: Deno.CommandOutput;
    try {
      out = await child.output();
    } finally {
      kernels = await watch.stop();
    }
    const stderr = new TextDecoder().decode(out.stderr);
    assert.equal(out.code, 1);
    assert.match(
      stderr,
      /fixture\.ipynb: cell 10 \(while \(true\) \{\}\) failed: CellTimeoutError: .*cell timeout of 2000 ms/,
    );
    assert.match(stderr, /fixture\.failed\.ipynb/);
    assert.ok(kernels.length >= 1, "the run's kernel was seen");
    assert.deepEqual(await stillRunning(kernels), [], "a kernel process was left behind");
  });
});

Deno.test("Letter paper, and bad options named", async () => {
  await withFixture(fixture(), async (dir, file) => {
    const letter = await report(dir, [file, "--paper", "Letter"]);
    assert.equal(letter.code, 0, letter.stderr);
    assert.match((await run("pdfinfo", [`${dir}/fixture.pdf`])).stdout, /612 x 792 pts \(letter\)/);
    const a5 = await report(dir, [file, "--paper", "A5"]);
    assert.equal(a5.code, 1);
    assert.match(a5.stderr, /--paper A5: expected A4 or Letter/);
    const both = await report(dir, [file, "--execute", "--no-execute"]);
    assert.match(both.stderr, /--execute with --no-execute/);
    const missing = await report(dir, [`${dir}/nope.ipynb`]);
    assert.match(missing.stderr, /Cannot render .*nope\.ipynb: no such file/);
  });
});

Deno.test("every research notebook renders from its saved outputs into a printable note", async () => {
  const dir = await Deno.makeTempDir({ prefix: "mullet-notes-" });
  try {
    // Named, so that the per-company notebook renders once, from its own saved outputs.
    const notebooks = [...Deno.readDirSync(`${ROOT}notebooks`)].map((e) => e.name)
      .filter((n) => n.endsWith(".ipynb") && !isRunCopy(n)).map((n) => `notebooks/${n}`);
    const { code: status, stdout, stderr } = await report(dir, ["--no-execute", ...notebooks]);
    assert.equal(status, 0, stderr);
    const pdfs = [...Deno.readDirSync(dir)].map((e) => e.name).filter((n) => n.endsWith(".pdf"));
    assert.equal(pdfs.length, notebooks.length, stdout);
    let tables = 0;
    for (const pdf of pdfs) {
      const pages = await assertPrintable(`${dir}/${pdf}`, dir);
      assert.match(pages[0]!, /KEY TAKEAWAYS/);
      assert.match(pages[0]!, /Exhibit 1:/);
      // The appendix ends the note: sources, parameters, the house view, the manifest.
      const text = pages.join("\n");
      assert.match(text.slice(text.lastIndexOf("Appendix")), /House view[\s\S]*Reproducibility/);
      // Every DataFrame the notebook shows is a table in the note: its first row's cells, in order.
      const saved = await readNotebook(`${ROOT}notebooks/${pdf.replace(/\.pdf$/, ".ipynb")}`);
      const flat = text.replace(/\s+/g, " ");
      for (const table of expectedView(saved).tables) {
        assert.ok(
          flat.includes(table.first.filter((c) => c !== "").join(" ")),
          `${pdf}: no row "${table.first.join(" | ")}"`,
        );
        tables++;
      }
    }
    // Notes 01, 05 and 07 show DataFrames (07's as a cell's last expression).
    assert.ok(tables >= 3, `${tables} DataFrame tables in the notes`);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("with no notebook named, the run is the coverage pack: each notebook, and the per-company note once per valued ticker", async () => {
  const dir = await Deno.makeTempDir({ prefix: "mullet-default-" });
  try {
    const { tickers } = await coveredTickers();
    const notebooks = [...Deno.readDirSync(`${ROOT}notebooks`)].map((e) => e.name)
      .filter((n) => n.endsWith(".ipynb") && !isRunCopy(n)).map((n) => n.replace(".ipynb", ""))
      .sort();
    const listed = await report(dir, ["--list"]);
    assert.equal(listed.code, 0, listed.stderr);
    const expected = notebooks.flatMap((name) =>
      name === "08_company" ? tickers.map((t) => `${name}-${t}`) : [name]
    );
    assert.deepEqual(listed.stdout.trim().split("\n"), expected);
    assert.ok(tickers.length >= 2, tickers.join(","));
    // A shard lists its share of the same order, and nothing is written.
    const shard = await report(dir, ["--list", "--shard", "2/3"]);
    assert.deepEqual(
      shard.stdout.trim().split("\n"),
      expected.filter((_, i) => i % 3 === 1),
    );
    assert.deepEqual([...Deno.readDirSync(dir)], []);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("Ctrl-C during a run ends the kernel and Chromium, and writes no note", async () => {
  await withFixture(fixture([code("while (true) {}")]), async (dir, file) => {
    const child = new Deno.Command(Deno.execPath(), {
      args: reportArgs(dir, [file]),
      cwd: ROOT,
      stdout: "null",
      stderr: "null",
    }).spawn();
    // Only the run's own processes count: those below the report process, followed by pid
    // (other jobs on the machine may run kernels and browsers too).
    const kernelWatch = watchDescendants(child.pid, KERNEL);
    const chromiumWatch = watchDescendants(child.pid, CHROMIUM);
    let kernels: ProcessRow[] = [];
    let chromiums: ProcessRow[] = [];
    try {
      // Wait until the endless cell runs in its kernel, then press Ctrl-C.
      for (let i = 0; i < 100 && (await ownRunning(kernelWatch)).length === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.ok((await ownRunning(kernelWatch)).length > 0, "the kernel started");
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.ok((await ownRunning(chromiumWatch)).length > 0, "Chromium runs for the note");
      await Promise.all([kernelWatch.poll(), chromiumWatch.poll()]);
      child.kill("SIGINT");
      const status = await child.status;
      assert.notEqual(status.code, 0);
    } finally {
      kernels = await kernelWatch.stop();
      chromiums = await chromiumWatch.stop();
      try {
        child.kill("SIGKILL");
      } catch {
        // It has ended.
      }
      await child.status;
    }
    assert.deepEqual(await endedWithin(kernels, 300), [], "a kernel was left running");
    assert.deepEqual(await endedWithin(chromiums, 300), [], "a Chromium was left running");
    assert.deepEqual(
      [...Deno.readDirSync(dir)].map((e) => e.name),
      ["notebooks"],
      "no note written",
    );
  });
});

/** The processes `watch` has seen so far that still run. */
async function ownRunning(watch: DescendantWatch): Promise<ProcessRow[]> {
  return await stillRunning(await watch.poll());
}

Deno.test("a pack: one notebook over many parameter sets, a note per set, each frozen by its own key", async (t) => {
  await ensureChromium();
  const dir = await Deno.makeTempDir({ prefix: "mullet-pack-" });
  const names = () => [...Deno.readDirSync(dir)].map((e) => e.name).sort();
  const pdfText = async (name: string) =>
    (await run("pdftotext", ["-layout", `${dir}/${name}.pdf`, "-"])).stdout;
  /** The notes a run printed, and how: `{ "pack-CORZ": "saved outputs" }`. */
  const printed = (stdout: string) =>
    Object.fromEntries(
      [...stdout.matchAll(/\/(pack-\w+)\.pdf \((executed|saved outputs)/g)].map((
        m,
      ) => [m[1], m[2]]),
    );
  try {
    await Deno.mkdir(`${dir}/notebooks`);
    const file = `${dir}/notebooks/pack.ipynb`;
    await Deno.writeTextFile(file, notebookToJson(packFixture()));
    const source = await Deno.readTextFile(file);

    await t.step(
      "checked before anything runs: a label collision, a bad grid line, an unknown grid parameter",
      async () => {
        const collision = await report(dir, [file, "--each", "ticker=Hut 8,CORZ,Hut/8"]);
        assert.equal(collision.code, 1);
        assert.match(
          collision.stderr,
          /Cannot render both --each ticker=Hut 8 and --each ticker=Hut\/8: both would be the note pack-Hut_8;/,
        );
        await Deno.writeTextFile(
          `${dir}/bad.yaml`,
          "- ticker: CORZ\n- ticker: APLD\n  seed: seven\n",
        );
        const bad = await report(dir, [file, "--grid", `${dir}/bad.yaml`]);
        assert.equal(bad.code, 1);
        assert.match(bad.stderr, /bad\.yaml:3: seed: cannot use "seven": expected a number/);
        await Deno.writeTextFile(`${dir}/typo.yaml`, "- ticker: CORZ\n  sede: 7\n");
        const typo = await report(dir, [file, "--grid", `${dir}/typo.yaml`]);
        assert.equal(typo.code, 1);
        assert.match(
          typo.stderr,
          /typo\.yaml:2: .*pack\.ipynb has no parameter "sede" \(did you mean "seed"\?\); valid parameters: ticker, seed/,
        );
        const both = await report(dir, [file, "--each", "seed=1,2", "--param", "seed=7"]);
        assert.match(both.stderr, /Cannot set parameter "seed" with --param and in --each seed=1/);
        assert.deepEqual(names(), ["bad.yaml", "notebooks", "typo.yaml"], "nothing was written");
      },
    );

    await t.step(
      "--each with --param: a note per value; a failing set is reported, the others written",
      async () => {
        const { code: status, stdout, stderr } = await report(dir, [
          file,
          "--each",
          "ticker=CORZ,APLD,XYZ,WULF",
          "--param",
          "seed=7",
        ]);
        assert.equal(status, 1, stderr);
        assert.deepEqual(printed(stdout), {
          "pack-CORZ": "executed",
          "pack-APLD": "executed",
          "pack-WULF": "executed",
        });
        assert.match(
          stderr,
          /report: pack-XYZ failed: .*pack\.ipynb: cell 4 \(\/\/ the company's deals with a capacity\) failed: RangeError: no deal with a capacity for XYZ/,
        );
        assert.match(stderr, /saved as .*pack-XYZ\.failed\.ipynb; no note was made/);
        assert.match(stderr, /report: 1 of 4 notes failed \(pack-XYZ\); 3 written/);
        // Each note's own folder holds the data behind its exhibits.
        assert.deepEqual(names(), [
          "bad.yaml",
          "notebooks",
          "pack-APLD",
          "pack-APLD.html",
          "pack-APLD.ipynb",
          "pack-APLD.pdf",
          "pack-CORZ",
          "pack-CORZ.html",
          "pack-CORZ.ipynb",
          "pack-CORZ.pdf",
          "pack-WULF",
          "pack-WULF.html",
          "pack-WULF.ipynb",
          "pack-WULF.pdf",
          "pack-XYZ.failed.ipynb",
          "typo.yaml",
        ], "a note per set, no temporary file left");
        assert.deepEqual(names().filter((n) => n.startsWith(".")), []);
        assert.equal(await Deno.readTextFile(file), source, "the notebook itself is untouched");
        assert.deepEqual([...Deno.readDirSync(`${dir}/notebooks`)].map((e) => e.name), [
          "pack.ipynb",
        ]);
        const apld = await pdfText("pack-APLD");
        assert.match(apld, /APLD: \d+ deals, \d+ MW in all \(seed 7\)/);
        assert.match(apld, /ticker\s+"APLD"\s+--param/);
        assert.match(apld, /seed\s+7\s+--param/);
        assert.match(await pdfText("pack-CORZ"), /CORZ: \d+ deals, \d+ MW in all \(seed 7\)/);
        const hashes = await Promise.all(
          ["CORZ", "APLD", "WULF"].map(async (ticker) =>
            storedFreezeHash(await readNotebook(`${dir}/pack-${ticker}.ipynb`))
          ),
        );
        assert.equal(new Set(hashes).size, 3, `each note has its own freeze key: ${hashes}`);
      },
    );

    const grid = (apldSeed: number) =>
      "# the pack as a grid: the same values as --each with --param seed=7\n" +
      "- { label: CORZ, ticker: CORZ, seed: 7 }\n" +
      `- { label: APLD, ticker: APLD, seed: ${apldSeed} }\n` +
      "- { label: WULF, ticker: WULF, seed: 7 }\n";

    await t.step("freeze per output: nothing runs again; a changed set runs alone", async () => {
      const again = await report(dir, [
        file,
        "--each",
        "ticker=CORZ,APLD,WULF",
        "--param",
        "seed=7",
      ]);
      assert.equal(again.code, 0, again.stderr);
      assert.deepEqual(printed(again.stdout), {
        "pack-CORZ": "saved outputs",
        "pack-APLD": "saved outputs",
        "pack-WULF": "saved outputs",
      });
      // The key is the values, not how they were given: the grid finds the same notes frozen.
      await Deno.writeTextFile(`${dir}/pack.yaml`, grid(7));
      const same = await report(dir, [file, "--grid", `${dir}/pack.yaml`]);
      assert.equal(same.code, 0, same.stderr);
      assert.doesNotMatch(same.stdout, /executed/);
      await Deno.writeTextFile(`${dir}/pack.yaml`, grid(8));
      const changed = await report(dir, [file, "--grid", `${dir}/pack.yaml`]);
      assert.equal(changed.code, 0, changed.stderr);
      assert.deepEqual(printed(changed.stdout), {
        "pack-CORZ": "saved outputs",
        "pack-APLD": "executed",
        "pack-WULF": "saved outputs",
      });
      assert.match(await pdfText("pack-APLD"), /APLD: \d+ deals, \d+ MW in all \(seed 8\)/);
    });

    await t.step("--shard 1/2 and 2/2 render every set exactly once between them", async () => {
      const first = await report(dir, [file, "--grid", `${dir}/pack.yaml`, "--shard", "1/2"]);
      const second = await report(dir, [file, "--grid", `${dir}/pack.yaml`, "--shard", "2/2"]);
      assert.equal(first.code, 0, first.stderr);
      assert.equal(second.code, 0, second.stderr);
      assert.match(first.stdout, /report: shard 1\/2: 2 of 3 notes \(pack-CORZ, pack-WULF\)/);
      assert.match(second.stdout, /report: shard 2\/2: 1 of 3 notes \(pack-APLD\)/);
      assert.deepEqual(Object.keys(printed(first.stdout)).sort(), ["pack-CORZ", "pack-WULF"]);
      assert.deepEqual(Object.keys(printed(second.stdout)), ["pack-APLD"]);
      const bad = await report(dir, [file, "--grid", `${dir}/pack.yaml`, "--shard", "3/2"]);
      assert.match(bad.stderr, /Cannot use --shard 3\/2: expected i\/n with 1 ≤ i ≤ n/);
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
