/**
 * `deno task report [notebook…]`: render research notebooks to `reports/<name>.pdf` and
 * `.html`, with the data behind each exhibit in `reports/<name>/exhibit-<n>.csv`. Each notebook runs with the real Deno kernel unless its freeze hash matches; one
 * Chromium prints every note, several pages at a time; every file is written atomically; the
 * exit code is 1, with a summary, when any note failed.
 *
 * A pack renders one notebook over many parameter sets (`--each`, `--grid`), one note per set
 * named `<name>-<label>`, each frozen by its own hash; `--shard i/n` renders every n-th note of
 * the run, so that n machines share a pack.
 *
 * A signal (Ctrl-C, SIGTERM, SIGHUP), or the end of the command that started the run when that
 * is a wrapper that passes no signal on (npx), stops the whole run: kernels and browser end,
 * nothing half-written stays, and the message names the signal and the notes not written. The
 * temporary files that an earlier, killed run left are swept first.
 *
 * @module
 */
import "./_quiet_deprecations.ts";
import { basename, dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { readProcessTable } from "./process_table.ts";
import { sweepStaleTemps, writeFileAtomic } from "../files/write_atomic.ts";
import { sweepStaleConnectionDirs } from "../notebook/kernel.ts";
import { closeAllBrowsers, type PaperFormat, withBrowser } from "../report/browser.ts";
import { findChromium } from "../report/chromium.ts";
import { writeExhibitCsvs } from "../report/exhibit_files.ts";
import { footerTemplate, headerTemplate } from "../report/note_html.ts";
import { isRunCopy } from "../notebook/run_copies.ts";
import { printFailure, retireStaleNote } from "../report/note_failure.ts";
import { DISCLOSURE, type ExecuteMode, prepareNote } from "../report/prepare_note.ts";
import { type PlannedNote, planNotes } from "../report/note_plan.ts";
import { defaultNotes } from "../report/default_notes.ts";
import { coveredTickers } from "../coverage/covered_tickers.ts";
import { readProjectFacts } from "../report/project_facts.ts";
import { parseShard, shardItems } from "../report/shard.ts";
import { describeStop, exitCode, type StopWatch, watchForStop } from "./_stop.ts";

const USAGE = `Usage: deno task report [notebook.ipynb …] [options]

Renders research notebooks (default: every notebooks/*.ipynb) to <out>/<name>.pdf and .html,
and the data behind each exhibit to <out>/<name>/exhibit-<n>.csv. With no notebook named, a
notebook whose front matter says "each: ticker" renders once per ticker the company model
values, as <out>/<name>-<ticker>.pdf: the coverage pack.
A notebook is executed with the Deno kernel when its code, parameters, data, lib or Deno
changed since its outputs were saved (its freeze hash); otherwise its saved outputs are used.

Options:
  --param name=value   override a parameter of the notebook (repeat; one notebook only)
  --each name=v1,v2,…  render the notebook once per value, as <out>/<name>-<value>.pdf (repeat
                       for the cross product; one notebook only)
  --grid FILE.yaml     render the notebook once per parameter set listed in FILE (a YAML list
                       of maps of name: value, each with an optional label)
  --shard i/n          render only every n-th note from the i-th (1-based), to split a run
                       across n machines
  --house FILE         read the shared assumptions from FILE instead of notebooks/house_view.yaml
  --list               print the names of the notes the run would write (after --shard), one a
                       line, and run nothing
  --execute            execute even when the freeze hash matches
  --no-execute         render the saved outputs, never start a kernel
  --out DIR            output directory (default: reports)
  --paper A4|Letter    page size (default: A4)
  --cell-timeout S     longest a cell may run, seconds (default: 600)`;

/** Notes printed at once by the one Chromium. */
const CONCURRENT_NOTES = 3;

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

async function defaultNotebooks(): Promise<string[]> {
  const names: string[] = [];
  for await (const entry of Deno.readDir("notebooks")) {
    if (entry.name.endsWith(".ipynb") && !isRunCopy(entry.name)) {
      names.push(join("notebooks", entry.name));
    }
  }
  return names.sort();
}

/** Runs `work` on every item, at most `limit` at a time, collecting each outcome. */
async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<PromiseSettledResult<void>[]> {
  const results: PromiseSettledResult<void>[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      try {
        await work(items[i]!);
        results[i] = { status: "fulfilled", value: undefined };
      } catch (reason) {
        results[i] = { status: "rejected", reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** How a note is named in messages: its notebook, or for one set of a pack, its note. */
function noteLabel(note: PlannedNote): string {
  return note.parameterSet === undefined ? basename(note.notebook) : note.name;
}

/** What a run has done so far, for the message when it is stopped. */
interface Progress {
  /** The notes to render, as messages name them. */
  notes: string[];
  /** Those that have been written. */
  written: Set<string>;
  /** The directories this run writes into. */
  dirs: Set<string>;
}

/** Thrown instead of writing once the run has been stopped. */
class StoppedError extends Error {}

/**
 * The temporary files of writers that no longer run (an earlier run that was killed), in the
 * directories this run writes to, and with `includeOwn` this process's own (it is stopping).
 */
async function sweepTemps(dirs: Iterable<string>, includeOwn = false): Promise<void> {
  const table = await readProcessTable();
  const isRunning = (pid: number) => table?.isRunning(pid);
  for (const dir of dirs) await sweepStaleTemps(dir, { isRunning, includeOwn });
}

/** Fails clearly when the browser to print with is one this task may not start. */
async function checkBrowserAllowed(): Promise<void> {
  const path = findChromium();
  if (path === undefined) return; // ensureChromium installs one, or says how
  const { state } = await Deno.permissions.query({ name: "run", command: path });
  if (state === "granted") return;
  throw new Error(
    `Cannot start the browser ${path}: the report task may start only the browsers named in its ` +
      `--allow-run flag (deno.json). Add ${path} to that list, or unset PUPPETEER_EXECUTABLE_PATH ` +
      "to use a Chromium in /usr/bin",
  );
}

async function main(args: string[], stop: StopWatch, progress: Progress): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      param: { type: "string", multiple: true },
      each: { type: "string", multiple: true },
      grid: { type: "string" },
      shard: { type: "string" },
      house: { type: "string" },
      execute: { type: "boolean" },
      "no-execute": { type: "boolean" },
      list: { type: "boolean" },
      out: { type: "string" },
      paper: { type: "string" },
      "cell-timeout": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const outDir = values.out ?? "reports";
  const paper = values.paper ?? "A4";
  if (paper !== "A4" && paper !== "Letter") {
    throw new TypeError(`Cannot use --paper ${paper}: expected A4 or Letter`);
  }
  if (values.execute && values["no-execute"]) {
    throw new TypeError("Cannot use --execute with --no-execute: choose one");
  }
  const timeout = values["cell-timeout"];
  const cellSeconds = timeout === undefined ? undefined : Number(timeout);
  if (cellSeconds !== undefined && !(cellSeconds > 0)) {
    throw new TypeError(`Cannot use --cell-timeout ${timeout}: expected seconds above 0`);
  }
  const mode: ExecuteMode = values.execute ? "always" : values["no-execute"] ? "never" : "auto";
  const notebooks = positionals.length > 0 ? positionals : await defaultNotebooks();
  const params = values.param ?? [];
  if (params.length > 0 && notebooks.length !== 1) {
    throw new TypeError(
      `Cannot apply --param to ${notebooks.length} notebooks: name the one notebook it is for`,
    );
  }
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  for (const notebook of notebooks) {
    if (!notebook.endsWith(".ipynb")) {
      throw new TypeError(`Cannot render ${notebook}: expected a .ipynb notebook`);
    }
    await Deno.stat(notebook).catch(() => {
      throw new TypeError(`Cannot render ${notebook}: no such file`);
    });
  }
  // Every note of the whole run is planned (and a pack checked) before the shard is taken, so
  // that every shard sees the same order and the same errors.
  const isPack = values.each !== undefined || values.grid !== undefined;
  const planned = positionals.length === 0 && !isPack
    ? await defaultNotes(
      notebooks,
      async () => (await coveredTickers(values.house)).tickers,
    )
    : await planNotes({
      notebooks,
      params,
      each: values.each ?? [],
      ...(values.grid === undefined ? {} : { grid: values.grid }),
    });
  const notes = shard === undefined ? planned : shardItems(planned, shard);
  if (values.list) {
    // What a job runner needs to size a pack: the notes, in the run's order, and nothing run.
    for (const note of notes) console.log(note.name);
    return 0;
  }
  if (shard !== undefined) {
    console.log(
      `report: shard ${shard.index}/${shard.count}: ${notes.length} of ${planned.length} notes` +
        (notes.length === 0 ? "" : ` (${notes.map(noteLabel).join(", ")})`),
    );
    if (notes.length === 0) return 0;
  }

  await checkBrowserAllowed();
  progress.notes = notes.map(noteLabel);
  progress.dirs = new Set([outDir, ...notebooks.map((notebook) => dirname(notebook))]);
  await sweepTemps(progress.dirs);
  await sweepStaleConnectionDirs();

  const started = performance.now();
  await Deno.mkdir(outDir, { recursive: true });
  // The house view is read and checked before anything runs: a bad deck names its line.
  const facts = await readProjectFacts(
    Deno.cwd(),
    values.house === undefined ? {} : { houseView: values.house },
  );
  const date = new Date().toISOString().slice(0, 10);
  if (stop.reason !== undefined) throw new StoppedError();
  const results = await withBrowser((browser) =>
    eachLimited(notes, CONCURRENT_NOTES, async (planned) => {
      if (stop.reason !== undefined) throw new StoppedError();
      const begun = performance.now();
      const note = await prepareNote(facts, {
        notebook: planned.notebook,
        params,
        ...(planned.parameterSet === undefined ? {} : { parameterSet: planned.parameterSet }),
        execute: mode,
        outDir,
        date,
        ...(cellSeconds === undefined ? {} : { cellTimeoutMs: cellSeconds * 1000 }),
      });
      const pdf = await browser.printPdf(note.html, {
        format: paper as PaperFormat,
        headerHtml: headerTemplate(note),
        footerHtml: footerTemplate(DISCLOSURE),
      }).catch((error) => {
        throw printFailure(note, error);
      });
      if (stop.reason !== undefined) throw new StoppedError();
      // The data first: the HTML links each exhibit to its CSV.
      await writeExhibitCsvs(outDir, note.name, note.exhibitCsvs);
      if (stop.reason !== undefined) throw new StoppedError();
      await writeFileAtomic(join(outDir, `${note.name}.html`), note.html);
      if (stop.reason !== undefined) throw new StoppedError();
      await writeFileAtomic(join(outDir, `${note.name}.pdf`), pdf);
      progress.written.add(noteLabel(planned));
      const how = note.executed ? "executed" : "saved outputs";
      console.log(`report: ${join(outDir, note.name)}.pdf (${how}, ${seconds(begun)})`);
    })
  );
  // Stopped: the caller says so; a note cut short by the stop is no failure to report.
  if (stop.reason !== undefined) return exitCode(stop.reason);
  const failed = results.flatMap((r, i) =>
    r.status === "rejected" ? [{ note: notes[i]!, reason: r.reason as unknown }] : []
  );
  for (const { note, reason } of failed) {
    const message = reason instanceof Error ? reason.message : String(reason);
    const stale = await retireStaleNote(outDir, note.name);
    console.error(`report: ${noteLabel(note)} failed: ${message}${stale && `\n${stale}`}`);
  }
  const done = notes.length - failed.length;
  if (failed.length > 0) {
    console.error(
      `report: ${failed.length} of ${notes.length} notes failed (${
        failed.map(({ note }) => note.parameterSet === undefined ? note.notebook : note.name)
          .join(", ")
      }); ${done} written in ${seconds(started)}`,
    );
    return 1;
  }
  console.log(
    `report: ${done} note${done === 1 ? "" : "s"} written to ${outDir}/ in ${seconds(started)}`,
  );
  return 0;
}

/** Longest the clean-up after a stop may take before the process exits anyway, ms. */
const STOP_GRACE_MS = 10_000;

if (import.meta.main) {
  const stop = watchForStop();
  const progress: Progress = { notes: [], written: new Set(), dirs: new Set() };
  const run = main(Deno.args, stop, progress).catch((error) => {
    console.error(`report: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  });
  const first = await Promise.race([run, stop.stopped]);
  const reason = stop.reason;
  if (reason === undefined) Deno.exit(first as number);
  // Stopped: end the browser (its profile goes with it), leave no temporary file, say so.
  // Kernels die at exit (a parent-death signal, and a kill at `unload`).
  setTimeout(() => Deno.exit(exitCode(reason)), STOP_GRACE_MS);
  await closeAllBrowsers();
  await sweepTemps(progress.dirs, true).catch(() => {});
  const pending = progress.notes.filter((note) => !progress.written.has(note));
  console.error(
    `report: ${describeStop(reason)}; ` +
      (pending.length === 0
        ? "every note was written"
        : `no note was written for ${pending.join(", ")}`),
  );
  Deno.exit(exitCode(reason));
}
