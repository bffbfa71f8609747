// A plain script can use the kit's models and data with `--allow-read` alone: the entry points
// load no native rasteriser (which needs --allow-ffi and --allow-sys) until an exhibit is drawn.
import assert from "node:assert/strict";

const ROOT = new URL("../", import.meta.url).pathname;

/** Runs `source` as a script in the project with `--allow-read` only. */
async function runScript(
  source: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const dir = await Deno.makeTempDir({ prefix: "mullet-script-" });
  try {
    const file = `${dir}/script.ts`;
    await Deno.writeTextFile(file, source);
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["run", "--no-prompt", "--allow-read", "--config", `${ROOT}deno.json`, file],
      cwd: ROOT,
      env: { NO_COLOR: "1" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    const text = new TextDecoder();
    return { code: out.code, stdout: text.decode(out.stdout), stderr: text.decode(out.stderr) };
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

const SCRIPT = (entry: string) =>
  `import { blockSubsidyBtc, loadBtcDaily } from "${entry}";\n` +
  "const daily = await loadBtcDaily();\n" +
  "console.log(blockSubsidyBtc(daily.height_end[daily.length - 1]!));\n";

Deno.test("a script imports @mullet/kit and uses models and data with --allow-read alone", async () => {
  const run = await runScript(SCRIPT("@mullet/kit"));
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stdout, "3.125\n");
});

Deno.test("lib/models.ts: models and data with --allow-read, no chart engine, no warning", async () => {
  const run = await runScript(SCRIPT(`${ROOT}lib/models.ts`));
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stdout, "3.125\n");
  assert.equal(run.stderr, "");
});
