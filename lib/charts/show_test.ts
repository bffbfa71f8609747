// show() in the real Deno kernel: the display lands in the cell that showed it.
import assert from "node:assert/strict";
import { executeNotebook } from "../notebook/execute_notebook.ts";

const ROOT = new URL("../../", import.meta.url).pathname;

Deno.test("show() displays markdown and exhibits during the cell", async () => {
  const cell = (source: string) => ({
    cell_type: "code" as const,
    metadata: {},
    source,
    outputs: [],
    execution_count: null,
  });
  const done = await executeNotebook({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: [
      cell(
        'import { columnSpec, Exhibit, show } from "@mullet/kit";\nawait show({ markdown: "- **42** MW" });',
      ),
      cell(
        "await show(new Exhibit(columnSpec([{ a: 'x', b: 1 }], { x: 'a', y: 'b' }), " +
          "{ number: 3, title: 'T', source: 'S', asOf: '2026-06-01' }));",
      ),
      // A DataFrame displays itself: shown during the cell as its table.
      cell(
        'import { toDataFrame } from "@mullet/kit";\n' +
          'await show(await toDataFrame([{ ticker: "RIOT", ehs: 29.3 }]));',
      ),
    ],
  }, { file: "show.ipynb", cwd: ROOT });
  const [md] = done.cells[0]!.outputs!;
  assert.deepEqual(md, {
    output_type: "display_data",
    data: { "text/markdown": "- **42** MW", "text/plain": "- **42** MW" },
    metadata: {},
  });
  const [chart] = done.cells[1]!.outputs! as { data: Record<string, unknown> }[];
  assert.deepEqual(Object.keys(chart!.data).sort(), [
    "application/vnd.vegalite.v5+json",
    "image/png",
    "text/plain",
  ]);
  assert.equal(chart!.data["text/plain"], "Exhibit 3: T");
  const [frame] = done.cells[2]!.outputs! as {
    output_type: string;
    data: Record<string, string>;
  }[];
  assert.equal(frame!.output_type, "display_data");
  assert.match(
    frame!.data["text/html"]!,
    /<td>RIOT<\/td><td style="text-align: right">29\.3<\/td>/,
  );
});
