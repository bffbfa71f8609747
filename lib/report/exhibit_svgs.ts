/**
 * Notebooks carry each exhibit as its Vega-Lite spec and a PNG (the SVG is left out because
 * nbconvert's HTML sanitiser empties it); a note prints exhibits as vector SVG, drawn here from
 * the spec with the same renderer and fonts that made the PNG.
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { renderSvg } from "../charts/render.ts";
import type { Notebook } from "../notebook/notebook.ts";

const VEGA_LITE = "application/vnd.vegalite.v5+json";

/**
 * The notebook with `image/svg+xml` drawn for every exhibit output that lacks one (in memory:
 * the file is not touched).
 *
 * @example
 * ```ts
 * import { withExhibitSvgs } from "./exhibit_svgs.ts";
 * import assert from "node:assert/strict";
 *
 * const spec = { $schema: "https://vega.github.io/schema/vega-lite/v5.json", width: 100, height: 50,
 *   data: { values: [{ x: 1, y: 2 }] }, mark: "point", encoding: { x: { field: "x", type: "quantitative" } } };
 * const nb = { nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ cell_type: "code" as const, metadata: {}, source: "",
 *   outputs: [{ output_type: "display_data" as const, metadata: {}, data: { "application/vnd.vegalite.v5+json": spec, "text/plain": "E" } }] }] };
 * const out = await withExhibitSvgs(nb);
 * const data = (out.cells[0]!.outputs![0] as { data: Record<string, unknown> }).data;
 * assert.match(String(data["image/svg+xml"]), /^<svg/);
 * assert.equal("image/svg+xml" in (nb.cells[0]!.outputs[0]!.data as Record<string, unknown>), false);
 * ```
 */
export async function withExhibitSvgs(notebook: Notebook): Promise<Notebook> {
  const cells = [];
  for (const cell of notebook.cells) {
    if (cell.outputs === undefined) {
      cells.push(cell);
      continue;
    }
    const outputs = [];
    for (const output of cell.outputs) {
      const data = "data" in output ? output.data as Record<string, unknown> : undefined;
      if (data !== undefined && VEGA_LITE in data && !("image/svg+xml" in data)) {
        const svg = await renderSvg(data[VEGA_LITE] as TopLevelSpec);
        outputs.push({ ...output, data: { ...data, "image/svg+xml": svg } });
      } else {
        outputs.push(output);
      }
    }
    cells.push({ ...cell, outputs } as typeof cell);
  }
  return { ...notebook, cells };
}
