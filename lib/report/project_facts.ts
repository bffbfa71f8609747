/**
 * What every note of a run shares and the freeze hash covers: the data files' sha256s, the
 * `lib` sources' sha256s, `data/SOURCES.md`, the package version, the git commit and the Deno
 * version. Read once per `deno task report`.
 *
 * @module
 */
import { hashFiles } from "../notebook/freeze.ts";

/** Folders of `lib` that print notes but cannot change a notebook's outputs. */
const RENDERING_ONLY = ["report/", "cli/"];

/** Facts about the project a run renders from. */
export interface ProjectFacts {
  /** Project root (holds `deno.json`, `data/`, `lib/`). */
  readonly root: string;
  /** sha256 of each `data/*.csv`, by file name. */
  readonly dataHashes: Readonly<Record<string, string>>;
  /** sha256 of each `lib` source that can shape a notebook's outputs, by path: the models, data,
   * charts and the kernel client; not tests, benchmarks, test helpers, nor the note renderer and task entry
   * points (`lib/report`, `lib/cli`), which only print outputs already made. */
  readonly libHashes: Readonly<Record<string, string>>;
  /** `data/SOURCES.md`. */
  readonly sourcesMd: string;
  /** `deno.json`'s `version`. */
  readonly libVersion: string;
  /** HEAD's commit (plus "+ uncommitted changes"), or why it is unknown. */
  readonly gitCommit: string;
  /** Deno version running the kernel. */
  readonly denoVersion: string;
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
 * assert.ok(!("lib/site/_testing.ts" in facts.libHashes));
 * assert.match(facts.libVersion, /^\d+\.\d+\.\d+$/);
 * ```
 */
export async function readProjectFacts(root: string): Promise<ProjectFacts> {
  const config = JSON.parse(await Deno.readTextFile(`${root}/deno.json`)) as { version?: unknown };
  const libHashes = Object.fromEntries(
    Object.entries(
      await hashFiles(
        `${root}/lib`,
        (name) => name.endsWith(".ts") && !/_(test|bench|testing)\.ts$/.test(name),
      ),
    ).filter(([path]) => !RENDERING_ONLY.some((dir) => path.startsWith(dir)))
      .map(([path, hash]) => [`lib/${path}`, hash]),
  );
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
  };
}
