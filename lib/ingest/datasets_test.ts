/**
 * Tests over the whole `data/` folder. Every committed CSV loads with its own loader (all of its
 * rows: every kind of `gpu_rental_prices`), and has a section in `data/SOURCES.md` stating its
 * row count, a licence or attribution line and an inputs table with a sha256 for each input.
 * Rebuilding every dataset with `deno task data`'s builders from the inputs committed in
 * `data/inputs` reproduces every committed file byte for byte, and each input's size and sha256
 * are those SOURCES.md states.
 */
import assert from "node:assert/strict";
import { DATASET_BUILDERS } from "../cli/data.ts";
import { loadAsicModels } from "../data/asic_models.ts";
import { loadAsicPrices } from "../data/asic_prices.ts";
import { loadBtcDaily } from "../data/btc_daily.ts";
import { loadCapexPerMw } from "../data/capex_per_mw.ts";
import { loadCompanyFacts } from "../data/companies.ts";
import { type BuiltDataset, DEFAULT_SOURCE_DIR, writeBuiltDatasets } from "./dataset_build.ts";
import { loadGpuModels } from "../data/gpu_models.ts";
import { GPU_PRICE_KINDS, KIND_UNITS } from "../data/gpu_price_kinds.ts";
import { loadGpuRentalPrices } from "../data/gpu_rental_prices.ts";
import { loadMinerAiDeals } from "../data/miner_ai_deals.ts";
import { loadNetworkPoints } from "../data/network_points.ts";
import { sha256Hex } from "../files/sha256.ts";
import { readSection } from "./sources_md.ts";

const DATA = new URL("../../data/", import.meta.url);
const ROOT = new URL("../../", import.meta.url);
const INPUTS = new URL(`${DEFAULT_SOURCE_DIR}/`, ROOT);

/** Each dataset's loader, returning its number of rows. */
const LOADERS: Readonly<Record<string, (path: URL) => Promise<number>>> = {
  btc_daily: async (path) => (await loadBtcDaily(path)).length,
  asic_models: async (path) => (await loadAsicModels(path)).length,
  asic_prices: async (path) => (await loadAsicPrices(path)).length,
  capex_per_mw: async (path) => (await loadCapexPerMw(path)).length,
  companies: async (path) => (await loadCompanyFacts(path)).length,
  gpu_models: async (path) => (await loadGpuModels(path)).length,
  gpu_rental_prices: async (path) => {
    // One kind at a time, as the loader demands: every row has exactly one kind.
    let rows = 0;
    for (const kind of GPU_PRICE_KINDS) {
      const prices = await loadGpuRentalPrices({ kind, path });
      assert.ok(prices.length > 0, `no ${kind} rows`);
      assert.equal(prices.unit, KIND_UNITS[kind]);
      assert.ok(prices.rows.every((r) => r.kind === kind && r.unit === prices.unit), kind);
      rows += prices.length;
    }
    return rows;
  },
  miner_ai_deals: async (path) => (await loadMinerAiDeals(path)).length,
  network_points: async (path) => (await loadNetworkPoints(path)).length,
};

const datasetNames = [...Deno.readDirSync(DATA)]
  .filter((entry) => entry.isFile && entry.name.endsWith(".csv"))
  .map((entry) => entry.name.replace(/\.csv$/, ""))
  .sort();
const sourcesMd = await Deno.readTextFile(new URL("SOURCES.md", DATA));

/** One row of a section's inputs table. */
interface InputEntry {
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
}

