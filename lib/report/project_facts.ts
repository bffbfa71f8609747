/**
 * What every note of a run shares and the freeze hash covers: the data files' sha256s, the
 * `lib` sources' sha256s, `data/SOURCES.md`, the package version, the git commit and the Deno
 * version. Read once per `deno task report`.
 *
 * @module
 */
import { sha256Hex } from "../files/sha256.ts";
import { type HouseView, loadHouseView } from "../house/house_view.ts";
import { hashFiles } from "../notebook/freeze.ts";

/** The modules whose code can shape a notebook's saved outputs: what a notebook imports (the kit
 * and everything it reaches) and the executor that records the outputs. */
const REACHABLE_ROOTS = ["lib/mod.ts", "lib/notebook/execute_notebook.ts"];

/** Facts about the project a run renders from. */
export interface ProjectFacts {
  /** Project root (holds `deno.json`, `data/`, `lib/`). */
  readonly root: string;
  /** sha256 of each `data/*.csv`, by file name. */
  readonly dataHashes: Readonly<Record<string, string>>;
  /** sha256 of each `lib` source that can shape a notebook's outputs, by path: the import closure
   * of `lib/mod.ts` and of the executor, from Deno's own module graph (`deno info --json`). The
   * data build, the gallery, the note renderer and the task entry points are not in it, so
   * editing them re-runs no notebook. */
  readonly libHashes: Readonly<Record<string, string>>;
  /** `data/SOURCES.md`. */
  readonly sourcesMd: string;
  /** `deno.json`'s `version`. */
  readonly libVersion: string;
  /** HEAD's commit (plus "+ uncommitted changes"), or why it is unknown. */
  readonly gitCommit: string;
  /** Deno version running the kernel. */
  readonly denoVersion: string;
  /** The house view every note of the run reads, checked. */
  readonly houseView: HouseView;
}

/** Options of {@linkcode readProjectFacts}. */
export interface ProjectFactsOptions {
  /** The house view deck. Default `notebooks/house_view.yaml` under the root. */
  readonly houseView?: string;
}

async function git(root: string, args: string[]): Promise<string | undefined> {
  try {
    const out = await new Deno.Command("git", { args, cwd: root, stdout: "piped", stderr: "null" })
      .output();
    return out.success ? new TextDecoder().decode(out.stdout).trim() : undefined;
  } catch {
    return undefined; // No git on PATH.
  }
}

async function gitCommit(root: string): Promise<string> {
  const head = await git(root, ["rev-parse", "HEAD"]);
  if (head === undefined) return "unknown (not a git checkout)";
  const dirty = await git(root, ["status", "--porcelain", "--untracked-files=no"]);
  return dirty === "" ? head : `${head} + uncommitted changes`;
}

/** The `lib` files in the import closure of {@linkcode REACHABLE_ROOTS}, with their sha256s. */
async function reachableLibHashes(root: string): Promise<Record<string, string>> {
  const libDir = `${await Deno.realPath(`${root}/lib`)}/`;
  const hashes: Record<string, string> = {};
  for (const entry of REACHABLE_ROOTS) {
    for (const local of await moduleGraph(root, entry)) {
      if (!local.startsWith(libDir)) continue;
      hashes[`lib/${local.slice(libDir.length)}`] ??= await sha256Hex(await Deno.readFile(local));
    }
  }
  return Object.fromEntries(Object.entries(hashes).sort(([a], [b]) => a < b ? -1 : 1));
}

/** Local paths of the modules `entry` imports, itself included (`deno info --json`). */
async function moduleGraph(root: string, entry: string): Promise<string[]> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["info", "--json", entry],
    cwd: root,
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  if (!out.success) {
    throw new Error(
      `Cannot read the module graph of ${entry}: ${new TextDecoder().decode(out.stderr).trim()}`,
    );
  }
  const graph = JSON.parse(new TextDecoder().decode(out.stdout)) as {
    modules: { local?: string }[];
  };
  return graph.modules.flatMap((m) => m.local === undefined ? [] : [m.local]);
}

/**
 * Reads the project's facts.
 *
 * @example
 * ```ts
 * import { readProjectFacts } from "./project_facts.ts";
 * import assert from "node:assert/strict";
 *
 * const facts = await readProjectFacts(new URL("../../", import.meta.url).pathname);
 * assert.match(facts.dataHashes["btc_daily.csv"]!, /^[0-9a-f]{64}$/);
 * assert.ok(Object.keys(facts.dataHashes).every((name) => !name.includes("/")));
 * assert.ok("lib/mod.ts" in facts.libHashes && "lib/notebook/kernel.ts" in facts.libHashes);
 * assert.ok(!("lib/site/site_test.ts" in facts.libHashes) && !("lib/report/appendix.ts" in facts.libHashes));
 * assert.ok(!("lib/site/_testing.ts" in facts.libHashes) && !("lib/cli/data.ts" in facts.libHashes));
 * // Neither the data build nor the gallery can change a notebook's outputs.
 * assert.ok(!("lib/ingest/gpu_models_build.ts" in facts.libHashes));
 * assert.ok(!Object.keys(facts.libHashes).some((path) => path.includes("gallery")));
 * assert.match(facts.libVersion, /^\d+\.\d+\.\d+$/);
 * assert.match(facts.houseView.sha256, /^[0-9a-f]{64}$/);
 * ```
 */
export async function readProjectFacts(
  root: string,
  options: ProjectFactsOptions = {},
): Promise<ProjectFacts> {
  const config = JSON.parse(await Deno.readTextFile(`${root}/deno.json`)) as { version?: unknown };
  const libHashes = await reachableLibHashes(root);
  return {
    root,
    // The datasets only: the public inputs under data/inputs/ reach a note through them.
    dataHashes: Object.fromEntries(
      Object.entries(await hashFiles(`${root}/data`, (name) => name.endsWith(".csv")))
        .filter(([path]) => !path.includes("/")),
    ),
    libHashes,
    sourcesMd: await Deno.readTextFile(`${root}/data/SOURCES.md`),
    libVersion: String(config.version ?? "unversioned"),
    gitCommit: await gitCommit(root),
    denoVersion: Deno.version.deno,
    houseView: await loadHouseView(options.houseView ?? `${root}/notebooks/house_view.yaml`),
  };
}
