// The architecture of lib/, from Deno's own module graph (`deno info --json`): which folder
// imports which. Three floors: the ground floor (units with calendar days, files, the tests'
// shared assertion) imports nothing above it; the kit (the models, the house view, the deals, the
// dataset loaders, the charts) imports no tool; the tools (ingest, notebook, report, cli, the chart
// gallery) sit on top.
// `lib/data` holds the loaders only: no model, finance, chart or notebook module imports it, and
// it imports only the ground floor. No two folders import each other, even through others.
//
// A folder is a directory (`charts/gallery` is apart from `charts`); a subfolder is on its parent's
// floor unless listed on its own. Tests, benchmarks and test
// support (`_testing.ts`) are left out: a model's test may load a dataset to check the model
// against it. Lines are physical lines of the remaining `.ts` files.
import assert from "node:assert/strict";

const LIB = new URL("./", import.meta.url);
const ROOT = new URL("../", import.meta.url);

const GROUND = ["units", "files", "testing"];
const KIT = [
  "chain",
  "mining",
  "compute",
  "finance",
  "site",
  "company",
  "coverage",
  "house",
  "deals",
  "data",
  "frames", // each dataset as a danfo DataFrame by name: reads lib/data by design
  "charts",
];
const TOOLS = ["ingest", "notebook", "report", "cli", "charts/gallery"];
/** Folders that must never import `lib/data`: the models, finance, the charts, the notebook.
 * (`house`, `deals`, `coverage` and `frames` read datasets' rows by design: the house view
 * resolves its deck against the data, the deals' analytics and the coverage universe work on
 * dataset rows, `frames` hands any dataset to a notebook as a DataFrame.) */
const NO_DATA = ["chain", "mining", "compute", "site", "company", "finance", "charts"]
  .concat("notebook");

/** Under 3,000 once the loaders' folder holds only loaders. At the split it measured 3,011
 * lines (the loaders of eight datasets, the schema parser and the DataFrame view); the ninth
 * dataset's loader (`companies.ts`) and a model's price points by name took it to 3,502; the
 * DataFrame view moved to `lib/frames`, and one row parser with declarative rules (`csv_rows.ts`),
 * cell rules in the schema and row types derived from the schemas brought it to 2,961. */
const DATA_MAX_LINES = 2_980;
/** The target, 20% of `lib`. Right after the split the biggest folder, `ingest`, was 20.6%
 * (7,245 of 35,201 lines); with the companies build in its own folder it is 18.7% (7,245 of
 * 38,799). A dataset's build that grows large gets its own folder, as `ingest/companies` has. */
const BIGGEST_FOLDER_MAX_SHARE = 0.2;

const isSource = (path: string) =>
  path.endsWith(".ts") && !/(_test|_bench)\.ts$|\/_testing\.ts$/.test(path) &&
  !path.includes("/testdata/");

/** Every source module under lib/, as a path relative to lib/. */
function sources(dir = LIB, prefix = ""): string[] {
  return [...Deno.readDirSync(dir)].flatMap((entry) => {
    if (entry.isDirectory) {
      return sources(new URL(`${entry.name}/`, dir), `${prefix}${entry.name}/`);
    }
    const path = `${prefix}${entry.name}`;
    return entry.isFile && isSource(`/${path}`) ? [path] : [];
  });
}

const folderOf = (path: string) => path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : ".";

/** The floor a folder is on: its own listing, else its top folder's. */
function floorOf(folder: string): "ground" | "kit" | "tools" | undefined {
  for (const name of [folder, folder.split("/")[0]!]) {
    if (GROUND.includes(name)) return "ground";
    if (TOOLS.includes(name)) return "tools";
    if (KIT.includes(name)) return "kit";
  }
  return undefined;
}
const foldersOn = (floor: string) =>
  [...new Set(modules.map(folderOf))].filter((f) => floorOf(f) === floor);

interface InfoModule {
  readonly specifier: string;
  readonly dependencies?: readonly {
    readonly code?: { readonly specifier?: string };
    readonly type?: { readonly specifier?: string };
  }[];
}

