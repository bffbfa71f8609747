/**
 * Type-checks notebooks under the project's strict settings, as `deno check` checks `lib/`: each
 * notebook's code cells become one module (`lib/notebook/notebook_module.ts`) in a temporary
 * folder inside the project (so `@mullet/kit` and the import map resolve), and every error is
 * reported as notebook, cell and line. A `show()` that is not awaited is reported too, and so is
 * a code cell that `deno fmt` would format differently (`deno fmt --check` cannot say it of a
 * notebook: it reports every notebook unformatted until it has formatted it once, so each cell is
 * formatted here as its own module, which is how `deno fmt` formats a notebook's cells).
 *
 *   deno run … lib/cli/check_notebooks.ts [notebook.ipynb …]   (default: notebooks/*.ipynb)
 *
 * @module
 */
import { cellSource, readNotebook } from "../notebook/notebook.ts";
import {
  type NotebookModule,
  notebookModule,
  unawaitedShows,
} from "../notebook/notebook_module.ts";

const CHECK_DIR = ".tmp/notebook-check";

/** One problem, located in a notebook. */
export interface NotebookProblem {
  /** The notebook's path as given. */
  readonly file: string;
  /** 1-based cell index, or undefined when the line is one the module adds. */
  readonly cell: number | undefined;
  /** 1-based line inside the cell. */
  readonly line: number | undefined;
  /** What is wrong. */
  readonly message: string;
}

/** Formats a problem the way a reader finds it: notebook, cell, line. */
function describe(p: NotebookProblem): string {
  const where = p.cell === undefined ? p.file : `${p.file}: cell ${p.cell}, line ${p.line}`;
  return `${where}: ${p.message}`;
}

/** Maps `deno check` diagnostics on the generated modules back to notebooks. */
function mapDiagnostics(
  output: string,
  modules: ReadonlyMap<string, { file: string; mod: NotebookModule }>,
): { problems: NotebookProblem[]; redeclarations: number } {
  const problems: NotebookProblem[] = [];
  let redeclarations = 0;
  for (const block of output.split(/\n\s*\n/)) {
    const head = /(TS\d+) \[ERROR\]: ([^\n]+(?:\n(?! {4}at )[^\n]*)*?)\n/.exec(block);
    const at = /\n\s+at file:\/\/(\S+?):(\d+):(\d+)/.exec(block);
    if (head === null || at === null) continue;
    // The kernel lets a later cell declare a top-level name again (each cell runs as its own
    // script, as in Deno's REPL), which one module cannot express: not an error in a notebook.
    // (Uses of such a name are checked against one of its declarations.)
    if (head[1] === "TS2451") {
      redeclarations++;
      continue;
    }
    const found = modules.get(decodeURI(at[1]!));
    if (found === undefined) continue;
    const origin = found.mod.lines[Number(at[2]) - 1];
    const message = head[2]!.split("\n")[0]!;
    problems.push({
      file: found.file,
      cell: origin?.cell,
      line: origin?.line,
      message: `${head[1]} ${message}`,
    });
  }
  return { problems, redeclarations };
}

/**
 * Checks the notebooks; returns every problem found.
 *
 * @param files notebook paths, relative to `root` or absolute
 * @param root the project root (holds `deno.json`)
 */
