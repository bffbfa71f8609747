// A test counts only the processes it started: a kernel-looking process elsewhere on the machine
// (a decoy started outside this test's tree) is not counted, where `pgrep -f` counted it.
import assert from "node:assert/strict";
import { descendantsOf, readCommandLines, stillRunning, watchDescendants } from "./process_tree.ts";

const KERNEL = /jupyter --kernel/;

/** Runs `script` in bash; returns the first line it prints (a pid) and the bash process. */
async function bashPid(script: string): Promise<{ pid: number; shell: Deno.ChildProcess }> {
  const shell = new Deno.Command("bash", { args: ["-c", script], stdout: "piped" }).spawn();
  const reader = shell.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let text = "";
  while (!text.includes("\n")) {
    const { value, done } = await reader.read();
    if (done) break;
    text += value;
  }
  reader.releaseLock();
  shell.stdout.cancel().catch(() => {});
  return { pid: Number(text.trim()), shell };
}

/** Waits until `pid` runs `pattern` (bash has replaced itself with it). */
async function waitForCommand(pid: number, pattern: RegExp): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (pattern.test((await readCommandLines()).get(pid)?.name ?? "")) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(`process ${pid} never ran ${pattern}`);
}

function kill(pid: number): void {
  try {
    Deno.kill(pid, "SIGKILL");
  } catch {
    // It has ended.
  }
}

async function pgrepCount(pattern: string): Promise<number> {
  const { stdout } = await new Deno.Command("pgrep", { args: ["-f", pattern], stdout: "piped" })
    .output();
  return new TextDecoder().decode(stdout).split("\n").filter((line) => line.trim() !== "").length;
}

Deno.test("a kernel-looking process outside the test's tree is not the test's", async (t) => {
  // The decoy: a new session whose parent exits at once, so init adopts it, as with a kernel
  // that another user's notebook runs.
  const decoy = await bashPid(
    "setsid -f bash -c 'echo $$; exec -a \"deno jupyter --kernel --conn decoy.json\" sleep 60'",
  );
  const mine = await bashPid('echo $$; exec -a "deno jupyter --kernel --conn mine.json" sleep 60');
  try {
    await waitForCommand(decoy.pid, /decoy\.json/);
    await waitForCommand(mine.pid, /mine\.json/);
    await t.step("machine-wide, pgrep counts the decoy with the test's own", async () => {
      assert.ok(await pgrepCount("jupyter --kernel --conn (decoy|mine)\\.json") >= 2);
    });
    await t.step("below the test's pid, only the test's own", async () => {
      const table = await readCommandLines();
      const kernels = descendantsOf(table, Deno.pid).filter((row) => KERNEL.test(row.name));
      assert.deepEqual(kernels.map((row) => row.pid), [mine.pid]);
      assert.equal(table.isRunning(decoy.pid), true, "the decoy runs");
    });
    await t.step("a watch records the test's own, and the decoy is no leftover", async () => {
      const watch = watchDescendants(Deno.pid, KERNEL);
      await watch.poll();
      const seen = await watch.stop();
      assert.deepEqual(seen.map((row) => row.pid), [mine.pid]);
      kill(mine.pid);
      await mine.shell.status;
      assert.deepEqual(await stillRunning(seen), [], "the decoy does not count as left behind");
    });
  } finally {
    kill(decoy.pid);
    kill(mine.pid);
    await mine.shell.status;
    await decoy.shell.status;
  }
});

Deno.test("a process the test started and then lost from its tree is still found left running", async () => {
  // bash starts a kernel-looking sleep, prints its pid and exits: init adopts the sleep, which is
  // then no longer below the test's pid — a count of descendants after the run would miss it.
  const orphan = await bashPid(
    'exec -a "deno jupyter --kernel --conn orphan.json" sleep 60 & echo $!; sleep 1',
  );
  const watch = watchDescendants(Deno.pid, KERNEL, { intervalMs: 50 });
  try {
    await waitForCommand(orphan.pid, /orphan\.json/);
    await watch.poll();
    await orphan.shell.status;
    const seen = await watch.stop();
    assert.deepEqual(seen.map((row) => row.pid), [orphan.pid]);
    const now = descendantsOf(await readCommandLines(), Deno.pid).map((row) => row.pid);
    assert.ok(!now.includes(orphan.pid), "the orphan has left the test's tree");
    assert.deepEqual((await stillRunning(seen)).map((row) => row.pid), [orphan.pid]);
  } finally {
    await watch.stop();
    kill(orphan.pid);
  }
});