/** Folder → the other folders its source modules import, from `deno info --json`. */
async function folderGraph(modules: readonly string[]): Promise<Map<string, Set<string>>> {
  const libUrl = LIB.href;
  const entry = await Deno.makeTempFile({ prefix: "mullet_architecture_", suffix: ".ts" });
  try {
    await Deno.writeTextFile(
      entry,
      modules.map((m) => `import ${JSON.stringify(new URL(m, LIB).href)};\n`).join(""),
    );
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["info", "--json", "--config", new URL("deno.json", ROOT).pathname, entry],
      cwd: ROOT.pathname,
      env: { NO_COLOR: "1" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.ok(out.success, new TextDecoder().decode(out.stderr));
    const info = JSON.parse(new TextDecoder().decode(out.stdout)) as { modules: InfoModule[] };
    const graph = new Map<string, Set<string>>();
    const local = (specifier: string | undefined) =>
      specifier?.startsWith(libUrl) && isSource(`/${specifier.slice(libUrl.length)}`)
        ? specifier.slice(libUrl.length)
        : undefined;
    for (const module of info.modules) {
      const from = local(module.specifier);
      if (from === undefined) continue;
      const folder = folderOf(from);
      const targets = graph.get(folder) ?? new Set<string>();
      graph.set(folder, targets);
      for (const dep of module.dependencies ?? []) {
        for (const to of [local(dep.code?.specifier), local(dep.type?.specifier)]) {
          if (to !== undefined && folderOf(to) !== folder) targets.add(folderOf(to));
        }
      }
    }
    return graph;
  } finally {
    await Deno.remove(entry);
  }
}

/** The folders of each cycle (strongly connected component of more than one folder). */
function cycles(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  // Tarjan's algorithm.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

const modules = sources();
const graph = await folderGraph(modules);
const edges = (from: string) => [...(graph.get(from) ?? [])].sort();

Deno.test("every folder of lib/ is on a floor", () => {
  const folders = [...new Set(modules.map(folderOf))].filter((f) => f !== ".").sort();
  assert.deepEqual(folders.filter((f) => floorOf(f) === undefined), [], "put it on a floor");
});

Deno.test("the ground floor imports nothing above it", () => {
  for (const folder of foldersOn("ground")) {
    assert.deepEqual(edges(folder).filter((to) => floorOf(to) !== "ground"), [], folder);
  }
});

Deno.test("the kit imports no tool", () => {
  for (const folder of foldersOn("kit")) {
    assert.deepEqual(edges(folder).filter((to) => floorOf(to) === "tools"), [], folder);
  }
});

Deno.test("lib/data is imported by no model, finance, chart or notebook module", () => {
  const isData = (folder: string) => folder.split("/")[0] === "data";
  const guarded = [...new Set(modules.map(folderOf))]
    .filter((f) => NO_DATA.includes(f.split("/")[0]!) && floorOf(f) !== "tools");
  for (const folder of guarded) assert.deepEqual(edges(folder).filter(isData), [], folder);
});

Deno.test("lib/data imports only the ground floor", () => {
  assert.deepEqual(edges("data").filter((to) => floorOf(to) !== "ground"), []);
});

Deno.test("no two folders import each other, directly or through others", () => {
  assert.deepEqual(cycles(graph), []);
});

Deno.test("lib/data stays small and no folder outgrows the rest", () => {
  const lines = new Map<string, number>();
  let total = 0;
  for (const module of modules) {
    const text = Deno.readTextFileSync(new URL(module, LIB));
    const count = text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
    lines.set(folderOf(module), (lines.get(folderOf(module)) ?? 0) + count);
    total += count;
  }
  const data = lines.get("data") ?? 0;
  assert.ok(data < DATA_MAX_LINES, `lib/data has ${data} lines`);
  const [biggest, most] = [...lines].sort((a, b) => b[1] - a[1])[0]!;
  assert.ok(
    most / total < BIGGEST_FOLDER_MAX_SHARE,
    `lib/${biggest} has ${most} of ${total} lines (${(100 * most / total).toFixed(1)}%)`,
  );
});
