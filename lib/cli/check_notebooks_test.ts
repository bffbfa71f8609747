// The notebook type-check finds what the kernel would only find at run time (a misspelt
// property that would run as NaN, an unawaited show()) and names notebook, cell and line.
import assert from "node:assert/strict";

const ROOT = new URL("../../", import.meta.url).pathname;

const code = (source: string) => ({
  cell_type: "code",
  metadata: {},
  source,
  outputs: [],
  execution_count: null,
});

async function check(files: string[]): Promise<{ code: number; text: string }> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--allow-read",
      "--allow-write=.tmp",
      "--allow-run",
      "lib/cli/check_notebooks.ts",
      ...files,
    ],
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
  }).output();
  return {
    code: out.code,
    text: new TextDecoder().decode(out.stdout) + new TextDecoder().decode(out.stderr),
  };
}

Deno.test("a misspelt property and an unawaited show() are reported by notebook, cell and line", async () => {
  const dir = await Deno.makeTempDir({ prefix: "mullet_check_nb_" });
  try {
    const file = `${dir}/bad.ipynb`;
    await Deno.writeTextFile(
      file,
      JSON.stringify({
        nbformat: 4,
        nbformat_minor: 5,
        metadata: {},
        cells: [
          { cell_type: "markdown", metadata: {}, source: "# A note" },
          code(
            'import { loadBtcDaily, show } from "@mullet/kit";\nconst daily = await loadBtcDaily();',
          ),
          code("const shown = 1;"),
          // Redeclared in a later cell, as the kernel allows: not an error.
          code(
            "const shown = 2;\nconst last = daily.hashrate_th[0];\nshow({ markdown: `${last}` });",
          ),
        ],
      }),
    );
    const { code: status, text } = await check([file]);
    assert.equal(status, 1, text);
    assert.match(
      text,
      new RegExp(`${file}: cell 4, line 2: TS2551 Property 'hashrate_th' does not exist`),
    );
    assert.match(text, new RegExp(`${file}: cell 4, line 3: show\\(\\) is not awaited`));
    assert.doesNotMatch(text, /redeclare/);
    assert.match(text, /2 problem\(s\) in 1 notebook/);
    // The temporary modules are gone.
    const left = [...Deno.readDirSync(`${ROOT}.tmp`)].filter((e) =>
      e.name.startsWith("notebook-check-")
    );
    assert.deepEqual(left, []);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a cell deno fmt would change is reported at its first changed line", async () => {
  const dir = await Deno.makeTempDir({ prefix: "mullet_check_nb_" });
  try {
    const file = `${dir}/unformatted.ipynb`;
    await Deno.writeTextFile(
      file,
      JSON.stringify({
        nbformat: 4,
        nbformat_minor: 5,
        metadata: {},
        cells: [
          code("const a = 1;"),
          { cell_type: "markdown", metadata: {}, source: "Between." },
          code("const b = 2;\nconst c  =  a + b;\nconsole.log(c);"),
        ],
      }),
    );
    const { code: status, text } = await check([file]);
    assert.equal(status, 1, text);
    assert.match(text, new RegExp(`${file}: cell 3, line 2: not formatted as deno fmt formats it`));
    assert.doesNotMatch(text, /cell 1/);
    assert.match(text, /1 problem\(s\) in 1 notebook/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("deno task fmt formats the notebooks at the width the check expects", async () => {
  const config = JSON.parse(await Deno.readTextFile(`${ROOT}deno.json`));
  assert.ok(config.fmt.exclude.includes("notebooks/"), "deno fmt --check must skip notebooks");
  assert.match(
    config.tasks.fmt.command,
    new RegExp(`deno fmt --no-config --line-width=${config.fmt.lineWidth} notebooks/`),
  );
});

Deno.test("the shipped notebooks type-check", async () => {
  const { code: status, text } = await check([]);
  assert.equal(status, 0, text);
  assert.match(text, /notebook check: \d+ notebook\(s\) type-check/);
});
