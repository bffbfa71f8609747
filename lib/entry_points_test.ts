// The kit's two entry points as a user meets them: `@mullet/kit` and `@mullet/kit/models` import
// from a plain script without a warning, and `deno doc` prints the API without one.
import assert from "node:assert/strict";

const ROOT = new URL("../", import.meta.url).pathname;

/** Runs `deno` with `args` in the project, colours off. */
async function deno(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = await new Deno.Command(Deno.execPath(), {
    args,
    cwd: ROOT,
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder();
  return { code: out.code, stdout: text.decode(out.stdout), stderr: text.decode(out.stderr) };
}

/** Runs `source` as a script outside the project with its config and `--allow-read` only. */
async function runScript(source: string) {
  const dir = await Deno.makeTempDir({ prefix: "mullet-entry-" });
  try {
    await Deno.writeTextFile(`${dir}/script.ts`, source);
    return await deno([
      "run",
      "--no-prompt",
      "--allow-read",
      "--config",
      `${ROOT}deno.json`,
      `${dir}/script.ts`,
    ]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("@mullet/kit imports with no deprecation warning (no chart engine until a render)", async () => {
  // The tornado builder once imported vega eagerly, whose Node dependencies print a punycode
  // deprecation warning on every run.
  const run = await runScript(
    'import { blockSubsidyBtc, tornadoSpec } from "@mullet/kit";\n' +
      "console.log(blockSubsidyBtc(840_000), typeof tornadoSpec);\n",
  );
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stdout, "3.125 function\n");
  assert.equal(run.stderr, "");
});

Deno.test("@mullet/kit/models is the models-only entry point", async () => {
  const run = await runScript(
    'import * as models from "@mullet/kit/models";\n' +
      'console.log(models.blockSubsidyBtc(840_000), "show" in models);\n',
  );
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stdout, "3.125 false\n");
  assert.equal(run.stderr, "");
});

Deno.test("deno doc lib/mod.ts prints the API with no warning", async () => {
  const run = await deno(["doc", "lib/mod.ts"]);
  assert.equal(run.code, 0, run.stderr);
  assert.doesNotMatch(run.stderr, /Warning/, run.stderr.slice(0, 500));
  assert.match(run.stdout, /function blockSubsidyBtc/);
});