/** The rows of the `### Inputs` table of a SOURCES.md section. */
function inputsTable(section: string): InputEntry[] {
  const lines = section.split("\n");
  const start = lines.findIndex((line) => line.startsWith("| input | origin | bytes | sha256 |"));
  if (start === -1) return [];
  const rows: InputEntry[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith("|")) break;
    const match = /^\| `([^`]+)` \| .+? \| (\d+) \| `([0-9a-f]{64})` \|/.exec(line);
    assert.ok(match !== null, `an input without a size and sha256: ${line}`);
    rows.push({ path: match[1]!, bytes: Number(match[2]), sha256: match[3]! });
  }
  return rows;
}

Deno.test("every dataset in data/ has a loader and a builder", () => {
  assert.ok(datasetNames.length >= 7, datasetNames.join(", "));
  assert.deepEqual(datasetNames, Object.keys(LOADERS).sort());
  assert.deepEqual(datasetNames, Object.keys(DATASET_BUILDERS).sort());
});

for (const name of datasetNames) {
  Deno.test(`${name}.csv loads with its loader, as many rows as SOURCES.md states`, async () => {
    const rows = await LOADERS[name]!(new URL(`${name}.csv`, DATA));
    const section = readSection(sourcesMd, name);
    assert.ok(section !== undefined, `SOURCES.md has no section <!-- dataset:${name} -->`);
    const stated = /\*\*Rows:\*\* (\d+)\b/.exec(section);
    assert.ok(stated !== null, `the ${name} section states no row count`);
    assert.ok(rows > 0);
    assert.equal(rows, Number(stated[1]));
  });

  Deno.test(`SOURCES.md documents ${name}: licence and a sha256 for each input`, () => {
    const section = readSection(sourcesMd, name)!;
    assert.match(section, new RegExp(`^## \`${name}\\.csv\`: `));
    // The licence item, with its continuation lines, must say whom to credit.
    const licences = [...section.matchAll(/^- \*\*Licence:\*\*.*(?:\n {2}.*)*/gm)].map((m) => m[0]);
    assert.ok(licences.length > 0, `the ${name} section has no licence line`);
    for (const licence of licences) assert.match(licence, /Attribution|attribution|[Cc]ite/);
    const inputs = inputsTable(section);
    assert.ok(inputs.length > 0, `the ${name} section lists no inputs`);
    assert.equal(new Set(inputs.map((i) => i.path)).size, inputs.length, "an input repeats");
  });
}

Deno.test("SOURCES.md states each committed input's true size and sha256", async () => {
  let checked = 0;
  for (const name of datasetNames) {
    const section = readSection(sourcesMd, name)!;
    for (const input of inputsTable(section)) {
      // btc_daily names its inputs from the project root, the others from the inputs folder.
      const url = input.path.startsWith(`${DEFAULT_SOURCE_DIR}/`)
        ? new URL(input.path, ROOT)
        : new URL(input.path, INPUTS);
      const bytes = await Deno.readFile(url).catch((error) => {
        if (!(error instanceof Deno.errors.NotFound)) throw error;
        // An input without a stated licence stays out of the project: say where to get it.
        assert.match(section, /not in the project/, `${input.path} is missing from data/inputs`);
        return undefined;
      });
      if (bytes === undefined) continue;
      assert.equal(bytes.length, input.bytes, input.path);
      assert.equal(await sha256Hex(bytes), input.sha256, input.path);
      checked++;
    }
  }
  assert.ok(checked >= 10, `only ${checked} inputs checked`);
});

Deno.test({
  name: "rebuilding every dataset from data/inputs reproduces data/ byte for byte",
  async fn() {
    const built: BuiltDataset[] = [];
    for (const build of Object.values(DATASET_BUILDERS)) {
      built.push(await build({ sourceDir: INPUTS.pathname, log: () => {} }));
    }
    const out = await Deno.makeTempDir({ dir: "/tmp", prefix: "mullet_datasets_" });
    try {
      // Sections are replaced in place, so start from the committed SOURCES.md (its text
      // outside the sections and the order of the sections are not the builders' to choose).
      await Deno.copyFile(new URL("SOURCES.md", DATA), `${out}/SOURCES.md`);
      await writeBuiltDatasets(out, built);
      const files = (dir: string | URL) =>
        [...Deno.readDirSync(dir)].filter((entry) => entry.isFile).map((entry) => entry.name)
          .sort();
      const written = files(out);
      const committed = files(DATA);
      assert.deepEqual(written, committed);
      for (const file of committed) {
        const expected = await Deno.readFile(new URL(file, DATA));
        const actual = await Deno.readFile(`${out}/${file}`);
        if (actual.length === expected.length && actual.every((b, i) => b === expected[i])) {
          continue;
        }
        // Differ: show the text, which points at the first differing line.
        const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
        assert.equal(decode(actual), decode(expected), `${file} differs from data/${file}`);
        assert.fail(`${file} differs from data/${file} in its bytes`);
      }
    } finally {
      await Deno.remove(out, { recursive: true });
    }
  },
});
