// A report run that is stopped — by a signal to it, or by the end of a wrapper that passes no
// signal on (npx) — ends its kernel and its browser, leaves nothing behind and says what stopped
// it. Runs `lib/cli/report.ts` with the report task's own flags from deno.json, with a private
// TMPDIR, on a notebook whose cell waits until the run is stopped.
import assert from "node:assert/strict";
import { readProcessTable } from "./process_table.ts";
import { notebookToJson } from "../notebook/notebook.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
const DEAD_PID = 4_000_000; // above Linux's largest pid_max: no such process

/** The flags of `deno run … lib/cli/report.ts` in the report task of deno.json. */
async function reportTaskFlags(): Promise<string[]> {
  const config = JSON.parse(await Deno.readTextFile(`${ROOT}deno.json`));
  // The task names the deno binary that runs it, which `deno eval` prints in the task's shell.
  const command = (config.tasks.report.command as string)
    .replace("$(deno eval 'console.log(Deno.execPath())')", Deno.execPath());
  const run = command.split("&&").map((part) => part.trim().split(/\s+/))
    .find((words) => words.at(-1) === "lib/cli/report.ts");
  assert.ok(run, "the report task runs lib/cli/report.ts");
  return run.slice(2, -1);
}

const code = (source: string, tags: string[] = []) => ({
  cell_type: "code" as const,
  metadata: { tags },
  source,
  outputs: [],
  execution_count: null,
});

/** A notebook whose second cell writes `marker` and then waits for a minute. */
function waitingNotebook(marker: string) {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: "mullet-deno", display_name: "mullet (Deno)" } },
    cells: [
      {
        cell_type: "raw" as const,
        metadata: {},
        source: "---\ntitle: Waits to be stopped\nauthors: [mullet research]\n---\n",
      },
      code("let seconds = 60;", ["parameters"]),
      code(
        `Deno.writeTextFileSync(${JSON.stringify(marker)}, "");\n` +
          "await new Promise((resolve) => setTimeout(resolve, seconds * 1000));",
      ),
      code('await Deno.jupyter.display({ "text/markdown": "- done" }, { raw: true });', [
        "takeaways",
      ]),
    ],
  };
}

