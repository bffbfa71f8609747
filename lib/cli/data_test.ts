// `deno task data` in a fresh copy of the project, with nothing beside it, rebuilds every
// committed dataset and SOURCES.md byte for byte: the inputs it needs are in the project.
import assert from "node:assert/strict";

const ROOT = new URL("../../", import.meta.url).pathname;

async function run(command: string, args: string[], cwd: string): Promise<string> {
  const out = await new Deno.Command(command, { args, cwd, stdout: "piped", stderr: "piped" })
    .output();
  const text = new TextDecoder().decode(out.stdout) + new TextDecoder().decode(out.stderr);
  assert.ok(out.success, `${command} ${args.join(" ")} failed in ${cwd}:\n${text}`);
  return text;
}

/** Copies the files git would put in a clone (tracked, plus new files not ignored) to `dest`. */
async function copyAsClone(dest: string): Promise<number> {
  const listed = await run(
    "git",
    ["ls-files", "-z", "--cached", "--others", "--exclude-standard"],
    ROOT,
  );
  const files = [...new Set(listed.split("\0").filter((f) => f !== ""))];
  let copied = 0;
  for (const file of files) {
    const from = `${ROOT}${file}`;
    // A tracked file deleted in the working tree is not part of the project any more.
    const stat = await Deno.stat(from).catch(() => undefined);
    if (stat === undefined || !stat.isFile) continue;
    await Deno.mkdir(`${dest}/${file}`.replace(/\/[^/]*$/, ""), { recursive: true });
    await Deno.copyFile(from, `${dest}/${file}`);
    copied++;
  }
  return copied;
}

Deno.test("deno task data in a fresh copy with nothing beside it reproduces data/ byte for byte", async () => {
  const parent = await Deno.makeTempDir({ dir: "/tmp", prefix: "mullet_clone_" });
  const clone = `${parent}/mullet`;
  try {
    assert.ok((await copyAsClone(clone)) > 100);
    // Nothing outside the copy may be read: its parent holds only the copy.
    assert.deepEqual([...Deno.readDirSync(parent)].map((e) => e.name), ["mullet"]);
    const committed = [...Deno.readDirSync(`${ROOT}data`)].filter((e) => e.isFile)
      .map((e) => e.name).sort();
    const log = await run(Deno.execPath(), ["task", "data"], clone);
    // Every dataset was written by the build, not left as it was.
    for (const file of committed.filter((f) => f.endsWith(".csv"))) {
      assert.match(log, new RegExp(`wrote data/${file.replace(".", "\\.")}: \\d+ rows`), log);
    }
    const rebuilt = [...Deno.readDirSync(`${clone}/data`)].filter((e) => e.isFile)
      .map((e) => e.name).sort();
    assert.deepEqual(rebuilt, committed, log);
    for (const file of committed) {
      const expected = await Deno.readTextFile(`${ROOT}data/${file}`);
      const actual = await Deno.readTextFile(`${clone}/data/${file}`);
      assert.ok(actual === expected, `data/${file} differs after the rebuild:\n${log}`);
    }
  } finally {
    await Deno.remove(parent, { recursive: true });
  }
});
