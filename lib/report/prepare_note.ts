/**
 * One notebook to one note's HTML: front matter and takeaways checked before any kernel
 * starts, parameters injected, the freeze hash checked, the notebook executed with the real
 * Deno kernel when needed (and saved with its outputs), then read as a note with its appendix.
 * A failing cell stops it: the executed notebook is written beside the original as
 * `<name>.failed.ipynb` and no note is made. An edit saved while the kernel ran is kept: the
 * run then goes beside it as `<name>.executed.ipynb`, and the note is made from the run.
 *
 * One set of a pack (one notebook over many parameter sets) is its own note, `<name>-<label>`:
 * its executed notebook, its freeze hash and a failed run of it are kept in the output
 * directory under that name, so that sets rendered at once never write the same file.
 *
 * @module
 */
import { withExhibitSvgs } from "./exhibit_svgs.ts";
import { join, resolve } from "node:path";
import { writeFileAtomic } from "../files/write_atomic.ts";
import { executeNotebook, NotebookCellError } from "../notebook/execute_notebook.ts";
import { freezeHash, storedFreezeHash, withFreezeHash } from "../notebook/freeze.ts";
import {
  type Notebook,
  notebookFromJson,
  notebookToJson,
  readNotebook,
} from "../notebook/notebook.ts";
import { largestOutput, type OutputSize } from "../notebook/output_cap.ts";
import { failedCopyPath, saveRun } from "../notebook/run_copies.ts";
import {
  injectParameters,
  notebookParameters,
  type Parameter,
  type ParameterValue,
  parseParameterArgs,
} from "../notebook/parameters.ts";
import {
  appendixHtml,
  datasetsUsed,
  parametersUsed,
  type ReproducibilityManifest,
} from "./appendix.ts";
import { katexCss } from "./katex_css.ts";
import { hasMath } from "./markdown.ts";
import { noteName } from "./note_plan.ts";
import { exhibitCsvName, notebookNote } from "./notebook_note.ts";
import { exhibitCsv } from "./exhibit_data.ts";
import { checkNoteRequirements } from "./note_requirements.ts";
import { renderNoteHtml } from "./note_html.ts";
import type { ProjectFacts } from "./project_facts.ts";

/** When to run the kernel: when the freeze hash changed, always, or never. */
export type ExecuteMode = "auto" | "always" | "never";

/** Short disclosure printed in every note's footer and at its end. */
export const DISCLOSURE =
  "mullet research: analysis for information only, not investment advice. Sources and licences in the appendix.";

/** Options of {@linkcode prepareNote}. */
export interface PrepareNoteOptions {
  /** Path of the notebook. Required. */
  readonly notebook: string;
  /** `name=value` overrides of the notebook's parameters. Default: none. */
  readonly params?: readonly string[];
  /** Default: `"auto"`. */
  readonly execute?: ExecuteMode;
  /** Where a run with `params` keeps its executed notebook. Required. */
  readonly outDir: string;
  /** Date printed when the front matter has none, `YYYY-MM-DD`. Required. */
  readonly date: string;
  /** Longest a cell may run, ms. Default: the kernel client's. */
  readonly cellTimeoutMs?: number;
  /** One set of a pack: its values are injected after `params`, and the note, its executed
   * notebook and a failed run are named `<name>-<label>` in `outDir`. Default: none. */
  readonly parameterSet?: {
    readonly label: string;
    readonly values: Readonly<Record<string, ParameterValue>>;
  };
  /** Told, in one line, what the run did that the analyst must know (e.g. where it saved an
   * executed notebook that could not go in place). Default: printed to stdout. */
  readonly onNotice?: (message: string) => void;
}

/** A note ready to print. */
export interface PreparedNote {
  /** File stem, e.g. `03_mullet`. */
  readonly name: string;
  /** Note title and date, for the running header. */
  readonly title: string;
  readonly date: string;
  /** The self-contained HTML. */
  readonly html: string;
  /** Whether the kernel ran. */
  readonly executed: boolean;
  /** The notebook's largest output, for a message if printing fails. */
  readonly largestOutput?: OutputSize;
  /** The CSV of each exhibit's data, to go in the note's folder `<outDir>/<name>/` under
   * `file` (the HTML links them there). */
  readonly exhibitCsvs: readonly { readonly file: string; readonly csv: string }[];
}

