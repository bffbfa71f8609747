// Every research notebook in notebooks/ runs with our executor, with no error output, and
// every exhibit it displays carries the live chart, PNG and text (no SVG: nbconvert's HTML
// sanitiser empties it; notes draw SVG from the spec).
import assert from "node:assert/strict";
import { isRunCopy } from "./run_copies.ts";
import { executeNotebook } from "./execute_notebook.ts";
import { readNotebook } from "./notebook.ts";
import { frontMatter } from "./front_matter.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
const names = [...Deno.readDirSync(`${ROOT}notebooks`)].map((e) => e.name).filter((n) =>
  n.endsWith(".ipynb") && !isRunCopy(n)
).sort();

Deno.test("there are research notebooks to check", () => {
  assert.ok(names.length > 0, "notebooks/ holds no .ipynb");
});

for (const name of names) {
  Deno.test(`notebooks/${name} executes cleanly and its exhibits render everywhere`, async () => {
    const file = `${ROOT}notebooks/${name}`;
    const notebook = await readNotebook(file);
    assert.ok(frontMatter(notebook, file).title.length > 0);
    const done = await executeNotebook(notebook, { file, cwd: ROOT, cellTimeoutMs: 120_000 });
    let exhibits = 0;
    for (const cell of done.cells) {
      for (const output of cell.outputs ?? []) {
        assert.notEqual(output.output_type, "error", `${name}: error output`);
        if (output.output_type === "display_data" || output.output_type === "execute_result") {
          if ("application/vnd.vegalite.v5+json" in output.data) {
            exhibits++;
            for (const mime of ["image/png", "text/plain"]) {
              assert.ok(mime in output.data, `${name}: an exhibit lacks ${mime}`);
            }
          }
        }
      }
    }
    assert.ok(exhibits > 0, `${name} displays no exhibit`);
    // The saved notebook carries its outputs too, so GitHub shows the charts.
    const saved = notebook.cells.flatMap((c) => c.outputs ?? []).filter((o) =>
      "data" in o && "image/png" in (o.data as Record<string, unknown>)
    );
    assert.ok(saved.length > 0, `${name} is saved without its PNG outputs`);
  });
}
