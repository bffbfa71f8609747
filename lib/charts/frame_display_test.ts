import assert from "node:assert/strict";
import { frameBundle } from "./frame_display.ts";

Deno.test("a long table keeps its first and last rows and says how many it left out", () => {
  const n = 100;
  const table = { i: new Float64Array(Array.from({ length: n }, (_, k) => k)), length: n };
  const bundle = frameBundle(table);
  const rows = bundle["text/html"].match(/<tr><td style="text-align: right">/g)!.length;
  assert.equal(rows, 10); // pandas' min_rows: 5 from the top, 5 from the bottom
  assert.match(bundle["text/html"], /… 90 more rows …/);
  assert.match(bundle["text/html"], /<p>100 rows × 1 columns<\/p>/);
  assert.match(bundle["text/plain"], /^ i\n 0\n 1\n 2\n 3\n 4\n… 90 more rows …\n95\n/);
  // The data part keeps every row.
  assert.equal(bundle["application/vnd.dataresource+json"].data.length, n);
  // 60 rows or fewer are shown whole.
  assert.doesNotMatch(
    frameBundle({ i: new Float64Array(60), length: 60 })["text/html"],
    /more rows/,
  );
});

Deno.test("cells are escaped, dollar signs never pair into maths, danfo-shaped frames work", () => {
  const bundle = frameBundle({
    columns: ["name", "note"],
    values: [["<b>x</b>", "from $5 to $10"]],
  });
  assert.match(bundle["text/html"], /<td>&lt;b&gt;x&lt;\/b&gt;<\/td>/);
  assert.match(bundle["text/html"], /from <span>&#36;<\/span>5 to <span>&#36;<\/span>10/);
  assert.match(bundle["text/plain"], /from \$5 to \$10/);
  assert.throws(
    () => frameBundle({ a: new Float64Array(1), length: 1 }, { maxRows: 0 }),
    /maxRows/,
  );
});
