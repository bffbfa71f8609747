// The shipped notebooks in a real Jupyter front end in a real browser: Debian's classic Jupyter
// Notebook (6.4) on 127.0.0.1, with a token and data, config, runtime and home directories of its
// own, the kernel registered there by `deno task kernel`, driven in Chromium by puppeteer-core.
// Every notebook is opened as saved (outputs rendered, markdown typeset by MathJax); the first
// is also run top to bottom with the "mullet (Deno)" kernel. Each must show no error, every
// exhibit as a non-blank PNG of its own size, and every dollar amount as text, not maths. The
// server serves the project read-only: nothing it runs can save over a notebook. One screenshot
// a notebook is left in /tmp to look at. A cell that ends in a DataFrame is run live too, and
// must show the frame as a table.
import assert from "node:assert/strict";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { CHROMIUM_ARGS } from "../report/browser.ts";
import { findChromium } from "../report/chromium.ts";
import { stillRunning, watchDescendants } from "../cli/process_tree.ts";
import { isRunCopy } from "./run_copies.ts";
import { type Notebook, readNotebook } from "./notebook.ts";
import { expectedView, type PageView, probePage, viewProblems } from "./_front_end_checks.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
const NOTEBOOK_SERVER = "/usr/bin/jupyter-notebook";
const chromium = findChromium();
const ready = (() => {
  try {
    return Deno.statSync(NOTEBOOK_SERVER).isFile && chromium !== undefined;
  } catch {
    return false;
  }
})();

const NOTEBOOKS = [...Deno.readDirSync(`${ROOT}notebooks`)].map((entry) => entry.name)
  .filter((name) => name.endsWith(".ipynb") && !isRunCopy(name)).sort();
/** Run live as well as opened as saved: the first note (the others run in the notebook tests). */
const LIVE = NOTEBOOKS.slice(0, 1);

/** The kernel every shipped notebook names, as the front end reports it. */
const MULLET_KERNEL = { name: "mullet-deno", shown: "mullet (Deno)", language: "typescript" };

/** Classic Notebook's output and markdown elements. */
const SELECTORS = {
  image: "#notebook-container .output_png img",
  text: "#notebook-container .output_area, #notebook-container .text_cell_render",
  error: "#notebook-container .output_error",
};

/**
 * A contents manager that refuses to save, rename or delete (the test only reads notebooks), and
 * keeps its checkpoints (the server makes a folder for them on opening a notebook) in `dir`.
 */
const readOnlyConfig = (dir: string) => `
from notebook.services.contents.largefilemanager import LargeFileManager
from tornado import web

class ReadOnlyContentsManager(LargeFileManager):
    def save(self, model, path=""):
        raise web.HTTPError(403, "read-only: the test does not save notebooks")
    def delete_file(self, path):
        raise web.HTTPError(403, "read-only")
    def rename_file(self, old_path, new_path):
        raise web.HTTPError(403, "read-only")

c.NotebookApp.contents_manager_class = ReadOnlyContentsManager
c.FileCheckpoints.root_dir = ${JSON.stringify(`${dir}/checkpoints`)}
`;

/** A port nothing listens on now. */
function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return port;
}

