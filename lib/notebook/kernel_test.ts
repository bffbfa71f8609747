// Tests against the real Deno kernel (`deno jupyter --kernel`), started with Deno.execPath().
import assert from "node:assert/strict";
import { readProcessTable } from "../cli/process_table.ts";
import { isListeningForSignals, trackedCount } from "./_reaper.ts";
import { CellTimeoutError } from "./execution.ts";
import { type Kernel, startKernel, withKernel } from "./kernel.ts";

const ROOT = new URL("../../", import.meta.url).pathname;

/** Whether the process `pid` runs (exists and is no zombie), from `ps`. */
async function isRunning(pid: number): Promise<boolean> {
  const table = await readProcessTable();
  assert.ok(table, "ps must be installed for the kernel tests");
  return table.isRunning(pid);
}

/** The command line of `pid` (`ps -o args=`), or "" when it has gone. */
async function commandLine(pid: number): Promise<string> {
  const { stdout } = await new Deno.Command("ps", {
    args: ["-o", "args=", "-p", String(pid)],
    stdout: "piped",
    stderr: "null",
  }).output();
  return new TextDecoder().decode(stdout).trim();
}

/** Waits up to `ms` for `pid` to stop running; whether it did. */
async function ended(pid: number, ms = 3_000): Promise<boolean> {
  const deadline = performance.now() + ms;
  while (await isRunning(pid)) {
    if (performance.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

Deno.test("Kernel runs cells in the real Deno kernel and leaves no process", async (t) => {
  const kernel = await startKernel();
  try {
    assert.equal(kernel.info.implementation, "Deno kernel");
    assert.equal(await isRunning(kernel.pid), true);
    assert.equal((await readProcessTable())?.get(kernel.pid)?.ppid, Deno.pid);
    // The connection comes through stdin: no connection file, no key on disk.
    assert.match(await commandLine(kernel.pid), / jupyter --kernel --conn \/dev\/stdin$/);
    // The parent-death signal covers signals: no listener pre-empts the program's own.
    assert.equal(isListeningForSignals(), false);

    await t.step("1 + 1 gives execute_result text/plain 2, colours stripped", async () => {
      const result = await kernel.execute("1 + 1");
      assert.equal(result.status, "ok");
      assert.equal(result.executionCount, 1);
      assert.deepEqual(result.outputs, [
        {
          output_type: "execute_result",
          execution_count: 1,
          data: { "text/plain": "2" },
          metadata: {},
        },
      ]);
    });

    await t.step("console.log and console.error give stdout and stderr streams", async () => {
      const result = await kernel.execute('console.log("a"); console.error("b")');
      assert.deepEqual(result.outputs, [
        { output_type: "stream", name: "stdout", text: "a\n" },
        { output_type: "stream", name: "stderr", text: "b\n" },
      ]);
    });

    await t.step("throw gives an error output and an error reply", async () => {
      const result = await kernel.execute('throw new Error("boom")');
      assert.equal(result.status, "error");
      assert.equal(result.outputs.length, 1);
      const [error] = result.outputs;
      assert.equal(error?.output_type, "error");
      assert.ok(error?.output_type === "error");
      assert.equal(error.ename, "Error");
      assert.equal(error.evalue, "boom");
      assert.match(error.traceback.join("\n"), /boom/);
      assert.deepEqual(result.error?.ename, "Error");
      assert.deepEqual(result.error?.evalue, "boom");
    });

    await t.step(
      "Deno.jupyter.display with raw: true gives display_data with the bundle",
      async () => {
        const bundle = { "text/plain": "x", "text/html": "<b>x</b>" };
        const result = await kernel.execute(
          `await Deno.jupyter.display(${JSON.stringify(bundle)}, { raw: true })`,
        );
        assert.deepEqual(result.outputs, [{
          output_type: "display_data",
          data: bundle,
          metadata: {},
        }]);
      },
    );

    await t.step("an object with Symbol.for('Jupyter.display') shows its bundle", async () => {
      const define = 'const exhibit = { [Symbol.for("Jupyter.display")]() { ' +
        'return { "text/plain": "Exhibit 1", "image/svg+xml": "<svg/>" }; } };';
      const data = { "text/plain": "Exhibit 1", "image/svg+xml": "<svg/>" };
      // As a cell's value (execute_result) and through Deno.jupyter.display (display_data).
      const asValue = await kernel.execute(`${define}\nexhibit`);
      assert.deepEqual(asValue.outputs, [
        {
          output_type: "execute_result",
          execution_count: asValue.executionCount,
          data,
          metadata: {},
        },
      ]);
      const displayed = await kernel.execute(`${define}\nawait Deno.jupyter.display(exhibit)`);
      assert.deepEqual(displayed.outputs, [{ output_type: "display_data", data, metadata: {} }]);
    });

    await t.step("update_display_data replaces the output with the same display_id", async () => {
      const result = await kernel.execute(
        'await Deno.jupyter.display({ "text/plain": "50%" }, { raw: true, display_id: "bar" });\n' +
          'console.log("working");\n' +
          'await Deno.jupyter.display({ "text/plain": "100%" }, { raw: true, display_id: "bar", update: true });',
      );
      assert.deepEqual(result.outputs, [
        { output_type: "display_data", data: { "text/plain": "100%" }, metadata: {} },
        { output_type: "stream", name: "stdout", text: "working\n" },
      ]);
      // A later cell's update of that display comes back for the caller to apply.
      const later = await kernel.execute(
        'await Deno.jupyter.display({ "text/plain": "done" }, { raw: true, display_id: "bar", update: true })',
      );
      assert.deepEqual(later.outputs, []);
      assert.deepEqual(later.displayUpdates, [
        { displayId: "bar", data: { "text/plain": "done" }, metadata: {} },
      ]);
    });

    await t.step("state persists between cells and every result arrives", async () => {
      await kernel.execute("let total = 0");
      for (let i = 1; i <= 50; i++) {
        const { outputs } = await kernel.execute(`total += ${i}`);
        const text = outputs[0]?.output_type === "execute_result"
          ? outputs[0].data["text/plain"]
          : undefined;
        assert.equal(text, String((i * (i + 1)) / 2), `cell ${i}`);
      }
    });

    await t.step("output the kernel forwards after idle stays with its cell", async () => {
      // The kernel forwards console output from a queue, well after `status: idle` for this
      // many lines; Jupyter's own nbclient moves the tail (and the value) to later cells.
      const lines = 5000;
      const result = await kernel.execute(
        `for (let i = 0; i < ${lines}; i++) console.log("line " + i); "value"`,
      );
      const text = result.outputs.map((o) => o.output_type === "stream" ? o.text : "").join("");
      assert.equal(text.split("\n").length - 1, lines);
      assert.ok(text.endsWith(`line ${lines - 1}\n`));
      assert.deepEqual(result.outputs.at(-1), {
        output_type: "execute_result",
        execution_count: result.executionCount,
        data: { "text/plain": '"value"' },
        metadata: {},
      });
      const next = await kernel.execute('"next"');
      assert.equal(next.executionCount, result.executionCount! + 1);
      assert.equal(next.outputs.length, 1);
      // A cell that replaces console.log does not break that.
      await kernel.execute("console.log = () => {}");
      assert.equal((await kernel.execute("1")).outputs.length, 1);
    });

    await t.step("the heartbeat answers", async () => {
      assert.equal(await kernel.isAlive(), true);
    });
  } finally {
    await kernel.shutdown();
  }
  assert.equal(await isRunning(kernel.pid), false);
  assert.equal(await kernel.isAlive(), false);
  await assert.rejects(kernel.execute("1"), /kernel has been shut down/);
  assert.equal(trackedCount(), 0);
});

Deno.test("a cell in an endless loop is interrupted at its timeout", async () => {
  let kernel: Kernel | undefined;
  const started = performance.now();
  const after = await withKernel(async (k) => {
    kernel = k;
    await assert.rejects(
      k.execute('console.log("spinning"); while (true) {}', { timeoutMs: 2000 }),
      (error) => {
        assert.ok(error instanceof CellTimeoutError);
        assert.match(error.message, /cell timeout of 2000 ms/);
        assert.equal(error.timeoutMs, 2000);
        assert.equal(error.kernelAction, "interrupted");
        assert.deepEqual(error.outputs, [
          { output_type: "stream", name: "stdout", text: "spinning\n" },
        ]);
        return true;
      },
    );
    assert.ok(performance.now() - started >= 2000);
    // The interrupt (interrupt_request on control) stops the loop; the kernel lives on.
    return await k.execute("40 + 2");
  });
  assert.equal(
    after.outputs[0]?.output_type === "execute_result" && after.outputs[0].data["text/plain"],
    "42",
  );
  assert.equal(await isRunning(kernel!.pid), false);
});

Deno.test("a cell that stays busy after the interrupt gets its kernel shut down", async () => {
  await withKernel(async (kernel) => {
    // Awaiting a promise that never settles runs no JavaScript, so an interrupt cannot stop it.
    await assert.rejects(
      kernel.execute("await new Promise(() => {})", { timeoutMs: 500, interruptGraceMs: 500 }),
      (error) => {
        assert.ok(error instanceof CellTimeoutError);
        assert.match(error.message, /cell timeout of 500 ms/);
        assert.equal(error.kernelAction, "shut down");
        return true;
      },
    );
    assert.equal(await isRunning(kernel.pid), false);
    await assert.rejects(kernel.execute("1"), /kernel has been shut down/);
  });
});

Deno.test("withKernel shuts the kernel down when the callback throws", async () => {
  let pid = 0;
  await assert.rejects(
    withKernel((kernel) => {
      pid = kernel.pid;
      throw new RangeError("caller failed");
    }),
    RangeError,
  );
  assert.notEqual(pid, 0);
  assert.equal(await isRunning(pid), false);
  assert.equal(trackedCount(), 0);
});

Deno.test("a kernel that exits on its own fails the cell clearly and still cleans up", async () => {
  const kernel = await startKernel();
  await assert.rejects(
    kernel.execute("Deno.exit(3)"),
    new RegExp(`the Deno kernel \\(pid ${kernel.pid}\\) exited with code 3`),
  );
  assert.equal((await kernel.exited).code, 3);
  await kernel.shutdown();
  assert.equal(trackedCount(), 0);
});

Deno.test("startKernel fails clearly when the kernel cannot start", async () => {
  await assert.rejects(
    startKernel({ denoPath: "/nonexistent/deno" }),
    /Cannot start the Deno kernel: .*No such file|Cannot start the Deno kernel: .*not found/is,
  );
  await assert.rejects(
    startKernel({ denoPath: "/bin/false", startTimeoutMs: 5000 }),
    /Cannot start the Deno kernel: it exited with code 1/,
  );
  assert.equal(trackedCount(), 0);
});

/** The children of thread `tid` of process `pid`. */
async function threadChildren(pid: number, tid: number): Promise<number[]> {
  const { stdout } = await new Deno.Command("cat", {
    args: [`/proc/${pid}/task/${tid}/children`],
    stdout: "piped",
  }).output();
  return new TextDecoder().decode(stdout).trim().split(/\s+/).filter(Boolean).map(Number);
}

/** Starts `testdata/hold_kernel.ts`, which starts a kernel; returns both pids. */
async function holdKernel(): Promise<{ parent: Deno.ChildProcess; kernelPid: number }> {
  const parent = new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--config",
      `${ROOT}deno.json`,
      "--allow-read",
      "--allow-env",
      "--allow-run",
      "--allow-net=127.0.0.1",
      "--allow-sys",
      "--allow-ffi",
      new URL("./testdata/hold_kernel.ts", import.meta.url).pathname,
    ],
    cwd: ROOT,
    stdout: "piped",
    stderr: "null",
  }).spawn();
  const reader = parent.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let line = "";
  while (!line.includes("\n")) {
    const { value, done } = await reader.read();
    if (done) break;
    line += value;
  }
  await reader.cancel();
  const { pid } = JSON.parse(line) as { pid: number };
  return { parent, kernelPid: pid };
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP", "SIGKILL"] as const) {
  Deno.test(`${signal} to the parent process also ends its kernel`, async () => {
    const { parent, kernelPid } = await holdKernel();
    try {
      assert.equal(await isRunning(kernelPid), true);
      // The parent-death signal fires when the *thread* that spawned the kernel ends: it must
      // be the main thread, which lives as long as the process (Linux lists each thread's
      // children), not a pool thread that could end while the parent runs on.
      assert.deepEqual(await threadChildren(parent.pid, parent.pid), [kernelPid]);
      parent.kill(signal);
      await parent.status;
      assert.ok(await ended(kernelPid), `kernel ${kernelPid} still runs after ${signal}`);
    } catch (error) {
      // Failed: leave no process this test made (they run yet, so the pids are still theirs).
      for (const pid of [parent.pid, kernelPid]) {
        try {
          Deno.kill(pid, "SIGKILL");
        } catch {
          // It has ended.
        }
      }
      await parent.status;
      throw error;
    }
  });
}
