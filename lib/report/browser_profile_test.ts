// The temporary Chromium profile leaves nothing behind: a run stopped by SIGINT, SIGTERM or
// SIGHUP removes it (through closeAllBrowsers, or Deno.exit alone), and a run killed outright
// leaves one that the next run's sweep removes, never touching a live run's.
import assert from "node:assert/strict";
import { join } from "node:path";
import { createProfile, PROFILE_PREFIX, sweepStaleProfiles, tempRoot } from "./browser_profile.ts";

const BROWSER_TS = new URL("./browser.ts", import.meta.url).href;
const CONFIG = new URL("../../deno.json", import.meta.url).pathname;

/** A pid that ran and has exited. */
async function deadPid(): Promise<number> {
  const child = new Deno.Command("true").spawn();
  await child.status;
  return child.pid;
}

async function entries(dir: string): Promise<string[]> {
  const names: string[] = [];
  for await (const entry of Deno.readDir(dir)) names.push(entry.name);
  return names.sort();
}

/** Chromium processes whose `--user-data-dir` begins with `prefix` (asked of `ps`). */
async function chromiumsUnder(prefix: string): Promise<number[]> {
  const out = await new Deno.Command("ps", { args: ["-eo", "pid=,args="], stdout: "piped" })
    .output();
  return new TextDecoder().decode(out.stdout).split("\n")
    .filter((line) => line.includes(`--user-data-dir=${prefix}`))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

async function until(what: string, done: () => Promise<boolean>): Promise<void> {
  for (let waited = 0; !await done(); waited += 100) {
    if (waited >= 10_000) assert.fail(`still waiting after 10 s: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

Deno.test("the sweep removes dead runs' profiles and keeps live ones", async () => {
  const root = await Deno.makeTempDir({ prefix: "mullet-sweep-" });
  try {
    const dead = await deadPid();
    const stale = join(root, `${PROFILE_PREFIX}${dead}-abc`);
    await Deno.mkdir(join(stale, "profile", "Default"), { recursive: true });
    await Deno.writeTextFile(join(stale, "owner.lock"), "");
    // A dead pid as seen from here, but a lock still held: another pid namespace's live run.
    const heldElsewhere = join(root, `${PROFILE_PREFIX}${dead}-def`);
    await Deno.mkdir(heldElsewhere);
    const lock = await Deno.open(join(heldElsewhere, "owner.lock"), { write: true, create: true });
    await lock.lock(true);
    const mine = await createProfile(root);
    const parentPid = join(root, `${PROFILE_PREFIX}1-ghi`); // pid 1 always runs
    await Deno.mkdir(parentPid);
    // No lock file: being made right now (kept), or abandoned long ago (swept).
    const beingMade = join(root, `${PROFILE_PREFIX}${dead}-jkl`);
    await Deno.mkdir(beingMade);
    const abandoned = join(root, `${PROFILE_PREFIX}${dead}-mno`);
    await Deno.mkdir(abandoned);
    await Deno.utime(abandoned, 0, 0);
    const unrelated = ["mullet-chromium-d228f0fbbc9a40b8", `${PROFILE_PREFIX}x-1`, "notes"];
    for (const name of unrelated) await Deno.mkdir(join(root, name));

    assert.deepEqual((await sweepStaleProfiles(root)).sort(), [stale, abandoned].sort());
    const kept = [heldElsewhere, parentPid, beingMade, mine.dir].map((d) =>
      d.slice(root.length + 1)
    );
    assert.deepEqual(await entries(root), [...unrelated, ...kept].sort());
    lock.close();
    assert.deepEqual(await sweepStaleProfiles(root), [heldElsewhere]);
    await mine.remove();
    await mine.remove(); // twice is fine
    assert.ok(!(await entries(root)).includes(mine.dir.slice(root.length + 1)));
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

/** A report-like run: one browser, waiting; `closeAllBrowsers` (or not) on a signal. */
const RUN = `
import { closeAllBrowsers, withBrowser } from "${BROWSER_TS}";
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  Deno.addSignalListener(signal, async () => {
    if (Deno.args[0] === "close") await closeAllBrowsers();
    Deno.exit(130);
  });
}
await withBrowser(async () => {
  console.log("ready");
  await new Promise((resolve) => setTimeout(resolve, 60_000));
});
`;

async function startRun(script: string, mode: "close" | "exit"): Promise<Deno.ChildProcess> {
  const child = new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      `--config=${CONFIG}`,
      "--allow-read",
      "--allow-write=/tmp",
      "--allow-env",
      "--allow-run",
      "--allow-sys",
      "--allow-ffi",
      script,
      mode,
    ],
    stdin: "null",
    stdout: "piped",
    stderr: "null",
  }).spawn();
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let said = "";
  while (!said.includes("ready")) {
    const { value, done } = await reader.read();
    if (done) assert.fail(`the run ended before its browser started: ${said}`);
    said += value;
  }
  reader.releaseLock();
  child.stdout.cancel().catch(() => {});
  return child;
}

Deno.test("a run stopped by a signal or killed leaves no profile and no Chromium", async (t) => {
  const root = tempRoot();
  const dir = await Deno.makeTempDir({ prefix: "mullet-signals-" });
  const script = join(dir, "run.ts");
  await Deno.writeTextFile(script, RUN);
  /** The child's profiles: the temp directory is shared, so they are known by its pid. */
  const profilesOf = async (pid: number) =>
    (await entries(root)).filter((name) => name.startsWith(`${PROFILE_PREFIX}${pid}-`));
  const started: number[] = [];
  try {
    const cases = [
      ["SIGINT", "close"],
      ["SIGTERM", "close"],
      ["SIGHUP", "close"],
      ["SIGTERM", "exit"],
    ] as const;
    for (const [signal, mode] of cases) {
      const how = mode === "close" ? "closeAllBrowsers" : "Deno.exit alone";
      await t.step(`${signal}, ${how}`, async () => {
        const child = await startRun(script, mode);
        started.push(child.pid);
        const running = await profilesOf(child.pid);
        assert.equal(running.length, 1);
        // Chromium's own temporaries are inside the profile, and go with it.
        const chromiumTemp = await entries(join(root, running[0]!, "tmp"));
        assert.ok(chromiumTemp.some((name) => name.startsWith("org.chromium.Chromium.")));
        child.kill(signal);
        assert.equal((await child.status).code, 130);
        assert.deepEqual(await profilesOf(child.pid), []);
        const prefix = join(root, `${PROFILE_PREFIX}${child.pid}-`);
        await until("Chromium exits", async () => (await chromiumsUnder(prefix)).length === 0);
      });
    }
    await t.step("SIGKILL: the next sweep removes what is left", async () => {
      const child = await startRun(script, "close");
      started.push(child.pid);
      child.kill("SIGKILL");
      await child.status;
      const prefix = join(root, `${PROFILE_PREFIX}${child.pid}-`);
      await until("Chromium exits", async () => (await chromiumsUnder(prefix)).length === 0);
      const left = await profilesOf(child.pid);
      assert.equal(left.length, 1, "a killed run cannot clean up");
      assert.ok((await sweepStaleProfiles(root)).includes(join(root, left[0]!)));
      assert.deepEqual(await profilesOf(child.pid), []);
    });
  } finally {
    for (const pid of started) {
      const prefix = join(root, `${PROFILE_PREFIX}${pid}-`);
      for (const chromium of await chromiumsUnder(prefix)) Deno.kill(chromium, "SIGKILL");
    }
    await Deno.remove(dir, { recursive: true });
  }
});
