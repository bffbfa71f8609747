/**
 * A note's appendix: where its data come from (the datasets' sections of `data/SOURCES.md`),
 * the parameters of the run, the house view the notes share (its text and sha256), and a
 * reproducibility manifest (data sha256s, lib version, git
 * commit, Deno version, random seeds, freeze hash). Pure.
 *
 * @module
 */
import { cellSource, type Notebook } from "../notebook/notebook.ts";
import { readSection } from "../ingest/sources_md.ts";
import { injectedParameters } from "../notebook/parameters.ts";
import { renderMarkdown } from "./markdown.ts";
import { escapeHtml } from "./note_html.ts";

/** A parameter as the run used it. */
export interface ParameterUsed {
  /** Parameter name. */
  readonly name: string;
  /** Its value, as TypeScript source. */
  readonly value: string;
  /** Whether the value was the notebook's own or given with `--param`. */
  readonly origin: "notebook" | "--param";
}

/** What it takes to reproduce a note. */
export interface ReproducibilityManifest {
  /** Notebook path. */
  readonly notebook: string;
  /** How the outputs were obtained. */
  readonly outputs:
    | "executed for this note"
    | "saved outputs (freeze hash matched)"
    | "saved outputs (--no-execute)";
  /** Freeze hash of the run. */
  readonly freezeHash: string;
  /** `@mullet/kit` version from `deno.json`. */
  readonly libVersion: string;
  /** Git commit, with "+ uncommitted changes" when the tree is dirty, or why it is unknown. */
  readonly gitCommit: string;
  /** Deno version. */
  readonly denoVersion: string;
  /** sha256 of every data file, by name. */
  readonly dataHashes: Readonly<Record<string, string>>;
}

/** Inputs of {@linkcode appendixHtml}. */
export interface AppendixInputs {
  /** `data/SOURCES.md`'s text. */
  readonly sourcesMd: string;
  /** Datasets the notebook loads (see {@linkcode datasetsUsed}). */
  readonly datasets: readonly string[];
  /** Parameters of the run. */
  readonly parameters: readonly ParameterUsed[];
  /** The manifest. */
  readonly manifest: ReproducibilityManifest;
  /** The CSV of each exhibit's data, as the note's folder holds them (path from the note's
   * HTML), with the exhibit's label and row count. Default: none. */
  readonly exhibitFiles?: readonly {
    readonly file: string;
    readonly label: string;
    readonly rows: number;
  }[];
  /** The house view the notes of the run share: its file, text and sha256. Default: none. */
  readonly houseView?: { readonly file: string; readonly text: string; readonly sha256: string };
}

/**
 * Datasets a notebook loads, from the `loadX` calls in its code (`loadBtcDaily` → `btc_daily`),
 * keeping those that `known` lists.
 *
 * @example
 * ```ts
 * import { datasetsUsed } from "./appendix.ts";
 * import assert from "node:assert/strict";
 *
 * const nb = { nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ cell_type: "code" as const, metadata: {},
 *   source: "const d = await loadBtcDaily();\nconst g = await loadGpuRentalPrices({ kind: 'x' }); loadBtcDaily();" }] };
 * assert.deepEqual(datasetsUsed(nb, ["btc_daily", "gpu_rental_prices", "asic_models"]), ["btc_daily", "gpu_rental_prices"]);
 * ```
 */
