/**
 * A small note to render over many parameter sets, for the pack tests and the pack benchmark:
 * one company's AI/HPC deals from `data/miner_ai_deals.csv` (parameter `ticker`), as a chart of
 * MW per deal and a takeaway. A ticker with no deal fails its cell, as a company note without
 * data would.
 *
 * @module
 */
import type { Notebook, NotebookCell } from "../notebook/notebook.ts";

function code(source: string, tags: string[] = []): NotebookCell {
  return { cell_type: "code", metadata: { tags }, source, outputs: [], execution_count: null };
}

/**
 * The fixture notebook. Parameters: `ticker` (default `"CORZ"`) and `seed` (default 42, printed
 * in the takeaway so that a test can tell which value a run used).
 *
 * @example
 * ```ts
 * import { packFixture } from "./pack_fixture.ts";
 * import { notebookParameters } from "../notebook/parameters.ts";
 * import assert from "node:assert/strict";
 *
 * const names = notebookParameters(packFixture(), "pack.ipynb").map((p) => p.name);
 * assert.deepEqual(names, ["ticker", "seed"]);
 * ```
 */
export function packFixture(): Notebook {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { name: "mullet-deno", display_name: "mullet (Deno)", language: "typescript" },
    },
    cells: [
      {
        cell_type: "raw",
        metadata: {},
        source: "---\ntitle: A miner's AI/HPC deals\nauthors: [mullet research]\n" +
          "date: 2026-06-01\n---\n",
      },
      code('let ticker = "CORZ";\nlet seed = 42;', ["parameters"]),
      code(
        "// the company's deals with a capacity\n" +
          'import { columnSpec, exhibitNumbering, loadMinerAiDeals, show } from "@mullet/kit";\n' +
          "const deals = (await loadMinerAiDeals())\n" +
          "  .filter((d) => d.deal_id.startsWith(`${ticker}-`) && Number.isFinite(d.capacity_mw));\n" +
          "if (deals.length === 0) {\n" +
          "  throw new RangeError(`no deal with a capacity for ${ticker} in data/miner_ai_deals.csv`);\n" +
          "}\n" +
          "const totalMw = deals.reduce((sum, d) => sum + d.capacity_mw!, 0);\n" +
          "const exhibit = exhibitNumbering();\n" +
          "await show(exhibit(columnSpec(deals.map((d) => ({ deal: d.deal_id, mw: d.capacity_mw! })),\n" +
          "  { x: 'deal', y: 'mw', yTitle: 'MW' }), { title: `${ticker}: MW per AI/HPC deal`,\n" +
          "  source: 'data/miner_ai_deals.csv, mullet analysis', asOf: '2026-06-01' }));",
      ),
      code(
        "await show({ markdown: `- ${ticker}: ${deals.length} deals, ${totalMw} MW in all (seed ${seed})` });",
        ["takeaways"],
      ),
    ],
  };
}
