// The house view end to end: a note reads the shared deck; `deno task report --house FILE` swaps
// the deck for one run, moves what the note states and prints the deck's sha256 in the appendix;
// a deck with a mistake stops the run before any kernel starts, naming its line.
import assert from "node:assert/strict";
import { notebookQuantities } from "../charts/stated_quantities.ts";
import { sha256Hex } from "../files/sha256.ts";
import { DEFAULT_HOUSE_VIEW } from "../house/house_view.ts";
import { type Notebook, notebookToJson, readNotebook } from "../notebook/notebook.ts";
import { ensureChromium } from "./chromium.ts";
import { runReport } from "./_testing.ts";

const report = runReport;

const code = (source: string, tags: string[] = []) => ({
  cell_type: "code" as const,
  metadata: { tags },
  source,
  outputs: [],
  execution_count: null,
});

const FIXTURE: Notebook = {
  nbformat: 4,
  nbformat_minor: 5,
  metadata: {},
  cells: [
    {
      cell_type: "raw",
      metadata: {},
      source: "---\ntitle: House view fixture\ndate: 2026-06-01\n---\n",
    },
    code("let houseView: string | null = null; // null: notebooks/house_view.yaml", ["parameters"]),
    code(
      'import { loadHouseAssumptions, show, statedQuantities } from "@mullet/kit";\n' +
        "const house = await loadHouseAssumptions(houseView ?? undefined);\n" +
        "await show(statedQuantities([\n" +
        '  { name: "capRate", label: "Cap rate", value: house.capRate, format: "percent" },\n' +
        '  { name: "discountRate", label: "Discount rate", value: house.discountRate, format: "percent" },\n' +
        "]));",
    ),
    code('await show({ markdown: "- The house view was read." });', ["takeaways"]),
  ],
};

Deno.test("one number changed in the deck moves the note that uses it; the appendix names the deck", async () => {
  await ensureChromium();
  const dir = await Deno.makeTempDir({ prefix: "mullet-house-" });
  try {
    await Deno.mkdir(`${dir}/notebooks`);
    const file = `${dir}/notebooks/fixture.ipynb`;
    await Deno.writeTextFile(file, notebookToJson(FIXTURE));
    const deck = await Deno.readTextFile(DEFAULT_HOUSE_VIEW);

    const base = await report(dir, [file]);
    assert.equal(base.code, 0, base.stderr);
    const stated = notebookQuantities(await readNotebook(file), file);
    assert.equal(stated.get("capRate"), 0.06);
    assert.ok(Math.abs(stated.get("discountRate")! - 0.09) < 1e-12);
    const html = await Deno.readTextFile(`${dir}/fixture.html`);
    assert.match(html, new RegExp(`House view[\\s\\S]*${await sha256Hex(deck)}`));

    const moved = deck.replace("value: 0.06", "value: 0.07");
    assert.notEqual(moved, deck);
    await Deno.writeTextFile(`${dir}/house.yaml`, moved);
    const run = await report(dir, [file, "--house", `${dir}/house.yaml`]);
    assert.equal(run.code, 0, run.stderr);
    // A run on another deck is a scenario: kept apart from the notebook, like a --param run.
    const scenario = notebookQuantities(await readNotebook(`${dir}/fixture.ipynb`), "scenario");
    assert.equal(scenario.get("capRate"), 0.07);
    assert.ok(Math.abs(scenario.get("discountRate")! - 0.1) < 1e-12);
    assert.equal(notebookQuantities(await readNotebook(file), file).get("capRate"), 0.06);
    assert.match(
      await Deno.readTextFile(`${dir}/fixture.html`),
      new RegExp(await sha256Hex(moved)),
    );

    await Deno.writeTextFile(`${dir}/bad.yaml`, deck.replace("value: 0.06", "value: six"));
    const bad = await report(dir, [file, "--house", `${dir}/bad.yaml`]);
    assert.equal(bad.code, 1);
    assert.match(
      bad.stderr,
      /bad\.yaml:\d+: valuation\.capRate\.value: expected a number from 0\.005 to 0\.5, found "six"/,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