export function datasetsUsed(notebook: Notebook, known: readonly string[]): string[] {
  const used = new Set<string>();
  for (const cell of notebook.cells) {
    if (cell.cell_type !== "code") continue;
    for (const [, name] of cellSource(cell).matchAll(/\bload([A-Z]\w*)\s*\(/g)) {
      const dataset = name!.replace(
        /[A-Z]/g,
        (c, i: number) => `${i === 0 ? "" : "_"}${c.toLowerCase()}`,
      );
      if (known.includes(dataset)) used.add(dataset);
    }
  }
  return known.filter((k) => used.has(k));
}

/**
 * The parameters a run used: the notebook's declared values, overridden by those of its
 * `injected-parameters` cell.
 *
 * @example
 * ```ts
 * import { parametersUsed } from "./appendix.ts";
 * import assert from "node:assert/strict";
 *
 * const declared = [{ name: "grossMw", defaultSource: "100", type: "number" as const },
 *   { name: "seed", defaultSource: "7", type: "number" as const }];
 * const nb = { nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ cell_type: "code" as const,
 *   metadata: { tags: ["injected-parameters"] }, source: "// Parameters injected\ngrossMw = 300;\n" }] };
 * assert.deepEqual(parametersUsed(nb, declared), [
 *   { name: "grossMw", value: "300", origin: "--param" }, { name: "seed", value: "7", origin: "notebook" }]);
 * ```
 */
export function parametersUsed(
  notebook: Notebook,
  declared: readonly { readonly name: string; readonly defaultSource: string }[],
): ParameterUsed[] {
  const injected = injectedParameters(notebook);
  return declared.map((p) => {
    const value = injected[p.name];
    return value === undefined
      ? { name: p.name, value: p.defaultSource, origin: "notebook" }
      : { name: p.name, value, origin: "--param" };
  });
}

/** A dataset's section of SOURCES.md up to its first subsection (inputs, checks…). */
function sourceSummary(sourcesMd: string, dataset: string): string {
  const section = readSection(sourcesMd, dataset);
  if (section === undefined) {
    throw new TypeError(
      `data/SOURCES.md has no section for ${dataset} (<!-- dataset:${dataset} -->)`,
    );
  }
  const summary = section.split(/^### /m)[0]!.replace(/^## /m, "#### ");
  return `<div class="source">${renderMarkdown(summary)}</div>`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const head = header.map((h) => `<th>${escapeHtml(h)}</th>`).join("");
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`).join("");
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/**
 * The appendix as HTML: data sources, parameters, reproducibility manifest.
 *
 * @example
 * ```ts
 * import { appendixHtml } from "./appendix.ts";
 * import assert from "node:assert/strict";
 *
 * const html = appendixHtml({
 *   sourcesMd: "<!-- dataset:btc_daily -->\n## `btc_daily.csv`: daily network\n\n- **Licence:** CC BY-NC 4.0\n\n### Inputs\n| a |\n<!-- /dataset:btc_daily -->\n",
 *   datasets: ["btc_daily"],
 *   parameters: [{ name: "seed", value: "42", origin: "notebook" }],
 *   manifest: { notebook: "notebooks/03.ipynb", outputs: "executed for this note", freezeHash: "ab",
 *     libVersion: "0.1.0", gitCommit: "0123abc", denoVersion: "2.9.6", dataHashes: { "btc_daily.csv": "ff" } },
 * });
 * assert.match(html, /Licence:<\/strong> CC BY-NC 4.0/);
 * assert.doesNotMatch(html, /Inputs/);
 * assert.match(html, /<td>Random seed<\/td><td>seed = 42<\/td>/);
 * assert.match(html, /<code>btc_daily.csv<\/code><\/td><td><code>ff<\/code>/);
 * const withData = appendixHtml({ sourcesMd: "", datasets: [], parameters: [], manifest: { notebook: "n",
 *   outputs: "executed for this note", freezeHash: "ab", libVersion: "0.1.0", gitCommit: "c", denoVersion: "2",
 *   dataHashes: {} }, exhibitFiles: [{ file: "03/exhibit-1.csv", label: "Exhibit 1: Up", rows: 21 }] });
 * assert.match(withData, /<td>Exhibit 1: Up<\/td><td><code>03\/exhibit-1.csv<\/code><\/td><td>21<\/td>/);
 * ```
 */
export function appendixHtml(inputs: AppendixInputs): string {
  const { manifest } = inputs;
  const seeds = inputs.parameters.filter((p) => /seed/i.test(p.name));
  const parameters = inputs.parameters.length === 0
    ? "<p>The notebook declares no parameters.</p>"
    : table(
      ["Parameter", "Value", "Set by"],
      inputs.parameters.map((p) => [
        `<code>${escapeHtml(p.name)}</code>`,
        `<code>${escapeHtml(p.value)}</code>`,
        p.origin === "--param" ? "<code>--param</code>" : "the notebook",
      ]),
    );
  const code = (s: string) => `<code>${escapeHtml(s)}</code>`;
  const facts = table(["Item", "Value"], [
    ["Notebook", code(manifest.notebook)],
    ["Outputs", escapeHtml(manifest.outputs)],
    ["Freeze hash", code(manifest.freezeHash)],
    ["mullet lib version", code(manifest.libVersion)],
    ["Git commit", code(manifest.gitCommit)],
    ["Deno", code(manifest.denoVersion)],
    [
      "Random seed",
      seeds.length === 0
        ? "none (the notebook draws no random numbers)"
        : seeds.map((p) => escapeHtml(`${p.name} = ${p.value}`)).join(", "),
    ],
  ]);
  const hashes = table(
    ["Data file", "sha256"],
    Object.keys(manifest.dataHashes).sort().map((
      name,
    ) => [code(name), code(manifest.dataHashes[name]!)]),
  );
  const house = inputs.houseView === undefined ? "" : `<h3>House view</h3>
<p>The assumptions every note shares, from <code>${escapeHtml(inputs.houseView.file)}</code>
(sha256 <code>${inputs.houseView.sha256}</code>):</p>
<pre class="house-view">${escapeHtml(inputs.houseView.text)}</pre>`;
  const sources = inputs.datasets.length === 0
    ? "<p>The notebook reads no dataset from <code>data/</code>.</p>"
    : inputs.datasets.map((d) => sourceSummary(inputs.sourcesMd, d)).join("\n");
  const files = inputs.exhibitFiles ?? [];
  const exhibitData = files.length === 0 ? "" : `<h3>Data behind the exhibits</h3>
<p>Each exhibit's data ships beside this note as a CSV; its first lines (starting
<code>#</code>) give the exhibit, its source, the date the data run to and each column's type.</p>
${
    table(
      ["Exhibit", "File", "Rows"],
      files.map((f) => [escapeHtml(f.label), code(f.file), String(f.rows)]),
    )
  }`;
  return `<section class="appendix">
<h2>Appendix</h2>
<h3>Data sources</h3>
${sources}
${exhibitData}
<h3>Parameters of this run</h3>
${parameters}
${house}
<h3>Reproducibility</h3>
${facts}
${hashes}
</section>`;
}