export async function checkNotebooks(
  files: readonly string[],
  root: string,
): Promise<NotebookProblem[]> {
  const dir = await Deno.makeTempDir({
    dir: `${root}/${CHECK_DIR.split("/")[0]}`,
    prefix: "notebook-check-",
  })
    .catch(async (error) => {
      if (!(error instanceof Deno.errors.NotFound)) throw error;
      await Deno.mkdir(`${root}/.tmp`, { recursive: true });
      return await Deno.makeTempDir({ dir: `${root}/.tmp`, prefix: "notebook-check-" });
    });
  try {
    const modules = new Map<string, { file: string; mod: NotebookModule }>();
    const problems: NotebookProblem[] = [];
    for (const [i, file] of files.entries()) {
      const path = file.startsWith("/") ? file : `${root}/${file}`;
      const mod = notebookModule(await readNotebook(path));
      const out = `${dir}/${i}_${file.replace(/.*\//, "").replace(/\.ipynb$/, "")}.ts`;
      await Deno.writeTextFile(out, mod.source);
      modules.set(await Deno.realPath(out), { file, mod });
      for (const show of unawaitedShows(mod)) {
        problems.push({
          file,
          cell: show.cell,
          line: show.line,
          message: `${show.name}() is not awaited: write "await ${show.name}(…)" so this ` +
            "output cannot overtake an earlier one",
        });
      }
    }
    problems.push(...await unformattedCells(files, root, dir));
    const result = await new Deno.Command(Deno.execPath(), {
      args: ["check", "--quiet", ...modules.keys()],
      cwd: root,
      env: { NO_COLOR: "1" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    const output = new TextDecoder().decode(result.stderr) +
      new TextDecoder().decode(result.stdout);
    const { problems: typeProblems, redeclarations } = mapDiagnostics(output, modules);
    if (!result.success && typeProblems.length === 0 && redeclarations === 0) {
      throw new Error(`deno check failed without a diagnostic on a notebook:\n${output}`);
    }
    return [...problems, ...typeProblems];
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** The code cells that `deno fmt` (at the project's line width) would change, one problem each. */
async function unformattedCells(
  files: readonly string[],
  root: string,
  dir: string,
): Promise<NotebookProblem[]> {
  const cells: { file: string; cell: number; path: string; source: string }[] = [];
  await Deno.mkdir(`${dir}/fmt`);
  for (const [i, file] of files.entries()) {
    const notebook = await readNotebook(file.startsWith("/") ? file : `${root}/${file}`);
    for (const [index, cell] of notebook.cells.entries()) {
      if (cell.cell_type !== "code") continue;
      const source = `${cellSource(cell)}\n`;
      const path = `${dir}/fmt/${i}_${index + 1}.ts`;
      await Deno.writeTextFile(path, source);
      cells.push({ file, cell: index + 1, path, source });
    }
  }
  if (cells.length === 0) return [];
  const config = JSON.parse(await Deno.readTextFile(`${root}/deno.json`));
  const lineWidth: number = config.fmt?.lineWidth ?? 80;
  const result = await new Deno.Command(Deno.execPath(), {
    args: ["fmt", "--quiet", "--no-config", `--line-width=${lineWidth}`, `${dir}/fmt`],
    stdout: "piped",
    stderr: "piped",
  }).output();
  if (!result.success) {
    // A cell deno cannot parse: the type check names it with its line.
    return [];
  }
  const problems: NotebookProblem[] = [];
  for (const { file, cell, path, source } of cells) {
    const formatted = await Deno.readTextFile(path);
    if (formatted === source) continue;
    const was = source.split("\n");
    const line = formatted.split("\n").findIndex((text, k) => text !== was[k]) + 1;
    problems.push({
      file,
      cell,
      line,
      message: "not formatted as deno fmt formats it: run `deno task fmt`",
    });
  }
  return problems;
}

if (import.meta.main) {
  const root = Deno.cwd();
  const files = Deno.args.length > 0 ? Deno.args : [...Deno.readDirSync(`${root}/notebooks`)]
    .filter((e) =>
      e.isFile && e.name.endsWith(".ipynb") && !/\.(failed|executed)\.ipynb$/.test(e.name)
    )
    .map((e) => `notebooks/${e.name}`).sort();
  try {
    const problems = await checkNotebooks(files, root);
    for (const problem of problems) console.error(describe(problem));
    if (problems.length > 0) {
      console.error(`notebook check: ${problems.length} problem(s) in ${files.length} notebook(s)`);
      Deno.exit(1);
    }
    console.log(`notebook check: ${files.length} notebook(s) type-check`);
  } catch (error) {
    console.error(`notebook check: ${error instanceof Error ? error.message : String(error)}`);
    Deno.exit(1);
  }
}