/** Jupyter's directories, private to one run, and the environment that points at them. */
async function privateJupyter(dir: string): Promise<Record<string, string>> {
  const env: Record<string, string> = {
    HOME: `${dir}/home`,
    JUPYTER_DATA_DIR: `${dir}/data`,
    JUPYTER_CONFIG_DIR: `${dir}/config`,
    JUPYTER_RUNTIME_DIR: `${dir}/runtime`,
    IPYTHONDIR: `${dir}/ipython`,
    XDG_DATA_HOME: `${dir}/home/.local/share`,
    XDG_CONFIG_HOME: `${dir}/home/.config`,
    XDG_CACHE_HOME: `${dir}/home/.cache`,
    PATH: Deno.env.get("PATH") ?? "/usr/bin:/bin",
    // The kernel keeps the project's module cache: a private HOME would compile everything anew.
    DENO_DIR: Deno.env.get("DENO_DIR") ?? `${Deno.env.get("HOME") ?? "/root"}/.cache/deno`,
    NO_COLOR: "1",
  };
  for (const key of ["HOME", "JUPYTER_CONFIG_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR"]) {
    await Deno.mkdir(env[key]!, { recursive: true });
  }
  await Deno.writeTextFile(
    `${env.JUPYTER_CONFIG_DIR}/jupyter_notebook_config.py`,
    readOnlyConfig(dir),
  );
  // The kernelspec as a user registers it, into the private data directory.
  const kernel = await new Deno.Command(Deno.execPath(), {
    args: ["task", "kernel"],
    cwd: ROOT,
    env,
    clearEnv: true,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const said = new TextDecoder().decode(kernel.stdout) + new TextDecoder().decode(kernel.stderr);
  assert.equal(kernel.code, 0, said);
  assert.match(
    said,
    new RegExp(`"mullet \\(Deno\\)" registered in ${dir}/data/kernels/mullet-deno`),
  );
  return env;
}

/**
 * Trusts `name`, as a user trusts a notebook to see its markdown and HTML outputs (an untrusted
 * one shows their plain text): its signature goes to the private data directory's database, the
 * notebook itself is not written. (Debian packages no `jupyter trust`; nbformat's module is it.)
 */
async function trust(env: Record<string, string>, name: string): Promise<void> {
  const signed = await new Deno.Command("/usr/bin/python3", {
    args: ["-m", "nbformat.sign", `${ROOT}notebooks/${name}`],
    env,
    clearEnv: true,
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.equal(signed.code, 0, new TextDecoder().decode(signed.stderr));
}

/** How many markdown outputs the page renders as markdown (not as their plain text). */
async function markdownOutputs(page: Page): Promise<number> {
  return await page.evaluate(
    'document.querySelectorAll("#notebook-container .output_markdown").length',
  ) as number;
}

/** How many outputs of `notebook` carry markdown. */
function markdownCount(notebook: Notebook): number {
  return notebook.cells.flatMap((cell) => cell.outputs ?? [])
    .filter((output) => "text/markdown" in ((output as { data?: object }).data ?? {})).length;
}

/** Waits until the server answers its API with the token. */
async function untilServing(
  url: string,
  server: Deno.ChildProcess,
  log: () => string,
): Promise<void> {
  let exited = false;
  server.status.then(() => exited = true);
  for (let waited = 0; waited < 30_000; waited += 200) {
    assert.ok(!exited, `the Notebook server exited while starting:\n${log()}`);
    try {
      const response = await fetch(url);
      await response.body?.cancel();
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.fail(`the Notebook server did not answer ${url.replace(/token=\w+/, "token=…")} in 30 s`);
}

/** Opens a notebook's page and waits until it is loaded (its kernel ready, if asked) and typeset. */
async function openNotebook(
  page: Page,
  url: string,
  options: { readonly kernel: boolean },
): Promise<void> {
  await page.goto(url, { waitUntil: "load" });
  await page.waitForFunction(
    "window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded" +
      (options.kernel
        ? " && Jupyter.notebook.kernel && Jupyter.notebook.kernel.info_reply && " +
          "Jupyter.notebook.kernel.info_reply.implementation !== undefined"
        : ""),
    { timeout: 60_000 },
  );
  // A live run makes the notebook dirty; on a slow machine the two-minute autosave would then try
  // to save it (the read-only server refuses, and the test counts any attempt).
  await page.evaluate("Jupyter.notebook.set_autosave_interval(0)");
  await typesetDone(page);
}

async function typesetDone(page: Page): Promise<void> {
  await page.waitForFunction("window.MathJax !== undefined && MathJax.isReady === true");
  await page.evaluate("new Promise((done) => MathJax.Hub.Queue(done))");
}

/** The kernel the page runs: its name and the display name the front end shows. */
async function kernelOf(page: Page): Promise<{ name: string; shown: string; language: string }> {
  return await page.evaluate(`({
    name: Jupyter.notebook.kernel.name,
    shown: document.querySelector(".kernel_indicator_name").innerText,
    language: Jupyter.notebook.kernel.info_reply.language_info.name,
  })`) as { name: string; shown: string; language: string };
}

/** Ends the page's kernel (its session), so that no kernel outlives its notebook's check. */
async function endSession(page: Page): Promise<void> {
  await page.evaluate("new Promise((done) => Jupyter.notebook.session.delete(done, done))");
}

async function screenshot(page: Page, name: string): Promise<void> {
  // The notebook scrolls inside #site, which the page sizes to the window: a window as tall as
  // the notebook shows all of it.
  const height = await page.evaluate(
    'document.getElementById("header").offsetHeight + ' +
      'document.getElementById("notebook").scrollHeight + 40',
  ) as number;
  await page.setViewport({ width: 1200, height: Math.min(height, 16_000) });
  await page.waitForFunction(
    `document.getElementById("site").clientHeight >= document.getElementById("notebook").scrollHeight`,
  );
  await page.screenshot({ path: `/tmp/mullet-classic-${name.replace(/\.ipynb$/, "")}.png` });
  await page.setViewport({ width: 1200, height: 900 });
}

async function launch(dir: string): Promise<Browser> {
  return await puppeteer.launch({
    executablePath: chromium!,
    // The house flags, but the page may reach the test's own server on 127.0.0.1.
    args: [
      ...CHROMIUM_ARGS.filter((arg) => !arg.startsWith("--host-resolver-rules=")),
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    ],
    pipe: true,
    userDataDir: `${dir}/chromium`,
  });
}

Deno.test({
  name: "classic Jupyter Notebook in Chromium: every shipped notebook reads right, one runs live",
  ignore: !ready,
  fn: async (t) => {
    assert.ok(NOTEBOOKS.length >= 6, `shipped notebooks: ${NOTEBOOKS.join(", ")}`);
    const dir = await Deno.makeTempDir({ prefix: "mullet-classic-notebook-" });
    const entries = () => [...Deno.readDirSync(`${ROOT}notebooks`)].map((e) => e.name).sort();
    const entriesBefore = entries();
    const env = await privateJupyter(dir);
    const port = freePort();
    const token = crypto.randomUUID().replaceAll("-", "");
    const server = new Deno.Command(NOTEBOOK_SERVER, {
      args: [
        "--no-browser",
        "--ip=127.0.0.1",
        `--port=${port}`,
        "--port-retries=0",
        `--NotebookApp.token=${token}`,
        `--notebook-dir=${ROOT}`,
        // CI runs as root, which the server refuses unless told.
        ...(Deno.uid() === 0 ? ["--allow-root"] : []),
      ],
      cwd: ROOT,
      env,
      clearEnv: true,
      stdout: "null",
      stderr: "piped",
    }).spawn();
    const log = server.stderr.pipeThrough(new TextDecoderStream());
    let serverLog = "";
    const logged = log.pipeTo(new WritableStream({ write: (chunk) => void (serverLog += chunk) }));
    const kernels = watchDescendants(server.pid, /jupyter --kernel/);
    const base = `http://127.0.0.1:${port}`;
    const url = (name: string) => `${base}/notebooks/notebooks/${name}?token=${token}`;
    let browser: Browser | undefined;
    try {
      await untilServing(`${base}/api/status?token=${token}`, server, () => serverLog);
      browser = await launch(dir);
      const page = await browser.newPage();
      page.on("dialog", (dialog) => void dialog.accept());
      await page.setViewport({ width: 1200, height: 900 });

      for (const name of NOTEBOOKS) {
        await t.step(`${name} as saved`, async () => {
          await trust(env, name);
          const saved = await readNotebook(`${ROOT}notebooks/${name}`);
          // The kernel is checked once here and again in the live run; waiting for each
          // notebook's own would only add its start-up time.
          const first = name === NOTEBOOKS[0];
          await openNotebook(page, url(name), { kernel: first });
          if (first) assert.deepEqual(await kernelOf(page), MULLET_KERNEL);
          const seen = await page.evaluate(probePage(SELECTORS)) as PageView;
          const expected = expectedView(saved);
          assert.equal(await markdownOutputs(page), markdownCount(saved), "markdown rendered");
          assert.ok(expected.exhibits.length > 0 && expected.amounts.length > 0);
          assert.deepEqual(viewProblems(expected, seen), []);
          if (!LIVE.includes(name)) await screenshot(page, name);
          await endSession(page);
        });
      }

      for (const name of LIVE) {
        await t.step(`${name} run top to bottom with the mullet (Deno) kernel`, async () => {
          const saved = await readNotebook(`${ROOT}notebooks/${name}`);
          await openNotebook(page, url(name), { kernel: true });
          assert.deepEqual(await kernelOf(page), MULLET_KERNEL);
          await page.evaluate(
            "Jupyter.notebook.clear_all_output(); Jupyter.notebook.execute_all_cells()",
          );
          // Every code cell queued shows "*" until it has run; an error aborts the rest.
          await page.waitForFunction(
            `Jupyter.notebook.get_cells().filter((c) => c.cell_type === "code")
              .every((c) => c.input_prompt_number !== "*")`,
            { timeout: 90_000, polling: 250 },
          );
          await typesetDone(page);
          const live = await page.evaluate("Jupyter.notebook.toJSON()") as Notebook;
          const counts = live.cells.filter((cell) => cell.cell_type === "code")
            .map((cell) => cell.execution_count);
          assert.ok(counts.every((count) => typeof count === "number"), `ran: ${counts}`);
          const seen = await page.evaluate(probePage(SELECTORS)) as PageView;
          // What the kernel sent is what the page must show; as many exhibits as the saved run.
          const expected = expectedView(live);
          assert.equal(await markdownOutputs(page), markdownCount(live), "markdown rendered");
          assert.equal(expected.exhibits.length, expectedView(saved).exhibits.length);
          assert.deepEqual(viewProblems(expected, seen), []);
          await screenshot(page, name);
          await endSession(page);
        });
      }

      await t.step("a cell ending in a DataFrame shows its table, run live", async () => {
        // In reports/ (served, not hidden, ignored by git), removed at the end.
        const name = `classic-frame-${crypto.randomUUID()}.ipynb`;
        const file = `${ROOT}reports/${name}`;
        const cell = (source: string) => ({
          cell_type: "code",
          metadata: {},
          source,
          outputs: [],
          execution_count: null,
        });
        await Deno.writeTextFile(
          file,
          JSON.stringify({
            nbformat: 4,
            nbformat_minor: 5,
            metadata: {
              kernelspec: { name: MULLET_KERNEL.name, display_name: MULLET_KERNEL.shown },
            },
            cells: [
              cell('import { toDataFrame } from "@mullet/kit";'),
              cell(
                'const df = await toDataFrame([{ ticker: "RIOT", ehs: 29.3 }, ' +
                  '{ ticker: "CLSK", ehs: 45.3 }]);\ndf.sortValues("ehs", { ascending: false })',
              ),
            ],
          }),
        );
        try {
          await openNotebook(page, `${base}/notebooks/reports/${name}?token=${token}`, {
            kernel: true,
          });
          await page.evaluate("Jupyter.notebook.execute_all_cells()");
          await page.waitForFunction("document.querySelectorAll('table.dataframe').length === 1", {
            timeout: 60_000,
          });
          const seen = await page.evaluate(probePage(SELECTORS)) as PageView;
          assert.deepEqual(seen.tables, [{ rows: 2, first: ["CLSK", "45.3"] }]);
          assert.deepEqual(seen.errors, []);
          await endSession(page);
        } finally {
          await Deno.remove(file);
        }
      });
    } finally {
      await browser?.close();
      try {
        server.kill("SIGTERM");
      } catch {
        // It has ended.
      }
      const ended = await Promise.race([
        server.status.then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000)),
      ]);
      if (!ended) server.kill("SIGKILL");
      await server.status;
      await logged.catch(() => {});
      const left = await stillRunning(await kernels.stop());
      for (const row of left) Deno.kill(row.pid, "SIGKILL");
      await Deno.remove(dir, { recursive: true });
      assert.deepEqual(left, [], "the server left a kernel running");
    }
    // The contents manager refuses writes and the server logs every refused request: none was
    // even tried. (The notebooks' bytes are not compared: others may save them meanwhile.)
    const writes = serverLog.split("\n").filter((l) =>
      /(PUT|PATCH|POST|DELETE) \/api\/contents/.test(l)
    );
    assert.deepEqual(writes, [], "a save was tried");
    const added = entries().filter((name) => !entriesBefore.includes(name));
    assert.deepEqual(
      added.filter((name) => name.startsWith(".")),
      [],
      "checkpoints beside notebooks",
    );
    assert.doesNotMatch(serverLog, /Traceback/, serverLog.slice(-2000));
  },
});