interface Started {
  /** The process the test started (the report, or the wrapper around it). */
  child: Deno.ChildProcess;
  /** Stdout and stderr of the run, once it has ended. */
  output: Promise<string>;
  /** Pid of the report process. */
  reportPid: number;
  /** Pid of its kernel. */
  kernelPid: number;
}

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  ms = 60_000,
): Promise<T> {
  const deadline = performance.now() + ms;
  while (true) {
    const value = await probe();
    if (value !== undefined) return value;
    assert.ok(performance.now() < deadline, `timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Starts the report on the waiting notebook; resolves once its cell runs. */
async function startReport(dir: string, wrap: boolean): Promise<Started> {
  const marker = `${dir}/cell-started`;
  await Deno.writeTextFile(`${dir}/notebooks/waits.ipynb`, notebookToJson(waitingNotebook(marker)));
  const args = [
    "run",
    ...await reportTaskFlags(),
    "lib/cli/report.ts",
    "--execute",
    "--out",
    `${dir}/out`,
    `${dir}/notebooks/waits.ipynb`,
  ];
  // `; exit` keeps sh from exec'ing deno: sh stays the parent and, like npx, dies of a
  // SIGTERM without passing it on.
  const quoted = [Deno.execPath(), ...args].map((a) => `'${a}'`).join(" ");
  const child = new Deno.Command(wrap ? "sh" : Deno.execPath(), {
    args: wrap ? ["-c", `${quoted}; exit $?`] : args,
    cwd: ROOT,
    env: { TMPDIR: `${dir}/tmp`, NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const text = (stream: ReadableStream<Uint8Array>) => new Response(stream).text();
  const output = Promise.all([text(child.stdout), text(child.stderr)]).then((t) => t.join(""));
  let exited = false;
  child.status.then(() => (exited = true));
  try {
    await waitFor("the cell to start", async () => {
      if (exited) throw new Error(`the report ended before its cell started:\n${await output}`);
      return await Deno.stat(marker).then(() => true, () => undefined);
    });
  } catch (error) {
    if (!exited) child.kill("SIGKILL");
    await child.status;
    throw error;
  }
  const table = await readProcessTable();
  assert.ok(table);
  const reportPid = wrap ? table.childrenOf(child.pid)[0]?.pid : child.pid;
  assert.ok(reportPid !== undefined, "the report process runs");
  const kernel = table.childrenOf(reportPid).find((row) => row.name === "deno");
  assert.ok(kernel, "the report's kernel runs");
  return { child, output, reportPid, kernelPid: kernel.pid };
}

/** Runs `body` in a fixture directory with a stale temp file and an old connection dir. */
async function withFixture(body: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "mullet-stop-" });
  try {
    for (const sub of ["notebooks", "out", "tmp"]) await Deno.mkdir(`${dir}/${sub}`);
    // What earlier killed runs left: a half-written PDF and a connection file of old.
    await Deno.writeTextFile(`${dir}/out/.waits.pdf.${DEAD_PID}-0123abcd.tmp`, "half");
    await Deno.mkdir(`${dir}/tmp/mullet-kernel-x1y2z3`);
    const hourAgo = new Date(Date.now() - 3_600_000);
    await Deno.utime(`${dir}/tmp/mullet-kernel-x1y2z3`, hourAgo, hourAgo);
    await body(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** Kills what a failed test left running: the processes it made, by pid (they run yet). */
async function killLeftovers(started: Started): Promise<void> {
  for (const pid of [started.child.pid, started.reportPid, started.kernelPid]) {
    try {
      Deno.kill(pid, "SIGKILL");
    } catch {
      // It has ended, as it should.
    }
  }
  await started.child.status;
}

/** Asserts that the stopped run left nothing: no process, no file. */
async function assertNothingLeft(dir: string, started: Started): Promise<void> {
  // The kernel gets its parent-death signal as the report exits; give init a moment to reap it.
  const ended = (pid: number) =>
    waitFor(
      `pid ${pid} to end`,
      async () => (await readProcessTable())?.isRunning(pid) ? undefined : true,
      3_000,
    );
  await ended(started.reportPid);
  await ended(started.kernelPid);
  const names = async (path: string) =>
    (await Array.fromAsync(Deno.readDir(path))).map((e) => e.name);
  assert.deepEqual(await names(`${dir}/tmp`), [], "no browser profile, no connection file");
  assert.deepEqual(await names(`${dir}/out`), [], "no note, no temporary file");
  assert.deepEqual(await names(`${dir}/notebooks`), ["waits.ipynb"], "the notebook as it was");
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  Deno.test(`${signal} to the report stops the whole run and leaves nothing behind`, async () => {
    await withFixture(async (dir) => {
      const started = await startReport(dir, false);
      try {
        started.child.kill(signal);
        const status = await started.child.status;
        const output = await started.output;
        assert.equal(status.code, { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 }[signal], output);
        assert.match(
          output,
          new RegExp(`report: stopped by ${signal}; no note was written for waits\\.ipynb`),
        );
        await assertNothingLeft(dir, started);
      } catch (error) {
        await killLeftovers(started);
        throw error;
      }
    });
  });
}

Deno.test("the end of a wrapper that passes no signal on (npx) stops the run", async () => {
  await withFixture(async (dir) => {
    const started = await startReport(dir, true);
    try {
      started.child.kill("SIGTERM"); // sh dies at once; the report gets no signal
      await started.child.status;
      const output = await started.output; // complete once the report, which shares it, ends
      assert.match(
        output,
        /report: stopped because sh \(pid \d+\), which started this run, has ended; no note was written for waits\.ipynb/,
      );
      await assertNothingLeft(dir, started);
    } catch (error) {
      await killLeftovers(started);
      throw error;
    }
  });
});

Deno.test("a browser outside the report task's --allow-run list is refused by name", async () => {
  await withFixture(async (dir) => {
    await Deno.writeTextFile(`${dir}/notebooks/waits.ipynb`, notebookToJson(waitingNotebook("")));
    const { code, stderr } = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        ...await reportTaskFlags(),
        "lib/cli/report.ts",
        "--out",
        `${dir}/out`,
        `${dir}/notebooks/waits.ipynb`,
      ],
      cwd: ROOT,
      env: { TMPDIR: `${dir}/tmp`, NO_COLOR: "1", PUPPETEER_EXECUTABLE_PATH: "/bin/true" },
      stdout: "null",
      stderr: "piped",
    }).output();
    assert.equal(code, 1);
    assert.match(
      new TextDecoder().decode(stderr),
      /report: Cannot start the browser \/bin\/true: .*--allow-run.* Add \/bin\/true to that list/,
    );
  });
});