async function readIfExists(path: string): Promise<Notebook | undefined> {
  try {
    return await readNotebook(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return undefined;
    throw error;
  }
}

/** The notebook as read, its bytes (to tell a later edit) and what it declares. */
interface Source {
  readonly notebook: Notebook;
  readonly bytes: Uint8Array;
  readonly declared: readonly Parameter[];
}

/** Saves the failed run; a failure to save comes after the cell's error. */
async function failedRunError(failedPath: string, error: NotebookCellError): Promise<Error> {
  try {
    await writeFileAtomic(failedPath, notebookToJson(error.partial));
  } catch (saveError) {
    const why = saveError instanceof Error ? saveError.message : String(saveError);
    return new Error(
      `${error.message}\nThe notebook as executed could not be saved as ${failedPath}: ${why}; ` +
        `no note was made.`,
      { cause: error },
    );
  }
  return new Error(
    `${error.message}\nThe notebook as executed is saved as ${failedPath}; no note was made.`,
    { cause: error },
  );
}

/** The house view the run reads, when it is not the notebooks' own deck: injected as the
 * `houseView` parameter of a notebook that declares one (a run on another deck is a scenario,
 * kept apart like a `--param` run). */
function houseParameter(
  facts: ProjectFacts,
  declared: readonly { readonly name: string }[],
): Record<string, string> {
  const own = resolve(facts.root, "notebooks/house_view.yaml");
  if (resolve(facts.houseView.file) === own) return {};
  if (!declared.some((p) => p.name === "houseView")) return {};
  return { houseView: resolve(facts.houseView.file) };
}

/** The notebook with outputs: saved ones when allowed and current, else a fresh run. */
async function notebookWithOutputs(
  facts: ProjectFacts,
  { notebook: source, bytes, declared }: Source,
  options: PrepareNoteOptions,
): Promise<{ notebook: Notebook; outputs: ReproducibilityManifest["outputs"] }> {
  const file = options.notebook;
  const set = options.parameterSet;
  const name = noteName(file, set?.label);
  const given: Record<string, ParameterValue> = {
    ...houseParameter(facts, declared),
    ...parseParameterArgs(options.params ?? [], declared, file),
    ...set?.values,
  };
  // Injected in the order the notebook declares them: the same values make the same code, and
  // so the same freeze key, however the run was asked for (--param, --each or a grid).
  const values = Object.fromEntries(
    declared.filter((p) => Object.hasOwn(given, p.name)).map((p) => [p.name, given[p.name]!]),
  );
  const prepared = injectParameters(source, values);
  const hash = await freezeHash({
    notebook: prepared,
    parameters: values,
    dataHashes: facts.dataHashes,
    libHashes: facts.libHashes,
    denoVersion: facts.denoVersion,
    houseViewHash: facts.houseView.sha256,
  });
  // A set always keeps its run apart, even one that keeps every default.
  const parameterised = Object.keys(values).length > 0 || set !== undefined;
  const failedPath = set === undefined
    ? failedCopyPath(file)
    : join(options.outDir, `${name}.failed.ipynb`);
  const executedPath = parameterised ? join(options.outDir, `${name}.ipynb`) : file;
  if (parameterised && resolve(executedPath) === resolve(file)) {
    throw new TypeError(
      `Cannot keep the run with --param in ${executedPath}: that is the notebook itself; use another --out`,
    );
  }
  const saved = parameterised ? await readIfExists(executedPath) : source;
  const mode = options.execute ?? "auto";
  if (mode === "never") {
    if (saved === undefined) {
      throw new TypeError(
        `${file}: --no-execute with --param needs a previous run with the same parameters ` +
          `(${executedPath} does not exist)`,
      );
    }
    return { notebook: saved, outputs: "saved outputs (--no-execute)" };
  }
  if (mode === "auto" && saved !== undefined && storedFreezeHash(saved) === hash) {
    return { notebook: saved, outputs: "saved outputs (freeze hash matched)" };
  }
  let notebook: Notebook;
  try {
    const run = await executeNotebook(prepared, {
      file,
      cwd: facts.root,
      ...(options.cellTimeoutMs === undefined ? {} : { cellTimeoutMs: options.cellTimeoutMs }),
    });
    notebook = withFreezeHash(run, hash);
  } catch (error) {
    if (!(error instanceof NotebookCellError)) throw error;
    throw await failedRunError(failedPath, error);
  }
  if (parameterised) {
    await writeFileAtomic(executedPath, notebookToJson(notebook));
  } else {
    const saved = await saveRun(file, bytes, notebook);
    if (!saved.inPlace) {
      const notice = options.onNotice ?? ((message: string) => console.log(`report: ${message}`));
      notice(
        `${file} changed on disk while it ran, so it is left as you saved it; ` +
          `the run is saved as ${saved.path} and the note is made from the run`,
      );
    }
  }
  await Deno.remove(failedPath).catch(() => {});
  return { notebook, outputs: "executed for this note" };
}

function withLargest(largest: OutputSize | undefined): { largestOutput?: OutputSize } {
  return largest === undefined ? {} : { largestOutput: largest };
}

/**
 * Prepares one note. Writes the executed notebook in place (or, with `params`, to
 * `<outDir>/<name>.ipynb`; with `parameterSet`, to `<outDir>/<name>-<label>.ipynb`; or, when the notebook changed on disk while it ran, beside it as
 * `<name>.executed.ipynb`) when it ran; never writes a note. Throws before any kernel starts
 * when the front matter, the takeaways or a `--param` is wrong.
 *
 * @example
 * ```ts ignore
 * import { prepareNote } from "./prepare_note.ts";
 * import { readProjectFacts } from "./project_facts.ts";
 *
 * const facts = await readProjectFacts(".");
 * const note = await prepareNote(facts, { notebook: "notebooks/01_hashprice.ipynb", outDir: "reports", date: "2026-06-01" });
 * console.log(note.title, note.executed);
 * ```
 */
export async function prepareNote(
  facts: ProjectFacts,
  options: PrepareNoteOptions,
): Promise<PreparedNote> {
  const file = options.notebook;
  const bytes = await Deno.readFile(file);
  const source = notebookFromJson(new TextDecoder().decode(bytes), file);
  // Everything that can be checked without a kernel is checked before one starts.
  checkNoteRequirements(source, file);
  const declared = notebookParameters(source, file);
  const { notebook, outputs } = await notebookWithOutputs(
    facts,
    { notebook: source, bytes, declared },
    options,
  );
  const name = noteName(file, options.parameterSet?.label);
  const note = notebookNote(await withExhibitSvgs(notebook), {
    file,
    date: options.date,
    dataDir: encodeURIComponent(name),
  });
  const exhibitCsvs = note.exhibitData.map((data, i) => ({
    file: exhibitCsvName(i + 1),
    csv: exhibitCsv(data),
  }));
  const known = Object.keys(facts.dataHashes).map((f) => f.replace(/\.csv$/, ""));
  const appendix = appendixHtml({
    sourcesMd: facts.sourcesMd,
    datasets: datasetsUsed(notebook, known),
    parameters: parametersUsed(notebook, declared),
    manifest: {
      notebook: file,
      outputs,
      freezeHash: storedFreezeHash(notebook) ?? "none (outputs not made by deno task report)",
      libVersion: facts.libVersion,
      gitCommit: facts.gitCommit,
      denoVersion: facts.denoVersion,
      dataHashes: facts.dataHashes,
    },
    exhibitFiles: note.exhibitData.map((data, i) => ({
      file: `${name}/${exhibitCsvName(i + 1)}`,
      label: data.label,
      rows: data.rows.length,
    })),
    houseView: {
      file: facts.houseView.file,
      text: facts.houseView.text,
      sha256: facts.houseView.sha256,
    },
  });
  const math = hasMath(note.bodyHtml) || hasMath(note.takeawaysHtml);
  const html = renderNoteHtml({
    note,
    appendixHtml: appendix,
    disclosure: DISCLOSURE,
    ...(math ? { extraCss: await katexCss() } : {}),
  });
  return {
    name,
    title: note.title,
    date: note.date,
    html,
    executed: outputs === "executed for this note",
    ...withLargest(largestOutput(notebook)),
    exhibitCsvs,
  };
}
